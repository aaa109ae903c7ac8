/**
 * The workbook reader: a host snapshot of the input sheets in, the engine's dataset out, with
 * every input problem addressed to a sheet and cell (shared/spec/template.md §1, §2, §5).
 * Host-neutral and pure: no exceljs, no Office.js. Rules are documented in docs/workbook-input.md.
 */
import { sectionsOfType } from "../engine";
import type { SchoolField, SchoolNumericField, SchoolRecord, SchoolType, Section } from "../engine/types";
import type { SheetSnapshot, WorkbookSnapshot } from "./port";
import { SHEETS, UnusableWorkbookError, type DataIssue, type ReadResult, type SchoolSheetLayout } from "./contract";
import { countyNameFromTitle, readCountySheet } from "./county";
import { COLUMN_BY_FIELD, QUIET_OPTIONAL_FIELDS, SCHOOL_COLUMNS, matchSchoolHeader, type SchoolColumn } from "./fields";
import { parseAmount, parseOwnership, parseSchoolType, parseUrbanRural, parseYesNo, type Parsed } from "./parse";
import type { Area, CellValue } from "./plan";
import { readProfileSheet } from "./profileSheet";
import { ownedBlock, ownedOf } from "./owned";
import { a1, cellText, isBlank, normHeader, stripSpaces, toHalfWidth } from "./text";

/** The sheets readWorkbook needs: the two input sheets and the optional profile sheet. */
export const INPUT_SHEETS: readonly string[] = [SHEETS.schools, SHEETS.county, SHEETS.profile];

/** How many rows from the top are searched for the header row. */
const HEADER_SEARCH_ROWS = 10;
/** Teachers above this multiple of the students are taken as a data error (e.g. swapped columns). */
export const TEACHER_STUDENT_FACTOR = 10;

/** Sections (and 高中) a school type has; null = every column may be used (特殊教育学校). */
export function typeSections(type: SchoolType): readonly (Section | "senior")[] | null {
  if (type === "特殊教育学校") return null;
  const sections = sectionsOfType(type);
  return type === "完全中学" || type === "十二年一贯制学校" ? [...sections, "senior"] : sections;
}

const SECTION_ZH: Record<Section | "senior", string> = { primary: "小学", junior: "初中", senior: "高中" };
const STUDENTS: Record<Section | "senior", SchoolNumericField> = { primary: "primaryStudents", junior: "juniorStudents", senior: "seniorStudents" };
const SECTION_TEACHERS: Record<Section, SchoolNumericField[]> = {
  primary: ["primaryQualifiedTeachers", "primaryBackboneTeachers", "primaryPeArtTeachers"],
  junior: ["juniorQualifiedTeachers", "juniorBackboneTeachers", "juniorPeArtTeachers"],
};
/** 学校名称 of total rows, which are skipped. */
const TOTAL_ROW = /^(合计|总计|小计|全[县区市]合计|全[县区市]|共计)$/;

const label = (field: SchoolField | "code"): string => COLUMN_BY_FIELD.get(field)?.header ?? field;

/** Read the whole workbook. Throws UnusableWorkbookError when there is no 学校数据 sheet or no 学校名称 header. */
export function readWorkbook(snapshot: WorkbookSnapshot): ReadResult {
  const find = (name: string) => snapshot.sheets.find((s) => s.name === name);
  const schoolSheet = find(SHEETS.schools);
  if (!schoolSheet) {
    const near = snapshot.sheetNames.find((n) => stripSpaces(toHalfWidth(n)) === SHEETS.schools);
    throw new UnusableWorkbookError(
      near !== undefined
        ? `找不到「${SHEETS.schools}」工作表：工作表「${near}」的名称含有多余的空格，请改为「${SHEETS.schools}」`
        : `找不到「${SHEETS.schools}」工作表。请把学校数据所在的工作表命名为「${SHEETS.schools}」，或先生成模板再填写。` +
            (snapshot.sheetNames.length ? `现有工作表：${snapshot.sheetNames.join("、")}` : ""),
    );
  }
  const owned = ownedOf(snapshot);
  const school = readSchoolSheet(schoolSheet, ownedBlock(owned, schoolSheet.name));
  const county = readCountySheet(find(SHEETS.county));
  const profile = readProfileSheet(find(SHEETS.profile));
  if (!county.county.name && school.title) county.county.name = countyNameFromTitle(school.title);
  return {
    dataset: { schools: school.schools, county: county.county, absentFields: school.absentFields },
    issues: [...uncalculatedIssues(snapshot), ...school.issues, ...county.issues, ...profile.issues],
    layout: school.layout,
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

interface SchoolSheetRead {
  schools: SchoolRecord[];
  issues: DataIssue[];
  layout: SchoolSheetLayout;
  absentFields: SchoolField[];
  /** Text of the title rows above the headers (for the county name). */
  title: string;
}

/** Find the header row, the group-header row and the field columns; the product's own block (by marker) is skipped. */
function locateColumns(sheet: SheetSnapshot, issues: DataIssue[], block: Area | null) {
  const rows = sheet.values;
  const S = sheet.name;
  let headerRow = -1;
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS) && headerRow < 0; r++) {
    if (rows[r].some((v) => matchSchoolHeader(normHeader(v))?.field === "name")) headerRow = r;
  }
  if (headerRow < 0) {
    throw new UnusableWorkbookError(`「${S}」前${HEADER_SEARCH_ROWS}行中找不到「学校名称」列标题，无法读取学校数据。请确认表头含有「学校名称」一列。`);
  }
  const header = rows[headerRow];
  const inResult = (r: number, c: number) => !!block && c >= block.col && c < block.col + block.cols && r >= block.row && r < block.row + block.rows;
  const above = headerRow > 0 ? rows[headerRow - 1] : [];
  const aboveFilled = above.filter((v, c) => !isBlank(v) && !inResult(headerRow - 1, c)).length;
  const aboveHasResult = !!block && block.row === headerRow - 1;
  const groupHeaderRow = headerRow > 0 && (aboveFilled >= 2 || aboveHasResult) ? headerRow - 1 : null;
  const group = groupHeaderRow === null ? [] : rows[groupHeaderRow];
  const width = Math.max(header.length, group.length);
  let lastInputCol = -1;
  for (let c = 0; c < width; c++) {
    if ((!isBlank(header[c]) && !inResult(headerRow, c)) || (groupHeaderRow !== null && !isBlank(group[c]) && !inResult(groupHeaderRow, c))) lastInputCol = c;
  }
  let lastUsedCol = -1;
  rows.forEach((line, r) => line.forEach((v, c) => {
    if (c > lastUsedCol && !isBlank(v) && !inResult(r, c)) lastUsedCol = c;
  }));

  // Match headers; a merged group header spreads right over empty cells and is tried with the field cell.
  const found = new Map<SchoolColumn, number[]>();
  let groupText = "";
  for (let c = 0; c < width; c++) {
    if (!isBlank(group[c]) && !inResult(groupHeaderRow ?? 0, c)) groupText = normHeader(group[c]);
    if (inResult(headerRow, c)) continue;
    const h = normHeader(header[c]);
    if (!h) continue;
    const col = matchSchoolHeader(h) ?? (groupText ? matchSchoolHeader(groupText + h) ?? matchSchoolHeader(h + groupText) : undefined);
    if (col) found.set(col, [...(found.get(col) ?? []), c]);
  }
  const columns = new Map<SchoolColumn, number>();
  for (const [col, cs] of found) {
    const cells = cs.map((c) => a1(headerRow, c)).join("、");
    if (cs.length === 1) columns.set(col, cs[0]);
    else if (col.field === "name") {
      columns.set(col, cs[0]);
      issues.push({ sheet: S, cell: a1(headerRow, cs[0]), severity: "warning", raw: null, message: `有${cs.length}列都是「学校名称」（${cells}），按最左边一列读取` });
    } else {
      issues.push({ sheet: S, cell: a1(headerRow, cs[0]), severity: "error", raw: null, message: `有${cs.length}列都对应「${col.header}」（${cells}），无法确定使用哪一列，两列均未读取。请删除或改名其中一列` });
    }
  }
  return {
    headerRow,
    groupHeaderRow,
    columns,
    lastInputCol,
    lastUsedCol,
  };
}

function readSchoolSheet(sheet: SheetSnapshot, block: Area | null): SchoolSheetRead {
  const S = sheet.name;
  const issues: DataIssue[] = [];
  const loc = locateColumns(sheet, issues, block);
  const rows = sheet.values;
  const nameCol = loc.columns.get(COLUMN_BY_FIELD.get("name")!)!;
  const title = rows
    .slice(0, loc.groupHeaderRow ?? loc.headerRow)
    .flat()
    .filter((v): v is string => typeof v === "string")
    .join(" ");

  // Rows: from below the header to the first empty 学校名称.
  const schools: SchoolRecord[] = [];
  const schoolRows: number[] = [];
  const seen = new Map<string, number>();
  let r = loc.headerRow + 1;
  for (; r < rows.length; r++) {
    const nameRaw = rows[r][nameCol] ?? null;
    if (isBlank(nameRaw)) break;
    const name = cellText(nameRaw).replace(/[\s\u3000]+/g, " ").trim();
    const key = stripSpaces(toHalfWidth(name));
    if (TOTAL_ROW.test(key)) {
      issues.push({ sheet: S, cell: a1(r, nameCol), severity: "warning", raw: name, message: `「${name}」行是合计行，不是学校，已跳过` });
      continue;
    }
    if (seen.has(key)) {
      issues.push({ sheet: S, cell: a1(r, nameCol), severity: "error", raw: name, message: `学校名称「${name}」重复（第一次在第${seen.get(key)! + 1}行），本行未读取`, school: name });
      continue;
    }
    seen.set(key, r);
    schools.push(readSchoolRow(sheet, r, name, loc.columns, issues));
    schoolRows.push(r);
  }
  const lastDataRow = r - 1;
  for (let rr = r + 1; rr < rows.length; rr++) {
    if (!isBlank(rows[rr][nameCol] ?? null)) {
      issues.push({
        sheet: S, cell: a1(r, nameCol), severity: "warning", raw: null,
        message: `第${r + 1}行「学校名称」为空，视为数据结束；第${rr + 1}行及以下的学校未读取。如需读取，请删除空行`,
      });
      break;
    }
  }

  // Absent columns.
  const absentFields: SchoolField[] = [];
  for (const col of SCHOOL_COLUMNS) {
    if (loc.columns.has(col) || col.field === "code") continue;
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

  const columns: SchoolSheetLayout["columns"] = {};
  for (const [col, c] of loc.columns) if (col.field !== "code") columns[col.field] = c;
  return {
    schools,
    issues,
    absentFields,
    title,
    layout: {
      sheet: S,
      headerRow: loc.headerRow,
      groupHeaderRow: loc.groupHeaderRow,
      firstDataRow: loc.headerRow + 1,
      lastDataRow,
      columns,
      lastInputCol: loc.lastInputCol,
      lastUsedCol: loc.lastUsedCol,
      ownedBlock: block,
      schoolRows,
    },
  };
}

function feedsText(col: SchoolColumn): string {
  return col.feeds.length ? `指标${col.feeds.join("、")}不能计算，已跳过` : "该项不能计算";
}

/** Parse one school row; every problem becomes an issue, bad fields go into `invalid`. */
function readSchoolRow(sheet: SheetSnapshot, r: number, name: string, columns: Map<SchoolColumn, number>, issues: DataIssue[]): SchoolRecord {
  const S = sheet.name;
  const row = sheet.values[r];
  const rec: SchoolRecord = { name, type: null, ownership: "公办", values: {}, source: { sheet: S, row: r } };
  const invalid = new Set<SchoolField>();
  const cellOf = (field: SchoolField): string | null => {
    const col = COLUMN_BY_FIELD.get(field);
    const c = col ? columns.get(col) : undefined;
    return c === undefined ? null : a1(r, c);
  };
  const rawOf = (field: SchoolField): string | null => {
    const col = COLUMN_BY_FIELD.get(field);
    const c = col ? columns.get(col) : undefined;
    return c === undefined || isBlank(row[c] ?? null) ? null : cellText(row[c] ?? null);
  };
  const issue = (field: SchoolField | null, severity: "error" | "warning", message: string) =>
    issues.push({ sheet: S, cell: field ? cellOf(field) : null, severity, raw: field ? rawOf(field) : null, message, school: name });

  for (const [col, c] of columns) {
    const raw: CellValue = row[c] ?? null;
    const field = col.field;
    if (field === "name") continue;
    if (field === "code") {
      rec.code = isBlank(raw) ? null : cellText(raw).trim();
      continue;
    }
    const fail = (p: { reason: string }) => {
      invalid.add(field);
      issue(field, "error", `「${col.header}」${p.reason}`);
    };
    switch (col.kind) {
      case "enum": {
        if (field === "type") {
          const p = parseSchoolType(raw);
          if (!p.ok) fail(p);
          else if (p.value === null) {
            invalid.add("type");
            issue("type", "error", "未填「学校类型」，该校各项指标不能计算");
          } else rec.type = p.value;
        } else if (field === "ownership") {
          const p = parseOwnership(raw);
          if (!p.ok) fail(p);
          else if (p.value) rec.ownership = p.value;
        } else if (field === "urbanRural") {
          const p = parseUrbanRural(raw);
          if (!p.ok) fail(p);
          else rec.urbanRural = p.value;
        }
        break;
      }
      case "yesno": {
        const p = parseYesNo(raw);
        if (!p.ok) fail(p);
        else if (field === "participate") rec.participate = p.value;
        else if (field === "charter") rec.charter = p.value;
        break;
      }
      default: {
        const p: Parsed<number> = parseAmount(raw, col.unit);
        if (!p.ok) {
          fail({ reason: p.reason === "不是数字" ? "不是数字，应填非负数" : p.reason });
          break;
        }
        rec.values[field as SchoolNumericField] = p.value;
        if (p.value !== null && col.kind === "count" && !Number.isInteger(p.value)) issue(field, "warning", `「${col.header}」应为整数（${p.value}），按原值计算`);
      }
    }
  }
  checkSchoolConsistency(rec, invalid, issue, cellOf);
  if (invalid.size) rec.invalid = [...invalid];
  return rec;
}

/** Checks across the fields of one school (unused sections, missing students, teachers ≫ students …). */
function checkSchoolConsistency(
  rec: SchoolRecord,
  invalid: Set<SchoolField>,
  issue: (field: SchoolField | null, severity: "error" | "warning", message: string) => void,
  cellOf: (field: SchoolField) => string | null,
): void {
  const v = rec.values;
  const type = rec.type;
  const sections = type ? typeSections(type) : null;
  if (type && sections) {
    // A value in a section the type does not have: warning, and the value is not used.
    for (const col of SCHOOL_COLUMNS) {
      const f = col.field as SchoolNumericField;
      if (!col.section || sections.includes(col.section) || invalid.has(f)) continue;
      const x = v[f];
      if (x === undefined || x === null || x === 0) continue;
      issue(f, "warning", `${type}没有${SECTION_ZH[col.section]}学段，「${col.header}」的值（${x}）未参与计算`);
      v[f] = null;
    }
    // A section of the type without students forms no unit: say so.
    for (const sec of sections) {
      if (sec === "senior") continue;
      const f = STUDENTS[sec];
      if (f in v && v[f] === null) issue(f, "warning", `未填「${label(f)}」，该校不形成${SECTION_ZH[sec]}监测点`);
    }
  }
  const num = (f: SchoolNumericField): number | null => (invalid.has(f) ? null : v[f] ?? null);
  const studentFields = (["primaryStudents", "juniorStudents", "seniorStudents"] as const).filter((f) => num(f) !== null);
  const students = studentFields.reduce((s, f) => s + (num(f) ?? 0), 0);
  const teachers = num("teachers");
  if (teachers !== null && students > 0) {
    if (teachers > TEACHER_STUDENT_FACTOR * students) {
      issue("teachers", "error", `专任教师数（${teachers}）超过在校生数（${students}）的${TEACHER_STUDENT_FACTOR}倍，可能填错了列，请核对；该校各项指标暂不计算`);
      invalid.add("teachers");
      for (const f of studentFields) invalid.add(f);
    } else if (teachers > students) {
      issue("teachers", "warning", `专任教师数（${teachers}）多于在校生数（${students}），请核对`);
    }
  }
  for (const sec of ["primary", "junior"] as const) {
    const st = num(STUDENTS[sec]);
    if (st === null || st <= 0) continue;
    for (const f of SECTION_TEACHERS[sec]) {
      const t = num(f);
      if (t !== null && t > TEACHER_STUDENT_FACTOR * st) {
        issue(f, "error", `「${label(f)}」（${t}）超过「${label(STUDENTS[sec])}」（${st}）的${TEACHER_STUDENT_FACTOR}倍，可能填错了列，请核对`);
        invalid.add(f);
        invalid.add(STUDENTS[sec]);
      }
    }
    const classes = num(sec === "primary" ? "primaryClasses" : "juniorClasses");
    const max = num(sec === "primary" ? "primaryMaxClassSize" : "juniorMaxClassSize");
    if (classes !== null && max !== null && classes > 0 && st > classes * max) {
      issue(STUDENTS[sec], "warning", `「${label(STUDENTS[sec])}」（${st}）超过班级数×最大班额（${classes}×${max}），请核对`);
    }
  }
  if (teachers !== null && !invalid.has("teachers")) {
    for (const f of ["certifiedTeachers", "trainedTeachers"] as const) {
      const x = num(f);
      if (x !== null && x > teachers) issue(f, "warning", `「${label(f)}」（${x}）多于专任教师数（${teachers}），请核对`);
    }
    // 小学 + 初中专任教师数 (as far as entered) cannot exceed the whole school's.
    const parts = (["primaryTeachers", "juniorTeachers"] as const).filter((f) => num(f) !== null);
    const sum = parts.reduce((s, f) => s + num(f)!, 0);
    if (parts.length && sum > teachers) {
      const cells = [...parts, "teachers" as const].map(cellOf).filter((c): c is string => c !== null).join("、");
      const what = parts.map((f) => `「${label(f)}」（${num(f)}）`).join("与");
      issue(parts[0], "warning", `${what}${parts.length > 1 ? `之和（${sum}）` : ""}多于「专任教师数」（${teachers}）（${cells}），请核对`);
    }
  }
}
