/**
 * Text helpers shared by the workbook reader: normalising header and cell text, A1 addresses.
 * Host-neutral and pure.
 */
import type { CellValue } from "./plan";

/** Column letters of a 0-based column index (0 → "A", 26 → "AA"). */
export function colLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 0-based cell (row 0, col 0 → "A1"). */
export function a1(row: number, col: number): string {
  return `${colLetter(col)}${row + 1}`;
}

/** 0-based row/col of an A1 address ("H7" → { row: 6, col: 7 }); null when it is not one. */
export function parseA1(addr: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(addr.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * Full-width → half-width for ASCII-range characters (digits, letters, punctuation), the
 * ideographic space to a plain space, and the Chinese comma/period variants used in numbers.
 * Deliberately not NFKC: NFKC would also turn ㎡ into "m2" and Ⅲ into "III".
 */
export function toHalfWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else if (ch === "、") out += ",";
    else if (ch === "。") out += ".";
    else out += ch;
  }
  return out;
}

/** Text of a cell as entered ("" for empty). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  return String(v);
}

/** True when the cell is empty or holds only whitespace. */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.replace(/[\s\u3000]/g, "") === "");
}

/** Remove every kind of whitespace (spaces, full-width spaces, tabs, line breaks). */
export function stripSpaces(s: string): string {
  return s.replace(/[\s\u3000\u00a0\u200b]+/g, "");
}

/** Units that may stand in brackets after a header and are dropped when matching. */
const UNITS = new Set([
  "人", "个", "间", "所", "台", "件", "元", "万元", "千元", "㎡", "m2", "m²", "平方米", "平米",
  "元/生", "元/人", "%", "％", "是/否", "是或否", "达标/未达标", "人/百生", "间/百生", "㎡/生",
]);
const SECTION_WORDS = new Set(["小学", "初中", "高中"]);

/**
 * Normalise a header (or an item name) for matching: half-width, no whitespace, no leading
 * "*"/"※" required marks, and bracketed parts handled so that
 * - a unit in brackets is dropped: 教学仪器设备值（万元） → 教学仪器设备值;
 * - a section in brackets moves to the front: 在校生数（小学） → 小学在校生数;
 * - any other bracketed text stays without its brackets: 教师培训经费（预算） → 教师培训经费预算.
 * Brackets: （）()【】[]〔〕.
 */
export function normHeader(raw: CellValue | undefined): string {
  let s = stripSpaces(toHalfWidth(cellText(raw)));
  s = s.replace(/^[*※]+|[*※]+$/g, "");
  let prefix = "";
  s = s.replace(/[(\[【〔]([^()\[\]【】〔〕]*)[)\]】〕]/g, (_m, inner: string) => {
    if (UNITS.has(inner) || inner === "") return "";
    if (SECTION_WORDS.has(inner)) {
      prefix += inner;
      return "";
    }
    return inner;
  });
  return (prefix + s).replace(/[:：]$/, "");
}
