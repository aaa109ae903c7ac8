/**
 * The .docx itself, parsed back from its zip: paragraphs, the two tables, the two PNG pictures,
 * highlighted placeholders. Fixture county: test/report/fixture.ts (hand-computed figures).
 */
import { unzipSync } from "fflate";
import { buildReportDocx } from "../../src/report/docx";
import { buildReportOutline } from "../../src/report/sentences";
import { assessedFixture, docxParagraphs, zipText } from "./helpers";

let files: Record<string, string>;
let raw: Record<string, Uint8Array>;
let paragraphs: string[];

beforeAll(async () => {
  const { run } = await assessedFixture();
  const bytes = await buildReportDocx(run.assessment, run.read);
  files = zipText(bytes);
  raw = unzipSync(bytes);
  paragraphs = docxParagraphs(files["word/document.xml"]);
});

describe("report .docx", () => {
  test("is a Word document with the title, headings in report order and the figures", () => {
    expect(files["[Content_Types].xml"]).toContain("wordprocessingml.document.main+xml");
    expect(paragraphs.slice(0, 2)).toEqual(["测试区人民政府", "创建全国义务教育优质均衡发展区自查自评报告"]);
    const order = ["一、基本情况", "二、指标达标情况", "（一）资源配置", "（二）政府保障程度", "（三）县域内义务教育质量情况", "社会认可度", "一票否决", "三、主要做法", "四、存在问题与下一步工作"];
    const at = order.map((h) => paragraphs.indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    // Seed figures copied into the fixture's 县级指标: 2452 / 3445.
    expect(paragraphs.some((p) => p.includes("指标到校比例为71.2%"))).toBe(true);
  });

  test("has the 差异系数 table and the shortfall table, with the hand-computed CV", () => {
    const tables: string[] = files["word/document.xml"].match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(2);
    const cells = (t: string) => [...t.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    // 小学 106: mean 2050, SD 236.29, CV 0.1153 (see sentences.test.ts for the arithmetic).
    expect(cells(tables[0] ?? "")).toEqual(expect.arrayContaining(["差异系数", "0.1153", "2050.00", "236.29", "0.50", "符合"]));
    expect(cells(tables[1] ?? "")).toEqual(expect.arrayContaining(["乙小学", "指标106仪器设备", "基本达标"]));
  });

  test("embeds the two charts as PNG pictures referenced from the document", () => {
    const media = Object.keys(raw).filter((k) => k.startsWith("word/media/"));
    expect(media).toHaveLength(2);
    for (const m of media) {
      const b = raw[m];
      expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    }
    const rels = files["word/_rels/document.xml.rels"];
    const ids = [...rels.matchAll(/Id="([^"]+)"[^>]*Target="media\/[^"]+"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(files["word/document.xml"]).toContain(`r:embed="${id}"`);
    expect(paragraphs).toEqual(expect.arrayContaining(["图1 校际差异系数与限值", "图2 各指标达标情况（监测点数）"]));
  });

  test("placeholders are highlighted for the bureau", () => {
    const runs = files["word/document.xml"].match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
    const ph = runs.filter((r) => r.includes("【请填写："));
    expect(ph.length).toBeGreaterThanOrEqual(5);
    for (const r of ph) expect(r).toContain('<w:highlight w:val="yellow"/>');
  });

  test("every outline paragraph is in the document, in order", async () => {
    const { run } = await assessedFixture();
    const o = buildReportOutline(run.assessment, run.read);
    const wanted = o.blocks.filter((b) => b.kind === "paragraph").map((b) => (b.kind === "paragraph" ? b.runs.map((r) => r.text).join("") : ""));
    let from = 0;
    for (const w of wanted) {
      const i = paragraphs.indexOf(w, from);
      expect(i).toBeGreaterThanOrEqual(from);
      from = i + 1;
    }
  });
});
