/**
 * The .docx of the sample county (examples/sample-county.xlsx), parsed back from its XML, against
 * GB/T 9704-2012 as shared/notes/sources.md gives it: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm,
 * 22 lines × 28 characters, 2号 title, 3号 body, 黑体 / 楷体 / 仿宋 bold headings, 4号宋体 page
 * numbers on odd/even footers, 附件 on a new page. Expected numbers are worked out from those
 * millimetres and points by hand in each comment (1 mm = 1440 / 25.4 twips = 56.69 twips).
 */
import { readFileSync } from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { XlsxHost } from "../../src/hosts/xlsx";
import { buildReportDocx } from "../../src/report/docx";
import { assessWorkbook } from "../../src/workbook/run";
import { docxParagraphs, zipText } from "./helpers";

let files: Record<string, string>;
let raw: Record<string, Uint8Array>;
let doc: string;
let styles: string;

beforeAll(async () => {
  const host = await XlsxHost.load(new Uint8Array(readFileSync(path.join(__dirname, "../../examples/sample-county.xlsx"))));
  const run = await assessWorkbook(host);
  const bytes = await buildReportDocx(run.assessment, run.read);
  files = zipText(bytes);
  raw = unzipSync(bytes);
  doc = files["word/document.xml"];
  styles = files["word/styles.xml"];
});

const attr = (xml: string, tag: string, name: string): string | undefined => new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];
const style = (id: string): string => {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  if (!m) throw new Error(`no style ${id}`);
  return m[0];
};
const paragraphs = (): string[] => doc.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? [];
const textOf = (p: string) => docxParagraphs(p)[0] ?? "";
const paragraphWith = (text: string): string => {
  const p = paragraphs().find((x) => textOf(x) === text);
  if (!p) throw new Error(`no paragraph ${text}`);
  return p;
};

describe("GB/T 9704 page and grid", () => {
  test("A4 with 天头 37 mm, 订口 28 mm and a 156 × 225 mm 版心", () => {
    const sect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(doc)![0];
    expect([attr(sect, "w:pgSz", "w:w"), attr(sect, "w:pgSz", "w:h")]).toEqual(["11906", "16838"]);
    // 37 mm = 2097.6 → 2098; 28 mm = 1587.4 → 1587; right = 11906 − 1587 − 8844 (156 mm) = 1475;
    // bottom = 16838 − 2098 − 12756 (225 mm) = 1984.
    expect(attr(sect, "w:pgMar", "w:top")).toBe("2098");
    expect(attr(sect, "w:pgMar", "w:left")).toBe("1587");
    expect(attr(sect, "w:pgMar", "w:right")).toBe("1475");
    expect(attr(sect, "w:pgMar", "w:bottom")).toBe("1984");
  });

  test("docGrid linesAndChars: 22 lines of 579 twips, 28 characters of 3号 narrowed by charSpace", () => {
    const sect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(doc)![0];
    expect(attr(sect, "w:docGrid", "w:type")).toBe("linesAndChars");
    // 12756 / 22 = 579.8 → 579 (22 × 579 = 12738 ≤ 12756).
    expect(attr(sect, "w:docGrid", "w:linePitch")).toBe("579");
    // Pitch 8844 / 28 = 315.86 twips = 15.793 pt; (15.793 − 16) × 4096 = −848.5 → −849.
    const cs = Number(attr(sect, "w:docGrid", "w:charSpace"));
    expect(cs).toBe(-849);
    expect((16 + cs / 4096) * 20 * 28).toBeLessThanOrEqual(8844);
    expect((16 + cs / 4096) * 20 * 29).toBeGreaterThan(8844);
    // Body lines at the grid's pitch, exactly.
    expect(attr(style("GwBody"), "w:spacing", "w:line")).toBe("579");
    expect(attr(style("GwBody"), "w:spacing", "w:lineRule")).toBe("exact");
    expect(attr(style("GwBody"), "w:ind", "w:firstLineChars")).toBe("200");
  });

  test("East Asian language zh-CN in the defaults and the theme; eastAsia fonts in styles and the font table", () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(attr(defaults, "w:lang", "w:eastAsia")).toBe("zh-CN");
    expect(attr(defaults, "w:rFonts", "w:eastAsia")).toBe("仿宋_GB2312");
    expect(attr(defaults, "w:sz", "w:val")).toBe("32"); // 3号 16 pt
    expect(attr(files["word/settings.xml"], "w:themeFontLang", "w:eastAsia")).toBe("zh-CN");
    const fonts = files["word/fontTable.xml"];
    const font = (name: string) => new RegExp(`<w:font w:name="${name}">[\\s\\S]*?</w:font>`).exec(fonts)?.[0] ?? "";
    for (const name of ["仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体"]) {
      expect(font(name)).toContain('<w:charset w:val="86"/>');
    }
    expect(attr(font("方正小标宋简体"), "w:altName", "w:val")).toBe("宋体");
    expect(attr(font("宋体"), "w:altName", "w:val")).toBe("SimSun");
    expect(attr(font("仿宋_GB2312"), "w:altName", "w:val")).toBe("仿宋");
    expect(attr(font("楷体_GB2312"), "w:altName", "w:val")).toBe("楷体");
  });
});

describe("styles: title, headings with outline levels, body", () => {
  test("title 2号 (22 pt = 44 half-points) 方正小标宋简体, not bold; both title lines use it", () => {
    const t = style("Title");
    expect(attr(t, "w:sz", "w:val")).toBe("44");
    expect(attr(t, "w:rFonts", "w:eastAsia")).toBe("方正小标宋简体");
    expect(t).toMatch(/<w:b w:val="(false|0)"\/>/);
    // 22 pt characters are wider than the 15.79 pt grid pitch: the title is laid out off the grid.
    expect(t).toContain('<w:snapToGrid w:val="0"/>');
    const titles = paragraphs().filter((p) => p.includes('<w:pStyle w:val="Title"/>')).map(textOf);
    expect(titles).toEqual(["綦江区人民政府", "创建全国义务教育优质均衡发展区自查自评报告"]);
    // 21 characters × 22 pt > 156 mm: broken where the words allow, before 自查自评报告.
    expect(paragraphWith("创建全国义务教育优质均衡发展区自查自评报告")).toMatch(/发展区<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>自查自评报告/);
  });

  test("一、 黑体, （一） 楷体_GB2312, 1. 仿宋 bold: 3号, outline levels 0–2, keep with next", () => {
    const cases: [string, string, string, boolean][] = [
      ["Heading1", "黑体", "0", false],
      ["Heading2", "楷体_GB2312", "1", false],
      ["Heading3", "仿宋_GB2312", "2", true],
    ];
    for (const [id, font, level, bold] of cases) {
      const s = style(id);
      expect(attr(s, "w:rFonts", "w:eastAsia")).toBe(font);
      expect(attr(s, "w:outlineLvl", "w:val")).toBe(level);
      expect(s).toContain("<w:keepNext/>");
      expect(attr(s, "w:sz", "w:val")).toBe("32");
      if (bold) expect(s).toMatch(/<w:b\/>|<w:b w:val="(true|1)"\/>/);
      else expect(s).toMatch(/<w:b w:val="(false|0)"\/>/);
    }
  });

  test("every heading of the report is a paragraph of its style, with no font of its own", () => {
    const level = (text: string) => /<w:pStyle w:val="Heading(\d)"\/>/.exec(paragraphWith(text))?.[1];
    expect(level("一、基本情况")).toBe("1");
    expect(level("四、存在问题与下一步工作")).toBe("1");
    expect(level("（一）资源配置")).toBe("2");
    expect(level("（三）县域内义务教育质量情况")).toBe("2");
    // 社会认可度 and 一票否决 are （四）（五） of 二, not first-level headings.
    expect(level("（四）社会认可度")).toBe("2");
    expect(level("（五）一票否决")).toBe("2");
    expect(level("1.资源配置")).toBe("3");
    for (const p of paragraphs().filter((x) => /Heading\d/.test(x))) {
      expect(p).not.toContain("<w:rFonts");
      expect(p).not.toContain("<w:b/>");
    }
  });
});

describe("page numbers", () => {
  test("odd and even footers with a PAGE field, 「— n —」 in 4号宋体, right and left with one character's space", () => {
    expect(files["word/settings.xml"]).toContain("<w:evenAndOddHeaders/>");
    const sect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(doc)![0];
    const rel = (type: string) => new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(sect)?.[1];
    const target = (id: string | undefined) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(files["word/_rels/document.xml.rels"])?.[1];
    const odd = files[`word/${target(rel("default"))}`];
    const even = files[`word/${target(rel("even"))}`];
    for (const f of [odd, even]) {
      expect(f).toContain('<w:fldChar w:fldCharType="begin"/>');
      expect(f).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(docxParagraphs(f)[0]).toBe("—  —"); // the number is the field's result
      expect(f).toContain('<w:pStyle w:val="Footer"/>');
    }
    // 单页居右空一字, 双页居左空一字: one 4号 character = 14 pt = 280 twips.
    expect(attr(odd, "w:jc", "w:val")).toBe("right");
    expect(attr(odd, "w:ind", "w:right")).toBe("280");
    expect(attr(even, "w:jc", "w:val")).toBe("left");
    expect(attr(even, "w:ind", "w:left")).toBe("280");
    const footer = style("Footer");
    expect(attr(footer, "w:sz", "w:val")).toBe("28");
    expect(attr(footer, "w:rFonts", "w:ascii")).toBe("宋体");
    expect(attr(footer, "w:rFonts", "w:eastAsia")).toBe("宋体");
  });
});

describe("tables", () => {
  const tables = (): string[] => doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];

  test("五号 text off the grid; header rows repeated; no row splits across pages", () => {
    expect(attr(style("GwTable"), "w:sz", "w:val")).toBe("21"); // 10.5 pt, within 10.5–12
    expect(style("GwTable")).toContain('<w:snapToGrid w:val="0"/>');
    expect(tables()).toHaveLength(2);
    for (const t of tables()) {
      const rows = t.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g)!;
      for (const r of rows) expect(r).toContain("<w:cantSplit/>");
      expect(rows[0]).toContain("<w:tblHeader/>");
      expect(rows[rows.length - 1]).not.toContain("<w:tblHeader/>");
    }
  });

  test("表1: 小学 and 初中 once each, over three columns; 「差异系数」 fits its column", () => {
    const t = tables()[0]!;
    const cells = [...t.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => m[1]);
    const span = (text: string) => cells.filter((c) => docxParagraphs(c)[0] === text).map((c) => attr(c, "w:gridSpan", "w:val"));
    expect(span("小学")).toEqual(["3"]);
    expect(span("初中")).toEqual(["3"]);
    const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(8844);
    // 差异系数: 4 characters of 10.5 pt (210 twips) + the cell margins 2 × 57 = 954.
    expect(grid[4]).toBeGreaterThanOrEqual(4 * 210 + 2 * 57);
    expect(grid[7]).toBeGreaterThanOrEqual(4 * 210 + 2 * 57);
    const margin = /<w:tcMar>[\s\S]*?<\/w:tcMar>/.exec(t)![0];
    expect(attr(margin, "w:left", "w:w")).toBe("57");
  });

  test("附件's table: the school merged over its rows, 「基本达标」 fits, units in the header", () => {
    const t = tables()[1]!;
    expect(docxParagraphs(t).slice(0, 7)).toEqual(["学校", "学段", "指标（单位）", "现值", "标准值", "状态", "差距"]);
    expect(t).toContain('<w:vMerge w:val="restart"/>');
    expect(t).toMatch(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/);
    const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid[5]).toBeGreaterThanOrEqual(4 * 210 + 2 * 57);
  });
});

describe("pictures, 附件, 署名 and placeholders", () => {
  test("the two charts are PNG pictures referenced from the document", () => {
    const media = Object.keys(raw).filter((k) => k.startsWith("word/media/"));
    expect(media).toHaveLength(2);
    for (const m of media) expect([...raw[m].subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const ids = [...files["word/_rels/document.xml.rels"].matchAll(/Id="([^"]+)"[^>]*Target="media\/[^"]+"/g)].map((m) => m[1]);
    for (const id of ids) expect(doc).toContain(`r:embed="${id}"`);
    // The picture paragraph is not squeezed to one 28.95 pt grid line.
    expect(attr(style("GwFigure"), "w:spacing", "w:lineRule")).toBe("auto");
  });

  test("附件: referred to under the body, 「附件」 in 3号黑体 at the top left of a new page", () => {
    const all = paragraphs().map(textOf);
    const note = all.indexOf("附件：未达标与基本达标情况清单");
    const sign = all.indexOf("綦江区人民政府", 2);
    const mark = all.indexOf("附件");
    expect(note).toBeGreaterThan(all.indexOf("四、存在问题与下一步工作"));
    expect(sign).toBeGreaterThan(note);
    expect(mark).toBeGreaterThan(sign);
    expect(all[mark + 1]).toBe("未达标与基本达标情况清单");
    const p = paragraphWith("附件");
    expect(p).toContain("<w:pageBreakBefore/>");
    expect(p).toContain('<w:pStyle w:val="GwAttachmentMark"/>');
    const s = style("GwAttachmentMark");
    expect(attr(s, "w:rFonts", "w:eastAsia")).toBe("黑体");
    expect(attr(s, "w:sz", "w:val")).toBe("32");
    expect(s).not.toContain("<w:ind");
    expect(s).not.toContain("<w:jc");
  });

  test("署名 and 成文日期 are right-aligned placeholders, highlighted", () => {
    const all = paragraphs();
    const sign = all.filter((p) => p.includes('<w:pStyle w:val="GwSignature"/>'));
    const date = all.filter((p) => p.includes('<w:pStyle w:val="GwDate"/>'));
    expect(sign.map(textOf)).toEqual(["綦江区人民政府"]);
    expect(date.map(textOf)).toEqual(["××××年××月××日"]);
    for (const p of [...sign, ...date]) expect(p).toContain('<w:highlight w:val="yellow"/>');
    expect(attr(style("GwSignature"), "w:jc", "w:val")).toBe("right");
  });

  test("every placeholder and tool note is highlighted yellow", () => {
    const runs = doc.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
    const marked = runs.filter((r) => /【请填写：|【提示：|××××/.test(r));
    expect(marked.length).toBeGreaterThanOrEqual(10);
    for (const r of marked) expect(r).toContain('<w:highlight w:val="yellow"/>');
    // Nothing unmarked says it is the tool's.
    const plain = runs.filter((r) => !r.includes("<w:highlight"));
    for (const r of plain) expect(r).not.toMatch(/请核实|自动生成|请填写/);
  });
});

describe("well-formed for Word", () => {
  // CT_PPrBase's sequence (ECMA-376 Part 1, 17.3.1.26): Word refuses paragraph properties out of order.
  const PPR = "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange".split(" ");

  test("paragraph properties written after packing (snapToGrid) keep the schema order", () => {
    for (const xml of [styles, doc]) {
      for (const m of xml.matchAll(/<w:pPr>([\s\S]*?)<\/w:pPr>/g)) {
        const inner = m[1].replace(/<w:rPr>[\s\S]*?<\/w:rPr>/g, "<w:rPr/>");
        const top: string[] = [];
        let depth = 0;
        for (const t of inner.matchAll(/<(\/?)w:([A-Za-z]+)[^>]*?(\/?)>/g)) {
          if (t[1]) depth--;
          else {
            if (depth === 0) top.push(t[2]);
            if (!t[3]) depth++;
          }
        }
        const at = top.map((k) => PPR.indexOf(k));
        expect([top, at.every((x, i) => x >= 0 && (i === 0 || x > at[i - 1]))]).toEqual([top, true]);
      }
    }
  });
});
