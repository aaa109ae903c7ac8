/**
 * Reading a sheet through ET in whole blocks: the used range's values in one `Value2` call, its
 * number formats in as few `NumberFormat` calls as the format layout allows.
 *
 * `Range.NumberFormat` answers one string for a range whose cells share a format and null where
 * they differ, so formats cannot be read as a 2-D array. The used range is asked first (one call);
 * where it is mixed, each column is asked; a mixed column has its top cells peeled off one by one
 * (title and header rows above uniform data: a constant number of calls), and what remains mixed
 * is halved until uniform. Calls grow with the number of format regions, never with the number of
 * schools of a sheet whose data columns are formatted alike.
 */
import type { CellValue } from "../../workbook/plan";
import type { SheetSnapshot } from "../../workbook/port";
import { a1 } from "../../workbook/text";
import type { EtRange, EtWorksheet } from "./et";

/** Top cells peeled off a mixed column before halving (title, group and header rows). */
export const PEEL_ROWS = 8;

interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function address(a: Area): string {
  const first = a1(a.row, a.col);
  return a.rows === 1 && a.cols === 1 ? first : `${first}:${a1(a.row + a.rows - 1, a.col + a.cols - 1)}`;
}

/** A cell as the port wants it: "" and empties → null; anything that is not a plain value → its text. */
function cellValue(v: unknown): CellValue {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** Value2 as rows of cells: a scalar (one cell) becomes a 1×1 grid. */
export function valueGrid(v: unknown): unknown[][] {
  if (Array.isArray(v)) return v.map((line) => (Array.isArray(line) ? line : [line]));
  return [[v]];
}

/** One sheet's used range as a snapshot whose values[0][0] is cell A1. */
export function readSheet(ws: EtWorksheet, name: string): SheetSnapshot {
  const used: EtRange = ws.UsedRange;
  const grid = valueGrid(used.Value2);
  const top = used.Row - 1;
  const left = used.Column - 1;
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  if (rows === 1 && cols === 1 && cellValue(grid[0][0]) === null && top === 0 && left === 0) return { name, values: [], numberFormats: [] };
  const width = left + cols;
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < top + rows; r++) {
    values.push(Array<CellValue>(width).fill(null));
    numberFormats.push(Array<string>(width).fill("General"));
  }
  grid.forEach((line, i) => line.forEach((v, j) => (values[top + i][left + j] = cellValue(v))));
  readFormats(ws, used, { row: top, col: left, rows, cols }, numberFormats);
  return { name, values, numberFormats };
}

function readFormats(ws: EtWorksheet, used: EtRange, area: Area, out: string[][]): void {
  const fill = (a: Area, f: string | null) => {
    const text = typeof f === "string" && f ? f : "General";
    for (let r = a.row; r < a.row + a.rows; r++) for (let c = a.col; c < a.col + a.cols; c++) out[r][c] = text;
  };
  const formatOf = (a: Area): string | null => ws.Range(address(a)).NumberFormat;
  const whole = used.NumberFormat;
  if (typeof whole === "string") return fill(area, whole);
  for (let c = 0; c < area.cols; c++) {
    const column = { row: area.row, col: area.col + c, rows: area.rows, cols: 1 };
    const f = area.cols === 1 ? null : used.Columns.Item(c + 1).NumberFormat;
    if (typeof f === "string") fill(column, f);
    else readColumn(column, formatOf, fill);
  }
}

/** A column known to be mixed: peel its top cells, then halve what stays mixed. */
function readColumn(column: Area, formatOf: (a: Area) => string | null, fill: (a: Area, f: string | null) => void): void {
  let rest = column;
  for (let k = 0; k < PEEL_ROWS && rest.rows > 1; k++) {
    fill({ ...rest, rows: 1 }, formatOf({ ...rest, rows: 1 }));
    rest = { ...rest, row: rest.row + 1, rows: rest.rows - 1 };
    const f = formatOf(rest);
    if (typeof f === "string") return fill(rest, f);
  }
  halve(rest, formatOf, fill, true);
}

function halve(a: Area, formatOf: (a: Area) => string | null, fill: (a: Area, f: string | null) => void, knownMixed = false): void {
  const f = knownMixed ? null : formatOf(a);
  if (typeof f === "string" || a.rows === 1) return fill(a, f);
  const upper = Math.ceil(a.rows / 2);
  halve({ ...a, rows: upper }, formatOf, fill);
  halve({ ...a, row: a.row + upper, rows: a.rows - upper }, formatOf, fill);
}
