/**
 * 与上年比较: last year's assessment against this year's. Pure; reads two assessments and the school
 * records they came from (for 学校代码), changes nothing.
 *
 * Schools are matched by 学校代码 where both years carry the same code, else by 学校名称. A school
 * matched by code under another name is renamed; an unmatched school of this year is added, one of
 * last year removed. Per matched school section (included in either year), the indicators whose
 * status changed, with both values; per group, every CV and 综合 of both years.
 */
import { unitStatus, unitValue } from "./results";
import { INDICATOR_CODES, SECTIONS } from "./types";
import type { Assessment, IndicatorCode, SchoolRecord, Section, Status, UnitResult } from "./types";

/** One year: the assessment and the schools it was computed from (dataset.schools). */
export interface YearInput {
  assessment: Assessment;
  schools: readonly SchoolRecord[];
}

export interface StatusChange {
  /** null: the unit was not assessed that year (no such section, or not included). */
  old: Status | null;
  new: Status | null;
  valueOld: number | null;
  valueNew: number | null;
}

export interface UnitComparison {
  /** This year's name. */
  school: string;
  section: Section;
  /** Only the indicators whose status changed. */
  changes: Partial<Record<IndicatorCode, StatusChange>>;
  /** The unit's verdict (达标学校) each year; null when not assessed that year. */
  passOld: boolean | null;
  passNew: boolean | null;
}

export type CvPair = { old: number | null; new: number | null };

export interface Comparison {
  /** Matched school sections assessed in at least one of the two years, in this year's order. */
  units: UnitComparison[];
  balance: Record<Section, Record<IndicatorCode | "composite", CvPair>>;
  /** Passing units and included units per group, both years. */
  counts: Record<Section, { old: { units: number; passing: number }; new: { units: number; passing: number } }>;
  /** Recognition verdict of both years (true / false / null open). */
  recognised: { old: boolean | null; new: boolean | null };
  /** This year's schools with no match last year. */
  added: string[];
  /** Last year's schools with no match this year. */
  removed: string[];
  /** Same 学校代码, another name. */
  renamed: { code: string; old: string; new: string }[];
}

function codeOf(s: SchoolRecord): string | null {
  const c = s.code?.trim();
  return c ? c : null;
}

/** Pairs of school indices (old, new), matched by code, else by name. */
function matchSchools(oldSchools: readonly SchoolRecord[], newSchools: readonly SchoolRecord[]) {
  const byCode = new Map<string, number>();
  const byName = new Map<string, number>();
  oldSchools.forEach((s, i) => {
    const c = codeOf(s);
    if (c !== null && !byCode.has(c)) byCode.set(c, i);
    if (!byName.has(s.name)) byName.set(s.name, i);
  });
  const taken = new Set<number>();
  const pairs: [number, number][] = [];
  const added: string[] = [];
  const renamed: Comparison["renamed"] = [];
  // Codes first over all schools, so a name freed by a renamed school can match no other school by mistake.
  const matched = new Map<number, number>();
  newSchools.forEach((s, j) => {
    const c = codeOf(s);
    const i = c === null ? undefined : byCode.get(c);
    if (i !== undefined && !taken.has(i)) {
      taken.add(i);
      matched.set(j, i);
      if (oldSchools[i].name !== s.name) renamed.push({ code: c!, old: oldSchools[i].name, new: s.name });
    }
  });
  newSchools.forEach((s, j) => {
    let i = matched.get(j);
    if (i === undefined) {
      const k = byName.get(s.name);
      if (k !== undefined && !taken.has(k)) {
        taken.add(k);
        i = k;
      }
    }
    if (i === undefined) added.push(s.name);
    else pairs.push([i, j]);
  });
  const removed = oldSchools.filter((_, i) => !taken.has(i)).map((s) => s.name);
  return { pairs, added, removed, renamed };
}

/** Included units of an assessment by `schoolIndex:section`. */
function unitsByKey(a: Assessment): Map<string, UnitResult> {
  const m = new Map<string, UnitResult>();
  for (const u of a.units) if (u.included) m.set(`${u.schoolIndex}:${u.section}`, u);
  return m;
}

export function compareYears(last: YearInput, current: YearInput): Comparison {
  const { pairs, added, removed, renamed } = matchSchools(last.schools, current.schools);
  const oldUnits = unitsByKey(last.assessment);
  const newUnits = unitsByKey(current.assessment);
  const units: UnitComparison[] = [];
  for (const [i, j] of pairs) {
    for (const section of SECTIONS) {
      const uo = oldUnits.get(`${i}:${section}`);
      const un = newUnits.get(`${j}:${section}`);
      if (!uo && !un) continue;
      const changes: UnitComparison["changes"] = {};
      for (const code of INDICATOR_CODES) {
        const so = uo ? unitStatus(last.assessment, uo, code) : null;
        const sn = un ? unitStatus(current.assessment, un, code) : null;
        if (so === sn) continue;
        changes[code] = {
          old: so,
          new: sn,
          valueOld: uo ? unitValue(last.assessment, uo, code) : null,
          valueNew: un ? unitValue(current.assessment, un, code) : null,
        };
      }
      units.push({ school: current.schools[j].name, section, changes, passOld: uo ? uo.pass : null, passNew: un ? un.pass : null });
    }
  }
  const balance = {} as Comparison["balance"];
  const counts = {} as Comparison["counts"];
  for (const section of SECTIONS) {
    const go = last.assessment.balance[section];
    const gn = current.assessment.balance[section];
    const b = {} as Record<IndicatorCode | "composite", CvPair>;
    for (const code of INDICATOR_CODES) b[code] = { old: go.indicators[code].cv, new: gn.indicators[code].cv };
    b.composite = { old: go.composite, new: gn.composite };
    balance[section] = b;
    const co = last.assessment.counts[section];
    const cn = current.assessment.counts[section];
    counts[section] = { old: { units: co.units, passing: co.passing }, new: { units: cn.units, passing: cn.passing } };
  }
  return {
    units,
    balance,
    counts,
    recognised: { old: last.assessment.verdict.recognised, new: current.assessment.verdict.recognised },
    added,
    removed,
    renamed,
  };
}
