/** `junheng compare OLD.xlsx NEW.xlsx [-o OUT.xlsx] [--json OUT.json] [--profile NAME] [--cv-rule …] [--no-split]` */
import * as path from "path";
import { cv as cvText } from "../../engine/format";
import { SECTION_LABEL, SECTIONS } from "../../engine/types";
import { COMPARE_SHEET, compareJson, compareSheet, direction } from "../../workbook/render-compare";
import { ownedSheetPlan } from "../../workbook/owned";
import { EXIT } from "../command";
import { nativeDeflate } from "../files";
import type { Command } from "../command";
import { assessFile, assessOptionsOf, compareWithLastYear } from "../load";
import { RESULT_OPTIONS_HELP, parseResultArgs, writeJson, writeWorkbook } from "../output";

const USAGE = `用法：junheng compare 上年.xlsx 本年.xlsx [选项]

与上年比较：两年的工作簿按同一评估标准评估后逐校比较。学校按学校代码对应，没有代码的按学校名称
对应；列出指标状态有变化的监测点（两年的状态和数值）、两年的差异系数，以及新增、减少和更名的学校。

选项：
  -o, --output 输出.xlsx     写出本年工作簿（含评估结果和「${COMPARE_SHEET}」工作表；原文件不变）
      --json 输出.json       把比较结果按 JSON 写出（用“-”表示输出到屏幕）
${RESULT_OPTIONS_HELP}

两年按同一评估标准和判定规则评估。

退出码：0 比较完成；1 用法错误；2 文件无法使用。`;

export const compareCommand: Command = {
  name: "compare",
  summary: "与上年比较：逐校列出指标状态变化、两年差异系数、新增/减少/更名学校",
  usage: USAGE,
  async run(args, io) {
    const r = parseResultArgs(args, USAGE, io, 2, "需要两个输入文件：上年的和本年的。");
    if (!r) return EXIT.ok;
    const [oldFile, newFile] = r.files;
    const opts = assessOptionsOf(r.parsed);
    const { host, run } = await assessFile(newFile, opts);
    const c = await compareWithLastYear(oldFile, run, opts);

    r.say(`与上年比较：${path.basename(oldFile)} → ${path.basename(newFile)}`);
    for (const s of SECTIONS) {
      const k = c.counts[s];
      r.say(`${SECTION_LABEL[s]}：达标监测点 ${k.old.passing}/${k.old.units} → ${k.new.passing}/${k.new.units}；综合差异系数 ${cvText(c.balance[s].composite.old)} → ${cvText(c.balance[s].composite.new)}`);
    }
    const changes = c.units.flatMap((u) => Object.values(u.changes));
    r.say(`指标状态变化：${changes.filter((x) => direction(x!) > 0).length} 项好转，${changes.filter((x) => direction(x!) < 0).length} 项退步，共 ${changes.length} 项`);
    r.say(`学校：新增 ${c.added.length} 所，减少 ${c.removed.length} 所，更名 ${c.renamed.length} 所`);
    await writeJson(r, io, compareJson(c));
    await writeWorkbook(r, async () => {
      // By marker like every result sheet: a user's own 「与上年比较」 is kept (the result goes beside it).
      await host.apply(ownedSheetPlan(compareSheet(c, run.assessment.profile, { old: path.basename(oldFile), new: path.basename(newFile) }), "compare", await host.read([])));
      return host.save({ deflate: nativeDeflate });
    });
    return EXIT.ok;
  },
};
