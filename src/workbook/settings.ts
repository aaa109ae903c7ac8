/**
 * The pane's settings kept with the workbook (Excel: Office document settings; WPS: a custom
 * document property), so a colleague who opens the same file gets the same rules: one key, a
 * small JSON object. Host-neutral: the hosts store and load the text.
 */
import type { CvRule } from "../engine/types";

export const SETTINGS_KEY = "junheng.settings";

/** What the pane remembers. Undefined = as the workbook's 「评估标准」 sheet or the profile says. */
export interface AddinSettings {
  profileId?: string;
  cvRule?: CvRule;
  splitFacilities?: boolean;
  /** The sheet(s) holding the school data, chosen in the pane (default: found by content). */
  sheets?: string[];
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
