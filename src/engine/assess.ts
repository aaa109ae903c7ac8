/**
 * assess(): a typed county dataset in, one typed assessment out. Pure and deterministic.
 */
import { cvFailureText, GroupAccumulator } from "./balance";
import { schoolChecks } from "./checks";
import { countyItems, nameList } from "./county";
import { NATIONAL_2017, SCHOOL_FIELD_LABEL, resolveProfile } from "./profiles";
import { schoolUnits } from "./units";
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

const emptyCounts = (): StatusCounts => ({ met: 0, basic: 0, unmet: 0, error: 0, skipped: 0, total: 0 });

function emptyGroupCounts(section: Section): GroupCounts {
  const indicators = {} as Record<IndicatorCode, StatusCounts>;
  for (const c of INDICATOR_CODES) indicators[c] = emptyCounts();
  return { section, units: 0, passing: 0, indicators, checks: { "203": emptyCounts(), "204": emptyCounts(), "205": emptyCounts() } };
}

/** Count one included unit: its indicator statuses and its school's 203/204/205 (205 for its section). */
function countUnit(g: GroupCounts, u: UnitResult, sc: SchoolChecks): void {
  g.units++;
  if (u.pass) g.passing++;
  for (const c of INDICATOR_CODES) tally(g.indicators[c], u.indicators[c].status);
  tally(g.checks["203"], sc.rooms.status);
  tally(g.checks["204"], sc.scale.status);
  tally(g.checks["205"], sc.classSize[u.section]?.status ?? "skipped");
}

function tally(c: StatusCounts, status: CheckStatus): void {
  switch (status) {
    case "met":
      c.met++;
      break;
    case "basic":
      c.basic++;
      break;
    case "unmet":
      c.unmet++;
      break;
    case "error":
      c.error++;
      break;
    default:
      c.skipped = (c.skipped ?? 0) + 1;
  }
  c.total++;
}

/**
 * Assess a county. `override` (e.g. from the workbook's 「评估标准」 sheet) is applied field by
 * field over `base` (default NATIONAL_2017).
 */
export function assess(dataset: CountyDataset, override?: ProfileOverride, base: RuleProfile = NATIONAL_2017): Assessment {
  const profile = resolveProfile(base, override);
  const absent: ReadonlySet<SchoolField> = new Set(dataset.absentFields ?? []);
  const schools = dataset.schools;

  const units: UnitResult[] = [];
  const exclusions: Exclusion[] = [];
  const checks: SchoolChecks[] = new Array(schools.length);
  const groups = { primary: new GroupAccumulator("primary"), junior: new GroupAccumulator("junior") };
  const counts = { primary: emptyGroupCounts("primary"), junior: emptyGroupCounts("junior") };
  const schoolSections: Section[] = [];
  for (let i = 0; i < schools.length; i++) {
    const school = schools[i];
    // 资源配置 units of the school.
    const own = schoolUnits(school, i, profile, absent);
    schoolSections.length = 0;
    let firstReason = "";
    for (const u of own) {
      units.push(u);
      if (u.included) schoolSections.push(u.section);
      else {
        exclusions.push({ school: school.name, section: u.section, reason: u.excludedReason! });
        firstReason ||= u.excludedReason!;
      }
    }
    // Per-school checks, then the group figures while the school's results are at hand.
    const sc = schoolChecks(school, i, schoolSections, `未参评（${firstReason}）`, profile, absent);
    checks[i] = sc;
    for (const u of own) {
      if (!u.included) continue;
      groups[u.section].add(u);
      countUnit(counts[u.section], u, sc);
    }
  }
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

  const items = countyItems({ profile, county: dataset.county, schools, checks, counts, balance, absent });
  const verdict = overallVerdict(units, balance, items);

  return {
    profileId: profile.id,
    profile,
    cvRule: profile.cvRule,
    splitFacilities: profile.splitFacilities,
    units,
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
function overallVerdict(units: readonly UnitResult[], balance: Record<Section, GroupBalance>, items: CountyItemResult[]): OverallVerdict {
  const blockers: string[] = [];
  const pending: string[] = [];
  for (const s of SECTIONS) {
    const label = SECTION_LABEL[s];
    const failing: string[] = [];
    const errors: string[] = [];
    for (const u of units) {
      if (!u.included || u.section !== s || u.pass) continue;
      (u.errorCount > 0 ? errors : failing).push(u.school);
    }
    if (failing.length > 0) {
      blockers.push(`资源配置：${label}有${failing.length}个监测点未达到“至少6项指标达标、余项不低于85%”的要求（${nameList(failing)}）`);
    }
    if (errors.length > 0) pending.push(`资源配置：${label}有${errors.length}个监测点数据有误，待更正（${nameList(errors)}）`);
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
