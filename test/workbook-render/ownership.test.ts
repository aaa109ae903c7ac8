/**
 * Ownership by marker, through the whole pipeline on .xlsx files (exceljs fixture → XlsxHost →
 * assess / clear → saved bytes → exceljs): the cases of issue 10's "Why" list that concern the
 * product's own logic. Each workbook is built by hand; the expectations are the issue's promise:
 * the user's notes, columns, sheets and fills are never written over, the result block and
 * highlights are the product's by marker, running twice equals once, and clear restores the original.
 */
import type * as ExcelJS from "exceljs";
import { XlsxHost } from "../../src/hosts/xlsx";
import { FILL } from "../../src/workbook/plan";
import { OWNED_RULE_TAG, RESULT_BLOCK_MARK, sheetMark } from "../../src/workbook/port";
import { RESULT_COLUMNS } from "../../src/workbook/render";
import { assessWorkbook, clearWorkbook } from "../../src/workbook/run";
import { argbFill, cfRules, shownFill } from "./cf";
import { buildWorkbook, dumpWorkbook, fromBytes, makeSchools, toBytes, type SchoolRow } from "./fixtures";

const ARGB = (hex: string) => `FF${hex.slice(1)}`;

async function assessBytes(bytes: Uint8Array): Promise<{ bytes: Uint8Array; run: Awaited<ReturnType<typeof assessWorkbook>> }> {
  const host = await XlsxHost.load(bytes);
  const run = await assessWorkbook(host);
  return { bytes: await host.save(), run };
}

async function clearBytes(bytes: Uint8Array): Promise<Uint8Array> {
  const host = await XlsxHost.load(bytes);
  await clearWorkbook(host);
  return host.save();
}

/** A school whose 101 (18/500×100 = 3.6 < 4.2) is 基本达标 and 102 (1/500×100 = 0.2 < 0.9) 未达标. */
function shortSchools(n: number): SchoolRow[] {
  const schools = makeSchools(n, 11);
  schools[0] = { ...schools[0], 学校名称: "甲小学", 学校类型: "小学", 小学在校生数: 500, 初中在校生数: null, 高中在校生数: null, 小学高于规定学历教师数: 18, 小学骨干教师数: 1 };
  return schools;
}

/** The 0-based header row, the first data row and the column of a header on 学校数据. */
function locate(ws: ExcelJS.Worksheet, header: string): { headerRow: number; col: number } {
  let found: { headerRow: number; col: number } | null = null;
  ws.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (!found && cell.value === header) found = { headerRow: r, col: c };
    }),
  );
  if (!found) throw new Error(`no header ${header}`);
  return found;
}

describe("notes right of and below the data (unheaded), user columns named 评估结论", () => {
  let original: Uint8Array;
  let once: Uint8Array;
  let lastUserCol: number;
  beforeAll(async () => {
    const wb = buildWorkbook(shortSchools(12), { titleRows: 1, groupRow: true });
    const ws = wb.getWorksheet("学校数据")!;
    const header = locate(ws, "学校名称").headerRow;
    const width = ws.getRow(header).cellCount;
    // The user's own column headed 评估结论 (a previous tool's, or the bureau's own verdict) and an
    // unheaded note two columns further right, on a data row; a note below the table.
    ws.getCell(header, width + 1).value = "评估结论";
    ws.getCell(header + 1, width + 1).value = "良好";
    ws.getCell(header + 2, width + 3).value = "此行数据待核实（王）";
    ws.getCell(header + 20, 1).value = "填表说明：面积单位为平方米";
    ws.getCell(header + 20, width + 6).value = "审核人：李";
    lastUserCol = width + 6;
    original = await toBytes(wb);
    once = (await assessBytes(original)).bytes;
  });

  it("keeps every user cell, and the block starts two columns right of the last used column of the whole sheet", async () => {
    const before = (await fromBytes(original)).getWorksheet("学校数据")!;
    const after = (await fromBytes(once)).getWorksheet("学校数据")!;
    before.eachRow((row) => row.eachCell((cell) => expect(after.getCell(cell.address).value).toEqual(cell.value)));
    const { headerRow, col } = locate(after, "小学监测点");
    expect(col).toBe(lastUserCol + 2);
    expect(after.getCell(headerRow, lastUserCol + 1).value).toBeNull();
    // Nothing below the data rows: the block ends on the last school's row.
    const last = headerRow + 12;
    for (let c = col; c < col + RESULT_COLUMNS.length; c++) {
      expect(after.getCell(last + 1, c).value).toBeNull();
      expect(after.getCell(last + 8, c).value).toBeNull();
    }
    const lastRow = Array.from({ length: RESULT_COLUMNS.length }, (_, j) => after.getCell(last, col + j).value);
    expect(lastRow.some((v) => v !== null)).toBe(true);
  });

  it("reads the user's 评估结论 column as input on the next run and does not erase it; running twice equals once", async () => {
    const twice = (await assessBytes(once)).bytes;
    expect(dumpWorkbook(await fromBytes(twice))).toEqual(dumpWorkbook(await fromBytes(once)));
    const ws = (await fromBytes(twice)).getWorksheet("学校数据")!;
    const { headerRow, col } = locate(ws, "评估结论");
    expect(ws.getCell(headerRow + 1, col).value).toBe("良好");
  });

  it("clear restores the workbook of before the first assessment", async () => {
    const cleared = await clearBytes(once);
    expect(dumpWorkbook(await fromBytes(cleared))).toEqual(dumpWorkbook(await fromBytes(original)));
    // Clearing a workbook without results changes nothing.
    expect(dumpWorkbook(await fromBytes(await clearBytes(cleared)))).toEqual(dumpWorkbook(await fromBytes(original)));
  });
});

describe("user sheets named like result sheets", () => {
  let original: Uint8Array;
  let once: Uint8Array;
  beforeAll(async () => {
    const wb = buildWorkbook(shortSchools(8), { groupRow: true });
    wb.addWorksheet("问题清单").getCell("A1").value = "督导组反馈的问题（手工整理）";
    wb.addWorksheet("数据问题").getCell("B2").value = "统计口径说明";
    original = await toBytes(wb);
    once = (await assessBytes(original)).bytes;
  });

  it("keeps the user's 问题清单 and 数据问题 and writes the results under another name", async () => {
    const wb = await fromBytes(once);
    expect(wb.getWorksheet("问题清单")!.getCell("A1").value).toBe("督导组反馈的问题（手工整理）");
    expect(wb.getWorksheet("数据问题")!.getCell("B2").value).toBe("统计口径说明");
    expect(wb.getWorksheet("问题清单（评估）")).toBeDefined();
    expect(wb.getWorksheet("问题清单（评估）")!.getCell("A1").value).not.toBe("督导组反馈的问题（手工整理）");
    const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    expect(names.find((n) => n.name === sheetMark("problems"))!.ranges[0]).toMatch(/问题清单（评估）/);
    expect(names.find((n) => n.name === RESULT_BLOCK_MARK)!.ranges[0]).toMatch(/^'?学校数据'?!\$/);
  });

  it("replaces its own sheet on the next run (no 问题清单（评估2）), and clear removes only its own", async () => {
    const twice = await fromBytes((await assessBytes(once)).bytes);
    expect(twice.getWorksheet("问题清单（评估2）")).toBeUndefined();
    expect(dumpWorkbook(twice)).toEqual(dumpWorkbook(await fromBytes(once)));
    const cleared = await fromBytes(await clearBytes(once));
    expect(cleared.worksheets.map((w) => w.name)).toEqual(["学校数据", "县级指标", "问题清单", "数据问题"]);
    expect(dumpWorkbook(cleared)).toEqual(dumpWorkbook(await fromBytes(original)));
  });
});

describe("user fills on shortfall cells", () => {
  it("stay as they were; the highlight is a conditional format that follows the data and goes with the results", async () => {
    const wb = buildWorkbook(shortSchools(6), { groupRow: true });
    const ws = wb.getWorksheet("学校数据")!;
    const q = locate(ws, "小学高于规定学历教师数");
    const b = locate(ws, "小学骨干教师数");
    const row = q.headerRow + 1; // 甲小学
    const yellow: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    ws.getCell(row, b.col).fill = yellow; // the bureau's own marking
    const original = await toBytes(wb);

    const once = await fromBytes((await assessBytes(original)).bytes);
    let s = once.getWorksheet("学校数据")!;
    expect(argbFill(s.getCell(row, b.col))).toBe("FFFFFF00"); // own fill unchanged
    expect(shownFill(s, s.getCell(row, b.col))).toBe(ARGB(FILL.unmet)); // 102: 0.2 < 0.9×… 未达标
    expect(argbFill(s.getCell(row, q.col))).toBeNull();
    expect(shownFill(s, s.getCell(row, q.col))).toBe(ARGB(FILL.basic)); // 101: 3.6 basic

    // The bureau fixes 102 (9 backbone teachers: 1.8 ≥ 0.9) and assesses again.
    s.getCell(row, b.col).value = 9;
    const fixed = await fromBytes((await assessBytes(await toBytes(once))).bytes);
    s = fixed.getWorksheet("学校数据")!;
    expect(shownFill(s, s.getCell(row, b.col))).toBe("FFFFFF00"); // the user's yellow shows again
    expect(shownFill(s, s.getCell(row, q.col))).toBe(ARGB(FILL.basic));

    const cleared = (await fromBytes(await clearBytes(await toBytes(fixed)))).getWorksheet("学校数据")!;
    expect(cfRules(cleared)).toEqual([]);
    expect(argbFill(cleared.getCell(row, b.col))).toBe("FFFFFF00");
  });

  it("a user's own conditional format on the data stays through assess and clear", async () => {
    const wb = buildWorkbook(shortSchools(6), { groupRow: true });
    const ws = wb.getWorksheet("学校数据")!;
    const q = locate(ws, "小学在校生数");
    ws.addConditionalFormatting({
      ref: `A${q.headerRow + 1}:AZ${q.headerRow + 6}`,
      rules: [{ type: "expression", priority: 1, formulae: ["$A3=\"甲小学\""], style: { font: { bold: true } } }],
    } as unknown as ExcelJS.ConditionalFormattingOptions);
    const original = await toBytes(wb);
    const once = (await fromBytes((await assessBytes(original)).bytes)).getWorksheet("学校数据")!;
    const user = cfRules(once).filter((r) => !r.rule.formulae![0].includes(OWNED_RULE_TAG));
    expect(user.map((r) => r.rule.formulae)).toEqual([["$A3=\"甲小学\""]]);
    const cleared = await fromBytes(await clearBytes(await toBytes(once.workbook)));
    expect(dumpWorkbook(cleared)).toEqual(dumpWorkbook(await fromBytes(original)));
  });
});

describe("rules do not grow with the number of schools", () => {
  it("the same rule count for 20 and 400 schools with shortfalls", async () => {
    const count = async (n: number) => {
      const { bytes } = await assessBytes(await toBytes(buildWorkbook(makeSchools(n, 3, 0.3), { groupRow: true })));
      const ws = (await fromBytes(bytes)).getWorksheet("学校数据")!;
      return cfRules(ws).length;
    };
    const small = await count(20);
    const large = await count(400);
    expect(small).toBeGreaterThan(2);
    expect(large).toBeLessThanOrEqual(2 + 2 * 40); // two for the block, at most two per input column
    expect(large).toBeLessThanOrEqual(small + 12);
  });
});
