/**
 * Per-school checks 203/204/205/303/304 and their county items (indicators.md §4, §5).
 */
import { assess, classSizeStatus, requiredRooms, NATIONAL_2017, resolveProfile } from "./engineApi";
import { dataset, juniorSchool, primarySchool, school } from "./helpers";

describe("203 音乐/美术专用教室: ceil(classes/12), at least 1", () => {
  it("required rooms per the national rule", () => {
    // 每12个班级1间: 12 → 1, 13 → 2, 24 → 2, 25 → 3, 5 → 1 (at least one), 0 → 0 (hand).
    expect([12, 13, 24, 25, 5, 0].map((c) => requiredRooms(c, NATIONAL_2017))).toEqual([1, 2, 2, 3, 1, 0]);
    const floor = resolveProfile(NATIONAL_2017, { roomRounding: "floor" });
    expect([12, 13, 24, 25, 5].map((c) => requiredRooms(c, floor))).toEqual([1, 1, 2, 2, 1]);
  });

  it("both kinds must reach the requirement", () => {
    // 25 classes → 3 rooms each.
    const a = assess(
      dataset([
        primarySchool("够", { primaryClasses: 25, musicRooms: 3, artRooms: 3 }),
        primarySchool("缺美术", { primaryClasses: 25, musicRooms: 3, artRooms: 2 }),
      ]),
    );
    expect(a.schools[0].rooms).toEqual({ status: "met", required: { primary: 3, junior: 0, total: 3 }, music: 3, art: 3 });
    expect(a.schools[1].rooms.status).toBe("unmet");
    const item = a.items.find((i) => i.code === "203")!;
    expect(item.status).toBe("unmet");
    expect(item.details).toMatchObject({ primaryRequired: 6, primaryMusic: 6, primaryArt: 5 });
    expect(item.display).toBe("小学应配各6间，实有音乐6间、美术5间");
  });

  it("a multi-section school's verdict uses all its classes; the per-section figures stay for the groups", () => {
    // 小学 13 classes → 2, 初中 6 classes → 1 (group 应配 totals); the school: ceil(19/12) = 2 (indicators.md §4).
    const s = school("九年", "九年一贯制学校", { primaryStudents: 500, juniorStudents: 250, primaryClasses: 13, juniorClasses: 6, musicRooms: 3, artRooms: 3 });
    const a = assess(dataset([s]));
    expect(a.schools[0].rooms.required).toEqual({ primary: 2, junior: 1, total: 2 });
    expect(a.schools[0].rooms.status).toBe("met");
    const d = a.items.find((i) => i.code === "203")!.details!;
    expect([d.primaryRequired, d.juniorRequired, d.primaryMusic, d.juniorMusic]).toEqual([2, 1, 2, 1]);
    // counted in both groups
    expect(a.counts.primary.checks["203"].met).toBe(1);
    expect(a.counts.junior.checks["203"].met).toBe(1);
  });
});

describe("203: a 九年一贯制 school with 38 + 13 classes needs 5 rooms of each kind, not 4 + 2", () => {
  // indicators.md §4: ceil((38 + 13) / 12) = ceil(4.25) = 5 (hand); the old per-section sum gave 6.
  const nine = (rooms: number) =>
    school(`九年${rooms}`, "九年一贯制学校", { primaryStudents: 1700, juniorStudents: 600, primaryClasses: 38, juniorClasses: 13, musicRooms: rooms, artRooms: rooms });
  it("5 rooms pass, 4 do not", () => {
    const a = assess(dataset([nine(5), nine(4)]));
    expect(a.schools[0].rooms).toEqual({ status: "met", required: { primary: 4, junior: 2, total: 5 }, music: 5, art: 5 });
    expect(a.schools[1].rooms.status).toBe("unmet");
    // The group 应配 totals keep the per-section requirement: 小学 4 + 4, 初中 2 + 2.
    const d = a.items.find((i) => i.code === "203")!.details!;
    expect([d.primaryRequired, d.juniorRequired]).toEqual([8, 4]);
  });
});

describe("204 办学规模", () => {
  it("≤ 2000, 九年/十二年一贯制 ≤ 2500", () => {
    const a = assess(
      dataset([
        primarySchool("2000", { primaryStudents: 2000 }),
        primarySchool("2001", { primaryStudents: 2001 }),
        school("九年2500", "九年一贯制学校", { primaryStudents: 1500, juniorStudents: 1000 }),
        school("九年2501", "九年一贯制学校", { primaryStudents: 1500, juniorStudents: 1001 }),
        // 完全中学: only 初中 students count (高中 is outside compulsory education).
        school("完中", "完全中学", { juniorStudents: 1500, seniorStudents: 2000 }),
      ]),
    );
    expect(a.schools.map((s) => s.scale.status)).toEqual(["met", "unmet", "met", "unmet", "met"]);
    expect(a.schools[2].scale).toMatchObject({ students: 2500, limit: 2500 });
    expect(a.schools[4].scale.students).toBe(1500);
    expect(a.items.find((i) => i.code === "204")!.status).toBe("unmet");
  });

  it("optional 基本达标 band (default none)", () => {
    const ds = dataset([primarySchool("2200", { primaryStudents: 2200 })]);
    expect(assess(ds).schools[0].scale.status).toBe("unmet");
    const banded = assess(ds, { scaleBasicLimit: { default: 2400 } });
    expect(banded.schools[0].scale.status).toBe("basic");
    expect(banded.counts.primary.checks["204"]).toMatchObject({ basic: 1, total: 1 });
    // A configured band is a provincial relaxation: 基本达标 does not block the item.
    expect(banded.items.find((i) => i.code === "204")!.status).toBe("met");
  });
});

describe("205 班额 per section: 45/50, 大班额 56", () => {
  it("bands", () => {
    const p = NATIONAL_2017;
    expect([45, 46, 55, 56].map((n) => classSizeStatus(n, "primary", p))).toEqual(["met", "basic", "basic", "unmet"]);
    expect([50, 51, 55, 56, 66].map((n) => classSizeStatus(n, "junior", p))).toEqual(["met", "basic", "basic", "unmet", "unmet"]);
  });

  it("county item requires every section 达标, and states 无56人及以上大班额", () => {
    const a = assess(dataset([primarySchool("甲", { primaryMaxClassSize: 45 }), primarySchool("乙", { primaryMaxClassSize: 50 }), juniorSchool("丙", { juniorMaxClassSize: 50 })]));
    const it = a.items.find((i) => i.code === "205")!;
    expect(it.status).toBe("unmet");
    expect(it.display).toBe("小学 1/2 达标、1 基本达标；初中 1/1 达标；无56人及以上大班额");
    expect(it.details!.noLargeClasses).toBe(true);
    expect(a.counts.primary.checks["205"]).toMatchObject({ met: 1, basic: 1, total: 2 });
    // Provinces that accept 基本达标 sections can say so in the profile.
    expect(assess(dataset([primarySchool("乙", { primaryMaxClassSize: 50 })]), { classSizeBasicAccepted: true }).items.find((i) => i.code === "205")!.status).toBe("met");
  });

  it("a 大班额 removes the sentence", () => {
    const it = assess(dataset([primarySchool("甲", { primaryMaxClassSize: 56 })])).items.find((i) => i.code === "205")!;
    expect(it.details!.noLargeClasses).toBe(false);
    expect(it.display).not.toContain("大班额");
  });
});

describe("304 教师培训经费 ≥ 5% 公用经费, 303 章程", () => {
  it("5% exactly is met, 4.99% is not", () => {
    const a = assess(dataset([primarySchool("甲", { publicFunds: 100, trainingFunds: 5 }), primarySchool("乙", { publicFunds: 100, trainingFunds: 4.99 })]));
    expect(a.schools[0].trainingFunds).toEqual({ status: "met", ratio: 0.05 });
    expect(a.schools[1].trainingFunds.status).toBe("unmet");
  });

  it("county figure from the seed report: 384.35 / 5149.21 = 7.46%", () => {
    // qijiang report 指标304: 公用经费预算总额5149.21万元，教师培训费预算384.35万元，占7.46%.
    // Split over two schools by hand: 200 + 184.35 and 2600 + 2549.21.
    const a = assess(dataset([primarySchool("甲", { publicFunds: 2600, trainingFunds: 200 }), primarySchool("乙", { publicFunds: 2549.21, trainingFunds: 184.35 })]));
    const it = a.items.find((i) => i.code === "304")!;
    expect(it.value).toBeCloseTo(384.35 / 5149.21, 12);
    expect(it.display).toBe("7.46%");
    expect(it.status).toBe("met");
    expect(it.details).toMatchObject({ schoolsMet: 2, schools: 2 });
  });

  it("303 every school has a 章程", () => {
    const a = assess(dataset([primarySchool("甲"), primarySchool("乙", {}, { charter: false })]));
    expect(a.schools[1].charter.status).toBe("unmet");
    const it = a.items.find((i) => i.code === "303")!;
    expect(it.status).toBe("unmet");
    expect(it.display).toBe("1/2所学校有章程");
  });
});

describe("absent columns skip the checks that need them", () => {
  it("no 教师培训经费 column: 304 skipped everywhere and listed", () => {
    const a = assess(dataset([primarySchool("甲", { trainingFunds: null })], undefined, ["trainingFunds"]));
    expect(a.schools[0].trainingFunds).toEqual({ status: "skipped", ratio: null, reason: "缺少「教师培训经费」列" });
    expect(a.skipped).toEqual([{ code: "304", reason: "缺少「教师培训经费」列" }]);
    const it = a.items.find((i) => i.code === "304")!;
    expect(it.status).toBe("skipped");
    expect(it.reason).toBe("缺少「教师培训经费」列");
    expect(a.verdict.recognised).toBeNull();
    expect(a.verdict.pending).toContain("指标304 教师培训经费：未评估（缺少「教师培训经费」列）");
  });

  it("no 学校章程 column: 303 skipped", () => {
    const a = assess(dataset([primarySchool("甲", {}, { charter: null })], undefined, ["charter"]));
    expect(a.schools[0].charter.status).toBe("skipped");
    expect(a.skipped.map((s) => s.code)).toEqual(["303"]);
  });

  it("a bad cell is an error for that school only", () => {
    const a = assess(dataset([primarySchool("坏", {}, { invalid: ["primaryMaxClassSize"] }), primarySchool("好")]));
    expect(a.schools[0].classSize.primary).toEqual({ status: "error", maxClassSize: null, reason: "「小学最大班额」数据有误" });
    expect(a.schools[1].classSize.primary!.status).toBe("met");
    expect(a.items.find((i) => i.code === "205")!.status).toBe("skipped");
  });
});

describe("209 / 212 county totals over schools", () => {
  it("trained and certified over teachers = 100%", () => {
    const a = assess(
      dataset([
        primarySchool("甲", { teachers: 60, trainedTeachers: 60, certifiedTeachers: 60 }),
        primarySchool("乙", { teachers: 40, trainedTeachers: 39, certifiedTeachers: 40 }),
      ]),
    );
    const i209 = a.items.find((i) => i.code === "209")!;
    expect(i209.value).toBeCloseTo(0.99, 12); // 99/100
    expect(i209.status).toBe("unmet");
    expect(i209.display).toBe("99.0%");
    const i212 = a.items.find((i) => i.code === "212")!;
    expect(i212.status).toBe("met");
    expect(i212.details!.fraction).toBe("100/100");
  });
});
