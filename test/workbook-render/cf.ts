/** What Excel shows in a cell of an exceljs worksheet: its own fill, or a true conditional format's. */
import type * as ExcelJS from "exceljs";
import { parseA1 } from "../../src/workbook/text";
import { evaluateRule } from "../fakes/cfEval";

/** The cell's own solid fill (ARGB), if any. */
export function argbFill(cell: ExcelJS.Cell): string | null {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f && f.pattern === "solid" ? f.fgColor?.argb ?? null : null;
}

export interface CfRule { type: string; priority?: number; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } }; numFmt?: { formatCode?: string } } }

/** The fill Excel shows in a cell: the first true conditional-format rule's that sets a fill (by priority), else the cell's own. */
export function shownFill(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): string | null {
  return trueRule(ws, cell, (r) => r.style?.fill?.bgColor?.argb)?.style?.fill?.bgColor?.argb ?? argbFill(cell);
}

/** The number format Excel shows in a cell: the first true rule's that sets one (by priority), else the cell's own. */
export function shownNumberFormat(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): string {
  return trueRule(ws, cell, (r) => r.style?.numFmt?.formatCode)?.style?.numFmt?.formatCode ?? (cell.numFmt || "General");
}

/** The first true expression rule over the cell, by priority, among those for which `sets` gives a value. */
function trueRule(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell, sets: (r: CfRule) => unknown): CfRule | undefined {
  const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: CfRule[] }[] }).conditionalFormattings;
  const at = { row: Number(cell.row) - 1, col: Number(cell.col) - 1 };
  const hits: CfRule[] = [];
  for (const cf of cfs) {
    const [a, b] = cf.ref.split(":").map((x) => parseA1(x)!);
    const end = b ?? a;
    if (at.row < a.row || at.row > end.row || at.col < a.col || at.col > end.col) continue;
    for (const r of cf.rules) {
      if (r.type !== "expression") throw new Error(`unexpected rule type ${r.type}`);
      const value = (row: number, col: number) => {
        const v = ws.getCell(row + 1, col + 1).value;
        return v === undefined || v === null || typeof v === "object" ? null : (v as string | number | boolean);
      };
      if (sets(r) && evaluateRule(r.formulae![0], a, at, value)) hits.push(r);
    }
  }
  hits.sort((x, y) => (x.priority ?? 0) - (y.priority ?? 0));
  return hits[0];
}

/** Every conditional-format rule of a sheet, with its range. */
export function cfRules(ws: ExcelJS.Worksheet): { ref: string; rule: CfRule }[] {
  const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: CfRule[] }[] }).conditionalFormattings;
  return cfs.flatMap((cf) => cf.rules.map((rule) => ({ ref: cf.ref, rule })));
}
