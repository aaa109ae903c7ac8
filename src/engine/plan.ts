/**
 * 整改测算 (remediation plan): the smallest additions, school section by school section, that make a
 * county's 资源配置 pass — every included unit at every threshold T, and every 差异系数 (or 综合,
 * under cvRule `composite`) within its limit. Pure; reads an Assessment, changes nothing.
 *
 *   const plan = planRemediation(assessment);
 *
 * Step 1 is the engine's gap of every indicator below T (units.ts, indicators.md §2.4), as assessed.
 * Step 2, for each group and indicator whose CV with step 1 applied is still over the limit: the
 * water level L — every unit below L raised to L — with the least L that brings the CV within the
 * limit (bisection), rounded up to whole steps per unit (1 人/间, 0.1 ㎡, 0.01 万元), checked again
 * (L is raised a little until the rounded plan holds), then trimmed: a unit's addition is lowered
 * step by step while the limit still holds, so no addition can be lowered by one step. Why the
 * water level is the optimum, and where rounding makes it near-optimal: docs/engine.md 「整改测算」.
 *
 * Amounts are in the numerator's unit: 人 (101–103), ㎡ (104/105), 万元 (106), 间 (107). Units with a
 * data error in an indicator get no addition there (null) and stay out of its CV, as in assess().
 */
import { ceilTo, compositeCv, weightedCv, withinLimit } from "./math";
import { gapUnitOf } from "./units";
import { INDICATOR_CODES, SECTIONS } from "./types";
import type { Assessment, CvRule, IndicatorCode, Section, UnitResult } from "./types";

/** Where a unit's addition comes from: 0 none, 1 the threshold gap, 2 further additions for the CV. */
export type PlanStep = 0 | 1 | 2;

/**
 * One included unit of the plan. Its additions are cells of the plan's typed columns (cell =
 * index × 7 + the code's position), read with planAdd / planStep1 / planStep or unitAdds / unitSteps:
 * records keyed "101"…"107" cost a dictionary object each in V8, too many for 20 000 schools.
 */
export interface UnitPlan {
  /** Position in RemediationPlan.units. */
  index: number;
  /** The unit's row in Assessment.units. */
  row: number;
  school: string;
  schoolIndex: number;
  section: Section;
  students: number;
}

/** A CV before any addition, with step 1 applied, and with the whole plan applied. */
export interface CvPath {
  cvBefore: number | null;
  cvAfterStep1: number | null;
  cvAfter: number | null;
}

export interface IndicatorPlanBalance extends CvPath {
  /** Step 2's water level (in the indicator's value unit, e.g. 人/百生) when step 2 raised this indicator. */
  level: number | null;
}

export interface GroupPlan {
  section: Section;
  limit: number;
  rule: CvRule;
  indicators: Record<IndicatorCode, IndicatorPlanBalance>;
  composite: CvPath;
  /** The group's CV verdict with the plan applied, under the profile's rule (null: no CV, see notes). */
  passAfter: boolean | null;
  /** Additions per indicator over the group's units (step 1 + step 2), in the numerator's unit. */
  totals: Record<IndicatorCode, number>;
  /** The step-1 part of `totals`. */
  totalsStep1: Record<IndicatorCode, number>;
  /** Chinese notes: indicators without a CV, units left out for data errors, a limit step 2 could not reach. */
  notes: string[];
}

/** 一校一案: one school's units; its total per indicator (the sum over its sections) by schoolTotal(). */
export interface SchoolPlan {
  /** Position in RemediationPlan.schools. */
  index: number;
  school: string;
  schoolIndex: number;
  units: UnitPlan[];
}

export interface RemediationPlan {
  profileId: string;
  rule: CvRule;
  /** Every included unit, in assessment order. */
  units: UnitPlan[];
  /** Schools with at least one included unit, in dataset order. */
  schools: SchoolPlan[];
  groups: Record<Section, GroupPlan>;
  /** Additions per indicator over the county (both groups). */
  county: Record<IndicatorCode, number>;
  /** Per unit and indicator (cell = unit index × 7 + k): total addition, NaN where the indicator has a data error. */
  add: Float64Array;
  /** The step-1 part of `add` (NaN as add). */
  step1: Float64Array;
  /** 0 / 1 / 2: 2 when step 2 added anything, else 1 when step 1 did. */
  step: Uint8Array;
  /** Per school and indicator (cell = school index × 7 + k): the sum over the school's sections. */
  schoolTotal: Float64Array;
}

const POSITION: Record<IndicatorCode, number> = { "101": 0, "102": 1, "103": 2, "104": 3, "105": 4, "106": 5, "107": 6 };

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** A unit's total addition for one indicator (numerator's unit); null where it has a data error. */
export function planAdd(plan: RemediationPlan, p: UnitPlan, code: IndicatorCode): number | null {
  return orNull(plan.add[p.index * 7 + POSITION[code]]);
}

/** The step-1 part (the gap to T) of planAdd. */
export function planStep1(plan: RemediationPlan, p: UnitPlan, code: IndicatorCode): number | null {
  return orNull(plan.step1[p.index * 7 + POSITION[code]]);
}

export function planStep(plan: RemediationPlan, p: UnitPlan, code: IndicatorCode): PlanStep {
  return plan.step[p.index * 7 + POSITION[code]] as PlanStep;
}

/** A school's addition for one indicator: the sum over its sections. */
export function schoolTotal(plan: RemediationPlan, s: SchoolPlan, code: IndicatorCode): number {
  return plan.schoolTotal[s.index * 7 + POSITION[code]];
}

function record<T>(f: (code: IndicatorCode) => T): Record<IndicatorCode, T> {
  return { "101": f("101"), "102": f("102"), "103": f("103"), "104": f("104"), "105": f("105"), "106": f("106"), "107": f("107") };
}

/** All seven additions of a unit, keyed by code (JSON, tests). */
export function unitAdds(plan: RemediationPlan, p: UnitPlan): Record<IndicatorCode, number | null> {
  return record((c) => planAdd(plan, p, c));
}

/** All seven steps of a unit, keyed by code. */
export function unitSteps(plan: RemediationPlan, p: UnitPlan): Record<IndicatorCode, PlanStep> {
  return record((c) => planStep(plan, p, c));
}

/** All seven totals of a school, keyed by code. */
export function schoolTotals(plan: RemediationPlan, s: SchoolPlan): Record<IndicatorCode, number> {
  return record((c) => schoolTotal(plan, s, c));
}

/**
 * A whole number of steps as an amount: steps ÷ 10^decimals, the double nearest the decimal
 * (3 steps of 0.1 → 0.3, not 0.30000000000000004).
 */
function amountOfSteps(steps: number, code: IndicatorCode): number {
  return steps / 10 ** gapUnitOf(code).decimals;
}

/**
 * One indicator over one group: the units that enter its CV, their students, original numerators,
 * and the steps added (integers; one step = 1 人/间, 0.1 ㎡, 0.01 万元).
 */
class Column {
  units: UnitResult[] = [];
  w: Float64Array = new Float64Array(0);
  num0: Float64Array = new Float64Array(0);
  steps1: Float64Array = new Float64Array(0);
  steps: Float64Array = new Float64Array(0);
  /** The value's numerator per step (1 人, 0.1 ㎡, 100 元, 1 间). */
  readonly perStep: number;
  /** value = numerator × factor / students. */
  readonly factor: number;
  level: number | null = null;

  constructor(
    readonly code: IndicatorCode,
    per100: boolean,
  ) {
    const spec = gapUnitOf(code);
    this.perStep = spec.step / spec.scale;
    this.factor = per100 ? 100 : 1;
  }

  get n(): number {
    return this.units.length;
  }

  value(i: number, steps = this.steps[i]): number {
    return ((this.num0[i] + steps * this.perStep) * this.factor) / this.w[i];
  }

  /** Values with the current steps, into `out`. */
  values(out: Float64Array, steps = this.steps): Float64Array {
    for (let i = 0; i < this.n; i++) out[i] = this.value(i, steps[i]);
    return out;
  }

  /** Student-weighted population CV of `values` (the engine's two-pass form); null as the engine has none. */
  cvOf(values: Float64Array): number | null {
    if (this.n < 2) return null;
    const s = weightedCv(values, this.w);
    return s === null ? null : s.cv;
  }
}

/** Weighted moments about a fixed centre, updated one value at a time (for trimming). */
class Sums {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  constructor(
    private readonly centre: number,
    values: Float64Array,
    w: Float64Array,
  ) {
    for (let i = 0; i < values.length; i++) this.add(values[i], w[i], 1);
  }
  add(x: number, w: number, sign: 1 | -1): void {
    const d = x - this.centre;
    this.s0 += sign * w;
    this.s1 += sign * w * d;
    this.s2 += sign * w * d * d;
  }
  cv(): number | null {
    if (!(this.s0 > 0)) return null;
    const m1 = this.s1 / this.s0;
    const mean = this.centre + m1;
    if (mean === 0) return null;
    return Math.sqrt(Math.max(0, this.s2 / this.s0 - m1 * m1)) / mean;
  }
}

/** The least water level L with CV ≤ target, by bisection on [min, max] of the current values. */
function waterLevel(col: Column, base: Float64Array, target: number, tolerance: number): number {
  const tmp = new Float64Array(col.n);
  const cvAt = (level: number): number | null => {
    for (let i = 0; i < col.n; i++) tmp[i] = base[i] < level ? level : base[i];
    return col.cvOf(tmp);
  };
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < col.n; i++) {
    lo = Math.min(lo, base[i]);
    hi = Math.max(hi, base[i]);
  }
  // CV(lo) > target (the caller checked), CV(hi) = 0.
  for (let k = 0; k < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(hi)); k++) {
    const mid = (lo + hi) / 2;
    const c = cvAt(mid);
    if (c !== null && withinLimit(c, target, tolerance)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Steps that bring every unit below `level` up to it (rounded up per unit), never below step 1. */
function stepsForLevel(col: Column, level: number, out: Float64Array): void {
  for (let i = 0; i < col.n; i++) {
    const needed = ceilTo((level * col.w[i]) / col.factor / col.perStep - col.num0[i] / col.perStep, 0);
    out[i] = Math.max(col.steps1[i], needed);
  }
}

/**
 * Step 2 for one column: raise the water level until the rounded additions hold `target`, then keep
 * them in col.steps. Returns false when even the highest level does not hold (left to the notes).
 */
function raiseColumn(col: Column, target: number, tolerance: number): boolean {
  const base = col.values(new Float64Array(col.n), col.steps1);
  const first = col.cvOf(base);
  if (first === null || withinLimit(first, target, tolerance)) return true;
  let level = waterLevel(col, base, target, tolerance);
  let top = -Infinity;
  for (let i = 0; i < col.n; i++) top = Math.max(top, base[i]);
  const steps = new Float64Array(col.n);
  const values = new Float64Array(col.n);
  let delta = Math.max(1e-9, Math.abs(level) * 1e-6);
  for (let k = 0; k < 80; k++) {
    stepsForLevel(col, level, steps);
    const c = col.cvOf(col.values(values, steps));
    if (c !== null && withinLimit(c, target, tolerance)) {
      col.steps.set(steps);
      col.level = level;
      return true;
    }
    if (level >= top) break;
    level = Math.min(top, level + delta);
    delta *= 2;
  }
  return false;
}

/**
 * Lowers step-2 additions one step at a time, highest values first, while `holds` stays true; the
 * sums of every column are kept up to date so the check is O(1). Repeats until nothing changes.
 */
function trim(cols: Column[], sums: Sums[], holds: () => boolean): void {
  // The raised units (column, position), highest value first: sorted as indices over flat arrays.
  const cs: number[] = [];
  const is: number[] = [];
  const keys: number[] = [];
  cols.forEach((col, c) => {
    for (let i = 0; i < col.n; i++) {
      if (col.steps[i] > col.steps1[i]) {
        cs.push(c);
        is.push(i);
        keys.push(col.value(i));
      }
    }
  });
  const order = new Uint32Array(keys.length);
  for (let j = 0; j < order.length; j++) order[j] = j;
  order.sort((x, y) => keys[y] - keys[x]);
  for (let pass = 0; pass < 8; pass++) {
    let changed = false;
    for (const j of order) {
      const c = cs[j];
      const i = is[j];
      const col = cols[c];
      const w = col.w[i];
      while (col.steps[i] > col.steps1[i]) {
        const before = col.value(i);
        const after = col.value(i, col.steps[i] - 1);
        sums[c].add(before, w, -1);
        sums[c].add(after, w, 1);
        if (holds()) {
          col.steps[i]--;
          changed = true;
        } else {
          sums[c].add(after, w, -1);
          sums[c].add(before, w, 1);
          break;
        }
      }
    }
    if (!changed) break;
  }
}

/** Sums of a column with its current steps, centred on its mean for accuracy. */
function sumsOf(col: Column): Sums {
  const v = col.values(new Float64Array(col.n));
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < col.n; i++) {
    sw += col.w[i];
    swx += col.w[i] * v[i];
  }
  return new Sums(sw > 0 ? swx / sw : 0, v, col.w);
}

/**
 * Under `composite`: the least common ceiling t on the seven CVs (every CV above t lowered to t by its
 * own water level, the others kept) that brings their mean within the limit. The highest CVs come
 * down first; see docs/engine.md for why this is the strategy.
 */
function compositeCeiling(cvs: number[], limit: number): number {
  let lo = 0;
  let hi = Math.max(...cvs);
  const meanAt = (t: number) => cvs.reduce((s, c) => s + Math.min(c, t), 0) / cvs.length;
  for (let k = 0; k < 200 && hi - lo > 1e-13; k++) {
    const mid = (lo + hi) / 2;
    if (meanAt(mid) <= limit) lo = mid;
    else hi = mid;
  }
  return lo;
}

function planGroup(a: Assessment, section: Section, units: UnitResult[]): { group: GroupPlan; cols: Column[] } {
  const profile = a.profile;
  const t = a.indicators;
  const limit = profile.cvLimit[section];
  const tol = profile.tolerance;
  const cols = INDICATOR_CODES.map((code) => new Column(code, profile.indicators[code].per100));
  const notes: string[] = [];

  // Fill the columns: every included unit of the group with a value for the indicator.
  INDICATOR_CODES.forEach((code, k) => {
    const col = cols[k];
    const rows = units.filter((u) => t.value[u.row * 7 + k] === t.value[u.row * 7 + k]); // NaN: data error
    const m = rows.length;
    col.units = rows;
    col.w = new Float64Array(m);
    col.num0 = new Float64Array(m);
    col.steps1 = new Float64Array(m);
    const step = gapUnitOf(code).step;
    for (let i = 0; i < m; i++) {
      const cell = rows[i].row * 7 + k;
      col.w[i] = rows[i].students;
      col.num0[i] = t.numerator[cell];
      const gap = t.gap[cell];
      col.steps1[i] = gap === gap ? Math.round(gap / step) : 0;
    }
    col.steps = col.steps1.slice();
    if (rows.length < units.length) notes.push(`指标${code}有${units.length - rows.length}个监测点数据有误，未测算`);
  });

  const cvAfterStep1 = cols.map((col) => col.cvOf(col.values(new Float64Array(col.n), col.steps1)));
  const failed = (code: IndicatorCode) => notes.push(`指标${code}按上述方法仍不能降到${limit.toFixed(2)}以内，请人工研究`);

  if (profile.cvRule === "each") {
    cols.forEach((col) => {
      if (!raiseColumn(col, limit, tol)) failed(col.code);
    });
    cols.forEach((col) => {
      if (col.level === null) return;
      const s = [sumsOf(col)];
      trim([col], s, () => {
        const c = s[0].cv();
        return c !== null && withinLimit(c, limit, tol);
      });
    });
  } else {
    const comp = compositeCv(cvAfterStep1);
    if (comp !== null && !withinLimit(comp, limit, tol)) {
      const ceiling = compositeCeiling(cvAfterStep1 as number[], limit);
      cols.forEach((col, k) => {
        // Exact ceiling (no tolerance), so that the mean of the seven stays within the limit.
        if ((cvAfterStep1[k] as number) > ceiling && !raiseColumn(col, ceiling, 0)) failed(col.code);
      });
      const sums = cols.map(sumsOf);
      trim(cols, sums, () => {
        const c = compositeCv(sums.map((s) => s.cv()));
        return c !== null && withinLimit(c, limit, tol);
      });
    }
  }

  const cvAfter = cols.map((col) => col.cvOf(col.values(new Float64Array(col.n))));
  const balance = a.balance[section];
  const indicators = {} as Record<IndicatorCode, IndicatorPlanBalance>;
  const totals = record(() => 0);
  const totalsStep1 = record(() => 0);
  INDICATOR_CODES.forEach((code, k) => {
    const col = cols[k];
    indicators[code] = { cvBefore: balance.indicators[code].cv, cvAfterStep1: cvAfterStep1[k], cvAfter: cvAfter[k], level: col.level };
    let s = 0;
    let s1 = 0;
    for (let i = 0; i < col.n; i++) {
      s += col.steps[i];
      s1 += col.steps1[i];
    }
    totals[code] = amountOfSteps(s, code);
    totalsStep1[code] = amountOfSteps(s1, code);
  });
  // Indicators without a CV: one note per reason ("指标101、102…：参与计算的监测点不足2个…").
  const noCv = new Map<string, IndicatorCode[]>();
  INDICATOR_CODES.forEach((code, k) => {
    if (cvAfter[k] !== null || units.length === 0) return;
    const why = balance.indicators[code].reason ?? "无差异系数";
    noCv.set(why, [...(noCv.get(why) ?? []), code]);
  });
  for (const [why, codes] of noCv) notes.push(`指标${codes.join("、")}：${why}`);
  const compositeAfter = compositeCv(cvAfter);
  const passEach = cvAfter.some((c) => c !== null && !withinLimit(c, limit, tol)) ? false : cvAfter.every((c) => c !== null) ? true : null;
  const passAfter = profile.cvRule === "composite" ? (compositeAfter === null ? null : withinLimit(compositeAfter, limit, tol)) : passEach;
  return {
    cols,
    group: {
      section,
      limit,
      rule: profile.cvRule,
      indicators,
      composite: { cvBefore: balance.composite, cvAfterStep1: compositeCv(cvAfterStep1), cvAfter: compositeAfter },
      passAfter,
      totals,
      totalsStep1,
      notes,
    },
  };
}

/** The remediation plan of an assessment (see the file comment). */
export function planRemediation(a: Assessment): RemediationPlan {
  const included = a.units.filter((u) => u.included);
  const indexOfRow = new Map<number, number>();
  const units = included.map((u, index): UnitPlan => {
    indexOfRow.set(u.row, index);
    return { index, row: u.row, school: u.school, schoolIndex: u.schoolIndex, section: u.section, students: u.students };
  });
  const n = units.length * 7;
  const add = new Float64Array(n).fill(NaN);
  const step1 = new Float64Array(n).fill(NaN);
  const step = new Uint8Array(n);
  const groups = {} as Record<Section, GroupPlan>;
  for (const section of SECTIONS) {
    const { group, cols } = planGroup(
      a,
      section,
      included.filter((u) => u.section === section),
    );
    groups[section] = group;
    cols.forEach((col, k) => {
      const d = 10 ** gapUnitOf(col.code).decimals;
      for (let i = 0; i < col.n; i++) {
        const cell = indexOfRow.get(col.units[i].row)! * 7 + k;
        add[cell] = col.steps[i] / d;
        step1[cell] = col.steps1[i] / d;
        step[cell] = col.steps[i] > col.steps1[i] ? 2 : col.steps1[i] > 0 ? 1 : 0;
      }
    });
  }

  // 一校一案: schools in dataset order, each with its units; totals summed in whole steps.
  const schools: SchoolPlan[] = [];
  const bySchool = new Map<number, SchoolPlan>();
  for (const p of [...units].sort((x, y) => x.schoolIndex - y.schoolIndex || x.row - y.row)) {
    let s = bySchool.get(p.schoolIndex);
    if (!s) {
      s = { index: schools.length, school: p.school, schoolIndex: p.schoolIndex, units: [] };
      bySchool.set(p.schoolIndex, s);
      schools.push(s);
    }
    s.units.push(p);
  }
  const schoolTotal = new Float64Array(schools.length * 7);
  INDICATOR_CODES.forEach((code, k) => {
    const d = 10 ** gapUnitOf(code).decimals;
    for (const s of schools) {
      let steps = 0;
      for (const p of s.units) {
        const x = add[p.index * 7 + k];
        if (x === x) steps += Math.round(x * d);
      }
      schoolTotal[s.index * 7 + k] = steps / d;
    }
  });
  const county = record((code) => {
    const d = 10 ** gapUnitOf(code).decimals;
    return (Math.round(groups.primary.totals[code] * d) + Math.round(groups.junior.totals[code] * d)) / d;
  });
  return { profileId: a.profileId, rule: a.profile.cvRule, units, schools, groups, county, add, step1, step, schoolTotal };
}
