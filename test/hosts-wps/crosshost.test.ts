/**
 * One write plan, three hosts: the sample county's real plan (renderAssessment, as the command line
 * makes it) applied to the same input workbook through XlsxHost (saved and read back with exceljs),
 * OfficeHost (the fake Excel of test/fakes/fakeExcel.ts) and WpsHost (the fake ET) gives the same
 * grid of values, number formats and fills on every sheet, the same sheets in the same order, and
 * the same conditional-format rules (the data sheet's highlights).
 */
import * as fs from "fs";
import * as ExcelJS from "exceljs";
import { XlsxHost } from "../../src/hosts/xlsx";
import { OfficeHost } from "../../src/hosts/office";
import { WpsHost } from "../../src/hosts/wps";
import { assessWorkbook } from "../../src/workbook/run";
import { FakeWorkbook, fakeRun } from "../fakes/fakeExcel";
import { FakeEt, bgrToHex, cellName, type FakeEtBook } from "../fakes/fakeEt";
import { SAMPLE, bookFromExcelJs } from "./helpers";
import { evaluateRule, shownFormatInFake, shownInFake } from "../fakes/cfEval";
import { FILL } from "../../src/workbook/plan";
import { shownFill, shownNumberFormat } from "../workbook-render/cf";

/**
 * A sheet as a person sees it: "A1" → value, number format (other than General) and fill; the
 * hidden cells of merged areas are left out (exceljs repeats the first cell's value and style there).
 */
interface Seen {
  values: Record<string, unknown>;
  formats: Record<string, string>;
  fills: Record<string, string>;
}
type Workbook = { names: string[]; sheets: Record<string, Seen> };

function empty(): Seen {
  return { values: {}, formats: {}, fills: {} };
}

async function fromXlsx(bytes: Uint8Array): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: Workbook = { names: [], sheets: {} };
  wb.eachSheet((ws) => {
    out.names.push(ws.name);
    const seen = empty();
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        // exceljs reports a merged area's value and style in every cell of it; a person (and Excel's
        // and ET's object models) see them in its first cell.
        const merged = cell.isMerged && cell.master.address !== cell.address;
        if (merged) return;
        let v: unknown = cell.value;
        if (v && typeof v === "object" && "richText" in v) v = (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
        if (v !== null && v !== undefined && v !== "") seen.values[cell.address] = v;
        if (cell.numFmt && cell.numFmt !== "General") seen.formats[cell.address] = cell.numFmt;
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        const argb = fill?.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
        if (argb) seen.fills[cell.address] = `#${argb.slice(-6).toUpperCase()}`;
      }),
    );
    out.sheets[ws.name] = seen;
  });
  return out;
}

/** Inside a merged area but not its first cell: what a person never sees (left out everywhere). */
function hidden(merges: { row: number; col: number; rows: number; cols: number }[], r: number, c: number): boolean {
  return merges.some((m) => r >= m.row && r < m.row + m.rows && c >= m.col && c < m.col + m.cols && (r > m.row || c > m.col));
}

function fromOffice(doc: FakeWorkbook): Workbook {
  const out: Workbook = { names: doc.sheets.map((s) => s.name), sheets: {} };
  for (const s of doc.sheets) {
    const seen = empty();
    for (const [k, c] of s.cells) {
      if (hidden(s.merges, Math.floor(k / 16384), k % 16384)) continue;
      const a = cellName(Math.floor(k / 16384), k % 16384);
      if (c.value !== "") seen.values[a] = c.value;
      if (c.numberFormat && c.numberFormat !== "General") seen.formats[a] = c.numberFormat;
      if (c.fill) seen.fills[a] = c.fill.toUpperCase();
    }
    out.sheets[s.name] = seen;
  }
  return out;
}

function fromWps(book: FakeEtBook): Workbook {
  const out: Workbook = { names: book.sheets.map((s) => s.name), sheets: {} };
  for (const s of book.sheets) {
    const seen = empty();
    for (const [k, c] of s.cells) {
      if (hidden(s.merges, Math.floor(k / 16384), k % 16384)) continue;
      const a = cellName(Math.floor(k / 16384), k % 16384);
      if (c.value !== undefined && c.value !== "") seen.values[a] = c.value;
      if (c.numberFormat && c.numberFormat !== "General") seen.formats[a] = c.numberFormat;
      if (c.fill !== undefined) seen.fills[a] = bgrToHex(c.fill);
    }
    out.sheets[s.name] = seen;
  }
  return out;
}

test("the sample's plan through the xlsx, Office and WPS hosts: the same values, number formats and fills", async () => {
  const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
  const input = new ExcelJS.Workbook();
  await input.xlsx.load(bytes as unknown as ArrayBuffer);

  // The plan, as the command line makes it (and the xlsx host's result).
  const xlsx = await XlsxHost.load(bytes);
  const { plan } = await assessWorkbook(xlsx);
  const viaXlsx = await fromXlsx(await xlsx.save());

  const book = bookFromExcelJs(input);
  // The fake Excel starts from the same cells as the fake ET.
  const doc = new FakeWorkbook({ apiVersion: "1.18" });
  const office = new OfficeHost(fakeRun(doc), { supports: (v) => doc.supports(v) });
  for (const s of book.sheets) {
    const target = doc.addSheet(s.name);
    for (const [k, c] of s.cells) Object.assign(target.touch(Math.floor(k / 16384), k % 16384), { value: c.value ?? "" }, c.numberFormat ? { numberFormat: c.numberFormat } : {}, c.fill !== undefined ? { fill: bgrToHex(c.fill) } : {});
  }
  doc.activeSheet = doc.sheets[0].name;
  await office.apply(plan);
  const viaOffice = fromOffice(doc);

  const wps = new WpsHost(new FakeEt(book).app);
  await wps.apply(plan);
  const viaWps = fromWps(book);

  expect(viaOffice.names).toEqual(viaXlsx.names);
  expect(viaWps.names).toEqual(viaXlsx.names);
  let cells = 0;
  for (const name of viaXlsx.names) {
    for (const part of ["values", "formats", "fills"] as const) {
      expect(["Office", name, part, viaOffice.sheets[name][part]]).toEqual(["Office", name, part, viaXlsx.sheets[name][part]]);
      expect(["WPS", name, part, viaWps.sheets[name][part]]).toEqual(["WPS", name, part, viaXlsx.sheets[name][part]]);
    }
    cells += Object.keys(viaXlsx.sheets[name].values).length;
  }
  // Highlights of the data sheet are the product's conditional formats: the same rules, read back
  // through each host's own port, with the same fill and font colours in the two object models.
  const names = viaXlsx.names;
  // Hosts may order rules differently (the plan's rules exclude one another) and not all report areas.
  const rules = async (h: { read(n: readonly string[]): Promise<{ owned?: { rules: { sheet: string; formula: string }[] } }> }) =>
    (await h.read(names)).owned?.rules.map((r) => `${r.sheet}!${r.formula}`).sort();
  const xlsxRules = await rules(await XlsxHost.load(await xlsx.save()));
  expect(xlsxRules?.length).toBeGreaterThan(0);
  expect(await rules(office)).toEqual(xlsxRules);
  expect(await rules(wps)).toEqual(xlsxRules);
  const officeLooks = doc.sheets.flatMap((s) => s.conditionalFormats.map((c) => [s.name, cellName(c.area.row, c.area.col), c.area.rows, c.area.cols, c.formula, c.fill?.toUpperCase(), c.fontColor?.toUpperCase()]));
  const wpsLooks = book.sheets.flatMap((s) => s.conditions.map((c) => [s.name, cellName(c.areas[0].row, c.areas[0].col), c.areas[0].rows, c.areas[0].cols, c.formula, c.fill === null ? undefined : bgrToHex(c.fill), c.font === null ? undefined : bgrToHex(c.font)]));
  expect(wpsLooks.sort()).toEqual(officeLooks.sort());
  // The comparison covers the result sheets and their highlights, not only empty grids.
  expect(cells).toBeGreaterThan(2000);
  // The result sheets' status colours and 问题清单's mixed number formats are conditional formats
  // too: what a person sees in each cell, rules evaluated, is the same through the three hosts.
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load((await xlsx.save()) as unknown as ArrayBuffer);
  for (const name of ["监测点指标", "问题清单"]) {
    const ws = saved.getWorksheet(name)!;
    const sheetOffice = doc.sheet(name)!;
    const sheetWps = book.sheets.find((x) => x.name === name)!;
    const seen = { xlsx: {} as Record<string, string>, office: {} as Record<string, string>, wps: {} as Record<string, string> };
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const a = cellName(r - 1, c - 1);
        seen.xlsx[a] = `${shownFill(ws, cell) ?? "-"} ${shownNumberFormat(ws, cell)}`;
        seen.office[a] = `${shownInFake(sheetOffice, r - 1, c - 1)?.replace("#", "FF") ?? "-"} ${shownFormatInFake(sheetOffice, r - 1, c - 1)}`;
        seen.wps[a] = wpsShown(sheetWps, r - 1, c - 1);
      }),
    );
    expect(seen.office).toEqual(seen.xlsx);
    expect(seen.wps).toEqual(seen.xlsx);
    const coloured = Object.values(seen.xlsx).filter((v) => [FILL.unmet, FILL.basic].some((f) => v.startsWith(`FF${f.slice(1)}`))).length;
    expect(coloured).toBeGreaterThan(10);
  }
}, 120_000);

/** What ET shows in a cell: the first true rule's fill and number format (rules read relative to their top-left cell), else the cell's own. */
function wpsShown(sheet: FakeEtBook["sheets"][number], row: number, col: number): string {
  const value = (r: number, c: number) => {
    const v = sheet.cells.get(r * 16384 + c)?.value;
    return v === undefined || v === "" ? null : (v as string | number | boolean);
  };
  const hit = (what: "fill" | "numberFormat") =>
    sheet.conditions.find((k) => {
      const a = k.areas[0];
      if (k[what] === null || row < a.row || row >= a.row + a.rows || col < a.col || col >= a.col + a.cols) return false;
      expect(k.relativeTo).toBe(cellName(a.row, a.col));
      return evaluateRule(k.formula.replace(/^=/, ""), a, { row, col }, value);
    });
  const own = sheet.cells.get(row * 16384 + col);
  const fill = hit("fill")?.fill ?? own?.fill;
  return `${fill === undefined || fill === null ? "-" : `FF${bgrToHex(fill).slice(1)}`} ${hit("numberFormat")?.numberFormat ?? own?.numberFormat ?? "General"}`;
}
