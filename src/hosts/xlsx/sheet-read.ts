/**
 * Reading cell values straight from a worksheet's XML: one forward pass over <sheetData> with
 * indexOf/regex scanning, no DOM and no model of the rest of the sheet (drawings, validations,
 * comments are never parsed, so a whole-sheet validation or an unusual drawing cannot break or
 * slow the read).
 *
 * Values as Office.js reports them: numbers, strings (rich text flattened), booleans, errors as
 * their text, formulas as their cached result. A formula without a cached result (a file written by
 * a program that does not calculate) reads as empty and is listed in `uncalculated`.
 */
import type { CellValue } from "../../workbook/plan";
import type { SheetSnapshot } from "../../workbook/port";
import { PFX, attr, runText, xmlDecode, xstringDecode } from "./xml";
import { a1 } from "../../workbook/text";

/** 0-based column of the letters of an A1 reference ("AB12" → 27), -1 when there are none. */
export function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

/** 0-based row and column of an A1 reference (no $ signs). */
export function cellOf(ref: string): { row: number; col: number } {
  const col = columnOf(ref);
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  return { row: Number(ref.slice(i)) - 1, col };
}

/** The shared string table (xl/sharedStrings.xml) as plain texts. */
export function readSharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (!xml) return out;
  const re = new RegExp(`<${PFX}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${PFX}si>)`, "g");
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] ? runText(m[1]) : "");
  return out;
}

/** Days from 1899-12-30 (Excel's serial 0 in the 1900 system) for an ISO date (t="d" cells). */
function isoToSerial(iso: string): number | null {
  const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) || !/T/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(t) ? null : t / 86_400_000 + 25_569;
}

/** Inner text of the first child element `name` in a cell's content, or undefined. */
const CHILD_RE = new Map<string, RegExp>();

function childText(body: string, name: string): string | undefined {
  let re = CHILD_RE.get(name);
  if (!re) CHILD_RE.set(name, (re = new RegExp(`<${PFX}${name}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${PFX}${name}>)`)));
  const m = re.exec(body);
  return m ? m[1] ?? "" : undefined;
}

/**
 * Attribute `name` of a <row> or <c> start tag: `name="…"` found with indexOf (how every writer
 * seen spells them: r, s and t values hold no entities), else the general parser (single quotes,
 * spaces around "="). The common case costs no regular expression per cell.
 */
function cellAttr(attrs: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const at = attrs.startsWith(key.slice(1)) ? 0 : attrs.indexOf(key);
  if (at >= 0) {
    const from = at + (at === 0 && attrs[0] !== " " ? key.length - 1 : key.length);
    const to = attrs.indexOf('"', from);
    if (to >= 0) return attrs.slice(from, to);
  }
  return attrs.indexOf(`${name}=`) >= 0 || attrs.indexOf(`${name} `) >= 0 ? attr(attrs, name) : undefined;
}

/** The cell's <v> text: the plain `<v>…</v>` by indexOf ("<v>" cannot occur escaped in other children), else childText. */
function valueText(inner: string): string | undefined {
  const at = inner.indexOf("<v>");
  if (at >= 0) {
    const end = inner.indexOf("</v>", at);
    if (end >= 0) return inner.slice(at + 3, end);
  }
  return childText(inner, "v");
}

/** Where `plain` (an unprefixed tag) first occurs, else where the prefix-aware pattern does; -1 when neither. */
function find(xml: string, plain: string, re: RegExp): number {
  const at = xml.indexOf(plain);
  if (at >= 0 && (plain.endsWith(">") || /[\s>/]/.test(xml[at + plain.length] ?? ""))) return at;
  return xml.search(re);
}

export interface SheetReadOptions {
  name: string;
  strings: () => string[];
  /** Number format code of a cell style index. */
  numberFormat: (styleIndex: number) => string;
}

export interface SheetRead extends SheetSnapshot {
  /** A1 addresses of formulas without a cached result. */
  uncalculated: string[];
}

/** The used range of a sheet's XML, padded to A1 (rows × columns up to the last non-empty cell). */
export function readSheetXml(xml: string, opts: SheetReadOptions): SheetRead {
  const rows: CellValue[][] = [];
  const formats: string[][] = [];
  const uncalculated: string[] = [];
  let lastRow = -1;
  let lastCol = -1;
  const dataStart = find(xml, "<sheetData", new RegExp(`<${PFX}sheetData[\\s>/]`));
  // Rows and cells carry the prefix of their <sheetData> ("" nearly always, "x:" in some writers):
  // matching that one prefix spares the general pattern's attempt at every "<".
  const p = dataStart >= 0 ? /^<([A-Za-z_][\w.-]*:)?/.exec(xml.slice(dataStart, dataStart + 40))?.[1] ?? "" : null;
  const pfx = p === null ? PFX : p.replace(/\./g, "\\.");
  const rowRe = new RegExp(`<${pfx}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${pfx}row>)`, "g");
  const cellRe = new RegExp(`<${pfx}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${pfx}c>)`, "g");
  rowRe.lastIndex = Math.max(0, dataStart);
  const dataEnd = find(xml, "</sheetData>", new RegExp(`</${PFX}sheetData>`));
  let nextRow = 0;
  for (let rm = rowRe.exec(xml); rm && (dataEnd < 0 || rm.index < dataEnd); rm = rowRe.exec(xml)) {
    const rAttr = cellAttr(rm[1], "r");
    const r = rAttr ? Number(rAttr) - 1 : nextRow;
    nextRow = r + 1;
    const body = rm[2];
    if (!body) continue;
    let nextCol = 0;
    cellRe.lastIndex = 0;
    for (let cm = cellRe.exec(body); cm; cm = cellRe.exec(body)) {
      const attrs = cm[1];
      const ref = cellAttr(attrs, "r");
      const c = ref ? columnOf(ref) : nextCol;
      nextCol = c + 1;
      const inner = cm[2];
      if (!inner) continue;
      const t = cellAttr(attrs, "t") ?? "n";
      const v = valueText(inner);
      let value: CellValue = null;
      if (t === "inlineStr") {
        const is = childText(inner, "is");
        value = is === undefined ? (v !== undefined ? xstringDecode(xmlDecode(v)) : null) : runText(is);
      } else if (v === undefined || v === "") {
        if (childText(inner, "f") !== undefined) uncalculated.push(a1(r, c));
        continue;
      } else if (t === "s") {
        value = opts.strings()[Number(v)] ?? null;
      } else if (t === "str") {
        value = xstringDecode(xmlDecode(v));
      } else if (t === "b") {
        value = v.trim() === "1" || v.trim().toLowerCase() === "true";
      } else if (t === "e") {
        value = xmlDecode(v).trim();
      } else if (t === "d") {
        value = isoToSerial(xmlDecode(v).trim());
      } else {
        const n = Number(v);
        value = Number.isFinite(n) ? n : null;
      }
      if (value === null) continue;
      (rows[r] ??= [])[c] = value;
      const s = cellAttr(attrs, "s");
      (formats[r] ??= [])[c] = opts.numberFormat(s ? Number(s) : 0);
      if (r > lastRow) lastRow = r;
      if (c > lastCol) lastCol = c;
    }
  }
  blankMergedCells(xml, rows, dataEnd);
  // Pad in place: every row lastCol+1 long, holes as empty cells ("General").
  const values: CellValue[][] = new Array<CellValue[]>(lastRow + 1);
  const numberFormats: string[][] = new Array<string[]>(lastRow + 1);
  for (let i = 0; i <= lastRow; i++) {
    const vr = rows[i] ?? [];
    const fr = formats[i] ?? [];
    vr.length = lastCol + 1;
    fr.length = lastCol + 1;
    for (let j = 0; j <= lastCol; j++) {
      if (vr[j] === undefined) {
        vr[j] = null;
        fr[j] = "General";
      } else if (fr[j] === undefined) fr[j] = "General";
    }
    values[i] = vr;
    numberFormats[i] = fr;
  }
  // A trailing merged area may have emptied the last rows/columns; the shape stays as Excel's used range.
  return { name: opts.name, values, numberFormats, uncalculated };
}

/** Only the top-left cell of a merged area has a value, as in Excel (some writers repeat it). */
function blankMergedCells(xml: string, rows: CellValue[][], dataEnd: number): void {
  const re = new RegExp(`<${PFX}mergeCell\\b[^>]*\\bref="([A-Za-z]+\\d+):([A-Za-z]+\\d+)"`, "g");
  re.lastIndex = Math.max(0, dataEnd);
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const a = cellOf(m[1]);
    const b = cellOf(m[2]);
    for (let r = a.row; r <= b.row && r < rows.length; r++) {
      const line = rows[r];
      if (!line) continue;
      for (let c = a.col; c <= b.col && c < line.length; c++) if (r !== a.row || c !== a.col) delete line[c];
    }
  }
}
