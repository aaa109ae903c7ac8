/**
 * Per-school checks (indicators.md §4, §5): 203 音乐/美术专用教室, 204 办学规模, 205 班额 per
 * section, 304 教师培训经费, 303 学校章程.
 */
import { reaches, withinLimit } from "./math";
import { SCHOOL_FIELD_LABEL } from "./profiles";
import { fieldProblem, SECTION_FIELDS, sectionsOfType } from "./units";
import type {
  CheckStatus,
  RuleProfile,
  SchoolChecks,
  SchoolField,
  SchoolNumericField,
  SchoolRecord,
  Section,
} from "./types";

/** A usable number from a school field, or the status + reason that replaces the check. */
type Read = { ok: true; value: number } | { ok: false; status: CheckStatus; reason: string };

function readNumber(school: SchoolRecord, field: SchoolNumericField, absent: ReadonlySet<SchoolField>): Read {
  if (absent.has(field)) return { ok: false, status: "skipped", reason: `缺少「${SCHOOL_FIELD_LABEL[field]}」列` };
  const p = fieldProblem(school, field, absent);
  if (p !== null) return { ok: false, status: "error", reason: p };
  const v = school.values[field];
  if (typeof v !== "number") return { ok: false, status: "error", reason: `「${SCHOOL_FIELD_LABEL[field]}」未填写` };
  return { ok: true, value: v };
}

/** First failed read (skipped before error: a missing column explains everything). */
function firstFailure(reads: Read[]): Extract<Read, { ok: false }> | null {
  let err: Extract<Read, { ok: false }> | null = null;
  for (const r of reads) {
    if (!r.ok) {
      if (r.status === "skipped") return r;
      err ??= r;
    }
  }
  return err;
}

/** Rooms of each kind required for `classes` classes (indicators.md §4: ceil(classes/12), ≥ 1). */
export function requiredRooms(classes: number, profile: RuleProfile): number {
  if (!(classes > 0)) return 0;
  const q = classes / profile.classesPerRoom;
  const r = profile.roomRounding === "floor" ? Math.floor(q + 1e-9) : Math.ceil(q - 1e-9);
  return Math.max(1, r);
}

/** 205 status of one section's largest class. */
export function classSizeStatus(maxClassSize: number, section: Section, profile: RuleProfile): CheckStatus {
  if (maxClassSize <= profile.classSize[section]) return "met";
  if (maxClassSize < profile.classSize.large) return "basic";
  return "unmet";
}

/** 204 limit for a school type. */
function scaleLimits(school: SchoolRecord, profile: RuleProfile): { limit: number; basic: number | null } {
  if (school.type === "九年一贯制学校") return { limit: profile.scaleLimit.nineYear, basic: profile.scaleBasicLimit.nineYear };
  if (school.type === "十二年一贯制学校") return { limit: profile.scaleLimit.twelveYear, basic: profile.scaleBasicLimit.twelveYear };
  return { limit: profile.scaleLimit.default, basic: profile.scaleBasicLimit.default };
}

/**
 * The per-school checks. `includedSections` are the school's sections that take part in the
 * assessment; a school with none (特殊教育学校, small 教学点, 参评=否) gets every check skipped
 * with `notAssessedReason`.
 */
export function schoolChecks(
  school: SchoolRecord,
  schoolIndex: number,
  includedSections: readonly Section[],
  notAssessedReason: string,
  profile: RuleProfile,
  absent: ReadonlySet<SchoolField>,
): SchoolChecks {
  const scaleLimit = scaleLimits(school, profile).limit;
  if (includedSections.length === 0 || school.type === null) {
    const status: CheckStatus = school.type === null ? "error" : "skipped";
    const reason = school.type === null ? "学校类型无法识别" : notAssessedReason;
    return {
      school: school.name,
      schoolIndex,
      rooms: { status, required: { primary: 0, junior: 0, total: 0 }, music: null, art: null, reason },
      scale: { status, students: null, limit: scaleLimit, reason },
      classSize: {},
      trainingFunds: { status, ratio: null, reason },
      charter: { status, reason },
    };
  }

  // 203: required rooms per section, both kinds must reach the total.
  const required = { primary: 0, junior: 0, total: 0 };
  const roomReads: Read[] = [];
  for (const s of includedSections) {
    const r = readNumber(school, SECTION_FIELDS[s].classes, absent);
    roomReads.push(r);
    if (r.ok) required[s] = requiredRooms(r.value, profile);
  }
  required.total = required.primary + required.junior;
  const musicRead = readNumber(school, "musicRooms", absent);
  const artRead = readNumber(school, "artRooms", absent);
  const music = musicRead.ok ? musicRead.value : null;
  const art = artRead.ok ? artRead.value : null;
  const roomFail = firstFailure([...roomReads, musicRead, artRead]);
  const rooms: SchoolChecks["rooms"] = roomFail
    ? { status: roomFail.status, required, music, art, reason: roomFail.reason }
    : { status: music! >= required.total && art! >= required.total ? "met" : "unmet", required, music, art };

  // 204: compulsory students of the school.
  const { limit, basic } = scaleLimits(school, profile);
  const compulsory = school.type === "特殊教育学校" ? includedSections : sectionsOfType(school.type);
  const studentReads = compulsory.map((s) => readNumber(school, SECTION_FIELDS[s].students, absent));
  const scaleFail = firstFailure(studentReads);
  let scale: SchoolChecks["scale"];
  if (scaleFail) scale = { status: scaleFail.status, students: null, limit, reason: scaleFail.reason };
  else {
    const students = studentReads.reduce((a, r) => a + (r.ok ? r.value : 0), 0);
    const status: CheckStatus = withinLimit(students, limit, profile.tolerance)
      ? "met"
      : basic !== null && withinLimit(students, basic, profile.tolerance)
        ? "basic"
        : "unmet";
    scale = { status, students, limit };
  }

  // 205: per section.
  const classSize: SchoolChecks["classSize"] = {};
  for (const s of includedSections) {
    const r = readNumber(school, SECTION_FIELDS[s].maxClassSize, absent);
    classSize[s] = r.ok
      ? { status: classSizeStatus(r.value, s, profile), maxClassSize: r.value }
      : { status: r.status, maxClassSize: null, reason: r.reason };
  }

  // 304: training funds ≥ 5% of public funds.
  const tf = readNumber(school, "trainingFunds", absent);
  const pf = readNumber(school, "publicFunds", absent);
  const fundsFail = firstFailure([tf, pf]);
  let trainingFunds: SchoolChecks["trainingFunds"];
  if (fundsFail) trainingFunds = { status: fundsFail.status, ratio: null, reason: fundsFail.reason };
  else if (!((pf as { value: number }).value > 0)) trainingFunds = { status: "error", ratio: null, reason: "「公用经费预算」为0" };
  else {
    const ratio = (tf as { value: number }).value / (pf as { value: number }).value;
    trainingFunds = { status: reaches(ratio, profile.county.trainingFundsShare, profile.tolerance) ? "met" : "unmet", ratio };
  }

  // 303: 学校章程.
  let charter: SchoolChecks["charter"];
  if (absent.has("charter")) charter = { status: "skipped", reason: "缺少「学校章程」列" };
  else if (school.invalid?.includes("charter")) charter = { status: "error", reason: "「学校章程」数据有误" };
  else if (school.charter === true) charter = { status: "met" };
  else if (school.charter === false) charter = { status: "unmet" };
  else charter = { status: "error", reason: "「学校章程」未填写" };

  return { school: school.name, schoolIndex, rooms, scale, classSize, trainingFunds, charter };
}
