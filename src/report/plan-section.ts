/**
 * The report's 整改测算 paragraphs for 四、问题与下一步: what the county must add to reach every
 * threshold (step 1) and, where a 差异系数 stays over its limit, the further additions of step 2,
 * from a RemediationPlan (engine/plan.ts). The full list is the workbook's 「整改测算」 (一校一案).
 * Pure; the section builder (sentences.ts) places the paragraphs.
 */
import { cv, fixed } from "../engine/format";
import { planRemediation, planStep } from "../engine/plan";
import type { RemediationPlan } from "../engine/plan";
import { gapUnitOf } from "../engine/units";
import { INDICATOR_CODES, SECTION_LABEL, SECTIONS } from "../engine/types";
import type { Assessment, IndicatorCode } from "../engine/types";
import { amountsText } from "../workbook/render-plan";
import { para } from "./outline";
import type { ParagraphBlock } from "./outline";

/** Step-2 additions of one group and indicator over its units. */
function step2Total(plan: RemediationPlan, section: "primary" | "junior", code: IndicatorCode): { amount: number; schools: number } {
  const g = plan.groups[section];
  let schools = 0;
  for (const u of plan.units) if (u.section === section && planStep(plan, u, code) === 2) schools++;
  const spec = gapUnitOf(code);
  return { amount: Number((g.totals[code] - g.totalsStep1[code]).toFixed(spec.decimals)), schools };
}

/**
 * The paragraphs (codes "plan", "plan-cv", "plan-total"). `whole` is the county word (全县 / 全区).
 * Empty when the county needs nothing.
 */
export function planParagraphs(plan: RemediationPlan, a: Assessment, whole: string): ParagraphBlock[] {
  const out: ParagraphBlock[] = [];
  const step1 = SECTIONS.map((s) => ({ s, text: amountsText(plan.groups[s].totalsStep1, "") })).filter((x) => x.text);
  const any = SECTIONS.some((s) => INDICATOR_CODES.some((c) => plan.groups[s].totals[c] > 0));
  if (!any) return out;
  if (step1.length) {
    out.push(para(`经整改测算，${whole}要使每所学校各项资源配置指标达到标准值，需增加：${step1.map((x) => `${SECTION_LABEL[x.s]}${x.text}`).join("；")}。`, "plan"));
  }
  for (const s of SECTIONS) {
    const g = plan.groups[s];
    const limit = fixed(g.limit, 2);
    if (g.rule === "composite") {
      const raised = INDICATOR_CODES.filter((c) => g.indicators[c].level !== null);
      if (raised.length === 0) continue;
      const adds = raised.map((c) => `${gapUnitOf(c).what}${fixed(step2Total(plan, s, c).amount, gapUnitOf(c).decimals)}${gapUnitOf(c).unit}`).join("、");
      out.push(
        para(
          `补足后${SECTION_LABEL[s]}综合差异系数为${cv(g.composite.cvAfterStep1)}，仍超过${limit}；先降低差异系数最大的指标${raised.join("、")}，还需增加${adds}，综合差异系数可降至${cv(g.composite.cvAfter)}。`,
          "plan-cv",
        ),
      );
      continue;
    }
    for (const code of INDICATOR_CODES) {
      const i = g.indicators[code];
      if (i.level === null) continue;
      const t = step2Total(plan, s, code);
      const spec = gapUnitOf(code);
      const rule = a.profile.indicators[code];
      out.push(
        para(
          `补足后${SECTION_LABEL[s]}指标${code}${rule.shortName}差异系数为${cv(i.cvAfterStep1)}，仍超过${limit}；把低于${fixed(i.level, 2)}${rule.unit}的${t.schools}所学校补足到这一水平，还需增加${spec.what}${fixed(t.amount, spec.decimals)}${spec.unit}，差异系数可降至${cv(i.cvAfter)}。`,
          "plan-cv",
        ),
      );
    }
  }
  const total = amountsText(plan.county, "");
  out.push(para(`以上合计，${whole}需增加${total}（各校明细见工作簿「整改测算」一校一案）。`, "plan-total"));
  return out;
}

/** planParagraphs of an assessment (the plan computed here). */
export function planSection(a: Assessment, whole: string): ParagraphBlock[] {
  return planParagraphs(planRemediation(a), a, whole);
}
