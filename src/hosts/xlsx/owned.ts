/**
 * What the product owns in an .xlsx, by marker (see src/workbook/port.ts): hidden workbook-scoped
 * defined names starting with OWNED_PREFIX in workbook.xml, and conditional-format rules whose
 * formula contains OWNED_RULE_TAG in the sheets. Read back into the snapshot, and written:
 * names added and removed, rules removed and added (with a differential format appended to
 * styles.xml). Everything else in workbook.xml and the sheets stays as it was.
 */
import type { ConditionalFill, MarkPlan } from "../../workbook/plan";
import { OWNED_RULE_TAG, type OwnedMark, type OwnedRule } from "../../workbook/port";
import { isOwnedName, isOwnedRuleFormula, markReference, parseReference, toOwnedMark } from "../../workbook/owned";
import { colLetter } from "../../workbook/text";
import type { StyleBook } from "./styles";
import { PFX, attr, rootPrefix, childInsertAt, xmlDecode, xmlEscape } from "./xml";

const NAME_RE = new RegExp(`<(${PFX})definedName\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${PFX}definedName>)`, "g");

/** The product's markers among the defined names of workbook.xml. */
export function readMarks(workbookXml: string): OwnedMark[] {
  const out: OwnedMark[] = [];
  for (const m of workbookXml.matchAll(NAME_RE)) {
    const name = attr(m[2], "name") ?? "";
    if (attr(m[2], "localSheetId") !== undefined || !isOwnedName(name)) continue;
    out.push(toOwnedMark(name, xmlDecode(m[3] ?? "")));
  }
  return out;
}

/** CT_Workbook children after <definedNames>, where a new <definedNames> goes before. */
const AFTER_NAMES = ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

/** workbook.xml with the marks plan applied: only OWNED_PREFIX names of workbook scope are removed or added. */
export function applyMarks(workbookXml: string, marks: MarkPlan): string {
  const p = rootPrefix(workbookXml, "workbook");
  const remove = new Set([...marks.remove, ...marks.set.map((s) => s.name)].map((n) => n.toUpperCase()));
  let xml = workbookXml.replace(NAME_RE, (el, _p: string, attrs: string) => {
    const name = (attr(attrs, "name") ?? "").toUpperCase();
    const ours = attr(attrs, "localSheetId") === undefined && isOwnedName(name);
    return ours && remove.has(name) ? "" : el;
  });
  // A list emptied here goes (a self-closing one the file had stays as it was).
  if (!marks.set.length) return xml.replace(new RegExp(`<${p}definedNames>\\s*</${p}definedNames>`), "");
  const items = marks.set.map((s) => `<${p}definedName name="${xmlEscape(s.name)}" hidden="1">${xmlEscape(markReference(s.sheet, s.area))}</${p}definedName>`).join("");
  const close = `</${p}definedNames>`;
  xml = xml.replace(new RegExp(`<${p}definedNames\\s*/>`), `<${p}definedNames>${close}`);
  if (xml.includes(close)) return xml.replace(close, `${items}${close}`);
  const el = `<${p}definedNames>${items}</${p}definedNames>`;
  for (const later of AFTER_NAMES) {
    const at = xml.search(new RegExp(`<${p}${later}[\\s/>]`));
    if (at >= 0) return xml.slice(0, at) + el + xml.slice(at);
  }
  const end = xml.lastIndexOf(`</${p}workbook>`);
  return xml.slice(0, end) + el + xml.slice(end);
}

const CF_RE = new RegExp(`<(${PFX})conditionalFormatting\\b([^>]*)>([\\s\\S]*?)</${PFX}conditionalFormatting>`, "g");
const RULE_RE = new RegExp(`<${PFX}cfRule\\b[^>]*?(?:/>|>[\\s\\S]*?</${PFX}cfRule>)`, "g");
const FORMULA_RE = new RegExp(`<${PFX}formula>([\\s\\S]*?)</${PFX}formula>`);

/** The product's conditional-format rules of a sheet (the top-level ones; x14 rules in extLst are never the product's). */
export function readRules(sheet: string, xml: string): OwnedRule[] {
  const out: OwnedRule[] = [];
  if (!xml.includes("conditionalFormatting")) return out;
  const tail = xml.slice(Math.max(0, xml.lastIndexOf("sheetData>")));
  for (const m of tail.matchAll(CF_RE)) {
    const first = (attr(m[2], "sqref") ?? "").split(/\s+/)[0];
    for (const r of m[3].matchAll(RULE_RE)) {
      const formula = xmlDecode(FORMULA_RE.exec(r[0])?.[1] ?? "").replace(/^=/, "");
      if (!isOwnedRuleFormula(formula)) continue;
      const ref = first ? parseReference(`'x'!${first}`) : null;
      out.push({ sheet, area: ref?.area ?? null, formula });
    }
  }
  return out;
}

/** Removes the product's rules (formula contains OWNED_RULE_TAG); a <conditionalFormatting> left empty goes too. */
export function removeOwnedRules(xml: string): string {
  if (!xml.includes("conditionalFormatting")) return xml;
  const tag = xmlEscape(OWNED_RULE_TAG);
  const at = Math.max(0, xml.lastIndexOf("sheetData>"));
  const tail = xml.slice(at).replace(CF_RE, (el, _p: string, _a: string, inner: string) => {
    const kept = inner.replace(RULE_RE, (rule) => {
      const f = FORMULA_RE.exec(rule)?.[1] ?? "";
      return f.includes(tag) || isOwnedRuleFormula(xmlDecode(f)) ? "" : rule;
    });
    if (kept === inner) return el;
    return new RegExp(`<${PFX}cfRule\\b`).test(kept) ? el.replace(inner, kept) : "";
  });
  return xml.slice(0, at) + tail;
}

/** Adds rules of type "expression" with an appended dxf each; priorities follow the sheet's highest. */
export function addConditionalFills(xml: string, fills: readonly ConditionalFill[], book: StyleBook): string {
  if (!fills.length) return xml;
  const p = rootPrefix(xml, "worksheet");
  let priority = 0;
  for (const m of xml.matchAll(/\bpriority="(\d+)"/g)) priority = Math.max(priority, Number(m[1]));
  const els = fills
    .map((f) => {
      const sqref = `${colLetter(f.area.col)}${f.area.row + 1}:${colLetter(f.area.col + f.area.cols - 1)}${f.area.row + f.area.rows}`;
      const dxf = book.dxf(f);
      return `<${p}conditionalFormatting sqref="${sqref}"><${p}cfRule type="expression" dxfId="${dxf}" priority="${++priority}"><${p}formula>${xmlEscape(f.formula)}</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
    })
    .join("");
  // After the sheet's own conditional formats (schema order: conditionalFormatting is repeatable).
  const at = childInsertAt(xml, "conditionalFormatting", p);
  return xml.slice(0, at) + els + xml.slice(at);
}

