/** File helpers of the command line: reading an input workbook, writing outputs safely. */
import { promises as fs } from "fs";
import * as path from "path";
import { deflateRawSync } from "zlib";
import { CliError, EXIT } from "./command";

/** Reads an input file; a missing file or a directory is an unusable input (exit 2). */
export async function readInput(file: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new CliError(`找不到文件：${file}`, EXIT.unusable);
  }
  if (!stat.isFile()) throw new CliError(`不是文件：${file}`, EXIT.unusable);
  if (/\.(xls|et|ods|csv)$/i.test(file)) {
    throw new CliError(`「${path.basename(file)}」不是 .xlsx 工作簿。请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx）后再试。`, EXIT.unusable);
  }
  return new Uint8Array(await fs.readFile(file));
}

/** Writes a file through a temporary file and a rename, so a failure never leaves half a file. */
export async function writeOutput(file: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "目录不存在" : code === "EACCES" || code === "EPERM" ? "没有写入权限" : code === "EBUSY" ? "文件正被其他程序占用（请先在 Excel/WPS 中关闭它）" : String((e as Error).message);
    throw new CliError(`无法写入「${file}」：${why}`, EXIT.usage);
  }
}

/**
 * Node's native raw DEFLATE for the parts XlsxHost writes. Level 1: about three times faster than
 * level 6 on a large county's result sheets, for files about a fifth larger.
 */
export function nativeDeflate(data: Uint8Array): Uint8Array {
  const out = deflateRawSync(data, { level: 1 });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
