/**
 * From header paths to field sources: which column(s) give each field of the dataset, how they
 * combine (direct, sum, difference, value × students) and with which unit factor. The derived
 * numerators of indicators.md §2 are built here:
 * - 101 = 研究生 (or 博士 + 硕士) + 本科 + 专科 for 小学, 研究生 + 本科 for 初中;
 * - 103 = 体育(与健康) + 音乐 + 美术 (or + 艺术 when 音乐/美术 are not given);
 * - 104 = 教学及辅助用房 − 室内体育用房, 105 = 运动场地 + 室内体育用房 (option indoorSportsTo105);
 * - 表Ⅱ-2: numerator = value × students (÷ 100 for the per-hundred indicators);
 * - a column that gives the numerator directly wins over its components.
 * Two columns for one field are never chosen between silently (unless they hold the same figures).
 */
import { NATIONAL_2017 } from "../../engine/profiles";
import type { IndicatorCode, SchoolField, Section } from "../../engine/types";
import type { DataIssue } from "../contract";
import { COLUMN_BY_FIELD } from "../fields";
import type { SheetSnapshot } from "../port";
import { a1, colLetter } from "../text";
import { AREA_UNITS, MONEY_UNITS, type HeaderBlock, type HeaderPath } from "./headers";
import { SECTION_ZH, facilityField, matchPath, targetKey, type Scope, type Target } from "./targets";

export interface Term {
  col: number;
  sign: 1 | -1;
  /** The header path, for messages. */
  header: string;
}

export interface FieldSource {
  field: SchoolField | "code";
  terms: Term[];
  /** Unit conversion to the product's unit (元 → 万元: 0.0001; 万平方米 → ㎡: 10 000). */
  unitFactor: number;
  /** Scale of the formula (÷100 for the per-hundred values of 表Ⅱ-2), 1 otherwise. */
  scale: number;
  /** 表Ⅱ-2: a column (the students) multiplying the value. */
  times?: Term;
  /** An enum's code column, read when the name column is empty (办学类型代码 beside 办学类型). */
  fallback?: Term;
  /** Whole-school parts (专任教师→本科 without a section): used only for a school with this one section. */
  onlyIfSingle?: Section;
  /** Blank cells count as 0 (statistics exports leave zeros blank). */
  blankZero: boolean;
  /** The unit the header gave (元, 万元, 平方米 …), or null. */
  unit: string | null;
  /** The indicator the field feeds, when it is a derived numerator (for traces). */
  code?: IndicatorCode;
}

const NUMERATOR: Record<IndicatorCode, (s: Section) => SchoolField> = {
  "101": (s) => `${s}QualifiedTeachers` as SchoolField,
  "102": (s) => `${s}BackboneTeachers` as SchoolField,
  "103": (s) => `${s}PeArtTeachers` as SchoolField,
  "104": (s) => facilityField("teachingArea", s),
  "105": (s) => facilityField("sportsArea", s),
  "106": (s) => facilityField("equipmentValue", s),
  "107": (s) => facilityField("multimediaRooms", s),
};

/** The indicator a numerator field feeds (101–107), if any. */
export function codeOfField(field: SchoolField | "code"): IndicatorCode | undefined {
  for (const [code, f] of Object.entries(NUMERATOR) as [IndicatorCode, (s: Section) => SchoolField][]) {
    if (f("primary") === field || f("junior") === field) return code;
  }
  const whole: Partial<Record<string, IndicatorCode>> = { teachingArea: "104", sportsArea: "105", equipmentValue: "106", multimediaRooms: "107" };
  return whole[field];
}

/** The column of each target found on a sheet (ambiguous ones reported and left out). */
export type Found = Map<string, { target: Target; path: HeaderPath; ambiguous?: true }>;

/**
 * Match every header path in a section context; two paths for one target give an error (and
 * neither is used) unless their data cells are identical.
 */
export function matchColumns(sheet: SheetSnapshot, block: HeaderBlock, context: Section | null, issues: DataIssue[], reported: Set<string>): Found {
  const all = new Map<string, { target: Target; paths: HeaderPath[] }>();
  for (const p of block.paths) {
    const t = matchPath(p.segments, context);
    if (!t) continue;
    const k = targetKey(t);
    const e = all.get(k);
    if (e) e.paths.push(p);
    else all.set(k, { target: t, paths: [p] });
  }
  const found: Found = new Map();
  const S = sheet.name;
  for (const [k, { target, paths }] of all) {
    if (paths.length === 1 || sameColumns(sheet, block.firstDataRow, paths)) {
      found.set(k, { target, path: paths[0] });
      continue;
    }
    const cells = paths.map((p) => `${a1(block.bottom, p.col)}「${p.text}」`).join("、");
    const what = targetLabel(target);
    if (target.kind === "field" && target.field === "name") {
      found.set(k, { target, path: paths[0] });
      issues.push({ sheet: S, cell: a1(block.bottom, paths[0].col), severity: "warning", raw: null, message: `有${paths.length}列都是「学校名称」（${cells}），按最左边一列读取` });
      continue;
    }
    found.set(k, { target, path: paths[0], ambiguous: true });
    const key = `${S}|${k}`;
    if (reported.has(key)) continue;
    reported.add(key);
    issues.push({
      sheet: S, cell: a1(block.bottom, paths[0].col), severity: "error", raw: null,
      message: `有${paths.length}列都对应「${what}」（${cells}），无法确定使用哪一列，均未读取。请在「列对应」表中指定一列，或删除、改名其中一列`,
    });
  }
  return found;
}

function sameColumns(sheet: SheetSnapshot, from: number, paths: HeaderPath[]): boolean {
  const rows = sheet.values;
  for (let r = from; r < rows.length; r++) {
    const v = rows[r][paths[0].col] ?? null;
    for (let i = 1; i < paths.length; i++) if ((rows[r][paths[i].col] ?? null) !== v) return false;
  }
  return true;
}

const DEGREE_ZH = { grad: "研究生", phd: "博士研究生", master: "硕士研究生", bachelor: "本科", associate: "专科" } as const;
const COURSE_ZH = { pe: "体育与健康", music: "音乐", art: "美术", arts: "艺术" } as const;
const scopeZh = (s: Scope) => (s === "whole" ? "" : SECTION_ZH[s]);

/** A target in words, for messages and the 列对应 sheet. */
export function targetLabel(t: Target): string {
  switch (t.kind) {
    case "field":
      return COLUMN_BY_FIELD.get(t.field)?.header ?? t.field;
    case "degree":
      return `${scopeZh(t.scope)}专任教师（${DEGREE_ZH[t.degree]}）`;
    case "course":
      return `${scopeZh(t.scope)}专任教师（${COURSE_ZH[t.course]}）`;
    case "indoor":
      return `${scopeZh(t.scope)}室内体育用房面积`;
    case "ground":
      return `${scopeZh(t.scope)}运动场地面积`;
    case "backbone":
      return "县级及以上骨干教师数";
    case "value":
      return `${SECTION_ZH[t.scope]}${NATIONAL_2017.indicators[t.code].name}`;
    case "section":
      return "学段";
    case "typeCode":
      return "办学类型代码";
    case "urbanCode":
      return "城乡分类代码";
  }
}

export interface SourceOptions {
  /** indicators.md §2 option indoorSportsTo105. */
  indoorSportsTo105: boolean;
  /** Blank numeric cells (but students) count as 0. */
  blankZero: boolean;
}

/**
 * Field sources of one sheet in one section context. Unit problems (an unknown unit) are issues;
 * such a column is not read.
 */
export function buildSources(sheet: SheetSnapshot, block: HeaderBlock, found: Found, opts: SourceOptions, issues: DataIssue[]): FieldSource[] {
  const S = sheet.name;
  const out = new Map<SchoolField | "code", FieldSource>();
  const get = (k: string) => {
    const f = found.get(k);
    return f && !f.ambiguous ? f : undefined;
  };
  const titleMoney = block.titleUnits.find((u) => u in MONEY_UNITS) ?? null;
  const titleArea = block.titleUnits.find((u) => u in AREA_UNITS) ?? null;

  /** Unit factor of a path for a field kind; null when the unit is unknown (reported). */
  const factorOf = (p: HeaderPath, kind: "money" | "area" | "other", defaultMoney = "万元"): { factor: number; unit: string | null } | null => {
    if (p.unknownUnit && kind !== "other") {
      issues.push({ sheet: S, cell: a1(block.bottom, p.col), severity: "warning", raw: p.text, message: `「${p.text}」的单位「${p.unknownUnit}」无法识别（应为元、万元或平方米），该列未读取，请在表头注明单位` });
      return null;
    }
    if (kind === "money") {
      const u = p.unit && p.unit in MONEY_UNITS ? p.unit : titleMoney ?? defaultMoney;
      return { factor: MONEY_UNITS[u] / MONEY_UNITS["万元"], unit: p.unit ?? titleMoney };
    }
    if (kind === "area") {
      const u = p.unit && p.unit in AREA_UNITS ? p.unit : titleArea ?? "㎡";
      return { factor: AREA_UNITS[u], unit: p.unit ?? titleArea };
    }
    return { factor: 1, unit: p.unit };
  };
  const kindOf = (f: SchoolField | "code"): "money" | "area" | "other" => {
    const k = COLUMN_BY_FIELD.get(f)?.kind;
    return k === "money" ? "money" : k === "area" ? "area" : "other";
  };
  const blankZeroFor = (f: SchoolField | "code") => opts.blankZero && !/Students$/.test(f) && COLUMN_BY_FIELD.get(f)?.kind !== "enum";
  const term = (p: HeaderPath, sign: 1 | -1 = 1): Term => ({ col: p.col, sign, header: p.text });

  // Direct fields.
  for (const { target, path, ambiguous } of found.values()) {
    if (target.kind !== "field" || ambiguous) continue;
    const f = target.field;
    const u = factorOf(path, kindOf(f));
    if (!u) continue;
    out.set(f, { field: f, terms: [term(path)], unitFactor: u.factor, scale: 1, blankZero: blankZeroFor(f), unit: u.unit });
  }
  const codeCol = (k: "typeCode" | "urbanCode", f: SchoolField) => {
    const c = get(k);
    if (!c) return;
    const s = out.get(f);
    if (s) s.fallback = term(c.path);
    else out.set(f, { field: f, terms: [term(c.path)], unitFactor: 1, scale: 1, blankZero: false, unit: null });
  };
  codeCol("typeCode", "type");
  codeCol("urbanCode", "urbanRural");

  /** A derived count from parts: the sum of the given paths. */
  const derive = (f: SchoolField, code: IndicatorCode, parts: (HeaderPath | undefined)[], onlyIfSingle?: Section) => {
    const ps = parts.filter((p): p is HeaderPath => p !== undefined);
    if (!ps.length || out.has(f) || blocked(f)) return;
    out.set(f, { field: f, terms: ps.map((p) => term(p)), unitFactor: 1, scale: 1, blankZero: opts.blankZero, unit: null, code, onlyIfSingle });
  };
  const part = (k: string) => get(k)?.path;
  // A field one of whose parts is ambiguous is not built from the others (no partial sums).
  const ambiguousKeys = [...found].filter(([, v]) => v.ambiguous).map(([k]) => k);
  const blocked = (f: SchoolField) =>
    ambiguousKeys.some((k) => {
      const sec = f.startsWith("primary") ? "primary" : f.startsWith("junior") ? "junior" : "whole";
      if (k === `field:${f}`) return true;
      if (/QualifiedTeachers$/.test(f)) return k.startsWith(`degree:${sec}:`) || k.startsWith("degree:whole:");
      if (/PeArtTeachers$/.test(f)) return k.startsWith(`course:${sec}:`) || k.startsWith("course:whole:");
      if (/BackboneTeachers$/.test(f)) return k === "backbone";
      return false;
    });
  for (const sec of ["primary", "junior"] as const) {
    for (const scope of [sec, "whole"] as const) {
      const only = scope === "whole" ? sec : undefined;
      // 101: 研究生 (or 博士 + 硕士) + 本科 (+ 专科 for 小学).
      const grad = part(`degree:${scope}:grad`);
      const degrees = [...(grad ? [grad] : [part(`degree:${scope}:phd`), part(`degree:${scope}:master`)]), part(`degree:${scope}:bachelor`), ...(sec === "primary" ? [part(`degree:${scope}:associate`)] : [])];
      derive(NUMERATOR["101"](sec), "101", degrees, only);
      // 103: 体育 + 音乐 + 美术, or 体育 + 艺术 when 音乐/美术 are not given.
      const music = part(`course:${scope}:music`);
      const art = part(`course:${scope}:art`);
      derive(NUMERATOR["103"](sec), "103", [part(`course:${scope}:pe`), ...(music || art ? [music, art] : [part(`course:${scope}:arts`)])], only);
      if (scope === "whole") derive(NUMERATOR["102"](sec), "102", [part("backbone")], sec);
    }
  }
  // 104 / 105 with 室内体育用房, per scope (a whole-school sheet, or a section's facilities).
  for (const scope of ["whole", "primary", "junior"] as const) {
    const indoor = part(`indoor:${scope}`);
    const ground = part(`ground:${scope}`);
    const teachingF = facilityField("teachingArea", scope);
    const sportsF = facilityField("sportsArea", scope);
    const area = (p: HeaderPath) => factorOf(p, "area");
    const indoorU = indoor ? area(indoor) : null;
    const groundU = ground ? area(ground) : null;
    if (found.get(`indoor:${scope}`)?.ambiguous) {
      // Which 室内体育用房 to move is unknown: neither 104 nor 105 is built.
      out.delete(teachingF);
      out.delete(sportsF);
      continue;
    }
    const teaching = out.get(teachingF);
    if (indoor && indoorU && opts.indoorSportsTo105 && teaching && teaching.terms.length === 1 && teaching.unitFactor === indoorU.factor) {
      teaching.terms.push(term(indoor, -1));
      teaching.code = "104";
    }
    if (!out.has(sportsF) && ground && groundU) {
      const withIndoor = indoor && indoorU && opts.indoorSportsTo105 && indoorU.factor === groundU.factor;
      out.set(sportsF, { field: sportsF, terms: [term(ground), ...(withIndoor ? [term(indoor!)] : [])], unitFactor: groundU.factor, scale: 1, blankZero: opts.blankZero, unit: groundU.unit, code: withIndoor ? "105" : undefined });
    }
  }
  // 表Ⅱ-2: numerator = value × students (÷ 100 per hundred); 106 values are 元 per student.
  for (const { target, path } of found.values()) {
    if (target.kind !== "value") continue;
    const f = NUMERATOR[target.code](target.scope);
    const students = out.get(`${target.scope}Students` as SchoolField);
    if (out.has(f) || !students) continue;
    const rule = NATIONAL_2017.indicators[target.code];
    const u = factorOf(path, target.code === "106" ? "money" : "other", "元");
    if (!u) continue;
    out.set(f, {
      field: f, terms: [term(path)], times: students.terms[0], unitFactor: u.factor, scale: rule.per100 ? 0.01 : 1,
      blankZero: false, unit: u.unit, code: target.code,
    });
  }
  return [...out.values()];
}

/** A source as a formula of column letters, e.g. 「K+L+M」, 「Q−R」, 「F×D÷100」 (the 列对应 notation; the unit is apart). */
export function sourceFormula(s: FieldSource, row?: number): string {
  const ref = (c: number) => (row === undefined ? colLetter(c) : a1(row, c));
  let f = s.terms.map((t, i) => (i === 0 ? (t.sign < 0 ? "−" : "") : t.sign < 0 ? "−" : "+") + ref(t.col)).join("");
  if (s.times) f += `×${ref(s.times.col)}`;
  if (s.scale !== 1) f += s.scale < 1 ? `÷${Math.round(1 / s.scale)}` : `×${s.scale}`;
  return f;
}
