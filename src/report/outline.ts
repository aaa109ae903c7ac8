/**
 * The report as a structured outline: headings, paragraphs, tables, figures and placeholders.
 *
 * The sentence builders (sentences.ts) produce this; the docx writer (docx.ts) turns it into a
 * .docx. Tests read the outline directly, without Word. Pure data, no imports.
 */

/**
 * A run of text. `placeholder` runs are the bureau's to replace or delete before sending: blanks to
 * fill (【请填写：…】, ××××年) and the tool's own notes (【提示：…】). Word shows them highlighted yellow.
 */
export interface TextRun {
  text: string;
  bold?: boolean;
  placeholder?: boolean;
}

export interface HeadingBlock {
  kind: "heading";
  /** GB/T 9704 levels: 1 「一、」 黑体, 2 「（一）」 楷体, 3 「1.」 仿宋 bold. */
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
  /**
   * Paragraphs laid out apart from the body (GB/T 9704): the 附件说明 under the text, the 署名 and
   * 成文日期, the 「附件」 mark at the top left of a new page and the attachment's title.
   */
  role?: "attachment-note" | "signature" | "date" | "attachment-mark" | "attachment-title";
}

/** A merged cell: `rows` × `cols` cells from (row, col), counted over header rows then body rows. */
export interface CellSpan {
  row: number;
  col: number;
  rows?: number;
  cols?: number;
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
  /**
   * Column widths in characters of the table's font (the writer widens them in proportion to the
   * text width, so a column never gets narrower than this); equal when absent.
   */
  widths?: number[];
  /** Merged cells (their other cells hold ""). Header cells with the same text stacked in a column merge too. */
  spans?: CellSpan[];
  /** Body columns whose equal consecutive values are printed once, as one merged cell (学校, 学段). */
  groupCols?: number[];
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
/** The tool's own note to the bureau, to be deleted before sending (highlighted like a placeholder). */
export const toolNote = (text: string): TextRun => ({ text: `【提示：${text}】`, placeholder: true });
/** A year left for the bureau, where the seed report has one (「2024年全区…」). */
export const yearPlaceholder = (): TextRun => ({ text: "××××年", placeholder: true });

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
