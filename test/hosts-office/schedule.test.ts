/** The pure parts of the Office adapter: value guards, units, address chunks, batch partition. */
import { cellRuns, toExcelValue } from "../../src/workbook/host-cells";
import { chunkAddresses, columnWidthPoints, formatParts, stepBytes, formatSteps, partition, MAX_AREAS_ADDRESS, VALUE_CHUNK_BYTES, type WeightedStep } from "../../src/hosts/office/schedule";

test("strings Excel would reinterpret get a leading apostrophe; formulas only outside textOnly blocks", () => {
  // Excel's documented behaviour (Range.values): strings starting with = + - are formulas; numeric and
  // date-like strings are converted; an apostrophe makes the entry text.
  const cases: [unknown, boolean, unknown][] = [
    ["=SUM(A1:A3)", true, "'=SUM(A1:A3)"],
    ["=SUM(A1:A3)", false, "=SUM(A1:A3)"],
    ["+86 123", true, "'+86 123"],
    ["-", true, "'-"],
    ["@学校", true, "'@学校"],
    ["1,234", true, "'1,234"],
    ["71.2%", false, "'71.2%"],
    ["2024/9/1", false, "'2024/9/1"],
    ["2024年9月", false, "'2024年9月"],
    ["TRUE", false, "'TRUE"],
    ["'引号", true, "''引号"],
    ["$100", true, "'$100"],
    ["(100)", false, "'(100)"],
    ["1 1/2", true, "'1 1/2"],
    ["Jan-24", true, "'Jan-24"],
    ["#N/A", false, "'#N/A"],
    ["3月5日", true, "'3月5日"],
    ["第一小学", true, "第一小学"],
    ["304：需增加教师培训经费 5.84 万元", false, "304：需增加教师培训经费 5.84 万元"],
    ["（2024 年秋季学期）", true, "（2024 年秋季学期）"],
    ["需增加骨干教师 2 人", false, "需增加骨干教师 2 人"],
    [null, false, ""],
    [12.5, true, 12.5],
    [Number.NaN, false, ""],
    [false, false, false],
  ];
  for (const [v, textOnly, want] of cases) expect([v, textOnly, toExcelValue(v as never, textOnly)]).toEqual([v, textOnly, want]);
});

test("column widths: characters to points as Excel does (8.43 characters = 64 px = 48 pt, Excel's default)", () => {
  expect(columnWidthPoints(8.43)).toBe(48);
  expect(columnWidthPoints(10)).toBe(56.25); // 75 px
  expect(columnWidthPoints(0)).toBe(3.75); // 5 px padding
});

test("address lists are chunked under the RangeAreas limit and lose no cell", () => {
  const cells = Array.from({ length: 5000 }, (_, i) => `H${i * 2 + 7}`);
  const chunks = chunkAddresses(cells);
  expect(chunks.length).toBeGreaterThan(1);
  for (const c of chunks) expect(c.join(",").length).toBeLessThanOrEqual(MAX_AREAS_ADDRESS);
  expect(chunks.flat()).toEqual(cells);
});

test("scattered cells become contiguous vertical runs for the ExcelApi 1.7 fallback", () => {
  expect(cellRuns(["H7", "H8", "H9", "J12", "H11", "J13", "H7"])).toEqual(["H7:H9", "H11", "J12:J13"]);
});

test("partition keeps order, makes the fixed number of batches, and never exceeds the byte limit", () => {
  const steps = (n: number, bytes: number): WeightedStep[] => Array.from({ length: n }, (_, i) => ({ step: { kind: "activate", sheet: String(i) }, bytes }));
  const small = partition(steps(30, 1000), 2, 4000000);
  expect(small).toHaveLength(2);
  expect(small.flat().map((s) => s.step)).toEqual(steps(30, 1000).map((s) => s.step));
  const big = partition(steps(100, 100000), 2, 4000000); // 10 MB → needs 3 batches of ≤ 4 MB
  expect(big.length).toBe(3);
  for (const b of big) expect(b.reduce((n, s) => n + s.bytes, 0)).toBeLessThanOrEqual(4000000);
  expect(partition(steps(1, 10), 2)).toHaveLength(1);
  expect(partition([], 2)).toHaveLength(0);
});

test("byte estimates count data as UTF-8 JSON (3 bytes per CJK character)", () => {
  const note = (text: string) => stepBytes({ kind: "note", sheet: "S", cell: "A1", text }, { rangeAreas: true });
  expect(note("学校") - note("")).toBe(6);
});

test("a number format over a huge area is cut by rows; the parts cover the area exactly once", () => {
  const run = { row: 3, col: 2, rows: 50000, cols: 30, numberFormat: "0.00%", bold: true };
  const parts = formatParts(run);
  expect(parts.length).toBeGreaterThan(1);
  let next = 3;
  for (const p of parts) {
    expect([p.row, p.col, p.cols, p.numberFormat, p.bold]).toEqual([next, 2, 30, "0.00%", true]);
    expect(JSON.stringify(Array.from({ length: p.rows }, () => Array(p.cols).fill(p.numberFormat))).length).toBeLessThanOrEqual(VALUE_CHUNK_BYTES);
    next += p.rows;
  }
  expect(next).toBe(50003);
  expect(formatParts({ row: 0, col: 0, rows: 10, cols: 2, fill: "#FFFFFF" })).toHaveLength(1);
});

test("consecutive number-format-only runs down a column become one 2-D number format", () => {
  const runs = [
    { row: 1, col: 4, rows: 9, cols: 1, numberFormat: "0.00" },
    { row: 10, col: 4, rows: 1, cols: 1, numberFormat: "0.0%" },
    { row: 11, col: 4, rows: 2, cols: 1, numberFormat: "0" },
    { row: 20, col: 4, rows: 1, cols: 1, numberFormat: "0" }, // gap: a new band
    { row: 21, col: 4, rows: 1, cols: 1, numberFormat: "0.0%", bold: true }, // other properties: kept as is
  ];
  const steps = formatSteps("问题清单", runs).map((s) => s.step);
  expect(steps).toEqual([
    { kind: "numberFormats", sheet: "问题清单", row: 1, col: 4, formats: [...Array(9).fill(["0.00"]), ["0.0%"], ["0"], ["0"]] },
    { kind: "numberFormats", sheet: "问题清单", row: 20, col: 4, formats: [["0"]] },
    { kind: "format", sheet: "问题清单", run: runs[4] },
  ]);
});
