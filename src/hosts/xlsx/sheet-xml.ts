/**
 * A worksheet's XML from a sheet plan: written anew for the product's own sheets ("replace"), or
 * patched in place for the data sheet ("update": only the plan's cells, the merges inside its
 * clears, and the sheet extras it names change; every other byte stays).
 */
import type { Area, ListValidation, SheetPlan } from "../../workbook/plan";
import { colLetter } from "../../workbook/text";
import { CellEdits, MAX_COLS, MAX_ROWS, applyEdits } from "./sheet-data";
import { cellOf } from "./sheet-read";
import type { StyleBook } from "./styles";
import { PFX, attr, putWorksheetChild, rootPrefix, setAttr, worksheetChild, xmlEscape } from "./xml";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function rangeRef(a: Area): string {
  const bottom = Math.min(a.row + a.rows, MAX_ROWS);
  const right = Math.min(a.col + a.cols, MAX_COLS);
  return `${colLetter(a.col)}${a.row + 1}:${colLetter(right - 1)}${bottom}`;
}

function hex(color: string): string {
  const h = color.replace(/^#/, "").toUpperCase();
  return h.length === 8 ? h : `FF${h}`;
}

function paneXml(freeze: { rows: number; cols: number }, p: string): string {
  const { rows, cols } = freeze;
  if (!rows && !cols) return "";
  const active = rows && cols ? "bottomRight" : rows ? "bottomLeft" : "topRight";
  const split = `${cols ? ` xSplit="${cols}"` : ""}${rows ? ` ySplit="${rows}"` : ""}`;
  return `<${p}pane${split} topLeftCell="${colLetter(cols)}${rows + 1}" activePane="${active}" state="frozen"/><${p}selection pane="${active}"/>`;
}

function validationXml(v: ListValidation, p: string): string {
  const list = v.list.join(",");
  return (
    `<${p}dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" errorTitle="输入提示" ` +
    `error="${xmlEscape(`请从下拉列表中选择：${v.list.join("、")}`)}" sqref="${rangeRef(v)}"><${p}formula1>${xmlEscape(`"${list}"`)}</${p}formula1></${p}dataValidation>`
  );
}

interface ColDef {
  min: number;
  max: number;
  attrs: string;
}

/** <cols> with the plan's widths: existing ranges split where a width changes, everything else kept. */
function colsXml(existing: string | null, widths: readonly { col: number; width: number }[], p: string): string {
  const defs: ColDef[] = [];
  if (existing) {
    for (const m of existing.matchAll(new RegExp(`<${PFX}col\\b([^>]*?)/?>`, "g"))) {
      defs.push({ min: Number(attr(m[1], "min")), max: Number(attr(m[1], "max")), attrs: m[1] });
    }
  }
  for (const { col, width } of widths) {
    const n = col + 1;
    const i = defs.findIndex((d) => d.min <= n && n <= d.max);
    const set = (a: string) => setAttr(setAttr(`<x ${a.trim()}>`, "width", String(width)), "customWidth", "1").slice(3, -1);
    if (i < 0) {
      defs.push({ min: n, max: n, attrs: ` min="${n}" max="${n}" width="${width}" customWidth="1"` });
      continue;
    }
    const d = defs[i];
    const parts: ColDef[] = [];
    const withRange = (a: string, lo: number, hi: number) => setAttr(setAttr(`<x ${a.trim()}>`, "min", String(lo)), "max", String(hi)).slice(2, -1);
    if (d.min < n) parts.push({ min: d.min, max: n - 1, attrs: withRange(d.attrs, d.min, n - 1) });
    parts.push({ min: n, max: n, attrs: set(withRange(d.attrs, n, n)) });
    if (n < d.max) parts.push({ min: n + 1, max: d.max, attrs: withRange(d.attrs, n + 1, d.max) });
    defs.splice(i, 1, ...parts);
  }
  defs.sort((a, b) => a.min - b.min);
  if (!defs.length) return "";
  return `<${p}cols>${defs.map((d) => `<${p}col ${d.attrs.trim()}/>`).join("")}</${p}cols>`;
}

function inside(inner: Area, outer: Area): boolean {
  return inner.row >= outer.row && inner.col >= outer.col && inner.row + inner.rows <= outer.row + outer.rows && inner.col + inner.cols <= outer.col + outer.cols;
}

function areaOf(ref: string): Area {
  const [a, b = a] = ref.split(":");
  const s = cellOf(a);
  const e = cellOf(b);
  return { row: s.row, col: s.col, rows: e.row - s.row + 1, cols: e.col - s.col + 1 };
}

/** The XML of a new worksheet holding exactly the plan. */
export function newSheetXml(plan: SheetPlan, book: StyleBook, selected: boolean): string {
  const edits = CellEdits.of(plan);
  const data = applyEdits("", edits, book);
  const dim = edits.maxRow >= 0 ? `A1:${colLetter(Math.max(0, edits.maxCol))}${edits.maxRow + 1}` : "A1";
  const merges = (plan.merges ?? []).filter((m) => m.rows * m.cols > 1);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    (plan.tabColor ? `<sheetPr><tabColor rgb="${hex(plan.tabColor)}"/></sheetPr>` : "") +
    `<dimension ref="${dim}"/>` +
    `<sheetViews><sheetView${selected ? ` tabSelected="1"` : ""} workbookViewId="0">${plan.freeze ? paneXml(plan.freeze, "") : ""}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    colsXml(null, plan.columnWidths ?? [], "") +
    `<sheetData>${data}</sheetData>` +
    (merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join("")}</mergeCells>` : "") +
    (plan.validations?.length ? `<dataValidations count="${plan.validations.length}">${plan.validations.map((v) => validationXml(v, "")).join("")}</dataValidations>` : "") +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</worksheet>`
  );
}

/** The data sheet's XML with an "update" plan applied in one pass over its cells. */
export function patchSheetXml(xml: string, plan: SheetPlan, book: StyleBook): string {
  const p = rootPrefix(xml, "worksheet");
  const edits = CellEdits.of(plan);
  let out = xml;
  const data = worksheetChild(out, "sheetData", p);
  if (data) {
    const el = out.slice(data.start, data.end);
    const selfClosing = el.endsWith("/>");
    const openEnd = el.indexOf(">") + 1;
    const inner = selfClosing ? "" : el.slice(openEnd, el.length - `</${p}sheetData>`.length);
    const open = selfClosing ? el.slice(0, -2) + ">" : el.slice(0, openEnd);
    out = out.slice(0, data.start) + `${open}${applyEdits(inner, edits, book, p)}</${p}sheetData>` + out.slice(data.end);
  } else {
    out = putWorksheetChild(out, "sheetData", `<${p}sheetData>${applyEdits("", edits, book, p)}</${p}sheetData>`, p);
  }
  out = patchDimension(out, edits, p);
  if (plan.columnWidths?.length) {
    const cols = worksheetChild(out, "cols", p);
    out = putWorksheetChild(out, "cols", colsXml(cols ? out.slice(cols.start, cols.end) : null, plan.columnWidths, p), p);
  }
  out = patchMerges(out, plan, p);
  if (plan.tabColor) out = patchTabColor(out, plan.tabColor, p);
  if (plan.freeze) out = patchFreeze(out, plan.freeze, p);
  if (plan.validations?.length) out = patchValidations(out, plan.validations, p);
  return out;
}

function patchDimension(xml: string, edits: CellEdits, p: string): string {
  if (edits.maxRow < 0) return xml;
  const span = worksheetChild(xml, "dimension", p);
  const old = span ? attr(xml.slice(span.start, span.end), "ref") ?? "A1" : "A1";
  const a = areaOf(old);
  const lastRow = Math.max(a.row + a.rows - 1, edits.maxRow);
  const lastCol = Math.max(a.col + a.cols - 1, edits.maxCol);
  const ref = `${colLetter(a.col)}${a.row + 1}:${colLetter(lastCol)}${lastRow + 1}`;
  if (ref === old) return xml;
  return putWorksheetChild(xml, "dimension", `<${p}dimension ref="${ref}"/>`, p);
}

function patchMerges(xml: string, plan: SheetPlan, p: string): string {
  const clears = plan.clear ?? [];
  const added = (plan.merges ?? []).filter((m) => m.rows * m.cols > 1);
  if (!clears.length && !added.length) return xml;
  const span = worksheetChild(xml, "mergeCells", p);
  const kept: string[] = [];
  const refs = new Set<string>();
  if (span) {
    for (const m of xml.slice(span.start, span.end).matchAll(new RegExp(`<${PFX}mergeCell\\b[^>]*?\\bref="([^"]+)"[^>]*?/>`, "g"))) {
      const area = areaOf(m[1]);
      const replaced = added.some((a) => rangeRef(a) === m[1]);
      if (clears.some((c) => inside(area, c)) || replaced) continue;
      kept.push(m[0]);
      refs.add(m[1]);
    }
  }
  if (!span && !added.length) return xml;
  const all = [...kept, ...added.map((a) => `<${p}mergeCell ref="${rangeRef(a)}"/>`)];
  return putWorksheetChild(xml, "mergeCells", all.length ? `<${p}mergeCells count="${all.length}">${all.join("")}</${p}mergeCells>` : "", p);
}

function patchTabColor(xml: string, color: string, p: string): string {
  const tab = `<${p}tabColor rgb="${hex(color)}"/>`;
  const span = worksheetChild(xml, "sheetPr", p);
  if (!span) return putWorksheetChild(xml, "sheetPr", `<${p}sheetPr>${tab}</${p}sheetPr>`, p);
  let el = xml.slice(span.start, span.end);
  if (new RegExp(`<${PFX}tabColor\\b`).test(el)) el = el.replace(new RegExp(`<${PFX}tabColor\\b[^>]*?/>`), tab);
  else if (el.endsWith("/>")) el = `${el.slice(0, -2)}>${tab}</${p}sheetPr>`;
  else el = el.replace(/^(<[^>]*>)/, `$1${tab}`);
  return xml.slice(0, span.start) + el + xml.slice(span.end);
}

function patchFreeze(xml: string, freeze: { rows: number; cols: number }, p: string): string {
  const span = worksheetChild(xml, "sheetViews", p);
  if (!span) return putWorksheetChild(xml, "sheetViews", `<${p}sheetViews><${p}sheetView workbookViewId="0">${paneXml(freeze, p)}</${p}sheetView></${p}sheetViews>`, p);
  let el = xml.slice(span.start, span.end);
  el = el.replace(new RegExp(`<${PFX}(pane|selection)\\b[^>]*?/>`, "g"), "");
  el = el.replace(new RegExp(`(<${PFX}sheetView\\b[^>]*?)(/>|>)`), (_, open: string, end: string) => `${open}>${paneXml(freeze, p)}${end === "/>" ? `</${p}sheetView>` : ""}`);
  return xml.slice(0, span.start) + el + xml.slice(span.end);
}

function patchValidations(xml: string, list: readonly ListValidation[], p: string): string {
  const items = list.map((v) => validationXml(v, p)).join("");
  const span = worksheetChild(xml, "dataValidations", p);
  if (!span) return putWorksheetChild(xml, "dataValidations", `<${p}dataValidations count="${list.length}">${items}</${p}dataValidations>`, p);
  const el = xml.slice(span.start, span.end);
  const count = (Number(attr(el, "count")) || 0) + list.length;
  const open = setAttr(/^<[^>]*?(?=\/?>)/.exec(el)![0] + ">", "count", String(count));
  const inner = el.endsWith("/>") ? "" : el.slice(el.indexOf(">") + 1, el.lastIndexOf("<"));
  return xml.slice(0, span.start) + `${open}${inner}${items}</${p}dataValidations>` + xml.slice(span.end);
}
