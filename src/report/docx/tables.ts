/**
 * Tables of the report: 五号 (10.5 pt) text, header rows repeated on every page, rows that never
 * split across pages, merged cells (the outline's spans, header cells stacked with the same text,
 * and equal consecutive values of the group columns), and column widths that are never narrower
 * than the outline asks, in characters of the table font.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
} from "docx";
import type { TableBlock } from "../outline";
import { SIZE, STYLE, TEXT_WIDTH } from "./layout";

/** Cell margins left and right, twips. */
export const CELL_MARGIN_X = 57;
const CELL_MARGIN = { left: CELL_MARGIN_X, right: CELL_MARGIN_X, top: 15, bottom: 15 };
/** One character of the table font in twips (10.5 pt = 210). */
export const TABLE_CHAR = (SIZE.table / 2) * 20;

/** Column widths in twips: at least each column's characters plus margins, the rest shared out in proportion. */
export function columnWidths(t: TableBlock, n: number): number[] {
  const chars = t.widths && t.widths.length === n ? t.widths : new Array<number>(n).fill(4);
  const min = chars.map((c) => Math.ceil(c * TABLE_CHAR) + 2 * CELL_MARGIN_X);
  const total = min.reduce((a, b) => a + b, 0);
  const scale = Math.max(1, TEXT_WIDTH / total);
  const widths = min.map((w) => Math.floor(w * scale));
  widths[widths.length - 1] += Math.max(0, TEXT_WIDTH - widths.reduce((a, b) => a + b, 0));
  return widths;
}

interface Cover {
  /** The top-left cell of a span: how many columns and rows it covers. */
  cols: number;
  rows: number;
}

/** For each grid cell: a span's origin (its size), covered by a span to the left (null), or a plain cell. */
function spanMap(t: TableBlock, n: number): (Cover | null | undefined)[][] {
  const all = [...t.header, ...t.rows];
  const map: (Cover | null | undefined)[][] = all.map(() => new Array(n).fill(undefined));
  const mark = (row: number, col: number, rows: number, cols: number) => {
    if (!map[row] || map[row][col] === null) return;
    for (let r = row; r < row + rows && r < all.length; r++) for (let c = col; c < col + cols && c < n; c++) map[r][c] = null;
    map[row][col] = { cols, rows };
  };
  for (const s of t.spans ?? []) mark(s.row, s.col, s.rows ?? 1, s.cols ?? 1);
  // Header cells stacked with the same text in a column (「学段」 over two header rows).
  for (let c = 0; c < n; c++) {
    for (let r = 0; r < t.header.length; r++) {
      if (map[r][c] !== undefined) continue;
      let k = 1;
      while (r + k < t.header.length && t.header[r + k][c] === t.header[r][c] && map[r + k][c] === undefined) k++;
      if (k > 1) mark(r, c, k, 1);
    }
  }
  // Group columns of the body: equal consecutive values are one merged cell.
  const h = t.header.length;
  for (const c of t.groupCols ?? []) {
    for (let r = 0; r < t.rows.length; ) {
      let k = 1;
      while (r + k < t.rows.length && t.rows[r + k][c] === t.rows[r][c] && t.rows[r][c] !== "" && map[h + r + k][c] === undefined) k++;
      if (k > 1 && map[h + r][c] === undefined) mark(h + r, c, k, 1);
      r += k;
    }
  }
  return map;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: border, bottom: border, left: border, right: border };

export function tableXml(t: TableBlock): (Paragraph | Table)[] {
  const n = Math.max(...t.header.map((r) => r.length), ...t.rows.map((r) => r.length), 1);
  const widths = columnWidths(t, n);
  const numeric = new Set(t.numericCols ?? []);
  const map = spanMap(t, n);
  const all = [...t.header, ...t.rows];
  // Cells under a vertical span's origin become "continue" cells of the merge.
  const vertical: (number | null)[][] = all.map(() => new Array(n).fill(null));
  map.forEach((row, r) =>
    row.forEach((cover, c) => {
      if (cover && cover.rows > 1) for (let k = 1; k < cover.rows; k++) vertical[r + k][c] = cover.cols;
    }),
  );
  const rows = all.map((cells, r) => {
    const header = r < t.header.length;
    const children: TableCell[] = [];
    for (let c = 0; c < n; c++) {
      const cover = map[r][c];
      const width = (cols: number) => widths.slice(c, c + cols).reduce((a, b) => a + b, 0);
      if (cover === null) {
        const cols = vertical[r][c];
        // Continue a vertical merge: one empty cell of the origin's width.
        if (cols !== null) children.push(new TableCell({ borders: BORDERS, margins: CELL_MARGIN, width: { size: width(cols), type: WidthType.DXA }, columnSpan: cols > 1 ? cols : undefined, verticalMerge: VerticalMergeType.CONTINUE, children: [new Paragraph({ style: STYLE.table })] }));
        continue;
      }
      const cols = cover?.cols ?? 1;
      const text = cells[c] ?? "";
      const align = header || cols > 1 ? AlignmentType.CENTER : numeric.has(c) ? AlignmentType.RIGHT : AlignmentType.LEFT;
      children.push(
        new TableCell({
          borders: BORDERS,
          margins: CELL_MARGIN,
          width: { size: width(cols), type: WidthType.DXA },
          columnSpan: cols > 1 ? cols : undefined,
          verticalMerge: cover && cover.rows > 1 ? VerticalMergeType.RESTART : undefined,
          verticalAlign: VerticalAlign.CENTER,
          children: [new Paragraph({ style: header ? STYLE.tableHeader : STYLE.table, alignment: align, children: [new TextRun({ text })] })],
        }),
      );
    }
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      height: { value: 360, rule: HeightRule.ATLEAST },
      children,
    });
  });
  const out: (Paragraph | Table)[] = [];
  if (t.caption) out.push(new Paragraph({ style: STYLE.caption, children: [new TextRun({ text: t.caption })] }));
  out.push(new Table({ rows, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED }));
  out.push(new Paragraph({ style: STYLE.table, children: [] }));
  return out;
}
