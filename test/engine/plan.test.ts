/**
 * 整改测算 (src/engine/plan.ts). Golden figures are computed by hand in the comments (national-2017
 * thresholds, indicators.md §2, §2.1, §2.4, §3); the properties re-assess the county with the plan's
 * additions entered, through the real engine.
 */
import fc from "fast-check";
import { assess, gapUnitOf, planAdd, planRemediation, planStep, schoolTotal, unitAdds, unitSteps, SECTION_FIELDS, unitStatus, INDICATOR_CODES } from "./engineApi";
import type { Assessment, CountyDataset, IndicatorCode, ProfileOverride, RemediationPlan, SchoolRecord } from "./engineApi";
import { dataset, juniorSchool, primarySchool, school } from "./helpers";

describe("整改测算: step 1 suffices", () => {
  // 校A: 1000 students, 40 qualified teachers (4.0 < 4.2 → 42 needed, add 2), 7000 ㎡ sports area
  // (7.0 < 7.5 → 7500, add 500.0 ㎡), 190 万元 equipment (1900 元 < 2000 → 200 万元, add 10.00).
  // 校B, 校C: the defaults (all met). After step 1, 101 = 4.2, 5.0, 5.0 with equal weights:
  // mean 14.2/3 = 4.733333; deviations −0.533333, 0.266667, 0.266667; Σd²/3 = 0.426667/3 = 0.142222;
  // sd 0.377124; CV 0.079674 ≤ 0.50 — nothing for step 2.
  const a = assess(
    dataset([primarySchool("校A", { primaryQualifiedTeachers: 40, sportsArea: 7000, equipmentValue: 190 }), primarySchool("校B"), primarySchool("校C")]),
  );
  const plan = planRemediation(a);

  it("adds the gaps, step 1, and nothing else", () => {
    const A = plan.units.find((u) => u.school === "校A")!;
    expect(unitAdds(plan, A)).toEqual({ "101": 2, "102": 0, "103": 0, "104": 0, "105": 500, "106": 10, "107": 0 });
    expect(unitSteps(plan, A)).toEqual({ "101": 1, "102": 0, "103": 0, "104": 0, "105": 1, "106": 1, "107": 0 });
    for (const u of plan.units.filter((x) => x.school !== "校A")) expect(Object.values(unitAdds(plan, u)).every((x) => x === 0)).toBe(true);
    expect(plan.groups.primary.totals).toEqual({ "101": 2, "102": 0, "103": 0, "104": 0, "105": 500, "106": 10, "107": 0 });
    expect(plan.county).toEqual(plan.groups.primary.totals);
  });

  it("reports the CVs before, after step 1 and after the plan", () => {
    const b = plan.groups.primary.indicators["101"];
    expect(b.cvBefore).toBeCloseTo(a.balance.primary.indicators["101"].cv!, 12);
    expect(b.cvAfterStep1).toBeCloseTo(0.079674, 6);
    expect(b.cvAfter).toBe(b.cvAfterStep1);
    expect(b.level).toBeNull();
    expect(plan.groups.primary.passAfter).toBe(true);
  });
});

describe("整改测算: a CV stays over the limit after step 1", () => {
  // 4 小学 of 1000 students; 骨干教师 10, 10, 10, 70 → 102 = 1, 1, 1, 7 (all ≥ T = 1: no step 1).
  // mean 2.5, var = (3·1.5² + 4.5²)/4 = 6.75, CV = 2.598/2.5 = 1.039 > 0.50.
  // Water level L on the three low schools (equal weights): mean (3L+7)/4, deviations (L−7)/4 (×3)
  // and 3(7−L)/4, var = 3(7−L)²/16, CV = √3(7−L)/(3L+7). CV = 0.5 ⇔ L = (14√3 − 7)/(3 + 2√3)
  // = 17.248711/6.464102 = 2.668385 per 100 students → 26.68 teachers per school → 27, add 17 each.
  // Check: 2.7, 2.7, 2.7, 7 → CV = √3·4.3/15.1 = 0.493230 ≤ 0.5. Lowering one school to 26:
  // 2.6, 2.7, 2.7, 7 → mean 3.75, Σd² = 1.3225 + 2·1.1025 + 10.5625 = 14.09, sd = √3.5225 = 1.876833,
  // CV 0.500489 > 0.5 — so 17, 17, 17 it stays (51 in all).
  const schools = [10, 10, 10, 70].map((k, i) => primarySchool(`校${i + 1}`, { primaryBackboneTeachers: k }));
  const a = assess(dataset(schools));
  const plan = planRemediation(a);

  it("raises the three low schools to the water level, rounded to whole teachers", () => {
    expect(a.balance.primary.indicators["102"].cv).toBeCloseTo(1.03923, 5);
    const adds = plan.units.map((u) => planAdd(plan, u, "102"));
    expect(adds).toEqual([17, 17, 17, 0]);
    expect(plan.units.map((u) => planStep(plan, u, "102"))).toEqual([2, 2, 2, 0]);
    expect(plan.groups.primary.indicators["102"].level).toBeCloseTo(2.668385, 5);
    expect(plan.groups.primary.indicators["102"].cvAfterStep1).toBeCloseTo(1.03923, 5);
    expect(plan.groups.primary.indicators["102"].cvAfter).toBeCloseTo(0.49323, 5);
    expect(plan.groups.primary.totals["102"]).toBe(51);
    expect(plan.groups.primary.totalsStep1["102"]).toBe(0);
    expect(plan.groups.primary.passAfter).toBe(true);
  });

  it("under cvRule composite the same county needs nothing: 综合 = 1.039/7 = 0.148", () => {
    const p = planRemediation(assess(dataset(schools), { cvRule: "composite" }));
    expect(p.groups.primary.totals["102"]).toBe(0);
    expect(p.groups.primary.composite.cvAfter).toBeCloseTo(1.03923 / 7, 5);
  });
});

describe("整改测算: a multi-section school (一校一案)", () => {
  // 九年一贯制: 500 小学 + 500 初中, 教学及辅助用房 4000 ㎡ split by weighted students 500 : 550.
  // 小学部 4000·500/1050 = 1904.7619 ㎡, needs 4.5·500 = 2250 → add 345.2381 → 345.3 ㎡;
  // 初中部 4000·550/1050 = 2095.2381 ㎡, needs 5.8·500 = 2900 → add 804.7619 → 804.8 ㎡;
  // the school's total 1150.1 ㎡.
  const nine = school("九年制校", "九年一贯制学校", {
    primaryStudents: 500,
    juniorStudents: 500,
    primaryClasses: 12,
    juniorClasses: 10,
    primaryMaxClassSize: 45,
    juniorMaxClassSize: 50,
    primaryQualifiedTeachers: 25,
    primaryBackboneTeachers: 10,
    primaryPeArtTeachers: 5,
    juniorQualifiedTeachers: 30,
    juniorBackboneTeachers: 10,
    juniorPeArtTeachers: 5,
    teachingArea: 4000,
    sportsArea: 12000,
    equipmentValue: 300,
    multimediaRooms: 30,
  });
  const plan = planRemediation(assess(dataset([nine, primarySchool("小学甲"), juniorSchool("初中甲")])));

  it("adds per section and sums them for the school", () => {
    const block = plan.schools.find((s) => s.school === "九年制校")!;
    expect(block.units.map((u) => [u.section, planAdd(plan, u, "104")])).toEqual([
      ["primary", 345.3],
      ["junior", 804.8],
    ]);
    expect(schoolTotal(plan, block, "104")).toBe(1150.1);
    expect(plan.county["104"]).toBe(1150.1);
    expect(plan.schools.map((s) => s.school)).toEqual(["九年制校", "小学甲", "初中甲"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: enter the additions and re-assess with the real engine.
// ---------------------------------------------------------------------------------------------

const T = {
  primary: { "101": 4.2, "102": 1, "103": 0.9, "104": 4.5, "105": 7.5, "106": 2000, "107": 2.3 },
  junior: { "101": 5.3, "102": 1, "103": 0.9, "104": 5.8, "105": 10.2, "106": 2500, "107": 2.4 },
} as const;
const PER100: Record<IndicatorCode, boolean> = { "101": true, "102": true, "103": true, "104": false, "105": false, "106": false, "107": true };

/** A 小学, 初中 or 九年一贯制学校 whose numerators are drawn between 0.2·T and 4·T (very unequal counties). */
const schoolArb = fc.record({
  type: fc.constantFrom("小学", "初中", "九年一贯制学校"),
  primary: fc.integer({ min: 30, max: 2500 }),
  junior: fc.integer({ min: 30, max: 2000 }),
  r: fc.array(fc.double({ min: 0.2, max: 4, noNaN: true }), { minLength: 14, maxLength: 14 }),
});
type Row = { type: string; primary: number; junior: number; r: number[] };

function countyOf(rows: Row[]): CountyDataset {
  return dataset(
    rows.map((row, i) => {
      const sections = (row.type === "小学" ? ["primary"] : row.type === "初中" ? ["junior"] : ["primary", "junior"]) as ("primary" | "junior")[];
      const values: SchoolRecord["values"] = {};
      const whole: Record<string, number> = { "104": 0, "105": 0, "106": 0, "107": 0 };
      for (const section of sections) {
        const p = row[section];
        values[SECTION_FIELDS[section].students] = p;
        INDICATOR_CODES.forEach((code, k) => {
          const amount = (T[section][code] * row.r[k + (section === "junior" ? 7 : 0)] * p) / (PER100[code] ? 100 : 1);
          if (k < 3) values[SECTION_FIELDS[section].numerator[code]] = Math.round(amount);
          else whole[code] += amount;
        });
      }
      values.teachingArea = Math.round(whole["104"] * 10) / 10;
      values.sportsArea = Math.round(whole["105"] * 10) / 10;
      values.equipmentValue = Math.round(whole["106"] / 100) / 100;
      values.multimediaRooms = Math.round(whole["107"]);
      return school(`校${i}`, row.type as SchoolRecord["type"], values);
    }),
  );
}

/** The dataset with every planned addition entered in the section's own column (万元 for 106). */
function applied(ds: CountyDataset, a: Assessment, plan: RemediationPlan, change?: { row: number; code: IndicatorCode; by: number }): CountyDataset {
  const schools: SchoolRecord[] = ds.schools.map((s) => ({ ...s, values: { ...s.values } }));
  for (const p of plan.units) {
    const u = a.units[p.row];
    for (const [k, code] of INDICATOR_CODES.entries()) {
      const numerator = a.indicators.numerator[u.row * 7 + k];
      let add = planAdd(plan, p, code) ?? 0;
      if (change && change.row === p.row && change.code === code) add -= change.by;
      schools[u.schoolIndex].values[SECTION_FIELDS[u.section].numerator[code]] = (code === "106" ? numerator / 10000 : numerator) + add;
    }
  }
  return { ...ds, schools };
}

/** No group's CV verdict fails (a group with fewer than 2 units has none). */
function cvHolds(a: Assessment): boolean {
  return (["primary", "junior"] as const).every((s) => (a.profile.cvRule === "composite" ? a.balance[s].passComposite : a.balance[s].passEach) !== false);
}

function checkPlan(rows: Row[], override: ProfileOverride) {
  const ds = countyOf(rows);
  const a = assess(ds, override);
  const plan = planRemediation(a);
  const after = assess(applied(ds, a, plan), override);
  // Every unit meets every threshold, every CV (or 综合) within the limit.
  for (const u of after.units.filter((x) => x.included)) for (const code of INDICATOR_CODES) expect(unitStatus(after, u, code)).toBe("met");
  expect(cvHolds(after)).toBe(true);
  for (const s of ["primary", "junior"] as const) {
    expect(plan.groups[s].passAfter).not.toBe(false);
    for (const code of INDICATOR_CODES) {
      const cv = after.balance[s].indicators[code].cv;
      if (cv === null) expect(plan.groups[s].indicators[code].cvAfter).toBeNull();
      else expect(plan.groups[s].indicators[code].cvAfter!).toBeCloseTo(cv, 9);
    }
  }
  // No addition can be lowered by one step.
  for (const p of plan.units) {
    for (const code of INDICATOR_CODES) {
      const amount = planAdd(plan, p, code)!;
      if (!(amount > 0)) continue;
      const lowered = assess(applied(ds, a, plan, { row: p.row, code, by: gapUnitOf(code).step }), override);
      const ok = lowered.units.every((u) => !u.included || unitStatus(lowered, u, code) === "met") && cvHolds(lowered);
      if (ok) throw new Error(`${p.school} ${code}: ${amount} can be lowered by one step`);
    }
  }
}

describe("整改测算 properties", () => {
  it("under cvRule each: every unit meets every T, every CV is within its limit, and no addition can be lowered (小学, 初中, 九年一贯制)", () => {
    fc.assert(
      fc.property(fc.array(schoolArb, { minLength: 2, maxLength: 7 }), (rows) => checkPlan(rows, {})),
      { numRuns: 40 },
    );
  });

  it("under cvRule composite: the same", () => {
    fc.assert(
      fc.property(fc.array(schoolArb, { minLength: 2, maxLength: 7 }), (rows) => checkPlan(rows, { cvRule: "composite" })),
      { numRuns: 40 },
    );
  });
});
