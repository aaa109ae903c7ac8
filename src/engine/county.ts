/**
 * County items 101–309, 社会认可度 and 一票否决 (indicators.md §4–§7), in report order, each with
 * figure, display, requirement text and verdict.
 */
import { reaches } from "./math";
import { fixed, num, percent } from "./format";
import { COUNTY_ITEMS, ITEM_NAMES, QUALITATIVE_ITEMS, VETO_ITEMS } from "./profiles";
import { INDICATOR_CODES, SECTION_LABEL, SECTIONS } from "./types";
import type {
  CheckStatus,
  CountyArea,
  CountyData,
  CountyFlagKey,
  CountyItemResult,
  CountyNumericKey,
  CountyStatus,
  GroupBalance,
  GroupCounts,
  IndicatorCode,
  QualitativeCode,
  RuleProfile,
  SchoolChecks,
  SchoolField,
  SchoolRecord,
  Section,
  StatusCounts,
  VetoKey,
} from "./types";

/** What the county items need from the school-level results. */
export interface CountyContext {
  profile: RuleProfile;
  county: CountyData;
  /** The per-school figures, tallied during the assessment's pass over the schools. */
  totals: SchoolTotals;
  counts: Record<Section, GroupCounts>;
  balance: Record<Section, GroupBalance>;
  absent: ReadonlySet<SchoolField>;
}

type Failure = { ok: false; status: "pending" | "skipped"; reason: string };
type Got<T> = { ok: true; v: T } | Failure;

function readCounty<T>(
  county: CountyData,
  key: CountyNumericKey | CountyFlagKey,
  entry: T | "pending" | null | undefined,
): Got<T> {
  const name = COUNTY_ITEMS[key].name;
  if (county.invalid?.includes(key)) return { ok: false, status: "skipped", reason: `「${name}」数据有误` };
  if (entry === "pending") return { ok: false, status: "pending", reason: `「${name}」待定` };
  if (entry === null || entry === undefined) return { ok: false, status: "skipped", reason: `未填写「${name}」` };
  return { ok: true, v: entry as T };
}

const numberOf = (c: CountyData, k: CountyNumericKey): Got<number> => readCounty<number>(c, k, c.numbers[k]);
const flagOf = (c: CountyData, k: CountyFlagKey): Got<boolean> => readCounty<boolean>(c, k, c.flags[k]);

/** First failure: skipped (data missing) wins over pending. */
function failureOf(reads: Got<unknown>[]): Failure | null {
  let pending: Failure | null = null;
  for (const r of reads) {
    if (!r.ok) {
      if (r.status === "skipped") return r;
      pending ??= r;
    }
  }
  return pending;
}

function areaOf(code: string): CountyArea {
  if (code === "recognition") return "recognition";
  if (code === "veto") return "veto";
  return code[0] === "1" ? "resources" : code[0] === "2" ? "government" : "quality";
}

function item(
  code: string,
  value: CountyItemResult["value"],
  display: string,
  requirement: string,
  status: CountyStatus,
  reason?: string,
  details?: CountyItemResult["details"],
): CountyItemResult {
  const r: CountyItemResult = { code, name: ITEM_NAMES[code], area: areaOf(code), value, display, requirement, status };
  if (reason !== undefined) r.reason = reason;
  if (details !== undefined) r.details = details;
  return r;
}

function failed(code: string, requirement: string, f: Failure, details?: CountyItemResult["details"]): CountyItemResult {
  return item(code, null, f.status === "pending" ? "待定" : "", requirement, f.status, f.reason, details);
}

const pct = (x: number): string => `${fixed(x * 100, 2).replace(/\.?0+$/, "")}%`;

/** "甲、乙、丙等8所" — a short list of school names (`count` = how many there are in all). */
export function nameList(names: readonly string[], max = 5, count = names.length): string {
  if (count <= max && names.length <= max) return names.join("、");
  return `${names.slice(0, max).join("、")}等${count}所`;
}

const LIST_MAX = 5;

/**
 * Verdict of a per-school check over the assessed schools, counted without building lists
 * (a county can have 100 000 rows). Schools outside the assessment (assessed === false) are not
 * counted.
 */
class CheckTally {
  total = 0;
  met = 0;
  basic = 0;
  unmet = 0;
  error = 0;
  private readonly badNames: string[] = [];
  private bad = 0;
  private readonly errorNames: string[] = [];
  private skippedReason: string | undefined;

  constructor(private readonly acceptBasic: boolean) {}

  add(school: string, status: CheckStatus, reason: string | undefined): void {
    this.total++;
    if (status === "met") this.met++;
    else if (status === "basic") this.basic++;
    else if (status === "unmet") this.unmet++;
    else if (status === "error") {
      if (this.error++ < LIST_MAX) this.errorNames.push(school);
    } else this.skippedReason ??= reason;
    if (status === "unmet" || (status === "basic" && !this.acceptBasic)) {
      if (this.bad++ < LIST_MAX) this.badNames.push(school);
    }
  }

  verdict(): { status: CountyStatus; reason?: string } {
    if (this.bad > 0) return { status: "unmet", reason: `未达标：${nameList(this.badNames, LIST_MAX, this.bad)}` };
    if (this.error > 0) return { status: "skipped", reason: `数据有误：${nameList(this.errorNames, LIST_MAX, this.error)}` };
    if (this.skippedReason !== undefined) return { status: "skipped", reason: this.skippedReason };
    if (this.total === 0) return { status: "skipped", reason: "无参评学校" };
    return { status: "met" };
  }
}

/** Σ part / Σ 专任教师 over the schools for 209 and 212, with the schools whose cells are bad. */
class TeacherTotal {
  part = 0;
  teachers = 0;
  /** Schools with one of the two figures only: left out of both sums. */
  missing = 0;
  invalid = 0;
  readonly invalidNames: string[] = [];

  constructor(readonly field: "trainedTeachers" | "certifiedTeachers") {}

  add(s: SchoolRecord): void {
    if (s.invalid !== undefined && (s.invalid.includes(this.field) || s.invalid.includes("teachers"))) {
      if (this.invalid++ < LIST_MAX) this.invalidNames.push(s.name);
      return;
    }
    const v = s.values;
    const p = this.field === "trainedTeachers" ? v.trainedTeachers : v.certifiedTeachers;
    const t = v.teachers;
    if (typeof p !== "number" || typeof t !== "number") {
      if (typeof p === "number" || typeof t === "number") this.missing++;
      return;
    }
    this.part += p;
    this.teachers += t;
  }
}

/**
 * Everything the county items need from the per-school results, collected in the assessment's one
 * pass over the schools while each school's results are at hand (reading 100 000 school results
 * back once per item costs more than the checks themselves).
 */
export class SchoolTotals {
  /** 203: verdict, and 应配 / 实有 per group. */
  readonly rooms = new CheckTally(false);
  readonly roomTotals = { primary: { req: 0, music: 0, art: 0 }, junior: { req: 0, music: 0, art: 0 } };
  /** 204: a 基本达标 band exists only when a profile sets one; it then does not block the item. */
  readonly scale = new CheckTally(true);
  /** 205, per section present at a school. */
  readonly classSize: CheckTally;
  /** 304: verdict, and the county sums of training funds and public funds of the schools with a ratio. */
  readonly funds = new CheckTally(false);
  trainingFunds = 0;
  publicFunds = 0;
  /** 303. */
  readonly charter = new CheckTally(false);
  /** 209 and 212 count every school row, assessed or not. */
  readonly trained = new TeacherTotal("trainedTeachers");
  readonly certified = new TeacherTotal("certifiedTeachers");

  constructor(profile: RuleProfile) {
    this.classSize = new CheckTally(profile.classSizeBasicAccepted === true);
  }

  /** Add one school and its checks. */
  add(school: SchoolRecord, c: SchoolChecks): void {
    this.trained.add(school);
    this.certified.add(school);
    if (c.trainingFunds.ratio !== null) {
      this.trainingFunds += school.values.trainingFunds ?? 0;
      this.publicFunds += school.values.publicFunds ?? 0;
    }
    if (c.assessed === false) return;
    const name = c.school;
    const rooms = c.rooms;
    this.rooms.add(name, rooms.status, rooms.reason);
    const { primary, junior } = rooms.required;
    const total = primary + junior;
    const t = this.roomTotals;
    t.primary.req += primary;
    t.junior.req += junior;
    if (total > 0) {
      // Actual rooms of a multi-section school are shared out in proportion to the requirement
      // (choice: the spec gives 应配/实有 per group but rooms are counted per school).
      const music = rooms.music ?? 0;
      const art = rooms.art ?? 0;
      const musicP = Math.round((music * primary) / total);
      const artP = Math.round((art * primary) / total);
      t.primary.music += musicP;
      t.junior.music += music - musicP;
      t.primary.art += artP;
      t.junior.art += art - artP;
    }
    this.scale.add(name, c.scale.status, c.scale.reason);
    const cs = c.classSize;
    if (cs.primary !== undefined) this.classSize.add(name, cs.primary.status, cs.primary.reason);
    if (cs.junior !== undefined) this.classSize.add(name, cs.junior.status, cs.junior.reason);
    this.funds.add(name, c.trainingFunds.status, c.trainingFunds.reason);
    this.charter.add(name, c.charter.status, c.charter.reason);
  }
}

/** "56/69 达标、13 基本达标" for one group's counts. */
function countsText(c: StatusCounts): string {
  let s = `${c.met}/${c.total} 达标`;
  if (c.basic > 0) s += `、${c.basic} 基本达标`;
  if (c.unmet > 0) s += `、${c.unmet} 未达标`;
  if (c.error > 0) s += `、${c.error} 数据有误`;
  if ((c.skipped ?? 0) > 0) s += `、${c.skipped} 未评估`;
  return s;
}

function groupsText(counts: Record<Section, GroupCounts>, pick: (g: GroupCounts) => StatusCounts): string {
  return SECTIONS.filter((s) => counts[s].units > 0)
    .map((s) => `${SECTION_LABEL[s]} ${countsText(pick(counts[s]))}`)
    .join("；");
}

function resourceItem(code: IndicatorCode, ctx: CountyContext): CountyItemResult {
  const { profile, counts, balance } = ctx;
  const rule = profile.indicators[code];
  const requirement = `小学≥${rule.threshold.primary}${rule.unit}、初中≥${rule.threshold.junior}${rule.unit}（每校至少${profile.minMetIndicators}项达标、余项不低于${Math.round(profile.basicRatio * 100)}%）`;
  const details: Record<string, number | string | boolean | null> = {};
  let met = 0;
  let total = 0;
  let unmet = 0;
  let error = 0;
  for (const s of SECTIONS) {
    const c = counts[s].indicators[code];
    details[`${s}Met`] = c.met;
    details[`${s}Basic`] = c.basic;
    details[`${s}Unmet`] = c.unmet;
    details[`${s}Error`] = c.error;
    details[`${s}Units`] = c.total;
    details[`${s}Cv`] = balance[s].indicators[code].cv;
    met += c.met;
    total += c.total;
    unmet += c.unmet;
    error += c.error;
  }
  const cvFail = profile.cvRule === "each" && SECTIONS.some((s) => balance[s].failing.includes(code));
  let status: CountyStatus = "met";
  let reason: string | undefined;
  if (unmet > 0 || cvFail) {
    status = "unmet";
    reason = [unmet > 0 ? `${unmet}个监测点未达标` : "", cvFail ? "差异系数超过要求" : ""].filter(Boolean).join("，");
  } else if (error > 0) {
    status = "skipped";
    reason = `${error}个监测点数据有误`;
  } else if (total === 0) {
    status = "skipped";
    reason = "无参评监测点";
  }
  return item(code, total > 0 ? met / total : null, groupsText(counts, (g) => g.indicators[code]), requirement, status, reason, details);
}

function qualitativeItem(code: QualitativeCode, county: CountyData): CountyItemResult {
  const name = QUALITATIVE_ITEMS[code];
  const note = county.qualitativeNotes?.[code];
  const details = note ? { note } : undefined;
  const requirement = "自评达标";
  if (county.invalid?.includes(code)) return item(code, null, "", requirement, "skipped", `「${name}」自评结论数据有误`, details);
  const e = county.qualitative[code];
  if (e === "pending") return item(code, null, "待定", requirement, "pending", `「${name}」待定`, details);
  if (e === null || e === undefined) return item(code, null, "", requirement, "skipped", `未填写「${name}」自评结论`, details);
  return item(code, e ? "达标" : "未达标", e ? "达标" : "未达标", requirement, e ? "met" : "unmet", undefined, details);
}

function flagItem(code: string, key: CountyFlagKey, requirement: string, county: CountyData): CountyItemResult {
  const f = flagOf(county, key);
  if (!f.ok) return failed(code, requirement, f);
  return item(code, f.v ? "是" : "否", f.v ? "是" : "否", requirement, f.v ? "met" : "unmet");
}

/** A ratio item a/b ≥ min. */
function ratioItem(
  code: string,
  a: CountyNumericKey,
  b: CountyNumericKey,
  min: number,
  requirement: string,
  ctx: CountyContext,
): CountyItemResult {
  const ra = numberOf(ctx.county, a);
  const rb = numberOf(ctx.county, b);
  const f = failureOf([ra, rb]);
  if (f) return failed(code, requirement, f);
  const va = (ra as { v: number }).v;
  const vb = (rb as { v: number }).v;
  if (!(vb > 0)) return item(code, null, "", requirement, "skipped", `「${COUNTY_ITEMS[b].name}」为0`);
  const ratio = va / vb;
  return item(code, ratio, percent(ratio), requirement, reaches(ratio, min, ctx.profile.tolerance) ? "met" : "unmet", undefined, {
    numerator: va,
    denominator: vb,
    fraction: `${num(va)}/${num(vb)}`,
  });
}

/** A county total over schools: Σ part / Σ whole (209, 212). */
function schoolTotalItem(
  code: string,
  part: "trainedTeachers" | "certifiedTeachers",
  min: number,
  requirement: string,
  ctx: CountyContext,
): CountyItemResult {
  for (const f of [part, "teachers"] as const) {
    if (ctx.absent.has(f)) return item(code, null, "", requirement, "skipped", `缺少「${f === "teachers" ? "专任教师数" : part === "trainedTeachers" ? "培训完成教师数" : "持证专任教师数"}」列`);
  }
  const total = part === "trainedTeachers" ? ctx.totals.trained : ctx.totals.certified;
  const sp = total.part;
  const st = total.teachers;
  const missing = total.missing;
  if (total.invalid > 0) return item(code, null, "", requirement, "skipped", `数据有误：${nameList(total.invalidNames, LIST_MAX, total.invalid)}`);
  if (!(st > 0)) return item(code, null, "", requirement, "skipped", "未填写专任教师数");
  const ratio = sp / st;
  const details: Record<string, number | string> = { numerator: sp, denominator: st, fraction: `${num(sp)}/${num(st)}` };
  if (missing > 0) details.note = `${missing}所学校数据不全，未计入`;
  return item(code, ratio, percent(ratio), requirement, reaches(ratio, min, ctx.profile.tolerance) ? "met" : "unmet", undefined, details);
}

function roomsItem(ctx: CountyContext): CountyItemResult {
  const { profile } = ctx;
  const requirement = `每${profile.classesPerRoom}个班级配备音乐、美术专用教室各1间以上（音乐≥${profile.musicRoomMinArea}㎡、美术≥${profile.artRoomMinArea}㎡）`;
  const totals = ctx.totals.roomTotals;
  const tally = ctx.totals.rooms;
  const { status, reason } = tally.verdict();
  const display = SECTIONS.filter((s) => totals[s].req > 0)
    .map((s) => `${SECTION_LABEL[s]}应配各${totals[s].req}间，实有音乐${totals[s].music}间、美术${totals[s].art}间`)
    .join("；");
  return item("203", tally.total > 0 ? tally.met / tally.total : null, display, requirement, status, reason, {
    primaryRequired: totals.primary.req,
    primaryMusic: totals.primary.music,
    primaryArt: totals.primary.art,
    juniorRequired: totals.junior.req,
    juniorMusic: totals.junior.music,
    juniorArt: totals.junior.art,
  });
}

function scaleItem(ctx: CountyContext): CountyItemResult {
  const { profile, counts } = ctx;
  const requirement = `学校规模不超过${profile.scaleLimit.default}人，九年一贯制、十二年一贯制学校不超过${profile.scaleLimit.nineYear}人`;
  // A 基本达标 band exists only when a profile sets one; it then does not block the item.
  const t = ctx.totals.scale;
  const { status, reason } = t.verdict();
  const display = groupsText(counts, (g) => g.checks["204"]);
  return item("204", t.total > 0 ? t.met / t.total : null, display, requirement, status, reason, { schoolsMet: t.met, schoolsBasic: t.basic, schools: t.total });
}

function classSizeItem(ctx: CountyContext): CountyItemResult {
  const { profile, counts } = ctx;
  const requirement = `小学不超过${profile.classSize.primary}人、初中不超过${profile.classSize.junior}人`;
  const t = ctx.totals.classSize;
  const { status, reason } = t.verdict();
  const noLarge = t.total > 0 && t.met + t.basic === t.total;
  let display = groupsText(counts, (g) => g.checks["205"]);
  if (noLarge) display += `；无${profile.classSize.large}人及以上大班额`;
  return item("205", t.total > 0 ? t.met / t.total : null, display, requirement, status, reason, {
    noLargeClasses: noLarge,
    largeClassSections: t.unmet,
    sectionsMet: t.met,
    sectionsBasic: t.basic,
    sections: t.total,
  });
}

function fundsItem(ctx: CountyContext): CountyItemResult {
  const { profile } = ctx;
  const requirement = `教师培训经费占公用经费预算不低于${pct(profile.county.trainingFundsShare)}`;
  const t = ctx.totals.funds;
  const { status, reason } = t.verdict();
  const training = ctx.totals.trainingFunds;
  const publicFunds = ctx.totals.publicFunds;
  const ratio = publicFunds > 0 ? training / publicFunds : null;
  return item("304", ratio, ratio === null ? "" : percent(ratio, 2), requirement, status, reason, {
    trainingFunds: training,
    publicFunds,
    schoolsMet: t.met,
    schools: t.total,
  });
}

function charterItem(ctx: CountyContext): CountyItemResult {
  const t = ctx.totals.charter;
  const { status, reason } = t.verdict();
  const ratio = t.total > 0 ? t.met / t.total : null;
  return item("303", ratio, ratio === null ? "" : `${t.met}/${t.total}所学校有章程`, "所有学校制定章程", status, reason, {
    schoolsMet: t.met,
    schools: t.total,
  });
}

function salaryItem(ctx: CountyContext): CountyItemResult {
  const requirement = "教师年均工资收入不低于当地公务员年均工资收入";
  const t = numberOf(ctx.county, "teacherSalary");
  const c = numberOf(ctx.county, "civilServantSalary");
  const f = failureOf([t, c]);
  if (f) return failed("208", requirement, f);
  const tv = (t as { v: number }).v;
  const cv = (c as { v: number }).v;
  return item("208", tv, `教师${num(tv)}，公务员${num(cv)}`, requirement, reaches(tv, cv, ctx.profile.tolerance) ? "met" : "unmet", undefined, {
    teacherSalary: tv,
    civilServantSalary: cv,
  });
}

function rotationItem(ctx: CountyContext): CountyItemResult {
  const { profile, county } = ctx;
  const requirement = `交流轮岗教师不低于符合条件教师的${pct(profile.county.rotationRate)}，其中骨干教师不低于${pct(profile.county.rotatedBackboneShare)}`;
  const e = numberOf(county, "rotationEligible");
  const r = numberOf(county, "rotatedTeachers");
  const b = numberOf(county, "rotatedBackbone");
  const f = failureOf([e, r, b]);
  if (f) return failed("211", requirement, f);
  const ev = (e as { v: number }).v;
  const rv = (r as { v: number }).v;
  const bv = (b as { v: number }).v;
  if (!(ev > 0) || !(rv > 0)) {
    return item("211", null, "", requirement, rv > 0 ? "skipped" : "unmet", !(ev > 0) ? "「符合交流条件教师数」为0" : "无交流轮岗教师");
  }
  const rate = rv / ev;
  const share = bv / rv;
  const ok = reaches(rate, profile.county.rotationRate, profile.tolerance) && reaches(share, profile.county.rotatedBackboneShare, profile.tolerance);
  return item("211", rate, `交流${num(rv)}人，占${percent(rate)}；其中骨干${num(bv)}人，占${percent(share)}`, requirement, ok ? "met" : "unmet", undefined, {
    rotated: rv,
    eligible: ev,
    backbone: bv,
    rotationRate: rate,
    backboneShare: share,
  });
}

function nearbyItem(ctx: CountyContext): CountyItemResult {
  const { profile, county } = ctx;
  const requirement = `城区和镇区公办小学就近划片入学比例达到${pct(profile.county.nearbyPrimary)}、初中达到${pct(profile.county.nearbyJunior)}以上`;
  const p = numberOf(county, "nearbyPrimaryRate");
  const j = numberOf(county, "nearbyJuniorRate");
  const f = failureOf([p, j]);
  if (f) return failed("213", requirement, f);
  const pv = (p as { v: number }).v;
  const jv = (j as { v: number }).v;
  const ok = reaches(pv, profile.county.nearbyPrimary, profile.tolerance) && reaches(jv, profile.county.nearbyJunior, profile.tolerance);
  return item("213", Math.min(pv, jv), `小学${percent(pv)}，初中${percent(jv)}`, requirement, ok ? "met" : "unmet", undefined, {
    primary: pv,
    junior: jv,
  });
}

function quotaItem(ctx: CountyContext): CountyItemResult {
  const { profile, county } = ctx;
  const requirement = `优质高中招生名额分配比例不低于${pct(profile.county.quotaShare)}，并向农村初中倾斜`;
  const base = ratioItem("214", "quotaToSchools", "qualityHighSchoolAdmissions", profile.county.quotaShare, requirement, ctx);
  const tilt = flagOf(county, "quotaRuralTilt");
  if (base.status === "unmet" || base.status === "skipped") return base;
  if (!tilt.ok) return { ...base, status: tilt.status, reason: tilt.reason };
  base.details = { ...base.details, ruralTilt: tilt.v };
  if (!tilt.v) return { ...base, status: "unmet", reason: "未向农村初中倾斜" };
  return base;
}

function retentionItem(ctx: CountyContext): CountyItemResult {
  const { profile, county } = ctx;
  const requirement = `初中三年巩固率达到${pct(profile.county.juniorRetention)}以上`;
  const entered = numberOf(county, "juniorRetentionRate");
  if (entered.ok) {
    return item("301", entered.v, percent(entered.v), requirement, reaches(entered.v, profile.county.juniorRetention, profile.tolerance) ? "met" : "unmet");
  }
  const g = numberOf(county, "juniorGraduates");
  const e = numberOf(county, "juniorEntrants");
  if (!g.ok || !e.ok) {
    // Neither the rate nor the figures to compute it: name the rate (the usual entry).
    const none = !g.ok && !e.ok && g.status === "skipped" && !county.invalid?.includes("juniorGraduates") && !county.invalid?.includes("juniorEntrants");
    return failed("301", requirement, entered.status === "pending" || none ? entered : (failureOf([g, e]) ?? entered));
  }
  // Transfers are optional: an empty cell counts as none.
  const tin = numberOf(county, "juniorTransfersIn");
  const tout = numberOf(county, "juniorTransfersOut");
  const base = e.v + (tin.ok ? tin.v : 0) - (tout.ok ? tout.v : 0);
  if (!(base > 0)) return item("301", null, "", requirement, "skipped", "三年前入学数（含转入转出）为0");
  const rate = g.v / base;
  return item("301", rate, percent(rate), requirement, reaches(rate, profile.county.juniorRetention, profile.tolerance) ? "met" : "unmet", undefined, {
    graduates: g.v,
    entrants: e.v,
    transfersIn: tin.ok ? tin.v : 0,
    transfersOut: tout.ok ? tout.v : 0,
  });
}

const DISABLED_PARTS = ["disabledInSpecialSchool", "disabledInRegularClass", "disabledOutside", "disabledOther"] as const;

function disabledItem(ctx: CountyContext): CountyItemResult {
  const { profile, county } = ctx;
  const requirement = `残疾儿童少年入学率达到${pct(profile.county.disabledEnrolment)}以上`;
  const children = numberOf(county, "disabledChildren");
  let enrolled = numberOf(county, "disabledEnrolled");
  const details: Record<string, number> = {};
  if (!enrolled.ok && enrolled.status === "skipped" && !county.invalid?.includes("disabledEnrolled")) {
    const parts = DISABLED_PARTS.map((k) => numberOf(county, k));
    if (parts.some((p) => p.ok)) {
      let sum = 0;
      DISABLED_PARTS.forEach((k, i) => {
        const p = parts[i];
        if (p.ok) {
          sum += p.v;
          details[k] = p.v;
        }
      });
      enrolled = { ok: true, v: sum };
    }
  }
  const f = failureOf([children, enrolled]);
  if (f) return failed("302", requirement, f);
  const c = (children as { v: number }).v;
  const n = (enrolled as { v: number }).v;
  if (!(c > 0)) return item("302", null, "无适龄残疾儿童少年", requirement, "met", undefined, { enrolled: n, children: c });
  const rate = n / c;
  return item("302", rate, percent(rate), requirement, reaches(rate, profile.county.disabledEnrolment, profile.tolerance) ? "met" : "unmet", undefined, {
    ...details,
    enrolled: n,
    children: c,
    fraction: `${num(n)}/${num(c)}`,
  });
}

function monitoringItem(ctx: CountyContext): CountyItemResult {
  const { profile, county } = ctx;
  const requirement = `相关科目学生学业水平达到Ⅲ级以上，且校际差异率低于${profile.county.qualityGapMax}`;
  const level = flagOf(county, "qualityMonitoringLevel");
  const gap = numberOf(county, "qualityMonitoringGap");
  // Either figure "待监测" keeps the item open, whatever the other says (unless one already fails).
  if (level.ok && !level.v) return item("309", "否", "未达Ⅲ级", requirement, "unmet");
  if (gap.ok && !(gap.v < profile.county.qualityGapMax)) return item("309", gap.v, `校际差异率${fixed(gap.v, 2)}`, requirement, "unmet");
  const pending = [level, gap].find((r) => !r.ok && r.status === "pending") as Failure | undefined;
  if (pending) return item("309", null, "待监测", requirement, "pending", "待接受国家义务教育质量监测");
  const f = failureOf([level, gap]);
  if (f) return failed("309", requirement, f);
  const g = (gap as { v: number }).v;
  return item("309", g, `Ⅲ级以上，校际差异率${fixed(g, 2)}`, requirement, "met", undefined, { gap: g });
}

function recognitionItem(ctx: CountyContext): CountyItemResult {
  const { profile, county } = ctx;
  const requirement = `社会认可度达到${pct(profile.county.socialRecognition)}以上`;
  const r = numberOf(county, "socialRecognition");
  if (!r.ok) return r.status === "pending" ? item("recognition", null, "调查中", requirement, "pending", "社会认可度调查中") : failed("recognition", requirement, r);
  return item("recognition", r.v, percent(r.v), requirement, reaches(r.v, profile.county.socialRecognition, profile.tolerance) ? "met" : "unmet");
}

function vetoItem(county: CountyData): CountyItemResult {
  const keys = Object.keys(VETO_ITEMS) as VetoKey[];
  const present = keys.filter((k) => county.vetoes[k] === true);
  const invalid = keys.filter((k) => county.invalid?.includes(k));
  const missing = keys.filter((k) => county.vetoes[k] !== true && county.vetoes[k] !== false && !invalid.includes(k));
  const requirement = "不存在一票否决情形";
  const details = Object.fromEntries(keys.map((k) => [VETO_ITEMS[k], county.vetoes[k] ?? null]));
  if (present.length > 0) {
    const names = present.map((k) => VETO_ITEMS[k]).join("、");
    return item("veto", names, `存在：${names}`, requirement, "unmet", undefined, details);
  }
  if (invalid.length > 0) return item("veto", null, "", requirement, "skipped", `数据有误：${invalid.map((k) => VETO_ITEMS[k]).join("、")}`, details);
  if (missing.length > 0) return item("veto", null, "", requirement, "skipped", `未填写：${missing.map((k) => VETO_ITEMS[k]).join("、")}`, details);
  return item("veto", "无", "不存在一票否决情形", requirement, "met", undefined, details);
}

/** Every item 101–309, 社会认可度 and 一票否决, in report order. */
export function countyItems(ctx: CountyContext): CountyItemResult[] {
  const { profile, county } = ctx;
  const p = profile.county;
  const items: CountyItemResult[] = INDICATOR_CODES.map((c) => resourceItem(c, ctx));
  items.push(
    qualitativeItem("201", county),
    qualitativeItem("202", county),
    roomsItem(ctx),
    scaleItem(ctx),
    classSizeItem(ctx),
    flagItem("206", "smallSchoolFunding", "对学生数不足100人的村小学和教学点按100人核定公用经费", county),
  );
  {
    const requirement = `特殊教育学校生均公用经费不低于${p.specialEdFundsPerStudent}元`;
    const r = numberOf(county, "specialEdFundsPerStudent");
    items.push(
      r.ok
        ? item("207", r.v, `${num(r.v)}元`, requirement, reaches(r.v, p.specialEdFundsPerStudent, profile.tolerance) ? "met" : "unmet")
        : failed("207", requirement, r),
    );
  }
  items.push(
    salaryItem(ctx),
    schoolTotalItem("209", "trainedTeachers", p.trainingCompletion, `教师5年360学时培训完成率达到${pct(p.trainingCompletion)}`, ctx),
    qualitativeItem("210", county),
    rotationItem(ctx),
    schoolTotalItem("212", "certifiedTeachers", p.certification, `专任教师持有教师资格证上岗率达到${pct(p.certification)}`, ctx),
    nearbyItem(ctx),
    quotaItem(ctx),
    ratioItem("215", "migrantInPublic", "migrantChildren", p.migrantShare, `随迁子女在公办学校和政府购买服务的民办学校就读比例不低于${pct(p.migrantShare)}`, ctx),
    retentionItem(ctx),
    disabledItem(ctx),
    charterItem(ctx),
    fundsItem(ctx),
    qualitativeItem("305", county),
    qualitativeItem("306", county),
    qualitativeItem("307", county),
    qualitativeItem("308", county),
    monitoringItem(ctx),
    recognitionItem(ctx),
    vetoItem(county),
  );
  return items;
}
