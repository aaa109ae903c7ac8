/**
 * Notes (Excel's 批注, the yellow hover notes) on a sheet: a comments part plus the legacy VML
 * drawing that Excel needs to show them. Added to a sheet's existing notes when it has some; a
 * cell that already carries a note keeps it (the user's words win).
 */
import type { CellNote } from "../../workbook/plan";
import { CT, NS_R, REL, EMPTY_RELS, XlsxPackage, addRel, parseRels, relativeTarget, relsPath, resolveTarget } from "./package";
import { cellOf } from "./sheet-read";
import { PFX, childInsertAt, rootPrefix, setAttr, xmlEscape, xmlText } from "./xml";

const AUTHOR = "优质均衡评估助手";
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function shapeXml(id: number, row: number, col: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:144pt;height:60pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 4}, 15, ${row + 4}, 16</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

function newVml(idmap: number): string {
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
    `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype></xml>`
  );
}

/** Adds notes to the sheet whose XML is `sheetXml` (part `sheetPart`); returns the new sheet XML. */
export function addNotes(pkg: XlsxPackage, sheetPart: string, sheetXml: string, sheetId: number, notes: readonly CellNote[]): string {
  if (!notes.length) return sheetXml;
  const relsPart = relsPath(sheetPart);
  let rels = pkg.text(relsPart) ?? EMPTY_RELS;
  const list = parseRels(rels);
  const commentsRel = list.find((r) => r.type === REL.comments);
  const vmlRel = list.find((r) => r.type === REL.vml);
  let xml = sheetXml;
  let commentsPart: string;
  let comments: string;
  if (commentsRel) {
    commentsPart = resolveTarget(sheetPart, commentsRel.target);
    comments = pkg.text(commentsPart) ?? "";
  } else {
    commentsPart = pkg.freeName("xl/comments", ".xml");
    comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors></authors><commentList></commentList></comments>`;
    rels = addRel(rels, REL.comments, relativeTarget(sheetPart, commentsPart)).xml;
    pkg.override(commentsPart, CT.comments);
  }
  let vmlPart: string;
  let vml: string;
  if (vmlRel) {
    vmlPart = resolveTarget(sheetPart, vmlRel.target);
    vml = pkg.text(vmlPart) ?? newVml(sheetId);
  } else {
    vmlPart = pkg.freeName("xl/drawings/vmlDrawing", ".vml");
    vml = newVml(sheetId);
    const added = addRel(rels, REL.vml, relativeTarget(sheetPart, vmlPart));
    rels = added.xml;
    pkg.defaultType("vml", CT.vml);
    const p = rootPrefix(xml, "worksheet");
    const root = new RegExp(`<${p}worksheet\\b[^>]*>`).exec(xml)![0];
    if (!new RegExp(`xmlns:r="${NS_R}"`).test(root)) xml = xml.replace(root, setAttr(root, "xmlns:r", NS_R));
    const at = childInsertAt(xml, "legacyDrawing", p);
    xml = `${xml.slice(0, at)}<${p}legacyDrawing r:id="${added.id}"/>${xml.slice(at)}`;
  }
  const cp = rootPrefix(comments, "comments");
  const authors = [...comments.matchAll(new RegExp(`<${cp}author>([\\s\\S]*?)</${cp}author>`, "g"))].map((m) => m[1]);
  let authorId = authors.indexOf(AUTHOR);
  if (authorId < 0) {
    authorId = authors.length;
    comments = comments.replace(new RegExp(`(<${cp}authors\\s*)/>`), `$1></${cp}authors>`).replace(`</${cp}authors>`, `<${cp}author>${AUTHOR}</${cp}author></${cp}authors>`);
  }
  const taken = new Set([...comments.matchAll(new RegExp(`<${PFX}comment\\b[^>]*\\bref="([^"]+)"`, "g"))].map((m) => m[1]));
  let id = sheetId * 1024 + 1 + [...vml.matchAll(/<v:shape\b/g)].length;
  let entries = "";
  let shapes = "";
  for (const n of notes) {
    if (taken.has(n.cell)) continue;
    taken.add(n.cell);
    const { row, col } = cellOf(n.cell);
    entries += `<${cp}comment ref="${xmlEscape(n.cell)}" authorId="${authorId}"><${cp}text><${cp}r><${cp}t xml:space="preserve">${xmlText(n.text)}</${cp}t></${cp}r></${cp}text></${cp}comment>`;
    shapes += shapeXml(id++, row, col);
  }
  comments = comments.replace(new RegExp(`(<${cp}commentList\\s*)/>`), `$1></${cp}commentList>`).replace(`</${cp}commentList>`, `${entries}</${cp}commentList>`);
  vml = vml.replace(/<\/xml>\s*$/, `${shapes}</xml>`);
  pkg.set(commentsPart, comments);
  pkg.set(vmlPart, vml);
  pkg.set(relsPart, rels);
  return xml;
}
