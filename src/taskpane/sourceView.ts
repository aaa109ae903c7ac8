/**
 * What the pane shows about where the school data came from: the sheet(s) and layout found, the
 * other sheets that look like school data (the user may pick one), and the 列对应 view — every field
 * the assessment needs with the column(s) it was read from, or 未找到, and the sheet's header paths
 * as the choices of a drop-down.
 */
import type { Section } from "../engine/types";
import type { LayoutKind, ReadResult } from "../workbook/contract";
import { COLUMN_BY_FIELD, QUIET_OPTIONAL_FIELDS } from "../workbook/fields";
import { colLetter } from "../workbook/text";

export const LAYOUT_LABEL: Record<LayoutKind, string> = {
  template: "模板", statistics: "统计报表导出", sections: "按学段分表", values: "表Ⅱ-2指标值", mapping: "按「列对应」读取",
};

export interface SourceField {
  sheet: string;
  section: Section | null;
  field: string;
  label: string;
  /** Column letters (「D」, 「N+O+P」), "" when not found. */
  formula: string;
  /** The header path(s) used, or 未找到. */
  header: string;
}

export interface SourceView {
  sheets: string[];
  layout: string;
  candidates: string[];
  fields: SourceField[];
  /** Header paths per sheet: the drop-down choices (column letter and text). */
  headers: Record<string, { letter: string; text: string }[]>;
}

export function sourceView(read: ReadResult): SourceView {
  const { mapping } = read;
  const fields: SourceField[] = mapping.fields
    .filter((f) => f.field !== "code")
    .map((f) => ({ sheet: f.sheet, section: f.section, field: f.field, label: COLUMN_BY_FIELD.get(f.field)?.header ?? f.field, formula: f.formula, header: f.header }));
  const first = read.layouts[0];
  for (const f of read.dataset.absentFields ?? []) {
    if (QUIET_OPTIONAL_FIELDS.has(f)) continue;
    fields.push({ sheet: first.sheet, section: first.section, field: f, label: COLUMN_BY_FIELD.get(f)?.header ?? f, formula: "", header: "未找到" });
  }
  const headers: SourceView["headers"] = {};
  for (const [sheet, list] of Object.entries(mapping.headers)) headers[sheet] = list.map((h) => ({ letter: colLetter(h.col), text: h.text }));
  return {
    sheets: read.layouts.map((l) => l.sheet),
    layout: LAYOUT_LABEL[first.kind] + (mapping.bySheet ? "，按「列对应」表读取" : ""),
    candidates: read.candidateSheets,
    fields,
    headers,
  };
}
