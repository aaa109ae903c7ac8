/** @jest-environment jsdom */
/** officeJsReady: async office.js that loads, fails, or never answers. */
import { OFFICE_JS_URL, officeJsReady } from "../../src/hosts/office/officeJs";

function addScript(): HTMLScriptElement {
  document.head.innerHTML = "";
  const s = document.createElement("script");
  s.async = true;
  s.setAttribute("src", OFFICE_JS_URL);
  document.head.appendChild(s);
  return s;
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  jest.useRealTimers();
});

test("resolves true once the script has loaded and defined Office", async () => {
  const s = addScript();
  const ready = officeJsReady(5000);
  (globalThis as { Office?: unknown }).Office = {};
  s.dispatchEvent(new Event("load"));
  await expect(ready).resolves.toBe(true);
});

test("resolves false when the script fails (offline) or never arrives (timeout)", async () => {
  const s = addScript();
  const failed = officeJsReady(5000);
  s.dispatchEvent(new Event("error"));
  await expect(failed).resolves.toBe(false);
  jest.useFakeTimers();
  addScript();
  const hanging = officeJsReady(3000);
  jest.advanceTimersByTime(3000);
  await expect(hanging).resolves.toBe(false);
});

test("no office.js tag, or Office already there", async () => {
  document.head.innerHTML = "";
  await expect(officeJsReady(10)).resolves.toBe(false);
  (globalThis as { Office?: unknown }).Office = {};
  await expect(officeJsReady(10)).resolves.toBe(true);
});
