/**
 * Reading data rows by field sources: one row per school (a flat sheet) or per 监测点 (a 按学段
 * sheet, a 表Ⅱ-2 sheet). Every bad cell becomes an addressed issue; a derived value keeps the
 * cells that fed it (「101 = K7+L7+M7」) for 数据问题 and 监测点指标.
 */
import type { SchoolField, SchoolNumericField, SchoolRecord, SchoolType, Section } from "../../engine/types";
import type { DataIssue } from "../contract";
import { COLUMN_BY_FIELD } from "../fields";
import { parseAmount, parseOwnership, parseSchoolType, parseUrbanRural, parseYesNo, type Parsed } from "../parse";
import type { CellValue } from "../plan";
import type { SheetSnapshot } from "../port";
import { a1, cellText, isBlank, stripSpaces, toHalfWidth } from "../text";
import { sourceFormula, type FieldSource } from "./sources";

/** 学校名称 of total rows, which are skipped: 合计, 全县, 某某镇小计 … */
export const TOTAL_ROW = /^(合计|总计|小计|共计|全[县区市旗]合计|全[县区市旗]|.{0,20}(小计|合计|总计))$/;
/** A note below the data (注：…, 填表人 …) ends the data. */
const NOTE_ROW = /^(注|说明|备注|填表|制表|审核|单位负责人|统计负责人|数据来源)/;
/** A row that opens a section block of a 表Ⅱ-2 sheet: 小学 / 一、初中 / （二）初中学校. */
const SECTION_ROW = /^([一二三四]、|[(（][一二三四][)）])?(小学|初中)(学校|部分)?$/;

export interface TracedSchool {
  rec: SchoolRecord;
  row: number;
  /** 学段 of a per-监测点 row; null for a whole-school row. */
  section: Section | null;
  invalid: Set<SchoolField>;
  /** Derived values and the cells that fed them, e.g. 「101（小学）= K7+L7+M7」. */
  traces: Trace[];
  /** The sheet and the field sources the row was read by (shared by all rows of a section). */
  sheet: SheetSnapshot;
  sources: readonly FieldSource[];
  /** Other 监测点 rows of the same school merged into this one (read.ts), in order. */
  merged: TracedSchool[];
}

/**
 * A derived value and the cells that fed it. The text is only formatted when asked for (the
 * 监测点指标 sheet's 数据来源 column): reading thousands of rows builds no strings it may not need.
 */
export class Trace {
  constructor(
    readonly section: Section | null,
    private readonly source: FieldSource,
    private readonly row: number,
  ) {}
  get text(): string {
    return traceText(this.source, this.section, this.row);
  }
}

/** The section a field belongs to (primaryX, juniorX), else the row's. */
function fieldSection(field: SchoolField, rowSection: Section | null): Section | null {
  return field.startsWith("primary") ? "primary" : field.startsWith("junior") ? "junior" : rowSection;
}

function traceText(src: FieldSource, section: Section | null, row: number): string {
  return `${src.code ?? headerOf(src)}${section ? `（${section === "primary" ? "小学" : "初中"}）` : ""} = ${sourceFormula(src, row)}`;
}

/** The school row's own source of a field (its first term is "the" cell of the field), if any. */
function ownSource(t: TracedSchool, field: SchoolField): FieldSource | undefined {
  if (field === ("code" as SchoolField)) return undefined;
  for (const s of t.sources) if (s.field === field) return s;
  return undefined;
}

/** The first row (this one, then the merged ones) that has a source for the field. */
function rowWith(t: TracedSchool, field: SchoolField): { t: TracedSchool; src: FieldSource } | null {
  const own = ownSource(t, field);
  if (own) return { t, src: own };
  for (const m of t.merged) {
    const src = ownSource(m, field);
    if (src) return { t: m, src };
  }
  return null;
}

/** Whether the school's row(s) have a column for the field. */
export function hasField(t: TracedSchool, field: SchoolField): boolean {
  return rowWith(t, field) !== null;
}

/** The A1 address of the field's (first) cell, e.g. "H7", for issues raised after reading. */
export function fieldCell(t: TracedSchool, field: SchoolField): string | null {
  const w = rowWith(t, field);
  return w ? a1(w.t.row, w.src.terms[0].col) : null;
}

/** The field's (first) cell as entered, or null when blank. */
export function fieldRaw(t: TracedSchool, field: SchoolField): string | null {
  const w = rowWith(t, field);
  if (!w) return null;
  const v = w.t.sheet.values[w.t.row]?.[w.src.terms[0].col] ?? null;
  return isBlank(v) ? null : cellText(v);
}

export interface RowsRead {
  schools: TracedSchool[];
  lastDataRow: number;
}

export interface RowReader {
  sheet: SheetSnapshot;
  firstDataRow: number;
  nameCol: number;
  /** The section of a row (a 学段 column, a section block, or the sheet's); null for whole-school rows. */
  sectionCol?: number;
  sheetSection: Section | null;
  /** Sources for a row of this section. */
  sources(section: Section | null): FieldSource[];
  /** Warn about skipped 合计 rows (the template layout does; exports have many 小计 rows). */
  warnTotals: boolean;
}

const SECTION_OF_TEXT: Record<string, Section> = { 小学: "primary", 小学部: "primary", 初中: "junior", 初中部: "junior" };

export function readRows(r: RowReader, issues: DataIssue[]): RowsRead {
  const { sheet, nameCol } = r;
  const S = sheet.name;
  const rows = sheet.values;
  const schools: TracedSchool[] = [];
  const seen = new Map<string, number>();
  let blockSection: Section | null = r.sheetSection;
  let row = r.firstDataRow;
  for (; row < rows.length; row++) {
    const nameRaw = rows[row][nameCol] ?? null;
    if (isBlank(nameRaw)) break;
    const name = cellText(nameRaw).replace(/[\s\u3000]+/g, " ").trim();
    const key = stripSpaces(toHalfWidth(name));
    if (NOTE_ROW.test(key)) break;
    const sec = SECTION_ROW.exec(key);
    if (sec && r.sectionCol === undefined) {
      blockSection = SECTION_OF_TEXT[sec[2]];
      continue;
    }
    if (TOTAL_ROW.test(key)) {
      if (r.warnTotals) issues.push({ sheet: S, cell: a1(row, nameCol), severity: "warning", raw: name, message: `「${name}」行是合计行，不是学校，已跳过` });
      continue;
    }
    let section = blockSection;
    if (r.sectionCol !== undefined) {
      const t = stripSpaces(toHalfWidth(cellText(rows[row][r.sectionCol] ?? null)));
      section = SECTION_OF_TEXT[t] ?? null;
      if (!section) {
        issues.push({ sheet: S, cell: a1(row, r.sectionCol), severity: "error", raw: t || null, message: `「学段」应为小学或初中，本行（${name}）未读取`, school: name });
        continue;
      }
    }
    const dupKey = `${key}|${section ?? ""}`;
    if (seen.has(dupKey)) {
      issues.push({ sheet: S, cell: a1(row, nameCol), severity: "error", raw: name, message: `学校名称「${name}」${section ? `（${section === "primary" ? "小学" : "初中"}）` : ""}重复（第一次在第${seen.get(dupKey)! + 1}行），本行未读取`, school: name });
      continue;
    }
    seen.set(dupKey, row);
    schools.push(readRow(sheet, row, name, section, r.sources(section), issues));
  }
  const end = row;
  for (let rr = end + 1; rr < rows.length; rr++) {
    const v = rows[rr][nameCol] ?? null;
    if (isBlank(v)) continue;
    if (NOTE_ROW.test(stripSpaces(toHalfWidth(cellText(v))))) break;
    if (!isBlank(rows[end]?.[nameCol] ?? null)) break;
    issues.push({
      sheet: S, cell: a1(end, nameCol), severity: "warning", raw: null,
      message: `第${end + 1}行「学校名称」为空，视为数据结束；第${rr + 1}行及以下的学校未读取。如需读取，请删除空行`,
    });
    break;
  }
  return { schools, lastDataRow: end - 1 };
}

const headerOf = (s: FieldSource): string => COLUMN_BY_FIELD.get(s.field)?.header ?? s.field;

function readRow(sheet: SheetSnapshot, r: number, name: string, section: Section | null, sources: FieldSource[], issues: DataIssue[]): TracedSchool {
  const S = sheet.name;
  const row = sheet.values[r];
  const rec: SchoolRecord = { name, type: null, ownership: "公办", values: {}, source: { sheet: S, row: r } };
  const out: TracedSchool = { rec, row: r, section, invalid: new Set(), traces: [], sheet, sources, merged: [] };
  const cell = (c: number) => a1(r, c);
  const push = (at: number, severity: "error" | "warning", message: string) =>
    issues.push({ sheet: S, cell: cell(at), severity, raw: isBlank(row[at] ?? null) ? null : cellText(row[at] ?? null), message, school: name });
  const fail = (field: SchoolField, at: number, reason: string) => {
    out.invalid.add(field);
    push(at, "error", reason);
  };
  let rowType: SchoolType | null | undefined;
  const typeOfRow = (): SchoolType | null => {
    if (rowType === undefined) {
      const p = parseSchoolType(row[sources.find((x) => x.field === "type")?.terms[0].col ?? -1] ?? null);
      rowType = p.ok && p.value !== null ? p.value : null;
    }
    return rowType;
  };

  for (const src of sources) {
    const field = src.field;
    const col = COLUMN_BY_FIELD.get(field);
    const first = src.terms[0].col;
    if (field === "name") continue;
    let raw: CellValue = row[first] ?? null;
    if (src.fallback && isBlank(raw)) raw = row[src.fallback.col] ?? null;
    if (field === "code") {
      rec.code = isBlank(raw) ? null : cellText(raw).trim();
      continue;
    }
    if (col?.kind === "enum") {
      if (field === "type") {
        const p = parseSchoolType(raw);
        if (!p.ok) fail(field, first, `「${col.header}」${p.reason}`);
        else if (p.value === null) {
          out.invalid.add("type");
          push(first, "error", "未填「学校类型」，该校各项指标不能计算");
        } else rec.type = p.value;
      } else if (field === "ownership") {
        const p = parseOwnership(raw);
        if (!p.ok) fail(field, first, `「${col.header}」${p.reason}`);
        else if (p.value) rec.ownership = p.value;
      } else if (field === "urbanRural") {
        const p = parseUrbanRural(raw);
        if (!p.ok) fail(field, first, `「${col.header}」${p.reason}`);
        else rec.urbanRural = p.value;
      }
      continue;
    }
    if (col?.kind === "yesno") {
      const p = parseYesNo(raw);
      if (!p.ok) fail(field, first, `「${col.header}」${p.reason}`);
      else if (field === "participate") rec.participate = p.value;
      else if (field === "charter") rec.charter = p.value;
      continue;
    }
    // Whole-school parts feed a section only at a school that has just that section.
    if (src.onlyIfSingle) {
      const type = typeOfRow();
      const multi = type === "九年一贯制学校" || type === "十二年一贯制学校" || type === "特殊教育学校";
      if (multi) {
        if (src.onlyIfSingle === "primary") push(first, "warning", `「${src.terms.map((t) => t.header).join("」「")}」是全校合计，不分学段；${type}的「${headerOf(src)}」需分学段填写，指标${src.code}不能计算`);
        out.invalid.add(field);
        continue;
      }
    }
    const traced = src.terms.length > 1 || src.times !== undefined;
    let sum = 0;
    let any = false;
    let bad = false;
    for (const t of src.terms) {
      const v = row[t.col];
      // The common cases, a plain non-negative number or an empty cell, without the parser's allocations.
      if (typeof v === "number" && v >= 0 && Number.isFinite(v)) {
        any = true;
        sum += t.sign * v;
        continue;
      }
      if (v === null || v === undefined || v === "") continue;
      const p: Parsed<number> = parseAmount(v, src.terms.length === 1 ? col?.unit : undefined);
      if (!p.ok) {
        bad = true;
        fail(field, t.col, `「${traced ? t.header : col?.header ?? t.header}」${p.reason === "不是数字" ? "不是数字，应填非负数" : p.reason}${traced ? `（${headerOf(src)}：${traceText(src, fieldSection(field, section), r)}）` : ""}`);
        continue;
      }
      if (p.value !== null) {
        any = true;
        sum += t.sign * p.value;
      }
    }
    if (bad) continue;
    let value: number | null = any || src.blankZero ? sum * src.unitFactor * src.scale : null;
    if (value !== null && src.times) {
      const p = parseAmount(row[src.times.col] ?? null);
      value = p.ok && p.value !== null ? value * p.value : null;
    }
    if (value !== null && value < 0) {
      fail(field, first, `「${headerOf(src)}」算得负数（${traced ? traceText(src, fieldSection(field, section), r) : ""}），请核对各列`);
      continue;
    }
    rec.values[field as SchoolNumericField] = value;
    if (traced && value !== null) out.traces.push(new Trace(fieldSection(field, section), src, r));
    if (value !== null && col?.kind === "count" && !traced && src.unitFactor === 1 && !Number.isInteger(value)) push(first, "warning", `「${col.header}」应为整数（${value}），按原值计算`);
  }
  return out;
}
