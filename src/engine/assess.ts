/**
 * assess(): a typed county dataset in, one typed assessment out. Pure and deterministic.
 */
import { cvFailureText, GroupAccumulator } from "./balance";
import { schoolChecks } from "./checks";
import { countyItems, nameList, SchoolTotals } from "./county";
import { NATIONAL_2017, SCHOOL_FIELD_LABEL, resolveProfile } from "./profiles";
import { addSchoolUnits, indicatorTable, sectionList, sectionsOf } from "./units";
import { INDICATOR_CODES, SECTION_LABEL, SECTIONS } from "./types";
import type {
  Assessment,
  CheckStatus,
  CountyDataset,
  CountyItemResult,
  Exclusion,
  GroupBalance,
  GroupCounts,
  IndicatorCode,
  IndicatorTable,
  OverallVerdict,
  ProfileOverride,
  RuleProfile,
  SchoolChecks,
  SchoolField,
  Section,
  SkippedCheck,
  StatusCounts,
  UnitResult,
} from "./types";

/** Fields each check needs; an absent column skips the check (template.md §1). */
const CHECK_FIELDS: { code: string; fields: SchoolField[] }[] = [
  { code: "203", fields: ["musicRooms", "artRooms", "primaryClasses", "juniorClasses"] },
  { code: "205", fields: ["primaryMaxClassSize", "juniorMaxClassSize"] },
  { code: "209", fields: ["teachers", "trainedTeachers"] },
  { code: "212", fields: ["teachers", "certifiedTeachers"] },
  { code: "303", fields: ["charter"] },
  { code: "304", fields: ["publicFunds", "trainingFunds"] },
];

const RESOURCE_FIELDS: Record<IndicatorCode, SchoolField[]> = {
  "101": ["primaryQualifiedTeachers", "juniorQualifiedTeachers"],
  "102": ["primaryBackboneTeachers", "juniorBackboneTeachers"],
  "103": ["primaryPeArtTeachers", "juniorPeArtTeachers"],
  "104": ["teachingArea"],
  "105": ["sportsArea"],
  "106": ["equipmentValue"],
  "107": ["multimediaRooms"],
};

/** Module constants read once (an imported binding can cost a getter call per read in CommonJS builds). */
const CODES = INDICATOR_CODES;

/** Index of a check status in a counter row: met, basic, unmet, error, skipped. */
const CHECK_INDEX: Record<CheckStatus, number> = { met: 0, basic: 1, unmet: 2, error: 3, skipped: 4 };
const CHECK_CODES = ["203", "204", "205"] as const;
/** School names a verdict sentence shows before "等N所" (nameList's default). */
const NAMES_SHOWN = 5;

/**
 * Status counts of one group, kept as integers while the units stream past (row r = indicator k
 * for k < 7, then 203, 204, 205; columns as CHECK_INDEX), turned into GroupCounts at the end.
 */
class GroupCounter {
  units = 0;
  passing = 0;
  /** Included units that do not pass, without / with a data error: how many, and the first names. */
  readonly failing = { count: 0, names: [] as string[] };
  readonly errors = { count: 0, names: [] as string[] };
  readonly n = new Int32Array((CODES.length + CHECK_CODES.length) * 5);

  constructor(readonly section: Section) {}

  /** Count one included unit: its indicator statuses and its school's 203/204/205 (205 for its section). */
  add(u: UnitResult, sc: SchoolChecks, table: IndicatorTable): void {
    this.units++;
    if (u.pass) this.passing++;
    else {
      const list = u.errorCount > 0 ? this.errors : this.failing;
      if (list.count++ < NAMES_SHOWN) list.names.push(u.school);
    }
    const n = this.n;
    const width = CODES.length;
    const base = u.row * width;
    // Table status codes 0–3 are the first four columns of CHECK_INDEX.
    for (let k = 0; k < width; k++) n[k * 5 + table.status[base + k]]++;
    n[width * 5 + CHECK_INDEX[sc.rooms.status]]++;
    n[(width + 1) * 5 + CHECK_INDEX[sc.scale.status]]++;
    n[(width + 2) * 5 + CHECK_INDEX[sc.classSize[u.section]?.status ?? "skipped"]]++;
  }

  finish(): GroupCounts {
    const row = (r: number): StatusCounts => {
      const o = r * 5;
      const c = this.n;
      return { met: c[o], basic: c[o + 1], unmet: c[o + 2], error: c[o + 3], skipped: c[o + 4], total: c[o] + c[o + 1] + c[o + 2] + c[o + 3] + c[o + 4] };
    };
    const indicators = {} as Record<IndicatorCode, StatusCounts>;
    CODES.forEach((c, k) => (indicators[c] = row(k)));
    const w = CODES.length;
    return {
      section: this.section,
      units: this.units,
      passing: this.passing,
      indicators,
      checks: { "203": row(w), "204": row(w + 1), "205": row(w + 2) },
    };
  }
}

/**
 * Assess a county. `override` (e.g. from the workbook's 「评估标准」 sheet) is applied field by
 * field over `base` (default NATIONAL_2017).
 */
export function assess(dataset: CountyDataset, override?: ProfileOverride, base: RuleProfile = NATIONAL_2017): Assessment {
  const profile = resolveProfile(base, override);
  const absent: ReadonlySet<SchoolField> = new Set(dataset.absentFields ?? []);
  const schools = dataset.schools;

  let rows = 0;
  for (const school of schools) rows += sectionsOf(school).length;
  const table = indicatorTable(rows);
  // Filled by push: `new Array(n)` of 100 000+ slots would start as a slow dictionary in V8.
  const units: UnitResult[] = [];
  const exclusions: Exclusion[] = [];
  const checks: SchoolChecks[] = [];
  const groups = { primary: new GroupAccumulator("primary", table), junior: new GroupAccumulator("junior", table) };
  const counters = { primary: new GroupCounter("primary"), junior: new GroupCounter("junior") };
  const totals = new SchoolTotals(profile);
  for (let i = 0; i < schools.length; i++) {
    const school = schools[i];
    // 资源配置 units of the school.
    const first = units.length;
    const end = first + addSchoolUnits(units, school, i, profile, absent, table);
    let primaryIn = false;
    let juniorIn = false;
    let firstReason = "";
    for (let r = first; r < end; r++) {
      const u = units[r];
      if (u.included) {
        if (u.section === "primary") primaryIn = true;
        else juniorIn = true;
      }
      else {
        exclusions.push({ school: school.name, section: u.section, reason: u.excludedReason! });
        firstReason ||= u.excludedReason!;
      }
    }
    // Per-school checks, then the group figures while the school's results are at hand.
    const sc = schoolChecks(school, i, sectionList(primaryIn, juniorIn), firstReason, profile, absent);
    checks.push(sc);
    totals.add(school, sc);
    for (let r = first; r < end; r++) {
      const u = units[r];
      if (!u.included) continue;
      groups[u.section].add(u);
      counters[u.section].add(u, sc, table);
    }
  }
  const counts = { primary: counters.primary.finish(), junior: counters.junior.finish() };
  const balance = { primary: groups.primary.finish(profile), junior: groups.junior.finish(profile) };

  const skipped: SkippedCheck[] = [];
  if (absent.size > 0) {
    for (const c of INDICATOR_CODES) {
      const missing = RESOURCE_FIELDS[c].filter((f) => absent.has(f));
      if (missing.length > 0) skipped.push({ code: c, reason: missingText(missing) });
    }
    for (const { code, fields } of CHECK_FIELDS) {
      const missing = fields.filter((f) => absent.has(f));
      if (missing.length > 0) skipped.push({ code, reason: missingText(missing) });
    }
  }

  const items = countyItems({ profile, county: dataset.county, totals, counts, balance, absent });
  const verdict = overallVerdict(counters, balance, items);

  return {
    profileId: profile.id,
    profile,
    cvRule: profile.cvRule,
    splitFacilities: profile.splitFacilities,
    units,
    indicators: table,
    exclusions,
    balance,
    schools: checks,
    counts,
    items,
    skipped,
    verdict,
  };
}

function missingText(fields: SchoolField[]): string {
  return fields.map((f) => `缺少「${SCHOOL_FIELD_LABEL[f]}」列`).join("，");
}

/** What blocks recognition (and what keeps it open), in report order. */
function overallVerdict(counters: Record<Section, GroupCounter>, balance: Record<Section, GroupBalance>, items: CountyItemResult[]): OverallVerdict {
  const blockers: string[] = [];
  const pending: string[] = [];
  for (const s of SECTIONS) {
    const label = SECTION_LABEL[s];
    const { failing, errors } = counters[s];
    if (failing.count > 0) {
      blockers.push(`资源配置：${label}有${failing.count}个监测点未达到“至少6项指标达标、余项不低于85%”的要求（${nameList(failing.names, NAMES_SHOWN, failing.count)}）`);
    }
    if (errors.count > 0) pending.push(`资源配置：${label}有${errors.count}个监测点数据有误，待更正（${nameList(errors.names, NAMES_SHOWN, errors.count)}）`);
  }
  for (const s of SECTIONS) for (const t of cvFailureText(balance[s])) blockers.push(`差异系数：${t}`);
  for (const it of items) {
    if (it.area === "resources") continue; // covered by the unit and CV sentences above
    const title = it.code === "recognition" || it.code === "veto" ? it.name : `指标${it.code} ${it.name}`;
    if (it.status === "unmet") {
      blockers.push(
        it.code === "veto"
          ? `一票否决：存在${String(it.value)}`
          : `${title}：未达标（${[it.display, `要求${it.requirement}`].filter(Boolean).join("，")}）`,
      );
    } else if (it.status === "pending") pending.push(`${title}：${it.reason ?? "待定"}`);
    else if (it.status === "skipped") pending.push(`${title}：未评估（${it.reason ?? ""}）`);
  }
  return { recognised: blockers.length > 0 ? false : pending.length > 0 ? null : true, blockers, pending };
}
