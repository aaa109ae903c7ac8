/**
 * Loading and assessing an input workbook for the commands (assess, report, export): the file is
 * read into memory and assessed there; it is never written back. Failures become CliErrors with
 * the exit codes of command.ts.
 */
import * as path from "path";
import { NotXlsxError, XlsxHost } from "../hosts/xlsx";
import { MSG } from "../hosts/xlsx/package";
import { LEGACY, legacyToXlsx } from "./legacy";
import { UnusableWorkbookError } from "../workbook/contract";
import { compareYears } from "../engine/compare";
import type { Comparison } from "../engine/compare";
import { UnknownProfileError, assessWorkbook, readAndAssess } from "../workbook/run";
import type { AssessOptions, AssessRun } from "../workbook/run";
import type { ParsedArgs } from "./args";
import { CliError, EXIT } from "./command";
import { readInput } from "./files";

/** --profile, --cv-rule, --no-split, --sheet (repeatable) and --write-map as assessment options. */
export function assessOptionsOf(parsed: ParsedArgs): AssessOptions {
  const opts: AssessOptions = { profileId: parsed.options.profile };
  if (parsed.lists.sheet?.length) opts.sheets = parsed.lists.sheet;
  if (parsed.options["write-map"]) opts.writeColumnMap = true;
  if (parsed.options["cv-rule"]) opts.cvRule = parsed.options["cv-rule"] as AssessOptions["cvRule"];
  if (parsed.options["no-split"]) opts.splitFacilities = false;
  return opts;
}

/**
 * Hosts opened from an .xls/.et/.ods file: a new workbook converted from it (legacy.ts). Their
 * results can only go to a new .xlsx, never back to the original file.
 */
const converted = new WeakSet<XlsxHost>();

/** True when `host` was converted from an .xls/.et/.ods file. */
export function isConverted(host: XlsxHost): boolean {
  return converted.has(host);
}

/** Opens an .xlsx/.xlsm file, or converts an .xls/.et/.ods one (exit 2 when it is neither). */
export async function loadWorkbookFile(file: string): Promise<XlsxHost> {
  const bytes = await readInput(file);
  try {
    if (LEGACY.test(file)) return convertedHost(file, bytes);
    return await XlsxHost.load(bytes);
  } catch (e) {
    // An .xls saved under another name is converted as well.
    if (e instanceof NotXlsxError && e.message === MSG.legacy) return convertedHost(file, bytes);
    if (e instanceof NotXlsxError) throw new CliError(`「${path.basename(file)}」${e.message}`, EXIT.unusable);
    throw e;
  }
}

async function convertedHost(file: string, bytes: Uint8Array): Promise<XlsxHost> {
  if (bytes[0] === 0xd0 || bytes[0] === 0x50) {
    // Encrypted packages are compound files too: give the same message as for .xlsx.
    try {
      await XlsxHost.load(bytes);
    } catch (e) {
      if (e instanceof NotXlsxError && e.message === MSG.encrypted) throw new CliError(`「${path.basename(file)}」${e.message}`, EXIT.unusable);
    }
  }
  const host = await XlsxHost.load(await legacyToXlsx(file, bytes));
  converted.add(host);
  return host;
}

/** Opens and assesses a workbook in memory; exit 2 when it cannot be used, 1 for an unknown profile. */
export async function assessFile(file: string, opts: AssessOptions): Promise<{ host: XlsxHost; run: AssessRun }> {
  const host = await loadWorkbookFile(file);
  try {
    return { host, run: await assessWorkbook(host, opts) };
  } catch (e) {
    if (e instanceof UnusableWorkbookError) throw new CliError(`「${path.basename(file)}」无法评估：${e.message}`, EXIT.unusable);
    if (e instanceof UnknownProfileError) throw new CliError(e.message, EXIT.usage);
    throw e;
  }
}

/** Last year's workbook (assessed in memory with the same options) compared with this year's run. */
export async function compareWithLastYear(file: string, current: AssessRun, opts: AssessOptions): Promise<Comparison> {
  const host = await loadWorkbookFile(file);
  let last;
  try {
    last = await readAndAssess(host, opts);
  } catch (e) {
    if (e instanceof UnusableWorkbookError) throw new CliError(`「${path.basename(file)}」无法评估：${e.message}`, EXIT.unusable);
    throw e;
  }
  return compareYears({ assessment: last.assessment, schools: last.read.dataset.schools }, { assessment: current.assessment, schools: current.read.dataset.schools });
}
