/**
 * The report outline written as a .docx with the `docx` package, laid out by GB/T 9704-2012
 * (docx/layout.ts: page, grid, styles; docx/tables.ts: tables; docx/fonts.ts: the font table and
 * theme language written into the packed file). Works in Node and in the browser:
 * Packer.toArrayBuffer is used on both (no Buffer, no Blob).
 *
 * Placeholders and tool notes (TextRun.placeholder) are highlighted yellow so that none is sent.
 */
import { AlignmentType, Document, DocumentGridType, Footer, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, Table, TextRun } from "docx";
import type { Assessment } from "../engine/types";
import type { ReadResult } from "../workbook/contract";
import { reportCharts, type ChartId } from "../workbook/charts/data";
import { chartPng } from "./charts/png";
import { finishDocx } from "./docx/fonts";
import { CHAR_SPACE, CHARS_PER_LINE, LINE_PITCH, PAGE, PAGE_NUMBER_PARAGRAPH, STYLE, STYLES, TEXT_WIDTH, CHAR_WIDTH } from "./docx/layout";
import { tableXml } from "./docx/tables";
import type { ParagraphBlock, ReportBlock, ReportOutline, TextRun as OutlineRun } from "./outline";
import { buildReportOutline, type ReportOptions } from "./sentences";

export interface ChartPicture {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Width of the pictures in pixels at 96 dpi: the 版心 (156 mm). */
const PICTURE_WIDTH = Math.floor((TEXT_WIDTH / 1440) * 96);

function runs(rs: OutlineRun[]): TextRun[] {
  return rs.map((r) => new TextRun({ text: r.text, bold: r.bold, highlight: r.placeholder ? "yellow" : undefined }));
}

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** Width of a text in grid characters (half-width characters count half). */
const charsOf = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x2000 && ch !== "×" ? 0.5 : 1), 0);

/**
 * 署名 and 成文日期 (7.3.5.3): 署名 右空二字; the date one line under it, its first character two
 * characters right of the 署名's first, or 右空二字 with the 署名 moved left when the date is longer.
 */
function signatureIndents(blocks: ReportBlock[]): { signature: number; date: number } {
  const text = (role: string) => {
    const b = blocks.find((x) => x.kind === "paragraph" && x.role === role) as ParagraphBlock | undefined;
    return b ? b.runs.map((r) => r.text).join("") : "";
  };
  const ls = charsOf(text("signature"));
  const ld = charsOf(text("date"));
  if (ls - ld >= 2) return { signature: 2, date: ls - ld };
  return { signature: ld - ls + 4, date: 2 };
}

const ROLE_STYLE = {
  "attachment-note": STYLE.attachmentNote,
  signature: STYLE.signature,
  date: STYLE.date,
  "attachment-mark": STYLE.attachmentMark,
  "attachment-title": STYLE.attachmentTitle,
} as const;

function blockXml(b: ReportBlock, pictures: Partial<Record<ChartId, ChartPicture>>, sign: { signature: number; date: number }): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading":
      return [new Paragraph({ heading: HEADING[b.level], children: [new TextRun({ text: b.text })] })];
    case "paragraph": {
      if (b.role) {
        const right = b.role === "signature" ? sign.signature : b.role === "date" ? sign.date : null;
        return [new Paragraph({ style: ROLE_STYLE[b.role], pageBreakBefore: b.role === "attachment-mark" || undefined, indent: right === null ? undefined : { right: right * CHAR_WIDTH }, children: runs(b.runs) })];
      }
      if (b.align) {
        return [new Paragraph({ style: STYLE.body, alignment: b.align === "center" ? AlignmentType.CENTER : AlignmentType.RIGHT, indent: { firstLine: 0, firstLineChars: 0 }, children: runs(b.runs) })];
      }
      return [new Paragraph({ style: STYLE.body, children: runs(b.runs) })];
    }
    case "table":
      return tableXml(b);
    case "figure": {
      const pic = pictures[b.chart];
      const out: Paragraph[] = [];
      if (pic) {
        const h = Math.round((pic.height / pic.width) * PICTURE_WIDTH);
        out.push(
          new Paragraph({
            style: STYLE.figure,
            children: [
              new ImageRun({ type: "png", data: pic.png, transformation: { width: PICTURE_WIDTH, height: h }, altText: { name: b.caption, title: b.caption, description: b.note } }),
            ],
          }),
        );
      }
      out.push(new Paragraph({ style: STYLE.caption, keepNext: true, children: [new TextRun({ text: b.caption })] }));
      out.push(new Paragraph({ style: STYLE.figureNote, children: [new TextRun({ text: b.note })] }));
      return out;
    }
  }
}

/** 「— 1 —」 in 4号半角宋体: odd pages right, even pages left, each one character in. */
function pageNumberFooter(side: "odd" | "even"): Footer {
  return new Footer({
    children: [new Paragraph({ style: STYLE.footer, ...PAGE_NUMBER_PARAGRAPH[side], children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"] })] })],
  });
}

/** Title characters a 2号 line holds (156 mm ÷ 22 pt). */
const TITLE_CHARS = Math.floor(TEXT_WIDTH / 20 / 22);

/**
 * A title too long for one line is broken where the words allow (7.3.1: 回行时词意完整):
 * 「创建全国义务教育优质均衡发展区」「自查自评报告」.
 */
export function titleLines(t: string): string[] {
  if (charsOf(t) <= TITLE_CHARS) return [t];
  const at = t.lastIndexOf("自查自评报告");
  return at > 0 ? [t.slice(0, at), t.slice(at)] : [t];
}

/** Write an outline as .docx bytes. */
export async function writeDocx(outline: ReportOutline, pictures: Partial<Record<ChartId, ChartPicture>> = {}): Promise<Uint8Array> {
  const title = [outline.issuer, outline.title].map((t) => new Paragraph({ heading: HeadingLevel.TITLE, children: titleLines(t).map((line, i) => new TextRun({ text: line, break: i ? 1 : undefined })) }));
  const sign = signatureIndents(outline.blocks);
  const doc = new Document({
    creator: "优质均衡评估助手",
    title: outline.title,
    description: "由优质均衡评估助手根据评估结果生成的自查自评报告初稿",
    styles: STYLES,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: PAGE.header, footer: PAGE.footer },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        // A blank line between the title and the text (7.3.3: 标题下空一行).
        children: [...title, new Paragraph({ style: STYLE.body, children: [] }), ...outline.blocks.flatMap((b) => blockXml(b, pictures, sign))],
      },
    ],
  });
  return finishDocx(new Uint8Array(await Packer.toArrayBuffer(doc)));
}

/** Characters per line and lines per page the layout gives (docs and tests). */
export const GRID = { charsPerLine: CHARS_PER_LINE, linePitch: LINE_PITCH, charSpace: CHAR_SPACE } as const;

/** The two chart pictures of a report. */
export function reportPictures(a: Assessment): Record<ChartId, ChartPicture> {
  const out = {} as Record<ChartId, ChartPicture>;
  for (const c of reportCharts(a)) out[c.id] = chartPng(c);
  return out;
}

/** The agreed entry point: the 自查自评报告 draft of an assessment, as .docx bytes. */
export async function buildReportDocx(assessment: Assessment, read: ReadResult, opts: ReportOptions = {}): Promise<Uint8Array> {
  return writeDocx(buildReportOutline(assessment, read, opts), reportPictures(assessment));
}
