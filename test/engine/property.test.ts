/** Properties of the weighted CV (indicators.md §3), checked with fast-check. */
import fc from "fast-check";
import { assess, weightedCv, WeightedMoments } from "./engineApi";
import { dataset, primarySchool } from "./helpers";

const unitArb = fc.record({
  students: fc.integer({ min: 1, max: 3000 }),
  value: fc.double({ min: 0.01, max: 1000, noNaN: true }),
});
const groupArb = fc.array(unitArb, { minLength: 2, maxLength: 40 });

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe("weightedCv properties", () => {
  it("is unchanged when units are permuted", () => {
    fc.assert(
      fc.property(groupArb, fc.nat(), (units, seed) => {
        // A permutation: rotate by `seed`, then reverse.
        const k = seed % units.length;
        const shuffled = [...units.slice(k), ...units.slice(0, k)].reverse();
        const a = weightedCv(units.map((u) => u.value), units.map((u) => u.students))!;
        const b = weightedCv(shuffled.map((u) => u.value), shuffled.map((u) => u.students))!;
        expect(rel(a.cv!, b.cv!) < 1e-9 || Math.abs(a.cv! - b.cv!) < 1e-12).toBe(true);
      }),
    );
  });

  it("is unchanged when every value is scaled by the same factor", () => {
    fc.assert(
      fc.property(groupArb, fc.double({ min: 0.001, max: 1000, noNaN: true }), (units, k) => {
        const w = units.map((u) => u.students);
        const a = weightedCv(units.map((u) => u.value), w)!;
        const b = weightedCv(units.map((u) => u.value * k), w)!;
        expect(rel(b.mean, a.mean * k)).toBeLessThan(1e-9);
        expect(Math.abs(a.cv! - b.cv!)).toBeLessThan(1e-9);
      }),
    );
  });

  it("is 0 when all units are equal", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 2, maxLength: 50 }), fc.double({ min: 0.01, max: 1e5, noNaN: true }), (w, v) => {
        expect(weightedCv(w.map(() => v), w)!.cv!).toBeLessThan(1e-12);
      }),
    );
  });
});

describe("WeightedMoments (the one-pass form assess() uses)", () => {
  it("gives weightedCv's mean, SD and CV to 1e-12 (relative), whatever the order", () => {
    fc.assert(
      fc.property(groupArb, (units) => {
        const m = new WeightedMoments();
        for (const u of units) m.add(u.value, u.students);
        const a = weightedCv(units.map((u) => u.value), units.map((u) => u.students))!;
        const b = m.stats()!;
        expect(m.count).toBe(units.length);
        expect(rel(b.mean, a.mean)).toBeLessThan(1e-12);
        // Relative to the figure's own scale (a CV can be 25 when one unit dwarfs the others).
        expect(Math.abs(b.sd - a.sd)).toBeLessThan(1e-12 * Math.max(a.sd, a.mean));
        expect(Math.abs(b.cv! - a.cv!)).toBeLessThan(1e-12 * Math.max(1, a.cv!));
      }),
    );
  });

  it("is stable far from zero: values around 1e8 with a small spread keep their CV", () => {
    // Hand calculation: equal weights, values 1e8 ± 1 → mean 1e8, population SD 1, CV 1e-8.
    // The naive Σw·x² − (Σw·x)²/Σw form loses every digit here; West's update keeps them.
    const m = new WeightedMoments();
    for (const x of [1e8 - 1, 1e8 + 1, 1e8 - 1, 1e8 + 1]) m.add(x, 10);
    expect(m.stats()!.cv).toBeCloseTo(1e-8, 15);
  });

  it("has no statistics without weight", () => {
    const m = new WeightedMoments();
    expect(m.stats()).toBeNull();
    m.add(5, 0);
    expect(m.count).toBe(1);
    expect(m.stats()).toBeNull();
  });
});

describe("through assess()", () => {
  const schoolsArb = fc.array(
    fc.record({ students: fc.integer({ min: 60, max: 3000 }), qualified: fc.integer({ min: 1, max: 300 }) }),
    { minLength: 2, maxLength: 15 },
  );

  it("the weighted mean equals group total ÷ group students (×100)", () => {
    fc.assert(
      fc.property(schoolsArb, (rows) => {
        const a = assess(dataset(rows.map((r, i) => primarySchool(`校${i}`, { primaryStudents: r.students, primaryQualifiedTeachers: r.qualified }))));
        const total = rows.reduce((s, r) => s + r.qualified, 0);
        const students = rows.reduce((s, r) => s + r.students, 0);
        expect(rel(a.balance.primary.indicators["101"].mean!, (total / students) * 100)).toBeLessThan(1e-12);
      }),
      { numRuns: 50 },
    );
  });

  it("scaling every school's numerator by the same factor leaves the CV unchanged", () => {
    fc.assert(
      fc.property(schoolsArb, fc.integer({ min: 2, max: 9 }), (rows, k) => {
        const build = (f: number) =>
          assess(dataset(rows.map((r, i) => primarySchool(`校${i}`, { primaryStudents: r.students, primaryQualifiedTeachers: r.qualified * f })))).balance.primary
            .indicators["101"].cv;
        const a = build(1);
        const b = build(k);
        expect(Math.abs(a! - b!)).toBeLessThan(1e-9);
      }),
      { numRuns: 30 },
    );
  });
});

describe("a bad cell in a column that feeds no indicator", () => {
  // Marking 教师培训经费 as bad (it feeds 304 only) must leave every indicator cell as it was:
  // values, numerators, statuses, gaps, which field fed the numerator, and the error reasons.
  const figure = fc.oneof(fc.constant(null), fc.constant(undefined), fc.constant(0), fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0.5, max: 9000, noNaN: true }));
  const schoolArb = fc.record({
    type: fc.constantFrom("小学", "初中", "九年一贯制学校", "十二年一贯制学校", "完全中学", "教学点"),
    p: fc.integer({ min: 0, max: 2000 }),
    j: fc.integer({ min: 0, max: 2000 }),
    s: fc.integer({ min: 0, max: 1500 }),
    figures: fc.array(figure, { minLength: 14, maxLength: 14 }),
  });
  const FIELDS = [
    "primaryQualifiedTeachers", "juniorQualifiedTeachers", "primaryBackboneTeachers", "juniorBackboneTeachers",
    "primaryPeArtTeachers", "juniorPeArtTeachers", "teachingArea", "sportsArea", "equipmentValue", "multimediaRooms",
    "primaryTeachingArea", "juniorSportsArea", "primaryEquipmentValue", "juniorMultimediaRooms",
  ] as const;

  it("changes no indicator cell, whatever the figures", () => {
    fc.assert(
      fc.property(fc.array(schoolArb, { minLength: 1, maxLength: 12 }), (rows) => {
        const schools = rows.map((r, i) => {
          const values: Record<string, number | null | undefined> = { primaryStudents: r.p, juniorStudents: r.j, seniorStudents: r.s };
          FIELDS.forEach((f, k) => (values[f] = r.figures[k]));
          return primarySchool(`校${i}`, values as never, { type: r.type as never });
        });
        const clean = assess(dataset(schools));
        const general = assess(dataset(schools.map((s) => ({ ...s, invalid: ["trainingFunds" as const] }))));
        const t1 = clean.indicators;
        const t2 = general.indicators;
        expect(Array.from(t1.value)).toEqual(Array.from(t2.value));
        expect(Array.from(t1.numerator)).toEqual(Array.from(t2.numerator));
        expect(Array.from(t1.gap)).toEqual(Array.from(t2.gap));
        expect(Array.from(t1.status)).toEqual(Array.from(t2.status));
        expect(Array.from(t1.wholeSchool)).toEqual(Array.from(t2.wholeSchool));
        expect([...t1.errors]).toEqual([...t2.errors]);
        expect(clean.units).toEqual(general.units);
      }),
      { numRuns: 200 },
    );
  });
});
