/**
 * 整改测算 and 与上年比较, which the pane also writes into the open workbook (Excel and WPS): their
 * colours are conditional formats over whole columns, as on the result sheets, so that no host's
 * work grows with the rows. What Excel would show in each cell (the rules evaluated, test/fakes/
 * cfEval.ts) is compared with what the engine says of that cell.
 */
import * as fs from "fs";
import * as ExcelJS from "exceljs";
import { XlsxHost } from "../../src/hosts/xlsx";
import { assess } from "../../src/engine/assess";
import { compareYears } from "../../src/engine/compare";
import { planRemediation, planStep } from "../../src/engine/plan";
import { INDICATOR_CODES } from "../../src/engine/types";
import { readHost } from "../../src/workbook/run";
import { FILL } from "../../src/workbook/plan";
import { planSheet } from "../../src/workbook/render-plan";
import { compareSheet, direction } from "../../src/workbook/render-compare";
import type { SheetPlan } from "../../src/workbook/plan";
import { shownFill } from "./cf";

const ARGB = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

async function written(sheet: SheetPlan): Promise<ExcelJS.Worksheet> {
  const host = XlsxHost.create();
  await host.apply({ sheets: [sheet] });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await host.save()) as unknown as ArrayBuffer);
  return wb.getWorksheet(sheet.name)!;
}

async function sample() {
  const read = await readHost(await XlsxHost.load(new Uint8Array(fs.readFileSync("examples/sample-county.xlsx"))));
  return { read, assessment: assess(read.dataset) };
}

test("整改测算: amber exactly on the amounts that include the second step (CV), by rule", async () => {
  const { read } = await sample();
  // Spread the equipment and the sports grounds (every third school far below, the others above),
  // so that the CVs fail and the plan needs its second step at some schools.
  const schools = read.dataset.schools.map((s, i) => {
    const k = i % 3 ? 1.6 : 0.15;
    const v = s.values;
    return { ...s, values: { ...v, equipmentValue: (v.equipmentValue ?? 0) * k, sportsArea: (v.sportsArea ?? 0) * k, primaryEquipmentValue: (v.primaryEquipmentValue ?? 0) * k, juniorEquipmentValue: (v.juniorEquipmentValue ?? 0) * k } };
  });
  const assessment = assess({ ...read.dataset, schools });
  const plan = planRemediation(assessment);
  const sheet = planSheet(plan, assessment);
  expect(sheet.highlights ?? []).toEqual([]);
  expect((sheet.conditionalFills ?? []).length).toBeLessThanOrEqual(INDICATOR_CODES.length);
  const ws = await written(sheet);
  // The 一校一案 rows: find them by school name and 学段, in plan order.
  let checked = 0;
  let amber = 0;
  ws.eachRow((row, r) => {
    const school = plan.schools.find((s) => s.school === row.getCell(1).value);
    if (!school) return;
    const unit = school.units.find((u) => row.getCell(2).value === (u.section === "primary" ? "小学" : "初中"));
    if (!unit) return;
    INDICATOR_CODES.forEach((code, j) => {
      const second = planStep(plan, unit, code) === 2;
      expect([school.school, unit.section, code, shownFill(ws, ws.getCell(r, 3 + j))]).toEqual([school.school, unit.section, code, second ? ARGB(FILL.basic) : null]);
      checked++;
      if (second) amber++;
    });
  });
  expect(checked).toBeGreaterThan(20);
  expect(amber).toBeGreaterThan(0);
  // eslint-disable-next-line no-console
  console.log(`整改测算: ${checked} amounts checked, ${amber} amber`);
});

test("与上年比较: 本年状态 green where better, red where worse, uncoloured otherwise, by rule", async () => {
  const now = await sample();
  // Last year: the same county with fewer teachers and less equipment at every other school.
  const lastSchools = now.read.dataset.schools.map((s, i) =>
    i % 2 ? s : { ...s, values: { ...s.values, primaryQualifiedTeachers: (s.values.primaryQualifiedTeachers ?? 0) * 0.8, equipmentValue: (s.values.equipmentValue ?? 0) * 1.5 } },
  );
  const last = assess({ ...now.read.dataset, schools: lastSchools });
  const c = compareYears({ assessment: last, schools: lastSchools }, { assessment: now.assessment, schools: now.read.dataset.schools });
  const sheet = compareSheet(c, now.assessment.profile, { old: "上年", new: "本年" });
  expect(sheet.highlights ?? []).toEqual([]);
  const ws = await written(sheet);
  const seen = { better: 0, worse: 0, same: 0 };
  for (const u of c.units) {
    for (const code of INDICATOR_CODES) {
      const ch = u.changes[code];
      if (!ch) continue;
      let at = 0;
      ws.eachRow((row, r) => {
        if (row.getCell(1).value === u.school && String(row.getCell(3).value).startsWith(`${code} `) && row.getCell(2).value === (u.section === "primary" ? "小学" : "初中")) at = r;
      });
      expect(at).toBeGreaterThan(0);
      const d = direction(ch);
      expect([u.school, code, shownFill(ws, ws.getCell(at, 5))]).toEqual([u.school, code, d > 0 ? ARGB(FILL.met) : d < 0 ? ARGB(FILL.unmet) : null]);
      seen[d > 0 ? "better" : d < 0 ? "worse" : "same"]++;
    }
  }
  expect(seen.better + seen.worse).toBeGreaterThan(3);
});
