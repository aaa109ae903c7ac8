/**
 * 二、（二）政府保障程度, （三）县域内义务教育质量情况, （四）社会认可度, （五）一票否决: one paragraph
 * per item, 「指标214：优质高中招生名额分配（自评达标）。2024年全区优质高中招生数为3445人，…」 — the
 * seed report's sentence for each fact, with the engine's figures and verdict. Where the seed has
 * a year the bureau fills it in (highlighted ××××年).
 */
import { num, percent, statusLabel } from "../../engine/format";
import type { Assessment, CountyItemResult } from "../../engine/types";
import { SECTION_LABEL, SECTIONS } from "../../engine/types";
import type { ReadResult } from "../../workbook/contract";
import { heading, para, placeholder, yearPlaceholder, type ParagraphBlock, type ReportBlock, type TextRun } from "../outline";
import { NOUN, nameList, pct, proseText, type CountyWords, type ReportContext } from "./words";

const QUALITATIVE = new Set(["201", "202", "210", "305", "306", "307", "308"]);
/** Items whose sentence starts with a year in the seed (「2024年全区…」). */
const YEAR_FIRST = new Set(["208", "214", "304"]);

/** The verdict in the heading bracket: the seed's 自评达标 for every item that is met. */
export function itemLabel(item: CountyItemResult): string {
  if (item.status === "met") return "自评达标";
  if (item.status === "unmet" && QUALITATIVE.has(item.code)) return "自评未达标";
  return statusLabel(item.status);
}

/** 「全区69所小学有66所达标、3所基本达标；25所初中有21所达标、4所基本达标」 (204, 205). */
function checkCountsSentence(a: Assessment, code: "204" | "205", w: CountyWords): string {
  const parts = SECTIONS.filter((s) => a.counts[s].checks[code].total > 0).map((s, i) => {
    const k = a.counts[s].checks[code];
    const bits = [`${k.met}所达标`];
    if (k.basic) bits.push(`${k.basic}所基本达标`);
    if (k.unmet) bits.push(`${k.unmet}所未达标`);
    if (k.error) bits.push(`${k.error}所数据有误`);
    return `${i === 0 ? w.whole : ""}${k.total}所${NOUN[s][1]}有${bits.join("、")}`;
  });
  return parts.join("；");
}

function namesPhrase(label: string, names: string[]): string {
  return names.length ? `${label}${names.length}所，为${nameList(names)}。` : "";
}

/** Figures of one 201–309 item in the seed's words, from the engine's item (value and details). */
export function itemFigures(item: CountyItemResult, a: Assessment, read: ReadResult, w: CountyWords): string {
  const d = item.details ?? {};
  const dn = (k: string): number | null => (typeof d[k] === "number" ? (d[k] as number) : null);
  const v = typeof item.value === "number" ? item.value : null;
  const fallback = `要求${proseText(item.requirement)}。`;
  const unmetSchools = (pick: (c: Assessment["schools"][number]) => boolean) => a.schools.filter(pick).map((c) => c.school);
  if (item.status === "skipped") return fallback;
  switch (item.code) {
    case "203": {
      const groups = SECTIONS.filter((s) => (dn(`${s}Required`) ?? 0) > 0).map(
        (s, i) =>
          `${i === 0 ? w.whole : ""}${SECTION_LABEL[s]}应配音乐、美术专用教室各${dn(`${s}Required`)}间，` +
          `实有面积达标数音乐${dn(`${s}Music`) ?? 0}间、美术${dn(`${s}Art`) ?? 0}间`,
      );
      if (!groups.length) return fallback;
      return `${groups.join("；")}。${namesPhrase("未配足的学校", unmetSchools((c) => c.rooms.status === "unmet"))}`;
    }
    case "204":
      return `${checkCountsSentence(a, "204", w)}。${namesPhrase("超过规模上限的学校", unmetSchools((c) => c.scale.status === "unmet"))}`;
    case "205": {
      const large = a.profile.classSize.large;
      const big = unmetSchools((c) => Object.values(c.classSize).some((x) => x !== undefined && x.status === "unmet"));
      const tail = big.length
        ? `有${large}人及以上大班额的学校${big.length}所，为${nameList(big)}。`
        : d.noLargeClasses === true
          ? `所有班级中没有${large}人及以上大班额。`
          : "";
      return `${checkCountsSentence(a, "205", w)}。${tail}`;
    }
    case "206": {
      const small = read.dataset.schools.filter((s) => s.type === "教学点" && (s.values.primaryStudents ?? 0) < 100).length;
      if (item.value === "是") return `对${small}所学生数不足100人的教学点按100人核定公用经费。`;
      if (item.value === "否") return `${small}所学生数不足100人的教学点未按100人核定公用经费。`;
      return fallback;
    }
    case "207": {
      if (v === null) return fallback;
      const need = a.profile.county.specialEdFundsPerStudent;
      return item.status === "met"
        ? `特殊教育学校按每生每年${num(v)}元核定公用经费。`
        : `特殊教育学校生均公用经费为每生每年${num(v)}元，低于每生每年${num(need)}元的标准。`;
    }
    case "208": {
      const t = dn("teacherSalary");
      const c = dn("civilServantSalary");
      if (t === null || c === null) return fallback;
      const cmp = t > c ? "高于" : t === c ? "不低于" : "低于";
      return `${w.whole}义务教育学校教师年均工资收入${num(t)}元，${cmp}本地公务员的年均工资收入${num(c)}元。`;
    }
    case "209": {
      const part = dn("numerator");
      const all = dn("denominator");
      if (part === null || all === null || v === null) return fallback;
      const note = typeof d.note === "string" ? `，${d.note}` : "";
      return `${w.whole}义务教育学校专任教师${num(all)}人，5年360学时培训完成${num(part)}人，培训完成率${v >= 1 ? "达" : "为"}${pct(v)}${note}。`;
    }
    case "212": {
      const part = dn("numerator");
      const all = dn("denominator");
      if (part === null || all === null || v === null) return fallback;
      const note = typeof d.note === "string" ? `，${d.note}` : "";
      if (v >= 1) return `${w.whole}义务教育学校有专任教师${num(all)}人，持证上岗率达100%${note}。`;
      return `${w.whole}义务教育学校有专任教师${num(all)}人，持证${num(part)}人，持证上岗率为${pct(v)}${note}。`;
    }
    case "211": {
      const r = dn("rotated");
      const e = dn("eligible");
      const b = dn("backbone");
      if (r === null || e === null || b === null) return fallback;
      return (
        `上学年${w.whole}交流轮岗教师${num(r)}名，占符合交流条件教师数${num(e)}名的${pct(dn("rotationRate"))}；` +
        `其中交流骨干教师${num(b)}名，占交流教师数的${pct(dn("backboneShare"))}。`
      );
    }
    case "213": {
      const p = dn("primary");
      const j = dn("junior");
      if (p === null || j === null) return fallback;
      if (p >= 1 && j >= 1) return `${w.whole}城区和镇区公办小学、初中就近划片入学比例均达100%。`;
      return `${w.whole}城区和镇区公办小学就近划片入学比例为${pct(p)}，公办初中为${pct(j)}。`;
    }
    case "214": {
      const q = dn("numerator");
      const t = dn("denominator");
      if (q === null || t === null || v === null) return fallback;
      const tilt = d.ruralTilt === true ? "，并做到了向农村初中倾斜" : d.ruralTilt === false ? "，未做到向农村初中倾斜" : "";
      return `${w.whole}优质高中招生数为${num(t)}人，指标到校数为${num(q)}人，指标到校比例为${pct(v)}${tilt}。`;
    }
    case "215": {
      const p = dn("numerator");
      const t = dn("denominator");
      if (p === null || t === null || v === null) return fallback;
      return `${w.whole}现有随迁子女${num(t)}人，在公办学校和政府购买服务的民办学校就读${num(p)}人，就读比例${pct(v)}。`;
    }
    case "301":
      return v === null ? fallback : `${w.whole}初中三年巩固率为${pct(v)}。`;
    case "302": {
      const c = dn("children");
      const n = dn("enrolled");
      if (c === null || n === null || v === null) return fallback;
      const parts: [string, number | null][] = [
        [`在本${w.unit}特殊教育学校就读`, dn("disabledInSpecialSchool")],
        [`本${w.unit}随班就读`, dn("disabledInRegularClass")],
        [`${w.unit}外就读`, dn("disabledOutside")],
        ["其他方式就读", dn("disabledOther")],
      ];
      const given = parts.filter((x): x is [string, number] => x[1] !== null);
      const detail = given.length ? given.map(([k, x]) => `${k}${num(x)}人`).join("、") : `入学${num(n)}人`;
      return `${w.whole}义务教育学校招生范围内的适龄残疾儿童少年${num(c)}人，${detail}，入学率${pct(v)}。`;
    }
    case "303":
      return charterFigures(a, dn("schools"), dn("schoolsMet")) ?? fallback;
    case "304": {
      const t = dn("trainingFunds");
      const f = dn("publicFunds");
      if (t === null || f === null || v === null) return fallback;
      const share = Math.round(a.profile.county.trainingFundsShare * 100);
      return (
        `${w.whole}小学、初中公用经费预算总额${num(f)}万元，教师培训费预算${num(t)}万元，` +
        `教师培训费占公用经费总额的${percent(v, 2)}。` +
        namesPhrase(`培训经费低于公用经费${share}%的学校`, unmetSchools((c) => c.trainingFunds.status === "unmet"))
      );
    }
    default:
      return fallback;
  }
}

/**
 * 303 counts schools (a 九年一贯制学校 is one school), 一、基本情况 counts 小学 and 初中 (the
 * same school twice): the sentence says how the two counts relate when they differ.
 */
function charterFigures(a: Assessment, all: number | null, met: number | null): string | null {
  if (!all || met === null) return null;
  const units = a.units.filter((u) => u.included).length;
  const twoSection = new Set<number>();
  const seen = new Set<number>();
  for (const u of a.units) {
    if (!u.included) continue;
    if (seen.has(u.schoolIndex)) twoSection.add(u.schoolIndex);
    seen.add(u.schoolIndex);
  }
  const how =
    all === units
      ? ""
      : all === units - twoSection.size
        ? `（按学校计共${all}所，其中${twoSection.size}所一贯制学校的小学部、初中部按1所计）`
        : `（按学校计共${all}所）`;
  const without = a.schools.filter((c) => c.charter.status === "unmet").map((c) => c.school);
  if (met === all) return `所有学校均建立了章程，章程建设覆盖率100%${how}。`;
  return `${all}所学校中有${all - met}所尚无章程${how}，为${nameList(without)}。`;
}

export function itemParagraph(item: CountyItemResult, a: Assessment, read: ReadResult, w: CountyWords): ParagraphBlock {
  if (QUALITATIVE.has(item.code)) {
    const note = read.dataset.county.qualitativeNotes?.[item.code as keyof typeof read.dataset.county.qualitativeNotes];
    return {
      kind: "paragraph",
      code: item.code,
      runs: [{ text: `指标${item.code}：${item.name}（${itemLabel(item)}）。` }, note ? { text: note } : placeholder(`${item.name}的具体做法和佐证`)],
    };
  }
  // Pending: the reason is the whole sentence (309: 「待接受国家义务教育质量监测」, said once).
  if (item.status === "pending") return para(`指标${item.code}：${item.name}。${item.reason ?? "待定"}。`, item.code);
  const why = item.status === "skipped" && item.reason ? `${proseText(item.reason)}。` : "";
  const runs: TextRun[] = [{ text: `指标${item.code}：${item.name}（${itemLabel(item)}）。` }];
  if (YEAR_FIRST.has(item.code) && item.status !== "skipped") runs.push(yearPlaceholder());
  runs.push({ text: `${itemFigures(item, a, read, w)}${why}` });
  return { kind: "paragraph", code: item.code, runs };
}

export function areaSection(ctx: ReportContext, area: "government" | "quality", title: string): ReportBlock[] {
  const { a, read, w } = ctx;
  return [heading(2, title), ...a.items.filter((i) => i.area === area).map((i) => itemParagraph(i, a, read, w))];
}

export function recognitionAndVeto({ a }: ReportContext): ReportBlock[] {
  const out: ReportBlock[] = [heading(2, "（四）社会认可度")];
  const rec = a.items.find((i) => i.code === "recognition");
  if (rec) {
    const v = typeof rec.value === "number" ? rec.value : null;
    const need = percent(a.profile.county.socialRecognition, 0);
    const text =
      rec.status === "pending"
        ? "正接受社会认可度调查。"
        : v !== null
          ? `社会认可度为${percent(v)}，${rec.status === "met" ? "达到" : "未达到"}${need}以上的要求。`
          : `社会认可度${statusLabel(rec.status)}${rec.reason ? `，${proseText(rec.reason)}` : ""}。`;
    out.push(para(text, "recognition"));
  }
  out.push(heading(2, "（五）一票否决"));
  const veto = a.items.find((i) => i.code === "veto");
  if (veto && veto.status === "unmet") out.push(para(`存在一票否决情形：${String(veto.value)}。`, "veto"));
  else if (veto && veto.status === "met") out.push(para("不存在一票否决的任何一种情形。", "veto"));
  else out.push(para(`一票否决情形尚未确认${veto?.reason ? `，${proseText(veto.reason)}` : ""}。`, "veto"));
  return out;
}
