/**
 * The product's markers and conditional formats over exceljs (the interim xlsx host): defined
 * names starting with OWNED_PREFIX and conditional-format rules whose formula carries
 * OWNED_RULE_TAG (see src/workbook/port.ts). exceljs 4.4 cannot write a defined name hidden, so
 * the names show in Name Manager here; the package-preserving writer writes them hidden.
 */
import type * as ExcelJS from "exceljs";
import type { Worksheet } from "exceljs";
import type { ConditionalFill, MarkPlan } from "../../workbook/plan";
import type { OwnedState } from "../../workbook/port";
import { isOwnedName, isOwnedRuleFormula, markReference, toOwnedMark } from "../../workbook/owned";
import { colLetter } from "../../workbook/text";
import { argb } from "./cells";

interface DefinedNamesModel {
  model: { name: string; ranges: string[] }[];
}

interface CfModel {
  ref: string;
  rules: { type: string; formulae?: string[] }[];
}

const cfs = (ws: Worksheet) => (ws as unknown as { conditionalFormattings: CfModel[] }).conditionalFormattings;

/** The markers of the workbook and the product's rules on the given sheets. */
export function readOwned(wb: ExcelJS.Workbook, sheets: Worksheet[]): OwnedState {
  const names = (wb.definedNames as unknown as DefinedNamesModel).model;
  const marks = names.filter((n) => isOwnedName(n.name)).map((n) => toOwnedMark(n.name, n.ranges.length === 1 ? n.ranges[0] : ""));
  const rules: OwnedState["rules"] = [];
  for (const ws of sheets) {
    for (const cf of cfs(ws)) {
      for (const r of cf.rules) {
        const formula = r.formulae?.[0];
        if (r.type === "expression" && formula && isOwnedRuleFormula(formula)) rules.push({ sheet: ws.name, area: null, formula });
      }
    }
  }
  return { marks, rules };
}

/** marks.remove, then marks.set (after the sheets were applied). */
export function applyMarks(wb: ExcelJS.Workbook, marks: MarkPlan): void {
  const dn = wb.definedNames as unknown as DefinedNamesModel;
  const drop = new Set([...marks.remove, ...marks.set.map((m) => m.name)].map((n) => n.toLowerCase()));
  const kept = dn.model.filter((n) => !drop.has(n.name.toLowerCase()));
  dn.model = [...kept, ...marks.set.map((m) => ({ name: m.name, ranges: [markReference(m.sheet, m.area)] }))];
}

/** Removes the product's rules from a sheet; the user's rules stay as they are. */
export function removeOwnedRules(ws: Worksheet): void {
  const list = cfs(ws);
  for (const cf of list) cf.rules = cf.rules.filter((r) => !(r.type === "expression" && r.formulae?.some(isOwnedRuleFormula)));
  ws.removeConditionalFormatting((cf: CfModel) => cf.rules.length > 0);
}

/** Adds the plan's conditional fills, in order. */
export function addConditionalFills(ws: Worksheet, fills: ConditionalFill[]): void {
  for (const f of fills) {
    const ref = `${colLetter(f.area.col)}${f.area.row + 1}:${colLetter(f.area.col + f.area.cols - 1)}${f.area.row + f.area.rows}`;
    const style: Partial<ExcelJS.Style> = { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(f.fill) } } };
    if (f.fontColor) style.font = { color: { argb: argb(f.fontColor) } };
    ws.addConditionalFormatting({ ref, rules: [{ type: "expression", formulae: [f.formula], style }] } as unknown as ExcelJS.ConditionalFormattingOptions);
  }
}
