/**
 * Getting a generated file (the .docx report, the export .xlsx) to the user, in each host.
 * Browser-side only (DOM and Office globals are used inside functions, never at import time).
 *
 *   web page (plain browser)     → "download": Blob URL + <a download> (the pane's downloadBytes)
 *   Excel on the web             → "download": the pane is an iframe of the browser tab
 *   Excel desktop, Windows       → "dialog": an Office dialog (DialogApi 1.2) that receives the
 *                                  file by messageChild and offers a big 下载 link (a download
 *                                  started from the narrow task pane shows only a small bar there)
 *   Excel on Mac / iPad          → "sheet": WKWebView does not download by design
 *                                  (OfficeDev/office-js#2700), so the report text is written to a
 *                                  「报告初稿」 sheet (reportSheetPlan) for the user to copy into Word
 * See docs/report.md.
 */
import type { CellValue, FormatRun, SheetPlan } from "../workbook/plan";
import { FILL } from "../workbook/plan";
import { blockText, type ReportOutline } from "./outline";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 of bytes without Buffer or btoa (works in Node, browsers and workers). */
export function toBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  let chunk = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (a << 16) | (b << 8) | c;
    chunk +=
      B64[(n >> 18) & 63] +
      B64[(n >> 12) & 63] +
      (i + 1 < bytes.length ? B64[(n >> 6) & 63] : "=") +
      (i + 2 < bytes.length ? B64[n & 63] : "=");
    if (chunk.length >= 8192) {
      out.push(chunk);
      chunk = "";
    }
  }
  out.push(chunk);
  return out.join("");
}

/** Bytes of a base64 string (inverse of toBase64). */
export function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n =
      (B64.indexOf(clean[i]) << 18) |
      (B64.indexOf(clean[i + 1]) << 12) |
      ((i + 2 < clean.length ? B64.indexOf(clean[i + 2]) : 0) << 6) |
      (i + 3 < clean.length ? B64.indexOf(clean[i + 3]) : 0);
    out[o++] = (n >> 16) & 255;
    if (i + 2 < clean.length) out[o++] = (n >> 8) & 255;
    if (i + 3 < clean.length) out[o++] = n & 255;
  }
  return out.subarray(0, o);
}

/** A data: URL of bytes (small files; Blob URLs are preferred where available). */
export function dataUrl(bytes: Uint8Array, mime: string): string {
  return `data:${mime};base64,${toBase64(bytes)}`;
}

export type Delivery = "download" | "dialog" | "sheet";

export interface DeliveryEnv {
  /** Running inside Office (Office.onReady gave a host). */
  inOffice: boolean;
  /** Office.context.platform: "PC", "OfficeOnline", "Mac", "iOS", "Android", "Universal". */
  platform?: string | null;
  /** isSetSupported("DialogApi", "1.2"). */
  dialogApi12?: boolean;
}

/** Which way a file reaches the user in this host (see the file comment). */
export function chooseDelivery(env: DeliveryEnv): Delivery {
  if (!env.inOffice) return "download";
  if (env.platform === "OfficeOnline") return "download";
  if (env.platform === "PC") return env.dialogApi12 ? "dialog" : "download";
  return "sheet";
}

/** The environment of the running pane, read from the Office global (safe outside Office). */
export function currentDeliveryEnv(): DeliveryEnv {
  try {
    if (typeof Office === "undefined" || !Office.context) return { inOffice: false };
    return {
      inOffice: true,
      platform: String(Office.context.platform ?? ""),
      dialogApi12: !!Office.context.requirements?.isSetSupported("DialogApi", "1.2"),
    };
  } catch {
    return { inOffice: false };
  }
}

/** Excel on the web refuses a request over 5 MB; Excel.createWorkbook sends the whole file (base64) in one. */
export const WEB_REQUEST_LIMIT = 5_000_000;

/** Messages between the pane and the download dialog (JSON strings). */
export type DialogMessage =
  | { kind: "ready" }
  | { kind: "file"; name: string; mime: string; part: number; parts: number; data: string }
  | { kind: "done" };

/** Size of one messageChild part (characters of base64); messages are kept well below Office's limits. */
export const DIALOG_PART = 30_000;

/** Split a file into dialog messages. */
export function dialogMessages(bytes: Uint8Array, name: string, mime: string): string[] {
  const b64 = toBase64(bytes);
  const parts = Math.max(1, Math.ceil(b64.length / DIALOG_PART));
  const out: string[] = [];
  for (let i = 0; i < parts; i++) {
    const m: DialogMessage = { kind: "file", name, mime, part: i, parts, data: b64.slice(i * DIALOG_PART, (i + 1) * DIALOG_PART) };
    out.push(JSON.stringify(m));
  }
  return out;
}

/**
 * Excel desktop: open the add-in's download dialog page (`dialogUrl`, same origin as the pane,
 * running startDownloadDialog), send it the file when it says "ready", close it when it says "done".
 */
export function offerInDialog(bytes: Uint8Array, fileName: string, mime: string, dialogUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(dialogUrl, { height: 35, width: 30, displayInIframe: true }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new Error(`无法打开下载窗口：${res.error?.message ?? ""}`));
        return;
      }
      const dialog = res.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        const raw = "message" in arg ? arg.message : "";
        let msg: DialogMessage | null = null;
        try {
          msg = JSON.parse(raw) as DialogMessage;
        } catch {
          msg = null;
        }
        if (msg?.kind === "ready") for (const m of dialogMessages(bytes, fileName, mime)) dialog.messageChild(m);
        if (msg?.kind === "done") {
          dialog.close();
          resolve();
        }
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

/**
 * The dialog page's script: register for the pane's messages, then say "ready", collect the parts, show a 下载 link for the file (and
 * start the download), say "done" when the user clicked. Call from the dialog page after Office.onReady.
 */
export function startDownloadDialog(doc: Document = document): void {
  const parts: string[] = [];
  const receive = (arg: { message: string }) => {
    const m = JSON.parse(arg.message) as DialogMessage;
    if (m.kind !== "file") return;
    parts[m.part] = m.data;
    if (parts.filter((p) => p !== undefined).length < m.parts) return;
    const bytes = fromBase64(parts.join(""));
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: m.mime }));
    const a = doc.createElement("a");
    a.href = url;
    a.download = m.name;
    a.textContent = `下载 ${m.name}`;
    a.style.cssText = "display:block;font-size:16px;margin:24px;";
    a.addEventListener("click", () => setTimeout(() => Office.context.ui.messageParent(JSON.stringify({ kind: "done" })), 1500));
    doc.body.appendChild(a);
  };
  // 「ready」 only once the handler is registered (addHandlerAsync's callback): the pane answers it at
  // once with the file, and a part arriving before the handler is in place would be lost.
  Office.context.ui.addHandlerAsync(Office.EventType.DialogParentMessageReceived, receive, (result: { status: unknown }) => {
    if (String(result.status) === "failed") {
      doc.body.appendChild(doc.createTextNode("下载窗口无法接收文件，请关闭本窗口后重试。"));
      return;
    }
    Office.context.ui.messageParent(JSON.stringify({ kind: "ready" }));
  });
}

/** Name of the report sheet of the "sheet" delivery. */
export const REPORT_SHEET = "报告初稿";

/**
 * The report as a worksheet (Excel on Mac/iPad, where files cannot be downloaded): one paragraph
 * per row in a wide wrapped column, tables cell by cell, placeholders highlighted.
 */
export function reportSheetPlan(outline: ReportOutline): SheetPlan {
  const rows: CellValue[][] = [[outline.issuer], [outline.title], [null]];
  const formats: FormatRun[] = [{ row: 0, col: 0, rows: 2, cols: 1, bold: true, horizontalAlignment: "center" }];
  let width = 1;
  for (const b of outline.blocks) {
    if (b.kind === "table") {
      if (b.caption) {
        formats.push({ row: rows.length, col: 0, rows: 1, cols: 1, bold: true });
        rows.push([b.caption]);
      }
      const start = rows.length;
      for (const r of [...b.header, ...b.rows]) {
        rows.push(r);
        width = Math.max(width, r.length);
      }
      formats.push({ row: start, col: 0, rows: b.header.length, cols: b.header[0]?.length ?? 1, bold: true, fill: FILL.header });
      formats.push({ row: start, col: 0, rows: rows.length - start, cols: b.header[0]?.length ?? 1, border: true });
      rows.push([null]);
      continue;
    }
    if (b.kind === "heading") formats.push({ row: rows.length, col: 0, rows: 1, cols: 1, bold: true });
    if (b.kind === "paragraph" && b.runs.some((r) => r.placeholder)) {
      formats.push({ row: rows.length, col: 0, rows: 1, cols: 1, fill: FILL.basic });
    }
    rows.push([blockText(b)]);
  }
  const values = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  return {
    name: REPORT_SHEET,
    mode: "replace",
    blocks: [{ row: 0, col: 0, values, textOnly: true }],
    formats: [{ row: 0, col: 0, rows: values.length, cols: 1, wrap: true }, ...formats],
    columnWidths: [{ col: 0, width: 100 }],
  };
}
