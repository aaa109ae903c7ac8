/** Pane settings live in the workbook (Office.context.document.settings) and survive saving. */
import { FakeSettings, FakeWorkbook, installFakeOffice, uninstallFakeOffice } from "../fakes/fakeExcel";
import { SETTINGS_KEY, cleanSettings, loadAddinSettings, saveAddinSettings } from "../../src/hosts/office";

afterEach(() => uninstallFakeOffice(globalThis));

test("saved settings are what a colleague opening the same file gets", async () => {
  const doc = FakeWorkbook.from({ 学校数据: [["学校名称"]] });
  installFakeOffice(globalThis, doc);
  expect(loadAddinSettings()).toEqual({});
  await saveAddinSettings({ profileId: "national-2017", cvRule: "composite", splitFacilities: false });
  expect(doc.savedSettings[SETTINGS_KEY]).toEqual({ profileId: "national-2017", cvRule: "composite", splitFacilities: false });
  // A colleague opens the file: a new settings object over the same saved document.
  const colleague = new FakeSettings(doc);
  expect(cleanSettings(colleague.get(SETTINGS_KEY))).toEqual({ profileId: "national-2017", cvRule: "composite", splitFacilities: false });
});

test("a read-only workbook refuses to save settings with a Chinese message", async () => {
  const doc = FakeWorkbook.from({ 学校数据: [["学校名称"]] });
  doc.readOnly = true;
  installFakeOffice(globalThis, doc);
  await expect(saveAddinSettings({ cvRule: "each" })).rejects.toThrow(/只读/);
});

test("malformed stored settings are ignored field by field", () => {
  expect(cleanSettings({ profileId: 3, cvRule: "median", splitFacilities: "yes" })).toEqual({});
  expect(cleanSettings("garbage")).toEqual({});
});

test("outside Office there are no settings and saving is a no-op", async () => {
  expect(loadAddinSettings()).toEqual({});
  await expect(saveAddinSettings({ cvRule: "each" })).resolves.toBeUndefined();
});

test("an explicit settings store can be passed (the pane injects Office.context.document.settings)", async () => {
  const doc = FakeWorkbook.from({ 学校数据: [["学校名称"]] });
  const store = new FakeSettings(doc);
  await saveAddinSettings({ profileId: "national-2017" }, store);
  expect(loadAddinSettings(store)).toEqual({ profileId: "national-2017" });
  expect(doc.savedSettings[SETTINGS_KEY]).toEqual({ profileId: "national-2017" });
});
