/** The engine's public API as tests use it, plus a tiny balance helper. */
export * from "../../src/engine";
export { fixed, percent } from "../../src/engine/format";
import { assess } from "../../src/engine";
import { dataset, primarySchool } from "./helpers";

/** Balance of a 小学 group where indicator 101 takes `[students, qualifiedTeachers]` per school. */
export function groupBalanceFor(rows: [number, number][]) {
  const schools = rows.map(([p, q], i) => primarySchool(`校${i}`, { primaryStudents: p, primaryQualifiedTeachers: q }));
  return assess(dataset(schools)).balance.primary;
}

import { unitIndicators } from "../../src/engine";
import type { CountyDataset, IndicatorCode, IndicatorResult, ProfileOverride, UnitResult } from "../../src/engine";

/** A unit with its seven results read through the public accessor (unitIndicators). */
export type UnitView = UnitResult & { indicators: Record<IndicatorCode, IndicatorResult> };

/** assess(), with every unit's indicators read out of the column table for assertions. */
export function assessed(ds: CountyDataset, override?: ProfileOverride) {
  const a = assess(ds, override);
  return { ...a, units: a.units.map((u): UnitView => ({ ...u, indicators: unitIndicators(a, u) })) };
}
