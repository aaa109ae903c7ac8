/** `junheng plan FILE [-o OUT.xlsx] [--json OUT.json] [--profile NAME] [--cv-rule each|composite] [--no-split]` */
import * as path from "path";
import { planRemediation } from "../../engine/plan";
import { PLAN_SHEET, planJson, planSheet, planSummaryLines } from "../../workbook/render-plan";
import { ownedSheetPlan } from "../../workbook/owned";
import { EXIT } from "../command";
import { nativeDeflate } from "../files";
import type { Command } from "../command";
import { assessFile, assessOptionsOf } from "../load";
import { RESULT_OPTIONS_HELP, parseResultArgs, writeJson, writeWorkbook } from "../output";

const USAGE = `用法：junheng plan 文件.xlsx [选项]

整改测算：先把每个监测点低于标准值的指标补到标准值（第一步），再对差异系数仍超过标准的
学段和指标，测算使其降到标准以内所需的最少增加量（第二步），按学校逐一列出（一校一案）。

选项：
  -o, --output 输出.xlsx     写出含评估结果和「${PLAN_SHEET}」工作表的新工作簿（原文件不变）
      --json 输出.json       把测算结果按 JSON 写出（用“-”表示输出到屏幕）
${RESULT_OPTIONS_HELP}

增加量单位：教师（101–103）人，校舍和场馆（104、105）㎡，仪器设备（106）万元，多媒体教室（107）间。
退出码：0 测算完成；1 用法错误；2 文件无法使用。`;

export const planCommand: Command = {
  name: "plan",
  summary: "整改测算：达标和差异系数所需的最少增加量（一校一案），可写出工作簿和 JSON",
  usage: USAGE,
  async run(args, io) {
    const r = parseResultArgs(args, USAGE, io, 1, "需要且只需要一个输入文件。");
    if (!r) return EXIT.ok;
    const file = r.files[0];
    const { host, run } = await assessFile(file, assessOptionsOf(r.parsed));
    const plan = planRemediation(run.assessment);

    r.say(`整改测算：${path.basename(file)}（${run.assessment.profile.name}）`);
    for (const line of planSummaryLines(plan)) r.say(line);
    await writeJson(r, io, planJson(plan));
    await writeWorkbook(r, async () => {
      // By marker like every result sheet: a user's own 「整改测算」 is kept (the result goes beside it).
      await host.apply(ownedSheetPlan(planSheet(plan, run.assessment), "plan", await host.read([])));
      return host.save({ deflate: nativeDeflate });
    });
    return EXIT.ok;
  },
};
