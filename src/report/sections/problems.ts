/**
 * 自评结论 (综上), 三、主要做法 and 四、存在问题与下一步工作, then the 署名 and 成文日期.
 *
 * 四 is a list of parts (PROBLEM_PARTS): the problems the data shows, then 下一步工作. Further parts
 * (the 整改测算 of issue 14) go into that list between the two.
 */
import { cv, fixed } from "../../engine/format";
import type { Assessment } from "../../engine/types";
import { INDICATOR_CODES, SECTION_LABEL, SECTIONS } from "../../engine/types";
import { heading, para, placeholder, toolNote, type ParagraphBlock, type ReportBlock } from "../outline";
import { planSection } from "../plan-section";
import type { ReportContext, SectionBuilder } from "./words";

const NUMBERS = ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）"];

/** Distinct schools of the 附件 rows for some codes (the count the sentences quote). */
function schoolsShort(ctx: ReportContext, codes: string[]): number {
  return new Set(ctx.shortfalls.filter((s) => codes.includes(s.code)).map((s) => s.schoolIndex)).size;
}

/** Problems the data shows, by area; each names what fell short (the figures are said once, in 二). */
export function problemGroups(ctx: ReportContext): { title: string; lines: string[] }[] {
  const { a } = ctx;
  const see = ctx.hasAttachment ? "，各校差距见附件" : "";
  const resources: string[] = [];
  for (const s of SECTIONS) {
    const c = a.counts[s];
    const sec = SECTION_LABEL[s];
    if (c.units > c.passing) resources.push(`${sec}有${c.units - c.passing}所学校资源配置未达到要求。`);
    for (const code of INDICATOR_CODES) {
      const k = c.indicators[code];
      const name = `指标${code}${a.profile.indicators[code].name}`;
      if (k.unmet) resources.push(`${sec}${name}有${k.unmet}所学校低于标准值的${Math.round(a.profile.basicRatio * 100)}%${see}。`);
      else if (k.basic) resources.push(`${sec}${name}有${k.basic}所学校基本达标，尚未全部达到标准值${see}。`);
    }
    const g = a.balance[s];
    if (g.pass === false) {
      const over = g.failing.map((x) => `指标${x}为${cv(g.indicators[x].cv)}`).join("、") || `综合差异系数为${cv(g.composite)}`;
      resources.push(`${sec}校际差异系数超过${fixed(g.limit, 2)}，其中${over}。`);
    }
  }
  const items = (area: "government" | "quality") =>
    a.items
      .filter((i) => i.area === area && i.status === "unmet")
      .map((i) => {
        const n = ["203", "204", "205", "304"].includes(i.code) ? schoolsShort(ctx, [i.code]) : 0;
        return `指标${i.code}${i.name}未达标${n ? `，涉及${n}所学校${see}` : ""}。`;
      });
  const others = a.items.filter((i) => (i.code === "recognition" || i.code === "veto") && i.status === "unmet").map((i) => `${i.name}未达到要求。`);
  return [
    { title: "资源配置", lines: resources },
    { title: "政府保障程度", lines: items("government") },
    { title: "教育质量", lines: items("quality") },
    { title: "社会认可度与一票否决", lines: others },
  ].filter((g) => g.lines.length);
}

/** 四（一）: the problems, each area a 「1.」 heading. */
export const problemList: SectionBuilder = (ctx) => {
  const groups = problemGroups(ctx);
  const out: ReportBlock[] = [heading(2, "（一）存在问题")];
  if (!groups.length) {
    out.push(para(`对照评估标准，${ctx.w.whole}各项数据指标均已达到要求。`, "problem"));
    return out;
  }
  out.push({
    kind: "paragraph",
    runs: [{ text: `对照评估标准，${ctx.w.whole}目前还存在以下问题。` }, toolNote("以下问题由评估数据自动列出，请核实后删除本提示")],
  });
  groups.forEach((g, i) => {
    out.push(heading(3, `${i + 1}.${g.title}`));
    for (const line of g.lines) out.push(para(line, "problem"));
  });
  return out;
};

/** 四（二）: the measures are the bureau's. */
export const nextSteps: SectionBuilder = (ctx) => [
  heading(2, "（二）下一步工作"),
  {
    kind: "paragraph",
    runs: [{ text: "下一步，" }, placeholder(problemGroups(ctx).length ? "针对上述问题的整改措施、责任单位和完成时限" : "巩固和提升优质均衡发展水平的工作打算")],
  },
];

/** 四（二）: the 整改测算 (engine/plan.ts), when the county needs additions. */
export const planPart: SectionBuilder = ({ a, w }) => {
  const paragraphs = planSection(a, w.whole);
  return paragraphs.length ? [heading(2, "（二）整改测算"), ...paragraphs] : [];
};

/**
 * The parts of 四、存在问题与下一步工作, in order. Another part (e.g. 整改测算) is added here, between
 * the problems and 下一步工作; parts number their own （一）（二） headings.
 */
export const PROBLEM_PARTS: SectionBuilder[] = [problemList, planPart, nextSteps];

export function problemsSection(ctx: ReportContext, parts: readonly SectionBuilder[] = PROBLEM_PARTS): ReportBlock[] {
  const out: ReportBlock[] = [heading(1, "四、存在问题与下一步工作")];
  // Renumber the parts' （一）（二）… headings in the order they come.
  let n = 0;
  for (const part of parts) {
    for (const b of part(ctx)) {
      if (b.kind === "heading" && b.level === 2) out.push({ ...b, text: NUMBERS[n++] + b.text.replace(/^（[一二三四五六七八九十]+）/, "") });
      else out.push(b);
    }
  }
  return out;
}

/**
 * 三、主要做法: the seed's five areas as （一）… headings (楷体, like every second level; the bureau
 * may retitle them), each with a placeholder for its text.
 */
export const practiceSection: SectionBuilder = () => {
  const topics = ["统筹协调与组织领导", "学校建设与资源配置", "教师队伍建设", "教育治理与质量提升", "督导考核"];
  return [
    heading(1, "三、主要做法"),
    ...topics.flatMap((t, i): ReportBlock[] => [
      heading(2, `${NUMBERS[i]}${t}`),
      { kind: "paragraph", code: "practice", runs: [placeholder(`${t}方面的主要做法、举措和成效`)] } satisfies ParagraphBlock,
    ]),
  ];
};

/** What is not yet met, by name only (the figures are said in 二). */
function blockerNames(a: Assessment): string[] {
  const out: string[] = [];
  for (const s of SECTIONS) {
    const c = a.counts[s];
    if (c.units > c.passing) out.push(`${SECTION_LABEL[s]}资源配置`);
    if (a.balance[s].pass === false) out.push(`${SECTION_LABEL[s]}校际差异系数`);
  }
  for (const i of a.items) {
    if (i.area === "resources" || i.status !== "unmet") continue;
    out.push(i.code === "recognition" || i.code === "veto" ? i.name : `指标${i.code}${i.name}`);
  }
  return out;
}

function pendingNames(a: Assessment): string[] {
  return a.items.filter((i) => i.status === "pending").map((i) => (i.code === "recognition" || i.code === "veto" ? i.name : `指标${i.code}${i.name}`));
}

/** 自评结论 from the engine's overall verdict, naming (not restating) what is open. */
export function conclusion({ a, w }: ReportContext): ReportBlock[] {
  const v = a.verdict;
  const pending = pendingNames(a);
  const pendingTail = pending.length ? `，${pending.join("、")}待定` : "";
  if (v.recognised === true) return [para(`综上，${w.whole}各项指标均达到国家县域义务教育优质均衡发展督导评估标准。`, "verdict")];
  const blockers = blockerNames(a);
  if (v.recognised === null) return [para(`综上，${w.whole}已评估的各项指标均达到要求${pendingTail}。`, "verdict")];
  if (!blockers.length) return [para(`综上，${w.whole}尚未达到国家县域义务教育优质均衡发展督导评估标准${pendingTail}。`, "verdict")];
  return [para(`综上，${w.whole}尚有${blockers.join("、")}未达到国家县域义务教育优质均衡发展督导评估标准${pendingTail}。`, "verdict")];
}
