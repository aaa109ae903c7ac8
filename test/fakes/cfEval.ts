/**
 * A small evaluator of conditional-format formulas, for tests: it answers "what does Excel show in
 * this cell" for the rules the product writes, the way Excel evaluates an expression rule — the
 * formula is relative to the top-left cell of the rule's range and moved to the cell asked about.
 *
 * Covers the subset the product's rules use and Excel's documented semantics for it: AND, OR,
 * NOT, N (text → 0), ISNUMBER, SEARCH (case-insensitive, 1-based, #VALUE! when not found),
 * MID (1-based, "" past the end),
 * COUNTIF over one cell (wildcards * and ?, ~ escapes; 1 or 0),
 * comparisons = and <> (text compared case-insensitively, an empty cell equals ""), string and
 * number literals, A1 references with or without $. Anything else throws, so a test cannot pass
 * on a formula this evaluator does not understand.
 */
import { parseA1 } from "../../src/workbook/text";
import type { FakeSheet } from "./fakeExcel";

type Value = string | number | boolean | null | { error: string };
export type CellLookup = (row: number, col: number) => string | number | boolean | null;

const NOT_FOUND: Value = { error: "#VALUE!" };
const isError = (v: Value): v is { error: string } => typeof v === "object" && v !== null;

/** Evaluates `formula` (no leading "=") written for top-left cell `origin`, at cell `at` (0-based). */
export function evaluateRule(formula: string, origin: { row: number; col: number }, at: { row: number; col: number }, cell: CellLookup): boolean {
  const tokens = tokenize(formula);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const expect = (t: string) => {
    if (next() !== t) throw new Error(`cfEval: expected ${t} in ${formula}`);
  };

  const primary = (): Value => {
    const t = next();
    if (t === undefined) throw new Error(`cfEval: unexpected end of ${formula}`);
    if (t.startsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
    if (/^\d/.test(t)) return Number(t);
    if (peek() === "(") {
      next();
      const args: Value[] = [];
      if (peek() !== ")") {
        args.push(comparison());
        while (peek() === ",") {
          next();
          args.push(comparison());
        }
      }
      expect(")");
      return call(t.toUpperCase(), args);
    }
    const ref = /^(\$?)([A-Z]{1,3})(\$?)(\d+)$/.exec(t.toUpperCase());
    if (ref) {
      const p = parseA1(t)!;
      const row = ref[3] ? p.row : p.row + (at.row - origin.row);
      const col = ref[1] ? p.col : p.col + (at.col - origin.col);
      return cell(row, col);
    }
    if (t.toUpperCase() === "TRUE") return true;
    if (t.toUpperCase() === "FALSE") return false;
    throw new Error(`cfEval: unsupported token ${t} in ${formula}`);
  };

  const comparison = (): Value => {
    const left = primary();
    const op = peek();
    if (op !== "=" && op !== "<>") return left;
    next();
    const right = primary();
    if (isError(left)) return left;
    if (isError(right)) return right;
    const norm = (v: Value) => (v === null ? "" : typeof v === "string" ? v.toLowerCase() : v);
    const eq = norm(left) === norm(right);
    return op === "=" ? eq : !eq;
  };

  const result = comparison();
  if (i !== tokens.length) throw new Error(`cfEval: trailing input in ${formula}`);
  return result === true || (typeof result === "number" && result !== 0);
}

function truthy(v: Value): boolean | { error: string } {
  if (isError(v)) return v;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  throw new Error(`cfEval: not a logical value: ${String(v)}`);
}

function call(name: string, args: Value[]): Value {
  switch (name) {
    case "AND":
    case "OR": {
      const vals = args.map(truthy);
      const err = vals.find(isError);
      if (err) return err;
      return name === "AND" ? vals.every((v) => v === true) : vals.some((v) => v === true);
    }
    case "NOT": {
      const v = truthy(args[0]);
      return isError(v) ? v : !v;
    }
    case "N":
      return typeof args[0] === "number" ? args[0] : typeof args[0] === "boolean" ? Number(args[0]) : 0;
    case "ISNUMBER":
      return typeof args[0] === "number";
    case "COUNTIF": {
      // One cell and a pattern with * and ? wildcards (~ escapes), compared case-insensitively.
      const [cell, pattern] = args.map((v) => (v === null ? "" : String(v)));
      const re = new RegExp(`^${pattern.replace(/~([*?~])|([*?])|([.+^${}()|[\]\\])/g, (_m, esc, wild, meta) => (esc ? `\\${esc}` : wild ? (wild === "*" ? ".*" : ".") : `\\${meta}`))}$`, "is");
      return re.test(cell) ? 1 : 0;
    }
    case "MID": {
      // MID(text, start, count): 1-based; past the end gives "".
      const text = args[0] === null ? "" : String(args[0]);
      const [start, count] = [Number(args[1]), Number(args[2])];
      if (!(start >= 1) || !(count >= 0)) return NOT_FOUND;
      return text.slice(start - 1, start - 1 + count);
    }
    case "SEARCH": {
      const [find, within] = args.map((v) => (v === null ? "" : String(v)));
      const at = within.toLowerCase().indexOf(find.toLowerCase());
      return at < 0 ? NOT_FOUND : at + 1;
    }
    default:
      throw new Error(`cfEval: unsupported function ${name}`);
  }
}

function tokenize(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === " ") {
      i++;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < s.length && !(s[j] === '"' && s[j + 1] !== '"')) j += s[j] === '"' ? 2 : 1;
      out.push(s.slice(i, j + 1));
      i = j + 1;
    } else if (ch === "<" && s[i + 1] === ">") {
      out.push("<>");
      i += 2;
    } else if ("(),=".includes(ch)) {
      out.push(ch);
      i++;
    } else {
      const m = /^[A-Za-z0-9_$.]+/.exec(s.slice(i));
      if (!m) throw new Error(`cfEval: cannot read ${s.slice(i)}`);
      out.push(m[0]);
      i += m[0].length;
    }
  }
  return out;
}

/** For the fake Excel: the fill a cell shows (rules that set no fill, e.g. a number format only, leave it). */
export function shownInFake(sheet: FakeSheet, row: number, col: number): string | null {
  return shownRule(sheet, row, col, "fill") ?? sheet.cell(row, col)?.fill ?? null;
}

/** For the fake Excel: the number format a cell shows. */
export function shownFormatInFake(sheet: FakeSheet, row: number, col: number): string {
  return shownRule(sheet, row, col, "numberFormat") ?? sheet.cell(row, col)?.numberFormat ?? "General";
}

/** The first true rule over the cell (collection order = priority) that sets `what`. */
function shownRule(sheet: FakeSheet, row: number, col: number, what: "fill" | "numberFormat"): string | null {
  for (const cf of sheet.conditionalFormats) {
    const { area } = cf;
    if (!cf[what]) continue;
    if (row < area.row || row >= area.row + area.rows || col < area.col || col >= area.col + area.cols) continue;
    const value = (r: number, c: number) => {
      const v = sheet.cell(r, c)?.value;
      return v === undefined || v === "" ? null : v;
    };
    if (evaluateRule(cf.formula.replace(/^=/, ""), area, { row, col }, value)) return cf[what]!;
  }
  return null;
}

