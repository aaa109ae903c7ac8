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

/** Why a check cannot be judged at a school: a missing column (skipped) or a bad/empty cell (error). */
interface Failure {
  status: "skipped" | "error";
  reason: string;
}

/** A usable number from a school field, or the failure that replaces the check (no allocation on success). */
function readNumber(school: SchoolRecord, field: SchoolNumericField, absent: ReadonlySet<SchoolField>): number | Failure {
  if (absent.size > 0 && absent.has(field)) return { status: "skipped", reason: `缺少「${SCHOOL_FIELD_LABEL[field]}」列` };
  const p = fieldProblem(school, field, absent);
  if (p !== null) return { status: "error", reason: p };
  const v = school.values[field];
  if (typeof v !== "number") return { status: "error", reason: `「${SCHOOL_FIELD_LABEL[field]}」未填写` };
  return v;
}

/** The more telling of two failures: a missing column explains everything, so skipped wins. */
function worse(a: Failure | null, b: number | Failure): Failure | null {
  if (typeof b === "number") return a;
  if (a === null || (b.status === "skipped" && a.status !== "skipped")) return b;
  return a;
}

/** Shared, read-only results that are the same at every school. */
const CHARTER_MET: SchoolChecks["charter"] = Object.freeze({ status: "met" });
const CHARTER_UNMET: SchoolChecks["charter"] = Object.freeze({ status: "unmet" });

/**
 * Small results repeat across a county (required rooms 1–10, largest classes 30–70): share one frozen
 * object per distinct value instead of allocating one per school. Results are read-only. Each cache
 * is emptied when it reaches CACHE_MAX entries, so odd data cannot make it grow without bound.
 */
const CACHE_MAX = 10000;

/** Shared frozen results under two small-integer keys (small integers hash fast and allocate nothing). */
class Shared<V extends object> {
  private readonly maps = new Map<number, Map<number, V>>();
  private size = 0;

  get(outer: number, inner: number): V | undefined {
    return this.maps.get(outer)?.get(inner);
  }

  /** Stores `v` frozen and returns it. */
  add(outer: number, inner: number, v: V): V {
    if (this.size >= CACHE_MAX) {
      this.maps.clear();
      this.size = 0;
    }
    let m = this.maps.get(outer);
    if (m === undefined) this.maps.set(outer, (m = new Map()));
    m.set(inner, Object.freeze(v));
    this.size++;
    return v;
  }
}

type ClassSizeEntry = NonNullable<SchoolChecks["classSize"][Section]>;
type Rooms = SchoolChecks["rooms"];
type Scale = SchoolChecks["scale"];
type ClassSize = SchoolChecks["classSize"];

const STATUS_KEY: Record<CheckStatus, number> = { met: 0, basic: 1, unmet: 2, error: 3, skipped: 4 };
/** A whole number in [0, max): such values are shared, others get their own object. */
const small = (x: number, max: number): boolean => Number.isInteger(x) && x >= 0 && x < max;

const requiredCache = new Shared<Rooms["required"]>();
function sharedRequired(primary: number, junior: number, total: number): Rooms["required"] {
  if (!(small(primary, 1000) && small(junior, 1000) && small(total, 1000))) return { primary, junior, total };
  const outer = primary * 1000 + junior;
  return requiredCache.get(outer, total) ?? requiredCache.add(outer, total, { primary, junior, total });
}

/** 203 result without a failure reason, shared per (requirement, status, music, art). */
const roomsCache = new Shared<Rooms>();
function sharedRooms(status: CheckStatus, required: Rooms["required"], music: number, art: number): Rooms {
  const { primary, junior, total } = required;
  if (!(small(primary, 1000) && small(junior, 1000) && small(total, 1000) && small(music, 1000) && small(art, 1000))) return { status, required, music, art };
  const outer = (primary * 1000 + junior) * 1000 + total;
  const inner = STATUS_KEY[status] * 1000000 + music * 1000 + art;
  return roomsCache.get(outer, inner) ?? roomsCache.add(outer, inner, { status, required, music, art });
}

/** 204 result without a failure reason, shared per (limit, status, students). */
const scaleCache = new Shared<Scale>();
function sharedScale(status: CheckStatus, students: number, limit: number): Scale {
  if (!(small(students, 100000) && small(limit, 1 << 30))) return { status, students, limit };
  const inner = STATUS_KEY[status] * 100000 + students;
  return scaleCache.get(limit, inner) ?? scaleCache.add(limit, inner, { status, students, limit });
}

/** The 205 record of a school, shared per combination of (shared) section entries. */
const classSizeCache = new Map<ClassSizeEntry | undefined, Map<ClassSizeEntry | undefined, ClassSize>>();
function sharedClassSizes(primary: ClassSizeEntry | undefined, junior: ClassSizeEntry | undefined): ClassSize {
  // Entries with a reason are not shared: neither is their record.
  if ((primary !== undefined && !Object.isFrozen(primary)) || (junior !== undefined && !Object.isFrozen(junior))) {
    return primary && junior ? { primary, junior } : primary ? { primary } : junior ? { junior } : {};
  }
  let byJunior = classSizeCache.get(primary);
  if (byJunior === undefined) {
    if (classSizeCache.size >= CACHE_MAX) classSizeCache.clear();
    classSizeCache.set(primary, (byJunior = new Map()));
  }
  let r = byJunior.get(junior);
  if (r === undefined) {
    r = primary && junior ? { primary, junior } : primary ? { primary } : junior ? { junior } : {};
    byJunior.set(junior, Object.freeze(r));
  }
  return r;
}
const classSizeEntryCache = new Shared<ClassSizeEntry>();
function sharedClassSize(status: CheckStatus, maxClassSize: number): ClassSizeEntry {
  if (!small(maxClassSize, 100000)) return { status, maxClassSize };
  const key = STATUS_KEY[status];
  return classSizeEntryCache.get(key, maxClassSize) ?? classSizeEntryCache.add(key, maxClassSize, { status, maxClassSize });
}

/** 205 at one section of a school. */
function classSizeOf(school: SchoolRecord, s: Section, profile: RuleProfile, absent: ReadonlySet<SchoolField>): ClassSizeEntry {
  const r = readNumber(school, SECTION_FIELDS[s].maxClassSize, absent);
  return typeof r === "number" ? sharedClassSize(classSizeStatus(r, s, profile), r) : { status: r.status, maxClassSize: null, reason: r.reason };
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

/** The 204 limits of a school type (达标 and, when the profile has one, 基本达标). */
type ScaleKind = "nineYear" | "twelveYear" | "default";
function scaleKind(school: SchoolRecord): ScaleKind {
  return school.type === "九年一贯制学校" ? "nineYear" : school.type === "十二年一贯制学校" ? "twelveYear" : "default";
}

/**
 * The per-school checks. `includedSections` are the school's sections that take part in the
 * assessment; a school with none (特殊教育学校, small 教学点, 参评=否) gets every check skipped
 * with 「未参评（notAssessedReason）」.
 */
export function schoolChecks(
  school: SchoolRecord,
  schoolIndex: number,
  includedSections: readonly Section[],
  notAssessedReason: string,
  profile: RuleProfile,
  absent: ReadonlySet<SchoolField>,
): SchoolChecks {
  const kind = scaleKind(school);
  const limit = profile.scaleLimit[kind];
  const basic = profile.scaleBasicLimit[kind];
  if (includedSections.length === 0 || school.type === null) {
    const assessed = includedSections.length > 0;
    const status: CheckStatus = assessed ? "error" : "skipped";
    const reason = assessed ? "学校类型无法识别" : `未参评（${notAssessedReason}）`;
    return {
      school: school.name,
      schoolIndex,
      assessed,
      rooms: { status, required: { primary: 0, junior: 0, total: 0 }, music: null, art: null, reason },
      scale: { status, students: null, limit, reason },
      classSize: {},
      trainingFunds: { status, ratio: null, reason },
      charter: { status, reason },
    };
  }

  // 203: the school's requirement is ceil(all its compulsory classes ÷ 12) (indicators.md §4: a
  // 九年一贯制 school with 38 + 13 classes needs 5, not 4 + 2); the per-section requirements are
  // kept for the groups' 应配 totals in reports. Both kinds must reach the school's requirement.
  let needPrimary = 0;
  let needJunior = 0;
  let classes = 0;
  let roomFail: Failure | null = null;
  for (const s of includedSections) {
    const r = readNumber(school, SECTION_FIELDS[s].classes, absent);
    if (typeof r !== "number") roomFail = worse(roomFail, r);
    else {
      classes += r;
      if (s === "primary") needPrimary = requiredRooms(r, profile);
      else needJunior = requiredRooms(r, profile);
    }
  }
  const required = sharedRequired(needPrimary, needJunior, requiredRooms(classes, profile));
  const musicRead = readNumber(school, "musicRooms", absent);
  const artRead = readNumber(school, "artRooms", absent);
  const music = typeof musicRead === "number" ? musicRead : null;
  const art = typeof artRead === "number" ? artRead : null;
  roomFail = worse(worse(roomFail, musicRead), artRead);
  const rooms: SchoolChecks["rooms"] =
    roomFail !== null || music === null || art === null
      ? { status: roomFail!.status, required, music, art, reason: roomFail!.reason }
      : sharedRooms(music >= required.total && art >= required.total ? "met" : "unmet", required, music, art);

  // 204: compulsory students of the school (高中 students do not count).
  const compulsory = school.type === "特殊教育学校" ? includedSections : sectionsOfType(school.type);
  let students = 0;
  let scaleFail: Failure | null = null;
  for (const s of compulsory) {
    const r = readNumber(school, SECTION_FIELDS[s].students, absent);
    if (typeof r === "number") students += r;
    else scaleFail = worse(scaleFail, r);
  }
  const scale: SchoolChecks["scale"] = scaleFail
    ? { status: scaleFail.status, students: null, limit, reason: scaleFail.reason }
    : sharedScale(
        withinLimit(students, limit, profile.tolerance)
          ? "met"
          : basic !== null && withinLimit(students, basic, profile.tolerance)
            ? "basic"
            : "unmet",
        students,
        limit,
      );

  // 205: per section.
  const classSize = sharedClassSizes(
    includedSections.includes("primary") ? classSizeOf(school, "primary", profile, absent) : undefined,
    includedSections.includes("junior") ? classSizeOf(school, "junior", profile, absent) : undefined,
  );

  // 304: training funds ≥ 5% of public funds.
  const tf = readNumber(school, "trainingFunds", absent);
  const pf = readNumber(school, "publicFunds", absent);
  const fundsFail = worse(worse(null, tf), pf);
  let trainingFunds: SchoolChecks["trainingFunds"];
  if (fundsFail !== null || typeof tf !== "number" || typeof pf !== "number") {
    trainingFunds = { status: fundsFail!.status, ratio: null, reason: fundsFail!.reason };
  } else if (!(pf > 0)) trainingFunds = { status: "error", ratio: null, reason: "「公用经费预算」为0" };
  else {
    const ratio = tf / pf;
    trainingFunds = { status: reaches(ratio, profile.county.trainingFundsShare, profile.tolerance) ? "met" : "unmet", ratio };
  }

  // 303: 学校章程.
  let charter: SchoolChecks["charter"];
  if (absent.has("charter")) charter = { status: "skipped", reason: "缺少「学校章程」列" };
  else if (school.invalid?.includes("charter")) charter = { status: "error", reason: "「学校章程」数据有误" };
  else if (school.charter === true) charter = CHARTER_MET;
  else if (school.charter === false) charter = CHARTER_UNMET;
  else charter = { status: "error", reason: "「学校章程」未填写" };

  return { school: school.name, schoolIndex, assessed: true, rooms, scale, classSize, trainingFunds, charter };
}
