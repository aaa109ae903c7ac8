/**
 * Cells as spreadsheet object models take them, shared by the hosts that type into a live
 * workbook (Office.js `Range.values`, WPS ET `Range.Value2`): how a plan's value is entered so
 * that the cell holds exactly it, A1 addresses of areas, and scattered cells as column runs.
 * Pure: no Office, WPS or DOM imports.
 */
import type { Area, CellValue } from "./plan";
import { colLetter, parseA1 } from "./text";

/** A value as a live host's range takes it. */
export type ExcelCell = string | number | boolean;

const NUMBER_LIKE = /^\s*[+-]?(\d[\d,]*)?(\.\d*)?([eE][+-]?\d+)?\s*%?\s*$/;
const DATE_OR_TIME_LIKE = /^\s*\d{1,4}\s*[/\-.年月]\s*\d{1,2}|^\s*\d{1,2}\s*:\s*\d{2}/;
/** Currency ("$100", "¥1,200", "€3"), accounting negatives ("(100)", "($5)"), fractions ("1 1/2"). */
const CURRENCY_OR_FRACTION = /^\s*[+-]?\(?\s*[$¥￥€£]|^\s*\(\s*[$¥￥€£]?\s*[\d.,]+\s*%?\s*\)\s*$|^\s*[+-]?\d+\s+\d+\s*\/\s*\d+\s*$/;
/** English month names with a number ("Jan-24", "24-Jan", "March 2024"): Excel reads them as dates. */
const MONTH_NAME = /(^|[\s\-/.,\d])(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*($|[\s\-/.,\d])/i;
/** Error literals: Excel stores them as the error value, not as text. */
const ERROR_LITERAL = /^\s*#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|TIMEOUT!)\s*$/i;

/** Would Excel read this string, entered as typed, as something other than the text itself? */
function excelWouldConvert(v: string): boolean {
  if (/^[+\-@']/.test(v)) return true;
  if (/^\s*(true|false)\s*$/i.test(v) || ERROR_LITERAL.test(v)) return true;
  if (!/\d/.test(v)) return false;
  return NUMBER_LIKE.test(v) || DATE_OR_TIME_LIKE.test(v) || CURRENCY_OR_FRACTION.test(v) || MONTH_NAME.test(v);
}

/**
 * The value to send to `Range.values` so that the cell holds exactly what the plan says.
 *
 * `Range.values` behaves like typing: Excel treats a string starting with "=", "+", "-" (and "@" in
 * current Excel) as a formula, turns "1,234", "71.2%", "$100", "(100)" or "1 1/2" into numbers,
 * "2024/1/2", "3月5日" or "Jan-24" into dates, "8:30" into a time and "#N/A" into the error value.
 * Excel's documented way to enter such text literally is a leading apostrophe (the apostrophe is
 * not part of the value; Excel keeps it as the cell's quote prefix). So:
 * - textOnly blocks (texts from user input): every string Excel could reinterpret gets "'".
 * - other blocks: the same, except strings starting with "=", which the plan means as formulas.
 * We chose the apostrophe over number format "@" because it changes nothing else about the cell
 * (a "@" format would make a later typed number in that cell text too).
 * `null` becomes "" (clears the cell): in Office.js a null in a values array means "leave as is".
 */
export function toExcelValue(v: CellValue, textOnly: boolean): ExcelCell {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  if (v === "") return "";
  if (v.startsWith("=")) return textOnly ? `'${v}` : v;
  if (excelWouldConvert(v)) return `'${v}`;
  return v;
}

/** "B2:D9" for an area (no sheet part). */
export function areaAddress(a: Area): string {
  const first = `${colLetter(a.col)}${a.row + 1}`;
  if (a.rows === 1 && a.cols === 1) return first;
  return `${first}:${colLetter(a.col + a.cols - 1)}${a.row + a.rows}`;
}

/**
 * Scattered cells as contiguous vertical runs ("H7:H9", "J12"): the ExcelApi 1.7 fallback for
 * RangeAreas, one Range per run, all queued in the same batch.
 */
export function cellRuns(cells: string[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const p = parseA1(c);
    if (!p) continue;
    const rows = byCol.get(p.col) ?? [];
    rows.push(p.row);
    byCol.set(p.col, rows);
  }
  const out: string[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      out.push(areaAddress({ row: start, col, rows: rows[i - 1] - start + 1, cols: 1 }));
      start = rows[i];
    }
  }
  return out;
}
