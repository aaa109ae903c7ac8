/**
 * The scheduler's request-size estimate against Microsoft's real Excel client (@microsoft/office-js in
 * jsdom with a recording request executor, see realExcel.ts): every step kind, and the write batches of
 * real assessments through the engine, on the ExcelApi 1.7 path (one Range per highlighted run) and
 * on current Excel. Excel on the web rejects a request over 5 MB.
 */
import { assessWorkbook } from "../../src/workbook/run";
import type { WritePlan } from "../../src/workbook/plan";
import { capabilities } from "../../src/hosts/office/officeHost";
import { MAX_REQUEST_BYTES, planSteps, stepBytes, writeBatches, type Capabilities, type Step } from "../../src/hosts/office/schedule";
import { countyDoc, hostFor } from "../hosts-office/helpers";
import { measureBatches, measureWrite, recordApplies, recordingContext } from "./realExcel";
import { runWriteBatches } from "../../src/hosts/office/officeHost";

/** Excel on the web's request limit (5 MB). */
const WEB_LIMIT = 5 * 1000 * 1000;
const S = "学校数据";

/** ExcelApi 1.7 (no RangeAreas, no data validation, no notes) and current Excel. The 1.1.110 client has
 *  no Worksheet.notes (ExcelApi 1.18), so notes are measured through workbook.comments. */
const API_17 = capabilities((v) => ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"].includes(v));
const CURRENT: Capabilities = { ...capabilities(() => true), notes: "comments" };

/** Samples of every step kind (a new kind must add its own: the Record requires it). */
const SAMPLES: Record<Step["kind"], ((i: number) => Step)[]> = {
  delete: [(i) => ({ kind: "delete", sheet: `评估汇总${i}` })],
  add: [(i) => ({ kind: "add", sheet: `评估汇总${i}`, position: 3 })],
  clear: [(i) => ({ kind: "clear", sheet: S, area: { row: i, col: 10, rows: 5000, cols: 12 } })],
  values: [
    (i) => ({ kind: "values", sheet: S, row: i, col: 2, values: [["达标"]] }),
    (i) => ({ kind: "values", sheet: S, row: i * 400, col: 2, values: Array.from({ length: 400 }, (_, r) => ["达标", r, "未达标", "304：需增加教师培训经费 5.84 万元"]) }),
  ],
  numberFormats: [(i) => ({ kind: "numberFormats", sheet: S, row: i * 3000, col: 4, formats: Array.from({ length: 3000 }, (_, r) => [r % 2 ? "0.00" : "0.0%"]) })],
  format: [
    (i) => ({ kind: "format", sheet: S, run: { row: i, col: 0, rows: 1, cols: 10, bold: true } }),
    (i) => ({ kind: "format", sheet: S, run: { row: i, col: 0, rows: 10, cols: 10, border: true } }),
    (i) => ({ kind: "format", sheet: S, run: { row: i, col: 0, rows: 2, cols: 8, bold: true, fontColor: "#9C0006", fill: "#FFC7CE", wrap: true, horizontalAlignment: "center", border: true } }),
    (i) => ({ kind: "format", sheet: S, run: { row: i * 2000, col: 3, rows: 2000, cols: 2, numberFormat: "0.00%" } }),
  ],
  fill: [
    (i) => ({ kind: "fill", sheet: S, fill: "#FFC7CE", addresses: [`H${i + 7}`] }),
    (i) => ({ kind: "fill", sheet: S, fill: null, addresses: Array.from({ length: 30 }, (_, k) => `J${i * 100 + 3 * k + 7}:J${i * 100 + 3 * k + 8}`) }),
  ],
  merge: [(i) => ({ kind: "merge", sheet: S, area: { row: i, col: 0, rows: 1, cols: 5 } })],
  width: [(i) => ({ kind: "width", sheet: S, col: i, points: 56.25 })],
  freeze: [() => ({ kind: "freeze", sheet: S, rows: 3, cols: 2 })],
  tab: [() => ({ kind: "tab", sheet: S, color: "#00B050" })],
  validation: [(i) => ({ kind: "validation", sheet: S, area: { row: i, col: 3, rows: 100, cols: 1 }, list: ["是", "否"] })],
  note: [(i) => ({ kind: "note", sheet: S, cell: `A${i + 1}`, text: "填写说明：按 2024 年秋季学期统计" })],
  chart: [
    (i) => ({
      kind: "chart",
      sheet: S,
      chart: {
        name: `差异系数图${i}`,
        title: "各指标差异系数与限值",
        type: "clustered",
        tableRef: "$A$30:$D$38",
        categoriesRef: "$A$31:$A$38",
        categories: ["生均教学及辅助用房面积", "生均体育运动场馆面积"],
        series: [
          { nameRef: "$B$30", valuesRef: "$B$31:$B$38", name: "差异系数", values: [0.41, 0.38], kind: "bar", color: "#4472C4" },
          { nameRef: "$C$30", valuesRef: "$C$31:$C$38", name: "小学限值", values: [0.5, 0.5], kind: "line", color: "#C00000", dashed: true },
          { nameRef: "$D$30", valuesRef: "$D$31:$D$38", name: "初中限值", values: [0.45, 0.45], kind: "line", color: "#ED7D31", dashed: true },
        ],
        numberFormat: "0.0000",
        anchor: { row: 40, col: 0, rows: 15, cols: 8 },
      },
    }),
  ],
  activate: [() => ({ kind: "activate", sheet: S })],
  removeRules: [(i) => ({ kind: "removeRules", sheet: S, ids: [String(i + 3), String(i + 2), String(i + 1)] })],
  conditionalFill: [
    (i) => ({ kind: "conditionalFill", sheet: S, fill: { area: { row: 3, col: 7 + i, rows: 5000, cols: 1 }, formula: 'AND(N("优质均衡评估助手")=0,ISNUMBER(SEARCH("〔104未〕",$AK4)))', fill: "#FFC7CE", fontColor: "#9C0006" } }),
    // 问题清单's 数值: a number format, no fill.
    (i) => ({ kind: "conditionalFill", sheet: S, fill: { area: { row: 1, col: 4 + i, rows: 8000, cols: 1 }, formula: 'AND(N("优质均衡评估助手")=0,OR($C2="304",$C2=304))', numberFormat: "0.0%" } }),
  ],
  removeName: [(i) => ({ kind: "removeName", name: `_YZJH_SHEET_units${i}` })],
  addName: [(i) => ({ kind: "addName", name: `_YZJH_SHEET_units${i}`, sheet: "监测点指标", area: { row: 0, col: 0, rows: 1, cols: 1 } })],
};

/**
 * Real bytes one more step adds to a request: the difference between a request with 2n and with n such
 * steps, over n, with the client's ids already at six digits as in a 5 000-school apply.
 */
async function marginalBytes(make: (i: number) => Step, caps: Capabilities, n = 8): Promise<number> {
  const size = async (count: number) => {
    const { ctx, requests } = recordingContext();
    const c = ctx as unknown as { _nextId(): number };
    for (let k = 0; k < 100_000; k++) c._nextId();
    const warm = { step: { kind: "tab", sheet: S, color: "#000000" } as Step, bytes: 0 };
    await runWriteBatches(ctx, [[warm, ...Array.from({ length: count }, (_, i) => ({ step: make(i + 1), bytes: 0 }))]], { ...caps, suspendCalculation: false });
    return requests[0];
  };
  return ((await size(2 * n)) - (await size(n))) / n;
}

test.each([
  ["ExcelApi 1.7", API_17],
  ["current Excel", CURRENT],
])("every step kind: the estimate covers the real request bytes and is not far above them (%s)", async (_name, caps) => {
  const rows: string[] = [];
  for (const [kind, makers] of Object.entries(SAMPLES)) {
    for (const make of makers) {
      const step = make(5);
      // Steps the scheduler never makes on this API level (planSteps leaves them out).
      if ((kind === "validation" && !caps.dataValidation) || (kind === "note" && caps.notes === "none")) continue;
      const real = await marginalBytes(make, caps);
      const estimate = stepBytes(step, caps);
      rows.push(`${kind} ${Math.round(real)}/${estimate}`);
      expect([kind, estimate >= real]).toEqual([kind, true]);
      expect([kind, estimate <= 1.5 * real + 200]).toEqual([kind, true]);
    }
  }
  console.log(`real/estimated bytes per step: ${rows.join(", ")}`);
});

/** The plan OfficeHost is asked to apply by a real assessment of n schools (engine, reader, renderer). */
async function assessmentPlan(n: number, apiVersion: string): Promise<{ plan: WritePlan; existing: string[]; caps: Capabilities }> {
  const doc = countyDoc(n, { seed: 5, apiVersion });
  const host = hostFor(doc);
  const applied = recordApplies(host, () => doc.sheets.map((s) => s.name));
  await assessWorkbook(host);
  return { ...applied(), caps: capabilities((v) => doc.supports(v)) };
}

test.each([
  [1000, "1.7"],
  [1000, "1.18"],
])("%i schools on ExcelApi %s: every write request is within its estimate and under the web's 5 MB", async (n, apiVersion) => {
  const { plan, existing, caps } = await assessmentPlan(n, apiVersion);
  const batches = await measureWrite(plan, existing, caps);
  expect(batches.length).toBe(2);
  for (const b of batches) {
    expect(b.real).toBeLessThanOrEqual(b.estimate);
    expect(b.estimate).toBeLessThanOrEqual(1.25 * b.real);
    expect(b.real).toBeLessThan(WEB_LIMIT);
  }
});

test("ExcelApi 1.7, thousands of scattered highlights: more batches, none over the limit", async () => {
  // Every other row of three status columns of 12 000 schools highlighted: 18 000 separate Ranges.
  const cells = ["H", "J", "L"].flatMap((c) => Array.from({ length: 6000 }, (_, i) => `${c}${4 * i + 5}`));
  const plan: WritePlan = { sheets: [{ name: S, mode: "update", blocks: [], formats: [], highlights: [{ cells, fill: "#FFC7CE" }] }] };
  const caps = API_17;
  const steps = planSteps(plan, { existing: [S] }, caps);
  const batches = await measureBatches(writeBatches(steps, []), caps);
  expect(batches.length).toBeGreaterThan(2);
  for (const b of batches) {
    expect(b.estimate).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(b.real).toBeLessThanOrEqual(b.estimate);
    expect(b.real).toBeLessThan(WEB_LIMIT);
  }
});
