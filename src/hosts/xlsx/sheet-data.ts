/**
 * Cell edits of a sheet plan and the one pass that applies them to a <sheetData>.
 *
 * A plan's blocks, format runs, highlights and clears become per-cell edits (value and a list of
 * style changes). The pass copies every <row> and <c> without an edit as it is (the same bytes) and
 * writes only the edited cells; a new cell's style starts from the default style 0, an existing
 * cell's from its own. Used for both the data sheet ("update") and the product's own sheets
 * ("replace", from an empty <sheetData>).
 */
import type { Area, CellValue, SheetPlan } from "../../workbook/plan";
import { colLetter } from "../../workbook/text";
import type { StyleBook, StyleChange } from "./styles";
import { columnOf, cellOf } from "./sheet-read";
import { PFX, attr, dropAttr, setAttr, xmlText } from "./xml";

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

interface Edit {
  /** Set: the cell's value becomes this (null: no value). Absent: the value is kept. */
  value?: CellValue;
  changes?: StyleChange[];
}

export class CellEdits {
  readonly rows = new Map<number, Map<number, Edit>>();
  readonly clears: Area[] = [];
  maxRow = -1;
  maxCol = -1;

  private edit(r: number, c: number): Edit {
    let row = this.rows.get(r);
    if (!row) this.rows.set(r, (row = new Map()));
    let e = row.get(c);
    if (!e) row.set(c, (e = {}));
    if (r > this.maxRow) this.maxRow = r;
    if (c > this.maxCol) this.maxCol = c;
    return e;
  }

  static of(plan: SheetPlan): CellEdits {
    const edits = new CellEdits();
    edits.clears.push(...(plan.clear ?? []));
    for (const b of plan.blocks) {
      b.values.forEach((line, i) =>
        line.forEach((v, j) => {
          // An empty value empties an existing cell (its style stays); a new empty cell is not written.
          edits.edit(b.row + i, b.col + j).value = typeof v === "number" && !Number.isFinite(v) ? null : v ?? null;
        }),
      );
    }
    for (const run of plan.formats) {
      const { row, col, rows, cols, ...change } = run;
      const bottom = Math.min(row + rows, MAX_ROWS);
      const right = Math.min(col + cols, MAX_COLS);
      for (let r = row; r < bottom; r++) for (let c = col; c < right; c++) (edits.edit(r, c).changes ??= []).push(change);
    }
    for (const h of plan.highlights ?? []) {
      const change: StyleChange = { fill: h.fill };
      for (const address of h.cells) {
        const { row, col } = cellOf(address);
        (edits.edit(row, col).changes ??= []).push(change);
      }
    }
    return edits;
  }

  cleared(r: number, c: number): boolean {
    for (const a of this.clears) if (r >= a.row && r < a.row + a.rows && c >= a.col && c < a.col + a.cols) return true;
    return false;
  }
}

function valueXml(ref: string, style: number, v: CellValue | undefined): string {
  const s = style ? ` s="${style}"` : "";
  if (v === null || v === undefined) return `<c r="${ref}"${s}/>`;
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  const space = /^\s|\s$/.test(v) ? ` xml:space="preserve"` : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xmlText(v)}</t></is></c>`;
}

function styled(book: StyleBook, base: number, changes: StyleChange[] | undefined): number {
  let s = base;
  for (const ch of changes ?? []) s = book.derive(s, ch);
  return s;
}

/** One existing cell of a row: its column and its XML. */
interface Existing {
  col: number;
  xml: string;
}

const CELL_RE = new RegExp(`<(${PFX})c\\b([^>]*?)(?:/>|>[\\s\\S]*?</${PFX}c>)`, "g");

function existingCells(body: string): Existing[] {
  const out: Existing[] = [];
  let next = 0;
  CELL_RE.lastIndex = 0;
  for (let m = CELL_RE.exec(body); m; m = CELL_RE.exec(body)) {
    const ref = attr(m[2], "r");
    const col = ref ? columnOf(ref) : next;
    next = col + 1;
    out.push({ col, xml: m[0] });
  }
  return out;
}

/** Applies an edit to an existing cell: a style change keeps the value and formula; a value edit rewrites it. */
function editExisting(book: StyleBook, r: number, cell: Existing, edit: Edit, cleared: boolean, p: string): string | null {
  const ref = `${colLetter(cell.col)}${r + 1}`;
  const open = /^<[^>]*?(?=\/?>)/.exec(cell.xml)![0];
  const base = cleared ? 0 : Number(attr(open, "s") ?? 0);
  const style = styled(book, base, edit.changes);
  if (!("value" in edit) && !cleared) {
    // Keep value and formula: only the s attribute changes (and r is made explicit).
    let tag = setAttr(open, "r", ref);
    tag = style ? setAttr(tag, "s", String(style)) : dropAttr(tag, "s");
    return tag + cell.xml.slice(open.length);
  }
  const v = "value" in edit ? edit.value : null;
  if ((v === null || v === undefined) && style === 0) return null;
  const xml = valueXml(ref, style, v);
  return p ? xml.replace(/<(\/?)(c|v|is|t)\b/g, `<$1${p}$2`) : xml;
}

/** Rewrites one row's cells with its edits (and the clears). */
function rowCells(book: StyleBook, r: number, body: string, edits: Map<number, Edit> | undefined, all: CellEdits, p: string): string {
  const cells = existingCells(body);
  const out: string[] = [];
  const byCol = edits ? [...edits.entries()].sort((a, b) => a[0] - b[0]) : [];
  let k = 0;
  const writeNew = (col: number, e: Edit) => {
    const style = styled(book, 0, e.changes);
    const v = "value" in e ? e.value : null;
    if ((v === null || v === undefined) && style === 0) return;
    const xml = valueXml(`${colLetter(col)}${r + 1}`, style, v);
    out.push(p ? xml.replace(/<(\/?)(c|v|is|t)\b/g, `<$1${p}$2`) : xml);
  };
  for (const cell of cells) {
    while (k < byCol.length && byCol[k][0] < cell.col) writeNew(byCol[k][0], byCol[k++][1]);
    const cleared = all.clears.length > 0 && all.cleared(r, cell.col);
    if (k < byCol.length && byCol[k][0] === cell.col) {
      const x = editExisting(book, r, cell, byCol[k++][1], cleared, p);
      if (x !== null) out.push(x);
    } else if (!cleared) {
      out.push(cell.xml);
    }
  }
  while (k < byCol.length) writeNew(byCol[k][0], byCol[k++][1]);
  return out.join("");
}

function rowTouched(all: CellEdits, r: number): boolean {
  if (all.rows.has(r)) return true;
  for (const a of all.clears) if (r >= a.row && r < a.row + a.rows) return true;
  return false;
}

/**
 * The sheetData inner XML with the edits applied. `inner` is the existing content ("" for a new
 * sheet); `p` the namespace prefix of the sheet's elements.
 */
export function applyEdits(inner: string, all: CellEdits, book: StyleBook, p = ""): string {
  const pending = [...all.rows.keys()].sort((a, b) => a - b);
  let k = 0;
  const out: string[] = [];
  const newRow = (r: number) => {
    const body = rowCells(book, r, "", all.rows.get(r), all, p);
    if (body) out.push(`<${p}row r="${r + 1}">${body}</${p}row>`);
  };
  const rowRe = new RegExp(`<${PFX}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${PFX}row>)`, "g");
  let last = 0;
  let next = 0;
  for (let m = rowRe.exec(inner); m; m = rowRe.exec(inner)) {
    const rAttr = attr(m[1], "r");
    const r = rAttr ? Number(rAttr) - 1 : next;
    next = r + 1;
    // Rows only edited: new ones before this one first.
    const gap = inner.slice(last, m.index);
    out.push(gap);
    while (k < pending.length && pending[k] < r) newRow(pending[k++]);
    last = m.index + m[0].length;
    if (k < pending.length && pending[k] === r) k++;
    if (!rowTouched(all, r)) {
      out.push(m[0]);
      continue;
    }
    const body = rowCells(book, r, m[2] ?? "", all.rows.get(r), all, p);
    let open = `<${m[0].slice(1, m[0].indexOf(">") + 1)}`;
    if (open.endsWith("/>")) open = open.slice(0, -2) + ">";
    open = dropAttr(open, "spans");
    if (!rAttr) open = setAttr(open, "r", String(r + 1));
    const close = `</${/^<([\w.-]*:)?/.exec(m[0])![1] ?? ""}row>`;
    out.push(`${open}${body}${close}`);
  }
  out.push(inner.slice(last));
  while (k < pending.length) newRow(pending[k++]);
  return out.join("");
}

export { MAX_COLS, MAX_ROWS };
