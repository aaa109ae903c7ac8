/** The Office.js host: OfficeHost (WorkbookHost over Excel.run), error messages, settings. */
export { OfficeHost, officeSupports, capabilities, padToA1, type ExcelRun, type SupportsApi, type ApplyStats } from "./officeHost";
export { OfficeHostError, officeErrorMessage, officeErrorCode, toOfficeHostError, PRECHECK } from "./errors";
export { loadAddinSettings, refreshAddinSettings, saveAddinSettings, cleanSettings, SETTINGS_KEY, type AddinSettings, type SettingsStore } from "./settings";
export { columnWidthPoints, MAX_REQUEST_BYTES, WRITE_SYNCS } from "./schedule";
export { toExcelValue } from "../../workbook/host-cells";
export { officeJsReady, OFFICE_JS_URL } from "./officeJs";
