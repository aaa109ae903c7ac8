/**
 * County items 206–215, 301–309, 社会认可度, 一票否决 and the overall verdict (indicators.md §4–§7).
 * Seed figures come from shared/seed/qijiang-self-evaluation-report.txt (綦江区 自查自评报告).
 */
import { assess, ITEM_ORDER, COUNTY_ITEMS, QUALITATIVE_ITEMS, VETO_ITEMS } from "./engineApi";
import { dataset, goodCounty, primarySchool, juniorSchool } from "./helpers";
import type { CountyData } from "../../src/engine/types";

const two = () => [primarySchool("甲小学"), primarySchool("乙小学"), juniorSchool("丙中学"), juniorSchool("丁中学")];
const itemOf = (county: CountyData, code: string) => assess(dataset(two(), county)).items.find((i) => i.code === code)!;

describe("seed report figures from entered data", () => {
  it("214: 2452 / 3445 = 71.2%, 向农村初中倾斜", () => {
    // 綦江 指标214: 优质高中招生数为3445人，指标到校数为2452人，指标到校比例为71.2%.
    const it = itemOf(goodCounty({ numbers: { qualityHighSchoolAdmissions: 3445, quotaToSchools: 2452 } }), "214");
    expect(it.value).toBeCloseTo(2452 / 3445, 12);
    expect(it.display).toBe("71.2%");
    expect(it.status).toBe("met");
    expect(it.details).toMatchObject({ fraction: "2452/3445", ruralTilt: true });
  });

  it("214 fails without the rural tilt, and below 50%", () => {
    expect(itemOf(goodCounty({ numbers: { qualityHighSchoolAdmissions: 3445, quotaToSchools: 2452 }, flags: { quotaRuralTilt: false } }), "214").status).toBe("unmet");
    expect(itemOf(goodCounty({ numbers: { qualityHighSchoolAdmissions: 1000, quotaToSchools: 499 } }), "214").status).toBe("unmet");
    expect(itemOf(goodCounty({ numbers: { qualityHighSchoolAdmissions: 1000, quotaToSchools: 500 } }), "214").status).toBe("met");
  });

  it("302: (124 + 434 + 67 + 48) / 677 = 99.4% from the four parts", () => {
    // 綦江 指标302: 适龄残疾少儿677人，本区特教124、随班就读434、区外67、其他48，入学率99.4%.
    const county = goodCounty({
      numbers: {
        disabledChildren: 677,
        disabledEnrolled: null,
        disabledInSpecialSchool: 124,
        disabledInRegularClass: 434,
        disabledOutside: 67,
        disabledOther: 48,
      },
    });
    const it = itemOf(county, "302");
    expect(it.value).toBeCloseTo(673 / 677, 12);
    expect(it.display).toBe("99.4%");
    expect(it.status).toBe("met");
    expect(it.details).toMatchObject({ enrolled: 673, children: 677, disabledOther: 48 });
  });

  it("211: 346 rotated of 1153 eligible → 30.0%; 103 骨干 = 29.8% of rotated", () => {
    // 綦江 指标211: 交流轮岗教师346名，占符合交流条件教师数的30%；骨干103名，占交流教师数的29%.
    // The report does not give the eligible count: 1153 is chosen so that 346/1153 = 30.0% (hand).
    const it = itemOf(goodCounty({ numbers: { rotationEligible: 1153, rotatedTeachers: 346, rotatedBackbone: 103 } }), "211");
    expect(it.value).toBeCloseTo(346 / 1153, 12);
    expect(it.details!.backboneShare).toBeCloseTo(103 / 346, 12);
    expect(it.display).toBe("交流346人，占30.0%；其中骨干103人，占29.8%");
    expect(it.status).toBe("met");
  });

  it("211 needs both ratios: 9.9% rotated or 19% backbone fails", () => {
    expect(itemOf(goodCounty({ numbers: { rotationEligible: 1000, rotatedTeachers: 99, rotatedBackbone: 50 } }), "211").status).toBe("unmet");
    expect(itemOf(goodCounty({ numbers: { rotationEligible: 1000, rotatedTeachers: 100, rotatedBackbone: 19 } }), "211").status).toBe("unmet");
    expect(itemOf(goodCounty({ numbers: { rotationEligible: 1000, rotatedTeachers: 100, rotatedBackbone: 20 } }), "211").status).toBe("met");
  });

  it("215: 2764 / 2764 = 100%", () => {
    // 綦江 指标215: 随迁子女2764人（在公办校和民办校就读2764人，就读比例100%）.
    const it = itemOf(goodCounty({ numbers: { migrantChildren: 2764, migrantInPublic: 2764 } }), "215");
    expect(it.value).toBe(1);
    expect(it.display).toBe("100.0%");
    expect(it.status).toBe("met");
    expect(itemOf(goodCounty({ numbers: { migrantChildren: 100, migrantInPublic: 84 } }), "215").status).toBe("unmet");
  });

  it("309 待监测 and 社会认可度 调查中 are pending, keeping the verdict open", () => {
    // 綦江: 指标309 学业水平待明年接受国家义务教育质量监测；社会认可度 正接受市级调查.
    const a = assess(
      dataset(two(), goodCounty({ numbers: { qualityMonitoringGap: "pending", socialRecognition: "pending" }, flags: { qualityMonitoringLevel: "pending" } })),
    );
    const i309 = a.items.find((i) => i.code === "309")!;
    const rec = a.items.find((i) => i.code === "recognition")!;
    expect([i309.status, i309.display]).toEqual(["pending", "待监测"]);
    expect([rec.status, rec.display]).toEqual(["pending", "调查中"]);
    expect(a.verdict.recognised).toBeNull();
    expect(a.verdict.blockers).toEqual([]);
    expect(a.verdict.pending).toEqual(["指标309 义务教育质量监测：待接受国家义务教育质量监测", "社会认可度：社会认可度调查中"]);
  });
});

describe("other county items", () => {
  it("213: 小学 must be 100%, 初中 ≥ 95%", () => {
    expect(itemOf(goodCounty({ numbers: { nearbyPrimaryRate: 1, nearbyJuniorRate: 0.95 } }), "213").status).toBe("met");
    expect(itemOf(goodCounty({ numbers: { nearbyPrimaryRate: 0.999, nearbyJuniorRate: 1 } }), "213").status).toBe("unmet");
    expect(itemOf(goodCounty({ numbers: { nearbyPrimaryRate: 1, nearbyJuniorRate: 0.949 } }), "213").status).toBe("unmet");
  });

  it("301: entered rate, or graduates / (entrants + in − out)", () => {
    expect(itemOf(goodCounty({ numbers: { juniorRetentionRate: 0.95 } }), "301").status).toBe("met");
    // 960 / (1000 + 20 − 30) = 960/990 = 96.97% (hand).
    const it = itemOf(
      goodCounty({ numbers: { juniorRetentionRate: null, juniorGraduates: 960, juniorEntrants: 1000, juniorTransfersIn: 20, juniorTransfersOut: 30 } }),
      "301",
    );
    expect(it.value).toBeCloseTo(960 / 990, 12);
    expect(it.display).toBe("97.0%");
    expect(it.status).toBe("met");
    // 940/990 = 94.9% → unmet.
    expect(itemOf(goodCounty({ numbers: { juniorRetentionRate: null, juniorGraduates: 940, juniorEntrants: 1000, juniorTransfersIn: 20, juniorTransfersOut: 30 } }), "301").status).toBe("unmet");
    const none = itemOf(goodCounty({ numbers: { juniorRetentionRate: null } }), "301");
    expect([none.status, none.reason]).toEqual(["skipped", "未填写「初中三年巩固率」"]);
  });

  it("207 ≥ 6000 元, 208 teacher ≥ civil servant, 206 是", () => {
    expect(itemOf(goodCounty({ numbers: { specialEdFundsPerStudent: 5999 } }), "207").status).toBe("unmet");
    expect(itemOf(goodCounty({ numbers: { teacherSalary: 100000, civilServantSalary: 100000 } }), "208").status).toBe("met");
    expect(itemOf(goodCounty({ numbers: { teacherSalary: 99999, civilServantSalary: 100000 } }), "208").status).toBe("unmet");
    expect(itemOf(goodCounty({ flags: { smallSchoolFunding: false } }), "206").status).toBe("unmet");
  });

  it("309: Ⅲ级 and gap < 0.15 (strictly)", () => {
    expect(itemOf(goodCounty({ numbers: { qualityMonitoringGap: 0.15 } }), "309").status).toBe("unmet");
    expect(itemOf(goodCounty({ numbers: { qualityMonitoringGap: 0.149 } }), "309").status).toBe("met");
    expect(itemOf(goodCounty({ flags: { qualityMonitoringLevel: false } }), "309").status).toBe("unmet");
  });

  it("qualitative items take the entered 自评结论 and keep the note", () => {
    const it = itemOf(goodCounty({ qualitative: { "306": false }, qualitativeNotes: { "306": "劳动教育课时不足" } }), "306");
    expect([it.name, it.status, it.display]).toEqual(["五育并举", "unmet", "未达标"]);
    expect(it.details).toEqual({ note: "劳动教育课时不足" });
    expect(itemOf(goodCounty({ qualitative: { "201": "pending" } }), "201").status).toBe("pending");
  });

  it("missing or invalid entries are skipped with a reason", () => {
    const miss = itemOf(goodCounty({ numbers: { migrantChildren: null } }), "215");
    expect([miss.status, miss.reason]).toEqual(["skipped", "未填写「随迁子女总数」"]);
    const bad = itemOf(goodCounty({ invalid: ["quotaToSchools"] }), "214");
    expect([bad.status, bad.reason]).toEqual(["skipped", "「优质高中指标到校数」数据有误"]);
  });
});

describe("一票否决", () => {
  it("any 是 blocks recognition", () => {
    const a = assess(dataset(two(), goodCounty({ vetoes: { keySchools: true } })));
    const it = a.items.find((i) => i.code === "veto")!;
    expect([it.status, it.display]).toEqual(["unmet", "存在：设重点校或重点班"]);
    expect(a.verdict.recognised).toBe(false);
    expect(a.verdict.blockers).toEqual(["一票否决：存在设重点校或重点班"]);
  });
  it("all 否 → met; an unanswered one keeps the verdict open", () => {
    expect(itemOf(goodCounty(), "veto").status).toBe("met");
    const it = itemOf(goodCounty({ vetoes: { falsification: null } }), "veto");
    expect([it.status, it.reason]).toEqual(["skipped", "未填写：弄虚作假"]);
  });
});

describe("items[] and the overall verdict", () => {
  it("covers 101–309, 社会认可度, 一票否决 in report order", () => {
    const a = assess(dataset(two()));
    const codes = a.items.map((i) => i.code);
    expect(codes).toEqual(ITEM_ORDER);
    expect(codes).toHaveLength(7 + 15 + 9 + 2);
    expect(codes.slice(0, 8)).toEqual(["101", "102", "103", "104", "105", "106", "107", "201"]);
    expect(codes.slice(-3)).toEqual(["309", "recognition", "veto"]);
    expect(a.items.find((i) => i.code === "214")!.area).toBe("government");
    expect(a.items.find((i) => i.code === "305")!.area).toBe("quality");
  });

  it("a fully compliant county is recognised", () => {
    const a = assess(dataset(two()));
    expect(a.items.filter((i) => i.status !== "met").map((i) => [i.code, i.reason])).toEqual([]);
    expect(a.verdict).toEqual({ recognised: true, blockers: [], pending: [] });
  });

  it("blockers name failing units and unmet items in report order", () => {
    const a = assess(
      dataset(
        [primarySchool("甲小学", { multimediaRooms: 10 }), primarySchool("乙小学"), juniorSchool("丙中学"), juniorSchool("丁中学")],
        goodCounty({ numbers: { qualityHighSchoolAdmissions: 1000, quotaToSchools: 480 } }),
      ),
    );
    expect(a.verdict.recognised).toBe(false);
    expect(a.verdict.blockers[0]).toBe("资源配置：小学有1个监测点未达到“至少6项指标达标、余项不低于85%”的要求（甲小学）");
    expect(a.verdict.blockers).toContain("指标214 优质高中招生名额分配：未达标（48.0%，要求优质高中招生名额分配比例不低于50%，并向农村初中倾斜）");
  });

  it("106 summarises per group like the report: 小学 56/69 达标、13 基本达标", () => {
    // 綦江 指标106: 全区69所小学学校中有56所达标、13所基本达标；25所初中学校中有19所达标、6所基本达标.
    const schools = [
      ...Array.from({ length: 69 }, (_, i) => primarySchool(`小学${i}`, { equipmentValue: i < 56 ? 210 : 190 })), // 1900 元 = basic
      ...Array.from({ length: 25 }, (_, i) => juniorSchool(`初中${i}`, { equipmentValue: i < 19 ? 260 : 240 })), // 2400 元 = basic
    ];
    const a = assess(dataset(schools));
    const it = a.items.find((i) => i.code === "106")!;
    expect(it.display).toBe("小学 56/69 达标、13 基本达标；初中 19/25 达标、6 基本达标");
    expect(it.status).toBe("met");
    expect(a.counts.primary.indicators["106"]).toEqual({ met: 56, basic: 13, unmet: 0, error: 0, skipped: 0, total: 69 });
    expect(a.counts.primary.passing).toBe(69);
    expect(a.counts.junior.units).toBe(25);
  });
});

describe("shared name tables", () => {
  it("county item names are the 项目 of template.md §2", () => {
    // template.md §2 table, verbatim.
    const names = Object.values(COUNTY_ITEMS).map((d) => d.name);
    for (const n of [
      "特殊教育学校生均公用经费",
      "城镇公办小学就近入学比例",
      "教师年均工资收入",
      "城镇公办初中就近入学比例",
      "公务员年均工资收入",
      "优质高中招生总数",
      "符合交流条件教师数",
      "优质高中指标到校数",
      "交流轮岗教师数",
      "指标到校向农村初中倾斜",
      "交流轮岗骨干教师数",
      "随迁子女总数",
      "教学点按100人核定公用经费",
      "随迁子女在公办及政府购买服务民办学校就读数",
      "初中三年巩固率",
      "适龄残疾儿童少年数",
      "残疾儿童少年入学数",
      "质量监测达Ⅲ级以上",
      "质量监测校际差异率",
      "社会认可度",
    ]) {
      expect(names).toContain(n);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(QUALITATIVE_ITEMS["202"]).toBe("四统一");
    expect(VETO_ITEMS.examAdmission).toBe("以考试方式招生");
  });
});
