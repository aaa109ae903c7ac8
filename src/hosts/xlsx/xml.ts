/**
 * Small XML helpers for editing SpreadsheetML parts as text: escaping, attribute access, and
 * inserting a child element of <worksheet> at the place ECMA-376 (CT_Worksheet) requires.
 *
 * Parts are edited as strings on purpose: every byte the product does not own stays as it was
 * (attribute order, namespaces, whitespace), which no parse-and-serialise round trip promises.
 */

/** An optional namespace prefix before an element name (`x:` in files written by some .NET tools). */
export const PFX = "(?:[A-Za-z_][\\w.-]*:)?";

export function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Text for an element's content: also escapes characters XML 1.0 forbids as _xHHHH_ (ST_Xstring). */
export function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return xmlEscape(s).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes entities and character references. */
export function xmlDecode(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

/** Decodes the _xHHHH_ escapes of ST_Xstring (cell text, shared strings). */
export function xstringDecode(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const ATTR_RE = new Map<string, RegExp>();

/** The value of attribute `name` in an element's attribute text, decoded; undefined when absent. */
export function attr(attrs: string, name: string): string | undefined {
  let re = ATTR_RE.get(name);
  if (!re) ATTR_RE.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  if (!m) return undefined;
  return xmlDecode(m[1] ?? m[2]);
}

/** Sets (or adds) attribute `name` in an element's start tag (`<c r="A1" s="3">`). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${xmlEscape(value)}"`);
  const end = /\s*(\/?>)$/.exec(tag);
  return end ? `${tag.slice(0, end.index)} ${name}="${xmlEscape(value)}"${end[1]}` : `${tag} ${name}="${xmlEscape(value)}"`;
}

/** Removes attribute `name` from a start tag. */
export function dropAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`), "");
}

/** The concatenated text of the <t> runs of a string item (<si>, <is>), leaving out phonetic runs (<rPh>). */
const PHONETIC_RUN = new RegExp(`<${PFX}rPh\\b[\\s\\S]*?</${PFX}rPh>`, "g");
const TEXT_RUN = new RegExp(`<${PFX}t(?:\\s[^>]*)?>([\\s\\S]*?)</${PFX}t>`, "g");
/** A string item of one plain run, `<t>…</t>` (most cells): its text, else null. */
const SINGLE_RUN = /^<t>([^<]*)<\/t>$/;

export function runText(xml: string): string {
  const single = SINGLE_RUN.exec(xml);
  if (single) return xstringDecode(xmlDecode(single[1]));
  const body = xml.indexOf("rPh") >= 0 ? xml.replace(PHONETIC_RUN, "") : xml;
  let out = "";
  TEXT_RUN.lastIndex = 0;
  for (let m = TEXT_RUN.exec(body); m; m = TEXT_RUN.exec(body)) out += m[1];
  return xstringDecode(xmlDecode(out));
}

/** CT_Worksheet's children in schema order. */
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
  "extLst",
];

/** The namespace prefix ("x:" or "") of the root element of a part. */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<(${PFX})${local}[\\s>]`).exec(xml);
  return m ? m[1] : "";
}

/**
 * The part of a worksheet where child `name` lives: the head (before <sheetData>) or the tail
 * (after </sheetData>), so that searches never scan the (large) cell data.
 */
function region(xml: string, name: string, prefix: string): { from: number; to: number } {
  const order = WORKSHEET_ORDER.indexOf(name);
  const dataAt = WORKSHEET_ORDER.indexOf("sheetData");
  if (order === dataAt) return { from: 0, to: xml.length };
  if (order < dataAt) {
    const i = xml.indexOf(`<${prefix}sheetData`);
    return { from: 0, to: i < 0 ? xml.length : i };
  }
  const close = xml.lastIndexOf(`</${prefix}sheetData>`);
  const empty = close < 0 ? xml.lastIndexOf(`<${prefix}sheetData`) : -1;
  return { from: close >= 0 ? close : empty >= 0 ? empty : 0, to: xml.length };
}

/** Where element `name` (a CT_Worksheet child) goes: before the first later sibling present, else before </worksheet>. */
export function childInsertAt(xml: string, name: string, prefix = ""): number {
  const i = WORKSHEET_ORDER.indexOf(name);
  for (const later of WORKSHEET_ORDER.slice(i + 1)) {
    const { from, to } = region(xml, later, prefix);
    const re = new RegExp(`<${prefix}${later}[\\s/>]`, "g");
    re.lastIndex = from;
    const m = re.exec(xml);
    if (m && m.index < to) return m.index;
  }
  return xml.lastIndexOf(`</${prefix}worksheet>`);
}

/** Start and end (exclusive) of element `name` in `xml` (first occurrence), or null. */
export function elementSpan(xml: string, name: string, prefix = "", from = 0): { start: number; end: number } | null {
  const re = new RegExp(`<${prefix}${name}(?=[\\s/>])`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  const startTagEnd = xml.indexOf(">", m.index);
  if (xml[startTagEnd - 1] === "/") return { start: m.index, end: startTagEnd + 1 };
  const close = `</${prefix}${name}>`;
  const end = xml.indexOf(close, startTagEnd);
  return end < 0 ? null : { start: m.index, end: end + close.length };
}

/** Replaces element `name` with `content` ("" removes it), or inserts it in schema order when absent. */
export function putWorksheetChild(xml: string, name: string, content: string, prefix = ""): string {
  const span = worksheetChild(xml, name, prefix);
  if (span) return xml.slice(0, span.start) + content + xml.slice(span.end);
  if (!content) return xml;
  const at = childInsertAt(xml, name, prefix);
  return xml.slice(0, at) + content + xml.slice(at);
}

/** The span of CT_Worksheet child `name` (searched only where it can be), or null. */
export function worksheetChild(xml: string, name: string, prefix = ""): { start: number; end: number } | null {
  const { from, to } = region(xml, name, prefix);
  const span = elementSpan(xml, name, prefix, from);
  return span && span.start < to ? span : null;
}
