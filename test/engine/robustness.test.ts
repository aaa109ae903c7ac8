/**
 * Robustness: empty input, frozen input (the engine never changes what it is given), bad cells
 * that only affect what depends on them.
 */
import { assess, assessed } from "./engineApi";
import { dataset, goodCounty, primarySchool, school } from "./helpers";
import type { CountyDataset } from "../../src/engine/types";

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object") {
    Object.values(o as object).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}

describe("robustness", () => {
  it("an empty county gives an assessment with reasons, not an exception", () => {
    const a = assess({ schools: [], county: { numbers: {}, flags: {}, qualitative: {}, vetoes: {} } });
    expect(a.units).toEqual([]);
    expect(a.balance.primary.pass).toBeNull();
    expect(a.items).toHaveLength(33);
    expect(a.items.find((i) => i.code === "303")!.reason).toBe("无参评学校");
    expect(a.verdict.recognised).toBeNull();
  });

  it("never modifies its input (deep-frozen dataset)", () => {
    const ds: CountyDataset = deepFreeze(
      dataset(
        [
          primarySchool("甲", { teachingArea: 4000 }),
          school("九年", "九年一贯制学校", { primaryStudents: 100, juniorStudents: 100, teachingArea: 900 }),
          primarySchool("坏", {}, { invalid: ["sportsArea"] }),
        ],
        goodCounty({ numbers: { socialRecognition: "pending" } }),
        ["charter"],
      ),
    );
    const before = JSON.stringify(ds);
    expect(() => assess(ds)).not.toThrow();
    expect(JSON.stringify(ds)).toBe(before);
  });

  it("an unusable 高中在校生数 stops only the facility split of that school", () => {
    const s = school("十二年", "十二年一贯制学校", {
      primaryStudents: 300,
      juniorStudents: 200,
      seniorStudents: null,
      primaryQualifiedTeachers: 20,
      teachingArea: 5000,
    }, { invalid: ["seniorStudents"] });
    const a = assessed(dataset([s, primarySchool("好")]));
    const p = a.units[0];
    expect(p.indicators["101"].status).toBe("met"); // 20/300×100 = 6.67 ≥ 4.2, teacher counts need no split
    expect(p.indicators["104"].status).toBe("error");
    expect(p.indicators["104"].errorReason).toBe("「高中在校生数」数据有误，无法拆分设施");
    expect(a.units[2].pass).toBe(true);
  });

  it("invalid county entries are skipped with 数据有误, others stand", () => {
    const a = assess(dataset([primarySchool("甲")], goodCounty({ invalid: ["migrantChildren", "201"] })));
    expect(a.items.find((i) => i.code === "215")!.reason).toBe("「随迁子女总数」数据有误");
    expect(a.items.find((i) => i.code === "201")!.reason).toBe("「学校规划布局」自评结论数据有误");
    expect(a.items.find((i) => i.code === "214")!.status).toBe("met");
  });
});
