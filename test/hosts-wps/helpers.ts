/**
 * Helpers for the WPS host tests: fake ET workbooks built from .xlsx files read by exceljs (the
 * values and number formats a user's file holds, as WPS would show them through Value2), and a
 * WpsHost over a fake.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { WpsHost, bgr } from "../../src/hosts/wps";
import { FakeEt, FakeEtBook, type EtValue, type FakeEtOptions } from "../fakes/fakeEt";
import { buildWorkbook, makeSchools, type LayoutOptions } from "../workbook-render/fixtures";

export const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-county.xlsx");

/** Excel's serial day number of a date (1900 date system), as Value2 reports it. */
function serial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

/** The value ET's Value2 shows for an exceljs cell value (formula → its result). */
function shown(v: ExcelJS.CellValue): EtValue | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return serial(v);
  if (typeof v !== "object") return v as EtValue;
  if ("result" in v) return shown((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
  if ("text" in v) return String((v as { text: unknown }).text);
  if ("error" in v) return String((v as { error: unknown }).error);
  return String(v);
}

/** Copies values, number formats and solid fills of an exceljs workbook into a fake ET document. */
export function bookFromExcelJs(wb: ExcelJS.Workbook): FakeEtBook {
  const book = new FakeEtBook();
  wb.eachSheet((ws) => {
    const s = book.add(ws.name);
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        // exceljs repeats a merged area's value and style in every cell of it; Value2 and
        // NumberFormat show them in its first cell.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const format = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined;
        const pattern = cell.fill as ExcelJS.FillPattern | undefined;
        const argb = pattern?.type === "pattern" && pattern.pattern === "solid" ? pattern.fgColor?.argb : undefined;
        const v = shown(cell.value);
        if ((v === null || v === "") && !format && !argb) return;
        const target = s.touch(r - 1, c - 1);
        if (v !== null && v !== "") target.value = v;
        if (format) target.numberFormat = format;
        if (argb) target.fill = bgr(`#${argb.slice(-6)}`);
      }),
    );
  });
  return book;
}

export async function sampleBook(): Promise<FakeEtBook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(SAMPLE) as unknown as ArrayBuffer);
  return bookFromExcelJs(wb);
}

/** A fake county with n generated schools (the shared fixtures of the other hosts' tests). */
export function countyBook(n: number, opts: LayoutOptions & { seed?: number } = {}): FakeEtBook {
  return bookFromExcelJs(buildWorkbook(makeSchools(n, opts.seed ?? 7), opts));
}

export function wpsFor(book: FakeEtBook, opts: FakeEtOptions = {}): { et: FakeEt; host: WpsHost } {
  const et = new FakeEt(book, opts);
  return { et, host: new WpsHost(et.app) };
}
