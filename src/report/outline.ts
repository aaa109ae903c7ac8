/**
 * The report as a structured outline: headings, paragraphs, tables, figures and placeholders.
 *
 * The sentence builders (sentences.ts) produce this; the docx writer (docx.ts) turns it into a
 * .docx. Tests read the outline directly, without Word. Pure data, no imports.
 */

/** A run of text; `placeholder` runs are the bureau's to replace (shown highlighted in Word). */
export interface TextRun {
  text: string;
  bold?: boolean;
  placeholder?: boolean;
}

export interface HeadingBlock {
  kind: "heading";
  /** 1: 一、…  2: （一）…  3: a bold run-in line such as 社会认可度. */
  level: 1 | 2 | 3;
  text: string;
}

export interface ParagraphBlock {
  kind: "paragraph";
  runs: TextRun[];
  /** Indicator code the paragraph is about, when it is about one (tests and navigation). */
  code?: string;
  /** Centered paragraphs (title lines). */
  align?: "center" | "right";
}

export interface TableBlock {
  kind: "table";
  /** Caption printed above the table, e.g. "表1 差异系数". */
  caption: string;
  /** Header rows (one or two). */
  header: string[][];
  rows: string[][];
  /** Columns to keep narrow/right-aligned (numbers), 0-based. */
  numericCols?: number[];
  /** Relative column widths (the writer scales them to the text width); equal when absent. */
  widths?: number[];
}

export interface FigureBlock {
  kind: "figure";
  /** Which chart (charts/data.ts). */
  chart: "cv" | "status";
  caption: string;
  /** Legend and reading aid in words (the picture itself carries only digits). */
  note: string;
}

export type ReportBlock = HeadingBlock | ParagraphBlock | TableBlock | FigureBlock;

export interface ReportOutline {
  /** First title line: the government, e.g. "重庆市綦江区人民政府" (or the county name). */
  issuer: string;
  /** Main title, e.g. "綦江区义务教育优质均衡发展自查自评报告". */
  title: string;
  blocks: ReportBlock[];
}

/** Shorthands used by the builders. */
export const para = (text: string, code?: string): ParagraphBlock => ({ kind: "paragraph", runs: [{ text }], code });
export const heading = (level: 1 | 2 | 3, text: string): HeadingBlock => ({ kind: "heading", level, text });
export const placeholder = (text: string): TextRun => ({ text: `【请填写：${text}】`, placeholder: true });

/** Plain text of a block (tests, search, the bench's sanity check). */
export function blockText(b: ReportBlock): string {
  switch (b.kind) {
    case "heading":
      return b.text;
    case "paragraph":
      return b.runs.map((r) => r.text).join("");
    case "table":
      return [b.caption, ...b.header.map((r) => r.join("\t")), ...b.rows.map((r) => r.join("\t"))].join("\n");
    case "figure":
      return `${b.caption}\n${b.note}`;
  }
}

/** The whole outline as plain text, one block per line. */
export function outlineText(o: ReportOutline): string {
  return [o.issuer, o.title, ...o.blocks.map(blockText)].join("\n");
}
