/**
 * Office mode: the pane works on the open Excel workbook through OfficeHost (batched Office.js calls).
 * The engine runs in a Web Worker whose workbook calls come back here; settings are kept in the
 * workbook's add-in settings (hosts/office/settings), so a colleague opening the same file gets the same rules.
 */
import type { AppHost } from "./appHost";
import type { EngineApi, PageWorkbook } from "./engineApi";
import { DOCX_MIME, downloadBytes } from "./download";
import { loadAddinSettings, saveAddinSettings } from "../hosts/office/settings";

export interface OfficeHostDeps {
  /** OfficeHost (with selectCell) plus Excel.createWorkbook where the host has it. */
  host: PageWorkbook & { selectCell(sheet: string, cell: string): Promise<void> };
  engine: () => Promise<EngineApi>;
  /** isSetSupported("ExcelApi", version). */
  supports: (version: string) => boolean;
  download?: (name: string, bytes: Uint8Array, mime: string) => void;
}

const REPORT_NAME = "自查自评报告（草稿）.docx";
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
      download(REPORT_NAME, await (await engine()).report(), DOCX_MIME);
      return `已生成报告草稿「${REPORT_NAME}」。`;
    },
    async exportWorkbook() {
      const supported = EXCEL_API_VERSIONS.filter((v) => deps.supports(v));
      return (await (await engine()).exportOffice(deps.host, supported)).message;
    },
  };
}
