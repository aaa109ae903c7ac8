/**
 * The product's conditional formats in Office.js: loading a sheet's rules, recognising the
 * product's by OWNED_RULE_TAG in their formula (src/workbook/port.ts), and their ids for deletion.
 * The markers (defined names) are read with the probe in officeHost.ts.
 */
import type { WritePlan } from "../../workbook/plan";
import type { OwnedRule } from "../../workbook/port";
import { isOwnedRuleFormula } from "../../workbook/owned";

/** A sheet's conditional formats as loaded for recognising the product's (type, formula, id). */
export type RuleLoad = { sheet: string; cfs: Excel.ConditionalFormatCollection };

/**
 * Queues the load of a sheet's conditional formats (the whole sheet's collection): id, type and,
 * for custom rules, the formula — enough to tell the product's rules by OWNED_RULE_TAG. No sync.
 */
export function queueRuleLoad(ws: Excel.Worksheet, sheet: string): RuleLoad {
  const cfs = ws.getRange().conditionalFormats;
  cfs.load("items/id,items/type,items/customOrNullObject/rule/formula");
  return { sheet, cfs };
}

/** The product's rules among loaded conditional formats, and their ids highest first. */
export function ownedRulesOf(loads: RuleLoad[], into: { ruleIds: Map<string, string[]>; rules: OwnedRule[] }): void {
  for (const { sheet, cfs } of loads) {
    if (cfs.isNullObject) continue;
    const ids: string[] = [];
    for (const cf of cfs.items) {
      if (cf.type !== "Custom" || cf.customOrNullObject.isNullObject) continue;
      const formula = String(cf.customOrNullObject.rule.formula ?? "").replace(/^=/, "");
      if (!isOwnedRuleFormula(formula)) continue;
      ids.push(cf.id);
      into.rules.push({ sheet, area: null, formula });
    }
    // Ids are priorities in the collection: deleting from the highest keeps the lower ones valid.
    ids.sort((a, b) => Number(b) - Number(a) || (a < b ? 1 : a > b ? -1 : 0));
    into.ruleIds.set(sheet.toLowerCase(), ids);
  }
}

/** A plan removes rules from a sheet whose rules the cached read did not load (e.g. one it did not read). */
export function needsRules(plan: WritePlan, ruleIds: ReadonlyMap<string, unknown>, sheetNames: readonly string[]): boolean {
  return plan.sheets.some((sp) => sp.removeOwnedRules && sp.mode === "update" && !ruleIds.has(sp.name.toLowerCase()) && sheetNames.some((n) => n.toLowerCase() === sp.name.toLowerCase()));
}

