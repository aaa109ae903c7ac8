/**
 * Finding the school data by content, whatever the sheet names, and telling the layouts apart
 * (contract.ts LayoutKind). A sheet is a candidate when its header names the school column and
 * at least students; 按学段 sheets (小学 / 初中 in the name or title) are taken as a pair.
 * Two equally good candidates are never chosen between: the user names one (--sheet, the pane).
 */
import type { Section } from "../../engine/types";
import { SHEETS, UnusableWorkbookError, type DataIssue, type LayoutKind } from "../contract";
import { ownedBlock, ownedOf, ownedSheets } from "../owned";
import type { Area } from "../plan";
import type { OwnedState, SheetSnapshot, WorkbookSnapshot } from "../port";
import { isBlank, stripSpaces, toHalfWidth } from "../text";
import { HEADER_SEARCH_ROWS, findHeaderBlock, type HeaderBlock } from "./headers";
import { TOTAL_ROW } from "./rows";
import { buildSources, matchColumns, type FieldSource, type Found } from "./sources";
import { isNameSegment, sectionOfText } from "./targets";

export interface SheetAnalysis {
  sheet: SheetSnapshot;
  kind: LayoutKind;
  /** The section of a 按学段 sheet, else null. */
  section: Section | null;
  block: HeaderBlock;
  nameCol: number;
  /** The 学段 column of a sheet with one row per 监测点. */
  sectionCol?: number;
  /** The section contexts rows are read in: [null] for a flat sheet, [section], or both (per row). */
  contexts: (Section | null)[];
  sources(section: Section | null): FieldSource[];
  /** Last column with header text, and last column holding anything (the product's block left out). */
  lastInputCol: number;
  lastUsedCol: number;
  /** Targets matched: how much the sheet looks like school data. */
  score: number;
  /** True when a students field was found. */
  hasStudents: boolean;
}

/**
 * Where the user's table ends, the product's own result block (found by its marker, never by
 * header text) left out: the last column with header text, and the last column holding anything
 * in any row of the sheet (the new result block starts two columns after that one).
 */
function userExtent(sheet: SheetSnapshot, block: HeaderBlock, owned: Area | null) {
  const inOwned = (r: number, c: number) => !!owned && c >= owned.col && c < owned.col + owned.cols && r >= owned.row && r < owned.row + owned.rows;
  const ownedCol = (c: number) => !!owned && c >= owned.col && c < owned.col + owned.cols;
  // Each row from its right end, stopping at the first used cell past the furthest found so far.
  const lastIn = (r: number, floor: number) => {
    const line = sheet.values[r] ?? [];
    for (let c = line.length - 1; c > floor; c--) if (!isBlank(line[c]) && !inOwned(r, c)) return c;
    return floor;
  };
  let lastInputCol = -1;
  for (let r = block.top; r <= block.bottom; r++) lastInputCol = lastIn(r, lastInputCol);
  let lastUsedCol = lastInputCol;
  for (let r = 0; r < sheet.values.length; r++) lastUsedCol = lastIn(r, lastUsedCol);
  return { lastInputCol, lastUsedCol, inOwnedCol: ownedCol };
}

const SECTION_ROW_TEXT = /^([一二三四]、|[(（][一二三四][)）])?(小学|初中)(学校|部分)?$/;

/**
 * The header block of a sheet without the product's own result block (`owned`: its marked area on
 * this sheet, if any), and where the user's table ends; null without a name header.
 */
export function readHeader(sheet: SheetSnapshot, owned: Area | null = null) {
  const found = findHeaderBlock(sheet, isNameSegment);
  if (!found) return null;
  const prev = userExtent(sheet, found, owned);
  return { block: { ...found, paths: found.paths.filter((p) => !prev.inOwnedCol(p.col)) } as HeaderBlock, prev };
}

/** Analyse a sheet as school data; null when it has no school-name header. */
export function analyseSheet(sheet: SheetSnapshot, opts: { indoorSportsTo105: boolean; owned?: OwnedState }, issues: DataIssue[], reported: Set<string>): SheetAnalysis | null {
  const header = readHeader(sheet, opts.owned ? ownedBlock(opts.owned, sheet.name) : null);
  if (!header) return null;
  const { block, prev } = header;
  const probe: DataIssue[] = [];
  const flatFound = matchColumns(sheet, block, null, probe, new Set());
  const flat = flatFound.has("field:primaryStudents") || flatFound.has("field:juniorStudents");
  const sectionCol = flatFound.get("section")?.path.col;
  const sectionRows = sheet.values.slice(block.firstDataRow).some((r) => SECTION_ROW_TEXT.test(stripSpaces(toHalfWidth(String(r[block.nameCol] ?? "")))));
  const sheetSection = flat ? null : sectionOfText(sheet.name) ?? sectionOfText(block.title);
  const rowMode = !flat && (sectionCol !== undefined || (sectionRows && sheetSection === null));
  const contexts: (Section | null)[] = rowMode ? ["primary", "junior"] : [sheetSection];

  const probeFound = matchColumns(sheet, block, contexts[0] ?? "primary", probe, new Set());
  const isValues = [...probeFound.values()].some((f) => f.target.kind === "value");
  const hasParts = [...flatFound.values(), ...probeFound.values()].some((f) => f.target.kind !== "field" && f.target.kind !== "section");
  const kind: LayoutKind = isValues ? "values" : contexts[0] !== null ? "sections" : hasParts || block.bottom > block.nameRow ? "statistics" : "template";

  const cache = new Map<Section | null, { found: Found; sources: FieldSource[] }>();
  const forContext = (ctx: Section | null) => {
    let e = cache.get(ctx);
    if (!e) {
      const f = matchColumns(sheet, block, ctx, issues, reported);
      e = { found: f, sources: buildSources(sheet, block, f, { indoorSportsTo105: opts.indoorSportsTo105, blankZero: kind === "statistics" || kind === "sections" }, issues) };
      cache.set(ctx, e);
    }
    return e;
  };
  for (const c of contexts) forContext(c);
  const first = forContext(contexts[0]).found;
  const nameCol = first.get("field:name")?.path.col ?? block.nameCol;
  const hasStudents = contexts.some((c) => [...forContext(c).found.values()].some((f) => f.target.kind === "field" && /Students$/.test(f.target.field)));
  return {
    sheet, kind, section: rowMode ? null : sheetSection, block, nameCol, sectionCol, contexts,
    sources: (s) => forContext(rowMode ? s ?? "primary" : contexts[0]).sources,
    lastInputCol: prev.lastInputCol, lastUsedCol: prev.lastUsedCol, score: first.size, hasStudents,
  };
}

const OWN_SHEETS: ReadonlySet<string> = new Set(Object.values(SHEETS).filter((n) => n !== SHEETS.schools));

/** How many data rows a sheet has (school rows, not totals), to break ties between candidates. */
function dataRows(a: SheetAnalysis): number {
  let n = 0;
  for (let r = a.block.firstDataRow; r < a.sheet.values.length; r++) {
    const v = a.sheet.values[r][a.nameCol];
    if (isBlank(v ?? null)) break;
    if (!TOTAL_ROW.test(stripSpaces(String(v)))) n++;
  }
  return n;
}

export interface ChosenSheets {
  analyses: SheetAnalysis[];
  /** Every sheet that looks like school data, best first. */
  candidates: string[];
  issues: DataIssue[];
}

/** The data sheet(s): the ones named, else 「学校数据」, else found by content. */
export function chooseDataSheets(snapshot: WorkbookSnapshot, names: readonly string[] | undefined, indoorSportsTo105: boolean, owned: OwnedState = ownedOf(snapshot)): ChosenSheets {
  const issues: DataIssue[] = [];
  const reported = new Set<string>();
  const analyse = (s: SheetSnapshot) => analyseSheet(s, { indoorSportsTo105, owned }, issues, reported);
  // The product's own sheets (by marker, whatever they are called now) are never school data.
  const productSheets = new Set(ownedSheets(owned).map((n) => n.toLowerCase()));
  const noHeader = (s: SheetSnapshot) =>
    new UnusableWorkbookError(`「${s.name}」前${HEADER_SEARCH_ROWS}行中找不到「学校名称」列标题，无法读取学校数据。请确认表头含有「学校名称」一列。`);
  const byName = (n: string) => snapshot.sheets.find((s) => s.name === n);
  if (names?.length) {
    const analyses = names.map((n) => {
      const s = byName(n);
      if (!s) throw new UnusableWorkbookError(`找不到工作表「${n}」。现有工作表：${snapshot.sheetNames.join("、")}`);
      const a = analyse(s);
      if (!a) throw noHeader(s);
      return a;
    });
    return { analyses, candidates: [...names], issues };
  }
  const own = byName(SHEETS.schools);
  if (own) {
    const a = analyse(own);
    if (!a) throw noHeader(own);
    return { analyses: [a], candidates: [own.name], issues };
  }
  // Each candidate is analysed once; the issues of the ones chosen are kept (the others' are not the user's concern).
  const probeIssues = new Map<SheetAnalysis, DataIssue[]>();
  const probe = snapshot.sheets
    .filter((s) => !OWN_SHEETS.has(s.name) && !productSheets.has(s.name.toLowerCase()))
    .map((s) => {
      const found: DataIssue[] = [];
      const a = analyseSheet(s, { indoorSportsTo105, owned }, found, new Set());
      if (a) probeIssues.set(a, found);
      return a;
    })
    .filter((a): a is SheetAnalysis => a !== null && a.hasStudents && a.score >= 3);
  if (!probe.length) {
    const near = snapshot.sheetNames.find((n) => stripSpaces(toHalfWidth(n)) === SHEETS.schools);
    throw new UnusableWorkbookError(
      near !== undefined
        ? `找不到「${SHEETS.schools}」工作表：工作表「${near}」的名称含有多余的空格，请改为「${SHEETS.schools}」`
        : `找不到「${SHEETS.schools}」工作表，其他工作表中也没有学校数据（含「学校名称」和在校生数的表头）。请把学校数据所在的工作表命名为「${SHEETS.schools}」，或先生成模板再填写。` +
            (snapshot.sheetNames.length ? `现有工作表：${snapshot.sheetNames.join("、")}` : ""),
    );
  }
  const ranked = [...probe].sort((a, b) => b.score - a.score || dataRows(b) - dataRows(a));
  const candidates = ranked.map((a) => a.sheet.name);
  const sectionSheets = (sec: Section) => ranked.filter((a) => a.kind !== "values" && a.section === sec);
  const p = sectionSheets("primary");
  const j = sectionSheets("junior");
  const ambiguous = (list: SheetAnalysis[]) =>
    new UnusableWorkbookError(`有${list.length}个工作表都像学校数据（${list.map((a) => `「${a.sheet.name}」`).join("、")}），无法确定读取哪一个。请在任务窗格中选择工作表，或在命令行用 --sheet 指定`);
  let chosen: SheetAnalysis[];
  if (p.length && j.length && ranked[0].section !== null) {
    if (p.length > 1 && p[0].score === p[1].score) throw ambiguous(p);
    if (j.length > 1 && j[0].score === j[1].score) throw ambiguous(j);
    chosen = [p[0], j[0]].sort((a, b) => snapshot.sheetNames.indexOf(a.sheet.name) - snapshot.sheetNames.indexOf(b.sheet.name));
  } else {
    const top = ranked.filter((a) => a.score === ranked[0].score);
    if (top.length > 1) throw ambiguous(top);
    chosen = [ranked[0]];
  }
  for (const c of chosen) issues.push(...(probeIssues.get(c) ?? []));
  return { analyses: chosen, candidates, issues };
}
