/**
 * After packing: the parts the `docx` package leaves out or leaves empty, written into the zip.
 * - word/fontTable.xml: every face the styles name, with its fallback (w:altName) and the GB2312
 *   charset, so that Word and LibreOffice substitute a Chinese face (not a Japanese one) when
 *   仿宋_GB2312, 楷体_GB2312 or 方正小标宋简体 is not installed.
 * - word/settings.xml: the East Asian theme language zh-CN (w:themeFontLang), which LibreOffice and
 *   Word use for text without its own w:lang.
 * - word/styles.xml: 「不对齐网格」 (w:snapToGrid w:val="0") on the styles of tables, captions,
 *   figures and footers, which the package cannot write: only the body sits on the 22 × 28 grid.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { FONT_TABLE, OFF_GRID_STYLES } from "./layout";

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export function fontTableXml(): string {
  const fonts = FONT_TABLE.map((f) => {
    const cjk = /[^\x00-\x7f]/.test(f.name) || f.altName === "SimSun";
    return (
      `<w:font w:name="${esc(f.name)}">` +
      (f.altName ? `<w:altName w:val="${esc(f.altName)}"/>` : "") +
      (f.panose ? `<w:panose1 w:val="${f.panose}"/>` : "") +
      `<w:charset w:val="${cjk ? "86" : "00"}"/><w:family w:val="${f.family}"/><w:pitch w:val="${cjk ? "fixed" : "variable"}"/>` +
      `</w:font>`
    );
  }).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W_NS}">${fonts}</w:fonts>`;
}

/** Adds <w:snapToGrid w:val="0"/> to the pPr of each off-grid style (before w:spacing, the schema order). */
export function offGrid(styles: string): string {
  return styles.replace(/<w:style [^>]*w:styleId="([^"]+)"[\s\S]*?<\/w:style>/g, (style, id: string) => {
    if (!OFF_GRID_STYLES.includes(id) || style.includes("<w:snapToGrid")) return style;
    const snap = '<w:snapToGrid w:val="0"/>';
    const ppr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(style);
    if (!ppr) return style.replace("<w:rPr>", `<w:pPr>${snap}</w:pPr><w:rPr>`);
    // Before the first child that follows w:snapToGrid in CT_PPrBase, else at the end.
    const after = /<w:(spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle)[ />]/.exec(ppr[1]);
    const inner = after ? ppr[1].slice(0, after.index) + snap + ppr[1].slice(after.index) : ppr[1] + snap;
    return style.replace(ppr[0], `<w:pPr>${inner}</w:pPr>`);
  });
}

/** Rewrites the packed .docx: the font table and the theme language. */
export function finishDocx(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  files["word/fontTable.xml"] = strToU8(fontTableXml());
  const settings = strFromU8(files["word/settings.xml"]);
  if (!settings.includes("w:themeFontLang")) {
    // CT_Settings order: w:themeFontLang follows w:compat (the last element the package writes).
    files["word/settings.xml"] = strToU8(settings.replace("</w:settings>", `<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>`));
  }
  files["word/styles.xml"] = strToU8(offGrid(strFromU8(files["word/styles.xml"])));
  // Pictures are compressed already: stored as they are, the XML deflated.
  const out: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {};
  for (const [k, v] of Object.entries(files)) out[k] = k.startsWith("word/media/") ? [v, { level: 0 }] : v;
  return zipSync(out, { level: 6 });
}
