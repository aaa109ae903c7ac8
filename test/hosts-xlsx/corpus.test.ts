/**
 * The package-preserving writer over real-world workbooks (test/fixtures/corpus, sources and
 * licences in its README): each file gets the sample county's input sheets grafted in as new
 * parts (graft.ts), is assessed (XlsxHost → assessWorkbook → save), and then
 * - every zip entry the product does not own is byte-identical to the grafted input;
 * - in the data sheet every pre-existing cell keeps its XML (value, formula, style): highlights are
 *   conditional formats, so the plan fills no cell of the data sheet;
 * - assessing the result again gives the same bytes for every entry (running twice = once);
 * - 清除评估结果 (clearWorkbook) on the result gives back the input: the same entries, every one
 *   byte-identical except the few the product edits, whose content is back as it was (the data
 *   sheet's cells, the sheet list and defined names; styles.xml keeps its entries at their
 *   indices, with the product's appended ones left unused at the end).
 * Files the writer cannot keep are refused with a Chinese message.
 */
import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { NotXlsxError, XlsxHost } from "../../src/hosts/xlsx";
import { assessWorkbook, clearWorkbook } from "../../src/workbook/run";
import { graft } from "./graft";
import { SaxesParser } from "saxes";
import * as XLSX from "@e965/xlsx";

/** Throws when `xml` is not well-formed (saxes: an independent, strict XML parser). */
function wellFormed(name: string, xml: string): string {
  const parser = new SaxesParser({ xmlns: true });
  let error = "";
  parser.on("error", (e) => {
    error ||= e.message;
  });
  parser.write(xml).close();
  return error ? `${name}: ${error}` : "";
}

const DIR = path.join(__dirname, "..", "fixtures", "corpus");
const FILES = readdirSync(DIR).filter((f) => /\.xls[xm]$/.test(f));
/** Refused on purpose, with the message each must give. */
const REFUSED: Record<string, RegExp> = {
  "ca_pass_protected.xlsx": /^文件已加密，请先取消密码/,
  "ca_strict_iso_paths.xlsx": /严格 Open XML/,
};

/** Entries the product may write: its own sheets and their parts, styles, workbook, rels, content types. */
function owned(name: string, dataSheet: string, newParts: Set<string>): boolean {
  return (
    newParts.has(name) ||
    name === dataSheet ||
    name === "xl/styles.xml" ||
    name === "xl/workbook.xml" ||
    name === "xl/_rels/workbook.xml.rels" ||
    name === "[Content_Types].xml" ||
    name === dataSheet.replace(/([^/]+)$/, "_rels/$1.rels")
  );
}

function cells(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) out.set(m[1], m[0]);
  return out;
}

async function assessBytes(bytes: Uint8Array): Promise<{ out: Uint8Array; highlighted: Set<string> }> {
  const host = await XlsxHost.load(bytes);
  const run = await assessWorkbook(host, {});
  const highlighted = new Set(run.plan.sheets.filter((s) => s.mode === "update").flatMap((s) => (s.highlights ?? []).filter((h) => h.fill !== null).flatMap((h) => h.cells)));
  return { out: await host.save(), highlighted };
}

describe.each(FILES)("%s", (file) => {
  const raw = new Uint8Array(readFileSync(path.join(DIR, file)));

  if (REFUSED[file]) {
    test("is refused with a Chinese message", async () => {
      await expect(XlsxHost.load(raw)).rejects.toThrow(NotXlsxError);
      await expect(XlsxHost.load(raw)).rejects.toThrow(REFUSED[file]);
    });
    return;
  }

  test("assess keeps every entry it does not own, and every existing cell of the data sheet", async () => {
    const input = await graft(raw);
    const before = unzipSync(input);
    const { out, highlighted } = await assessBytes(input);
    const after = unzipSync(out);
    const dataSheet = "xl/worksheets/grafted1.xml";
    const newParts = new Set(Object.keys(after).filter((n) => !(n in before)));
    for (const name of Object.keys(before)) {
      if (owned(name, dataSheet, newParts)) continue;
      expect([name, after[name] !== undefined && Buffer.from(after[name]).equals(Buffer.from(before[name]))]).toEqual([name, true]);
    }
    // What the product wrote is well-formed XML with its namespaces declared.
    const written = Object.keys(after).filter((n) => owned(n, dataSheet, newParts) && /\.(xml|rels|vml)$/.test(n) && !(n in before && Buffer.from(after[n]).equals(Buffer.from(before[n]))));
    expect(written.map((n) => wellFormed(n, strFromU8(after[n]))).filter(Boolean)).toEqual([]);
    expect(written).toEqual(expect.arrayContaining([dataSheet, "xl/workbook.xml"]));
    // An independent reader (SheetJS) opens the result and sees the results where the product put them.
    const wb = XLSX.read(out, { type: "array" });
    expect(wb.SheetNames).toEqual(expect.arrayContaining(["学校数据", "评估汇总", "监测点指标"]));
    const data = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets["学校数据"], { header: 1 });
    expect(data.flat()).toContain("小学监测点");
    // Macros, pivots, charts, pictures: still there (byte-identical, checked above) and still referenced.
    const rels = strFromU8(after["xl/_rels/workbook.xml.rels"]);
    for (const m of strFromU8(before["xl/_rels/workbook.xml.rels"]).matchAll(/<Relationship\b[^>]*\/>/g)) expect(rels).toContain(m[0]);
    const oldCells = cells(strFromU8(before[dataSheet]));
    const newCells = cells(strFromU8(after[dataSheet]));
    expect([...highlighted]).toEqual([]);
    for (const [ref, xml] of oldCells) expect([ref, newCells.get(ref)]).toEqual([ref, xml]);
    // The original sheets are all still there, in order, before the product's.
    const sheetsOf = (wb: string) => [...wb.matchAll(/<(?:\w+:)?sheet\b[^>]*?name="([^"]*)"/g)].map((m) => m[1]);
    const names = sheetsOf(strFromU8(after["xl/workbook.xml"]));
    expect(names.slice(0, sheetsOf(strFromU8(before["xl/workbook.xml"])).length)).toEqual(sheetsOf(strFromU8(before["xl/workbook.xml"])));
  });

  test("assessing twice gives what assessing once gave", async () => {
    const once = (await assessBytes(await graft(raw))).out;
    const twice = (await assessBytes(once)).out;
    const a = unzipSync(once);
    const b = unzipSync(twice);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) expect([name, Buffer.from(b[name]).equals(Buffer.from(a[name]))]).toEqual([name, true]);
  });
});

describe.each(FILES.filter((f) => !REFUSED[f]))("%s: clear", (file) => {
  test("清除评估结果 restores the workbook as it was before the first assessment", async () => {
    const input = await graft(new Uint8Array(readFileSync(path.join(DIR, file))));
    const assessed = (await assessBytes(input)).out;
    const host = await XlsxHost.load(assessed);
    await clearWorkbook(host);
    const cleared = unzipSync(await host.save());
    const before = unzipSync(input);
    expect(Object.keys(cleared).sort()).toEqual(Object.keys(before).sort());
    const edited = new Set(["xl/worksheets/grafted1.xml", "xl/workbook.xml", "xl/styles.xml"]);
    for (const name of Object.keys(before)) {
      if (edited.has(name)) continue;
      expect([name, Buffer.from(cleared[name]).equals(Buffer.from(before[name]))]).toEqual([name, true]);
    }
    const sheet = (files: Record<string, Uint8Array>) => cells(strFromU8(files["xl/worksheets/grafted1.xml"]));
    expect(sheet(cleared)).toEqual(sheet(before));
    const lists = (files: Record<string, Uint8Array>) => {
      const wb = strFromU8(files["xl/workbook.xml"]);
      return [/<(?:\w+:)?sheets\b[\s\S]*?<\/(?:\w+:)?sheets>/.exec(wb)?.[0], [...wb.matchAll(/<(?:\w+:)?definedName\b[\s\S]*?<\/(?:\w+:)?definedName>/g)].map((m) => m[0])];
    };
    expect(lists(cleared)).toEqual(lists(before));
    if (before["xl/styles.xml"]) {
      const xfs = (files: Record<string, Uint8Array>) => [...(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(strFromU8(files["xl/styles.xml"]))?.[1] ?? "").matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
      expect(xfs(cleared).slice(0, xfs(before).length)).toEqual(xfs(before));
    }
  });
});
