/** `junheng export FILE [-o OUT.xlsx]`: 导出上报 — the checked sheets in a new workbook. */
import { EXPORT_SHEETS } from "../../report/export";
import { exportWorkbook } from "../../report/workbook";
import { EXIT, type CliIO, type Command } from "../command";
import { writeOutput } from "../files";
import { assessFile, assessOptionsOf } from "../load";
import { ASSESS_OPTION_HELP, outputFile, parseFileArgs } from "./report";

const USAGE = `用法：junheng export 文件.xlsx [-o 上报.xlsx] [选项]

评估工作簿（只在内存中，原文件不变），把检查后的工作表
（${EXPORT_SHEETS.join("、")}）导出为一个新的工作簿，用于上报：
只含数值和格式，没有公式、宏、加载项设置和隐藏工作表；「差异系数」表附两幅图表。

选项：
  -o, --output 上报.xlsx     输出文件（默认：输入文件所在目录下“县名-优质均衡自查-日期.xlsx”）
${ASSESS_OPTION_HELP}

退出码：0 已导出；1 用法错误；2 文件无法使用。`;

export async function runExport(args: string[], io: CliIO): Promise<number> {
  const p = parseFileArgs(args, USAGE, io);
  if (!p) return EXIT.ok;
  const { file, parsed } = p;
  const { host, run } = await assessFile(file, assessOptionsOf(parsed));
  const county = parsed.options.county ?? run.read.dataset.county.name;
  const out = outputFile(file, parsed.options.output, county, "优质均衡自查", "xlsx", "导出");
  await writeOutput(out, await exportWorkbook(host, run));
  io.out(`已导出上报工作簿：${out}`);
  return EXIT.ok;
}

export const exportCommand: Command = {
  name: "export",
  summary: "导出上报工作簿（检查后的工作表，仅数值和格式，附图表）",
  usage: USAGE,
  run: runExport,
};
