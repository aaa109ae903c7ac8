/**
 * The pane's settings kept in the workbook (Office.context.document.settings), so a colleague who
 * opens the same file gets the same rules. Stored under one key as a small JSON object (its shape:
 * src/workbook/settings.ts, shared with the WPS add-in, which keeps it in a document property).
 */
import { cleanSettings, SETTINGS_KEY, type AddinSettings } from "../../workbook/settings";

export { cleanSettings, SETTINGS_KEY, type AddinSettings };

/** The part of Office.Settings used here (tests and the pane may pass their own). */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
  /** Re-reads the settings saved in the document (Office.Settings.refreshAsync, Settings 1.1). */
  refreshAsync?(callback?: (result: { status: unknown }) => void): void;
}

function documentSettings(): SettingsStore | null {
  try {
    return typeof Office !== "undefined" && Office.context?.document?.settings ? Office.context.document.settings : null;
  } catch {
    return null;
  }
}

/** The workbook's saved settings ({} outside Office or when none were saved). */
export function loadAddinSettings(store: SettingsStore | null = documentSettings()): AddinSettings {
  const s = store;
  return s ? cleanSettings(s.get(SETTINGS_KEY)) : {};
}

/** Stores the settings in the workbook and saves them with it (saveAsync). */
export function saveAddinSettings(settings: AddinSettings, store: SettingsStore | null = documentSettings()): Promise<void> {
  const s = store;
  if (!s) return Promise.resolve();
  s.set(SETTINGS_KEY, cleanSettings(settings));
  return new Promise((resolve, reject) =>
    s.saveAsync((result: Office.AsyncResult<void>) => {
      if (String(result.status) === "failed") reject(new Error("评估设置未能保存到工作簿（工作簿可能为只读）。本次评估仍按所选设置进行。"));
      else resolve();
    }),
  );
}

/**
 * The settings as last saved in the workbook, re-read first (refreshAsync). The ribbon command's page
 * loads its copy of the settings when Office first opens it and keeps it for the session, while the task
 * pane (another page) saves changes later: without the refresh the command would assess with stale
 * settings. A failed refresh keeps the copy there is.
 */
export function refreshAddinSettings(store: SettingsStore | null = documentSettings()): Promise<AddinSettings> {
  const s = store;
  if (!s) return Promise.resolve({});
  if (typeof s.refreshAsync !== "function") return Promise.resolve(loadAddinSettings(s));
  return new Promise((resolve) => s.refreshAsync!(() => resolve(loadAddinSettings(s))));
}
