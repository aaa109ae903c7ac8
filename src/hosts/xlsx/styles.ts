/**
 * The workbook's cell styles (xl/styles.xml), read for number formats and extended by appending:
 * new fonts, fills, borders, number formats and cell formats (xf) go after the existing ones, so
 * every style index already used by a cell keeps its meaning. Nothing existing is rewritten but
 * the count attributes of the lists that grew.
 */
import type { FormatRun } from "../../workbook/plan";
import { PFX, attr, rootPrefix, setAttr, xmlEscape } from "./xml";

/** Excel's built-in number formats (ECMA-376 §18.8.30), the ones that read differently from General. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?",
  13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
  20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** What a plan changes in a cell's style (a FormatRun's properties, or a highlight's fill). */
export type StyleChange = Omit<Partial<FormatRun>, "row" | "col" | "rows" | "cols" | "fill"> & { fill?: string | null };

const BORDER_COLOR = "FFBFBFBF";

export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/><tableStyles count="0"/></styleSheet>`;

/** The items of list `name` (e.g. the <xf> of <cellXfs>) as raw strings. */
function listItems(xml: string, list: string, item: string, p: string): string[] {
  const m = new RegExp(`<${p}${list}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}${list}>)`).exec(xml);
  if (!m || !m[1]) return [];
  const out: string[] = [];
  const re = new RegExp(`<${p}${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${item}>)`, "g");
  for (const x of m[1].matchAll(re)) out.push(x[0]);
  return out;
}

function hex(color: string): string {
  const h = color.replace(/^#/, "").toUpperCase();
  return h.length === 8 ? h : `FF${h}`;
}

export class StyleBook {
  private readonly p: string;
  private readonly formats = new Map<number, string>();
  private readonly xfs: string[];
  private readonly fonts: string[];
  private readonly fills: string[];
  private readonly borders: string[];
  private readonly dxfs: string[];
  private readonly added = { numFmts: [] as string[], fonts: [] as string[], fills: [] as string[], borders: [] as string[], cellXfs: [] as string[], dxfs: [] as string[] };
  private readonly memo = new Map<string, number>();
  private readonly byChange = new WeakMap<StyleChange, Map<number, number>>();
  private readonly interned = new Map<string, number>();
  private nextFormatId = 164;
  /** numberFormat's answers by cell style index (read once per style, not once per cell). */
  private readonly formatOfXf: string[] = [];

  constructor(private readonly xml: string) {
    this.p = rootPrefix(xml, "styleSheet");
    const p = this.p;
    for (const m of xml.matchAll(new RegExp(`<${p}numFmt\\b([^>]*?)/?>`, "g"))) {
      const id = Number(attr(m[1], "numFmtId"));
      const code = attr(m[1], "formatCode");
      if (Number.isFinite(id) && code !== undefined) {
        this.formats.set(id, code);
        if (id >= this.nextFormatId) this.nextFormatId = id + 1;
      }
    }
    this.xfs = listItems(xml, "cellXfs", "xf", p);
    this.fonts = listItems(xml, "fonts", "font", p);
    this.fills = listItems(xml, "fills", "fill", p);
    this.borders = listItems(xml, "borders", "border", p);
    this.dxfs = listItems(xml, "dxfs", "dxf", p);
    // What an earlier run appended is found again, so running twice appends nothing new.
    this.xfs.forEach((xf, i) => this.interned.has(xf) || this.interned.set(xf, i));
  }

  /** The index of `item` in `list`, appending it (and recording the addition) when absent. */
  private entry(list: string[], added: string[], item: string): number {
    const i = list.indexOf(item);
    if (i >= 0) return i;
    list.push(item);
    added.push(item);
    return list.length - 1;
  }

  /** The number format code of cell style `index` ("General" for an unknown one). */
  numberFormat(index: number): string {
    const known = this.formatOfXf[index];
    if (known !== undefined) return known;
    const xf = this.xfs[index];
    if (!xf) return "General";
    const id = Number(attr(xf, "numFmtId") ?? 0);
    return (this.formatOfXf[index] = this.formats.get(id) ?? BUILTIN_FORMATS[id] ?? "General");
  }

  /** The style index of style `base` with `change` applied (appended once, then reused). */
  derive(base: number, change: StyleChange): number {
    // Plans share one change object per format run: memoised by identity first, then by content.
    let byBase = this.byChange.get(change);
    if (!byBase) this.byChange.set(change, (byBase = new Map()));
    const known = byBase.get(base);
    if (known !== undefined) return known;
    const key = `${base}|${JSON.stringify(change)}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) {
      byBase.set(base, hit);
      return hit;
    }
    const xfIndex = this.xfs[base] ? base : 0;
    let xf = this.xfs[xfIndex] ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    let open = /^<[^>]*?(?=\/?>)/.exec(xf)![0];
    let alignment = new RegExp(`<${this.p}alignment\\b[^>]*?/>`).exec(xf)?.[0] ?? "";
    const inner = xf.endsWith("/>") ? "" : xf.slice(xf.indexOf(">") + 1, xf.lastIndexOf("<"));
    let rest = inner.replace(new RegExp(`<${this.p}alignment\\b[^>]*?/>`), "");
    if (change.numberFormat !== undefined) {
      open = setAttr(setAttr(open, "numFmtId", String(this.formatId(change.numberFormat))), "applyNumberFormat", "1");
    }
    if (change.bold !== undefined || change.fontColor !== undefined) {
      const fontId = this.font(Number(attr(open, "fontId") ?? 0), change);
      open = setAttr(setAttr(open, "fontId", String(fontId)), "applyFont", "1");
    }
    if (change.fill !== undefined) {
      open = setAttr(setAttr(open, "fillId", String(change.fill === null ? 0 : this.fill(change.fill))), "applyFill", "1");
    }
    if (change.border) open = setAttr(setAttr(open, "borderId", String(this.border())), "applyBorder", "1");
    if (change.wrap !== undefined || change.horizontalAlignment !== undefined) {
      let a = alignment || `<${this.p}alignment/>`;
      if (change.wrap !== undefined) a = setAttr(a, "wrapText", change.wrap ? "1" : "0");
      if (change.horizontalAlignment !== undefined) a = setAttr(a, "horizontal", change.horizontalAlignment);
      if (attr(a, "vertical") === undefined) a = setAttr(a, "vertical", "center");
      alignment = a;
      open = setAttr(open, "applyAlignment", "1");
    }
    if (attr(open, "xfId") === undefined) open = setAttr(open, "xfId", "0");
    const body = alignment + rest;
    xf = body ? `${open}>${body}</${this.p}xf>` : `${open}/>`;
    const index = this.intern(xf);
    this.memo.set(key, index);
    byBase.set(base, index);
    return index;
  }

  private intern(xf: string): number {
    const known = this.interned.get(xf);
    if (known !== undefined) return known;
    const index = this.entry(this.xfs, this.added.cellXfs, xf);
    this.interned.set(xf, index);
    return index;
  }

  private formatId(code: string): number {
    for (const [id, c] of Object.entries(BUILTIN_FORMATS)) if (c === code && Number(id) !== 14) return Number(id);
    for (const [id, c] of this.formats) if (c === code) return id;
    const id = this.nextFormatId++;
    this.formats.set(id, code);
    this.added.numFmts.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`);
    return id;
  }

  private readonly fontMemo = new Map<string, number>();
  private font(base: number, change: StyleChange): number {
    const key = `${base}|${change.bold}|${change.fontColor}`;
    const hit = this.fontMemo.get(key);
    if (hit !== undefined) return hit;
    const p = this.p;
    const src = this.fonts[base] ?? this.fonts[0] ?? `<${p}font><${p}sz val="11"/></${p}font>`;
    let inner = src.endsWith("/>") ? "" : src.slice(src.indexOf(">") + 1, src.lastIndexOf("<"));
    if (change.bold !== undefined) inner = inner.replace(new RegExp(`<${p}b\\b[^>]*?/>`), "");
    if (change.fontColor !== undefined) inner = inner.replace(new RegExp(`<${p}color\\b[^>]*?/>`), "");
    const bold = change.bold ? `<${p}b/>` : "";
    const color = change.fontColor !== undefined ? `<${p}color rgb="${hex(change.fontColor)}"/>` : "";
    // Bold first; the colour before the name (Excel's own order: b, sz, color, name, family, ...).
    const nameAt = inner.search(new RegExp(`<${p}name\\b`));
    const withColor = nameAt >= 0 ? inner.slice(0, nameAt) + color + inner.slice(nameAt) : inner + color;
    const id = this.entry(this.fonts, this.added.fonts, `<${p}font>${bold}${withColor}</${p}font>`);
    this.fontMemo.set(key, id);
    return id;
  }

  private readonly fillMemo = new Map<string, number>();
  private fill(color: string): number {
    const hit = this.fillMemo.get(color);
    if (hit !== undefined) return hit;
    const p = this.p;
    const id = this.entry(this.fills, this.added.fills, `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${hex(color)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
    this.fillMemo.set(color, id);
    return id;
  }

  private borderId: number | undefined;
  private border(): number {
    if (this.borderId !== undefined) return this.borderId;
    const p = this.p;
    const side = (s: string) => `<${p}${s} style="thin"><${p}color rgb="${BORDER_COLOR}"/></${p}${s}>`;
    this.borderId = this.entry(this.borders, this.added.borders, `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`);
    return this.borderId;
  }

  /**
   * Appends a differential format (for conditional formatting): a solid fill, a font colour and a
   * number format, each optional (CT_Dxf order: font, numFmt, fill). Returns its dxfId.
   */
  dxf(look: { fill?: string; fontColor?: string; numberFormat?: string }): number {
    const { fill, fontColor, numberFormat } = look;
    const key = `dxf|${fill}|${fontColor}|${numberFormat}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const p = this.p;
    const font = fontColor ? `<${p}font><${p}color rgb="${hex(fontColor)}"/></${p}font>` : "";
    const numFmt = numberFormat ? `<${p}numFmt numFmtId="${this.formatId(numberFormat)}" formatCode="${xmlEscape(numberFormat)}"/>` : "";
    const solid = fill ? `<${p}fill><${p}patternFill><${p}bgColor rgb="${hex(fill)}"/></${p}patternFill></${p}fill>` : "";
    const id = this.entry(this.dxfs, this.added.dxfs, `<${p}dxf>${font}${numFmt}${solid}</${p}dxf>`);
    this.memo.set(key, id);
    return id;
  }

  get changed(): boolean {
    return Object.values(this.added).some((a) => a.length > 0);
  }

  /** styles.xml with the appended entries (the input text when nothing was added). */
  toXml(): string {
    let xml = this.xml;
    const order = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
    for (const list of ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"] as const) {
      const items = this.added[list];
      if (!items.length) continue;
      xml = appendToList(xml, this.p, list, items, order);
    }
    return xml;
  }
}

/** Appends items to list `name` of a stylesheet (creating it in schema order) and updates its count. */
function appendToList(xml: string, p: string, name: string, items: string[], order: string[]): string {
  const re = new RegExp(`<${p}${name}\\b([^>]*?)(/>|>([\\s\\S]*?)</${p}${name}>)`);
  const m = re.exec(xml);
  if (m) {
    const inner = m[3] ?? "";
    const count = countItems(inner, p, name) + items.length;
    const open = setAttr(`<${p}${name}${m[1]}>`, "count", String(count));
    return xml.slice(0, m.index) + `${open}${inner}${items.join("")}</${p}${name}>` + xml.slice(m.index + m[0].length);
  }
  const el = `<${p}${name} count="${items.length}">${items.join("")}</${p}${name}>`;
  for (const later of order.slice(order.indexOf(name) + 1)) {
    const at = xml.search(new RegExp(`<${p}${later}[\\s/>]`));
    if (at >= 0) return xml.slice(0, at) + el + xml.slice(at);
  }
  const end = xml.lastIndexOf(`</${p}styleSheet>`);
  return xml.slice(0, end) + el + xml.slice(end);
}

function countItems(inner: string, p: string, list: string): number {
  const item = list === "cellXfs" ? "xf" : list.replace(/s$/, "");
  return [...inner.matchAll(new RegExp(`<${p}${item}\\b`, "g"))].length;
}

export { PFX };
