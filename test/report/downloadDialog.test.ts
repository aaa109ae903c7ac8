/** @jest-environment jsdom */
/**
 * The download dialog's page (startDownloadDialog, Excel desktop): it says 「ready」 to the pane, which
 * then sends the file in parts. Office's Dialog API registers the page's handler asynchronously
 * (Office.context.ui.addHandlerAsync reports through its callback); a message from the pane that
 * arrives before then reaches no handler and is lost. So 「ready」 must go only once the handler is in.
 */
import { dialogMessages, startDownloadDialog, type DialogMessage } from "../../src/report/deliver";

type Ui = Pick<typeof Office.context.ui, "addHandlerAsync" | "messageParent">;

/**
 * The dialog side of the Dialog API: addHandlerAsync takes effect a macrotask later, then calls back;
 * messageParent reaches the pane (`pane`), whose answers (messageChild) go to the handler registered
 * at that moment, if any.
 */
function installDialogSide(pane: (message: string, messageChild: (m: string) => void) => void): { lost: string[] } {
  const lost: string[] = [];
  let handler: ((arg: { message: string }) => void) | null = null;
  const ui: Ui = {
    addHandlerAsync: ((_type: unknown, h: (arg: { message: string }) => void, cb?: (r: { status: string }) => void) => {
      setTimeout(() => {
        handler = h;
        cb?.({ status: "succeeded" });
      }, 0);
    }) as unknown as Ui["addHandlerAsync"],
    messageParent: (message: string) =>
      pane(message, (m) => {
        if (handler) handler({ message: m });
        else lost.push(m);
      }),
  };
  (globalThis as unknown as { Office: unknown }).Office = { context: { ui }, EventType: { DialogParentMessageReceived: "dialogParentMessageReceived" } };
  return { lost };
}

afterEach(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

test("「ready」 goes to the pane only after the handler is registered, so no part of the file is lost", async () => {
  const bytes = new Uint8Array(70_000).map((_, i) => i % 251);
  const { lost } = installDialogSide((message, messageChild) => {
    // The pane (offerInDialog) answers 「ready」 at once with every part of the file.
    if ((JSON.parse(message) as DialogMessage).kind === "ready") for (const m of dialogMessages(bytes, "报告.docx", "application/test")) messageChild(m);
  });
  const created: Blob[] = [];
  URL.createObjectURL = ((b: Blob) => (created.push(b), "blob:test")) as typeof URL.createObjectURL;
  startDownloadDialog(document);
  await new Promise((r) => setTimeout(r, 20));
  expect(lost).toEqual([]);
  const link = document.querySelector("a");
  expect(link?.textContent).toBe("下载 报告.docx");
  expect(link?.getAttribute("download")).toBe("报告.docx");
  expect(created).toHaveLength(1);
  expect(created[0].size).toBe(bytes.length);
});
