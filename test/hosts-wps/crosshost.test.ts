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
  expect(Object.keys(viaXlsx.sheets["监测点指标"].fills).length).toBeGreaterThan(10);
}, 120_000);
