/**
 * The workbook reader: a host snapshot in, the engine's dataset out, with every input problem
 * addressed to a sheet and cell (shared/spec/template.md §1, §2, §5). It finds the school data by
 * content whatever the sheet names (layouts/detect.ts), reads header paths (layouts/headers.ts),
 * builds each field from its column(s) (layouts/sources.ts, or a 「列对应」 sheet: columnMap.ts) and
 * reads the rows (layouts/rows.ts). Host-neutral and pure. Rules: docs/workbook-input.md.
 */
import { NATIONAL_2017 } from "../engine/profiles";
import type { SchoolField, SchoolNumericField, SchoolRecord, Section } from "../engine/types";
import type { OwnedState, WorkbookSnapshot } from "./port";
import { SHEETS, type ColumnMapping, type DataIssue, type ReadResult, type SchoolSheetLayout } from "./contract";
import { SECTION_ZH, STUDENTS, checkPlausibility, checkSchoolConsistency, label, typeSections } from "./consistency";
import { countyNameFromTitle, readCountySheet } from "./county";
import { QUIET_OPTIONAL_FIELDS, SCHOOL_COLUMNS, type SchoolColumn } from "./fields";
import { SINGLE_SECTION_NOTE, readColumnMapSheet } from "./columnMap";
import { chooseDataSheets, type SheetAnalysis } from "./layouts/detect";
import { fieldCell, fieldRaw, hasField, readRows, type TracedSchool } from "./layouts/rows";
import { sourceFormula } from "./layouts/sources";
import { ownedBlock, ownedOf } from "./owned";
import { readProfileSheet } from "./profileSheet";

export { TEACHER_STUDENT_FACTOR, typeSections } from "./consistency";
export { HEADER_SEARCH_ROWS } from "./layouts/headers";

/** The sheets readWorkbook needs first: the input sheets, the profile sheet and 列对应. */
export const INPUT_SHEETS: readonly string[] = [SHEETS.schools, SHEETS.county, SHEETS.profile, SHEETS.columnMap];

export interface ReadOptions {
  /** The sheet(s) holding the school data (--sheet, the pane's choice); default: found by content. */
  sheets?: readonly string[];
  /** indoorSportsTo105 of the base profile (the 「评估标准」 sheet wins over it). */
  indoorSportsTo105?: boolean;
}

/** Sheets to read after the first batch when the school data is not on 「学校数据」 (none when it is). */
export function sheetsToSearch(first: WorkbookSnapshot, opts: ReadOptions = {}): string[] {
  const has = new Set(first.sheets.map((s) => s.name));
  if (opts.sheets?.length) return opts.sheets.filter((n) => !has.has(n) && first.sheetNames.includes(n));
  if (has.has(SHEETS.schools)) return [];
  const own = new Set<string>([...INPUT_SHEETS, ...Object.values(SHEETS)]);
  const mapped = first.sheets.find((s) => s.name === SHEETS.columnMap);
  if (mapped) return first.sheetNames.filter((n) => !has.has(n) && mapped.values.some((r) => r.some((v) => v === n)));
  return first.sheetNames.filter((n) => !own.has(n));
}

/** Read the whole workbook. Throws UnusableWorkbookError when no school data can be found. */
export function readWorkbook(snapshot: WorkbookSnapshot, opts: ReadOptions = {}): ReadResult {
  const find = (name: string) => snapshot.sheets.find((s) => s.name === name);
  const issues: DataIssue[] = [];
  const owned = ownedOf(snapshot);
  const county = readCountySheet(find(SHEETS.county));
  const profile = readProfileSheet(find(SHEETS.profile));
  const indoorSportsTo105 = profile.override.indoorSportsTo105 ?? opts.indoorSportsTo105 ?? NATIONAL_2017.indoorSportsTo105;

  let analyses: SheetAnalysis[];
  let candidateSheets: string[];
  const mapSheet = find(SHEETS.columnMap);
  if (mapSheet && !opts.sheets?.length) {
    analyses = readColumnMapSheet(mapSheet, snapshot, indoorSportsTo105, issues);
    candidateSheets = analyses.map((a) => a.sheet.name);
  } else {
    const chosen = chooseDataSheets(snapshot, opts.sheets, indoorSportsTo105, owned);
    candidateSheets = chosen.candidates;
    analyses = chosen.analyses;
    issues.push(...chosen.issues);
  }
  const school = readSchools(analyses, issues, owned);
  if (mapSheet && !opts.sheets?.length) school.mapping.bySheet = true;
  if (!county.county.name && school.title) county.county.name = countyNameFromTitle(school.title);
  return {
    dataset: { schools: school.schools, county: county.county, absentFields: school.absentFields },
    issues: [...uncalculatedIssues(snapshot), ...issues, ...county.issues, ...profile.issues],
    layout: school.layouts[0],
    layouts: school.layouts,
    mapping: school.mapping,
    candidateSheets,
    traces: school.traces,
    profileOverride: profile.override,
    countyRows: county.countyRows,
    owned,
    sheetNames: snapshot.sheetNames,
  };
}

/** Formulas the file holds without a calculated result read as empty: one warning per cell of the sheets read. */
function uncalculatedIssues(snapshot: WorkbookSnapshot): DataIssue[] {
  return snapshot.sheets.flatMap((s) =>
    (s.uncalculated ?? []).map((cell): DataIssue => ({ sheet: s.name, cell, severity: "warning", raw: null, message: "公式没有计算结果，请在 Excel 中打开并保存后再评估" })),
  );
}

/** Fields summed when a school comes in two 监测点 rows (one per section); the rest are the school's. */
const ADDITIVE: ReadonlySet<SchoolField> = new Set<SchoolField>(["teachers", "certifiedTeachers", "trainedTeachers", "musicRooms", "artRooms"]);

function readSchools(analyses: SheetAnalysis[], issues: DataIssue[], owned: OwnedState) {
  const traced: TracedSchool[] = [];
  const layouts: SchoolSheetLayout[] = [];
  const present = new Set<SchoolField | "code">();
  const mapping: ColumnMapping = { sheets: [], fields: [], headers: {} };
  for (const a of analyses) {
    const read = readRows(
      {
        sheet: a.sheet, firstDataRow: a.block.firstDataRow, nameCol: a.nameCol, sectionCol: a.sectionCol,
        sheetSection: a.section, sources: (s) => a.sources(s), warnTotals: a.kind === "template",
      },
      issues,
    );
    traced.push(...read.schools);
    for (const sec of a.contexts) {
      for (const src of a.sources(sec)) {
        present.add(src.field);
        mapping.fields.push({ sheet: a.sheet.name, section: sec, field: src.field, formula: sourceFormula(src), header: [...src.terms, ...(src.times ? [src.times] : [])].map((t) => t.header).join(" ＋ "), unit: src.unit, note: src.onlyIfSingle ? SINGLE_SECTION_NOTE : undefined });
      }
    }
    mapping.sheets.push({ sheet: a.sheet.name, kind: a.kind, section: a.section, headerTop: a.block.top, headerBottom: a.block.bottom, firstDataRow: a.block.firstDataRow, sectionCol: a.sectionCol });
    mapping.headers[a.sheet.name] = a.block.paths.map((p) => ({ col: p.col, text: p.text }));
    const columns: SchoolSheetLayout["columns"] = {};
    for (const src of a.sources(a.contexts[0])) if (src.field !== "code" && src.terms.length === 1 && !src.times) columns[src.field] = src.terms[0].col;
    layouts.push({
      sheet: a.sheet.name, kind: a.kind, section: a.section, headerTop: a.block.top,
      headerRow: a.block.bottom, groupHeaderRow: a.block.top < a.block.bottom ? a.block.bottom - 1 : null,
      firstDataRow: a.block.firstDataRow, lastDataRow: read.lastDataRow, columns, lastInputCol: a.lastInputCol,
      lastUsedCol: a.lastUsedCol, ownedBlock: ownedBlock(owned, a.sheet.name), schoolRows: [],
    });
  }

  // One record per school: 监测点 rows of one school (two sections, two sheets) are merged.
  const merged: { t: TracedSchool; rows: Map<string, number>; sections: Set<Section> }[] = [];
  const byName = new Map<string, number>();
  for (const t of traced) {
    const k = t.rec.name.replace(/\s+/g, "");
    const at = t.section ? byName.get(k) : undefined;
    if (at === undefined) {
      byName.set(k, merged.length);
      merged.push({ t, rows: new Map([[t.rec.source!.sheet, t.row]]), sections: new Set(t.section ? [t.section] : []) });
      continue;
    }
    const m = merged[at];
    if (t.section && m.sections.has(t.section)) continue;
    mergeInto(m.t, t, issues);
    if (t.section) m.sections.add(t.section);
    if (!m.rows.has(t.rec.source!.sheet)) m.rows.set(t.rec.source!.sheet, t.row);
  }
  const typeInferred = !present.has("type") && merged.some((m) => m.sections.size > 0);
  if (typeInferred) present.add("type");
  if (!present.has("teachers") && (present.has("primaryTeachers") || present.has("juniorTeachers"))) present.add("teachers");

  const schools: SchoolRecord[] = [];
  const traces: ReadResult["traces"] = [];
  for (const { t, sections } of merged) {
    const rec = t.rec;
    if (rec.type === null && typeInferred) rec.type = sections.size === 2 ? "九年一贯制学校" : sections.has("junior") ? "初中" : "小学";
    const v = rec.values;
    if (v.teachers === undefined && (v.primaryTeachers != null || v.juniorTeachers != null)) v.teachers = (v.primaryTeachers ?? 0) + (v.juniorTeachers ?? 0);
    const S = rec.source!.sheet;
    const issue = (field: SchoolField | null, severity: "error" | "warning", message: string) =>
      issues.push({ sheet: S, cell: field ? fieldCell(t, field) : null, severity, raw: field ? fieldRaw(t, field) : null, message, school: rec.name });
    checkSchoolConsistency(rec, t.invalid, issue, (f) => fieldCell(t, f));
    checkPlausibility(rec, t.invalid, issue);
    if (t.invalid.size) rec.invalid = [...t.invalid];
    schools.push(rec);
    traces.push(t.traces);
  }
  if (typeInferred) {
    issues.push({ sheet: layouts[0].sheet, cell: null, severity: "warning", raw: null, message: "没有「学校类型」列：按学校所在的学段推定类型（两个学段都有的为九年一贯制学校，否则为小学或初中）。教学点、完全中学、十二年一贯制学校请增加「学校类型」列" });
  }
  layouts.forEach((l) => (l.schoolRows = merged.map((m) => m.rows.get(l.sheet) ?? -1)));

  const absentFields = absentFieldsOf(present, schools, layouts[0].sheet, issues);
  return { schools, layouts, mapping, traces, absentFields, title: analyses[0].block.title };
}

/** A second 监测点 row of a school (its other section) into the first. */
function mergeInto(a: TracedSchool, b: TracedSchool, issues: DataIssue[]): void {
  const ra = a.rec;
  const rb = b.rec;
  const S = rb.source!.sheet;
  const differ = (what: string, x: unknown, y: unknown, cell: string | null) =>
    issues.push({ sheet: S, cell, severity: "warning", raw: null, message: `「${rb.name}」的「${what}」在两个学段中不同（${String(x)}、${String(y)}），按第一次出现的读取`, school: rb.name });
  if (ra.type === null) ra.type = rb.type;
  else if (rb.type !== null && rb.type !== ra.type) differ("学校类型", ra.type, rb.type, fieldCell(b, "type"));
  ra.code ??= rb.code;
  ra.urbanRural ??= rb.urbanRural;
  ra.participate ??= rb.participate;
  ra.charter ??= rb.charter;
  if (rb.ownership !== ra.ownership && hasField(b, "ownership") && !hasField(a, "ownership")) ra.ownership = rb.ownership;
  for (const [f, x] of Object.entries(rb.values) as [SchoolNumericField, number | null][]) {
    const y = ra.values[f];
    if (y === undefined || y === null) ra.values[f] = x;
    else if (x !== null && ADDITIVE.has(f)) ra.values[f] = y + x;
    else if (x !== null && x !== y) differ(label(f), y, x, fieldCell(b, f));
  }
  for (const f of b.invalid) a.invalid.add(f);
  a.merged.push(b, ...b.merged);
  a.traces.push(...b.traces);
}

function absentFieldsOf(present: ReadonlySet<SchoolField | "code">, schools: SchoolRecord[], S: string, issues: DataIssue[]): SchoolField[] {
  const absentFields: SchoolField[] = [];
  const has = (f: SchoolField) =>
    present.has(f) || (["teachingArea", "sportsArea", "equipmentValue", "multimediaRooms"].includes(f) && present.has(`primary${f[0].toUpperCase()}${f.slice(1)}` as SchoolField) && present.has(`junior${f[0].toUpperCase()}${f.slice(1)}` as SchoolField));
  for (const col of SCHOOL_COLUMNS) {
    if (col.field === "code" || has(col.field)) continue;
    absentFields.push(col.field);
    if (QUIET_OPTIONAL_FIELDS.has(col.field)) continue;
    const section = col.section;
    if (col.field === "type") {
      issues.push({ sheet: S, cell: null, severity: "error", raw: null, message: "缺少「学校类型」列：无法确定各校的学段，各校资源配置指标及203、204、205不能计算" });
    } else if (section === "primary" || section === "junior") {
      const needed = schools.some((s) => s.type && (typeSections(s.type) ?? []).includes(section));
      if (col.field === STUDENTS[section]) {
        if (needed) issues.push({ sheet: S, cell: null, severity: "error", raw: null, message: `缺少「${col.header}」列：无法计算${SECTION_ZH[section]}监测点的各项指标` });
      } else if (needed) {
        issues.push({ sheet: S, cell: null, severity: "warning", raw: null, message: `缺少「${col.header}」列：${feedsText(col)}` });
      }
    } else {
      issues.push({ sheet: S, cell: null, severity: "warning", raw: null, message: `缺少「${col.header}」列：${feedsText(col)}` });
    }
  }
  return absentFields;
}

function feedsText(col: SchoolColumn): string {
  return col.feeds.length ? `指标${col.feeds.join("、")}不能计算，已跳过` : "该项不能计算";
}
