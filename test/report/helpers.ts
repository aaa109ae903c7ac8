/** Shared test helpers: assess the fixture workbook through the real reader and engine. */
import { strFromU8, unzipSync } from "fflate";
import { XlsxHost } from "../../src/hosts/xlsx";
import { assessWorkbook, type AssessRun } from "../../src/workbook/run";
import { fixtureXlsx } from "./fixture";

export async function assessedFixture(opts: { extras?: boolean; copiesOfYi?: number; badEquipment?: boolean } = {}): Promise<{ host: XlsxHost; run: AssessRun }> {
  const host = await XlsxHost.load(await fixtureXlsx(opts));
  return { host, run: await assessWorkbook(host) };
}

/** The files of a zip (docx / xlsx) as text, by path. */
export function zipText(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) out[k] = /\.(xml|rels)$/.test(k) ? strFromU8(v) : `<binary ${v.length}>`;
  return out;
}

/** The paragraphs of word/document.xml as plain text (runs joined, tags stripped). */
export function docxParagraphs(documentXml: string): string[] {
  const out: string[] = [];
  for (const m of documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const text = [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&"))
      .join("");
    out.push(text);
  }
  return out;
}
