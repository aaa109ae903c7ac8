/**
 * The whole assessment through the real engine, reader and renderer (assessWorkbook) against the
 * fake Excel: sync budget, request sizes, run-twice-equals-once, input cells untouched, and the
 * ExcelApi 1.7 fallbacks giving the same cells as 1.18.
 */
import { assessWorkbook } from "../../src/workbook/run";
import { MAX_REQUEST_BYTES } from "../../src/hosts/office";
import type { FakeWorkbook } from "../fakes/fakeExcel";
import { countyDoc, hostFor } from "./helpers";

function inputGrid(doc: FakeWorkbook, cols: number): unknown {
  return doc.sheet("学校数据")!.grid(undefined, cols);
}

async function assessCounted(doc: FakeWorkbook) {
  doc.resetCounters();
  const host = hostFor(doc);
  const run = await assessWorkbook(host);
  return { run, syncs: doc.syncs.length, maxRequest: doc.maxRequestBytes(), maxResponse: doc.maxResponseBytes(), host };
}

test("syncs per assessment: at most 4, and the same for 100 and 5 000 schools; no request over 4 MB", async () => {
  const small = countyDoc(100);
  const large = countyDoc(5000, { seed: 11 });
  const a = await assessCounted(small);
  const b = await assessCounted(large);
  // eslint-disable-next-line no-console
  console.log(
    `syncs: 100 schools → ${a.syncs}, 5000 schools → ${b.syncs}; largest request: ${(a.maxRequest / 1024).toFixed(0)} KiB / ${(b.maxRequest / 1048576).toFixed(2)} MiB; ` +
      `largest response: ${(a.maxResponse / 1024).toFixed(0)} KiB / ${(b.maxResponse / 1048576).toFixed(2)} MiB; 5000-school write batches: ${b.host.lastApply?.syncs}`,
  );
  expect(a.syncs).toBeLessThanOrEqual(4);
  expect(b.syncs).toBe(a.syncs);
  // The two native charts of 差异系数 come in those same syncs (test/hosts-office/charts.test.ts).
  expect(small.sheet("差异系数")!.charts).toHaveLength(2);
  expect(large.sheet("差异系数")!.charts).toHaveLength(2);
  expect(b.maxRequest).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  // The 5 000-school plan is larger than one request may be: it had to be split.
  const total = large.syncs.reduce((n, s) => n + s.requestBytes, 0);
  expect(b.run.assessment.units.length).toBeGreaterThan(5000);
  expect(total).toBeGreaterThan(b.maxRequest);
}, 120000);

test("running twice gives the same workbook as running once, and input cells are never changed", async () => {
  const doc = countyDoc(60, { titleRows: 2, groupRow: true, shuffle: 3, aliases: true, notesColumn: true });
  const inputCols = doc.sheet("学校数据")!.usedArea(true)!.cols;
  const before = inputGrid(doc, inputCols);
  await assessWorkbook(hostFor(doc));
  const once = JSON.stringify(doc.snapshot());
  expect(inputGrid(doc, inputCols)).toEqual(before);
  await assessWorkbook(hostFor(doc));
  expect(JSON.stringify(doc.snapshot())).toBe(once);
  expect(inputGrid(doc, inputCols)).toEqual(before);
});

test("result sheets exist with values, and shortfall input cells are highlighted", async () => {
  const doc = countyDoc(80);
  const { run } = await assessCounted(doc);
  for (const s of run.plan.sheets.filter((p) => p.mode !== "delete")) expect(doc.sheet(s.name)).toBeDefined();
  const highlighted = run.plan.sheets.flatMap((s) => (s.highlights ?? []).filter((h) => h.fill).flatMap((h) => h.cells.map((c) => [s.name, c, h.fill])));
  expect(highlighted.length).toBeGreaterThan(0);
  for (const [sheet, cell, fill] of highlighted) expect(doc.sheet(sheet as string)!.at(cell as string)?.fill).toBe((fill as string).toUpperCase());
  // Every value block landed: spot-check the first cell of each block.
  for (const sp of run.plan.sheets)
    for (const b of sp.blocks) {
      const v = b.values[0]?.[0];
      if (v === null || v === undefined || v === "") continue;
      expect([sp.name, doc.sheet(sp.name)!.cell(b.row, b.col)?.value]).toEqual([sp.name, v]);
    }
});

test("with ExcelApi 1.7 only (no RangeAreas, validation, notes), the cells are the same as with 1.18", async () => {
  const modern = countyDoc(120, { apiVersion: "1.18" });
  const old = countyDoc(120, { apiVersion: "1.7" });
  await assessWorkbook(hostFor(modern));
  await assessWorkbook(hostFor(old));
  for (const s of modern.sheets) {
    const o = old.sheet(s.name)!;
    expect([s.name, [...o.fills()].sort()]).toEqual([s.name, [...s.fills()].sort()]);
    expect([s.name, o.grid()]).toEqual([s.name, s.grid()]);
  }
  expect(old.syncs.length).toBe(modern.syncs.length);
});

test("school names that look like formulas stay text in every sheet they are copied to", async () => {
  const doc = countyDoc(30, { overrides: [[0, "学校名称", "=HYPERLINK(\"http://x\",\"点我\")"], [1, "学校名称", "+1 学校"], [2, "学校名称", "-第三学校"], [3, "学校名称", "@校"]] });
  const { run } = await assessCounted(doc);
  for (const s of doc.sheets) expect([s.name, s.formulas()]).toEqual([s.name, []]);
  const names = run.assessment.units.map((u) => u.school);
  expect(names).toContain("=HYPERLINK(\"http://x\",\"点我\")");
  // The name is shown as entered in the result sheets.
  const found = doc.sheets.filter((s) => s.name !== "学校数据").some((s) => s.grid().some((row) => row.includes("=HYPERLINK(\"http://x\",\"点我\")")));
  expect(found).toBe(true);
});
