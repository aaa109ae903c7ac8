/**
 * Web mode (for offices without desktop Excel, e.g. WPS users): the pane works on an .xlsx the user
 * opens or drops. The workbook is read, assessed and written in memory (XlsxHost, in a Web Worker);
 * results leave the page only as downloads. Settings live in the page.
 */
import type { FileAppHost, PaneSettings } from "./appHost";
import type { EngineApi } from "./engineApi";
import { DOCX_MIME, XLSX_MIME, checkedName, downloadBytes } from "./download";

export interface FileHostDeps {
  /** The back end (a Worker in the browser). */
  engine: () => Promise<EngineApi>;
  /** URL of the bundled sample workbook (same origin). */
  sampleUrl: string;
  download?: (name: string, bytes: Uint8Array, mime: string) => void;
}

export const SAMPLE_NAME = "示例数据（sample-county）.xlsx";
const TEMPLATE_NAME = "优质均衡评估模板.xlsx";

export function createFileAppHost(deps: FileHostDeps): FileAppHost {
  const download = deps.download ?? downloadBytes;
  let name: string | null = null;
  let settings: PaneSettings = {};
  /** The last change to the open workbook was 清除评估结果 (for the download's message). */
  let cleared = false;
  let enginePromise: Promise<EngineApi> | null = null;
  const engine = () => (enginePromise ??= deps.engine());

  const host: FileAppHost = {
    mode: "file",
    current: () => name,
    async open(fileName, data) {
      const sheetNames = await (await engine()).load(data);
      name = fileName;
      return { name: fileName, sheetNames };
    },
    async openSample() {
      let res: Response;
      try {
        res = await fetch(deps.sampleUrl);
      } catch {
        throw new Error("无法载入示例数据。");
      }
      if (!res.ok) throw new Error(`无法载入示例数据（${res.status}）。`);
      return host.open(SAMPLE_NAME, await res.arrayBuffer());
    },
    async assess(req) {
      if (!name) throw new Error("请先打开一个工作簿（.xlsx），或点击「示例数据」。");
      const { onProgress, ...s } = req;
      const model = await (await engine()).assess("file", s, onProgress);
      cleared = false;
      return model;
    },
    async selectCell(sheet, cell) {
      return (await engine()).row(sheet, cell);
    },
    async createTemplate(s) {
      const e = await engine();
      const fresh = name === null;
      const outcome = await e.template("file", s);
      if (fresh) {
        // No workbook open: the template becomes the open workbook and is offered as a download.
        name = TEMPLATE_NAME;
        download(TEMPLATE_NAME, await e.save(), XLSX_MIME);
      }
      return outcome;
    },
    async loadSettings() {
      return { ...settings };
    },
    async saveSettings(s) {
      settings = { ...s };
    },
    async exportReport() {
      const { bytes, fileName } = await (await engine()).report();
      download(fileName, bytes, DOCX_MIME);
      return `已下载报告草稿「${fileName}」。请在 Word 或 WPS 中补充【请填写】处。`;
    },
    async exportWorkbook() {
      const { bytes, fileName } = await (await engine()).exportFile();
      download(fileName, bytes, XLSX_MIME);
      return `已下载上报工作簿「${fileName}」（仅含数值和格式，无公式）。`;
    },
    async clearResults() {
      if (!name) throw new Error("请先打开一个工作簿（.xlsx）。");
      const message = await (await engine()).clear("file");
      cleared = true;
      return `${message}点击「下载已检查的工作簿」可下载清除后的工作簿。`;
    },
    async downloadChecked() {
      if (!name) throw new Error("请先打开一个工作簿（.xlsx）。");
      const out = checkedName(name);
      download(out, await (await engine()).save(), XLSX_MIME);
      return cleared ? `已下载「${out}」：评估结果已清除，其余内容不变。` : `已下载「${out}」：原有数据不变，评估结果写在右侧和新增的工作表中。`;
    },
  };
  return host;
}
