/** Test helpers: build host snapshots in memory, and apply a WritePlan's values to a snapshot. */
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/port";
import type { CellValue, WritePlan } from "../../src/workbook/plan";

/** A sheet from rows (padded to a rectangle); `formats` maps "row,col" (0-based) to a number format. */
export function sheet(name: string, rows: CellValue[][], formats: Record<string, string> = {}): SheetSnapshot {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...Array(width - r.length).fill(null)]);
  const numberFormats = values.map((r, i) => r.map((_, j) => formats[`${i},${j}`] ?? "General"));
  return { name, values, numberFormats };
}

export function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheetNames: sheets.map((s) => s.name), sheets };
}

/** What a host would hold after applying the plan's blocks and number formats to an empty workbook. */
export function planToSnapshot(plan: WritePlan): WorkbookSnapshot {
  const sheets = plan.sheets
    .filter((p) => p.mode !== "delete")
    .map((p) => {
      const rows: CellValue[][] = [];
      const fmts: Record<string, string> = {};
      for (const b of p.blocks)
        b.values.forEach((line, i) =>
          line.forEach((v, j) => {
            (rows[b.row + i] ??= [])[b.col + j] = v;
          }),
        );
      for (const f of p.formats)
        if (f.numberFormat)
          for (let r = f.row; r < f.row + f.rows && r < rows.length + 1; r++)
            for (let c = f.col; c < f.col + f.cols; c++) fmts[`${r},${c}`] = f.numberFormat;
      for (let i = 0; i < rows.length; i++) rows[i] = Array.from(rows[i] ?? [], (v) => (v === undefined ? null : v));
      return sheet(p.name, rows, fmts);
    });
  return book(...sheets);
}
