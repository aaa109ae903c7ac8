/**
 * The report outline written as a .docx with the `docx` package, laid out like a Chinese
 * government report (GB/T 9704 style: 仿宋 三号 body, 黑体/楷体 headings, A4). Works in Node and in
 * the browser: Packer.toArrayBuffer is used on both (no Buffer, no Blob).
 *
 * Placeholders (【请填写：…】) are highlighted yellow so the bureau finds them.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Assessment } from "../engine/types";
import type { ReadResult } from "../workbook/contract";
import { reportCharts, type ChartId } from "../workbook/charts/data";
import { chartPng } from "./charts/png";
import type { ReportBlock, ReportOutline, TableBlock, TextRun as OutlineRun } from "./outline";
import { buildReportOutline, type ReportOptions } from "./sentences";

export interface ChartPicture {
  png: Uint8Array;
  width: number;
  height: number;
}

const FONT_BODY = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋_GB2312" };
const FONT_H1 = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体" };
const FONT_H2 = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "楷体_GB2312" };
const FONT_TITLE = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "方正小标宋简体" };
/** Half-points: 三号 16 pt, 二号 22 pt, 五号 10.5 pt. */
const SIZE_BODY = 32;
const SIZE_TITLE = 36;
const SIZE_TABLE = 21;
/** Table cells: 小五 9 pt, narrow margins so that 7 figure columns fit the A4 text width. */
const SIZE_CELL = 18;
const CELL_MARGIN = { left: 40, right: 40, top: 20, bottom: 20 };
/** Text width in twips (A4 11906 minus the margins below). */
const TEXT_WIDTH = 11906 - 1588 - 1474;
/** Fixed 28 pt line spacing, first line indented two characters. */
const BODY_SPACING = { line: 560, lineRule: "exact" as const };
const INDENT_2CH = { firstLine: 640 };
/** Width of the text column in pixels (A4 minus 28 mm + 26 mm margins ≈ 15.6 cm). */
const PICTURE_WIDTH = 590;

function runs(rs: OutlineRun[], font = FONT_BODY, size = SIZE_BODY): TextRun[] {
  return rs.map(
    (r) => new TextRun({ text: r.text, bold: r.bold, font, size, highlight: r.placeholder ? "yellow" : undefined }),
  );
}

function tableXml(t: TableBlock): (Paragraph | Table)[] {
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const borders = { top: border, bottom: border, left: border, right: border };
  const n = Math.max(...t.header.map((r) => r.length), ...t.rows.map((r) => r.length), 1);
  const rel = t.widths && t.widths.length === n ? t.widths : new Array<number>(n).fill(1);
  const sum = rel.reduce((a, b) => a + b, 0);
  const widths = rel.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const cell = (text: string, header: boolean, numeric: boolean, col: number) =>
    new TableCell({
      borders,
      margins: CELL_MARGIN,
      width: { size: widths[col] ?? widths[0], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: header, font: FONT_BODY, size: SIZE_CELL })],
        }),
      ],
    });
  const numeric = new Set(t.numericCols ?? []);
  const rows = [
    ...t.header.map(
      (r) =>
        new TableRow({
          tableHeader: true,
          height: { value: 400, rule: HeightRule.ATLEAST },
          children: r.map((c, i) => cell(c, true, false, i)),
        }),
    ),
    ...t.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, numeric.has(i), i)) })),
  ];
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 120 },
      children: [new TextRun({ text: t.caption, bold: true, font: FONT_H1, size: 24 })],
    }),
    new Table({ rows, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths }),
    new Paragraph({ children: [] }),
  ];
}

function blockXml(b: ReportBlock, pictures: Partial<Record<ChartId, ChartPicture>>): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading": {
      const font = b.level === 1 ? FONT_H1 : b.level === 2 ? FONT_H2 : FONT_H1;
      return [
        new Paragraph({
          spacing: BODY_SPACING,
          indent: INDENT_2CH,
          children: [new TextRun({ text: b.text, font, size: SIZE_BODY, bold: b.level === 3 })],
        }),
      ];
    }
    case "paragraph":
      return [
        new Paragraph({
          spacing: BODY_SPACING,
          indent: b.align ? undefined : INDENT_2CH,
          alignment: b.align === "center" ? AlignmentType.CENTER : b.align === "right" ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
          children: runs(b.runs),
        }),
      ];
    case "table":
      return tableXml(b);
    case "figure": {
      const pic = pictures[b.chart];
      const out: Paragraph[] = [];
      if (pic) {
        const h = Math.round((pic.height / pic.width) * PICTURE_WIDTH);
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new ImageRun({
                type: "png",
                data: pic.png,
                transformation: { width: PICTURE_WIDTH, height: h },
                altText: { name: b.caption, title: b.caption, description: b.note },
              }),
            ],
          }),
        );
      }
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: b.caption, bold: true, font: FONT_H1, size: 24 })],
        }),
        new Paragraph({
          alignment: AlignmentType.LEFT,
          spacing: { after: 200 },
          children: [new TextRun({ text: b.note, font: FONT_BODY, size: SIZE_TABLE })],
        }),
      );
      return out;
    }
  }
}

/** Write an outline as .docx bytes. */
export async function writeDocx(outline: ReportOutline, pictures: Partial<Record<ChartId, ChartPicture>> = {}): Promise<Uint8Array> {
  const title = [outline.issuer, outline.title].map(
    (t) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 700, lineRule: "exact" },
        children: [new TextRun({ text: t, font: FONT_TITLE, size: SIZE_TITLE })],
      }),
  );
  const doc = new Document({
    creator: "优质均衡评估助手",
    title: outline.title,
    description: "由优质均衡评估助手根据评估结果生成的自查自评报告初稿",
    styles: { default: { document: { run: { font: FONT_BODY, size: SIZE_BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
          },
        },
        children: [...title, new Paragraph({ children: [] }), ...outline.blocks.flatMap((b) => blockXml(b, pictures))],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

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
