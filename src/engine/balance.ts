/**
 * 差异系数 per group (indicators.md §3): student-weighted population CV of each indicator over the
 * group's included units, 综合 = mean of the seven, verdict under `each` and `composite`.
 */
import { compositeCv, weightedCv, withinLimit } from "./math";
import { cv as cvText } from "./format";
import { INDICATOR_CODES, SECTION_LABEL } from "./types";
import type { CvStat, GroupBalance, IndicatorCode, RuleProfile, Section, UnitResult } from "./types";

/**
 * Collects a group's CV inputs unit by unit, while each unit is still fresh in memory (reading
 * 100 000 units back afterwards costs more than computing them), then computes the balance.
 */
export class GroupAccumulator {
  /** Per indicator: values and weights (students) of the units without an error there. */
  private readonly values: number[][] = INDICATOR_CODES.map(() => []);
  private readonly weights: number[][] = INDICATOR_CODES.map(() => []);
  private units = 0;
  private errorFree = 0;
  private students = 0;

  constructor(readonly section: Section) {}

  /** Add one included unit of this group. */
  add(u: UnitResult): void {
    this.units++;
    if (u.errorCount === 0) {
      this.errorFree++;
      this.students += u.students;
    }
    const ind = u.indicators;
    for (let k = 0; k < INDICATOR_CODES.length; k++) {
      const v = ind[INDICATOR_CODES[k]].value;
      if (v === null) continue;
      this.values[k].push(v);
      this.weights[k].push(u.students);
    }
  }

  /** Mean, SD, CV and verdict of the group. */
  finish(profile: RuleProfile): GroupBalance {
    return balanceOf(this.section, this.units, this.errorFree, this.students, this.values, this.weights, profile);
  }
}

/** Mean, SD, CV and verdict of one group. `units` are the group's included units. */
export function groupBalance(section: Section, units: readonly UnitResult[], profile: RuleProfile): GroupBalance {
  const acc = new GroupAccumulator(section);
  for (const u of units) acc.add(u);
  return acc.finish(profile);
}

function balanceOf(
  section: Section,
  n: number,
  unitCount: number,
  students: number,
  values: number[][],
  weights: number[][],
  profile: RuleProfile,
): GroupBalance {
  const limit = profile.cvLimit[section];
  const used = values.map((v) => v.length);
  const indicators = {} as Record<IndicatorCode, CvStat>;
  const failing: IndicatorCode[] = [];
  INDICATOR_CODES.forEach((code, k) => {
    const m = used[k];
    const errors = n - m;
    const stat: CvStat = { mean: null, sd: null, cv: null, withinLimit: null, units: m };
    if (errors > 0) stat.note = `${errors}个监测点该指标数据有误，未计入`;
    const s = m > 0 ? weightedCv(values[k], weights[k]) : null;
    if (m < 2) {
      stat.reason = m === 0 ? "无可计算的监测点" : "参与计算的监测点不足2个，不计算差异系数";
      stat.mean = s ? s.mean : null;
    } else if (s === null) stat.reason = "在校生合计为0，不计算差异系数";
    else {
      stat.mean = s.mean;
      stat.sd = s.sd;
      stat.cv = s.cv;
      if (s.cv === null) stat.reason = "均值为0，不计算差异系数";
      else {
        stat.withinLimit = withinLimit(s.cv, limit, profile.tolerance);
        if (!stat.withinLimit) failing.push(code);
      }
    }
    if (errors > 0 && stat.reason !== undefined) stat.reason += `（${stat.note}）`;
    indicators[code] = stat;
  });
  const cvs = INDICATOR_CODES.map((c) => indicators[c].cv);
  const composite = compositeCv(cvs);
  const passEach = failing.length > 0 ? false : cvs.every((c) => c !== null) ? true : null;
  const passComposite = composite === null ? null : withinLimit(composite, limit, profile.tolerance);
  const pass = profile.cvRule === "composite" ? passComposite : passEach;
  const g: GroupBalance = {
    section,
    unitCount,
    students,
    indicators,
    composite,
    limit,
    rule: profile.cvRule,
    pass,
    passEach,
    passComposite,
    failing,
  };
  if (pass === null) {
    const label = SECTION_LABEL[section];
    const missing = INDICATOR_CODES.filter((c) => indicators[c].cv === null);
    g.reason =
      n === 0
        ? `无参评${label}监测点，不计算差异系数`
        : `${label}指标${missing.join("、")}无差异系数（${indicators[missing[0]].reason ?? ""}）`;
  }
  return g;
}

/** "小学综合差异系数0.3675" style sentence parts for blockers. */
export function cvFailureText(g: GroupBalance): string[] {
  const label = SECTION_LABEL[g.section];
  const limit = g.limit.toFixed(2);
  if (g.rule === "composite") {
    return g.passComposite === false ? [`${label}综合差异系数${cvText(g.composite)}，超过${limit}`] : [];
  }
  return g.failing.map((c) => `${label}指标${c}差异系数${cvText(g.indicators[c].cv)}，超过${limit}`);
}
