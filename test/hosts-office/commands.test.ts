/**
 * The ribbon's 「评估」 function command, loaded as Office loads commands.html: registered with
 * Office.actions.associate, runs the real assessment with the workbook's saved settings, always
 * completes the event.
 */
import { SETTINGS_KEY } from "../../src/hosts/office";
import { installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from "../fakes/fakeExcel";
import { countyDoc } from "./helpers";

type Run = { assessment: { cvRule: string; splitFacilities: boolean; units: unknown[] } } | null;

async function loadCommand(doc: FakeWorkbook) {
  const office = installFakeOffice(globalThis, doc);
  let mod: typeof import("../../src/commands/commands") | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require("../../src/commands/commands");
  });
  return { office, mod: mod! };
}

afterEach(() => uninstallFakeOffice(globalThis));

test("registers runAssessment, assesses with the workbook's saved settings, completes the event", async () => {
  const doc = countyDoc(40);
  doc.savedSettings = { [SETTINGS_KEY]: { cvRule: "composite", splitFacilities: false } };
  const { office } = await loadCommand(doc);
  const action = office.actions.get("runAssessment");
  expect(action).toBeDefined();
  const event = { completed: jest.fn() };
  const run = (await action!(event)) as Run;
  expect(event.completed).toHaveBeenCalledTimes(1);
  expect(run!.assessment.cvRule).toBe("composite");
  expect(run!.assessment.splitFacilities).toBe(false);
  expect(doc.sheet("评估汇总")).toBeDefined();
  expect(doc.syncs.length).toBeLessThanOrEqual(4);
});

test("a workbook it cannot use: the event still completes and the Chinese reason is reported", async () => {
  const { FakeWorkbook } = await import("../fakes/fakeExcel");
  const doc = FakeWorkbook.from({ Sheet1: [["随便", "什么"]] });
  const { office } = await loadCommand(doc);
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const event = { completed: jest.fn() };
  const run = await office.actions.get("runAssessment")!(event);
  expect(run).toBeNull();
  expect(event.completed).toHaveBeenCalledTimes(1);
  // No `location` under Node: the message goes to the console (in Office it is a dialog; see commandsDialog.test.ts).
  expect(String(errors.mock.calls[0][0])).toMatch(/^评估未完成：.*学校数据/);
  errors.mockRestore();
});

test("Office errors reach the user by code, in Chinese", async () => {
  const doc = countyDoc(10);
  doc.sheet("学校数据")!.protected = true;
  const { office } = await loadCommand(doc);
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const event = { completed: jest.fn() };
  await office.actions.get("runAssessment")!(event);
  expect(event.completed).toHaveBeenCalledTimes(1);
  expect(String(errors.mock.calls[0][0])).toMatch(/工作表「学校数据」受保护/);
  errors.mockRestore();
});

test("registers clearResults: after 评估 then 清除评估结果 from the ribbon the workbook is as before; the event completes", async () => {
  const doc = countyDoc(30);
  const before = JSON.stringify(doc.snapshot());
  const { office } = await loadCommand(doc);
  await office.actions.get("runAssessment")!({ completed: jest.fn() });
  expect(doc.sheet("评估汇总")).toBeDefined();
  const event = { completed: jest.fn() };
  const run = (await office.actions.get("clearResults")!(event)) as { changed: boolean } | null;
  expect(event.completed).toHaveBeenCalledTimes(1);
  expect(run!.changed).toBe(true);
  expect(JSON.stringify(doc.snapshot())).toBe(before);
});
