/**
 * The report outline for the fixture county (test/report/fixture.ts), read by the real reader and
 * assessed by the real engine. Expected figures are hand calculations written next to each check
 * (and the fixture's comments), or the seed report's own figures where the fixture copies them.
 */
import {
  buildReportOutline,
  countyWords,
  NAMES_IN_SENTENCE,
  nextSteps,
  planPart,
  PROBLEM_PARTS,
  problemList,
  problemsSection,
  SHORTFALL_ROWS_IN_REPORT,
  type SectionBuilder,
} from "../../src/report/sentences";
import { blockText, heading, outlineText, para as paragraph, type ParagraphBlock, type TableBlock } from "../../src/report/outline";
import { listShortfalls } from "../../src/workbook/shortfalls";
import { assessedFixture } from "./helpers";

async function outline(opts = {}) {
  const { run } = await assessedFixture();
  return { run, o: buildReportOutline(run.assessment, run.read, opts) };
}

function para(o: ReturnType<typeof buildReportOutline>, code: string): string {
  const b = o.blocks.find((x) => x.kind === "paragraph" && x.code === code) as ParagraphBlock | undefined;
  if (!b) throw new Error(`no paragraph for ${code}`);
  return blockText(b);
}

describe("report outline (fixture county 测试区)", () => {
  test("title and 全区 wording come from the county name in 县级指标", async () => {
    const { o } = await outline();
    expect(o.issuer).toBe("测试区人民政府");
    expect(o.title).toBe("创建全国义务教育优质均衡发展区自查自评报告");
    expect(outlineText(o)).toContain("全区3所小学");
    expect(outlineText(o)).not.toContain("全县");
  });

  test("a county name passed in options wins and gives 全县", async () => {
    const { o } = await outline({ countyName: "某某县" });
    expect(o.title).toBe("创建全国义务教育优质均衡发展县自查自评报告");
    expect(outlineText(o)).toContain("全县3所小学");
  });

  test("一、基本情况 counts units by category and 专任教师 by section", async () => {
    const { o } = await outline();
    const text = outlineText(o);
    // Included units: 甲, 乙, 丙(民办) 小学 + 丁 初中 = 4; 戊教学点 has 30 < 50 students (excluded); special school apart.
    expect(text).toContain("测试区现有义务教育学校4所，包括普通小学3所（公办单设小学2所，民办小学1所），普通初中1所（公办单设初中1所），特殊教育学校1所。");
    // Teachers: 小学 30 + 20 + 12 + 4 (教学点) = 66, 初中 50, 特教 10 → 126.
    expect(text).toContain("其中专任教师126人（小学66人、初中50人、特教10人）");
  });

  test("indicators met by every unit are combined; others name the schools below the threshold", async () => {
    const { o } = await outline();
    // 102, 103, 104, 107 met everywhere (fixture comments); 101, 105, 106 have 乙小学 at 基本达标.
    expect(para(o, "102,103,104,107")).toBe(
      "指标102每百名学生拥有县级及以上骨干教师数、指标103每百名学生拥有体育、艺术（美术、音乐）专任教师数、" +
        "指标104生均教学及辅助用房面积、指标107每百名学生拥有网络多媒体教室数，这4项指标全区3所小学、1所初中100%达标。",
    );
    expect(para(o, "106")).toBe(
      "指标106生均教学仪器设备值，全区3所小学学校中有2所达标、1所基本达标；1所初中学校中有1所达标。其中小学基本达标的1所为乙小学，各校差距见附件。",
    );
    expect(para(o, "units")).toBe("按每所学校至少6项指标达到要求、其余指标不低于要求的85%判定，全区3所小学中有2所达到要求、1所未达到要求；1所初中均达到要求。");
  });

  test("差异系数 sentence and table carry the student-weighted CVs", async () => {
    const { o } = await outline();
    // 106 小学: values 2000 (500 pupils), 1833.33 (300), 2500 (200); mean 2 050 000/1000 = 2050;
    // variance (500·50² + 300·216.67² + 200·450²)/1000 = 55 833.3 → SD 236.29 → CV 0.1153.
    const table = o.blocks.find((b) => b.kind === "table" && b.caption.startsWith("表1")) as TableBlock;
    // One row per indicator; columns 指标, 单位, 小学 平均值/标准差/差异系数, 初中 the same.
    expect(table.header).toEqual([
      ["指标", "单位", "小学", "", "", "初中", "", ""],
      ["指标", "单位", "平均值", "标准差", "差异系数", "平均值", "标准差", "差异系数"],
    ]);
    const row106 = table.rows.find((r) => r[0] === "106仪器设备")!;
    expect(row106.slice(1, 5)).toEqual(["元/生", "2050.00", "236.29", "0.1153"]);
    expect(table.rows.find((r) => r[0] === "差异系数限值")![2]).toBe("0.50");
    expect(table.rows.find((r) => r[0] === "结论")![2]).toBe("符合");
    // 小学 and 初中 are printed once, as merged header cells over their three columns.
    expect(table.spans).toEqual(expect.arrayContaining([{ row: 0, col: 2, cols: 3 }, { row: 0, col: 5, cols: 3 }]));
    // One 初中 unit only: no CV, said in words.
    expect(para(o, "cv")).toContain("初中校际差异系数无法计算");
    expect(para(o, "cv")).toContain("小学校际差异系数小于等于0.50，初中校际差异系数小于等于0.45");
  });

  test("政府保障程度 and 教育质量 items carry their figures and the engine's verdict", async () => {
    const { o } = await outline();
    // Seed report figures copied into the fixture: 2452 / 3445 = 71.2%.
    expect(para(o, "214")).toBe(
      "指标214：优质高中招生名额分配（自评达标）。××××年全区优质高中招生数为3445人，指标到校数为2452人，指标到校比例为71.2%，并做到了向农村初中倾斜。",
    );
    // (124 + 434 + 67 + 48) / 677 = 673 / 677 = 99.4%.
    expect(para(o, "302")).toContain("全区义务教育学校招生范围内的适龄残疾儿童少年677人，在本区特殊教育学校就读124人、本区随班就读434人、区外就读67人、其他方式就读48人，入学率99.4%。");
    // 203: one room per 12 classes, at least 1: 甲 12 → 1, 乙 8 → 1, 丙 6 → 1 = 3; music 1 + 0 + 1 = 2, art 3.
    expect(para(o, "203")).toBe(
      "指标203：音乐、美术专用教室（未达标）。全区小学应配音乐、美术专用教室各3间，实有面积达标数音乐2间、美术3间；" +
        "初中应配音乐、美术专用教室各1间，实有面积达标数音乐1间、美术1间。未配足的学校1所，为乙小学。",
    );
    // 304: (6 + 2 + 3 + 7) / (100 + 60 + 40 + 120) = 18 / 320 = 5.625% → 5.63%; 乙小学 2/60 = 3.3% < 5%.
    expect(para(o, "304")).toContain("教师培训费占公用经费总额的5.63%");
    expect(para(o, "304")).toContain("未达标");
    expect(para(o, "304")).toContain("乙小学");
    // 205: 乙小学 largest class 50 > 45 (基本达标), none ≥ 56.
    expect(para(o, "205")).toContain("全区3所小学有2所达标、1所基本达标");
    expect(para(o, "205")).toContain("所有班级中没有56人及以上大班额");
    expect(para(o, "recognition")).toContain("正接受社会认可度调查");
  });

  test("qualitative items without the bureau's words get a placeholder; 三、主要做法 is all placeholders", async () => {
    const { o } = await outline();
    const p201 = o.blocks.find((b) => b.kind === "paragraph" && b.code === "201") as ParagraphBlock;
    expect(p201.runs.some((r) => r.placeholder && r.text.startsWith("【请填写："))).toBe(true);
    const i = o.blocks.findIndex((b) => b.kind === "heading" && b.text === "三、主要做法");
    // Five （一）… headings of the second level (楷体), each followed by a placeholder paragraph.
    const practice = o.blocks.slice(i + 1, i + 11);
    expect(practice.filter((b) => b.kind === "heading").map((b) => [b.kind === "heading" && b.level, blockText(b)])).toEqual([
      [2, "（一）统筹协调与组织领导"],
      [2, "（二）学校建设与资源配置"],
      [2, "（三）教师队伍建设"],
      [2, "（四）教育治理与质量提升"],
      [2, "（五）督导考核"],
    ]);
    const texts = practice.filter((b): b is ParagraphBlock => b.kind === "paragraph");
    expect(texts.every((p) => p.runs.every((r) => r.placeholder))).toBe(true);
  });

  test("四、问题 lists the shortfalls the data shows; the 附件 gives the gap of each", async () => {
    const { o } = await outline();
    const table = o.blocks.find((b) => b.kind === "table" && b.header[0][0] === "学校") as TableBlock;
    // 乙小学 106: needs 2000 元 × 300 = 60 万元, has 55 → 需增加 5.00 万元.
    const row = table.rows.find((r) => r[0] === "乙小学" && r[2].startsWith("106"))!;
    expect(row[2]).toBe("106仪器设备（元/生）");
    expect(row[5]).toBe("基本达标");
    expect(row[6]).toBe("需增加教学仪器设备5.00万元");
    // 101: 4.2 × 300 / 100 = 12.6 → 13 teachers, has 12 → 1.
    expect(table.rows.find((r) => r[0] === "乙小学" && r[2].startsWith("101"))![6]).toBe("需增加高于规定学历教师1人");
    // 203: 乙小学 8 classes → 1 room of each kind, music 0 → one music room; art 1 is enough.
    expect(table.rows.filter((r) => r[0] === "乙小学" && r[2].startsWith("203"))).toEqual([
      ["乙小学", "全校", "203音乐专用教室（间）", "0", "1", "未达标", "需增加音乐专用教室1间"],
    ]);
    // 205: largest class 50, limit 45 → 5 over.
    expect(table.rows.find((r) => r[0] === "乙小学" && r[2].startsWith("205"))!.slice(3)).toEqual(["50", "45", "基本达标", "最大班额超出规定班额5人"]);
    // The school is printed once for its rows.
    expect(table.groupCols).toEqual([0]);
    const problems = o.blocks.filter((b) => b.kind === "paragraph" && b.code === "problem").map(blockText);
    expect(problems.some((p) => p.includes("指标203"))).toBe(true);
    expect(problems.some((p) => p.includes("指标304"))).toBe(true);
  });
});

describe("四's parts", () => {
  test("a further part (such as 整改测算) goes between the problems and 下一步工作, numbered in order", async () => {
    const { run } = await assessedFixture();
    const ctx = { a: run.assessment, read: run.read, w: countyWords(run.read), shortfalls: listShortfalls(run.assessment, run.read), hasAttachment: true };
    const extra: SectionBuilder = () => [heading(2, "（一）整改测算"), paragraph("测算内容")];
    const blocks = problemsSection(ctx, [problemList, extra, nextSteps]);
    expect(blocks.filter((b) => b.kind === "heading" && b.level <= 2).map(blockText)).toEqual([
      "四、存在问题与下一步工作",
      "（一）存在问题",
      "（二）整改测算",
      "（三）下一步工作",
    ]);
    // The report's own parts: the problems, the 整改测算 (issue 14) and 下一步工作.
    expect(PROBLEM_PARTS).toEqual([problemList, planPart, nextSteps]);
  });
});

describe("a large county (the fixture with 100 more copies of 乙小学)", () => {
  test("names at most 30 schools in a sentence and prints at most 150 rows of table 2", async () => {
    const { run } = await assessedFixture({ copiesOfYi: 100 });
    const o = buildReportOutline(run.assessment, run.read);
    // 106: 甲 and 丙 met; 乙小学 and its 100 copies 基本达标 → 101 named, cut at 30 with 等.
    const p106 = para(o, "106");
    expect(p106).toContain("全区103所小学学校中有2所达标、101所基本达标");
    expect(p106).toContain(`基本达标的101所为乙小学、乙小学1、`);
    expect(p106).toContain(`乙小学${NAMES_IN_SENTENCE - 1}等`);
    expect(p106).not.toContain(`乙小学${NAMES_IN_SENTENCE}、`);
    // Table 2 rows per 乙小学 copy: 101, 105, 106 基本达标, 203 未达标, 205 基本达标, 304 未达标 = 6 → 101 × 6 = 606.
    const table = o.blocks.find((b) => b.kind === "table" && b.header[0][0] === "学校") as TableBlock;
    expect(table.rows).toHaveLength(SHORTFALL_ROWS_IN_REPORT);
    const title = o.blocks.find((b) => b.kind === "paragraph" && b.role === "attachment-title")!;
    expect(blockText(title)).toBe("未达标与基本达标情况清单（前150条，共606条）");
    expect(para(o, "problem-more")).toContain("其余456条见工作簿「问题清单」");
  });
});

describe("bad input", () => {
  test("a bad cell marks only that school's checks 数据有误; the report is still written", async () => {
    const { run } = await assessedFixture({ badEquipment: true });
    const o = buildReportOutline(run.assessment, run.read);
    // 乙小学's 106 cannot be computed: 甲 and 丙 met, 乙 数据有误.
    expect(para(o, "106")).toContain("全区3所小学学校中有2所达标、1所数据有误");
    expect(para(o, "106")).toContain("数据有误的1所为乙小学");
    // Other indicators of 乙小学 stand: 101 still 基本达标.
    expect(para(o, "101")).toContain("1所基本达标");
  });
});

