/**
 * 差异系数 per group (indicators.md §3): student-weighted population CV of each indicator over the
 * group's included units, 综合 = mean of the seven, verdict under `each` and `composite`.
 */
import { compositeCv, WeightedMoments, withinLimit } from "./math";
import type { WeightedStats } from "./math";
import { cv as cvText } from "./format";
import { INDICATOR_CODES, SECTION_LABEL } from "./types";
import type { CvStat, GroupBalance, IndicatorCode, IndicatorTable, RuleProfile, Section, UnitResult } from "./types";

/** The seven codes, read once (an imported binding can cost a getter call per read in CommonJS builds). */
const CODES = INDICATOR_CODES;

/**
 * Collects a group's CV inputs unit by unit while each unit's row of the indicator table is still
 * fresh in memory (re-reading 100 000 units afterwards costs more than the arithmetic), then
 * computes the balance. Each indicator's weighted moments are accumulated in one stable pass.
 */
export class GroupAccumulator {
  private readonly moments = CODES.map(() => new WeightedMoments());
  private units = 0;
  private errorFree = 0;
  private errorFreeStudents = 0;

  constructor(
    readonly section: Section,
    private readonly table: IndicatorTable,
  ) {}

  /** Add one included unit of this group. */
  add(u: UnitResult): void {
    this.units++;
    const w = u.students;
    if (u.errorCount === 0) {
      this.errorFree++;
      this.errorFreeStudents += w;
    }
    const column = this.table.value;
    const width = CODES.length;
    const base = u.row * width;
    for (let k = 0; k < width; k++) {
      const v = column[base + k];
      if (v === v) this.moments[k].add(v, w); // NaN: data error at this unit, left out
    }
  }

  /** Mean, SD, CV and verdict of the group. */
  finish(profile: RuleProfile): GroupBalance {
    const inputs = this.moments.map((m) => ({ used: m.count, stats: m.count > 0 ? m.stats() : null }));
    return balanceOf(this.section, this.units, this.errorFree, this.errorFreeStudents, inputs, profile);
  }
}

/** One indicator's CV input: how many units entered it and their weighted statistics. */
interface IndicatorInput {
  used: number;
  stats: WeightedStats | null;
}

/** Mean, SD, CV and verdict of one group. `units` are the group's included units, their values in `table`. */
export function groupBalance(section: Section, units: readonly UnitResult[], table: IndicatorTable, profile: RuleProfile): GroupBalance {
  const acc = new GroupAccumulator(section, table);
  for (const u of units) acc.add(u);
  return acc.finish(profile);
}

function balanceOf(
  section: Section,
  n: number,
  unitCount: number,
  students: number,
  inputs: IndicatorInput[],
  profile: RuleProfile,
): GroupBalance {
  const limit = profile.cvLimit[section];
  const indicators = {} as Record<IndicatorCode, CvStat>;
  const failing: IndicatorCode[] = [];
  INDICATOR_CODES.forEach((code, k) => {
    const m = inputs[k].used;
    const errors = n - m;
    const stat: CvStat = { mean: null, sd: null, cv: null, withinLimit: null, units: m };
    if (errors > 0) stat.note = `${errors}个监测点该指标数据有误，未计入`;
    const s = inputs[k].stats;
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
