/**
 * 差异系数 (indicators.md §3): student-weighted, population form; 综合 = mean of seven; verdict
 * under `each` and `composite`.
 */
import { assess, compositeCv, fixed, groupBalanceFor, weightedCv } from "./engineApi";
import { dataset, primarySchool } from "./helpers";
import type { SchoolRecord } from "../../src/engine/types";

describe("weightedCv — public 5-school check (indicators.md §3)", () => {
  // Public worked example quoted in indicators.md §3: students 45/37/89/76/55, books 279/137/935/160/402.
  const students = [45, 37, 89, 76, 55];
  const books = [279, 137, 935, 160, 402];
  const perStudent = books.map((b, i) => b / students[i]);

  it("gives X̄ = 6.334, S = 3.264, CV = 0.5153", () => {
    const s = weightedCv(perStudent, students)!;
    expect(s.mean).toBeCloseTo(6.334, 3); // published X̄
    expect(s.sd).toBeCloseTo(3.264, 3); // published S
    expect(s.cv).toBeCloseTo(0.5153, 4); // published CV
    // X̄ equals the group total ÷ group students: 1913 / 302 (hand sum).
    expect(s.mean).toBeCloseTo(1913 / 302, 12);
  });

  it("is not the unweighted CV (0.489 population / 0.546 sample)", () => {
    const s = weightedCv(perStudent, students)!;
    // An unweighted mean of the five ratios is 5.9645 (hand: (6.2+3.7027+10.5056+2.1053+7.3091)/5).
    expect(Math.abs(s.cv! - 0.489)).toBeGreaterThan(0.02);
    expect(Math.abs(s.cv! - 0.546)).toBeGreaterThan(0.02);
    const unweighted = weightedCv(perStudent, [1, 1, 1, 1, 1])!;
    expect(unweighted.mean).toBeCloseTo(5.9645, 3);
    expect(unweighted.cv).toBeCloseTo(0.489, 3); // the wrong (unweighted) figure the spec warns about
  });

  it("returns a null CV for a zero mean and null without weight", () => {
    expect(weightedCv([0, 0], [10, 20])!.cv).toBeNull();
    expect(weightedCv([1, 2], [0, 0])).toBeNull();
  });
});

// 鸠江区 2023 小学 published single-indicator CVs (indicators.md §3) and their published 综合 0.367503.
const JIUJIANG = [0.297929, 0.501787, 0.401952, 0.288419, 0.37545, 0.312782, 0.394205];

describe("compositeCv — 鸠江区 2023", () => {
  it("is the arithmetic mean of the seven: 0.367503", () => {
    expect(compositeCv(JIUJIANG)).toBeCloseTo(0.367503, 6);
  });
  it("is null when any CV is missing", () => {
    expect(compositeCv([...JIUJIANG.slice(0, 6), null])).toBeNull();
  });
  it("0.501787 prints as 0.50 but is over the limit", () => {
    expect(fixed(0.501787, 2)).toBe("0.50");
  });
});

/**
 * Two 小学 of 100 students with values M(1−c) and M(1+c): weighted mean M, population SD M·c,
 * so CV = c exactly (hand derivation). Numerators are chosen so that value = 10(1 ± c).
 */
function jiujiangSchools(): SchoolRecord[] {
  const mk = (name: string, sign: 1 | -1) => {
    const v = JIUJIANG.map((c) => 10 * (1 + sign * c));
    return primarySchool(name, {
      primaryStudents: 100,
      primaryQualifiedTeachers: v[0], // per 100 with 100 students: value = numerator
      primaryBackboneTeachers: v[1],
      primaryPeArtTeachers: v[2],
      teachingArea: v[3] * 100, // ㎡ per student: numerator = value × 100
      sportsArea: v[4] * 100,
      equipmentValue: (v[5] * 100) / 10000, // 万元 → 元 per student
      multimediaRooms: v[6],
    });
  };
  return [mk("甲小学", -1), mk("乙小学", 1)];
}

describe("group balance through assess() — verdict under each / composite", () => {
  it("reproduces the seven CVs and 综合 0.367503", () => {
    const a = assess(dataset(jiujiangSchools()));
    const g = a.balance.primary;
    ["101", "102", "103", "104", "105", "106", "107"].forEach((c, i) => {
      expect(g.indicators[c as "101"].cv).toBeCloseTo(JIUJIANG[i], 9);
      expect(g.indicators[c as "101"].mean).toBeCloseTo(10, 9);
    });
    expect(g.composite).toBeCloseTo(0.367503, 6);
    expect(g.unitCount).toBe(2);
    expect(g.students).toBe(200);
  });

  it("fails under `each` (0.501787 > 0.50) and passes under `composite`", () => {
    const each = assess(dataset(jiujiangSchools())).balance.primary;
    expect(each.rule).toBe("each");
    expect(each.pass).toBe(false);
    expect(each.passEach).toBe(false);
    expect(each.passComposite).toBe(true);
    expect(each.failing).toEqual(["102"]);
    expect(each.indicators["102"].withinLimit).toBe(false);

    const composite = assess(dataset(jiujiangSchools()), { cvRule: "composite" });
    expect(composite.cvRule).toBe("composite");
    expect(composite.balance.primary.pass).toBe(true);
    expect(composite.verdict.blockers.some((b) => b.startsWith("差异系数"))).toBe(false);
  });

  it("names the failing CV among the blockers under `each`", () => {
    const a = assess(dataset(jiujiangSchools()));
    expect(a.verdict.blockers).toContain("差异系数：小学指标102差异系数0.5018，超过0.50");
  });

  it("a CV equal to the limit passes (tolerance)", () => {
    const g = groupBalanceFor([
      [100, 5],
      [100, 15],
    ]); // mean 10, SD 5 → CV 0.5 exactly (hand)
    expect(g.indicators["101"].cv).toBeCloseTo(0.5, 12);
    expect(g.indicators["101"].withinLimit).toBe(true);
  });
});

describe("groups without a CV", () => {
  it("fewer than 2 units: no CV, a reason, no verdict", () => {
    const a = assess(dataset([primarySchool("独苗小学")]));
    const g = a.balance.primary;
    expect(g.indicators["101"].cv).toBeNull();
    expect(g.indicators["101"].reason).toContain("不足2个");
    expect(g.pass).toBeNull();
    expect(g.reason).toBeTruthy();
    // A single school has no inter-school disparity: not a blocker.
    expect(a.verdict.blockers.some((b) => b.startsWith("差异系数"))).toBe(false);
  });

  it("no junior units: the junior group says so", () => {
    const g = assess(dataset([primarySchool("甲"), primarySchool("乙")])).balance.junior;
    expect(g.pass).toBeNull();
    expect(g.reason).toContain("无参评初中监测点");
  });

  it("zero mean: no CV and says why", () => {
    const a = assess(dataset([primarySchool("甲", { primaryBackboneTeachers: 0 }), primarySchool("乙", { primaryBackboneTeachers: 0 })]));
    expect(a.balance.primary.indicators["102"].cv).toBeNull();
    expect(a.balance.primary.indicators["102"].reason).toContain("均值为0");
    expect(a.balance.primary.composite).toBeNull();
  });

  it("a unit with a data error is left out of that indicator's CV only, with a note", () => {
    const bad = primarySchool("坏小学", { primaryBackboneTeachers: 999 }, { invalid: ["primaryBackboneTeachers"] });
    const a = assess(dataset([primarySchool("甲", { primaryBackboneTeachers: 10 }), primarySchool("乙", { primaryBackboneTeachers: 30 }), bad]));
    const g = a.balance.primary;
    // 102 over 甲, 乙 only: values 1 and 3, equal weights → mean 2, SD 1, CV 0.5 (hand).
    expect(g.indicators["102"].units).toBe(2);
    expect(g.indicators["102"].cv).toBeCloseTo(0.5, 12);
    expect(g.indicators["102"].note).toContain("1个监测点");
    expect(g.indicators["101"].units).toBe(3);
  });
});
