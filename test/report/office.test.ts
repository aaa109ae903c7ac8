/**
 * The report module inside Excel: 导出上报 on both paths (Excel.createWorkbook with ExcelApi 1.8,
 * "上报-" sheets otherwise) over a real WorkbookHost (XlsxHost of the assessed fixture), and the
 * native charts through a small fake of Excel's chart API that, like Excel, refuses to read a
 * collection before load + sync.
 */
import { unzipSync } from "fflate";
import { XlsxHost } from "../../src/hosts/xlsx";
import { fromBase64, toBase64 } from "../../src/report/deliver";
import { addChartsInExcel, chooseExportPath, exportInExcel, EXPORT_SHEET_PREFIX, type ExcelRunLike } from "../../src/report/office";
import { chartLayout } from "../../src/report/charts/place";
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
  });
});

/** A fake of the part of Excel's object model addChartsInExcel uses. */
function fakeExcel() {
  const log: string[] = [];
  let syncs = 0;
  const charts: Record<string, { name: string; deleted: boolean }[]> = { 差异系数: [{ name: "校际差异系数与限值", deleted: false }] };
  const ctx = {
    sync: async () => {
      syncs++;
      loaded.forEach((l) => (l.ready = true));
    },
    workbook: {
      worksheets: {
        getItem: (name: string) => ({
          getRange: (addr: string) => ({ addr }),
          charts: chartCollection(name),
        }),
      },
    },
  };
  const loaded: { ready: boolean }[] = [];
  function chartCollection(sheet: string) {
    const state = { ready: false, asked: false };
    const coll = {
      load: () => {
        state.asked = true;
        loaded.push(state);
      },
      get items() {
        if (!state.asked || !state.ready) throw new Error("PropertyNotLoaded");
        return (charts[sheet] ?? []).map((c) => ({ name: c.name, delete: () => ((c.deleted = true), log.push(`delete ${c.name}`)) }));
      },
      add: (type: string, range: { addr: string }, by: string) => {
        const entry = { name: "", deleted: false };
        (charts[sheet] ??= []).push(entry);
        log.push(`add ${type} ${range.addr} ${by}`);
        const series: Record<number, { chartType?: string; format: { line: Record<string, string>; fill: { setSolidColor(c: string): void } } }> = {};
        return {
          set name(v: string) {
            entry.name = v;
          },
          title: {},
          legend: {},
          setPosition: (a: string, b: string) => log.push(`position ${a}:${b}`),
          series: {
            getItemAt: (k: number) =>
              (series[k] ??= {
                format: { line: {}, fill: { setSolidColor: (c: string) => log.push(`fill ${k} ${c}`) } },
                set chartType(v: string) {
                  log.push(`series ${k} ${v}`);
                },
              } as never),
          },
        };
      },
    };
    return coll;
  }
  const run: ExcelRunLike = async (batch) => batch(ctx as unknown as Excel.RequestContext);
  return { run, log, charts, syncs: () => syncs };
}

describe("native charts in Excel (Office.js)", () => {
  test("two charts from the chart-data table, the old one replaced, in 2 syncs", async () => {
    const { run: assessed } = await assessedFixture();
    const { placements } = chartLayout(assessed.assessment, 20);
    const fake = fakeExcel();
    await addChartsInExcel(fake.run, placements);
    expect(fake.syncs()).toBe(2);
    expect(fake.log).toContain("delete 校际差异系数与限值");
    // The CV table: header row 22 (0-based 21), 8 categories, 5 columns A–E.
    expect(fake.log).toContain("add ColumnClustered $A$22:$E$30 Columns");
    expect(fake.log).toContain("add ColumnStacked $A$32:$D$46 Columns");
    expect(fake.log).toEqual(expect.arrayContaining(["series 2 Line", "series 3 Line"]));
    expect(fake.charts["差异系数"].filter((c) => !c.deleted).map((c) => c.name)).toEqual(["校际差异系数与限值", "各指标达标情况（监测点数）"]);
  });
});

test("base64 round trip matches Node's encoder", () => {
  const bytes = new Uint8Array(1000).map((_, i) => (i * 37) % 256);
  for (const n of [0, 1, 2, 3, 999, 1000]) {
    const part = bytes.subarray(0, n);
    expect(toBase64(part)).toBe(Buffer.from(part).toString("base64"));
    expect([...fromBase64(toBase64(part))]).toEqual([...part]);
  }
});
