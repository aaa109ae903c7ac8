/**
 * Loading and assessing an input workbook for the commands (assess, report, export): the file is
 * read into memory and assessed there; it is never written back. Failures become CliErrors with
 * the exit codes of command.ts.
 */
import * as path from "path";
import { NotXlsxError, XlsxHost } from "../hosts/xlsx";
import { UnusableWorkbookError } from "../workbook/contract";
import { UnknownProfileError, assessWorkbook } from "../workbook/run";
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

/** Opens an .xlsx file (exit 2 when it is not one). */
export async function loadWorkbookFile(file: string): Promise<XlsxHost> {
  const bytes = await readInput(file);
  try {
    return await XlsxHost.load(bytes);
  } catch (e) {
    if (e instanceof NotXlsxError) throw new CliError(`「${path.basename(file)}」${e.message}`, EXIT.unusable);
    throw e;
  }
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
