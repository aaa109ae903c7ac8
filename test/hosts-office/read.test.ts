/** OfficeHost.read against the fake: used ranges padded to A1, in one batch, messy sheets. */
import { FakeWorkbook } from "../fakes/fakeExcel";
import { hostFor } from "./helpers";

test("a used range that starts at C3 is padded so that values[0][0] is A1; formats come along", async () => {
  const doc = new FakeWorkbook();
  const s = doc.addSheet("县级指标");
  s.touch(2, 2).value = "项目";
  s.touch(2, 3).value = "数值";
  s.touch(3, 2).value = "城镇公办小学就近入学比例";
  s.touch(3, 3).value = 0.985;
  s.touch(3, 3).numberFormat = "0.0%";
  s.touch(4, 2).value = "质量监测达Ⅲ级以上";
  s.touch(4, 3).value = true;
  s.touch(5, 3).value = "#DIV/0!";
  s.touch(40, 9).fill = "#FFFF00"; // formatting only: not part of the used range of values
  const snap = await hostFor(doc).read(["县级指标"]);
  expect(snap.sheetNames).toEqual(["县级指标"]);
  const sheet = snap.sheets[0];
  expect(sheet.values).toEqual([
    [null, null, null, null],
    [null, null, null, null],
    [null, null, "项目", "数值"],
    [null, null, "城镇公办小学就近入学比例", 0.985],
    [null, null, "质量监测达Ⅲ级以上", true],
    [null, null, null, "#DIV/0!"],
  ]);
  expect(sheet.numberFormats[3]).toEqual(["General", "General", "General", "0.0%"]);
  expect(sheet.numberFormats.length).toBe(sheet.values.length);
});

test("missing sheets are left out, empty ones are empty, every name is listed in order; two syncs", async () => {
  const doc = FakeWorkbook.from({ 说明: [["说明文字"]], 学校数据: [["学校名称"], ["一小"]] });
  doc.addSheet("空表");
  doc.resetCounters();
  const snap = await hostFor(doc).read(["学校数据", "县级指标", "空表", "评估标准"]);
  expect(snap.sheetNames).toEqual(["说明", "学校数据", "空表"]);
  expect(snap.sheets.map((s) => s.name)).toEqual(["学校数据", "空表"]);
  expect(snap.sheets[1].values).toEqual([]);
  expect(snap.sheets[0].values).toEqual([["学校名称"], ["一小"]]);
  // Names + protection, then every used range in one batch — whatever the number of sheets.
  expect(doc.syncs.length).toBe(2);
});

test("reading never writes", async () => {
  const doc = FakeWorkbook.from({ 学校数据: [["学校名称", "小学在校生数"], ["一小", "1,234"]] });
  const before = JSON.stringify(doc.snapshot());
  await hostFor(doc).read(["学校数据", "县级指标"]);
  expect(JSON.stringify(doc.snapshot())).toBe(before);
  expect(doc.syncs.every((s) => s.requestBytes < 1000)).toBe(true);
});

test("a sheet being edited: the read waits (delayForCellEdit) instead of failing", async () => {
  const doc = FakeWorkbook.from({ 学校数据: [["学校名称"]] });
  doc.cellEditMode = true;
  await expect(hostFor(doc).read(["学校数据"])).resolves.toBeDefined();
  expect(doc.delayedForCellEdit).toBeGreaterThan(0);
});

test("a response over Excel on the web's 5 MB limit that cannot be split gives the Chinese message", async () => {
  const doc = FakeWorkbook.from({ 学校数据: [["学校名称"]] });
  doc.failSync("ResponsePayloadSizeLimitExceeded", 0); // already the first sync (sheet names)
  await expect(hostFor(doc).read(["学校数据"])).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded", message: expect.stringMatching(/读取的数据超过/) });
});

test("a sheet too large for one response (Excel on the web, 5 MB) is read in row chunks, same snapshot", async () => {
  // 30 000 rows × 12 columns of long texts ≈ 17 MB of response: over the limit in one piece.
  const doc = new FakeWorkbook();
  const s = doc.addSheet("学校数据");
  const rows = 30000;
  const cols = 12;
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) s.touch(r + 1, c).value = c === 0 ? `某某县第${r + 1}中心学校附属小学校区` : r * cols + c;
  s.touch(5, 3).numberFormat = "0.0%";
  const snap = await hostFor(doc).read(["学校数据"]);
  expect(doc.syncs.some((x) => x.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
  expect(doc.syncs.filter((x) => !x.error).every((x) => x.responseBytes <= 5 * 1024 * 1024)).toBe(true);
  const got = snap.sheets[0];
  expect(got.values.length).toBe(rows + 1);
  expect(got.values[0]).toEqual(Array(cols).fill(null));
  expect(got.values[1][0]).toBe("某某县第1中心学校附属小学校区");
  expect(got.values[rows][cols - 1]).toBe((rows - 1) * cols + cols - 1);
  expect(got.numberFormats[5][3]).toBe("0.0%");
}, 60000);

test("a stray value far away (used range of millions of cells) is refused with a Chinese explanation", async () => {
  const doc = FakeWorkbook.from({ 学校数据: [["学校名称"], ["一小"]] });
  doc.sheet("学校数据")!.touch(999999, 3000).value = "x"; // e.g. a space typed far away
  doc.failSync("RangeExceedsLimit", 1); // what Excel answers for such a range
  await expect(hostFor(doc).read(["学校数据"])).rejects.toMatchObject({ code: "UsedRangeTooLarge", message: expect.stringMatching(/「学校数据」的已用区域过大（A1:[A-Z]{3}1000000，约 \d+ 万个单元格）.*删除/) });
});
