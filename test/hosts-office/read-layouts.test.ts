/**
 * A workbook without 「学校数据」 (issue 9): the reader finds the data sheet by its content, which
 * takes a second read batch (the candidate sheets) after the first (the input sheets by name).
 * Against the fake Excel: the number of syncs is fixed — the same for 100 and 3 000 schools, and
 * two more than the template's (the second batch's sheet list and used ranges) — and the JSON is
 * the template's.
 */
import { XlsxHost } from "../../src/hosts/xlsx";
import { assessWorkbook, readHost } from "../../src/workbook/run";
import { toContractJson } from "../../src/workbook/json";
import { exportPlan } from "../../scripts/lib/export-layout";
import type { FakeWorkbook } from "../fakes/fakeExcel";
import { buildWorkbook, fromBytes, makeSchools, toBytes } from "../workbook-render/fixtures";
import { fakeFromExcelJs, hostFor } from "./helpers";

/** The same n schools as a template workbook and as a statistics export (exceljs-saved, as Excel saves). */
async function twins(n: number, seed: number): Promise<{ template: FakeWorkbook; exported: FakeWorkbook }> {
  const wb = buildWorkbook(makeSchools(n, seed), { titleRows: 1, groupRow: true });
  const records = (await readHost(await XlsxHost.load(await toBytes(wb)))).dataset.schools;
  const out = XlsxHost.create();
  await out.apply(exportPlan(records, { sheets: [] }, "某某县2024年义务教育学校基础数据"));
  return { template: fakeFromExcelJs(wb), exported: fakeFromExcelJs(await fromBytes(await out.save())) };
}

async function counted(doc: FakeWorkbook) {
  doc.resetCounters();
  const run = await assessWorkbook(hostFor(doc));
  return { run, syncs: doc.syncs.length, maxRequest: doc.maxRequestBytes() };
}

test("a statistics export: a fixed number of syncs, whatever the number of schools; the template's JSON", async () => {
  const small = await twins(100, 5);
  const large = await twins(3000, 6);
  const t = await counted(small.template);
  const a = await counted(small.exported);
  const b = await counted(large.exported);
  // eslint-disable-next-line no-console
  console.log(`syncs: template 100 → ${t.syncs}; statistics export 100 → ${a.syncs}, 3000 → ${b.syncs}`);
  expect(a.run.read.layout.kind).toBe("statistics");
  expect(a.run.read.layout.sheet).not.toBe("学校数据");
  expect(b.run.assessment.units.length).toBeGreaterThan(3000);
  expect(b.syncs).toBe(a.syncs);
  expect(a.syncs).toBeLessThanOrEqual(t.syncs + 2);
  // The same schools give the same indicator values, statuses and CVs as the template.
  const jt = toContractJson(t.run.assessment, t.run.read);
  const ja = toContractJson(a.run.assessment, a.run.read);
  expect(ja.units.map((u) => [u.school, u.section, Object.values(u.indicators).map((i) => i.status)])).toEqual(
    jt.units.map((u) => [u.school, u.section, Object.values(u.indicators).map((i) => i.status)]),
  );
  expect(ja.balance.primary.composite).toBeCloseTo(jt.balance.primary.composite!, 9);
  expect(ja.balance.junior.composite).toBeCloseTo(jt.balance.junior.composite!, 9);
}, 120000);
