/**
 * Chinese display helpers shared by the engine's texts, the workbook writer and the report.
 * Display only: nothing here is ever used for a comparison.
 */
import { STATUS_LABEL } from "./types";
import type { CheckStatus, CountyStatus, Status } from "./types";

export { STATUS_LABEL };

/** Labels of per-school check statuses. */
export const CHECK_STATUS_LABEL: Record<CheckStatus, string> = {
  ...STATUS_LABEL,
  skipped: "未评估",
};

/** Labels of county item statuses. */
export const COUNTY_STATUS_LABEL: Record<CountyStatus, string> = {
  met: "达标",
  unmet: "未达标",
  pending: "待定",
  skipped: "未评估",
};

export function statusLabel(status: Status | CheckStatus | CountyStatus): string {
  return (CHECK_STATUS_LABEL as Record<string, string>)[status] ?? COUNTY_STATUS_LABEL[status as CountyStatus];
}

/** Round half away from zero at `decimals` places, correcting binary noise (1.005 → 1.01). */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Math.abs(x) * f;
  const r = Math.round(Number(scaled.toPrecision(15))) / f;
  return x < 0 ? -r : r;
}

/** Fixed decimals, "" for null/NaN: fixed(6.3344, 2) → "6.33". */
export function fixed(x: number | null | undefined, decimals: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "";
  const r = roundTo(x, decimals);
  return (r === 0 ? 0 : r).toFixed(decimals);
}

/** A fraction as a percent with `decimals` places (default 1): percent(0.71175) → "71.2%". */
export function percent(fraction: number | null | undefined, decimals = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "";
  return `${fixed(fraction * 100, decimals)}%`;
}

/** A count or amount with up to `maxDecimals` places and no trailing zeros: 5149.21, 2452. */
export function num(x: number | null | undefined, maxDecimals = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "";
  return String(roundTo(x, maxDecimals));
}

/** A CV as published: 4 decimals (indicators.md §2.2), e.g. "0.5153". */
export function cv(x: number | null | undefined): string {
  return fixed(x, 4);
}

/** "全县" or "全区" (or "全市"/"全旗") from a county name: 綦江区 → 全区. */
export function wholeCountyWord(countyName: string | null | undefined): string {
  const n = (countyName ?? "").trim();
  if (n.endsWith("区")) return "全区";
  if (n.endsWith("市")) return "全市";
  if (n.endsWith("旗")) return "全旗";
  return "全县";
}
