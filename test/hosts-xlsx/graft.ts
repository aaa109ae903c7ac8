/**
 * Grafting the sample county's input sheets into a real-world workbook, for the corpus test.
 *
 * The values of 学校数据 and 县级指标 are read from examples/sample-county.xlsx with exceljs (an
 * independent reader), written as two new worksheet parts (inline strings; header cells carry
 * the workbook's last cell style, so that style preservation is checked on styled cells too), and
 * added to the package with plain zip and string edits: a <sheet> entry, a workbook relationship
 * and a content-type override. Every entry of the original file stays as it was.
 */
import * as ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-county.xlsx");
export const GRAFTED = ["学校数据", "县级指标"] as const;

type Grid = (string | number | boolean | null)[][];

let sampleGrids: Promise<Map<string, Grid>> | null = null;

function plain(v: ExcelJS.CellValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join("");
  if ("result" in o) return plain(o.result as ExcelJS.CellValue);
  return null;
}

function grids(): Promise<Map<string, Grid>> {
  sampleGrids ??= (async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
    const out = new Map<string, Grid>();
    for (const name of GRAFTED) {
      const grid: Grid = [];
      wb.getWorksheet(name)!.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const v = plain(cell.isMerged && cell.master !== cell ? null : cell.value);
          if (v !== null) (grid[r - 1] ??= [])[c - 1] = v;
        });
      });
      out.set(name, grid);
    }
    return out;
  })();
  return sampleGrids;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function col(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheetXml(grid: Grid, headerStyle: number): string {
  const rows = grid
    .map((line, r) => {
      if (!line) return "";
      const cells = line
        .map((v, c) => {
          if (v === null || v === undefined) return "";
          const s = headerStyle && typeof v === "string" && r < 4 ? ` s="${headerStyle}"` : "";
          const ref = `${col(c)}${r + 1}`;
          if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
          if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
          return `<c r="${ref}"${s} t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
        })
        .join("");
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
}

/** The workbook with the sample's input sheets added as new parts (the original entries unchanged). */
export async function graft(original: Uint8Array): Promise<Uint8Array> {
  const files = unzipSync(original);
  const wbXml = strFromU8(files["xl/workbook.xml"]);
  const relsXml = strFromU8(files["xl/_rels/workbook.xml.rels"]);
  let types = strFromU8(files["[Content_Types].xml"]);
  const styles = files["xl/styles.xml"] ? strFromU8(files["xl/styles.xml"]) : "";
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  const headerStyle = Math.max(0, (xfs.match(/<xf\b/g) ?? []).length - 1);
  const p = /<(\w+:)?workbook\b/.exec(wbXml)?.[1] ?? "";
  const rp = /<(\w+:)?Relationships\b/.exec(relsXml)?.[1] ?? "";
  const root = /<(?:\w+:)?workbook\b[^>]*>/.exec(wbXml)![0];
  const rPrefix = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(root)?.[1];
  let wb = wbXml;
  let rels = relsXml;
  const ids = [...wbXml.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
  let sheetId = Math.max(0, ...ids);
  const g = await grids();
  GRAFTED.forEach((name, i) => {
    const part = `xl/worksheets/grafted${i + 1}.xml`;
    files[part] = strToU8(sheetXml(g.get(name)!, headerStyle));
    const rid = `rIdGraft${i + 1}`;
    rels = rels.replace(`</${rp}Relationships>`, `<${rp}Relationship Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/grafted${i + 1}.xml"/></${rp}Relationships>`);
    const r = rPrefix ?? "r";
    const ns = rPrefix ? "" : ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
    wb = wb.replace(`</${p}sheets>`, `<${p}sheet name="${name}" sheetId="${++sheetId}" ${r}:id="${rid}"${ns}/></${p}sheets>`);
    types = types.replace("</Types>", `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
  });
  files["xl/workbook.xml"] = strToU8(wb);
  files["xl/_rels/workbook.xml.rels"] = strToU8(rels);
  files["[Content_Types].xml"] = strToU8(types);
  return zipSync(files);
}
