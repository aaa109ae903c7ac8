/**
 * An .xlsx (or .xlsm) package opened for editing in place: the workbook's sheet list, the parts
 * behind each sheet, relationships and content types. Every part stays as stored unless the
 * product changes it (ZipParts copies untouched entries byte for byte when saving).
 *
 * Also tells apart what is not an editable workbook (encrypted, .xls/.et, .xlsb, .ods, not a
 * spreadsheet) with a Chinese message saying what to do.
 */
import { ZipParts, type Deflate } from "./zip";
import { PFX, attr, rootPrefix, xmlEscape } from "./xml";

export const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const REL = {
  worksheet: `${NS_R}/worksheet`,
  styles: `${NS_R}/styles`,
  sharedStrings: `${NS_R}/sharedStrings`,
  drawing: `${NS_R}/drawing`,
  chart: `${NS_R}/chart`,
  comments: `${NS_R}/comments`,
  vml: `${NS_R}/vmlDrawing`,
  officeDocument: `${NS_R}/officeDocument`,
};
export const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
};

/** A file that cannot be opened as an editable .xlsx; the message is Chinese and says what to do. */
export class NotXlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotXlsxError";
  }
}

export const MSG = {
  notWorkbook: "无法打开该文件：它不是有效的 Excel 工作簿（.xlsx）。",
  encrypted: "文件已加密，请先取消密码：在 Excel 中打开，点击「文件 → 信息 → 保护工作簿 → 用密码进行加密」，清空密码后保存，再评估。",
  legacy: "这是旧版工作簿（.xls / .et）。请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx）后再评估。",
  xlsb: "这是二进制工作簿（.xlsb），本工具无法原样保留其内容。请在 Excel 中“另存为”Excel 工作簿（*.xlsx）后再评估。",
  strict: "这是“严格 Open XML”格式的工作簿，本工具无法原样保留其内容。请在 Excel 中“另存为”Excel 工作簿（*.xlsx）后再评估。",
  ods: "这是 OpenDocument 表格（.ods）。请在 WPS、LibreOffice 或 Excel 中“另存为”Excel 工作簿（*.xlsx）后再评估。",
};

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string): Rel[] {
  const out: Rel[] = [];
  for (const m of xml.matchAll(new RegExp(`<${PFX}Relationship\\b([^>]*?)\\/?>`, "g"))) {
    out.push({ id: attr(m[1], "Id") ?? "", type: attr(m[1], "Type") ?? "", target: attr(m[1], "Target") ?? "", external: attr(m[1], "TargetMode") === "External" });
  }
  return out;
}

export const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;

/** Adds a relationship; returns the new XML and its id. */
export function addRel(xml: string, type: string, target: string): { xml: string; id: string } {
  const used = new Set(parseRels(xml).map((r) => r.id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const p = rootPrefix(xml, "Relationships");
  const rel = `<${p}Relationship Id="${id}" Type="${type}" Target="${xmlEscape(target)}"/>`;
  const close = `</${p}Relationships>`;
  const i = xml.lastIndexOf(close);
  const out = i >= 0 ? xml.slice(0, i) + rel + xml.slice(i) : xml.replace(/<([\w:]*Relationships)\b([^>]*)\/>/, `<$1$2>${rel}</$1>`);
  return { xml: out, id };
}

/** Removes the relationship with id `id`. */
export function dropRel(xml: string, id: string): string {
  return xml.replace(new RegExp(`<${PFX}Relationship\\b[^>]*\\bId="${id}"[^>]*\\/?>(?:</${PFX}Relationship>)?`), "");
}

/** A relationship target resolved against the part that owns the .rels. */
export function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ownerPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** The .rels part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPath(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/** A target for `part` relative to the folder of `owner`. */
export function relativeTarget(owner: string, part: string): string {
  const from = owner.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export interface SheetEntry {
  name: string;
  /** The worksheet part, e.g. xl/worksheets/sheet1.xml. */
  part: string;
  rId: string;
  sheetId: number;
  /** A chart sheet or dialog sheet, not a worksheet (never read or written). */
  kind: "worksheet" | "other";
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True when the bytes contain the UTF-16LE text `s` (a stream name in a compound file). */
function hasUtf16(bytes: Uint8Array, s: string): boolean {
  const pat = Array.from(s).flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pat.length <= bytes.length; i++) {
    for (let j = 0; j < pat.length; j++) if (bytes[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

/** Throws NotXlsxError with the right message when `bytes` are not a zip. */
function refuseNonZip(bytes: Uint8Array): never {
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    // An encrypted .xlsx/.xlsm is a compound file holding EncryptionInfo + EncryptedPackage.
    throw new NotXlsxError(hasUtf16(bytes, "EncryptionInfo") || hasUtf16(bytes, "EncryptedPackage") ? MSG.encrypted : MSG.legacy);
  }
  throw new NotXlsxError(MSG.notWorkbook);
}

export class XlsxPackage {
  readonly zip: ZipParts;
  /** The workbook part (xl/workbook.xml in nearly every file). */
  readonly workbookPart: string;
  private removed = new Set<string>();

  private constructor(zip: ZipParts, workbookPart: string) {
    this.zip = zip;
    this.workbookPart = workbookPart;
  }

  static open(bytes: Uint8Array): XlsxPackage {
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) refuseNonZip(bytes);
    let zip: ZipParts;
    try {
      zip = new ZipParts(bytes);
    } catch {
      throw new NotXlsxError(MSG.notWorkbook);
    }
    if (zip.has("mimetype") && /opendocument/.test(zip.text("mimetype") ?? "")) throw new NotXlsxError(MSG.ods);
    const root = parseRels(zip.text("_rels/.rels") ?? "").find((r) => r.type === REL.officeDocument || r.type.endsWith("/officeDocument"));
    const workbookPart = root ? resolveTarget("", root.target) : "xl/workbook.xml";
    if (/\.bin$/i.test(workbookPart) || zip.has("xl/workbook.bin")) throw new NotXlsxError(MSG.xlsb);
    if (!zip.has(workbookPart)) throw new NotXlsxError(MSG.notWorkbook);
    if (/<([\w.-]+:)?workbook\b[^>]*="http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main"/.test((zip.text(workbookPart) ?? "").slice(0, 4000))) {
      throw new NotXlsxError(MSG.strict);
    }
    return new XlsxPackage(zip, workbookPart);
  }

  text(part: string): string | undefined {
    return this.removed.has(part) ? undefined : this.zip.text(part);
  }

  has(part: string): boolean {
    return !this.removed.has(part) && this.zip.has(part);
  }

  set(part: string, xml: string): void {
    this.removed.delete(part);
    this.zip.set(part, xml);
  }

  remove(part: string): void {
    if (this.zip.has(part)) this.removed.add(part);
    this.zip.unset(part);
  }

  /** The first free part name `${prefix}N${suffix}`. */
  freeName(prefix: string, suffix: string): string {
    let n = 1;
    while (this.has(`${prefix}${n}${suffix}`)) n++;
    return `${prefix}${n}${suffix}`;
  }

  get workbookRelsPart(): string {
    return relsPath(this.workbookPart);
  }

  /** The sheets in tab order. */
  sheets(): SheetEntry[] {
    const wb = this.text(this.workbookPart) ?? "";
    const rels = parseRels(this.text(this.workbookRelsPart) ?? "");
    const out: SheetEntry[] = [];
    for (const m of wb.matchAll(new RegExp(`<${PFX}sheet\\b([^>]*?)\\/?>`, "g"))) {
      const name = attr(m[1], "name");
      const rId = /(?:^|\s)[\w.-]+:id\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
      const rel = rels.find((r) => r.id === rId);
      if (name === undefined || !rel || !rId) continue;
      out.push({ name, part: resolveTarget(this.workbookPart, rel.target), rId, sheetId: Number(attr(m[1], "sheetId") ?? 0), kind: rel.type.endsWith("/worksheet") ? "worksheet" : "other" });
    }
    return out;
  }

  /** The part a relationship of `owner` of the given type points to, if any. */
  related(owner: string, type: string): string | undefined {
    const rel = parseRels(this.text(relsPath(owner)) ?? "").find((r) => r.type === type && !r.external);
    return rel ? resolveTarget(owner, rel.target) : undefined;
  }

  /** Adds an Override content type for a part (if absent). */
  override(part: string, contentType: string): void {
    const types = this.text("[Content_Types].xml") ?? "";
    if (types.includes(`PartName="/${part}"`)) return;
    const p = rootPrefix(types, "Types");
    this.set("[Content_Types].xml", types.replace(new RegExp(`</${p}Types>\\s*$`), `<${p}Override PartName="/${xmlEscape(part)}" ContentType="${contentType}"/></${p}Types>`));
  }

  /** Adds a Default content type for an extension (if absent). */
  defaultType(ext: string, contentType: string): void {
    const types = this.text("[Content_Types].xml") ?? "";
    if (new RegExp(`Extension="${ext}"`, "i").test(types)) return;
    const p = rootPrefix(types, "Types");
    this.set("[Content_Types].xml", types.replace(new RegExp(`(<${p}Types\\b[^>]*>)`), `$1<${p}Default Extension="${ext}" ContentType="${contentType}"/>`));
  }

  dropOverride(part: string): void {
    const types = this.text("[Content_Types].xml") ?? "";
    const next = types.replace(new RegExp(`<${PFX}Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`), "");
    if (next !== types) this.set("[Content_Types].xml", next);
  }

  /** The zip with the changes (untouched entries copied as stored). */
  save(level: number, deflate?: Deflate): Uint8Array {
    return this.zip.save(level, this.removed, deflate);
  }
}
