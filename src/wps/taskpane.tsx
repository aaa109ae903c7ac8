/**
 * The task pane of the WPS 加载项 (opened by 「优质均衡 → 评估面板」): the same App as in Excel,
 * working on the open workbook through WpsHost. Opened outside WPS, it says where it belongs.
 */
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { NATIONAL_2017, PROFILES } from "../engine/profiles";
import { createEngine } from "../taskpane/createEngine";
import { createWpsAppHost } from "../taskpane/wpsAppHost";
import { WpsHost } from "../hosts/wps";
import { wpsApplication } from "./application";

function main(): void {
  const container = document.getElementById("container") ?? document.body.appendChild(document.createElement("div"));
  const app = wpsApplication();
  if (!app) {
    container.textContent = "这是 WPS 表格「优质均衡」加载项的任务窗格。请在 WPS 表格中点击「优质均衡 → 评估面板」打开；没有 WPS 加载项时，可使用网页版。";
    return;
  }
  const host = createWpsAppHost({ host: new WpsHost(app), engine: createEngine });
  document.documentElement.dataset.mode = "wps";
  createRoot(container).render(<App host={host} profiles={Object.values(PROFILES)} defaultProfile={NATIONAL_2017} />);
}

main();
