/**
 * 差异系数 per group (indicators.md §3): student-weighted population CV of each indicator over the
 * group's included units, 综合 = mean of the seven, verdict under `each` and `composite`.
 */
import { compositeCv, weightedCv, withinLimit } from "./math";
import { cv as cvText } from "./format";
import { INDICATOR_CODES, SECTION_LABEL } from "./types";
import type { CvStat, GroupBalance, IndicatorCode, RuleProfile, Section, UnitResult } from "./types";

/** Mean, SD, CV and verdict of one group. `units` are the group's included units. */
export function groupBalance(section: Section, units: readonly UnitResult[], profile: RuleProfile): GroupBalance {
  const limit = profile.cvLimit[section];
  const n = units.length;
  const K = INDICATOR_CODES.length;
  // One pass over the units: value and weight of each indicator into its own column.
  const values = INDICATOR_CODES.map(() => new Float64Array(n));
  const weights = INDICATOR_CODES.map(() => new Float64Array(n));
  const used = new Array<number>(K).fill(0);
  let unitCount = 0;
  let students = 0;
  for (let i = 0; i < n; i++) {
    const u = units[i];
    if (u.errorCount === 0) {
      unitCount++;
      students += u.students;
    }
    const ind = u.indicators;
    for (let k = 0; k < K; k++) {
      const v = ind[INDICATOR_CODES[k]].value;
      if (v === null) continue;
      const m = used[k]++;
      values[k][m] = v;
      weights[k][m] = u.students;
    }
  }
  const indicators = {} as Record<IndicatorCode, CvStat>;
  const failing: IndicatorCode[] = [];
  INDICATOR_CODES.forEach((code, k) => {
    const m = used[k];
    const errors = n - m;
    const stat: CvStat = { mean: null, sd: null, cv: null, withinLimit: null, units: m };
    if (errors > 0) stat.note = `${errors}个监测点该指标数据有误，未计入`;
    const s = m > 0 ? weightedCv(values[k].subarray(0, m), weights[k].subarray(0, m)) : null;
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
