/**
 * The 「列对应」 sheet: one row per field, giving the column(s) it is read from, how they combine
 * and the unit. Written on request from what the reader found (columnMapSheetPlan); when the sheet
 * exists, the reader reads by it (readColumnMapSheet). This is how a bureau maps its own columns
 * once and keeps the mapping with the data. Notation of 「列」: column letters joined by + and −,
 * then optionally ×<column> (a value times the students) and ÷<number> (÷100 per hundred).
 */
import type { SchoolField, Section } from "../engine/types";
import { SHEETS, type ColumnMapping, type DataIssue, type LayoutKind, type MappedField } from "./contract";
import { COLUMN_BY_FIELD, matchSchoolHeader } from "./fields";
import { AREA_UNITS, MONEY_UNITS, type HeaderBlock, type HeaderPath } from "./layouts/headers";
import { readHeader, type SheetAnalysis } from "./layouts/detect";
import { ownedBlock, ownedOf } from "./owned";
import { codeOfField, type FieldSource, type Term } from "./layouts/sources";
import { FILL, type CellValue, type SheetPlan } from "./plan";
import type { SheetSnapshot, WorkbookSnapshot } from "./port";
import { addTable, emptySheet, type TableColumn } from "./render-table";
import { a1, cellText, colLetter, isBlank, normHeader, parseA1, stripSpaces, toHalfWidth } from "./text";

const KIND_ZH: Record<LayoutKind, string> = { template: "模板", statistics: "统计报表导出", sections: "按学段分表", values: "表Ⅱ-2指标值", mapping: "列对应" };
const SECTION_ZH: Record<Section, string> = { primary: "小学", junior: "初中" };
export const SINGLE_SECTION_NOTE = "全校合计，仅用于单学段学校";

const SHEET_COLUMNS: TableColumn[] = [
  { header: "工作表", width: 18, userText: true },
  { header: "版式", width: 14 },
  { header: "学段", width: 8 },
  { header: "表头起始行", width: 10, format: "0" },
  { header: "表头结束行", width: 10, format: "0" },
  { header: "数据起始行", width: 10, format: "0" },
];
const FIELD_COLUMNS: TableColumn[] = [
  { header: "工作表", width: 18, userText: true },
  { header: "学段", width: 8 },
  { header: "字段", width: 26 },
  { header: "列", width: 16 },
  { header: "单位", width: 8 },
  { header: "表头", width: 48, userText: true },
  { header: "说明", width: 24 },
];

/** The 「列对应」 sheet for what the reader used. */
export function columnMapSheetPlan(mapping: ColumnMapping): SheetPlan {
  const sheet = emptySheet(SHEETS.columnMap, "replace");
  sheet.blocks.push({
    row: 0, col: 0,
    values: [["列对应：评估时按本表从数据工作表读取各字段。「列」填列字母，“+”“−”表示相加、相减，“×列”表示乘以该列（如指标值×在校生数），“÷100”表示除以100；「单位」填元、万元或平方米。改后重新评估即按本表读取；删除本表则重新自动识别。", ...new Array<CellValue>(FIELD_COLUMNS.length - 1).fill(null)]],
  });
  sheet.merges!.push({ row: 0, col: 0, rows: 1, cols: FIELD_COLUMNS.length });
  sheet.formats.push({ row: 0, col: 0, rows: 1, cols: FIELD_COLUMNS.length, wrap: true, fill: FILL.header });
  const sheetRows = mapping.sheets.map((s): CellValue[] => [s.sheet, KIND_ZH[s.kind], s.section ? SECTION_ZH[s.section] : "", s.headerTop + 1, s.headerBottom + 1, s.firstDataRow + 1]);
  const next = addTable(sheet, 2, 0, SHEET_COLUMNS, sheetRows);
  const sectionRows = mapping.sheets.flatMap((s): CellValue[][] => (s.sectionCol === undefined ? [] : [[s.sheet, "", "学段", colLetter(s.sectionCol), "", "学段", "每行的学段（小学或初中）"]]));
  const fieldRows = mapping.fields.map((f): CellValue[] => [
    f.sheet, f.section ? SECTION_ZH[f.section] : "", COLUMN_BY_FIELD.get(f.field)?.header ?? f.field, f.formula, f.unit ?? "", f.header, f.note ?? "",
  ]);
  addTable(sheet, next + 1, 0, FIELD_COLUMNS, [...sectionRows, ...fieldRows]);
  FIELD_COLUMNS.forEach((c, j) => sheet.columnWidths!.push({ col: j, width: c.width }));
  return sheet;
}

/** One field of the mapping as the pane edits it: an empty formula removes the field (未找到). */
export type MappedFieldEdit = Pick<MappedField, "sheet" | "section" | "field" | "formula"> & { header?: string };

/** The mapping with the user's edits applied (the pane's 列对应 view). */
export function withEdits(mapping: ColumnMapping, edits: readonly MappedFieldEdit[]): ColumnMapping {
  const key = (f: Pick<MappedField, "sheet" | "section" | "field">) => `${f.sheet}|${f.section}|${f.field}`;
  const fields = new Map(mapping.fields.map((f) => [key(f), f]));
  for (const e of edits) {
    if (!e.formula) fields.delete(key(e));
    else {
      const old = fields.get(key(e));
      fields.set(key(e), { ...(old ?? { unit: null, header: "" }), ...e, header: e.header ?? old?.header ?? "", note: old?.formula === e.formula ? old?.note : undefined });
    }
  }
  return { ...mapping, fields: [...fields.values()] };
}

const col = (letters: string): number | null => parseA1(`${letters}1`)?.col ?? null;

/** 「K+L−M×D÷100」 → terms, times, scale; null when it cannot be read. */
export function parseFormula(text: string): { terms: number[][]; times?: number; scale: number } | null {
  // 「×」 or 「*」 multiplies (a letter x would be column X).
  const s = stripSpaces(toHalfWidth(text)).toUpperCase().replace(/[−–—]/g, "-").replace(/\*/g, "×").replace(/\//g, "÷");
  const m = /^([A-Z]{1,3}(?:[+-][A-Z]{1,3})*)(?:×([A-Z]{1,3}))?(?:÷(\d+(?:\.\d+)?)|×(\d+(?:\.\d+)?))?$/.exec(s);
  if (!m) return null;
  const terms: number[][] = [];
  for (const t of m[1].match(/[+-]?[A-Z]{1,3}/g) ?? []) {
    const c = col(t.replace(/^[+-]/, ""));
    if (c === null) return null;
    terms.push([c, t.startsWith("-") ? -1 : 1]);
  }
  const times = m[2] ? col(m[2]) ?? undefined : undefined;
  const scale = m[3] ? 1 / Number(m[3]) : m[4] ? Number(m[4]) : 1;
  return { terms, times, scale };
}

const KIND_BY_ZH: Record<string, LayoutKind> = Object.fromEntries(Object.entries(KIND_ZH).map(([k, v]) => [v, k as LayoutKind]));
const SECTION_BY_ZH: Record<string, Section> = { 小学: "primary", 初中: "junior" };

/** Row of the table whose header holds these texts, and the column of each. */
function tableAt(sheet: SheetSnapshot, names: readonly string[], from = 0): { row: number; cols: number[] } | null {
  for (let r = from; r < sheet.values.length; r++) {
    const line = sheet.values[r].map((v) => normHeader(v));
    const cols = names.map((n) => line.indexOf(n));
    if (cols.every((c) => c >= 0)) return { row: r, cols };
  }
  return null;
}

/** Read by the 「列对应」 sheet: one analysis per data sheet it names. Problems are addressed to 列对应 cells. */
export function readColumnMapSheet(map: SheetSnapshot, snapshot: WorkbookSnapshot, indoorSportsTo105: boolean, issues: DataIssue[]): SheetAnalysis[] {
  void indoorSportsTo105; // the combinations are written in the sheet itself
  const M = map.name;
  const err = (cell: string | null, message: string, raw: string | null = null) => issues.push({ sheet: M, cell, severity: "error", raw, message });
  const sheetsT = tableAt(map, ["工作表", "版式", "学段", "表头起始行", "表头结束行", "数据起始行"]);
  const fieldsT = tableAt(map, ["工作表", "学段", "字段", "列", "单位"], sheetsT ? sheetsT.row + 1 : 0);
  const out: SheetAnalysis[] = [];
  if (!sheetsT || !fieldsT) {
    err(null, "「列对应」表的格式无法识别（应有“工作表、版式、学段、表头起始行、表头结束行、数据起始行”和“工作表、学段、字段、列、单位”两个表），请删除该表后重新评估");
    return out;
  }
  const text = (r: number, c: number) => stripSpaces(toHalfWidth(cellText(map.values[r]?.[c] ?? null)));
  const bySheet = new Map<string, { analysis: SheetAnalysis; sources: Map<Section | null, FieldSource[]> }>();
  for (let r = sheetsT.row + 1; r < map.values.length && !isBlank(map.values[r][sheetsT.cols[0]] ?? null); r++) {
    const [cName, cKind, cSec, cTop, cBottom, cFirst] = sheetsT.cols;
    const name = cellText(map.values[r][cName]).trim();
    const sheet = snapshot.sheets.find((s) => s.name === name);
    if (!sheet) {
      err(a1(r, cName), `「列对应」中的工作表「${name}」不存在`, name);
      continue;
    }
    const rowNo = (c: number) => {
      const n = Number(text(r, c));
      return Number.isInteger(n) && n >= 1 ? n - 1 : null;
    };
    const [top, bottom, first] = [rowNo(cTop), rowNo(cBottom), rowNo(cFirst)];
    if (top === null || bottom === null || first === null || bottom < top || first <= bottom) {
      err(a1(r, cTop), `「列对应」中工作表「${name}」的表头行、数据起始行应为行号（如 3、5、6），数据起始行须在表头之后`);
      continue;
    }
    const found = readHeader(sheet, ownedBlock(ownedOf(snapshot), name));
    const block: HeaderBlock = { ...(found?.block ?? headerFallback(sheet, bottom)), top, bottom, firstDataRow: first };
    const section = SECTION_BY_ZH[text(r, cSec)] ?? null;
    const kind = KIND_BY_ZH[text(r, cKind)] ?? "mapping";
    const sources = new Map<Section | null, FieldSource[]>();
    const analysis: SheetAnalysis = {
      sheet, kind, section, block, nameCol: -1, contexts: [], sources: (s) => sources.get(s) ?? sources.get(section) ?? sources.get(null) ?? [],
      lastInputCol: found?.prev.lastInputCol ?? Math.max(-1, ...block.paths.map((p) => p.col)),
      lastUsedCol: found?.prev.lastUsedCol ?? Math.max(-1, ...block.paths.map((p) => p.col)), score: 0, hasStudents: true,
    };
    bySheet.set(name, { analysis, sources });
    out.push(analysis);
  }
  const [fSheet, fSec, fField, fCol, fUnit] = fieldsT.cols;
  const fNote = tableAt(map, ["说明"], fieldsT.row)?.row === fieldsT.row ? tableAt(map, ["说明"], fieldsT.row)!.cols[0] : -1;
  for (let r = fieldsT.row + 1; r < map.values.length && !isBlank(map.values[r][fSheet] ?? null); r++) {
    const e = bySheet.get(cellText(map.values[r][fSheet]).trim());
    if (!e) continue;
    const fieldText = cellText(map.values[r][fField]);
    if (normHeader(fieldText) === "学段") {
      const c = col(text(r, fCol));
      if (c !== null) e.analysis.sectionCol = c;
      continue;
    }
    const column = matchSchoolHeader(normHeader(fieldText));
    if (!column) {
      err(a1(r, fField), `「列对应」第${r + 1}行的字段「${fieldText}」无法识别`, fieldText);
      continue;
    }
    const formulaText = text(r, fCol);
    if (!formulaText) continue; // 未找到 / not mapped: the field is absent
    const f = parseFormula(formulaText);
    if (!f) {
      err(a1(r, fCol), `「列对应」第${r + 1}行「${column.header}」的列「${formulaText}」无法识别（应为列字母，如 D 或 K+L+M）`, formulaText);
      continue;
    }
    const unit = text(r, fUnit) || null;
    let unitFactor = 1;
    if (unit && column.kind === "money") {
      if (!(unit in MONEY_UNITS)) {
        err(a1(r, fUnit), `「列对应」第${r + 1}行「${column.header}」的单位「${unit}」无法识别（应为元或万元）`, unit);
        continue;
      }
      unitFactor = MONEY_UNITS[unit];
    } else if (unit && column.kind === "area") {
      if (!(unit in AREA_UNITS)) {
        err(a1(r, fUnit), `「列对应」第${r + 1}行「${column.header}」的单位「${unit}」无法识别（应为平方米）`, unit);
        continue;
      }
      unitFactor = AREA_UNITS[unit];
    } else if (unit && f.times !== undefined && unit in MONEY_UNITS) unitFactor = MONEY_UNITS[unit];
    const a = e.analysis;
    const headerOf = (c: number) => a.block.paths.find((p: HeaderPath) => p.col === c)?.text ?? `${a1(a.block.bottom, c).replace(/\d+$/, "")}列`;
    const term = (c: number, sign: 1 | -1): Term => ({ col: c, sign, header: headerOf(c) });
    const section = SECTION_BY_ZH[text(r, fSec)] ?? null;
    const field = column.field as SchoolField | "code";
    const src: FieldSource = {
      field, terms: f.terms.map(([c, sign]) => term(c, sign as 1 | -1)), unitFactor, scale: f.scale,
      times: f.times !== undefined ? term(f.times, 1) : undefined,
      blankZero: (a.kind === "statistics" || a.kind === "sections") && !/Students$/.test(field) && column.kind !== "enum" && column.kind !== "text",
      unit, code: f.terms.length > 1 || f.times !== undefined ? codeOfField(field) : undefined,
      onlyIfSingle: fNote >= 0 && text(r, fNote).includes("仅用于单学段") ? ((field.startsWith("junior") ? "junior" : "primary") as Section) : undefined,
    };
    const list = e.sources.get(section) ?? [];
    list.push(src);
    e.sources.set(section, list);
    if (field === "name") a.nameCol = src.terms[0].col;
  }
  for (const { analysis: a, sources } of bySheet.values()) {
    a.contexts = sources.size ? [...sources.keys()] : [a.section];
    if (a.contexts.length > 1 && a.contexts.includes(null)) {
      // Whole-school rows (学校名称, 学校类型 …) belong to every section of a per-row sheet.
      const shared = sources.get(null)!;
      for (const s of a.contexts) if (s) sources.set(s, [...shared, ...(sources.get(s) ?? [])]);
      sources.delete(null);
      a.contexts = a.contexts.filter((c) => c !== null);
    }
    if (a.nameCol < 0) {
      err(null, `「列对应」没有给出工作表「${a.sheet.name}」的「学校名称」列`);
      a.nameCol = a.block.nameCol;
    }
  }
  return out;
}

function headerFallback(sheet: SheetSnapshot, bottom: number): HeaderBlock {
  const line = sheet.values[bottom] ?? [];
  const paths: HeaderPath[] = line.flatMap((v, c) => (isBlank(v) ? [] : [{ col: c, segments: [normHeader(v)], text: cellText(v), unit: null, unknownUnit: null }]));
  return { nameRow: bottom, nameCol: 0, top: bottom, bottom, firstDataRow: bottom + 1, paths, title: "", titleUnits: [] };
}

export type { MappedField };
