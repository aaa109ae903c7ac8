/**
 * Charts: the PNG pictures (decoded back and checked pixel by pixel) and the native xlsx charts of an
 * assessed workbook (present once, also after a second run).
 */
import { strFromU8, unzipSync, unzlibSync } from "fflate";
import { XlsxHost } from "../../src/hosts/xlsx";
import { cvChart, statusChart } from "../../src/workbook/charts/data";
import { Raster, chartTexts, drawChart, encodePng, hasGlyphs, niceAxis, plotArea } from "../../src/report/charts/png";
import { saveWithCharts } from "../../src/report/workbook";
import { chartLayout } from "../../src/workbook/charts/place";
import { addChartsToXlsx } from "../../src/hosts/xlsx/charts";
import * as ExcelJS from "exceljs";
import { assessWorkbook } from "../../src/workbook/run";
import { assessedFixture } from "./helpers";

/** Decode an 8-bit RGB PNG written by encodePng (filter 0 rows). */
function decode(png: Uint8Array): { width: number; height: number; pixel(x: number, y: number): string } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  while (at < png.length) {
    const len = view.getUint32(at);
    const type = strFromU8(png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === "IHDR") {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
    }
    if (type === "IDAT") idat.push(data);
    at += 12 + len;
  }
  const raw = unzlibSync(idat.length === 1 ? idat[0] : new Uint8Array(idat.flatMap((d) => [...d])));
  expect(raw.length).toBe((width * 3 + 1) * height);
  return {
    width,
    height,
    pixel(x, y) {
      const i = y * (width * 3 + 1) + 1 + x * 3;
      return "#" + [raw[i], raw[i + 1], raw[i + 2]].map((v) => v.toString(16).padStart(2, "0").toUpperCase()).join("");
    },
  };
}

describe("PNG charts", () => {
  test("encodePng writes a valid PNG that decodes to the raster", () => {
    const r = new Raster(20, 10);
    r.fillRect(5, 2, 4, 3, "#C00000");
    const img = decode(encodePng(r));
    expect([img.width, img.height]).toEqual([20, 10]);
    expect(img.pixel(6, 3)).toBe("#C00000");
    expect(img.pixel(0, 0)).toBe("#FFFFFF");
  });

  test("niceAxis picks round steps", () => {
    expect(niceAxis(0.42)).toEqual({ top: 0.5, step: 0.1 });
    expect(niceAxis(69 * 1.05)).toEqual({ top: 80, step: 20 });
    expect(niceAxis(0)).toEqual({ top: 1, step: 0.2 });
  });

  test("the status chart draws the fixture's counts: 2 达标 + 1 基本达标 for 小学 106, told apart by pattern", async () => {
    const { run } = await assessedFixture();
    const chart = statusChart(run.assessment);
    // 小学106 is category 5: 乙小学 basic, 甲 and 丙 met (fixture hand calculation).
    expect(chart.series.map((s) => s.values[5])).toEqual([2, 1, 0]);
    const img = decode(encodePng(drawChart(chart)));
    // Axis top 4 (niceAxis(3 × 1.05) = 4, step 1).
    const p = plotArea(chart);
    const y = (v: number) => Math.round(p.top + p.height - (v / 4) * p.height);
    const column = (x0: number, from: number, to: number) => {
      const seen = new Set<string>();
      for (let x = x0 - 8; x <= x0 + 8; x++) for (let yy = y(to) + 3; yy <= y(from) - 3; yy++) seen.add(img.pixel(x, yy));
      return seen;
    };
    const x = Math.round(p.left + 5.5 * p.slot);
    // 达标 (0–2): solid green, one colour.
    expect([...column(x, 0, 2)]).toEqual(["#70AD47"]);
    // 基本达标 (2–3): white with a hatch in darkened amber — two colours, so it differs in grey print too.
    const basic = column(x, 2, 3);
    expect(basic.has("#FFFFFF")).toBe(true);
    expect(basic.has("#997300")).toBe(true); // #FFC000 × 0.6
    expect(img.pixel(x, y(3.5))).toBe("#FFFFFF"); // above the bar
  });

  test("titles, axis captions, legends and labels are drawn with bundled glyphs", async () => {
    const { run } = await assessedFixture();
    for (const chart of [cvChart(run.assessment), statusChart(run.assessment)]) {
      const texts = chartTexts(chart);
      expect(texts).toEqual(expect.arrayContaining([chart.title, "指标"]));
      for (const t of texts) expect([t, hasGlyphs(t)]).toEqual([t, true]);
    }
    // The title is ink on the picture: dark pixels in the band above the legend, centred.
    const img = decode(encodePng(drawChart(cvChart(run.assessment))));
    let dark = 0;
    for (let yy = 14; yy < 40; yy++) for (let xx = 380; xx < 620; xx++) if (img.pixel(xx, yy) < "#808080") dark++;
    expect(dark).toBeGreaterThan(200);
    // No glyph for a character the charts never draw: the test above would catch a new text.
    expect(hasGlyphs("龘")).toBe(false);
  });

  test("the CV chart has one bar per group and indicator and the limits as values", async () => {
    const { run } = await assessedFixture();
    const chart = cvChart(run.assessment);
    expect(chart.categories).toHaveLength(8);
    expect(chart.series.map((s) => s.name)).toEqual(["小学差异系数", "初中差异系数", "小学限值（0.5）", "初中限值（0.45）"]);
    expect(chart.series[0].values[5]).toBeCloseTo(0.1153, 4);
    // One 初中 unit: no CV.
    expect(chart.series[1].values.every((v) => v === null)).toBe(true);
  });
});

describe("native charts in an assessed workbook", () => {
  test("saveWithCharts adds two charts to 差异系数; assessing the result again still gives two", async () => {
    const { host, run } = await assessedFixture();
    const first = await saveWithCharts(host, run);
    const again = await XlsxHost.load(first);
    const run2 = await assessWorkbook(again);
    const second = await saveWithCharts(again, run2);
    for (const bytes of [first, second]) {
      const files = unzipSync(bytes);
      expect(Object.keys(files).filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k))).toHaveLength(2);
      const drawings = Object.keys(files).filter((k) => /^xl\/drawings\/drawing\d+\.xml$/.test(k));
      expect(drawings).toHaveLength(1);
      expect(strFromU8(files[drawings[0]]).match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    }
    // The chart-data table is written once, below the 差异系数 content.
    const snap = await (await XlsxHost.load(second)).read(["差异系数"]);
    const titles = snap.sheets[0].values.filter((r) => typeof r[0] === "string" && r[0].startsWith("图表数据"));
    expect(titles).toHaveLength(1);
  });

  test("a sheet that already has a picture keeps it; the charts join its drawing", async () => {
    const { run } = await assessedFixture();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("差异系数");
    ws.getCell("A1").value = "标题";
    const img = wb.addImage({ buffer: Buffer.from(encodePng(new Raster(4, 4))) as unknown as ExcelJS.Buffer, extension: "png" });
    ws.addImage(img, { tl: { col: 0, row: 1 }, ext: { width: 40, height: 40 } });
    const saved = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const placements = chartLayout(run.assessment, 5).charts.map((chart) => ({ sheet: "差异系数", chart }));
    const files = unzipSync(addChartsToXlsx(saved, placements));
    const drawings = Object.keys(files).filter((k) => /^xl\/drawings\/drawing\d+\.xml$/.test(k));
    expect(drawings).toHaveLength(1);
    const drawing = strFromU8(files[drawings[0]]);
    expect(drawing.match(/<xdr:(oneCellAnchor|twoCellAnchor)/g)).toHaveLength(3);
    const rels = strFromU8(files[drawings[0].replace("drawings/", "drawings/_rels/") + ".rels"]);
    expect(rels).toMatch(/media\/image/);
    expect(rels.match(/\.\.\/charts\/chart\d+\.xml/g)).toHaveLength(2);
    // Shape ids stay unique.
    const ids = [...drawing.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    // exceljs still opens the file.
    await new ExcelJS.Workbook().xlsx.load(Buffer.from(addChartsToXlsx(saved, placements)) as unknown as ArrayBuffer);
  });
});
