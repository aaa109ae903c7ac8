/**
 * The pane's settings kept in the workbook (Office.context.document.settings), so a colleague who
 * opens the same file gets the same rules. Stored under one key as a small JSON object.
 */
import type { CvRule } from "../../engine/types";

export const SETTINGS_KEY = "junheng.settings";

/** What the pane remembers. Undefined = as the workbook's 「评估标准」 sheet or the profile says. */
export interface AddinSettings {
  profileId?: string;
  cvRule?: CvRule;
  splitFacilities?: boolean;
  /** The sheet(s) holding the school data, chosen in the pane (default: found by content). */
  sheets?: string[];
}

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

/** Keeps only well-formed fields (the stored JSON may come from an older or edited file). */
export function cleanSettings(raw: unknown): AddinSettings {
  const out: AddinSettings = {};
  if (!raw || typeof raw !== "object") return out;
  const r = raw as Record<string, unknown>;
  if (typeof r.profileId === "string" && r.profileId) out.profileId = r.profileId;
  if (r.cvRule === "each" || r.cvRule === "composite") out.cvRule = r.cvRule;
  if (typeof r.splitFacilities === "boolean") out.splitFacilities = r.splitFacilities;
  if (Array.isArray(r.sheets) && r.sheets.length && r.sheets.every((x) => typeof x === "string" && x)) out.sheets = r.sheets as string[];
  return out;
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
