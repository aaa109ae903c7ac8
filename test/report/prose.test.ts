/**
 * The report's prose as a bureau would sign it, on the sample county (examples/sample-county.xlsx,
 * whose totals are the 綦江区 report's: shared/seed/qijiang-self-evaluation-report.txt) and on the
 * same county where everything the data decides passes (test/report/counties.ts):
 * - sentences phrased as the seed phrases the same fact (quoted from the seed in each check);
 * - no 「/」, 「≥」 or bracket inside a bracket in any paragraph or heading;
 * - every count that appears twice agrees.
 */
import { buildReportOutline } from "../../src/report/sentences";
import { bracketDepth, proseText } from "../../src/report/sections/words";
import { blockText, type ParagraphBlock, type ReportOutline, type TableBlock } from "../../src/report/outline";
import { allPassCounty, sampleCounty } from "./counties";
import { assessedFixture } from "./helpers";

let sample: ReportOutline;
let allPass: ReportOutline;

beforeAll(async () => {
  const s = await sampleCounty();
  sample = buildReportOutline(s.assessment, s.read);
  const p = await allPassCounty();
  allPass = buildReportOutline(p.assessment, p.read);
});

const prose = (o: ReportOutline) => o.blocks.filter((b) => b.kind === "paragraph" || b.kind === "heading" || b.kind === "figure").map(blockText);
const para = (o: ReportOutline, code: string) => {
  const b = o.blocks.find((x) => x.kind === "paragraph" && x.code === code) as ParagraphBlock | undefined;
  if (!b) throw new Error(`no paragraph ${code}`);
  return blockText(b);
};
const attachmentTable = (o: ReportOutline) => o.blocks.find((b) => b.kind === "table" && b.header[0][0] === "学校") as TableBlock;
const num = (text: string, re: RegExp): number => {
  const m = re.exec(text);
  if (!m) throw new Error(`${re} not in ${text}`);
  return Number(m[1]);
};

describe("the seed's phrasing", () => {
  test("everything met: 「这7项指标全区69所小学、25所初中100%达标」, 「全区69所小学、25所初中均达到要求」", () => {
    const text = prose(allPass).join("\n");
    expect(text).toContain("指标107每百名学生拥有网络多媒体教室数，这7项指标全区69所小学、25所初中100%达标。");
    expect(para(allPass, "units")).toBe("按每所学校至少6项指标达到要求、其余指标不低于要求的85%判定，全区69所小学、25所初中均达到要求。");
    // 203 and 205 now met: the seed's 「（自评达标）」 and no list of schools.
    expect(para(allPass, "203")).toMatch(/^指标203：音乐、美术专用教室（自评达标）。全区小学应配音乐、美术专用教室各\d+间/);
    expect(para(allPass, "203")).not.toContain("未配足");
    expect(para(allPass, "205")).toBe("指标205：班额（自评达标）。全区69所小学有69所达标；25所初中有25所达标。所有班级中没有56人及以上大班额。");
    expect(text).not.toContain("中有69所达到要求");
    expect(para(allPass, "problem")).toBe("对照评估标准，全区各项数据指标均已达到要求。");
    expect(para(allPass, "verdict")).toBe("综上，全区已评估的各项指标均达到要求，指标309义务教育质量监测、社会认可度待定。");
  });

  test("自评达标 for met items, the engine's 未达标 where the data says so (seed: 「指标204：办学规模（自评达标）」)", () => {
    expect(para(sample, "204")).toBe("指标204：办学规模（自评达标）。全区69所小学有66所达标、3所基本达标；25所初中有21所达标、4所基本达标。");
    expect(para(sample, "201")).toMatch(/^指标201：学校规划布局（自评达标）。/);
    expect(para(sample, "205")).toMatch(/^指标205：班额（未达标）。/);
  });

  test("a year to fill where the seed has one: 「2024年全区…」 for 208, 214 and 304", () => {
    // Seed: 「2024年全区义务教育学校教师年均工资收入高于本地公务员的年均工资收入」.
    expect(para(sample, "208")).toBe("指标208：教师工资收入（自评达标）。××××年全区义务教育学校教师年均工资收入118600元，高于本地公务员的年均工资收入112300元。");
    expect(para(sample, "214")).toContain("××××年全区优质高中招生数为3445人");
    expect(para(sample, "304")).toContain("××××年全区小学、初中公用经费预算总额5149.21万元");
    for (const code of ["208", "214", "304"]) {
      const b = sample.blocks.find((x) => x.kind === "paragraph" && x.code === code) as ParagraphBlock;
      expect(b.runs.find((r) => r.text === "××××年")?.placeholder).toBe(true);
    }
  });

  test("213, 303 and 社会认可度 as the seed says them", () => {
    // Seed: 「全区公办小学、初中就近划片入学比例均达100%」.
    expect(para(sample, "213")).toBe("指标213：就近划片入学（自评达标）。全区城区和镇区公办小学、初中就近划片入学比例均达100%。");
    // Seed: 「所有学校均建立了章程，且在区教委备案，章程建设覆盖率100%」.
    expect(para(sample, "303")).toMatch(/^指标303：学校章程（自评达标）。所有学校均建立了章程，章程建设覆盖率100%/);
    // Seed: 「正接受市级社会认可度调查」.
    expect(para(sample, "recognition")).toBe("正接受社会认可度调查。");
  });

  test("the workbook's 评估标准 differs from the national one for 204: one sentence names the change", () => {
    // examples/sample-county.xlsx 「评估标准」 sets a 基本达标 band of 2500 / 3000 / 3000 that the national profile does not have.
    const s = para(sample, "standard");
    expect(s).toBe(
      "本次评估所用评估标准与国家标准不同之处：办学规模基本达标上限（小学、初中、完全中学）由不设调整为2500人；" +
        "办学规模基本达标上限（九年一贯制学校）由不设调整为3000人；办学规模基本达标上限（十二年一贯制学校）由不设调整为3000人。" +
        "以下判定均按本次所用评估标准作出。",
    );
    const i = sample.blocks.findIndex((b) => b.kind === "heading" && b.text === "二、指标达标情况");
    expect(sample.blocks[i + 1]).toMatchObject({ kind: "paragraph", code: "standard" });
    expect(prose(sample).filter((t) => t.includes("办学规模基本达标上限"))).toHaveLength(1);
  });

  test("the national rules: no such sentence", async () => {
    const { run } = await assessedFixture();
    const o = buildReportOutline(run.assessment, run.read);
    expect(o.blocks.some((b) => b.kind === "paragraph" && b.code === "standard")).toBe(false);
  });

  test("tool notes are marked as such and highlighted; none is plain text", () => {
    for (const o of [sample, allPass]) {
      for (const b of o.blocks) {
        if (b.kind !== "paragraph") continue;
        for (const r of b.runs) {
          if (/【|××/.test(r.text)) expect([r.text, r.placeholder]).toEqual([r.text, true]);
          else expect(r.text).not.toMatch(/自动生成|请核实|请填写/);
        }
      }
    }
  });
});

describe("prose rules", () => {
  test("no 「/」, 「≥」 or 「≤」 and no bracket inside a bracket, in any county", async () => {
    const fixture = await assessedFixture({ badEquipment: true });
    const large = await assessedFixture({ copiesOfYi: 40 });
    const outlines = [sample, allPass, buildReportOutline(fixture.run.assessment, fixture.run.read), buildReportOutline(large.run.assessment, large.run.read)];
    for (const o of outlines) {
      for (const t of prose(o)) {
        expect([t, /[/≥≤]/.test(t)]).toEqual([t, false]);
        expect([t, bracketDepth(t)]).toEqual([t, Math.min(bracketDepth(t), 1)]);
      }
    }
  });
});

describe("counts that appear twice agree", () => {
  test("小学 and 初中 schools: 基本情况 = 资源配置 = 达标学校 = 204 = 205", () => {
    for (const o of [sample, allPass]) {
      const text = prose(o).join("\n");
      const primary = num(text, /普通小学(\d+)所/);
      const junior = num(text, /普通初中(\d+)所/);
      expect(num(text, /现有义务教育学校(\d+)所/)).toBe(primary + junior);
      expect(num(text, /这\d项指标全区(\d+)所小学/)).toBe(primary);
      expect(num(text, /这\d项指标全区\d+所小学、(\d+)所初中/)).toBe(junior);
      for (const code of ["204", "205"]) {
        expect(num(para(o, code), /全区(\d+)所小学有/)).toBe(primary);
        expect(num(para(o, code), /；(\d+)所初中有/)).toBe(junior);
      }
    }
    expect(num(para(sample, "units"), /全区(\d+)所小学/)).toBe(69);
  });

  test("专任教师: 基本情况 = 209 = 212", () => {
    const text = prose(sample).join("\n");
    const teachers = num(text, /其中专任教师(\d+)人/);
    expect(num(para(sample, "209"), /专任教师(\d+)人/)).toBe(teachers);
    expect(num(para(sample, "212"), /专任教师(\d+)人/)).toBe(teachers);
  });

  test("303 says which schools it counts: 91 schools + 3 一贯制 counted once = the 94 of 基本情况", () => {
    const p = para(sample, "303");
    const schools = num(p, /按学校计共(\d+)所/);
    const oneThrough = num(p, /其中(\d+)所一贯制学校的小学部、初中部按1所计/);
    expect(schools + oneThrough).toBe(num(prose(sample).join("\n"), /现有义务教育学校(\d+)所/));
  });

  test("the schools a sentence counts are the 附件's rows", () => {
    const rows = attachmentTable(sample).rows;
    // 106: 「小学基本达标的13所」 = 13 rows 106 小学 基本达标; 四's 「有13所学校基本达标」 the same.
    const p106 = para(sample, "106");
    const basic106 = rows.filter((r) => r[2].startsWith("106") && r[1] === "小学" && r[5] === "基本达标").length;
    expect(num(p106, /小学基本达标的(\d+)所/)).toBe(basic106);
    expect(num(p106, /全区\d+所小学学校中有\d+所达标、(\d+)所基本达标/)).toBe(basic106);
    const problems = sample.blocks.filter((b) => b.kind === "paragraph" && b.code === "problem").map(blockText);
    expect(num(problems.find((t) => t.startsWith("小学指标106"))!, /有(\d+)所学校基本达标/)).toBe(basic106);
    // 203: 「未配足的学校18所」 = the schools with a 203 row; 四 「涉及18所学校」.
    const schools203 = new Set(rows.filter((r) => r[2].startsWith("203")).map((r) => r[0])).size;
    expect(num(para(sample, "203"), /未配足的学校(\d+)所/)).toBe(schools203);
    expect(num(problems.find((t) => t.startsWith("指标203"))!, /涉及(\d+)所学校/)).toBe(schools203);
    // 205: 23 + 7 基本达标 in the sentence; 30 schools with a 205 row in the 附件 and in 四.
    const p205 = para(sample, "205");
    const basic205 = num(p205, /全区69所小学有\d+所达标、(\d+)所基本达标/) + num(p205, /25所初中有\d+所达标、(\d+)所基本达标/);
    expect(rows.filter((r) => r[2].startsWith("205")).length).toBe(basic205);
    expect(num(problems.find((t) => t.startsWith("指标205"))!, /涉及(\d+)所学校/)).toBe(basic205);
  });
});

describe("the prose helpers", () => {
  test("bracketDepth counts nesting; proseText flattens it and writes ≥ ≤ / in words", () => {
    expect(bracketDepth("要求（音乐≥96㎡（面积））")).toBe(2);
    expect(bracketDepth("指标203（未达标）。（差距见附件）")).toBe(1);
    // The engine's 203 requirement, as the fallback sentence would print it.
    expect(proseText("每12个班级配备音乐、美术专用教室各1间以上（音乐≥96㎡、美术≥90㎡）")).toBe("每12个班级配备音乐、美术专用教室各1间以上（音乐不低于96㎡、美术不低于90㎡）");
    expect(proseText("（小学 46/69 达标（基本））")).toBe("（小学 46、69 达标，基本）");
  });
});
