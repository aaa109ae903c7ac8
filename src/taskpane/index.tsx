/**
 * Task pane entry. Office.js present and Office.onReady reporting Excel → Office mode (the open workbook);
 * otherwise (office.js absent or failed to load, or host null: a plain browser, WPS users) → web mode,
 * where the same pane works on an .xlsx opened in the page.
 */
import * as React from "react";
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

async function main(): Promise<void> {
  const container = document.getElementById("container") ?? document.body.appendChild(document.createElement("div"));
  const host = await makeHost();
  document.documentElement.dataset.mode = host.mode;
  createRoot(container).render(<App host={host} profiles={Object.values(PROFILES)} defaultProfile={NATIONAL_2017} />);
}

void main();
