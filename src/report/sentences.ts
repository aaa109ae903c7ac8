/**
 * The 自查自评报告 draft as an outline, phrased like published district reports
 * (shared/seed/qijiang-self-evaluation-report.txt). Pure functions: assessment + what was read in,
 * outline out. Every figure comes from the assessment or the dataset it was computed from; the
 * bureau's own words are left as highlighted 【请填写：…】 placeholders.
 *
 * The report is the list REPORT_SECTIONS of section builders (sections/*.ts, one file per part of
 * the report); 四 has its own list of parts, PROBLEM_PARTS (sections/problems.ts).
 */
import type { Assessment } from "../engine/types";
import type { ReadResult } from "../workbook/contract";
import { heading, placeholder, type ReportBlock, type ReportOutline } from "./outline";
import { basicSituation } from "./sections/basic";
import { listShortfalls } from "../workbook/shortfalls";
import { attachment, attachmentNote } from "./sections/attachment";
import { areaSection, recognitionAndVeto } from "./sections/items";
import { conclusion, practiceSection, problemsSection } from "./sections/problems";
import { resourceSection } from "./sections/resources";
import { standardSentence } from "./sections/standard";
import { compareSection } from "./compare-section";
import { countyWords, type ReportContext, type ReportOptions, type SectionBuilder } from "./sections/words";

export type { ReportOptions, ReportContext, SectionBuilder, CountyWords } from "./sections/words";
export { countyWords, nameList, unitName, NAMES_IN_SENTENCE, bracketDepth, proseText } from "./sections/words";
export { basicFacts, sectionTeachers, type BasicFacts } from "./sections/basic";
export { balanceSentence, cvTable, indicatorSentence, passingSentence, resourceSection } from "./sections/resources";
export { itemFigures, itemParagraph, itemLabel } from "./sections/items";
export { shortfallTable, SHORTFALL_ROWS_IN_REPORT, ATTACHMENT_TITLE } from "./sections/attachment";
export { PROBLEM_PARTS, problemGroups, problemList, planPart, nextSteps, problemsSection, conclusion } from "./sections/problems";
export { profileChanges, standardSentence } from "./sections/standard";

const intro: SectionBuilder = ({ w }) => [
  {
    kind: "paragraph",
    runs: [
      { text: `近年来，${w.name}` },
      placeholder("指导思想与总体工作概述"),
      { text: `，全力推进县域义务教育优质均衡发展${w.unit}创建工作。现将自查自评报告如下：` },
    ],
  },
];

const indicatorsHeading: SectionBuilder = ({ a }) => {
  const changed = standardSentence(a.profile);
  return [heading(1, "二、指标达标情况"), ...(changed ? [changed] : [])];
};

/** The body of the report, in order. */
export const REPORT_SECTIONS: SectionBuilder[] = [
  intro,
  basicSituation,
  indicatorsHeading,
  resourceSection,
  (ctx) => compareSection(ctx.comparison, ctx.w.whole),
  (ctx) => areaSection(ctx, "government", "（二）政府保障程度"),
  (ctx) => areaSection(ctx, "quality", "（三）县域内义务教育质量情况"),
  recognitionAndVeto,
  conclusion,
  practiceSection,
  (ctx) => problemsSection(ctx),
];

/** The whole report outline: the body, 附件说明, 署名, 成文日期 and the 附件. */
export function buildReportOutline(a: Assessment, read: ReadResult, opts: ReportOptions = {}): ReportOutline {
  const w = countyWords(read, opts);
  const shortfalls = listShortfalls(a, read);
  const ctx: ReportContext = { a, read, w, shortfalls, hasAttachment: shortfalls.length > 0, comparison: opts.comparison };
  const issuer = opts.issuer ?? `${w.name}人民政府`;
  const blocks: ReportBlock[] = REPORT_SECTIONS.flatMap((build) => build(ctx));
  blocks.push(...signatureBlocks(issuer, ctx.hasAttachment));
  if (ctx.hasAttachment) blocks.push(...attachment(ctx));
  return { issuer, title: `创建全国义务教育优质均衡发展${w.unit}自查自评报告`, blocks };
}

function signatureBlocks(issuer: string, withAttachment: boolean): ReportBlock[] {
  return [
    ...(withAttachment ? [attachmentNote()] : []),
    { kind: "paragraph", role: "signature", runs: [{ text: issuer, placeholder: true }] },
    { kind: "paragraph", role: "date", runs: [{ text: "××××年××月××日", placeholder: true }] },
  ];
}
