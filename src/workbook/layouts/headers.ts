/**
 * Header blocks read as header *paths*: a title line, then a header of one to four rows (merged
 * cells give their text only at the top-left, as Excel and exceljs both report them), then data.
 * Each column gets the path of texts above it, e.g. 专任教师 → 小学 → 本科, and the unit written in
 * any of its header cells or in the title line. Host-neutral and pure. See docs/workbook-input.md.
 */
import type { CellValue } from "../plan";
import type { SheetSnapshot } from "../port";
import { cellText, isBlank, normHeader, stripSpaces, toHalfWidth } from "../text";

/** How many rows from the top are searched for the row holding the name header. */
export const HEADER_SEARCH_ROWS = 10;
/** Deepest header read (rows from the name header down). */
export const MAX_HEADER_ROWS = 4;

/** Units the reader converts, with the factor to the product's own unit of that kind (万元, ㎡, count). */
export const MONEY_UNITS: Readonly<Record<string, number>> = { 元: 1e-4, 千元: 0.1, 万元: 1, 亿元: 1e4 };
export const AREA_UNITS: Readonly<Record<string, number>> = { "㎡": 1, m2: 1, "m²": 1, 平方米: 1, 平米: 1, 万平方米: 1e4 };
const COUNT_UNITS = new Set(["人", "个", "间", "所", "台", "班", "名", "件", "人/百生", "间/百生", "㎡/生", "元/生", "元/人", "%", "％"]);
const UNIT_LIKE = /^(.{0,3}(元|米|亩|公顷|尺|㎡|m2|m²))(\/(生|人|百生))?$/;

export interface HeaderPath {
  col: number;
  /** Normalised segments, top to bottom (units dropped, 其中/毕业 trimmed, # 按…分 and 计 groups removed). */
  segments: string[];
  /** The header as the user wrote it, e.g. 「专任教师→小学→本科」. */
  text: string;
  /** A known unit written in the header (元, 万元, 平方米 …), or null. */
  unit: string | null;
  /** A bracketed unit the product does not know (e.g. 美元), or null. */
  unknownUnit: string | null;
}

export interface HeaderBlock {
  /** The row of the name header (学校名称): the top of a merged header, or the template's field row. */
  nameRow: number;
  nameCol: number;
  /** First header row (0-based): the group row above the field row, or the top of a merged header. */
  top: number;
  /** Last header row (the field row). */
  bottom: number;
  firstDataRow: number;
  paths: HeaderPath[];
  /** Text of the rows above the header (the title line). */
  title: string;
  /** Units named in the title line (单位：万元、平方米). */
  titleUnits: string[];
}

/** Bracketed parts of a raw header: 教学仪器设备值（元） → ["元"]. */
function bracketed(raw: string): string[] {
  const out: string[] = [];
  const re = /[(（\[【〔]([^()（）\[\]【】〔〕]*)[)）\]】〕]/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) out.push(stripSpaces(toHalfWidth(m[1])));
  return out;
}

/** Unit of one raw header cell: known, unknown, or none. */
export function unitOfHeader(raw: string): { unit: string | null; unknown: string | null } {
  for (const b of bracketed(raw)) {
    const u = b.replace(/^单位[:：]?/, "");
    if (u in MONEY_UNITS || u in AREA_UNITS) return { unit: u, unknown: null };
    if (COUNT_UNITS.has(u)) return { unit: u, unknown: null };
    if (UNIT_LIKE.test(u)) return { unit: null, unknown: u };
  }
  // A unit written after the name without brackets: 教学仪器设备资产值/万元, 面积：平方米.
  const tail = /[/／:：]\s*(万元|元|千元|平方米|㎡)$/.exec(stripSpaces(raw));
  return tail ? { unit: tail[1], unknown: null } : { unit: null, unknown: null };
}

/** One header cell as a path segment ("" when it carries no meaning for matching). */
export function segmentOf(raw: CellValue): string {
  let text = cellText(raw);
  // An unknown unit in brackets is taken off before matching (and reported by unitOfHeader).
  text = text.replace(/[(（\[【〔]([^()（）\[\]【】〔〕]*)[)）\]】〕]/g, (m, inner: string) => (UNIT_LIKE.test(stripSpaces(toHalfWidth(inner))) ? "" : m));
  let s = normHeader(text);
  s = s.replace(/[/／:：](万元|元|千元|平方米|㎡)$/, "");
  s = s.replace(/^其中[:：]?/, "").replace(/毕业$/, "");
  // 专任教师（按授课课程分） → 专任教师: the grouping words carry nothing for matching.
  if (!/^#?按.+分$/.test(s)) s = s.replace(/#?按[^按分]{1,8}分/g, "");
  if (s.startsWith("#") || /^按.+分$/.test(s) || s === "计" || s === "小计") return "";
  return s;
}

/** Title-line units: 「单位：万元」「金额单位：元」「面积单位：平方米」. */
function titleUnitsOf(title: string): string[] {
  const out: string[] = [];
  const re = /单位[:：]\s*([^\s，,；;）)]+)/g;
  for (let m = re.exec(title); m; m = re.exec(title)) for (const u of m[1].split(/[、/]/)) out.push(stripSpaces(u));
  return out;
}

/** True when a row is a column-number line under a statistics header (甲 乙 1 2 3 …). */
function isNumberingRow(row: readonly CellValue[]): boolean {
  let marks = 0;
  let other = 0;
  for (const v of row) {
    if (isBlank(v)) continue;
    const s = stripSpaces(toHalfWidth(cellText(v)));
    if (/^([甲乙丙丁戊]|\d{1,3})$/.test(s)) marks++;
    else other++;
  }
  return marks >= 3 && other === 0;
}

/**
 * The header block whose field row holds a cell that `isNameHeader` accepts (学校名称, 机构名称 …), or
 * null. `isNameHeader` receives a normalised segment.
 */
export function findHeaderBlock(sheet: SheetSnapshot, isNameHeader: (segment: string) => boolean): HeaderBlock | null {
  const rows = sheet.values;
  let nameRow = -1;
  let nameCol = -1;
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS) && nameRow < 0; r++) {
    const c = rows[r].findIndex((v) => !isBlank(v) && isNameHeader(segmentOf(v)));
    if (c >= 0) [nameRow, nameCol] = [r, c];
  }
  if (nameRow < 0) return null;
  // Merged header: the rows below while the name column stays empty (its merge) and the row is not data.
  let bottom = nameRow;
  while (bottom + 1 < rows.length && bottom + 1 < nameRow + MAX_HEADER_ROWS && isBlank(rows[bottom + 1][nameCol]) && rows[bottom + 1].some((v) => !isBlank(v)) && !isNumberingRow(rows[bottom + 1])) bottom++;
  // A single field row may have a group row above it (the template's 基本信息 / 学生与班级 …): two
  // different texts or more; a title merged over the sheet has one.
  let top = nameRow;
  if (top === bottom && nameRow > 0) {
    const above = new Set(rows[nameRow - 1].filter((v) => !isBlank(v)).map((v) => cellText(v)));
    if (above.size >= 2) top = nameRow - 1;
  }
  let firstDataRow = bottom + 1;
  while (firstDataRow < rows.length && isNumberingRow(rows[firstDataRow])) firstDataRow++;

  const width = Math.max(...rows.slice(top, bottom + 1).map((r) => r.length));
  // Fill a merged cell's text right over the blanks of its merge: a blank takes its left
  // neighbour's text when both columns have the same path above that row.
  const grid: string[][] = [];
  const raws: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const seg: string[] = [];
    const raw: string[] = [];
    for (let c = 0; c < width; c++) {
      const v = rows[r][c] ?? null;
      if (!isBlank(v)) {
        seg.push(segmentOf(v));
        raw.push(cellText(v).trim());
        continue;
      }
      const k = r - top;
      const sameParent = c > 0 && raws.every((line) => line[c] === line[c - 1]);
      // Only under a merge: the rows below in this column hold the sub-headers (a blank spacer column does not).
      const below = rows.slice(r + 1, bottom + 1).some((line) => !isBlank(line[c] ?? null));
      const fill = sameParent && below && k < bottom - top && raw[c - 1] !== "" ? raw[c - 1] : "";
      seg.push(fill && c > 0 ? seg[c - 1] : "");
      raw.push(fill);
    }
    grid.push(seg);
    raws.push(raw);
  }
  const titleText = rows
    .slice(0, top)
    .flat()
    .filter((v): v is string => typeof v === "string")
    .join(" ");
  const paths: HeaderPath[] = [];
  for (let c = 0; c < width; c++) {
    const segments: string[] = [];
    const texts: string[] = [];
    let unit: string | null = null;
    let unknownUnit: string | null = null;
    for (let k = 0; k < grid.length; k++) {
      const raw = raws[k][c];
      if (!raw || texts[texts.length - 1] === raw) continue;
      texts.push(raw);
      const u = unitOfHeader(raw);
      unit ??= u.unit;
      unknownUnit ??= u.unknown;
      const s = grid[k][c];
      if (s && segments[segments.length - 1] !== s) segments.push(s);
    }
    if (!texts.length) continue;
    paths.push({ col: c, segments, text: texts.join("→"), unit, unknownUnit });
  }
  return { nameRow, nameCol, top, bottom, firstDataRow, paths, title: titleText, titleUnits: titleUnitsOf(titleText) };
}
