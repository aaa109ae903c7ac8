/**
 * The input-cell highlights where 104–107 may come from a section's own column or from the
 * whole-school column (indicators.md §2.1): the red lands on the cell that was used, the rule
 * formulas stay under Excel's limit for a conditional-format formula, whatever the workbook.
 * Hand-built workbook; every school far below 104 (≥ 4.5 ㎡ per 小学 student, 5.8 per 初中).
 */
import { assessWorkbook } from "../../src/workbook/run";
import { FILL } from "../../src/workbook/plan";
import { MAX_RULE_FORMULA } from "../../src/workbook/render";
import { shownInFake } from "../fakes/cfEval";
import { FakeWorkbook } from "../fakes/fakeExcel";
import { hostFor } from "./helpers";

const HEADER = ["学校名称", "学校类型", "小学在校生数", "初中在校生数", "小学班级数", "初中班级数", "教学及辅助用房面积", "小学教学及辅助用房面积", "初中教学及辅助用房面积", "体育运动场馆面积", "小学体育运动场馆面积", "初中体育运动场馆面积"];
// 甲: section columns blank → the whole-school 100 ㎡ is split between the sections (both far below).
// 乙: its own section figures (100 ㎡ each, far below) are used; its whole-school figure is not.
const ROWS = [
  ["甲学校", "九年一贯制学校", 300, 200, 6, 4, 100, "", "", 100, "", ""],
  ["乙学校", "九年一贯制学校", 300, 200, 6, 4, 99999, 100, 100, 99999, 100, 100],
];

test("104/105: the whole-school cell is red where it was used, the section cells where they were; formulas ≤ 255 characters", async () => {
  const doc = FakeWorkbook.from({ 学校数据: [HEADER, ...ROWS] });
  const run = await assessWorkbook(hostFor(doc));
  const s = doc.sheet("学校数据")!;
  const col = (h: string) => HEADER.indexOf(h);
  expect(shownInFake(s, 1, col("教学及辅助用房面积"))).toBe(FILL.unmet);
  expect(shownInFake(s, 1, col("小学教学及辅助用房面积"))).toBeNull();
  expect(shownInFake(s, 2, col("教学及辅助用房面积"))).toBeNull();
  expect(shownInFake(s, 2, col("小学教学及辅助用房面积"))).toBe(FILL.unmet);
  expect(shownInFake(s, 2, col("初中教学及辅助用房面积"))).toBe(FILL.unmet);
  expect(shownInFake(s, 1, col("体育运动场馆面积"))).toBe(FILL.unmet);
  expect(shownInFake(s, 2, col("初中体育运动场馆面积"))).toBe(FILL.unmet);
  const formulas = run.plan.sheets.flatMap((p) => p.conditionalFills ?? []).map((f) => f.formula);
  expect(formulas.length).toBeGreaterThan(2);
  for (const f of formulas) expect([f.length <= MAX_RULE_FORMULA, f]).toEqual([true, f]);
});
