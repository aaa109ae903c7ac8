/**
 * Cell-level conversions between exceljs and the host-neutral port: reading a cell's value as the
 * product sees it, and building the (shared, never mutated) style objects the plan asks for.
 *
 * No Node-only imports: this file is bundled for the browser as well.
 */
import type { Cell, Style } from "exceljs";
import type { CellValue, FormatRun } from "../../workbook/plan";

/** Milliseconds per day and the Excel serial of 1970-01-01 (1900 date system). */
const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_OFFSET = 25_569;

/** A JavaScript date (exceljs reads date-formatted cells as UTC dates) as an Excel serial number. */
export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
}

/**
 * The value of a cell as Office.js would report it: numbers, strings (rich text flattened),
 * booleans, formulas as their cached result, dates as serial numbers, errors as their text
 * ("#N/A"), hyperlinks as their text; null for empty. The non-master cells of a merged area are
 * empty, as in Excel.
 */
export function plainValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  switch (typeof raw) {
    case "number":
      return Number.isFinite(raw) ? raw : null;
    case "string":
      return raw;
    case "boolean":
      return raw;
    case "object":
      break;
    default:
      return String(raw);
  }
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : dateToSerial(raw);
  const o = raw as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    return (o.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
  }
  if ("formula" in o || "sharedFormula" in o) return plainValue(o.result);
  if (typeof o.error === "string") return o.error;
  if ("text" in o) return plainValue(o.text);
  if ("hyperlink" in o) return typeof o.hyperlink === "string" ? o.hyperlink : null;
  return null;
}

/** The value of an exceljs cell (merged non-master cells are empty, as in Excel). */
export function cellValue(cell: Cell): CellValue {
  if (cell.isMerged && cell.master !== cell) return null;
  return plainValue(cell.value);
}

/** "#RRGGBB" → exceljs ARGB "FFRRGGBB". */
export function argb(hex: string): string {
  const h = hex.replace(/^#/, "").toUpperCase();
  return h.length === 8 ? h : `FF${h}`;
}

const THIN = { style: "thin" as const, color: { argb: "FFBFBFBF" } };

/**
 * Returns a function mapping a cell's current style to the style with one format run applied.
 * Results are memoised per input style object, so the thousands of cells of an area share a
 * handful of style objects (exceljs writes one style record per distinct style anyway; sharing
 * saves memory and time). Style objects are never mutated, only replaced.
 */
export function styleApplier(run: FormatRun): (current: Partial<Style> | undefined) => Partial<Style> {
  const memo = new Map<Partial<Style> | undefined, Partial<Style>>();
  return (style) => {
    const current = isEmptyStyle(style) ? undefined : style;
    const hit = memo.get(current);
    if (hit) return hit;
    const next: Partial<Style> = { ...(current ?? {}) };
    if (run.numberFormat !== undefined) next.numFmt = run.numberFormat;
    if (run.bold !== undefined || run.fontColor !== undefined) {
      const font = { ...(next.font ?? {}) };
      if (run.bold !== undefined) font.bold = run.bold;
      if (run.fontColor !== undefined) font.color = { argb: argb(run.fontColor) };
      next.font = font;
    }
    if (run.fill !== undefined) next.fill = solidFill(run.fill);
    if (run.wrap !== undefined || run.horizontalAlignment !== undefined) {
      const alignment = { ...(next.alignment ?? {}) };
      if (run.wrap !== undefined) alignment.wrapText = run.wrap;
      if (run.horizontalAlignment !== undefined) alignment.horizontal = run.horizontalAlignment;
      alignment.vertical = alignment.vertical ?? "middle";
      next.alignment = alignment;
    }
    if (run.border) next.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    memo.set(current, next);
    return next;
  };
}

/** A solid pattern fill of one colour. */
export function solidFill(hex: string): Style["fill"] {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) }, bgColor: { argb: argb(hex) } };
}

/**
 * Returns a function that sets (or, with null, removes) the fill of a cell's style, keeping its
 * font, borders and number format. Memoised like styleApplier.
 */
export function fillApplier(fill: string | null): (current: Partial<Style> | undefined) => Partial<Style> {
  const memo = new Map<Partial<Style> | undefined, Partial<Style>>();
  const value = fill === null ? undefined : solidFill(fill);
  return (style) => {
    const current = isEmptyStyle(style) ? undefined : style;
    const hit = memo.get(current);
    if (hit) return hit;
    const next: Partial<Style> = { ...(current ?? {}) };
    if (value) next.fill = value;
    else delete next.fill;
    memo.set(current, next);
    return next;
  };
}

/** True for a style without any property (new cells each get their own empty object). */
export function isEmptyStyle(style: Partial<Style> | undefined): boolean {
  if (!style) return true;
  for (const _ in style) return false;
  return true;
}

/**
 * One empty style object shared by the cells the host creates, so that exceljs (which caches
 * style ids per style object) renders it once instead of once per cell. Never mutated.
 */
export const SHARED_EMPTY_STYLE: Partial<Style> = {};
