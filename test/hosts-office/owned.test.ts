/**
 * Ownership by marker in Excel (OfficeHost over the fake Excel, through assessWorkbook and
 * clearWorkbook): the user's notes, columns, sheets, fills and conditional formats are never
 * written over; the product's block, sheets and rules carry its markers; running twice equals
 * once; 清除评估结果 gives back the workbook of before the first assessment; syncs stay constant.
 */
import { assessWorkbook, clearWorkbook } from "../../src/workbook/run";
import { FILL } from "../../src/workbook/plan";
import { OWNED_RULE_TAG, RESULT_BLOCK_MARK, sheetMark } from "../../src/workbook/port";
import { shownInFake as shown } from "../fakes/cfEval";
import type { FakeSheet, FakeWorkbook } from "../fakes/fakeExcel";
import { countyDoc, fakeFromExcelJs, hostFor } from "./helpers";
import { buildWorkbook, makeSchools } from "../workbook-render/fixtures";

function find(sheet: FakeSheet, text: string): { row: number; col: number } {
  for (let r = 0; r < 10; r++) for (let c = 0; c < 80; c++) if (sheet.cell(r, c)?.value === text) return { row: r, col: c };
  throw new Error(`no ${text}`);
}

/** A county with a user note right of the data, a user 评估结论 column, user sheets 问题清单 / 数据问题, a user fill and a user rule. */
function userWorkbook(n: number): { doc: FakeWorkbook; noteCol: number } {
  const schools = makeSchools(n, 5);
  schools[0] = { ...schools[0], 学校名称: "甲小学", 学校类型: "小学", 小学在校生数: 500, 初中在校生数: null, 高中在校生数: null, 小学高于规定学历教师数: 18, 小学骨干教师数: 1 };
  const doc = fakeFromExcelJs(buildWorkbook(schools, { titleRows: 1, groupRow: true }));
  const s = doc.sheet("学校数据")!;
  const used = s.usedArea(true)!;
  const header = find(s, "学校名称").row;
  s.touch(header, used.cols).value = "评估结论";
  s.touch(header + 1, used.cols).value = "良好";
  const noteCol = used.cols + 3;
  s.touch(header + 2, noteCol).value = "此行待核实";
  const backbone = find(s, "小学骨干教师数");
  s.touch(header + 1, backbone.col).fill = "#FFFF00";
  s.conditionalFormats.push({ type: "Custom", area: { row: header + 1, col: 0, rows: n, cols: 2 }, formula: '=$A3="甲小学"', fontColor: "#0000FF" });
  doc.addSheet("问题清单").touch(0, 0).value = "督导组反馈（手工整理）";
  doc.addSheet("数据问题").touch(1, 1).value = "口径说明";
  doc.addName("用户区域", "学校数据", "A1:B2");
  return { doc, noteCol };
}

describe("a user's workbook through assess and clear in Excel", () => {
  const { doc, noteCol } = userWorkbook(12);
  const original = JSON.stringify(doc.snapshot());
  let once = "";

  it("keeps the user's cells, columns, sheets, fill and rule; the block is right of the last used column", async () => {
    await assessWorkbook(hostFor(doc));
    once = JSON.stringify(doc.snapshot());
    const s = doc.sheet("学校数据")!;
    const header = find(s, "学校名称").row;
    expect(s.cell(header, noteCol - 3)?.value).toBe("评估结论");
    expect(s.cell(header + 1, noteCol - 3)?.value).toBe("良好");
    expect(s.cell(header + 2, noteCol)?.value).toBe("此行待核实");
    expect(find(s, "小学监测点").col).toBe(noteCol + 2);
    expect(doc.sheet("问题清单")!.cell(0, 0)?.value).toBe("督导组反馈（手工整理）");
    expect(doc.sheet("数据问题")!.cell(1, 1)?.value).toBe("口径说明");
    expect(doc.sheet("问题清单（评估）")).toBeDefined();
    // Highlights: the user's own yellow stays on the cell, the product's rule shows red over it.
    const backbone = find(s, "小学骨干教师数").col;
    const teachers = find(s, "小学高于规定学历教师数").col;
    expect(s.cell(header + 1, backbone)?.fill).toBe("#FFFF00");
    expect(shown(s, header + 1, backbone)).toBe(FILL.unmet); // 102: 1/500×100 = 0.2 未达标
    expect(shown(s, header + 1, teachers)).toBe(FILL.basic); // 101: 18/500×100 = 3.6 基本达标
    expect(s.cell(header + 1, teachers)?.fill).toBeUndefined();
    const user = s.conditionalFormats.filter((c) => !c.formula.includes(OWNED_RULE_TAG));
    expect(user.map((c) => c.formula)).toEqual(['=$A3="甲小学"']);
    // Markers: hidden workbook names; the user's name untouched.
    const names = doc.names.map((n) => [n.name, n.visible]);
    expect(names).toEqual(expect.arrayContaining([["用户区域", true], [RESULT_BLOCK_MARK, false], [sheetMark("problems"), false]]));
    expect(doc.names.find((n) => n.name === sheetMark("problems"))!.sheet!.name).toBe("问题清单（评估）");
  });

  it("running twice equals running once", async () => {
    await assessWorkbook(hostFor(doc));
    expect(JSON.stringify(doc.snapshot())).toBe(once);
  });

  it("a fixed shortfall loses its highlight on the next run; the user's fill shows again", async () => {
    const s = doc.sheet("学校数据")!;
    const header = find(s, "学校名称").row;
    const backbone = find(s, "小学骨干教师数").col;
    s.cell(header + 1, backbone)!.value = 9; // 1.8 per 100 students ≥ 0.9
    await assessWorkbook(hostFor(doc));
    expect(shown(s, header + 1, backbone)).toBe("#FFFF00");
    s.cell(header + 1, backbone)!.value = 1;
    await assessWorkbook(hostFor(doc));
    expect(JSON.stringify(doc.snapshot())).toBe(once);
  });

  it("清除评估结果 restores the workbook of before the first assessment, in a constant number of syncs", async () => {
    doc.resetCounters();
    const run = await clearWorkbook(hostFor(doc));
    expect(run.changed).toBe(true);
    expect(run.sheets).toEqual(expect.arrayContaining(["监测点指标", "问题清单（评估）", "评估汇总"]));
    expect(JSON.stringify(doc.snapshot())).toBe(original);
    expect(doc.syncs.length).toBeLessThanOrEqual(5);
    doc.resetCounters();
    expect((await clearWorkbook(hostFor(doc))).changed).toBe(false);
    expect(JSON.stringify(doc.snapshot())).toBe(original);
  });
});

test("the rule count and the syncs do not grow with the number of schools", async () => {
  const rules = async (n: number) => {
    const doc = countyDoc(n, { seed: 9, groupRow: true });
    doc.resetCounters();
    await assessWorkbook(hostFor(doc));
    const syncs = doc.syncs.length;
    doc.resetCounters();
    await clearWorkbook(hostFor(doc));
    return { count: doc.sheets[0].conditionalFormats.length, syncs, clearSyncs: doc.syncs.length, doc };
  };
  const small = await rules(40);
  const large = await rules(2000);
  const doc = countyDoc(2000, { seed: 9, groupRow: true });
  await assessWorkbook(hostFor(doc));
  const count = doc.sheet("学校数据")!.conditionalFormats.length;
  const columns = doc.sheet("学校数据")!.usedArea(true)!.cols;
  expect(count).toBeGreaterThan(2);
  expect(count).toBeLessThanOrEqual(2 + 2 * columns);
  expect(large.syncs).toBe(small.syncs);
  expect(large.clearSyncs).toBe(small.clearSyncs);
  expect(large.count).toBe(0); // cleared
}, 120000);

test("below ExcelApi 1.6 (so below the manifest's minimum 1.7) the assessment stops with the Chinese version message, before any conditional format", async () => {
  const doc = countyDoc(30, { apiVersion: "1.5", groupRow: true });
  await expect(assessWorkbook(hostFor(doc))).rejects.toThrow(/需要 ExcelApi 1\.7 及以上/);
  expect(doc.sheet("学校数据")!.conditionalFormats).toEqual([]);
});
