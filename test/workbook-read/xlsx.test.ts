/**
 * Real .xlsx files written with exceljs, read through XlsxHost: a messy bureau workbook (title,
 * real merged group headers, units, text numbers, full-width digits, shuffled columns, percent
 * cells with number formats), and a workbook read again after an assessment wrote into it.
 */
import * as ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import { XlsxHost } from "../../src/hosts/xlsx";
import { INPUT_SHEETS, readWorkbook } from "../../src/workbook/read";
import { assessWorkbook } from "../../src/workbook/run";

async function toHost(wb: ExcelJS.Workbook): Promise<XlsxHost> {
  return XlsxHost.load(new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe("a messy workbook written by exceljs", () => {
  let read: ReturnType<typeof readWorkbook>;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("学校数据");
    ws.getCell("A1").value = "某某县2024年义务教育学校统计表";
    ws.mergeCells("A1:H1");
    // Assigning an array to row.values puts element 0 in column A.
    ws.getRow(2).values = ["基本信息", null, "学生", null, "教师", "设备", null, "备注"];
    ws.mergeCells("A2:B2");
    ws.mergeCells("C2:D2");
    ws.mergeCells("F2:G2");
    ws.getRow(3).values = ["学校类别", "学 校 名 称", "在校生数（小学）", "初中在校生数\n(人)", "小学骨干教师数（人）", "教学仪器设备值（万元）", "网络多媒体教室数（间）", "备注"];
    ws.getRow(4).values = ["小学", "城关第一小学", "1,480", null, 16, "３２０．５", 40, "新建"];
    ws.getRow(5).values = ["九年一贯制", "河口学校", 620, " 310 ", 9, 180, 22, null];
    ws.getRow(6).values = ["完中", "县第二中学", null, 1500, null, 420.25, 36, null];
    const cs = wb.addWorksheet("县级指标");
    cs.addRow(["项目", "数值", "说明"]);
    cs.addRow(["优质高中指标到校比例（不读）", 0.5]);
    cs.addRow(["城镇公办小学就近入学比例", "100%"]);
    cs.addRow(["城镇公办初中就近入学比例", 0.973]);
    cs.getCell("B4").numFmt = "0.0%";
    cs.addRow(["初中三年巩固率", 96.2]);
    cs.addRow(["社会认可度", 0.912]);
    cs.getCell("B6").numFmt = "0.00%";
    read = readWorkbook(await (await toHost(wb)).read(INPUT_SHEETS));
  });

  it("finds the header on row 3 under the merged group row", () => {
    expect(read.layout).toMatchObject({ headerRow: 2, groupHeaderRow: 1, firstDataRow: 3, lastDataRow: 5, lastInputCol: 7 });
    expect(read.layout.columns).toMatchObject({ type: 0, name: 1, primaryStudents: 2, juniorStudents: 3, primaryBackboneTeachers: 4, equipmentValue: 5, multimediaRooms: 6 });
  });

  it("reads every school as typed", () => {
    expect(read.dataset.schools.map((s) => [s.name, s.type])).toEqual([["城关第一小学", "小学"], ["河口学校", "九年一贯制学校"], ["县第二中学", "完全中学"]]);
    expect(read.dataset.schools[0].values).toMatchObject({ primaryStudents: 1480, primaryBackboneTeachers: 16, equipmentValue: 320.5, multimediaRooms: 40 });
    expect(read.dataset.schools[1].values).toMatchObject({ primaryStudents: 620, juniorStudents: 310, equipmentValue: 180 });
    expect(read.dataset.schools[2].values).toMatchObject({ juniorStudents: 1500, equipmentValue: 420.25 });
  });

  it("reads percentages in every spelling: 100% text, 97.3% formatted, 96.2 bare, 91.2% formatted", () => {
    expect(read.dataset.county.numbers.nearbyPrimaryRate).toBe(1);
    expect(read.dataset.county.numbers.nearbyJuniorRate).toBeCloseTo(0.973, 12);
    expect(read.dataset.county.numbers.juniorRetentionRate).toBeCloseTo(0.962, 12);
    expect(read.dataset.county.numbers.socialRecognition).toBeCloseTo(0.912, 12);
    expect(read.issues).toContainEqual(expect.objectContaining({ sheet: "县级指标", cell: "A2", severity: "warning" }));
  });
});

describe("reading after an assessment wrote into the workbook", () => {
  it("the sample reads the same after one and two assessments; the result block is found by its marker, not read", async () => {
    const bytes = new Uint8Array(readFileSync(path.join(__dirname, "..", "..", "examples", "sample-county.xlsx")));
    const host = await XlsxHost.load(bytes);
    const before = readWorkbook(await host.read(INPUT_SHEETS));
    expect(before.layout.ownedBlock).toBeNull();

    await assessWorkbook(host);
    const once = await XlsxHost.load(await host.save());
    const after1 = readWorkbook(await once.read(INPUT_SHEETS));
    expect(after1.dataset).toEqual(before.dataset);
    expect(after1.layout.lastInputCol).toBe(before.layout.lastInputCol);
    expect(after1.layout.lastUsedCol).toBe(before.layout.lastUsedCol);
    expect(after1.layout.ownedBlock).not.toBeNull();
    expect(after1.layout.ownedBlock!.col).toBe(before.layout.lastUsedCol + 2);
    // The highlights are the product's conditional formats, read back by their tag.
    expect(after1.owned.rules.length).toBeGreaterThan(0);

    await assessWorkbook(once);
    const twice = readWorkbook(await (await XlsxHost.load(await once.save())).read(INPUT_SHEETS));
    expect(twice.dataset).toEqual(before.dataset);
    expect(twice.layout.ownedBlock).toEqual(after1.layout.ownedBlock);
    expect(twice.owned.rules).toEqual(after1.owned.rules);
  });
});
