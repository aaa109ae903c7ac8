/** `junheng assess FILE [-o OUT.xlsx] [--json OUT.json] [--profile NAME] [--cv-rule each|composite] [--no-split] [--sheet NAME]… [--write-map]` */
import * as path from "path";
import type { XlsxHost } from "../../hosts/xlsx";
import type { LayoutKind } from "../../workbook/contract";
import { toContractJson } from "../../workbook/json";
import type { AssessRun } from "../../workbook/run";
import { listShortfalls } from "../../workbook/shortfalls";
import { parseArgs } from "../args";
import { CliError, EXIT } from "../command";
import type { Command } from "../command";
import { writeOutput } from "../files";
import { assessFile, assessOptionsOf } from "../load";
import { summaryLines } from "../summary";

const LAYOUT_ZH: Record<LayoutKind, string> = { template: "模板", statistics: "统计报表导出", sections: "按学段分表", values: "表Ⅱ-2指标值", mapping: "按「列对应」读取" };

const USAGE = `用法：junheng assess 文件.xlsx [选项]

读取工作簿的学校数据（「学校数据」工作表，或按内容找到的统计报表导出表、按学段分表、
表Ⅱ-2；有「列对应」表时按它读取）、「县级指标」（及可选的「评估标准」），按评估标准计算
各项指标，在屏幕上显示结论摘要。

选项：
  -o, --output 输出.xlsx     把评估结果写入新工作簿（原文件不变；可与输入同名以覆盖原文件）
      --json 输出.json       把结果按 JSON 约定写出（用“-”表示输出到屏幕）
      --profile 名称         评估标准（默认 national-2017）
      --cv-rule each|composite
                             差异系数判定规则：each 每项指标均不超过标准（默认），
                             composite 仅看综合差异系数
      --no-split             不按加权学生数拆分一贯制/完全中学的校舍和设备
      --sheet 工作表名       学校数据所在的工作表（默认按内容自动查找；按学段分表时可写两次）
      --write-map            在结果工作簿中写出「列对应」表（各字段取自哪些列），便于核对和修改
  -h, --help                 显示本帮助

不带 -o 时只计算和显示，不写任何工作簿。
退出码：0 评估已完成（无论是否达标）；1 用法错误；2 文件无法使用。`;

export const assessCommand: Command = {
  name: "assess",
  summary: "评估工作簿，显示结论，可写出结果工作簿（-o）和 JSON（--json）",
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args, [
      { name: "output", short: "o", value: true },
      { name: "json", value: true },
      { name: "profile", value: true },
      { name: "cv-rule", value: true, choices: ["each", "composite"] },
      { name: "no-split", value: false },
      { name: "sheet", value: true, repeatable: true },
      { name: "write-map", value: false },
    ]);
    if (parsed.help) {
      io.out(USAGE);
      return EXIT.ok;
    }
    if (parsed.positional.length !== 1) throw new CliError(`需要且只需要一个输入文件。\n\n${USAGE}`);
    const file = parsed.positional[0];
    const { output, json } = parsed.options;
    const jsonToStdout = json === "-";
    const say = jsonToStdout ? io.err : io.out;
    const loaded: { host: XlsxHost; run: AssessRun | null } = await assessFile(file, assessOptionsOf(parsed));
    const { host } = loaded;
    const { assessment, read } = loaded.run!;

    say(`优质均衡评估：${path.basename(file)}`);
    say(`学校数据：${read.layouts.map((l) => `「${l.sheet}」`).join("、")}（${LAYOUT_ZH[read.layout.kind]}${read.mapping.bySheet ? "，按「列对应」表读取" : ""}）`);
    for (const line of summaryLines(assessment, read, listShortfalls(assessment, read).length)) say(line);

    if (json) {
      const text = JSON.stringify(toContractJson(assessment, read), null, 2) + "\n";
      if (jsonToStdout) io.out(text.trimEnd());
      else {
        await writeOutput(json, text);
        say(`已写出 JSON：${json}`);
      }
    }
    // The write plan is not needed any more: let it go before exceljs builds the file.
    loaded.run = null;
    if (output) {
      await writeOutput(output, await host.save());
      say(`已写出结果工作簿：${output}`);
    } else {
      say("（未指定 -o，未写出工作簿，原文件未改动。）");
    }
    return EXIT.ok;
  },
};
