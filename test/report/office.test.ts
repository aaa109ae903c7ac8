/**
 * The report module inside Excel: 导出上报 on both paths (Excel.createWorkbook with ExcelApi 1.8,
 * "上报-" sheets otherwise) over a real WorkbookHost (XlsxHost of the assessed fixture), and the
 * native charts, which travel in the plan (SheetPlan.charts) and are drawn by the host (the
 * OfficeHost side is tested on the fake Excel in test/hosts-office/charts.test.ts).
 */
import { unzipSync } from "fflate";
import { XlsxHost } from "../../src/hosts/xlsx";
import { fromBase64, toBase64 } from "../../src/report/deliver";
import { chooseExportPath, exportInExcel, EXPORT_SHEET_PREFIX, WEB_REQUEST_LIMIT } from "../../src/report/office";
import { assessedFixture } from "./helpers";

describe("导出上报 in Excel", () => {
  test("chooses Excel.createWorkbook only where ExcelApi 1.8 and the function exist", () => {
    expect(chooseExportPath((v) => ["1.1", "1.7", "1.8"].includes(v), true)).toBe("createWorkbook");
    expect(chooseExportPath((v) => ["1.1", "1.7"].includes(v), true)).toBe("sheets");
    expect(chooseExportPath(() => true, false)).toBe("sheets");
  });

  test("ExcelApi 1.8: a new workbook from the base64 of the export .xlsx", async () => {
    const { host, run } = await assessedFixture();
    let received = "";
    const outcome = await exportInExcel({
      host,
      run,
      supports: () => true,
      createWorkbook: async (b64) => {
        received = b64;
      },
      date: new Date(2026, 10, 29),
    });
    expect(outcome.path).toBe("createWorkbook");
    expect(outcome.fileName).toBe("测试区-优质均衡自查-2026-11-29.xlsx");
    expect(outcome.message).toContain("另存为");
    const wb = await XlsxHost.load(fromBase64(received));
    expect(wb.sheetNames()).toEqual(expect.arrayContaining(["评估汇总", "学校数据", "差异系数"]));
    expect(Object.keys(unzipSync(fromBase64(received))).filter((k) => k.startsWith("xl/charts/"))).toHaveLength(2);
  });

  test("older Excel: the export sheets are added here as 上报-…, the user is told to Save As", async () => {
    const { host, run } = await assessedFixture();
    const before = host.sheetNames();
    const outcome = await exportInExcel({ host, run, supports: () => false });
    expect(outcome.path).toBe("sheets");
    expect(outcome.addedSheets.every((n) => n.startsWith(EXPORT_SHEET_PREFIX))).toBe(true);
    expect(host.sheetNames()).toEqual([...before, ...outcome.addedSheets]);
    expect(outcome.message).toContain("移动或复制");
    const snap = await host.read([`${EXPORT_SHEET_PREFIX}学校数据`]);
    expect(snap.sheets[0].values[1][0]).toBe("甲小学");
    // The host draws the two charts on 上报-差异系数 too (they travel in the export plan).
    expect(host.sheetCharts().filter((c) => c.sheet === `${EXPORT_SHEET_PREFIX}差异系数`).map((c) => c.chart.type)).toEqual(["clustered", "stacked"]);
  });
});

test("Excel on the web: a workbook whose base64 would exceed the 5 MB request goes to 上报- sheets instead", async () => {
  let sent: string | null = null;
  const createWorkbook = async (b64: string) => {
    sent = b64;
  };
  // The fixture's export is small: a limit just under its request stands for a county whose export is over 5 MB.
  const first = await assessedFixture();
  expect((await exportInExcel({ ...first, supports: () => true, createWorkbook })).path).toBe("createWorkbook");
  const size = (sent as string | null)?.length ?? 0;
  expect(size).toBeGreaterThan(1000);
  sent = null;
  const { host, run } = await assessedFixture();
  const outcome = await exportInExcel({ host, run, supports: () => true, createWorkbook, createWorkbookLimit: size });
  expect(sent).toBeNull();
  expect(outcome.path).toBe("sheets");
  expect(outcome.addedSheets.every((n) => n.startsWith(EXPORT_SHEET_PREFIX))).toBe(true);
  expect(outcome.message).toMatch(/超过 Excel 网页版单次请求 5 MB 的上限/);
  expect(WEB_REQUEST_LIMIT).toBe(5_000_000);
});

test("base64 round trip matches Node's encoder", () => {
  const bytes = new Uint8Array(1000).map((_, i) => (i * 37) % 256);
  for (const n of [0, 1, 2, 3, 999, 1000]) {
    const part = bytes.subarray(0, n);
    expect(toBase64(part)).toBe(Buffer.from(part).toString("base64"));
    expect([...fromBase64(toBase64(part))]).toEqual([...part]);
  }
});
