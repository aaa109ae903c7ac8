/**
 * The 附件: 未达标与基本达标情况清单 — every shortfall of the workbook's 「问题清单」
 * (workbook/shortfalls.ts, so the two always agree), one row each, the school printed once for its
 * rows, units in the 指标（单位） column and the 差距 filled for every kind, 203 (rooms of each
 * kind), 204 (students over the limit) and 205 (largest class over the limit) included.
 */
import { fixed, num, statusLabel } from "../../engine/format";
import { SECTION_LABEL } from "../../engine/types";
import type { Assessment, IndicatorCode } from "../../engine/types";
import type { ReadResult } from "../../workbook/contract";
import { listShortfalls, type Shortfall } from "../../workbook/shortfalls";
import { para, type ParagraphBlock, type ReportBlock, type TableBlock } from "../outline";
import type { ReportContext } from "./words";

/**
 * Rows of the list printed in the report; the full list stays in the workbook's 「问题清单」. A report
 * of a large county would otherwise run to dozens of pages (and the docx writer slows down).
 */
export const SHORTFALL_ROWS_IN_REPORT = 150;

export const ATTACHMENT_TITLE = "未达标与基本达标情况清单";

const ROOM_KIND: Record<string, string> = { "音乐专用教室（间）": "音乐", "美术专用教室（间）": "美术" };

/** Gaps without the spaces of the sheet's texts: 「需增加骨干教师 2 人」 → 「需增加骨干教师2人」. */
const tight = (s: string) => s.replace(/\s+/g, "");

function row(s: Shortfall, a: Assessment, checksOf: Map<number, Assessment["schools"][number]>): string[] {
  const p = a.profile;
  const checks = checksOf.get(s.schoolIndex);
  const section = s.section ? SECTION_LABEL[s.section] : "全校";
  const status = statusLabel(s.status);
  switch (s.code) {
    case "203": {
      const kind = ROOM_KIND[s.item] ?? "";
      const need = checks?.rooms.required.total ?? 0;
      const have = typeof s.value === "number" ? s.value : 0;
      return [s.school, section, `203${kind}专用教室（间）`, num(have), num(need), status, `需增加${kind}专用教室${need - have}间`];
    }
    case "204": {
      const limit = checks?.scale.limit ?? 0;
      const n = typeof s.value === "number" ? s.value : 0;
      return [s.school, section, "204办学规模（人）", num(n), num(limit), status, `超出规定规模${num(n - limit)}人`];
    }
    case "205": {
      const limit = s.section ? p.classSize[s.section] : 0;
      const n = typeof s.value === "number" ? s.value : 0;
      return [s.school, section, "205最大班额（人）", num(n), num(limit), status, `最大班额超出规定班额${num(n - limit)}人`];
    }
    case "304": {
      const ratio = typeof s.value === "number" ? s.value : null;
      return [s.school, section, "304培训经费占比（%）", fixed(ratio === null ? null : ratio * 100, 2), num(p.county.trainingFundsShare * 100), status, tight(s.action)];
    }
    default: {
      const rule = p.indicators[s.code as IndicatorCode];
      const threshold = s.section ? rule.threshold[s.section] : 0;
      const value = typeof s.value === "number" ? fixed(s.value, 2) : "";
      return [s.school, section, `${s.code}${rule.shortName}（${rule.unit}）`, value, num(threshold, 4), status, tight(s.action)];
    }
  }
}

/** The shortfall list as a table (all rows; the caller caps them). */
export function shortfallTable(a: Assessment, read: ReadResult, shortfalls: Shortfall[] = listShortfalls(a, read)): TableBlock {
  const checksOf = new Map(a.schools.map((c) => [c.schoolIndex, c]));
  return {
    kind: "table",
    caption: ATTACHMENT_TITLE,
    header: [["学校", "学段", "指标（单位）", "现值", "标准值", "状态", "差距"]],
    rows: shortfalls.map((s) => row(s, a, checksOf)),
    numericCols: [3, 4],
    // In characters of the table font: 「基本达标」 needs 4, 「标准值」 3, figures up to 8 digits.
    widths: [6.5, 2.4, 8.5, 4, 3.2, 4.2, 8.2],
    groupCols: [0],
  };
}

/** 附件说明 under the body text (GB/T 9704 7.3.3): 「附件：未达标与基本达标情况清单」. */
export function attachmentNote(): ParagraphBlock {
  return { kind: "paragraph", role: "attachment-note", runs: [{ text: `附件：${ATTACHMENT_TITLE}` }] };
}

/** The 附件 itself, on a new page: 「附件」 at the top left, its title, the table. */
export function attachment({ a, read, shortfalls }: ReportContext): ReportBlock[] {
  const table = shortfallTable(a, read, shortfalls);
  const total = table.rows.length;
  if (!total) return [];
  const capped = total > SHORTFALL_ROWS_IN_REPORT;
  if (capped) table.rows = table.rows.slice(0, SHORTFALL_ROWS_IN_REPORT);
  // The title above says what the table is: no caption of its own.
  table.caption = "";
  const title = `${ATTACHMENT_TITLE}${capped ? `（前${SHORTFALL_ROWS_IN_REPORT}条，共${total}条）` : ""}`;
  const out: ReportBlock[] = [
    { kind: "paragraph", role: "attachment-mark", runs: [{ text: "附件" }] },
    { kind: "paragraph", role: "attachment-title", runs: [{ text: title }] },
    table,
  ];
  if (capped) {
    out.push(para(`本清单仅列出前${SHORTFALL_ROWS_IN_REPORT}条，其余${total - SHORTFALL_ROWS_IN_REPORT}条见工作簿「问题清单」或导出上报工作簿。`, "problem-more"));
  }
  return out;
}
