/**
 * The 「整改测算」 sheet and the JSON of `junheng plan`, from a RemediationPlan (engine/plan.ts).
 *
 * Sheet ("replace", like the other result sheets): what the plan changes in the 差异系数 (before,
 * after step 1, after the plan, with step 2's water level), the totals per group and county in
 * 人 / ㎡ / 万元 / 间, then 一校一案: one block per school that needs anything, one row per section and
 * a 合计 row for a school with two sections. Amounts raised by step 2 are shaded amber.
 */
import { cv as cvText, fixed, num } from "../engine/format";
import { gapUnitOf } from "../engine/units";
import { INDICATOR_CODES, SECTION_LABEL, SECTIONS } from "../engine/types";
import type { Assessment, IndicatorCode, Section } from "../engine/types";
import { planAdd, planStep, schoolTotal, schoolTotals, unitAdds, unitSteps } from "../engine/plan";
import type { CvPath, RemediationPlan, UnitPlan } from "../engine/plan";
import { FILL } from "./plan";
import type { CellValue, SheetPlan } from "./plan";
import { addTable, emptySheet, fillRule, rowRef } from "./render-table";
import type { TableColumn } from "./render-table";

/** The sheet's name (a result sheet the plan command writes). */
export const PLAN_SHEET = "整改测算";

const RULE_WORD = { each: "每项指标差异系数均不超过标准", composite: "综合差异系数不超过标准" } as const;

/** Number format of an amount of one indicator (whole 人/间, ㎡ to 0.1, 万元 to 0.01). */
function amountFormat(code: IndicatorCode): string {
  const d = gapUnitOf(code).decimals;
  return d === 0 ? "0" : `0.${"0".repeat(d)}`;
}

/** "102 骨干教师（人）". */
function amountHeader(code: IndicatorCode): string {
  return `${code} ${gapUnitOf(code).what}（${gapUnitOf(code).unit}）`;
}

function amountColumns(): TableColumn[] {
  return INDICATOR_CODES.map((code) => ({ header: amountHeader(code), width: 12, format: amountFormat(code), align: "right" as const }));
}

/**
 * What the plan adds in words, e.g. "骨干教师 51 人、体育运动场馆 500.0 ㎡" ("" when nothing);
 * `sep` "" for running prose ("骨干教师51人").
 */
export function amountsText(amounts: Record<IndicatorCode, number>, sep = " "): string {
  return INDICATOR_CODES.filter((c) => amounts[c] > 0)
    .map((c) => `${gapUnitOf(c).what}${sep}${fixed(amounts[c], gapUnitOf(c).decimals)}${sep}${gapUnitOf(c).unit}`)
    .join("、");
}

export function planSheet(plan: RemediationPlan, a: Assessment): SheetPlan {
  const sheet = emptySheet(PLAN_SHEET, "replace");
  sheet.tabColor = "#2E75B6";
  sheet.blocks.push({ row: 0, col: 0, values: [[`整改测算（${a.profile.name}；${RULE_WORD[plan.rule]}）`]] });
  sheet.formats.push({ row: 0, col: 0, rows: 1, cols: 1, bold: true });
  sheet.blocks.push({
    row: 1,
    col: 0,
    values: [["第一步：把每个监测点低于标准值的指标补到标准值；第二步：差异系数仍超标的，把低于“水位线”的监测点补到水位线（取最低的水位线，按整人、整间、0.1㎡、0.01万元取整）。"]],
  });

  // 1. 差异系数 before / after step 1 / after.
  let r = 3;
  sheet.blocks.push({ row: r, col: 0, values: [["一、差异系数变化"]] });
  sheet.formats.push({ row: r, col: 0, rows: 1, cols: 1, bold: true });
  const cvCols: TableColumn[] = [
    { header: "学段", width: 10 },
    { header: "指标", width: 20 },
    { header: "整改前", width: 10, format: "0.0000" },
    { header: "第一步后", width: 10, format: "0.0000" },
    { header: "整改后", width: 10, format: "0.0000" },
    { header: "标准（≤）", width: 10, format: "0.00" },
    { header: "第二步水位线", width: 14, format: "0.00" },
  ];
  const cvRows: CellValue[][] = [];
  for (const s of SECTIONS) {
    const g = plan.groups[s];
    const row = (label: string, p: CvPath, level: number | null): CellValue[] => [SECTION_LABEL[s], label, p.cvBefore, p.cvAfterStep1, p.cvAfter, g.limit, level];
    for (const code of INDICATOR_CODES) cvRows.push(row(`${code} ${a.profile.indicators[code].shortName}`, g.indicators[code], g.indicators[code].level));
    cvRows.push(row("综合", g.composite, null));
  }
  r = addTable(sheet, r + 1, 0, cvCols, cvRows, { setWidths: false });
  const notes = SECTIONS.flatMap((s) => plan.groups[s].notes.map((n) => `${SECTION_LABEL[s]}：${n}`));
  if (notes.length) {
    sheet.blocks.push({ row: r, col: 0, values: notes.map((n) => [n]) });
    r += notes.length;
  }

  // 2. Totals.
  r++;
  sheet.blocks.push({ row: r, col: 0, values: [["二、需增加合计"]] });
  sheet.formats.push({ row: r, col: 0, rows: 1, cols: 1, bold: true });
  const totalRows: CellValue[][] = [];
  for (const s of SECTIONS) {
    totalRows.push([`${SECTION_LABEL[s]}（第一步）`, ...INDICATOR_CODES.map((c) => plan.groups[s].totalsStep1[c])]);
    totalRows.push([`${SECTION_LABEL[s]}（合计）`, ...INDICATOR_CODES.map((c) => plan.groups[s].totals[c])]);
  }
  totalRows.push(["全县合计", ...INDICATOR_CODES.map((c) => plan.county[c])]);
  r = addTable(sheet, r + 1, 0, [{ header: "范围", width: 10 }, ...amountColumns()], totalRows, { setWidths: false });

  // 3. 一校一案.
  r++;
  const needing = plan.schools.filter((s) => INDICATOR_CODES.some((c) => schoolTotal(plan, s, c) > 0));
  sheet.blocks.push({ row: r, col: 0, values: [[`三、一校一案（${needing.length}所学校需增加；其余${plan.schools.length - needing.length}所无需增加）`]] });
  sheet.formats.push({ row: r, col: 0, rows: 1, cols: 1, bold: true });
  const schoolCols: TableColumn[] = [{ header: "学校", width: 24, userText: true }, { header: "学段", width: 8 }, ...amountColumns(), { header: "说明", width: 40 }];
  const rows: CellValue[][] = [];
  const top = r + 2;
  const stepText = (p: UnitPlan) => {
    const second = INDICATOR_CODES.filter((c) => planStep(plan, p, c) === 2);
    const errors = INDICATOR_CODES.filter((c) => planAdd(plan, p, c) === null);
    const parts: string[] = [];
    if (second.length) parts.push(`指标${second.join("、")}含第二步（降低差异系数）增加量`);
    if (errors.length) parts.push(`指标${errors.join("、")}数据有误，未测算`);
    return parts.join("；") || null;
  };
  for (const s of needing) {
    s.units.forEach((p, k) => {
      rows.push([k === 0 ? s.school : null, SECTION_LABEL[p.section], ...INDICATOR_CODES.map((c) => planAdd(plan, p, c) ?? "数据有误"), stepText(p)]);
    });
    if (s.units.length > 1) rows.push([null, "合计", ...INDICATOR_CODES.map((c) => schoolTotal(plan, s, c)), null]);
  }
  addTable(sheet, r + 1, 0, schoolCols, rows);
  // Amber where the amount includes the second step: the row's 说明 names those indicators first
  // (「指标101、104含第二步…」, before any 「…数据有误」 part), so one rule per indicator column reads it.
  const noteCol = 2 + INDICATOR_CODES.length;
  INDICATOR_CODES.forEach((c, j) => {
    if (!needing.some((s) => s.units.some((p) => planStep(plan, p, c) === 2))) return;
    const area = { row: top, col: 2 + j, rows: rows.length, cols: 1 };
    (sheet.conditionalFills ??= []).push(fillRule(area, `COUNTIF(${rowRef(area, noteCol)},"指标*${c}*含第二步*")`, FILL.basic));
  });
  sheet.freeze = { rows: 0, cols: 1 };
  return sheet;
}

/** What the pane shows of a plan: the groups, the county totals and the schools that need anything. */
export interface PlanView {
  groups: RemediationPlan["groups"];
  county: RemediationPlan["county"];
  rule: RemediationPlan["rule"];
  /** Schools that need anything, in dataset order, with each unit's additions and steps. */
  schools: { school: string; units: { section: Section; add: Record<IndicatorCode, number | null>; step: Record<IndicatorCode, 0 | 1 | 2> }[]; total: Record<IndicatorCode, number> }[];
  /** Schools assessed in all. */
  schoolCount: number;
}

export function planView(plan: RemediationPlan): PlanView {
  const schools = plan.schools
    .filter((s) => INDICATOR_CODES.some((c) => schoolTotal(plan, s, c) > 0))
    .map((s) => ({
      school: s.school,
      units: s.units.map((u) => ({ section: u.section, add: unitAdds(plan, u), step: unitSteps(plan, u) })),
      total: schoolTotals(plan, s),
    }));
  return { groups: plan.groups, county: plan.county, rule: plan.rule, schools, schoolCount: plan.schools.length };
}

// ---------------------------------------------------------------------------------------------
// JSON of `junheng plan` (issue 14)
// ---------------------------------------------------------------------------------------------

export type PlanJsonGroup = Record<IndicatorCode | "composite", CvPath>;

export interface PlanJson {
  units: { school: string; section: Section; add: Record<IndicatorCode, number | null>; step: Record<IndicatorCode, 0 | 1 | 2> }[];
  balance: Record<Section, PlanJsonGroup>;
  totals: Record<Section, Record<IndicatorCode, number>>;
}

export function planJson(plan: RemediationPlan): PlanJson {
  const group = (s: Section): PlanJsonGroup => {
    const g = plan.groups[s];
    const out = {} as PlanJsonGroup;
    for (const code of INDICATOR_CODES) {
      const { cvBefore, cvAfterStep1, cvAfter } = g.indicators[code];
      out[code] = { cvBefore, cvAfterStep1, cvAfter };
    }
    out.composite = g.composite;
    return out;
  };
  return {
    units: plan.units.map((u) => ({ school: u.school, section: u.section, add: unitAdds(plan, u), step: unitSteps(plan, u) })),
    balance: { primary: group("primary"), junior: group("junior") },
    totals: { primary: plan.groups.primary.totals, junior: plan.groups.junior.totals },
  };
}

/** Short lines for the command line: totals and the CVs that step 2 brings down. */
export function planSummaryLines(plan: Pick<RemediationPlan, "groups" | "county">): string[] {
  const lines: string[] = [];
  for (const s of SECTIONS) {
    const g = plan.groups[s];
    const total = amountsText(g.totals);
    lines.push(`${SECTION_LABEL[s]}：${total ? `需增加${total}` : "无需增加"}`);
    for (const code of INDICATOR_CODES) {
      const i = g.indicators[code];
      if (i.level !== null) lines.push(`  指标${code}差异系数 ${cvText(i.cvAfterStep1)} → ${cvText(i.cvAfter)}（水位线 ${num(i.level, 2)}）`);
    }
    if (g.rule === "composite" && g.composite.cvAfter !== g.composite.cvAfterStep1) {
      lines.push(`  综合差异系数 ${cvText(g.composite.cvAfterStep1)} → ${cvText(g.composite.cvAfter)}`);
    }
    for (const n of g.notes) lines.push(`  ${n}`);
  }
  const county = amountsText(plan.county);
  lines.push(`全县合计：${county ? `需增加${county}` : "无需增加"}`);
  return lines;
}
