/**
 * assess(): a typed county dataset in, one typed assessment out. Pure and deterministic.
 */
import { cvFailureText, groupBalance } from "./balance";
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

  // 资源配置 units.
  const units: UnitResult[] = [];
  const exclusions: Exclusion[] = [];
  const included: Record<Section, UnitResult[]> = { primary: [], junior: [] };
  const checks: SchoolChecks[] = new Array(schools.length);
  const schoolSections: Section[] = [];
  for (let i = 0; i < schools.length; i++) {
    const school = schools[i];
    const own = schoolUnits(school, i, profile, absent);
    schoolSections.length = 0;
    let firstReason = "";
    for (const u of own) {
      units.push(u);
      if (u.included) {
        included[u.section].push(u);
        schoolSections.push(u.section);
      } else {
        exclusions.push({ school: school.name, section: u.section, reason: u.excludedReason! });
        firstReason ||= u.excludedReason!;
      }
    }
    checks[i] = schoolChecks(school, i, schoolSections, `未参评（${firstReason}）`, profile, absent);
  }

  const balance = {
    primary: groupBalance("primary", included.primary, profile),
    junior: groupBalance("junior", included.junior, profile),
  };

  const counts = {} as Record<Section, GroupCounts>;
  for (const s of SECTIONS) {
    const indicators = {} as Record<IndicatorCode, StatusCounts>;
    for (const c of INDICATOR_CODES) indicators[c] = emptyCounts();
    const g: GroupCounts = {
      section: s,
      units: included[s].length,
      passing: 0,
      indicators,
      checks: { "203": emptyCounts(), "204": emptyCounts(), "205": emptyCounts() },
    };
    for (const u of included[s]) {
      if (u.pass) g.passing++;
      for (const c of INDICATOR_CODES) tally(indicators[c], u.indicators[c].status);
      const sc = checks[u.schoolIndex];
      tally(g.checks["203"], sc.rooms.status);
      tally(g.checks["204"], sc.scale.status);
      tally(g.checks["205"], sc.classSize[s]?.status ?? "skipped");
    }
    counts[s] = g;
  }

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
  const verdict = overallVerdict(included, balance, items);

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
function overallVerdict(
  included: Record<Section, UnitResult[]>,
  balance: Record<Section, GroupBalance>,
  items: CountyItemResult[],
): OverallVerdict {
  const blockers: string[] = [];
  const pending: string[] = [];
  for (const s of SECTIONS) {
    const label = SECTION_LABEL[s];
    const failing = included[s].filter((u) => !u.pass && u.errorCount === 0).map((u) => u.school);
    const errors = included[s].filter((u) => u.errorCount > 0).map((u) => u.school);
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
