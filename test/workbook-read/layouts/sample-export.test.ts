/**
 * examples/sample-county-export.xlsx (scripts/make-sample.ts, synthetic) holds the schools of
 * examples/sample-county.xlsx in the layout of a statistics export: assessed, it must give the
 * same JSON as the template sample (whose figures test/workbook-read/sample.test.ts checks
 * against the 綦江区 report).
 */
import { readFileSync } from "fs";
import * as path from "path";
import { XlsxHost } from "../../../src/hosts/xlsx";
import { toContractJson, type ContractJson } from "../../../src/workbook/json";
import { assessWorkbook } from "../../../src/workbook/run";
import type { ReadResult } from "../../../src/workbook/contract";
import { closeDeep } from "./fixtures";

async function run(file: string): Promise<{ json: ContractJson; read: ReadResult }> {
  const host = await XlsxHost.load(new Uint8Array(readFileSync(path.join(__dirname, "../../../examples", file))));
  const { assessment, read } = await assessWorkbook(host);
  return { json: toContractJson(assessment, read), read };
}

test("the statistics-export sample gives the template sample's JSON", async () => {
  const [template, exported] = await Promise.all([run("sample-county.xlsx"), run("sample-county-export.xlsx")]);
  expect(exported.read.layout).toMatchObject({ sheet: "2024年教育事业统计导出", kind: "statistics" });
  expect(exported.read.issues).toEqual([]);
  expect(exported.json.units.length).toBe(template.json.units.length);
  exported.json.units.forEach((u, i) => {
    const t = template.json.units[i];
    expect([u.school, u.section, u.included, u.metCount, u.pass]).toEqual([t.school, t.section, t.included, t.metCount, t.pass]);
    // Units outside the assessment (the 特殊教育学校): the template leaves their cells empty (数据有误),
    // the export leaves zeros blank (0): both are not assessed.
    if (!t.included) return;
    for (const code of Object.keys(t.indicators) as (keyof typeof t.indicators)[]) {
      expect(u.indicators[code].status).toBe(t.indicators[code].status);
      if (t.indicators[code].value !== null) expect(u.indicators[code].value).toBeCloseTo(t.indicators[code].value!, 6);
    }
  });
  for (const sec of ["primary", "junior"] as const) expect(exported.json.balance[sec].composite).toBeCloseTo(template.json.balance[sec].composite!, 9);
  expect(exported.json.schools).toEqual(template.json.schools);
  expect(exported.json.county).toEqual(closeDeep(template.json.county));
});
