/**
 * The main page of the WPS 加载项 (index.html): WPS loads it when 表格 starts and calls the
 * ribbon.xml callbacks on it. The callbacks are plain global functions that return at once —
 * never `async` (some WPS builds mishandle a callback that returns a Promise); long work starts
 * from them and reports through alert().
 *
 * Tab 「优质均衡」: 评估 (assess the open workbook with the settings saved in it), 评估面板 (show or
 * hide the task pane), 清除评估结果 (remove what the product wrote: clearWorkbook's plan).
 */
import { WpsHost, WpsHostError } from "../hosts/wps";
import { SETTINGS_KEY, cleanSettings } from "../workbook/settings";
import { assessWorkbook, clearWorkbook } from "../workbook/run";
import { addinBase, wpsApplication, type WpsAddinRoot } from "./application";

const PANE_KEY = "junheng_taskpane_id";
/** msoCTPDockPositionRight */
const DOCK_RIGHT = 2;

export const BUTTONS = { assess: "btnAssess", pane: "btnPane", clear: "btnClear" } as const;

let busy = false;

/** A Chinese message for any failure (ET's own texts are never shown). */
export function wpsErrorMessage(err: unknown): string {
  if (err instanceof WpsHostError) return err.message;
  if (err instanceof Error && /[\u4e00-\u9fff]/.test(err.message)) return err.message;
  return "发生了意外错误。请保存工作簿后重试；如仍失败，请将此提示告知技术支持。";
}

function say(text: string): void {
  if (typeof alert === "function") alert(text);
  else console.log(text);
}

/** 评估: the whole assessment on the open workbook, with the settings the pane saved in it. */
export async function assessFromRibbon(app: WpsAddinRoot, tell: (text: string) => void = say): Promise<void> {
  if (busy) return tell("评估正在进行，请稍候。");
  busy = true;
  try {
    const host = new WpsHost(app);
    let settings = {};
    try {
      settings = cleanSettings(JSON.parse(host.loadProperty(SETTINGS_KEY) ?? "{}"));
    } catch {
      settings = {};
    }
    const run = await assessWorkbook(host, settings);
    const schools = run.assessment.schools.length;
    const issues = run.read.issues.length;
    tell(`评估完成：共 ${schools} 所学校，结果已写入「评估汇总」等工作表${issues ? `；另有 ${issues} 条数据问题，见「数据问题」工作表` : ""}。`);
  } catch (e) {
    tell(`评估未完成：${wpsErrorMessage(e)}`);
  } finally {
    busy = false;
  }
}

/** 评估面板: creates the task pane once, then shows or hides it. */
export function togglePane(app: WpsAddinRoot, base: string): void {
  const id = app.PluginStorage.getItem(PANE_KEY);
  if (typeof id === "number" || (typeof id === "string" && id)) {
    const pane = app.GetTaskPane(Number(id));
    pane.Visible = !pane.Visible;
    return;
  }
  const pane = app.CreateTaskPane(`${base}/taskpane.html`, "优质均衡评估助手");
  app.PluginStorage.setItem(PANE_KEY, pane.ID);
  pane.DockPosition = DOCK_RIGHT;
  pane.Visible = true;
}

/** 清除评估结果: removes what the product wrote (its sheets, result block, rules, markers) after a confirmation. */
export async function clearFromRibbon(app: WpsAddinRoot, tell: (text: string) => void = say, ask: (text: string) => boolean = confirmBox): Promise<void> {
  if (busy) return tell("评估正在进行，请稍候。");
  if (!ask("确定要清除本工具写入的评估结果吗？结果工作表将被删除，「学校数据」右侧的评估结果列将被清空；原有数据不受影响。")) return;
  busy = true;
  try {
    const run = await clearWorkbook(new WpsHost(app));
    if (!run.changed) return tell("工作簿中没有本工具写入的评估结果，无需清除。");
    const parts = [run.sheets.length ? `删除了 ${run.sheets.map((s) => `「${s}」`).join("")} ${run.sheets.length} 个结果工作表` : "", run.block ? "清空了数据表右侧的评估结果列" : ""].filter(Boolean);
    tell(`已清除评估结果${parts.length ? `：${parts.join("，")}` : ""}。`);
  } catch (e) {
    tell(`清除未完成：${wpsErrorMessage(e)}`);
  } finally {
    busy = false;
  }
}

/** WPS's confirm() answers 1 or 0; a plain browser's true or false. */
function confirmBox(text: string): boolean {
  return typeof confirm === "function" ? !!confirm(text) : true;
}

function OnAddinLoad(): boolean {
  return true;
}

function OnAction(control: { Id?: string; id?: string }): boolean {
  const app = wpsApplication();
  if (!app) return false;
  const id = control.Id ?? control.id;
  try {
    if (id === BUTTONS.assess) void assessFromRibbon(app);
    else if (id === BUTTONS.pane) togglePane(app, addinBase(location.href));
    else if (id === BUTTONS.clear) void clearFromRibbon(app);
  } catch (e) {
    say(wpsErrorMessage(e));
  }
  return true;
}

function GetImage(control: { Id?: string; id?: string }): string {
  const id = control.Id ?? control.id;
  return id === BUTTONS.pane ? "images/pane.svg" : id === BUTTONS.clear ? "images/clear.svg" : "images/assess.svg";
}

Object.assign(globalThis, { OnAddinLoad, OnAction, GetImage });
