/**
 * Task pane entry. Office.js present and Office.onReady reporting Excel → Office mode (the open workbook);
 * otherwise (office.js absent or failed to load, or host null: a plain browser, WPS users) → web mode,
 * where the same pane works on an .xlsx opened in the page.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { NATIONAL_2017, PROFILES } from "../engine/profiles";
import type { AppHost } from "./appHost";
import { createEngine } from "./createEngine";
import { createFileAppHost } from "./fileAppHost";
import { createOfficeAppHost } from "./officeAppHost";

/** How long to wait for Office.onReady before falling back to web mode. */
const OFFICE_READY_TIMEOUT_MS = 5000;

async function officeExcelReady(): Promise<boolean> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return false;
  try {
    const info = await Promise.race([
      Office.onReady(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS)),
    ]);
    return !!info && String(info.host) === "Excel" && typeof Excel !== "undefined";
  } catch {
    return false;
  }
}

async function makeHost(): Promise<AppHost> {
  if (await officeExcelReady()) {
    const { OfficeHost, officeSupports } = await import(/* webpackChunkName: "office-host" */ "../hosts/office");
    const excel = Excel as typeof Excel & { createWorkbook?: (base64: string) => Promise<void> };
    const host = new OfficeHost(Excel.run) as InstanceType<typeof OfficeHost> & { createWorkbook?(b64: string): Promise<void> };
    if (typeof excel.createWorkbook === "function") host.createWorkbook = (b64) => excel.createWorkbook!(b64);
    return createOfficeAppHost({ host, engine: createEngine, supports: officeSupports });
  }
  // @ts-ignore TS1343: import.meta is kept as written; webpack emits the sample workbook as an asset.
  const sampleUrl: string = new URL("../../examples/sample-county.xlsx", import.meta.url).href;
  return createFileAppHost({ engine: createEngine, sampleUrl });
}

/** This page opened as the download dialog of Excel desktop (offerInDialog): receive the file, show a 下载 link. */
async function downloadDialog(container: HTMLElement): Promise<void> {
  container.style.cssText = "padding:16px 24px;font-size:15px;";
  container.textContent = "正在准备下载…";
  if (!(await officeExcelReadyOrDialog())) {
    container.textContent = "下载窗口只能从 Excel 中的优质均衡评估助手打开。";
    return;
  }
  const { startDownloadDialog } = await import(/* webpackChunkName: "deliver" */ "../report/deliver");
  container.textContent = "请点击下面的链接保存文件：";
  startDownloadDialog(document);
}

/** In a dialog Office.onReady may report no host; the Office.context.ui API is what matters. */
async function officeExcelReadyOrDialog(): Promise<boolean> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return false;
  await Promise.race([Office.onReady(), new Promise((r) => setTimeout(r, OFFICE_READY_TIMEOUT_MS))]);
  return !!Office.context?.ui;
}

/** False when taskpane.html's start-up check (startup-check.js) found an engine too old for this bundle. */
function engineSupported(w: { junhengCompat?: { supported?: boolean } } = window as never): boolean {
  return w.junhengCompat?.supported !== false;
}

async function main(): Promise<void> {
  if (!engineSupported()) return; // the start-up check already shows what works instead
  const container = document.getElementById("container") ?? document.body.appendChild(document.createElement("div"));
  if (new URLSearchParams(location.search).get("dialog") === "download") return downloadDialog(container);
  const host = await makeHost();
  document.documentElement.dataset.mode = host.mode;
  createRoot(container).render(<App host={host} profiles={Object.values(PROFILES)} defaultProfile={NATIONAL_2017} />);
}

void main();
