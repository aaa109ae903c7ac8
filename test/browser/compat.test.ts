/**
 * The start-up check (src/taskpane/startup-check.js, inlined by the build) through the real built pages in
 * headless Chromium: with Trident's user agent (what Office 2016/2019 volume-licensed sends: Microsoft's
 * documented way to detect Trident is navigator.userAgent), and with ES2017-era built-ins deleted to stand
 * in for an engine that cannot run the bundle. The pane must show the Chinese message and nothing else;
 * the ribbon's 「评估」 must open a dialog with the same message and complete its event.
 */
import type { Page } from "playwright-core";
import { screenshotPath, useBrowser } from "./harness";

/** Office 2016/2019's Trident webview (IE 11 on Windows 10). */
const TRIDENT_UA = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16; rv:11.0) like Gecko";

/**
 * A minimal stand-in for office.js on commands.html: the Dialog API as documented
 * (Office.context.ui.displayDialogAsync → AsyncResult with a Dialog; messageParent), recording calls.
 */
const OFFICE_STUB = `
window.__calls = [];
window.Office = {
  EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
  onReady: function () { return Promise.resolve({ host: "Excel" }); },
  context: {
    ui: {
      displayDialogAsync: function (url, options, callback) {
        var handlers = {};
        window.__calls.push({ kind: "open", url: url });
        window.__dialog = { handlers: handlers };
        callback({ status: "succeeded", value: {
          addEventHandler: function (type, handler) { handlers[type] = handler; },
          close: function () { window.__calls.push({ kind: "close" }); },
        } });
      },
      messageParent: function (m) { window.__calls.push({ kind: "messageParent", message: m }); },
    },
  },
};`;

const env = useBrowser({ officeJs: () => OFFICE_STUB });

async function openAs(path: string, opts: { ua?: string; removeBuiltIns?: boolean } = {}): Promise<Page> {
  const page = await env.browser.context.newPage();
  if (opts.ua) {
    const cdp = await env.browser.context.newCDPSession(page);
    await cdp.send("Emulation.setUserAgentOverride", { userAgent: opts.ua });
  }
  if (opts.removeBuiltIns)
    await page.addInitScript(() => {
      // What an engine older than EdgeHTML 18 lacks (ES2017 built-ins the bundle uses unpolyfilled).
      delete (Object as { entries?: unknown }).entries;
      delete (String.prototype as { padStart?: unknown }).padStart;
      delete (window as { Proxy?: unknown }).Proxy;
    });
  await page.goto(`${env.url}${path}`);
  return page;
}

async function expectMessage(page: Page): Promise<string> {
  const box = page.locator("#unsupported");
  await box.waitFor({ timeout: 20_000 });
  const text = await box.innerText();
  expect(text).toContain("此版本的 Excel 无法运行优质均衡评估助手");
  expect(text).toContain("Microsoft 365 或 Office 2021 及以上版本");
  expect(text).toContain("Excel 网页版");
  expect(text).toContain(`${env.url}taskpane.html`); // this product's 网页版, same address
  expect(text).toContain("WPS");
  return text;
}

test("Trident: the task pane shows what works instead, and the bundle does not start", async () => {
  const page = await openAs("taskpane.html?office=1&_host_Info=Excel$Win32$16.01$zh-CN", { ua: TRIDENT_UA });
  expect(await page.evaluate(() => navigator.userAgent)).toContain("Trident/7.0");
  const text = await expectMessage(page);
  expect(text).toContain("Internet Explorer 11");
  await page.waitForTimeout(1500); // the bundle (deferred scripts) has run by now, if it were to
  expect(await page.locator("main").count()).toBe(0);
  expect(await page.getByText("正在加载").count()).toBe(0);
  await page.screenshot({ path: screenshotPath("compat-trident-pane.png") });
  await page.close();
}, 60_000);

test("an engine without ES2017 built-ins gets the same message (no user-agent check involved)", async () => {
  const page = await openAs("taskpane.html", { removeBuiltIns: true });
  const text = await expectMessage(page);
  expect(text).toContain("浏览器内核版本过旧");
  await page.waitForTimeout(1500);
  expect(await page.locator("main").count()).toBe(0);
  await page.close();
}, 60_000);

test("a current engine: no message, the pane starts", async () => {
  const page = await openAs("taskpane.html");
  await page.locator('main[data-mode="file"]').waitFor({ timeout: 30_000 });
  expect(await page.locator("#unsupported").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { junhengCompat: { supported: boolean } }).junhengCompat.supported)).toBe(true);
  await page.close();
}, 60_000);

test("Trident: the ribbon's 评估 opens a dialog with the message and completes when it is closed", async () => {
  const page = await openAs("commands.html", { ua: TRIDENT_UA });
  await page.waitForFunction(() => typeof (window as unknown as { runAssessment?: unknown }).runAssessment === "function");
  await page.waitForTimeout(1000); // let the (unparseable-for-Trident, here parseable) bundle run if it would
  await page.evaluate(() => {
    const w = window as unknown as { runAssessment(e: { completed(): void }): void; __completed: number };
    w.__completed = 0;
    w.runAssessment({ completed: () => w.__completed++ });
  });
  const calls = await page.evaluate(() => (window as unknown as { __calls: { kind: string; url?: string }[] }).__calls);
  expect(calls).toEqual([{ kind: "open", url: `${env.url}commands.html?unsupported=1` }]);
  expect(await page.evaluate(() => (window as unknown as { __completed: number }).__completed)).toBe(0);

  // The dialog page itself (also Trident): the message and a 关闭 button that tells the command.
  const dialog = await openAs("commands.html?unsupported=1", { ua: TRIDENT_UA });
  await expectMessage(dialog);
  await dialog.getByRole("button", { name: "关闭" }).click();
  const sent = await dialog.evaluate(() => (window as unknown as { __calls: { kind: string; message?: string }[] }).__calls);
  expect(sent).toEqual([{ kind: "messageParent", message: "close" }]);
  await dialog.screenshot({ path: screenshotPath("compat-trident-dialog.png") });
  await dialog.close();

  // The command receives the dialog's message: closes it and completes the event once.
  await page.evaluate(() => {
    const w = window as unknown as { __dialog: { handlers: Record<string, (a: unknown) => void> } };
    w.__dialog.handlers.dialogMessageReceived({ message: "close" });
    w.__dialog.handlers.dialogEventReceived({ error: 12006 });
  });
  expect(await page.evaluate(() => (window as unknown as { __completed: number }).__completed)).toBe(1);
  expect((await page.evaluate(() => (window as unknown as { __calls: { kind: string }[] }).__calls)).map((c) => c.kind)).toEqual(["open", "close"]);
  await page.close();
}, 60_000);
