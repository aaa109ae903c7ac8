/**
 * The page and the styles of GB/T 9704-2012 《党政机关公文格式》 (shared/notes/sources.md):
 * - A4; 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (so bottom 35 mm, right 26 mm);
 * - 22 lines × 28 characters: docGrid linesAndChars with the line pitch 225 mm ÷ 22 and the
 *   character pitch 156 mm ÷ 28 (charSpace is the difference from the 3号 body size, in 1/4096 pt);
 * - title 2号 (22 pt) 方正小标宋简体; body 3号 (16 pt) 仿宋_GB2312; headings 「一、」 黑体,
 *   「（一）」 楷体_GB2312, 「1.」 仿宋_GB2312 bold — paragraph styles Heading1–3 with outline levels
 *   and keep-with-next, not bold where the standard has no bold;
 * - page numbers 4号 (14 pt) 半角宋体 「— 1 —」, 单页居右空一字、双页居左空一字 (7.5).
 * Sizes in the `docx` package's units: half-points for type, twips (1/20 pt) for lengths.
 */
import { AlignmentType, type IParagraphStyleOptions, type IStylesOptions } from "docx";

const MM = 1440 / 25.4;
export const PAGE = {
  width: 11906,
  height: 16838,
  top: Math.round(37 * MM),
  left: Math.round(28 * MM),
  right: 11906 - Math.round(28 * MM) - Math.round(156 * MM),
  bottom: 16838 - Math.round(37 * MM) - Math.round(225 * MM),
  /** Footer from the page's lower edge: the number's line starts 7 mm under the 版心 (7.5). */
  footer: Math.round(21 * MM),
  header: Math.round(15 * MM),
} as const;

/** Width of the 版心 in twips (156 mm). */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Type sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt, 五号 10.5 pt. */
export const SIZE = { title: 44, body: 32, pageNumber: 28, caption: 24, table: 21 } as const;

/** Line pitch: 225 mm ÷ 22, rounded down so that 22 lines fit. */
export const LINE_PITCH = Math.floor(Math.round(225 * MM) / LINES_PER_PAGE);
/** Character pitch 156 mm ÷ 28 as docGrid charSpace: (pitch − 16 pt) × 4096, rounded down so 28 fit. */
export const CHAR_SPACE = Math.floor((TEXT_WIDTH / CHARS_PER_LINE / 20 - SIZE.body / 2) * 4096);
/** One grid character in twips (for indents given in twips as well as in characters). */
export const CHAR_WIDTH = Math.floor(TEXT_WIDTH / CHARS_PER_LINE);

/** Fonts: the eastAsia face is what the standard names; Latin text and figures in Times New Roman. */
const latin = { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman" };
export const FONT = {
  body: { ...latin, eastAsia: "仿宋_GB2312" },
  h1: { ...latin, eastAsia: "黑体" },
  h2: { ...latin, eastAsia: "楷体_GB2312" },
  title: { ...latin, eastAsia: "方正小标宋简体" },
  /** 「半角宋体」 page numbers: the dash and the digits in 宋体 too. */
  pageNumber: { ascii: "宋体", hAnsi: "宋体", cs: "宋体", eastAsia: "宋体" },
} as const;

/**
 * The font table: each face the document names, with the fallback Word and LibreOffice use when the
 * face is not installed (w:altName) and its GB2312 charset.
 */
export const FONT_TABLE: { name: string; altName?: string; family: "roman" | "modern" | "swiss" | "script"; panose?: string }[] = [
  { name: "Times New Roman", family: "roman", panose: "02020603050405020304" },
  { name: "仿宋_GB2312", altName: "仿宋", family: "modern" },
  { name: "仿宋", altName: "FangSong", family: "modern", panose: "02010609060101010101" },
  { name: "黑体", altName: "SimHei", family: "modern", panose: "02010609060101010101" },
  { name: "楷体_GB2312", altName: "楷体", family: "modern" },
  { name: "楷体", altName: "KaiTi", family: "modern", panose: "02010609060101010101" },
  { name: "方正小标宋简体", altName: "宋体", family: "script" },
  { name: "宋体", altName: "SimSun", family: "roman", panose: "02010600030101010101" },
];

/** 「空一字」 beside the page number, one 4号 character. */
const PAGE_NUMBER_INDENT = (SIZE.pageNumber / 2) * 20;

const bodyLine = { line: LINE_PITCH, lineRule: "exact" as const, before: 0, after: 0 };
const indent2 = { firstLineChars: 200, firstLine: 2 * CHAR_WIDTH };

const heading = (font: (typeof FONT)[keyof typeof FONT], outlineLevel: number, bold: boolean) => ({
  run: { font, size: SIZE.body, bold, color: "000000" },
  paragraph: { outlineLevel, keepNext: true, keepLines: true, spacing: bodyLine, indent: indent2 },
});

/** Custom paragraph styles besides Normal, Title and Heading1–3 (ids used by the writer). */
export const STYLE = {
  body: "GwBody",
  table: "GwTable",
  tableHeader: "GwTableHeader",
  caption: "GwCaption",
  figure: "GwFigure",
  figureNote: "GwFigureNote",
  footer: "Footer",
  attachmentMark: "GwAttachmentMark",
  attachmentTitle: "GwAttachmentTitle",
  attachmentNote: "GwAttachmentNote",
  signature: "GwSignature",
  date: "GwDate",
} as const;

const paragraphStyles: IParagraphStyleOptions[] = [
  { id: STYLE.body, name: "公文正文", basedOn: "Normal", quickFormat: true, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: bodyLine, indent: indent2 } },
  {
    id: STYLE.table,
    name: "公文表格",
    basedOn: "Normal",
    run: { font: FONT.body, size: SIZE.table },
    paragraph: { spacing: { line: 300, lineRule: "auto", before: 0, after: 0 } },
  },
  { id: STYLE.tableHeader, name: "公文表头", basedOn: STYLE.table, run: { font: FONT.h1 }, paragraph: { alignment: AlignmentType.CENTER } },
  {
    id: STYLE.caption,
    name: "公文表题",
    basedOn: "Normal",
    run: { font: FONT.h1, size: SIZE.caption },
    paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 120, line: 360, lineRule: "auto" } },
  },
  { id: STYLE.figure, name: "公文插图", basedOn: "Normal", paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 0, line: 240, lineRule: "auto" } } },
  {
    id: STYLE.figureNote,
    name: "公文图注",
    basedOn: "Normal",
    run: { font: FONT.body, size: SIZE.caption },
    paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { before: 0, after: 200, line: 360, lineRule: "auto" } },
  },
  {
    id: STYLE.footer,
    name: "footer",
    basedOn: "Normal",
    run: { font: FONT.pageNumber, size: SIZE.pageNumber },
    paragraph: { spacing: { line: 240, lineRule: "auto", before: 0, after: 0 } },
  },
  // 7.3.5 / 8: 「附件」 in 3号黑体 at the top left of a new page; the attachment's title like the report's.
  { id: STYLE.attachmentMark, name: "附件标识", basedOn: "Normal", run: { font: FONT.h1, size: SIZE.body }, paragraph: { keepNext: true, spacing: bodyLine } },
  {
    id: STYLE.attachmentTitle,
    name: "附件标题",
    basedOn: "Normal",
    run: { font: FONT.title, size: SIZE.title },
    paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { line: 700, lineRule: "exact", before: 0, after: 280 } },
  },
  // 7.3.3 附件说明: a line under the text, 左空二字.
  { id: STYLE.attachmentNote, name: "附件说明", basedOn: STYLE.body, paragraph: { spacing: { ...bodyLine, before: LINE_PITCH } } },
  // 7.3.5.3 (不加盖印章): 署名 right, 右空二字, one blank line above it; 成文日期 on the next line
  // (docx.ts sets both right indents from the two texts' lengths).
  { id: STYLE.signature, name: "发文机关署名", basedOn: "Normal", paragraph: { alignment: AlignmentType.RIGHT, keepNext: true, spacing: { ...bodyLine, before: LINE_PITCH }, indent: { right: 2 * CHAR_WIDTH } } },
  { id: STYLE.date, name: "成文日期", basedOn: "Normal", paragraph: { alignment: AlignmentType.RIGHT, spacing: bodyLine, indent: { right: 4 * CHAR_WIDTH } } },
];

/**
 * Styles laid out off the character grid (docx/fonts.ts writes 「不对齐网格」 into them): the tables,
 * captions, pictures and footers, and the 2号 titles, whose characters are wider than the 3号 grid
 * pitch and would otherwise be spread over two grid cells each.
 */
export const OFF_GRID_STYLES: readonly string[] = ["Title", STYLE.attachmentTitle, STYLE.table, STYLE.tableHeader, STYLE.caption, STYLE.figure, STYLE.figureNote, STYLE.footer];

/** Odd pages: number right with one character's space; even pages: left. */
export const PAGE_NUMBER_PARAGRAPH = {
  odd: { alignment: AlignmentType.RIGHT, indent: { right: PAGE_NUMBER_INDENT } },
  even: { alignment: AlignmentType.LEFT, indent: { left: PAGE_NUMBER_INDENT } },
} as const;

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT.body, size: SIZE.body, language: { value: "en-US", eastAsia: "zh-CN" } },
      paragraph: { spacing: bodyLine },
    },
    title: {
      run: { font: FONT.title, size: SIZE.title, bold: false, color: "000000" },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: "exact", before: 0, after: 0 } },
    },
    heading1: heading(FONT.h1, 0, false),
    heading2: heading(FONT.h2, 1, false),
    heading3: heading(FONT.body, 2, true),
  },
  paragraphStyles,
};
