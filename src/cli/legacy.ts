/**
 * Old and foreign spreadsheet formats on the command line: .xls (Excel 97–2003), .et (WPS 表格)
 * and .ods (OpenDocument). They cannot be edited in place, so they are read with SheetJS
 * (`@e965/xlsx`, loaded only for them) into a NEW .xlsx holding the input's sheets (values and
 * number formats), which is then assessed like any workbook. The original file is never written;
 * the results go only into the new .xlsx named with -o.
 */
import * as path from "path";
import { CliError, EXIT } from "./command";

/** Extensions read by conversion. */
export const LEGACY = /\.(xls|et|ods)$/i;

/** The .xls/.et/.ods bytes as .xlsx bytes (the input's sheets, values and number formats only). */
export async function legacyToXlsx(file: string, bytes: Uint8Array): Promise<Uint8Array> {
  const unreadable = `「${path.basename(file)}」无法读取：它不是有效的 .xls/.et/.ods 表格。请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx）后再试。`;
  // A compound file (.xls/.et), a zip (.ods), or an HTML/XML table saved as .xls by many export
  // tools; SheetJS would read any other bytes as one column of text.
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, "").trimStart();
  const cfb = bytes[0] === 0xd0 && bytes[1] === 0xcf;
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!cfb && !zip && !head.startsWith("<")) throw new CliError(unreadable, EXIT.unusable);
  const XLSX = await import("@e965/xlsx");
  let out: Uint8Array;
  try {
    const wb = XLSX.read(bytes, { type: "array", cellNF: true, cellDates: false, cellStyles: false });
    out = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer);
  } catch (e) {
    const locked = /password|encrypt/i.test(e instanceof Error ? e.message : String(e));
    throw new CliError(
      locked ? `「${path.basename(file)}」文件已加密，请先取消密码后再评估。` : unreadable,
      EXIT.unusable,
    );
  }
  return out;
}
