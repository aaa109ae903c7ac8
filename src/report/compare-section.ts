/**
 * The report's 与上年比较 paragraph: passing schools and 综合差异系数 of both years per group, how many
 * indicator statuses improved or fell back, and the schools added, removed or renamed, from a
 * Comparison (engine/compare.ts). Pure; the report places it (after 资源配置) when a comparison is given.
 */
import { cv } from "../engine/format";
import type { Comparison } from "../engine/compare";
import { SECTION_LABEL, SECTIONS } from "../engine/types";
import { direction } from "../workbook/render-compare";
import { heading, para } from "./outline";
import type { ReportBlock } from "./outline";

const CHANGE_WORD = (d: number) => (d > 0 ? "增加" : "减少");

/** The heading and paragraph (code "compare"); empty without a comparison. */
export function compareSection(c: Comparison | undefined, whole: string): ReportBlock[] {
  if (!c) return [];
  const parts: string[] = [];
  for (const s of SECTIONS) {
    const k = c.counts[s];
    if (k.old.units === 0 && k.new.units === 0) continue;
    const d = k.new.passing - k.old.passing;
    const passing = d === 0 ? `达标学校${k.new.passing}所，与上年持平` : `达标学校由${k.old.passing}所${CHANGE_WORD(d)}到${k.new.passing}所`;
    const b = c.balance[s].composite;
    const comp = b.old !== null && b.new !== null ? `，综合差异系数由${cv(b.old)}变为${cv(b.new)}` : "";
    parts.push(`${SECTION_LABEL[s]}参评${k.new.units}所（上年${k.old.units}所），${passing}${comp}`);
  }
  const changes = c.units.flatMap((u) => Object.values(u.changes));
  const better = changes.filter((x) => direction(x!) > 0).length;
  const worse = changes.filter((x) => direction(x!) < 0).length;
  let text = `与上年相比，${whole}${parts.join("；")}。`;
  if (better || worse) text += `各校资源配置指标中，${better}项状态好转，${worse}项退步。`;
  const moves: string[] = [];
  if (c.added.length) moves.push(`新增${c.added.length}所`);
  if (c.removed.length) moves.push(`减少${c.removed.length}所`);
  if (c.renamed.length) moves.push(`更名${c.renamed.length}所`);
  if (moves.length) text += `学校${moves.join("、")}（明细见工作簿「与上年比较」）。`;
  return [heading(3, "与上年比较"), para(text, "compare")];
}
