/**
 * Reading a unit's indicator results out of the assessment's column table (types.ts IndicatorTable).
 *
 *   unitStatus(a, u, "106")      → "basic"                     (no allocation: for counting, filters)
 *   unitValue(a, u, "106")       → 2003.5 | null
 *   unitIndicator(a, u, "106")   → { code, value, numerator, threshold, status, gap, field, errorReason? }
 *   unitIndicators(a, u)         → { "101": …, …, "107": … }    (all seven, e.g. for JSON)
 *
 * Threshold, field and gap wording are derived from the assessment's resolved profile and the code,
 * exactly as the engine used them.
 */
import { gapFor, SECTION_FIELDS, WHOLE_SCHOOL_FACILITY } from "./units";
import { INDICATOR_CODES, STATUS_ORDER } from "./types";
import type { Assessment, IndicatorCode, IndicatorResult, Status, UnitResult } from "./types";

/** What the accessors need of an assessment. */
export type IndicatorSource = Pick<Assessment, "indicators" | "profile">;

const POSITION: Record<IndicatorCode, number> = { "101": 0, "102": 1, "103": 2, "104": 3, "105": 4, "106": 5, "107": 6 };

/** The table cell of one unit and indicator. */
export function cellOf(u: Pick<UnitResult, "row">, code: IndicatorCode): number {
  return u.row * INDICATOR_CODES.length + POSITION[code];
}

/** 达标 / 基本达标 / 未达标 / 数据有误 of one indicator at one unit. */
export function unitStatus(a: IndicatorSource, u: Pick<UnitResult, "row">, code: IndicatorCode): Status {
  return STATUS_ORDER[a.indicators.status[cellOf(u, code)]];
}

/** The unrounded value, or null when it cannot be computed. */
export function unitValue(a: IndicatorSource, u: Pick<UnitResult, "row">, code: IndicatorCode): number | null {
  const v = a.indicators.value[cellOf(u, code)];
  return Number.isNaN(v) ? null : v;
}

/** One indicator at one unit as a full result (a new object each call). */
export function unitIndicator(a: IndicatorSource, u: Pick<UnitResult, "row" | "section">, code: IndicatorCode): IndicatorResult {
  const t = a.indicators;
  const cell = cellOf(u, code);
  const value = t.value[cell];
  const numerator = t.numerator[cell];
  const gap = t.gap[cell];
  const status = STATUS_ORDER[t.status[cell]];
  const r: IndicatorResult = {
    code,
    value: Number.isNaN(value) ? null : value,
    numerator: Number.isNaN(numerator) ? null : numerator,
    threshold: a.profile.indicators[code].threshold[u.section],
    status,
    gap: Number.isNaN(gap) ? null : gapFor(code, gap),
    field: t.wholeSchool[cell] === 1 ? WHOLE_SCHOOL_FACILITY[code]! : SECTION_FIELDS[u.section].numerator[code],
  };
  if (status === "error") r.errorReason = t.errors.get(cell) ?? "数据有误";
  return r;
}

/** All seven indicators of one unit, keyed by code. */
export function unitIndicators(a: IndicatorSource, u: Pick<UnitResult, "row" | "section">): Record<IndicatorCode, IndicatorResult> {
  const out = {} as Record<IndicatorCode, IndicatorResult>;
  for (const code of INDICATOR_CODES) out[code] = unitIndicator(a, u, code);
  return out;
}
