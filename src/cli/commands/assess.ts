/** `junheng assess FILE [-o OUT.xlsx] [--json OUT.json] [--profile NAME] [--cv-rule each|composite] [--no-split] [--sheet NAME]… [--write-map]` */
import * as path from "path";
import type { XlsxHost } from "../../hosts/xlsx";
import type { LayoutKind } from "../../workbook/contract";
import { toContractJson } from "../../workbook/json";
import type { AssessRun } from "../../workbook/run";
import { listShortfalls } from "../../workbook/shortfalls";
import { CliError, EXIT } from "../command";
import type { Command } from "../command";
import { checkOutputKind, nativeDeflate } from "../files";
import { assessFile, assessOptionsOf, isConverted } from "../load";
import { RESULT_OPTIONS_HELP, parseResultArgs, writeJson, writeWorkbook } from "../output";
import { summaryLines } from "../summary";

const LAYOUT_ZH: Record<LayoutKind, string> = { template: "模板", statistics: "统计报表导出", sections: "按学段分表", values: "表Ⅱ-2指标值", mapping: "按「列对应」读取" };

const USAGE = `用法：junheng assess 文件.xlsx [选项]

读取工作簿的学校数据（「学校数据」工作表，或按内容找到的统计报表导出表、按学段分表、
表Ⅱ-2；有「列对应」表时按它读取）、「县级指标」（及可选的「评估标准」），按评估标准计算
各项指标，在屏幕上显示结论摘要。

选项：
  -o, --output 输出.xlsx     把评估结果写入新工作簿（原文件不变；可与输入同名以覆盖原文件）
      --json 输出.json       把结果按 JSON 约定写出（用“-”表示输出到屏幕）
${RESULT_OPTIONS_HELP}

不带 -o 时只计算和显示，不写任何工作簿。
也可读取 .xls、.et（WPS）和 .ods 表格：按其内容评估，结果只写入 -o 指定的新 .xlsx 工作簿，原文件不变。
退出码：0 评估已完成（无论是否达标）；1 用法错误；2 文件无法使用。`;

export const assessCommand: Command = {
  name: "assess",
  summary: "评估工作簿，显示结论，可写出结果工作簿（-o）和 JSON（--json）",
  usage: USAGE,
  async run(args, io) {
    const r = parseResultArgs(args, USAGE, io, 1, "需要且只需要一个输入文件。");
    if (!r) return EXIT.ok;
    const file = r.files[0];
    const loaded: { host: XlsxHost; run: AssessRun | null } = await assessFile(file, assessOptionsOf(r.parsed));
    const { host } = loaded;
    const fromLegacy = isConverted(host);
    if (r.output && fromLegacy && path.resolve(r.output) === path.resolve(file)) {
      throw new CliError(`「${path.basename(file)}」是 .xls/.et/.ods 表格，无法原样写回。请用 -o 指定一个新的 .xlsx 文件名。`, EXIT.usage);
    }
    if (r.output) checkOutputKind(r.output, host.macroEnabled());
    const { assessment, read } = loaded.run!;

    r.say(`优质均衡评估：${path.basename(file)}`);
    r.say(`学校数据：${read.layouts.map((l) => `「${l.sheet}」`).join("、")}（${LAYOUT_ZH[read.layout.kind]}${read.mapping.bySheet ? "，按「列对应」表读取" : ""}）`);
    for (const line of summaryLines(assessment, read, listShortfalls(assessment, read).length)) r.say(line);
    await writeJson(r, io, toContractJson(assessment, read));
    // The write plan is not needed any more: let it go before the package is written.
    loaded.run = null;
    if (fromLegacy && r.output) {
      await writeWorkbook(r, () => host.save({ deflate: nativeDeflate }), `结果工作簿（新的 .xlsx，含原表格的数据和评估结果；原文件「${path.basename(file)}」未改动）`);
    } else if (fromLegacy) {
      r.say("（未指定 -o，未写出工作簿，原文件未改动。.xls/.et/.ods 的评估结果只能写入新的 .xlsx：请用 -o 新文件名.xlsx。）");
    } else {
      await writeWorkbook(r, () => host.save({ deflate: nativeDeflate }));
    }
    return EXIT.ok;
  },
};
