/**
 * Office mode: the pane works on the open Excel workbook through OfficeHost (batched Office.js calls).
 * The engine runs in a Web Worker whose workbook calls come back here; settings are kept in the
 * workbook's add-in settings (hosts/office/settings), so a colleague opening the same file gets the same rules.
 */
import type { AppHost } from "./appHost";
import type { EngineApi, PageWorkbook } from "./engineApi";
import { DOCX_MIME, downloadBytes } from "./download";
import { loadAddinSettings, saveAddinSettings } from "../hosts/office/settings";
import { chooseDelivery, currentDeliveryEnv, offerInDialog } from "../report/deliver";

export interface OfficeHostDeps {
  /** OfficeHost (with selectCell) plus Excel.createWorkbook where the host has it. */
  host: PageWorkbook & { selectCell(sheet: string, cell: string): Promise<void> };
  engine: () => Promise<EngineApi>;
  /** isSetSupported("ExcelApi", version). */
  supports: (version: string) => boolean;
  download?: (name: string, bytes: Uint8Array, mime: string) => void;
  /** Page of the download dialog (Excel desktop); default: this page with ?dialog=download. */
  dialogUrl?: string;
}

/** The pane's own page in download-dialog mode (index.tsx runs startDownloadDialog there). */
export function downloadDialogUrl(): string {
  return `${location.origin}${location.pathname}?dialog=download`;
}
/** ExcelApi versions worth telling the back end about. */
const EXCEL_API_VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);

export function createOfficeAppHost(deps: OfficeHostDeps): AppHost {
  const download = deps.download ?? downloadBytes;
  let enginePromise: Promise<EngineApi> | null = null;
  const engine = () => (enginePromise ??= deps.engine());
  return {
    mode: "office",
    async assess(req) {
      const { onProgress, ...s } = req;
      return (await engine()).assess(deps.host, s, onProgress);
    },
    async selectCell(sheet, cell) {
      await deps.host.selectCell(sheet, cell);
      return null;
    },
    async createTemplate(s) {
      return (await engine()).template(deps.host, s);
    },
    async loadSettings() {
      return loadAddinSettings();
    },
    saveSettings(s) {
      return saveAddinSettings(s);
    },
    async exportReport() {
      const e = await engine();
      const how = chooseDelivery(currentDeliveryEnv());
      if (how === "sheet") {
        const sheet = await e.reportSheet(deps.host);
        return `此版本的 Excel 不能下载文件，报告初稿已写入「${sheet}」工作表，请复制到 Word 或 WPS 中编辑。`;
      }
      const { bytes, fileName } = await e.report();
      if (how === "dialog") {
        await offerInDialog(bytes, fileName, DOCX_MIME, deps.dialogUrl ?? downloadDialogUrl());
        return `报告草稿「${fileName}」已在下载窗口中提供。`;
      }
      download(fileName, bytes, DOCX_MIME);
      return `已生成报告草稿「${fileName}」。请在 Word 或 WPS 中补充【请填写】处。`;
    },
    async exportWorkbook() {
      const supported = EXCEL_API_VERSIONS.filter((v) => deps.supports(v));
      return (await (await engine()).exportOffice(deps.host, supported)).message;
    },
    async clearResults() {
      return (await engine()).clear(deps.host);
    },
  };
}
