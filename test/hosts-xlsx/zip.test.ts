/**
 * zip.ts: parts of a zip replaced or added while every other entry is copied as stored.
 * Checked with fflate (an independent reader) and with exceljs on a real workbook.
 */
import * as ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { withParts, ZipParts } from "../../src/hosts/xlsx/zip";

/** The stored (compressed) bytes of each entry's local record, found through the central directory. */
function storedRecords(zip: Uint8Array): Map<string, Uint8Array> {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (v.getUint32(end, true) !== 0x06054b50) end--;
  const count = v.getUint16(end + 10, true);
  let p = v.getUint32(end + 16, true);
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const nameLen = v.getUint16(p + 28, true);
    const size = v.getUint32(p + 20, true);
    const local = v.getUint32(p + 42, true);
    const name = strFromU8(zip.subarray(p + 46, p + 46 + nameLen));
    const dataStart = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    out.set(name, zip.subarray(dataStart, dataStart + size));
    p += 46 + nameLen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return out;
}

const big = "<row>" + "x".repeat(50) + "</row>";
const original = zipSync(
  {
    "[Content_Types].xml": strToU8("<Types></Types>"),
    "xl/worksheets/sheet1.xml": strToU8(big.repeat(2000)),
    "xl/worksheets/sheet2.xml": strToU8("<worksheet>二</worksheet>"),
    "docProps/app.xml": strToU8("<Properties/>"),
  },
  { level: 6 },
);

test("replaced and added parts read back; untouched entries are the same stored bytes", () => {
  const out = withParts(original, { "xl/worksheets/sheet2.xml": strToU8("<worksheet>新</worksheet>"), "xl/charts/chart1.xml": strToU8("<c/>") }, 1)!;
  const files = unzipSync(out);
  expect(Object.keys(files)).toEqual(["[Content_Types].xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "docProps/app.xml", "xl/charts/chart1.xml"]);
  expect(strFromU8(files["xl/worksheets/sheet2.xml"])).toBe("<worksheet>新</worksheet>");
  expect(strFromU8(files["xl/charts/chart1.xml"])).toBe("<c/>");
  expect(strFromU8(files["xl/worksheets/sheet1.xml"])).toBe(big.repeat(2000));
  const before = storedRecords(original);
  const after = storedRecords(out);
  for (const name of ["[Content_Types].xml", "xl/worksheets/sheet1.xml", "docProps/app.xml"]) {
    expect(Buffer.from(after.get(name)!).equals(Buffer.from(before.get(name)!))).toBe(true);
  }
});

test("ZipParts decompresses on demand, collects writes, and returns the input when nothing changed", () => {
  const z = new ZipParts(original);
  expect([...z.names].sort()).toEqual(["[Content_Types].xml", "docProps/app.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
  expect(z.text("xl/worksheets/sheet2.xml")).toBe("<worksheet>二</worksheet>");
  expect(z.text("nope.xml")).toBeUndefined();
  expect(z.save(1)).toBe(original);
  z.set("docProps/app.xml", "<Properties>改</Properties>");
  expect(z.has("docProps/app.xml")).toBe(true);
  expect(z.text("docProps/app.xml")).toBe("<Properties>改</Properties>");
  expect(strFromU8(unzipSync(z.save(1))["docProps/app.xml"])).toBe("<Properties>改</Properties>");
});

test("bytes without an end-of-central-directory record: null (the caller rebuilds the archive)", () => {
  expect(withParts(new Uint8Array(100), { a: strToU8("a") }, 1)).toBeNull();
});

test("a real exceljs workbook with a replaced part still opens in exceljs", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("学校数据");
  for (let r = 1; r <= 500; r++) ws.addRow([`学校${r}`, r, r * 1.5]);
  wb.addWorksheet("差异系数").getCell("A1").value = "差异系数";
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const z = new ZipParts(bytes);
  z.set("docProps/core.xml", z.text("docProps/core.xml")!.replace(/<dc:creator>[^<]*<\/dc:creator>|<dc:creator\/>/, "<dc:creator>测试</dc:creator>"));
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(z.save(1) as unknown as ArrayBuffer);
  expect(back.getWorksheet("学校数据")!.getCell("A500").value).toBe("学校500");
  expect(back.getWorksheet("学校数据")!.getCell("C2").value).toBe(3);
  expect(back.getWorksheet("差异系数")!.getCell("A1").value).toBe("差异系数");
});
