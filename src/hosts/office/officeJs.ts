/**
 * Waiting for office.js when the page loads it with `<script async>`.
 *
 * Office add-ins must load office.js from Microsoft's CDN. A plain (blocking) script tag stalls the
 * whole page where the CDN is unreachable in a way that only times out (intranets that drop
 * outbound traffic: 20 s or more) — exactly where the web mode is used. With
 * `<script async src="…/office.js">` the page renders at once and calls `officeJsReady()`, which
 * resolves true when office.js has loaded (the `Office` global exists), false when it failed or did
 * not arrive within the timeout ("not in Office": web mode).
 */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

export function officeJsReady(timeoutMs = 8000, doc: Document = document): Promise<boolean> {
  const present = () => typeof (globalThis as { Office?: unknown }).Office !== "undefined";
  if (present()) return Promise.resolve(true);
  const script = Array.from(doc.getElementsByTagName("script")).find((s) => s.src.startsWith(OFFICE_JS_URL.replace(/office\.js$/, "")));
  if (!script) return Promise.resolve(false);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (v: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(v);
    };
    const timer = setTimeout(() => finish(present()), timeoutMs);
    script.addEventListener("load", () => finish(present()));
    script.addEventListener("error", () => finish(false));
  });
}
