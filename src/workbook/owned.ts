/**
 * Ownership: what the product owns in a workbook, found by its markers only (never by header
 * text), and the plans that follow from it — where result sheets go, and 清除评估结果.
 * Host-neutral and pure. The markers themselves are described in port.ts.
 */
import { RESULT_SHEETS, SHEETS } from "./contract";
import type { Area, MarkSpec, SheetPlan, WritePlan } from "./plan";
import { OWNED_PREFIX, OWNED_RULE_TAG, RESULT_BLOCK_MARK, sheetMark } from "./port";
import type { OwnedMark, OwnedState, WorkbookSnapshot } from "./port";
import { colLetter, parseA1 } from "./text";

const NOTHING: OwnedState = { marks: [], rules: [] };

/** The snapshot's owned state (empty when the host reported none). */
export function ownedOf(snapshot: Pick<WorkbookSnapshot, "owned">): OwnedState {
  return snapshot.owned ?? NOTHING;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The marker of that name, if present (case-insensitive, as Excel compares names). */
export function findMark(owned: OwnedState, name: string): OwnedMark | undefined {
  return owned.marks.find((m) => same(m.name, name));
}

/** Is this a name the product writes (OWNED_PREFIX)? */
export function isOwnedName(name: string): boolean {
  return name.toUpperCase().startsWith(OWNED_PREFIX.toUpperCase());
}

/** Does a conditional-format formula carry the product's marker (OWNED_RULE_TAG)? */
export function isOwnedRuleFormula(formula: string): boolean {
  return formula.includes(OWNED_RULE_TAG);
}

/** A rule formula with the product's marker: `AND(N("优质均衡评估助手")=0,condition)`. */
export function ownedRuleFormula(condition: string): string {
  return `AND(${OWNED_RULE_TAG}=0,${condition})`;
}

/** `'学校数据'!$L$2:$W$60`: a marker's reference as hosts write it (no leading "="). */
export function markReference(sheet: string, area: Area): string {
  const cell = (row: number, col: number) => `$${colLetter(col)}$${row + 1}`;
  const first = cell(area.row, area.col);
  const last = cell(area.row + area.rows - 1, area.col + area.cols - 1);
  return `'${sheet.replace(/'/g, "''")}'!${first === last ? first : `${first}:${last}`}`;
}

/**
 * Parses a defined name's reference as hosts read it back — `='学校数据'!$L$2:$W$60`,
 * `学校数据!$A$1`, `Sheet1!A1:B2` — into its sheet and area. Null for anything else (`=TRUE`,
 * `#REF!`, several areas, whole rows or columns).
 */
export function parseReference(text: string): { sheet: string; area: Area } | null {
  const m = /^=?\s*(?:'((?:[^']|'')+)'|([^'!:=\s][^'!:=]*))!(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?\s*$/.exec(text);
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const a = parseA1(m[3]);
  const b = m[4] ? parseA1(m[4]) : a;
  if (!a || !b) return null;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { sheet, area: { row, col, rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 } };
}

/** An OwnedMark from a name and its reference text as the host read it (for hosts). */
export function toOwnedMark(name: string, reference: string): OwnedMark {
  const ref = parseReference(reference);
  return { name, sheet: ref?.sheet ?? null, area: ref?.area ?? null };
}

/** The sheet a marker points at, if that sheet exists (its name as in sheetNames). */
function markedSheet(owned: OwnedState, sheetNames: readonly string[], name: string): string | undefined {
  const sheet = findMark(owned, name)?.sheet;
  return sheet ? sheetNames.find((n) => same(n, sheet)) : undefined;
}

/**
 * Marker of the result block on the i-th data sheet: RESULT_BLOCK_MARK for the first (the only one
 * of a one-sheet layout), RESULT_BLOCK_MARK + "2", "3" … for the further sheets of a 按学段分表 pair.
 */
export function blockMark(i: number): string {
  return i === 0 ? RESULT_BLOCK_MARK : `${RESULT_BLOCK_MARK}${i + 1}`;
}

/** Is this the marker of a result block (blockMark of any data sheet)? */
export function isBlockMark(name: string): boolean {
  const n = name.toUpperCase();
  const base = RESULT_BLOCK_MARK.toUpperCase();
  return n === base || (n.startsWith(base) && /^\d+$/.test(n.slice(base.length)));
}

/** Every result-block marker the snapshot showed. */
export function blockMarks(owned: OwnedState): OwnedMark[] {
  return owned.marks.filter((m) => isBlockMark(m.name));
}

/** The product's result block on `sheet`, if one of its block markers points there. */
export function ownedBlock(owned: OwnedState, sheet: string): Area | null {
  const m = blockMarks(owned).find((b) => b.sheet && b.area && same(b.sheet, sheet));
  return m?.area ?? null;
}

/** Names of the sheets a sheet marker points at (the product's result sheets, 报告初稿), as marked. */
export function ownedSheets(owned: OwnedState): string[] {
  const prefix = sheetMark("").toLowerCase();
  return owned.marks.filter((m) => m.name.toLowerCase().startsWith(prefix) && m.sheet).map((m) => m.sheet!);
}

type ResultKey = keyof typeof SHEETS;
const KEY_OF_SHEET = new Map<string, ResultKey>(
  (Object.keys(SHEETS) as ResultKey[]).filter((k) => (RESULT_SHEETS as readonly string[]).includes(SHEETS[k])).map((k) => [SHEETS[k], k]),
);

/**
 * A free name for a result sheet: its own name if no sheet has it, else 问题清单（评估）,
 * 问题清单（评估2）, … (Excel compares sheet names case-insensitively; 31 characters at most).
 */
function freeName(preferred: string, taken: readonly string[]): string {
  const free = (n: string) => !taken.some((t) => same(t, n));
  if (free(preferred)) return preferred;
  for (let i = 1; ; i++) {
    const name = `${preferred}（评估${i === 1 ? "" : i}）`;
    if (free(name)) return name;
  }
}

/**
 * Places one product sheet by ownership under its marker sheetMark(key): the owned sheet is
 * replaced where it is (under its current name); otherwise the preferred name if free, else e.g.
 * 报告初稿（评估）. `taken` is updated. Returns the plan under its final name and the mark to set.
 */
export function placeSheet(
  plan: SheetPlan,
  key: string,
  owned: OwnedState,
  sheetNames: readonly string[],
  taken: string[],
): { sheet: SheetPlan; mark: MarkSpec } {
  const mark = sheetMark(key);
  const mine = markedSheet(owned, sheetNames, mark);
  const name = mine ?? freeName(plan.name, taken);
  if (!mine) taken.push(name);
  return { sheet: { ...plan, name }, mark: { name: mark, sheet: name, area: { row: 0, col: 0, rows: 1, cols: 1 } } };
}

/**
 * A plan writing one product sheet (e.g. 报告初稿) by ownership (placeSheet), with its marker
 * replaced; `activate` goes to the sheet's final name.
 */
export function ownedSheetPlan(plan: SheetPlan, key: string, snapshot: Pick<WorkbookSnapshot, "owned" | "sheetNames">): WritePlan {
  const owned = ownedOf(snapshot);
  const placed = placeSheet(plan, key, owned, snapshot.sheetNames, [...snapshot.sheetNames]);
  const old = findMark(owned, sheetMark(key));
  return { sheets: [placed.sheet], activate: placed.sheet.name, marks: { remove: old ? [old.name] : [], set: [placed.mark] } };
}

/**
 * Places the renderer's result sheets (named by their SHEETS names) by ownership:
 * - a result sheet the product owns (its marker points at it) is replaced where it is — under its
 *   own name if the user renamed it, so the user's name stays;
 * - otherwise it gets its own name if free, else e.g. 问题清单（评估）: a user's sheet that merely
 *   has the name is kept;
 * - "delete" (数据问题 with nothing to report) removes the owned sheet only, never a user's sheet.
 * Returns the plans under their final names, the marks to set, and the final name of each sheet.
 */
export function placeResultSheets(
  plans: SheetPlan[],
  snapshot: Pick<WorkbookSnapshot, "owned" | "sheetNames">,
): { sheets: SheetPlan[]; marks: MarkSpec[]; names: Map<string, string> } {
  const owned = ownedOf(snapshot);
  const taken = [...snapshot.sheetNames];
  const names = new Map<string, string>();
  const sheets: SheetPlan[] = [];
  const marks: MarkSpec[] = [];
  for (const plan of plans) {
    const key = KEY_OF_SHEET.get(plan.name);
    if (!key) {
      sheets.push(plan);
      continue;
    }
    if (plan.mode === "delete") {
      const mine = markedSheet(owned, snapshot.sheetNames, sheetMark(key));
      if (mine) sheets.push({ ...plan, name: mine });
      continue;
    }
    const placed = placeSheet(plan, key, owned, snapshot.sheetNames, taken);
    names.set(plan.name, placed.sheet.name);
    sheets.push(placed.sheet);
    marks.push(placed.mark);
  }
  return { sheets, marks, names };
}

/** Every marker name the snapshot showed (清除评估结果 removes them all). */
export function marksToRemove(owned: OwnedState): string[] {
  return owned.marks.map((m) => m.name).filter(isOwnedName);
}

/**
 * The markers an assessment replaces: its result blocks and result sheets (it sets them anew).
 * The markers of the product's other sheets — 报告初稿, 整改测算, 与上年比较 — stay, so those
 * sheets remain the product's (replaced in place next time, removed by 清除评估结果).
 */
export function assessmentMarksToRemove(owned: OwnedState): string[] {
  const resultSheetMarks = new Set([...KEY_OF_SHEET.values()].map((k) => sheetMark(k).toLowerCase()));
  return owned.marks.map((m) => m.name).filter((n) => isBlockMark(n) || resultSheetMarks.has(n.toLowerCase()));
}

/**
 * 清除评估结果: the plan that removes exactly what the product wrote — every sheet a
 * sheetMark points at (result sheets, 报告初稿), its result block on the data sheet (the marked area: values, formats, merges), its
 * conditional-format rules (on the block's sheet and wherever the host reported some), and all
 * its markers. Nothing without a marker is touched. An empty plan when nothing is owned.
 */
export function clearPlan(snapshot: Pick<WorkbookSnapshot, "owned" | "sheetNames">): WritePlan {
  const owned = ownedOf(snapshot);
  const sheets: SheetPlan[] = [];
  const updates = new Map<string, SheetPlan>();
  const update = (name: string): SheetPlan => {
    let plan = updates.get(name.toLowerCase());
    if (!plan) {
      plan = { name, mode: "update", blocks: [], formats: [], clear: [], removeOwnedRules: true };
      updates.set(name.toLowerCase(), plan);
    }
    return plan;
  };
  const deleted = new Set<string>();
  const sheetPrefix = sheetMark("").toLowerCase();
  for (const m of owned.marks) {
    if (!m.name.toLowerCase().startsWith(sheetPrefix)) continue;
    const sheet = markedSheet(owned, snapshot.sheetNames, m.name);
    if (sheet && !deleted.has(sheet.toLowerCase())) {
      deleted.add(sheet.toLowerCase());
      sheets.push({ name: sheet, mode: "delete", blocks: [], formats: [] });
    }
  }
  const blockSheets: string[] = [];
  for (const block of blockMarks(owned)) {
    const blockSheet = markedSheet(owned, snapshot.sheetNames, block.name);
    if (!blockSheet || deleted.has(blockSheet.toLowerCase())) continue;
    if (block.area) update(blockSheet).clear!.push(block.area);
    blockSheets.push(blockSheet);
  }
  for (const r of owned.rules) {
    const sheet = snapshot.sheetNames.find((n) => same(n, r.sheet));
    if (sheet && !deleted.has(sheet.toLowerCase())) update(sheet);
  }
  for (const sheet of blockSheets) update(sheet);
  sheets.push(...updates.values());
  return { sheets, marks: { remove: marksToRemove(owned), set: [] } };
}

/** Is there anything for 清除评估结果 to remove? */
export function ownsAnything(snapshot: Pick<WorkbookSnapshot, "owned">): boolean {
  const owned = ownedOf(snapshot);
  return owned.marks.length > 0 || owned.rules.length > 0;
}
