/**
 * 资源配置 units (indicators.md §1, §2): sections, split, statuses, the 6-of-7 rule, exclusions,
 * errors and gaps. Expected values are hand calculations stated beside each assertion.
 */
import { assess, assessed, ceilTo, gapOf, statusOf, NATIONAL_2017 } from "./engineApi";
import { dataset, juniorSchool, primarySchool, school } from "./helpers";
import type { UnitResult } from "../../src/engine/types";

const unit = <U extends UnitResult>(units: U[], name: string, section: "primary" | "junior") =>
  units.find((u) => u.school === name && u.section === section)!;

describe("weighted split of facilities (indicators.md §2.1)", () => {
  // Worked check of indicators.md §2.1: A=166, B=210, 23 226 → weighted students 166 + 1.1×210 = 397;
  // 小学 23 226×166/397 = 9 711.63, 初中 23 226×231/397 = 13 514.37 (published 9 711 / 13 515 after
  // rounding 23 226/397 to 58.5 first — we do not round).
  const nine = school("九年制学校", "九年一贯制学校", {
    primaryStudents: 166,
    juniorStudents: 210,
    equipmentValue: 2.3226, // 万元 = 23 226 元
    teachingArea: 23226,
  });

  it("九年一贯制: 9 711.63 / 13 514.37", () => {
    const a = assessed(dataset([nine]));
    const p = unit(a.units, "九年制学校", "primary");
    const j = unit(a.units, "九年制学校", "junior");
    expect(p.facilityShare).toBeCloseTo(166 / 397, 12);
    expect(p.indicators["104"].numerator).toBeCloseTo(9711.63, 2);
    expect(j.indicators["104"].numerator).toBeCloseTo(13514.37, 2);
    expect(p.indicators["106"].numerator).toBeCloseTo(9711.63, 2); // 元
    // Not the published figures, which come from rounding 58.5 per weighted student first.
    expect(p.indicators["104"].numerator).not.toBe(9711);
    expect(j.indicators["104"].numerator).not.toBe(13515);
    expect(p.indicators["104"].numerator! + j.indicators["104"].numerator!).toBeCloseTo(23226, 8);
    expect(p.indicators["104"].field).toBe("teachingArea");
  });

  it("split switch off: plain students 166/376", () => {
    const a = assessed(dataset([nine]), { splitFacilities: false });
    expect(a.splitFacilities).toBe(false);
    expect(unit(a.units, "九年制学校", "primary").facilityShare).toBeCloseTo(166 / 376, 12);
  });

  it("十二年一贯制: 小学 A/(A+1.1B+1.32C), 初中 1.1B/(…); 高中 only weights", () => {
    // A=300, B=200, C=100 → 300 + 220 + 132 = 652 (hand).
    const s = school("十二年制", "十二年一贯制学校", { primaryStudents: 300, juniorStudents: 200, seniorStudents: 100, teachingArea: 6520 });
    const a = assessed(dataset([s]));
    expect(a.units.map((u) => u.section)).toEqual(["primary", "junior"]);
    expect(unit(a.units, "十二年制", "primary").indicators["104"].numerator).toBeCloseTo(3000, 9); // 6520×300/652
    expect(unit(a.units, "十二年制", "junior").indicators["104"].numerator).toBeCloseTo(2200, 9); // 6520×220/652
  });

  it("完全中学: one 初中 unit with share 1.1B/(1.1B+1.32C) = B/(B+1.2C)", () => {
    // B=200, C=100: 220/352 = 0.625 = 200/320 (hand).
    const s = school("完中", "完全中学", { juniorStudents: 200, seniorStudents: 100, sportsArea: 3520 });
    const a = assessed(dataset([s]));
    expect(a.units).toHaveLength(1);
    expect(a.units[0].section).toBe("junior");
    expect(a.units[0].facilityShare).toBeCloseTo(0.625, 12);
    expect(a.units[0].indicators["105"].numerator).toBeCloseTo(2200, 9);
  });

  it("section-specific facility columns are used as entered", () => {
    const s = school("九年制", "九年一贯制学校", {
      primaryStudents: 166,
      juniorStudents: 210,
      teachingArea: 23226,
      primaryTeachingArea: 8000,
      juniorTeachingArea: 15226,
    });
    const a = assessed(dataset([s]));
    expect(unit(a.units, "九年制", "primary").indicators["104"].numerator).toBe(8000);
    expect(unit(a.units, "九年制", "primary").indicators["104"].field).toBe("primaryTeachingArea");
    expect(unit(a.units, "九年制", "junior").indicators["104"].numerator).toBe(15226);
  });

  it("teacher counts are entered per section and not split", () => {
    const s = school("九年制", "九年一贯制学校", { primaryStudents: 100, juniorStudents: 100, primaryQualifiedTeachers: 5, juniorQualifiedTeachers: 7 });
    const a = assessed(dataset([s]));
    expect(unit(a.units, "九年制", "primary").indicators["101"].value).toBeCloseTo(5, 12);
    expect(unit(a.units, "九年制", "junior").indicators["101"].value).toBeCloseTo(7, 12);
  });
});

describe("status of one indicator (indicators.md §2.2)", () => {
  it("exactly T is met: 21 teachers / 500 students = 4.2", () => {
    const a = assessed(dataset([primarySchool("甲", { primaryStudents: 500, primaryQualifiedTeachers: 21 })]));
    const r = a.units[0].indicators["101"];
    expect(r.value).toBeCloseTo(4.2, 12);
    expect(r.status).toBe("met");
    expect(r.gap).toBeNull();
  });

  it("floating-point noise below T still counts as met: 9 体艺教师 / 1000 students = 0.9", () => {
    // In binary, 9/1000×100 = 0.8999999999999999 < 0.9; exact arithmetic says 0.9 = T (小学 103).
    expect((9 / 1000) * 100).toBeLessThan(0.9);
    const r = assessed(dataset([primarySchool("甲", { primaryPeArtTeachers: 9 })])).units[0].indicators["103"];
    expect(r.status).toBe("met");
    // The tolerance is relative 1e-9: 1e-12 below passes, 1e-6 below does not.
    expect(statusOf(0.9 * (1 - 1e-12), 0.9, NATIONAL_2017)).toBe("met");
    expect(statusOf(0.9 * (1 - 1e-6), 0.9, NATIONAL_2017)).toBe("basic");
  });

  it("exactly 0.85·T is 基本达标, just below is 未达标 (compared unrounded)", () => {
    // 104 小学 T = 4.5, 0.85·T = 3.825: 1000 students × 3.825 = 3825 ㎡ (hand).
    const at = assessed(dataset([primarySchool("甲", { teachingArea: 3825 })])).units[0].indicators["104"];
    expect(at.status).toBe("basic");
    const below = assessed(dataset([primarySchool("甲", { teachingArea: 3824.9 })])).units[0].indicators["104"];
    expect(below.status).toBe("unmet");
    // 初中 101: 0.85 × 5.3 = 4.505 (not rounded to 4.51, indicators.md §8): 4.505 → basic, 4.5049 → unmet.
    expect(statusOf(4.505, 5.3, NATIONAL_2017)).toBe("basic");
    expect(statusOf(4.5049, 5.3, NATIONAL_2017)).toBe("unmet");
    expect(statusOf(4.1999, 4.2, NATIONAL_2017)).toBe("basic");
  });

  it("18 of 21 required teachers: 基本达标 and 需增加 3 人 (indicators.md §2.4 example)", () => {
    // 18/500×100 = 3.6 ≥ 0.85×4.2 = 3.57 → basic; need 4.2×500/100 = 21 → 3 more.
    const r = assessed(dataset([primarySchool("甲", { primaryStudents: 500, primaryQualifiedTeachers: 18 })])).units[0].indicators["101"];
    expect(r.status).toBe("basic");
    expect(r.gap).toEqual({ amount: 3, unit: "人", what: "高于规定学历教师", text: "需增加高于规定学历教师 3 人" });
  });
});

describe("unit verdict: ≥ 6 of 7 met and none unmet (indicators.md §2.3)", () => {
  it("6 met + 1 basic passes", () => {
    const u = assessed(dataset([primarySchool("甲", { teachingArea: 4000 })])).units[0]; // 4.0 of 4.5 → basic
    expect([u.metCount, u.basicCount, u.unmetCount]).toEqual([6, 1, 0]);
    expect(u.pass).toBe(true);
  });
  it("5 met + 2 basic fails", () => {
    const u = assessed(dataset([primarySchool("甲", { teachingArea: 4000, sportsArea: 7000 })])).units[0]; // 7.0 of 7.5 → basic
    expect([u.metCount, u.basicCount]).toEqual([5, 2]);
    expect(u.pass).toBe(false);
  });
  it("6 met + 1 unmet fails", () => {
    const u = assessed(dataset([primarySchool("甲", { multimediaRooms: 10 })])).units[0]; // 1.0 < 0.85×2.3
    expect([u.metCount, u.unmetCount]).toEqual([6, 1]);
    expect(u.pass).toBe(false);
  });
  it("7 met but one error fails", () => {
    const u = assessed(dataset([primarySchool("甲", {}, { invalid: ["sportsArea"] })])).units[0];
    expect(u.errorCount).toBe(1);
    expect(u.indicators["105"].status).toBe("error");
    expect(u.indicators["105"].errorReason).toBe("「体育运动场馆面积」数据有误");
    expect(u.pass).toBe(false);
  });
  it("minMetIndicators is a profile field", () => {
    const u = assessed(dataset([primarySchool("甲", { teachingArea: 4000, sportsArea: 7000 })]), { minMetIndicators: 5 }).units[0];
    expect(u.pass).toBe(true);
  });
});

describe("sections and exclusions (indicators.md §1)", () => {
  it("九年一贯制 gives 小学 and 初中 units, 教学点 a 小学 unit", () => {
    const a = assess(
      dataset([
        school("九年", "九年一贯制学校", { primaryStudents: 300, juniorStudents: 200 }),
        school("点", "教学点", { primaryStudents: 60 }),
      ]),
    );
    expect(a.units.map((u) => [u.school, u.section, u.included])).toEqual([
      ["九年", "primary", true],
      ["九年", "junior", true],
      ["点", "primary", true],
    ]);
  });

  it("教学点 under 50 is excluded, 50 is included, 参评=是 forces inclusion", () => {
    const a = assess(
      dataset([
        school("点49", "教学点", { primaryStudents: 49 }),
        school("点50", "教学点", { primaryStudents: 50 }),
        school("点30参评", "教学点", { primaryStudents: 30 }, { participate: true }),
      ]),
    );
    expect(a.units.map((u) => u.included)).toEqual([false, true, true]);
    expect(a.units[0].excludedReason).toBe("教学点在校生不足50人");
    expect(a.exclusions).toEqual([{ school: "点49", section: "primary", reason: "教学点在校生不足50人" }]);
  });

  it("特殊教育学校 and 参评=否 are excluded with reasons; 民办 is included", () => {
    const a = assess(
      dataset([
        school("特校", "特殊教育学校", { primaryStudents: 80, juniorStudents: 40 }),
        primarySchool("不参评小学", {}, { participate: false }),
        primarySchool("民办小学", {}, { ownership: "民办" }),
      ]),
    );
    expect(a.exclusions).toEqual([
      { school: "特校", section: "primary", reason: "特殊教育学校，不参与资源配置评估" },
      { school: "特校", section: "junior", reason: "特殊教育学校，不参与资源配置评估" },
      { school: "不参评小学", section: "primary", reason: "参评=否" },
    ]);
    expect(unit(a.units, "民办小学", "primary").included).toBe(true);
    expect(a.counts.primary.units).toBe(1);
    // Schools outside the assessment have their checks skipped with the reason.
    expect(a.schools[1].scale.status).toBe("skipped");
    expect(a.schools[1].scale.reason).toBe("未参评（参评=否）");
  });

  it("a section with no students gives no included unit but is still listed", () => {
    const a = assessed(dataset([school("九年", "九年一贯制学校", { primaryStudents: 300, juniorStudents: 0, teachingArea: 2000 })]));
    const j = unit(a.units, "九年", "junior");
    expect(j.included).toBe(false);
    expect(j.excludedReason).toBe("无初中在校生");
    // With no junior students the whole facility goes to the 小学 section.
    expect(unit(a.units, "九年", "primary").facilityShare).toBe(1);
  });

  it("an unrecognised type is an error for its units, with a Chinese reason", () => {
    const a = assessed(dataset([school("怪校", null, { primaryStudents: 300 })]));
    expect(a.units).toHaveLength(1);
    expect(a.units[0].included).toBe(true);
    expect(a.units[0].errorCount).toBe(7);
    expect(a.units[0].indicators["101"].errorReason).toBe("学校类型无法识别");
    expect(a.verdict.pending[0]).toContain("数据有误");
  });

  it("bad students cell: every indicator of the unit is an error; other schools unaffected", () => {
    const a = assessed(dataset([primarySchool("坏", {}, { invalid: ["primaryStudents"] }), primarySchool("好")]));
    expect(a.units[0].errorCount).toBe(7);
    expect(a.units[0].indicators["104"].errorReason).toBe("「小学在校生数」数据有误");
    expect(a.units[1].pass).toBe(true);
  });

  it("an empty numerator cell is an error (not silently 0)", () => {
    const a = assessed(dataset([primarySchool("甲", { primaryBackboneTeachers: null })]));
    expect(a.units[0].indicators["102"].status).toBe("error");
    expect(a.units[0].indicators["102"].errorReason).toBe("「小学骨干教师数」未填写");
  });
});

describe("gaps (indicators.md §2.4)", () => {
  it("㎡ to 1 decimal rounded up", () => {
    // 333 students × 4.5 = 1498.5 ㎡ needed; have 1000.04 → 498.46 → 498.5.
    const r = assessed(dataset([primarySchool("甲", { primaryStudents: 333, teachingArea: 1000.04 })])).units[0].indicators["104"];
    expect(r.gap!.amount).toBe(498.5);
    expect(r.gap!.text).toBe("需增加教学及辅助用房 498.5 ㎡");
  });
  it("万元 to 2 decimals rounded up", () => {
    // 333 × 2000 = 666 000 元 needed; have 50.001 万元 = 500 010 元 → 165 990 元 = 16.599 万元 → 16.60.
    const r = assessed(dataset([primarySchool("甲", { primaryStudents: 333, equipmentValue: 50.001 })])).units[0].indicators["106"];
    expect(r.gap!.amount).toBe(16.6);
    expect(r.gap!.text).toBe("需增加教学仪器设备 16.60 万元");
  });
  it("rooms and backbone teachers as whole numbers", () => {
    // 107: 1000 × 2.3 / 100 = 23 rooms needed, have 20 → 3; 102: 1.0 × 1000/100 = 10, have 8 → 2.
    const u = assessed(dataset([primarySchool("甲", { multimediaRooms: 20, primaryBackboneTeachers: 8 })])).units[0];
    expect(u.indicators["107"].gap!.text).toBe("需增加网络多媒体教室 3 间");
    expect(u.indicators["102"].gap!.text).toBe("需增加骨干教师 2 人");
  });
  it("a multi-section school states the unit's facility shortfall", () => {
    // 九年 A=100, B=100: shares 100/210, 110/210. Area 900 → 初中 471.43 ㎡ for 100 students;
    // 初中 needs 5.8 × 100 = 580 → 108.57… → 108.6 ㎡ (hand).
    const s = school("九年", "九年一贯制学校", { primaryStudents: 100, juniorStudents: 100, teachingArea: 900 });
    const j = unit(assessed(dataset([s])).units, "九年", "junior").indicators["104"];
    expect(j.gap!.amount).toBe(108.6);
  });
  it("floating-point noise does not add a whole unit", () => {
    expect(ceilTo(21.000000000004, 0)).toBe(21);
    expect(ceilTo(21.0001, 0)).toBe(22);
    expect(ceilTo(0.1 + 0.2, 1)).toBe(0.3);
    // 4.2 × 500 / 100 is 21 in exact arithmetic: from 0 teachers the gap is 21, not 22.
    expect(gapOf("101", 0, 500, 4.2, true).amount).toBe(21);
  });
});

describe("junior thresholds", () => {
  it("初中 uses its own T (5.3 for 101)", () => {
    // 53 teachers / 1000 students = 5.3 → met; 52 → 5.2 → basic.
    expect(assessed(dataset([juniorSchool("甲", { juniorQualifiedTeachers: 53 })])).units[0].indicators["101"].status).toBe("met");
    expect(assessed(dataset([juniorSchool("甲", { juniorQualifiedTeachers: 52 })])).units[0].indicators["101"].status).toBe("basic");
  });
});
