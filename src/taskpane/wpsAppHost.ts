/**
 * WPS mode: the pane inside WPS 表格 works on the open workbook through WpsHost (the ET object
 * model), exactly as Office mode does through OfficeHost — the same App, the same back end in a
 * Web Worker whose workbook calls come back to this page. What differs:
 * - settings are kept in the workbook as a custom document property (文件 → 属性 → 自定义,
 *   "junheng.settings"; WPS has no Office.context.document.settings), so a colleague opening the
 *   same file gets the same rules, as in Excel;
 * - 导出上报 has no Excel.createWorkbook: it writes the 「上报-」 sheets into the open workbook;
 * - 生成报告 is offered as a download from the pane (the Chromium webview of WPS).
 */
import type { AppHost, PaneSettings } from "./appHost";
import type { EngineApi, PageWorkbook } from "./engineApi";
import { createOfficeAppHost } from "./officeAppHost";
import { SETTINGS_KEY, cleanSettings } from "../workbook/settings";

export interface WpsHostDeps {
  host: PageWorkbook & {
    selectCell(sheet: string, cell: string): Promise<void>;
    loadProperty(key: string): string | null;
    saveProperty(key: string, value: string): void;
  };
  engine: () => Promise<EngineApi>;
  download?: (name: string, bytes: Uint8Array, mime: string) => void;
}

export function createWpsAppHost(deps: WpsHostDeps): AppHost {
  const base = createOfficeAppHost({ host: deps.host, engine: deps.engine, supports: () => false, download: deps.download });
  return {
    ...base,
    async loadSettings() {
      try {
        return cleanSettings(JSON.parse(deps.host.loadProperty(SETTINGS_KEY) ?? "{}"));
      } catch {
        return {};
      }
    },
    async saveSettings(s: PaneSettings) {
      deps.host.saveProperty(SETTINGS_KEY, JSON.stringify(cleanSettings(s)));
    },
  };
}
