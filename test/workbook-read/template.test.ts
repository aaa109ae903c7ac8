/**
 * The template (template.md §1–§3): the sheets it writes, only the absent ones, and that the
 * reader reads it back — in memory and through a real .xlsx written by exceljs (XlsxHost).
 */
import * as ExcelJS from "exceljs";
import { NATIONAL_2017, resolveProfile } from "../../src/engine/profiles";
import { XlsxHost } from "../../src/hosts/xlsx";
import { readWorkbook, INPUT_SHEETS } from "../../src/workbook/read";
import { COUNTY_ROWS } from "../../src/workbook/county";
import { SCHOOL_COLUMNS } from "../../src/workbook/fields";
import { SCHOOL_TEMPLATE, TEMPLATE_COLUMNS, templatePlan } from "../../src/workbook/template";
import { SCHOOL_FIELD_LABEL } from "../../src/engine/profiles";
import { planToSnapshot } from "./helpers";

describe("templatePlan", () => {
  const plan = templatePlan(NATIONAL_2017, []);

  it("writes the four template sheets into an empty workbook", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(["学校数据", "县级指标", "评估标准", "说明"]);
  });

  it("adds only the sheets that are absent", () => {
    expect(templatePlan(NATIONAL_2017, ["学校数据", "说明", "Sheet1"]).sheets.map((s) => s.name)).toEqual(["县级指标", "评估标准"]);
    expect(templatePlan(NATIONAL_2017, ["学校数据", "县级指标", "评估标准", "说明"]).sheets).toEqual([]);
  });

  it("学校数据: merged group row, headers with units, validations, notes, frozen panes", () => {
    const s = plan.sheets[0];
    const [, groups, headers] = s.blocks[0].values;
    expect(groups.filter((g) => g !== null)).toEqual(["基本信息", "学生与班级", "教师", "校舍与设备", "专用教室", "经费与治理"]);
    expect(headers).toContain("教学仪器设备值（万元）");
    expect(headers).toContain("教学及辅助用房面积（㎡）");
    expect(headers).toContain("小学在校生数（人）");
    expect(s.merges!.length).toBe(6);
    const typeCol = headers.indexOf("学校类型");
    expect(s.validations).toContainEqual({ row: 3, col: typeCol, rows: SCHOOL_TEMPLATE.validationRows, cols: 1, list: expect.arrayContaining(["九年一贯制学校", "特殊教育学校"]) });
    // Every enum and 是/否 column has a list.
    const listed = new Set(s.validations!.map((v) => v.col));
    TEMPLATE_COLUMNS.forEach((c, i) => {
      if (c.kind === "enum" || c.kind === "yesno") expect(listed.has(i)).toBe(true);
    });
    expect(s.notes!.length).toBe(TEMPLATE_COLUMNS.length);
    expect(s.freeze).toEqual({ rows: 3, cols: 2 });
  });

  it("县级指标 lists every item, qualitative and veto row", () => {
    const v = plan.sheets[1].blocks[0].values;
    const items = v.slice(2).map((r) => r[1]);
    expect(items).toEqual(COUNTY_ROWS.map((r) => r.name));
    expect(items).toEqual(expect.arrayContaining(["学校规划布局", "课业负担", "以考试方式招生", "弄虚作假", "社会认可度", "优质高中指标到校数"]));
  });

  it("canonical headers agree with the engine's field labels", () => {
    for (const c of SCHOOL_COLUMNS) if (c.field !== "code") expect(c.header).toBe(SCHOOL_FIELD_LABEL[c.field]);
  });

  it("reads back (in memory): every field recognised, no issues", () => {
    const read = readWorkbook(planToSnapshot(plan));
    expect(read.layout.headerRow).toBe(2);
    expect(read.layout.groupHeaderRow).toBe(1);
    expect(Object.keys(read.layout.columns).sort()).toEqual(TEMPLATE_COLUMNS.filter((c) => c.field !== "code").map((c) => c.field).sort());
    expect(read.dataset.schools).toEqual([]);
    expect(read.issues).toEqual([]);
    expect(resolveProfile(NATIONAL_2017, read.profileOverride)).toEqual(NATIONAL_2017);
    expect(Object.keys(read.countyRows).length).toBe(COUNTY_ROWS.length);
  });
});

describe("template through a real .xlsx (XlsxHost + exceljs)", () => {
  it("writes, saves, reloads and reads back with data filled in by exceljs", async () => {
    const host = XlsxHost.create();
    await host.apply(templatePlan(NATIONAL_2017, host.sheetNames()));
    const bytes = await host.save();

    // A bureau fills in two schools and two county items (with exceljs, as Excel would store them).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("学校数据")!;
    const header = (ws.getRow(3).values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
    const col = (h: string) => header.indexOf(h); // exceljs row values are 1-based
    ws.getCell(4, col("学校名称")).value = "城南小学";
    ws.getCell(4, col("学校类型")).value = "小学";
    ws.getCell(4, col("小学在校生数（人）")).value = 1200;
    ws.getCell(4, col("教学仪器设备值（万元）")).value = "２４６．８";
    ws.getCell(5, col("学校名称")).value = "九龙学校";
    ws.getCell(5, col("学校类型")).value = "九年一贯制";
    ws.getCell(5, col("初中在校生数（人）")).value = { formula: "100*3", result: 300 } as ExcelJS.CellFormulaValue;
    const cs = wb.getWorksheet("县级指标")!;
    cs.eachRow((row) => {
      if (row.getCell(2).value === "优质高中指标到校数") row.getCell(3).value = 2452;
      if (row.getCell(2).value === "城镇公办初中就近入学比例") row.getCell(3).value = 0.97; // cell is formatted 0.0% by the template
    });
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());

    const reloaded = await XlsxHost.load(filled);
    const read = readWorkbook(await reloaded.read(INPUT_SHEETS));
    expect(read.dataset.schools.map((s) => s.name)).toEqual(["城南小学", "九龙学校"]);
    expect(read.dataset.schools[0].values).toMatchObject({ primaryStudents: 1200, equipmentValue: 246.8 });
    expect(read.dataset.schools[1]).toMatchObject({ type: "九年一贯制学校", values: { juniorStudents: 300 } });
    expect(read.dataset.county.numbers).toMatchObject({ quotaToSchools: 2452, nearbyJuniorRate: 0.97 });
    expect(resolveProfile(NATIONAL_2017, read.profileOverride)).toEqual(NATIONAL_2017);
  });
});
