/**
 * Rule profiles as data (indicators.md: every number in the profile) and resolveProfile.
 */
import { assess, assessed, getProfile, NATIONAL_2017, PROFILES, resolveProfile } from "./engineApi";
import { dataset, primarySchool } from "./helpers";

describe("NATIONAL_2017 carries the national numbers (教督〔2017〕6号, indicators.md §2–§6)", () => {
  it("thresholds per group", () => {
    const t = (c: "101" | "102" | "103" | "104" | "105" | "106" | "107") => NATIONAL_2017.indicators[c].threshold;
    expect([t("101"), t("102"), t("103"), t("104"), t("105"), t("106"), t("107")]).toEqual([
      { primary: 4.2, junior: 5.3 },
      { primary: 1.0, junior: 1.0 },
      { primary: 0.9, junior: 0.9 },
      { primary: 4.5, junior: 5.8 },
      { primary: 7.5, junior: 10.2 },
      { primary: 2000, junior: 2500 },
      { primary: 2.3, junior: 2.4 },
    ]);
  });
  it("rules and options with their defaults", () => {
    expect(NATIONAL_2017).toMatchObject({
      id: "national-2017",
      basicRatio: 0.85,
      minMetIndicators: 6,
      tolerance: 1e-9,
      cvLimit: { primary: 0.5, junior: 0.45 },
      cvRule: "each",
      splitFacilities: true,
      splitWeights: { primary: 1, junior: 1.1, senior: 1.32 },
      teachingPointMinStudents: 50,
      classesPerRoom: 12,
      roomRounding: "ceil",
      scaleLimit: { default: 2000, nineYear: 2500, twelveYear: 2500 },
      scaleBasicLimit: { default: null, nineYear: null, twelveYear: null },
      classSize: { primary: 45, junior: 50, large: 56 },
    });
    expect(NATIONAL_2017.county).toMatchObject({ quotaShare: 0.5, migrantShare: 0.85, trainingFundsShare: 0.05, qualityGapMax: 0.15, socialRecognition: 0.85 });
  });
  it("is registered", () => {
    expect(getProfile("national-2017")).toBe(NATIONAL_2017);
    expect(PROFILES["national-2017"]).toBe(NATIONAL_2017);
    expect(getProfile("nope")).toBeUndefined();
    expect(getProfile("toString")).toBeUndefined();
  });
});

describe("resolveProfile overrides field by field", () => {
  it("replaces only what is given, nested included, without touching the base", () => {
    const before = JSON.stringify(NATIONAL_2017);
    const p = resolveProfile(NATIONAL_2017, { cvRule: "composite", cvLimit: { junior: 0.4 }, indicators: { "106": { threshold: { primary: 2200 } } } });
    expect(p.cvRule).toBe("composite");
    expect(p.cvLimit).toEqual({ primary: 0.5, junior: 0.4 });
    expect(p.indicators["106"].threshold).toEqual({ primary: 2200, junior: 2500 });
    expect(p.indicators["106"].name).toBe("生均教学仪器设备值");
    expect(p.indicators["101"]).toEqual(NATIONAL_2017.indicators["101"]);
    expect(JSON.stringify(NATIONAL_2017)).toBe(before);
    expect(p.indicators).not.toBe(NATIONAL_2017.indicators);
  });
  it("undefined fields keep the base; null is a value", () => {
    const p = resolveProfile(NATIONAL_2017, { cvRule: undefined, scaleBasicLimit: { default: 2200 } });
    expect(p.cvRule).toBe("each");
    expect(p.scaleBasicLimit).toEqual({ default: 2200, nineYear: null, twelveYear: null });
    expect(resolveProfile(NATIONAL_2017, undefined)).toEqual(NATIONAL_2017);
  });
  it("assess() judges by the resolved profile and returns it", () => {
    // 2100 元/生 meets 2000 but not an overridden 2200 (≥ 0.85×2200 = 1870 → basic).
    const a = assessed(dataset([primarySchool("甲")]), { indicators: { "106": { threshold: { primary: 2200 } } } });
    expect(a.units[0].indicators["106"].status).toBe("basic");
    expect(a.units[0].indicators["106"].threshold).toBe(2200);
    expect(a.profile.indicators["106"].threshold.primary).toBe(2200);
    expect(a.profileId).toBe("national-2017");
  });
  it("assessing twice gives the same result (pure)", () => {
    const ds = dataset([primarySchool("甲", { teachingArea: 4000 }), primarySchool("乙")]);
    expect(assess(ds)).toEqual(assess(ds));
  });
});
