/** @jest-environment jsdom */
/**
 * In a page (location exists) a failed 「评估」 shows its message in an Office dialog opened on
 * commands.html?message=…, and completes the event only after the user closed it.
 */
import { FakeWorkbook, installFakeOffice, uninstallFakeOffice } from "../fakes/fakeExcel";

afterEach(() => uninstallFakeOffice(globalThis));

test("failure message in a dialog; completed after 关闭", async () => {
  const doc = FakeWorkbook.from({ Sheet1: [["随便"]] });
  const office = installFakeOffice(globalThis, doc);
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("../../src/commands/commands");
  });
  const event = { completed: jest.fn() };
  const done = office.actions.get("runAssessment")!(event) as Promise<unknown>;
  // Wait (by condition, not by a fixed delay) until the command holds the opened Dialog.
  while (!office.dialogs[0]?.opened) await new Promise((r) => setTimeout(r, 5));
  expect(office.dialogs).toHaveLength(1);
  const url = new URL(office.dialogs[0].url);
  expect(url.searchParams.get("message")).toMatch(/^评估未完成：.*学校数据/);
  expect(event.completed).not.toHaveBeenCalled();
  office.dialogs[0].messageParent("close");
  await done;
  expect(office.dialogs[0].closed).toBe(true);
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("opened with ?message=, the page shows the message and a 关闭 button", async () => {
  const doc = FakeWorkbook.from({ Sheet1: [["x"]] });
  installFakeOffice(globalThis, doc);
  window.history.pushState({}, "", "/commands.html?message=" + encodeURIComponent("评估未完成：测试"));
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("../../src/commands/commands");
  });
  // Office.onReady resolves asynchronously; wait for the page by condition, not by a fixed delay.
  while (!document.querySelector("button")) await new Promise((r) => setTimeout(r, 5));
  expect(document.body.textContent).toContain("评估未完成：测试");
  expect(document.querySelector("button")?.textContent).toBe("关闭");
});
