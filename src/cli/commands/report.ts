/** `junheng report FILE [-o OUT.docx]`: the 自查自评报告 draft of a workbook, as .docx. */
import * as path from "path";
import { buildReportDocx } from "../../report/docx";
import { exportFileName } from "../../report/export";
import { parseArgs, type OptionSpec, type ParsedArgs } from "../args";
import { CliError, EXIT, type CliIO, type Command } from "../command";
import { writeOutput } from "../files";
import { assessFile, assessOptionsOf, compareWithLastYear as lastYear } from "../load";

/** Options shared by `report` and `export`. */
export const ASSESS_OPTION_SPECS: OptionSpec[] = [
  { name: "output", short: "o", value: true },
  { name: "profile", value: true },
  { name: "cv-rule", value: true, choices: ["each", "composite"] },
  { name: "no-split", value: false },
  { name: "county", value: true },
  { name: "last", value: true },
  { name: "sheet", value: true, repeatable: true },
];

export const ASSESS_OPTION_HELP = `      --county 名称          县（区）名称（默认取「县级指标」中的名称）
      --sheet 工作表名       学校数据所在的工作表（默认按内容自动查找；按学段分表时可写两次）
      --profile 名称         评估标准（默认 national-2017）
      --cv-rule each|composite
                             差异系数判定规则（默认 each：每项指标均不超过标准）
      --no-split             不按加权学生数拆分一贯制/完全中学的校舍和设备
  -h, --help                 显示本帮助`;

/**
 * The output file of `report` / `export`: -o as given, else beside the input as
 * <dir>/<county>-<what>-<date>.<ext>; a name without the extension is a usage error (`label` 文件名…).
 */
export function outputFile(file: string, output: string | undefined, county: string | null | undefined, what: string, ext: string, label: string): string {
  const out = output ?? path.join(path.dirname(path.resolve(file)), exportFileName(county, new Date(), what, ext));
  if (!out.toLowerCase().endsWith(`.${ext}`)) throw new CliError(`${label}文件名应以 .${ext} 结尾：${out}`);
  return out;
}

const USAGE = `用法：junheng report 文件.xlsx [-o 报告.docx] [选项]

评估工作簿（只在内存中，原文件不变），生成《自查自评报告》初稿（Word .docx）：
基本情况、各项指标达标情况（含差异系数表和两幅图）、存在问题清单；
“主要做法”等需要本单位填写的内容以【请填写：…】标出。

选项：
  -o, --output 报告.docx     输出文件（默认：输入文件所在目录下“县名-优质均衡自查自评报告-日期.docx”）
      --last 上年.xlsx       上年的工作簿：报告中加一段“与上年比较”
${ASSESS_OPTION_HELP}

退出码：0 已生成；1 用法错误；2 文件无法使用。`;

/**
 * Parses the arguments of `report` / `export`: null after printing the usage for --help;
 * otherwise the input file and the options. Exactly one input file.
 */
export function parseFileArgs(args: string[], usage: string, io: CliIO): { file: string; parsed: ParsedArgs } | null {
  const parsed = parseArgs(args, ASSESS_OPTION_SPECS);
  if (parsed.help) {
    io.out(usage);
    return null;
  }
  if (parsed.positional.length !== 1) throw new CliError(`需要且只需要一个输入文件。\n\n${usage}`);
  return { file: parsed.positional[0], parsed };
}

export async function runReport(args: string[], io: CliIO): Promise<number> {
  const p = parseFileArgs(args, USAGE, io);
  if (!p) return EXIT.ok;
  const { file, parsed } = p;
  const { run } = await assessFile(file, assessOptionsOf(parsed));
  const county = parsed.options.county ?? run.read.dataset.county.name;
  const out = outputFile(file, parsed.options.output, county, "优质均衡自查自评报告", "docx", "报告");
  const comparison = parsed.options.last ? await lastYear(parsed.options.last, run, assessOptionsOf(parsed)) : undefined;
  const bytes = await buildReportDocx(run.assessment, run.read, { countyName: parsed.options.county, comparison });
  await writeOutput(out, bytes);
  io.out(`已生成自查自评报告初稿：${out}`);
  io.out("请在 Word 或 WPS 中打开，补充标有【请填写：…】的内容，并核对各项数据。");
  return EXIT.ok;
}

export const reportCommand: Command = {
  name: "report",
  summary: "生成《自查自评报告》初稿（.docx）",
  usage: USAGE,
  run: runReport,
};
