/**
 * The pane's view model: everything the task pane shows, computed from an Assessment and the ReadResult
 * it came from. Pure and host-free, so it runs inside the Web Worker next to the engine and only this
 * compact model crosses to the UI thread (5 000 schools give ~10 000 units; the model keeps what is shown).
 */
import type {
  Assessment,
  CheckStatus,
  CountyItemResult,
  CountyStatus,
  CvRule,
  IndicatorCode,
  Section,
  Exclusion,
  SkippedCheck,
} from "../engine/types";
import { INDICATOR_CODES, SECTION_LABEL } from "../engine/types";
import type { DataIssue, ReadResult } from "../workbook/contract";
import { SHEETS } from "../workbook/contract";
import { sourceView, type SourceView } from "./sourceView";
import { listShortfalls, type Shortfall } from "../workbook/shortfalls";
import { CHECK_STATUS_LABEL, COUNTY_STATUS_LABEL, cv, fixed, num, percent } from "../engine/format";

export interface IndicatorCountView {
  code: IndicatorCode;
  name: string;
  met: number;
  basic: number;
  unmet: number;
  error: number;
}

export interface GroupView {
  section: Section;
  label: string;
  units: number;
  passing: number;
  indicators: IndicatorCountView[];
}

export interface CvRowView {
  code: IndicatorCode | "composite";
  name: string;
  /** CV to 4 decimals, or "—". */
  cv: string;
  withinLimit: boolean | null;
}

export interface BalanceView {
  section: Section;
  label: string;
  unitCount: number;
  rows: CvRowView[];
  limit: string;
  rule: CvRule;
  pass: boolean | null;
  reason?: string;
}

export interface ItemView {
  code: string;
  name: string;
  display: string;
  requirement: string;
  status: CountyStatus;
  reason?: string;
}

export type ShortfallStatus = "basic" | "unmet";

export interface ShortfallEntry {
  /** Indicator or check code ("102", "203" …). */
  code: string;
  /** "小学 · 骨干教师" */
  label: string;
  /** The unit's figure against the requirement, e.g. "0.80 / 1.00 人/百生". */
  figure: string;
  status: ShortfallStatus;
  /** What it takes, e.g. "需增加骨干教师 2 人". */
  text: string;
  sheet: string;
  /** A1 address of the input cell to look at, or null when the column is absent. */
  cell: string | null;
}

export interface ShortfallGroup {
  school: string;
  entries: ShortfallEntry[];
}

export interface PaneModel {
  profileId: string;
  profileName: string;
  cvRule: CvRule;
  splitFacilities: boolean;
  schoolCount: number;
  verdict: { recognised: boolean | null; blockers: string[]; pending: string[] };
  groups: GroupView[];
  balance: BalanceView[];
  government: ItemView[];
  quality: ItemView[];
  recognition: ItemView[];
  veto: ItemView[];
  exclusions: Exclusion[];
  skipped: SkippedCheck[];
  shortfalls: ShortfallGroup[];
  shortfallCount: number;
  issues: DataIssue[];
  /** Where the school data came from (sheet, layout, 列对应 view). */
  source: SourceView;
}

/** Status words for badges: the engine's labels. */
export const STATUS_TEXT: Record<CheckStatus | CountyStatus, string> = { ...CHECK_STATUS_LABEL, ...COUNTY_STATUS_LABEL };

/** A CV (4 decimals) or "—" when there is none. */
function cvText(v: number | null): string {
  return cv(v) || "—";
}

/** A shortfall's figure as shown: "0.80（≥1）" in its own format. */
function figureOf(sf: Shortfall): string {
  const v = sf.value;
  const shown =
    typeof v === "string" ? v : v === null ? "—" : sf.valueFormat.endsWith("%") ? percent(v) : sf.valueFormat === "0" ? num(v, 0) : fixed(v, 2);
  return `${shown}；要求 ${sf.requirement}`;
}

function entryOf(sf: Shortfall, sheet: string): ShortfallEntry {
  return {
    code: sf.code,
    label: `${sf.section ? `${SECTION_LABEL[sf.section]} · ` : ""}${sf.code} ${sf.item}`,
    figure: figureOf(sf),
    status: sf.status,
    text: sf.action || sf.requirement,
    sheet,
    cell: sf.cell,
  };
}

function itemView(i: CountyItemResult): ItemView {
  return { code: i.code, name: i.name, display: i.display, requirement: i.requirement, status: i.status, reason: i.reason };
}

/** Build the pane's view model. */
export function buildPaneModel(assessment: Assessment, read: ReadResult): PaneModel {
  const profile = assessment.profile;
  const layout = read.layout;
  const schools = read.dataset.schools;

  const groups: GroupView[] = [];
  const balance: BalanceView[] = [];
  for (const section of ["primary", "junior"] as Section[]) {
    const c = assessment.counts[section];
    if (c && c.units > 0) {
      groups.push({
        section,
        label: SECTION_LABEL[section],
        units: c.units,
        passing: c.passing,
        indicators: INDICATOR_CODES.map((code) => ({
          code,
          name: profile.indicators[code].shortName,
          met: c.indicators[code].met,
          basic: c.indicators[code].basic,
          unmet: c.indicators[code].unmet,
          error: c.indicators[code].error,
        })),
      });
    }
    const b = assessment.balance[section];
    if (b && (b.unitCount > 0 || (c && c.units > 0))) {
      const rows: CvRowView[] = INDICATOR_CODES.map((code) => ({
        code,
        name: profile.indicators[code].shortName,
        cv: cvText(b.indicators[code].cv),
        withinLimit: b.indicators[code].cv === null ? null : b.indicators[code].withinLimit,
      }));
      rows.push({
        code: "composite",
        name: "综合差异系数",
        cv: cvText(b.composite),
        withinLimit: b.passComposite,
      });
      balance.push({
        section,
        label: SECTION_LABEL[section],
        unitCount: b.unitCount,
        rows,
        limit: fixed(b.limit, 2),
        rule: b.rule,
        pass: b.pass,
        reason: b.reason,
      });
    }
  }

  // Shortfalls, grouped by school in dataset order (the same list the 「问题清单」 sheet shows).
  const sheet = layout.sheet || SHEETS.schools;
  const shortfalls: ShortfallGroup[] = [];
  let shortfallCount = 0;
  let current: { index: number; group: ShortfallGroup } | null = null;
  for (const sf of listShortfalls(assessment, read)) {
    if (!current || current.index !== sf.schoolIndex) {
      current = { index: sf.schoolIndex, group: { school: sf.school, entries: [] } };
      shortfalls.push(current.group);
    }
    current.group.entries.push(entryOf(sf, sheet));
    shortfallCount++;
  }

  const byArea = (area: CountyItemResult["area"]) => assessment.items.filter((i) => i.area === area).map(itemView);

  return {
    profileId: assessment.profileId,
    profileName: profile.name,
    cvRule: assessment.cvRule,
    splitFacilities: assessment.splitFacilities,
    schoolCount: schools.length,
    verdict: { recognised: assessment.verdict.recognised, blockers: [...assessment.verdict.blockers], pending: [...assessment.verdict.pending] },
    groups,
    balance,
    government: byArea("government"),
    quality: byArea("quality"),
    recognition: byArea("recognition"),
    veto: byArea("veto"),
    exclusions: assessment.exclusions,
    skipped: assessment.skipped,
    shortfalls,
    shortfallCount,
    issues: read.issues,
    source: sourceView(read),
  };
}
