/**
 * The product's markers and rules in ET: hidden workbook-scoped defined names (`Workbook.Names`)
 * and conditional-format rules whose formula carries OWNED_RULE_TAG (`Range.FormatConditions`).
 * See src/workbook/port.ts for what they mean; this module only reads and writes them.
 */
import type { Area, ConditionalFill, MarkPlan } from "../../workbook/plan";
import { OWNED_PREFIX, OWNED_RULE_TAG, type OwnedMark, type OwnedRule } from "../../workbook/port";
import { a1, parseA1 } from "../../workbook/text";
import { areaAddress } from "../../workbook/host-cells";
import { bgr, member, type EtApplication, type EtWorkbook, type EtWorksheet } from "./et";

/** "$L$2:$W$60" or "L2" → the rectangle; null for anything else (several areas, #REF!). */
export function parseArea(text: string): Area | null {
  const parts = text.replace(/\$/g, "").split(":");
  if (parts.length > 2) return null;
  const p = parseA1(parts[0]);
  const q = parts[1] === undefined ? p : parseA1(parts[1]);
  if (!p || !q || q.row < p.row || q.col < p.col) return null;
  return { row: p.row, col: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
}

/** "='学校数据'!$L$2:$W$60" → sheet and area; nulls where the name does not refer to one rectangle. */
export function parseRefersTo(refersTo: string): { sheet: string | null; area: Area | null } {
  const text = refersTo.replace(/^=/, "").trim();
  const bang = text.lastIndexOf("!");
  if (bang < 0 || text.includes("#REF!")) return { sheet: null, area: null };
  let sheet = text.slice(0, bang);
  if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const area = parseArea(text.slice(bang + 1));
  return area && sheet ? { sheet, area } : { sheet: null, area: null };
}

/** "='学校数据'!$L$2:$W$60": quoted sheet, absolute area. */
export function refersTo(sheet: string, area: Area): string {
  const abs = (row: number, col: number) => a1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const first = abs(area.row, area.col);
  const ref = area.rows === 1 && area.cols === 1 ? first : `${first}:${abs(area.row + area.rows - 1, area.col + area.cols - 1)}`;
  return `='${sheet.replace(/'/g, "''")}'!${ref}`;
}

/** Every workbook-scoped name starting with OWNED_PREFIX (sheet-scoped names read as "Sheet!name" and are skipped). */
export function readMarks(wb: EtWorkbook): OwnedMark[] {
  const names = wb.Names;
  const out: OwnedMark[] = [];
  for (let i = 1, n = names.Count; i <= n; i++) {
    const item = names.Item(i);
    const name = item.Name;
    if (!name.toUpperCase().startsWith(OWNED_PREFIX)) continue;
    out.push({ name, ...parseRefersTo(item.RefersTo) });
  }
  return out;
}

/** The product's rules on a sheet: every condition of its cells whose formula carries the tag. */
export function readRules(ws: EtWorksheet, sheet: string): OwnedRule[] {
  const conditions = ws.Cells.FormatConditions;
  const out: OwnedRule[] = [];
  for (let i = 1, n = conditions.Count; i <= n; i++) {
    const c = conditions.Item(i);
    const formula = c.Formula1.replace(/^=/, "");
    if (!formula.includes(OWNED_RULE_TAG)) continue;
    const address = member<string>(c.AppliesTo, "Address");
    out.push({ sheet, area: parseArea(address.split(",")[0]), formula });
  }
  return out;
}

/** Deletes the product's rules on a sheet, last first (Item numbers shift as rules go). */
export function removeOwnedRules(ws: EtWorksheet): void {
  const conditions = ws.Cells.FormatConditions;
  for (let i = conditions.Count; i >= 1; i--) {
    const c = conditions.Item(i);
    if (c.Formula1.includes(OWNED_RULE_TAG)) c.Delete();
  }
}

/**
 * Adds the rules in plan order. A relative reference in FormatConditions.Add is read relative to
 * the active cell (as in Excel's object model), so the sheet is activated and the rule's top-left
 * cell selected first; the user's active cell is selected again afterwards.
 */
export function addConditionalFills(ws: EtWorksheet, app: EtApplication, fills: ConditionalFill[]): void {
  if (!fills.length) return;
  ws.Activate();
  const before = app.ActiveCell;
  for (const f of fills) {
    ws.Range(a1(f.area.row, f.area.col)).Select();
    const rule = ws.Range(areaAddress(f.area)).FormatConditions.Add(2, undefined, `=${f.formula}`);
    if (f.fill) rule.Interior.Color = bgr(f.fill);
    if (f.fontColor) rule.Font.Color = bgr(f.fontColor);
    if (f.numberFormat) rule.NumberFormat = f.numberFormat;
  }
  before?.Select();
}

/** Marks after the sheets: remove (a missing name is skipped), then set (hidden, workbook scope). */
export function applyMarks(wb: EtWorkbook, marks: MarkPlan): void {
  const names = wb.Names;
  const existing = new Map(readMarks(wb).map((m) => [m.name.toLowerCase(), m.name]));
  for (const name of marks.remove) {
    const stored = existing.get(name.toLowerCase());
    if (!stored) continue;
    names.Item(stored).Delete();
    existing.delete(name.toLowerCase());
  }
  for (const m of marks.set) {
    const stored = existing.get(m.name.toLowerCase());
    if (stored) names.Item(stored).Delete();
    names.Add(m.name, refersTo(m.sheet, m.area), false);
  }
}
