/** `junheng summary FILES… -o 汇总.xlsx [--json OUT.json] [--profile NAME] [--cv-rule …] [--no-split]` */
import * as path from "path";
import { NotXlsxError, XlsxHost } from "../../hosts/xlsx";
import { UnusableWorkbookError } from "../../workbook/contract";
import { baseProfile, UnknownProfileError } from "../../workbook/run";
import { SUMMARY_SHEET, summarizeWorkbooks, summaryJson, summarySheet, VERDICT_LABEL } from "../../workbook/summary";
import { CliError, EXIT } from "../command";
import type { Command } from "../command";
import { readInput } from "../files";
import { assessOptionsOf } from "../load";
import { RESULT_OPTIONS_HELP, parseResultArgs, writeJson, writeWorkbook } from "../output";

const USAGE = `用法：junheng summary 文件1.xlsx 文件2.xlsx … -o 汇总.xlsx [选项]

多县汇总：逐个评估各县（区）的工作簿，每县一行：县名（取自「县级指标」）、结论、各学段参评和
达标的监测点数、七项差异系数和综合差异系数及判定、影响认定的问题。无法读取的文件单列一行并
注明原因，其余文件照常汇总。

选项：
  -o, --output 汇总.xlsx     写出汇总工作簿（「${SUMMARY_SHEET}」工作表）
      --json 输出.json       把汇总结果按 JSON 写出（用“-”表示输出到屏幕）
${RESULT_OPTIONS_HELP}

各县按同一评估标准和判定规则评估。

退出码：0 汇总完成（个别文件无法读取也算完成）；1 用法错误。`;

const NOT_XLSX = "不是有效的 Excel 工作簿（.xlsx），或文件已损坏，无法打开";

/** A failure's Chinese text for the file's row; never an English exception message. */
function errorText(e: unknown): string {
  if (e instanceof CliError || e instanceof UnusableWorkbookError) return e.message;
  return NOT_XLSX;
}

/** Opens one county file (its row says why when it cannot). */
async function openFile(file: string): Promise<XlsxHost> {
  const bytes = await readInput(file);
  try {
    return await XlsxHost.load(bytes);
  } catch (e) {
    if (e instanceof NotXlsxError) throw new CliError(NOT_XLSX);
    throw e;
  }
}

export const summaryCommand: Command = {
  name: "summary",
  summary: "多县汇总：多个县（区）工作簿每县一行，写出汇总工作簿（-o）和 JSON（--json）",
  usage: USAGE,
  async run(args, io) {
    const r = parseResultArgs(args, USAGE, io, "some", "需要至少一个输入文件。");
    if (!r) return EXIT.ok;
    if (!r.output && !r.json) throw new CliError(`请用 -o 指定汇总工作簿（或用 --json 指定 JSON 输出）。\n\n${USAGE}`);
    if (r.output && !/\.xlsx$/i.test(r.output)) throw new CliError(`汇总工作簿文件名应以 .xlsx 结尾：${r.output}`);
    const opts = assessOptionsOf(r.parsed);
    try {
      baseProfile(opts.profileId);
    } catch (e) {
      if (e instanceof UnknownProfileError) throw new CliError(e.message, EXIT.usage);
      throw e;
    }
    const rows = await summarizeWorkbooks(
      r.files.map((file) => ({ file: path.basename(file), open: () => openFile(file) })),
      {
        ...opts,
        errorText,
        onProgress: (done, total, file) => {
          if (total > 1) io.err(`[${done}/${total}] ${file}`);
        },
      },
    );
    r.say(`多县汇总：${rows.length} 个文件`);
    for (const row of rows) {
      r.say(`  ${row.county ?? row.file}：${row.verdict === null ? `无法评估（${row.error}）` : VERDICT_LABEL[row.verdict]}`);
    }
    await writeJson(r, io, summaryJson(rows));
    if (r.output) {
      await writeWorkbook(r, async () => {
        const host = XlsxHost.create();
        await host.apply({ sheets: [summarySheet(rows)], activate: SUMMARY_SHEET });
        return host.save();
      }, "汇总工作簿");
    }
    return EXIT.ok;
  },
};
