/**
 * Helpers for the Office host tests: fake workbooks from the shared exceljs fixtures (same messy
 * layouts the xlsx host is tested on), and an OfficeHost over a fake with a chosen API version.
 */
import type * as ExcelJS from "exceljs";
import { OfficeHost } from "../../src/hosts/office";
import { FakeWorkbook, fakeRun, parseFakeArea, type FakeValue } from "../fakes/fakeExcel";
import { buildWorkbook, makeSchools, type LayoutOptions } from "../workbook-render/fixtures";

/** Copies values, number formats and merges of an exceljs workbook into a fake Excel document (a merged value in its top-left cell only). */
export function fakeFromExcelJs(wb: ExcelJS.Workbook, apiVersion = "1.18"): FakeWorkbook {
  const doc = new FakeWorkbook({ apiVersion });
  wb.eachSheet((ws) => {
    const s = doc.addSheet(ws.name);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value;
        // exceljs repeats a merged area's value in every cell of it; Excel holds it in the top-left only.
        if (cell.isMerged && cell.master !== cell) return;
        if (v === null || v === undefined) return;
        const value: FakeValue = typeof v === "object" ? String((v as { result?: unknown }).result ?? "") : (v as FakeValue);
        const target = s.touch(r - 1, c - 1);
        target.value = value;
        if (cell.numFmt) target.numberFormat = cell.numFmt;
      });
    });
    for (const m of (ws.model as { merges?: string[] }).merges ?? []) s.merges.push(parseFakeArea(m));
  });
  doc.activeSheet = doc.sheets[0]?.name ?? null;
  return doc;
}

/** A fake county workbook with n generated schools. */
export function countyDoc(n: number, opts: LayoutOptions & { apiVersion?: string; seed?: number } = {}): FakeWorkbook {
  return fakeFromExcelJs(buildWorkbook(makeSchools(n, opts.seed ?? 7), opts), opts.apiVersion);
}

export function hostFor(doc: FakeWorkbook): OfficeHost {
  return new OfficeHost(fakeRun(doc), { supports: (v) => doc.supports(v) });
}
