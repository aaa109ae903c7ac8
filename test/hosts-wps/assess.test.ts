/**
 * The whole assessment (assessWorkbook: real reader, engine and renderer) through WpsHost on the
 * fake ET: the sample county gives the same JSON as the command line on the .xlsx file and the
 * same result sheets; running twice equals running once; input cells are never changed.
 */
import { assessFile } from "../../src/cli/load";
import { toContractJson } from "../../src/workbook/json";
import { assessWorkbook, clearWorkbook } from "../../src/workbook/run";
import { etFills, etFormats, etGrid } from "../fakes/fakeEt";
import { SAMPLE, countyBook, sampleBook, wpsFor } from "./helpers";

test("the sample county: the same JSON as the command line, and the same result sheets as the xlsx host", async () => {
  const cli = await assessFile(SAMPLE, {});
  const book = await sampleBook();
  const { host, et } = wpsFor(book);
  const run = await assessWorkbook(host);
  expect(toContractJson(run.assessment, run.read)).toEqual(toContractJson(cli.run.assessment, cli.run.read));
  // ScreenUpdating and DisplayAlerts are restored.
  expect([et.screenUpdating, et.displayAlerts]).toEqual([true, true]);

  // Result sheets: same names in the same order; every cell the plan writes holds the same value
  // as the xlsx host wrote (whole result sheets; the result block of the data sheet).
  const written = await cli.host.read(cli.host.sheetNames());
  expect(book.sheets.map((s) => s.name)).toEqual(written.sheetNames);
  let compared = 0;
  for (const sp of run.plan.sheets.filter((p) => p.mode !== "delete")) {
    const grid = etGrid(book.sheet(sp.name));
    const xlsx = written.sheets.find((w) => w.name === sp.name)!.values;
    for (const b of sp.blocks)
      b.values.forEach((line, i) =>
        line.forEach((_, j) => {
          const at = [sp.name, b.row + i, b.col + j];
          expect([...at, grid[b.row + i]?.[b.col + j] ?? ""]).toEqual([...at, xlsx[b.row + i]?.[b.col + j] ?? ""]);
          compared++;
        }),
      );
  }
  expect(compared).toBeGreaterThan(1000);
  // The plan's charts are native charts on 差异系数.
  expect(book.sheet("差异系数").charts.map((c) => c.name)).toEqual(run.plan.sheets.find((p) => p.name === "差异系数")!.charts!.map((c) => c.name));
});

test("running twice equals running once; the input cells are untouched", async () => {
  const book = countyBook(60, { titleRows: 2, groupRow: true, shuffle: 3, aliases: true, notesColumn: true });
  const input = book.sheet("学校数据");
  const before = JSON.stringify(etGrid(input));
  const dump = () =>
    JSON.stringify(
      book.sheets.map((s) => ({ name: s.name, grid: etGrid(s), fills: [...etFills(s)].sort(), formats: [...etFormats(s)].sort(), merges: s.merges, widths: [...s.widths], frozen: s.frozen, charts: s.charts, conditions: s.conditions })),
    );
  await assessWorkbook(wpsFor(book).host);
  const once = dump();
  const inputAfter = etGrid(input).map((l) => l.slice(0, JSON.parse(before)[0].length));
  expect(JSON.stringify(inputAfter.slice(0, JSON.parse(before).length))).toBe(before);
  await assessWorkbook(wpsFor(book).host);
  expect(dump()).toBe(once);
});

test("清除评估结果 through WpsHost leaves the workbook as it was before the first assessment", async () => {
  const book = countyBook(40, { titleRows: 1, groupRow: true });
  const dump = () =>
    JSON.stringify(book.sheets.map((s) => ({ name: s.name, grid: etGrid(s), fills: [...etFills(s)].sort(), formats: [...etFormats(s)].sort(), merges: s.merges, conditions: s.conditions, charts: s.charts })));
  const before = dump();
  const names = [...book.names.keys()];
  await assessWorkbook(wpsFor(book).host);
  expect(dump()).not.toBe(before);
  expect(book.names.size).toBeGreaterThan(0);
  const cleared = await clearWorkbook(wpsFor(book).host);
  expect(cleared.changed).toBe(true);
  expect(dump()).toBe(before);
  expect([...book.names.keys()]).toEqual(names);
});
