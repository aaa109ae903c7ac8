/**
 * Ribbon function commands 「评估」 and 「清除评估结果」 (manifest: ExecuteFunction runAssessment,
 * clearResults), loaded by commands.html.
 *
 * Runs the whole assessment on the open workbook with the settings saved in the workbook by the
 * task pane (profile, CV rule, facility split), then calls event.completed(). A function command has
 * no UI of its own: on success the result sheet the plan activates (评估汇总) is the feedback; on
 * failure the Chinese message is shown in a small Office dialog (this same page opened with
 * ?message=…, Dialog API 1.1), and completed() is called once the user closes it. Where the Dialog
 * API is missing the message goes to the console only.
 */
import { assessWorkbook, clearWorkbook, type AssessRun, type ClearRun } from "../workbook/run";
import { OfficeHost, loadAddinSettings, officeErrorMessage, OfficeHostError } from "../hosts/office";

/** A Chinese message for anything the command can fail with. */
export function commandErrorMessage(err: unknown): string {
  if (err instanceof OfficeHostError) return err.message;
  if (err && typeof err === "object" && typeof (err as { code?: unknown }).code === "string") return officeErrorMessage(err);
  // Reader and option errors (UnusableWorkbookError, UnknownProfileError) already speak Chinese.
  if (err instanceof Error && /[\u4e00-\u9fff]/.test(err.message)) return err.message;
  return officeErrorMessage(err);
}

/** Shows a message in a dialog and resolves when it is closed (or at once without Dialog API). */
export function showMessage(message: string): Promise<void> {
  const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
  if (!ui || typeof ui.displayDialogAsync !== "function" || typeof location === "undefined") {
    console.error(message);
    return Promise.resolve();
  }
  const url = `${location.origin}${location.pathname}?message=${encodeURIComponent(message)}`;
  return new Promise((resolve) => {
    ui.displayDialogAsync(url, { height: 30, width: 30, displayInIframe: true }, (result) => {
      if (String(result.status) !== "succeeded") {
        console.error(message);
        resolve();
        return;
      }
      const dialog = result.value;
      const done = () => {
        try {
          dialog.close();
        } finally {
          resolve();
        }
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

/** The command: assess with the workbook's saved settings; always completes the event. */
export async function runAssessment(event: { completed(): void }): Promise<AssessRun | null> {
  try {
    const s = loadAddinSettings();
    return await assessWorkbook(new OfficeHost(), { profileId: s.profileId, cvRule: s.cvRule, splitFacilities: s.splitFacilities });
  } catch (e) {
    await showMessage(`评估未完成：${commandErrorMessage(e)}`);
    return null;
  } finally {
    event.completed();
  }
}

/** The command 清除评估结果: removes what assessments wrote (by marker); always completes the event. */
export async function clearResults(event: { completed(): void }): Promise<ClearRun | null> {
  try {
    return await clearWorkbook(new OfficeHost());
  } catch (e) {
    await showMessage(`清除未完成：${commandErrorMessage(e)}`);
    return null;
  } finally {
    event.completed();
  }
}

/** Dialog mode of this page: show ?message= and a 关闭 button that tells the command to close us. */
function renderMessagePage(message: string): void {
  document.title = "优质均衡评估助手";
  const box = document.createElement("div");
  box.setAttribute("role", "alert");
  box.style.cssText = "font: 14px 'Microsoft YaHei','PingFang SC',sans-serif; padding: 16px; line-height: 1.6;";
  const p = document.createElement("p");
  p.textContent = message;
  const button = document.createElement("button");
  button.textContent = "关闭";
  button.onclick = () => Office.context.ui.messageParent("close");
  box.append(p, button);
  document.body.appendChild(box);
}

if (typeof Office !== "undefined") {
  const message = typeof location !== "undefined" ? new URLSearchParams(location.search).get("message") : null;
  Office.onReady(() => {
    if (message !== null) renderMessagePage(message);
  });
  if (message === null) {
    // Office.actions.associate where office.js has it; older hosts look the FunctionName up as a global.
    if (Office.actions && typeof Office.actions.associate === "function") {
      Office.actions.associate("runAssessment", runAssessment);
      Office.actions.associate("clearResults", clearResults);
    } else Object.assign(globalThis, { runAssessment, clearResults });
  }
}
