/**
 * The report of the team's sample workbook (examples/sample-county.xlsx, synthetic data whose totals
 * match the 綦江区 report, shared/seed/qijiang-self-evaluation-report.txt). Expected figures are the
 * seed report's own; each check names its sentence there. The .docx is parsed back from its XML.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { XlsxHost } from "../../src/hosts/xlsx";
import { buildReportDocx } from "../../src/report/docx";
import { buildReportOutline } from "../../src/report/sentences";
import { outlineText } from "../../src/report/outline";
import { assessWorkbook, type AssessRun } from "../../src/workbook/run";
import { docxParagraphs, zipText } from "./helpers";

const SAMPLE = path.join(__dirname, "../../examples/sample-county.xlsx");

let run: AssessRun;
let paragraphs: string[];
let text: string;

beforeAll(async () => {
  const host = await XlsxHost.load(new Uint8Array(readFileSync(SAMPLE)));
  run = await assessWorkbook(host);
  text = outlineText(buildReportOutline(run.assessment, run.read));
  const files = zipText(await buildReportDocx(run.assessment, run.read));
  paragraphs = docxParagraphs(files["word/document.xml"]);
});

const has = (needle: string) => paragraphs.some((p) => p.includes(needle));

describe("report of the sample county (figures of the 綦江区 report)", () => {
  test("title: the county name from 县级指标", () => {
    expect(paragraphs[0]).toBe("綦江区人民政府");
    expect(paragraphs[1]).toBe("创建全国义务教育优质均衡发展区自查自评报告");
  });

  test("一、基本情况: 94 schools by type and section, 5060 专任教师 (seed 一、基本情况)", () => {
    expect(has(
      "綦江区现有义务教育学校94所，包括普通小学69所（公办单设小学61所、九年一贯制小学3所、50人以上教学点4所，民办小学1所），" +
        "普通初中25所（公办单设初中16所、九年一贯制初中3所、高完中初中部6所），特殊教育学校1所。",
    )).toBe(true);
    // Seed 一、基本情况: "专任教师5060人（小学3086人、初中1945人、特教29人）" — exact, from the sample's
    // 小学/初中专任教师数 columns, so no 【请填写：…请核实】 note about an estimated split.
    expect(has("人，其中专任教师5060人（小学3086人、初中1945人、特教29人）。")).toBe(true);
    const basic = paragraphs.find((x) => x.includes("其中专任教师"))!;
    expect(basic).not.toContain("估算");
    expect(basic).not.toContain("请核实");
  });

  test("资源配置: six indicators 100% met, 106 with 56/13 and 19/6 (seed 二（一）)", () => {
    expect(has("这6项指标全区69所小学、25所初中100%达标。")).toBe(true);
    expect(has("指标106生均教学仪器设备值，全区69所小学学校中有56所达标、13所基本达标；25所初中学校中有19所达标、6所基本达标。")).toBe(true);
  });

  test("差异系数: about 0.24 (小学) and 0.31 (初中), within the national limits (seed 二（一）)", () => {
    const p = paragraphs.find((x) => x.startsWith("上述7项指标"))!;
    const m = /小学校际综合差异系数为(0\.\d{4}).*初中校际综合差异系数为(0\.\d{4})/.exec(p)!;
    expect(Number(m[1]).toFixed(2)).toBe("0.24");
    expect(Number(m[2]).toFixed(2)).toBe("0.31");
    expect(p).toContain("符合“小学校际差异系数小于等于0.50，初中校际差异系数小于等于0.45”的国家要求");
  });

  test("203: 106 rooms required, 90 music and 94 art — 未达标 as the engine finds (seed 指标203 said 达标)", () => {
    expect(has("指标203：音乐、美术专用教室（未达标）。全区小学应配音乐、美术专用教室各106间，实有面积达标数音乐90间、美术94间；初中应配音乐、美术专用教室各45间，实有面积达标数音乐43间、美术44间。")).toBe(true);
  });

  test("204, 205 counts (seed 指标204, 205)", () => {
    expect(has("全区69所小学有66所达标、3所基本达标；25所初中有21所达标、4所基本达标。")).toBe(true);
    expect(has("全区69所小学有46所达标、23所基本达标；25所初中有18所达标、7所基本达标。所有班级中没有56人及以上大班额。")).toBe(true);
  });

  test("209, 212: 5060 teachers, 100% (seed 指标209 「培训完成率达100%」, 212 「有专任教师5060人，持证上岗率达100%」)", () => {
    expect(has("全区义务教育学校专任教师5060人，5年360学时培训完成5060人，培训完成率达100%。")).toBe(true);
    expect(has("全区义务教育学校有专任教师5060人，持证上岗率达100%。")).toBe(true);
  });

  test("211, 214, 302, 304 figures (seed: 346 / 30% / 103; 71.2%; 99.4%; 5149.21, 384.35, 7.46%)", () => {
    expect(has("上学年全区交流轮岗教师346名")).toBe(true);
    expect(has("其中交流骨干教师103名，占交流教师数的29.8%")).toBe(true);
    expect(has("全区优质高中招生数为3445人，指标到校数为2452人，指标到校比例为71.2%，并做到了向农村初中倾斜。")).toBe(true);
    expect(has("在本区特殊教育学校就读124人、本区随班就读434人、区外就读67人、其他方式就读48人，入学率99.4%。")).toBe(true);
    expect(has("全区小学、初中公用经费预算总额5149.21万元，教师培训费预算384.35万元，教师培训费占公用经费总额的7.46%。")).toBe(true);
  });

  test("309 and 社会认可度 stay open; 一票否决 none (seed: 待明年监测, 正接受调查, 不存在)", () => {
    // One mention: 「待接受国家义务教育质量监测」, nothing else.
    expect(paragraphs.filter((p) => p.startsWith("指标309"))).toEqual(["指标309：义务教育质量监测。待接受国家义务教育质量监测。"]);
    expect(paragraphs.join("\n").match(/待接受国家义务教育质量监测/g)).toHaveLength(1);
    expect(paragraphs.join("\n")).not.toContain("待监测");
    expect(has("正接受社会认可度调查")).toBe(true);
    expect(has("不存在一票否决的任何一种情形。")).toBe(true);
  });

  test("the .docx holds every indicator paragraph of the outline", () => {
    for (const line of text.split("\n").filter((l) => l.startsWith("指标") && !l.includes("\t"))) expect(paragraphs.join("\n")).toContain(line);
  });
});
