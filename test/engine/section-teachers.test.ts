/**
 * 小学/初中专任教师数 (primaryTeachers / juniorTeachers) are carried for the report only: they feed
 * no rule, an absent column skips nothing, and a bad cell there puts no check in error.
 * Expected values: the same assessment as without the fields (spec indicators.md uses only
 * 专任教师数 for 209/212 and the section-entered 101–103 counts).
 */
import { assess } from "../../src/engine";
import { SCHOOL_FIELD_LABEL } from "../../src/engine/profiles";
import { SCHOOL_NUMERIC_FIELDS } from "../../src/engine/types";
import { dataset, juniorSchool, primarySchool } from "./helpers";

describe("per-section 专任教师 fields", () => {
  test("are numeric school fields with the template's Chinese labels", () => {
    expect(SCHOOL_NUMERIC_FIELDS).toEqual(expect.arrayContaining(["primaryTeachers", "juniorTeachers"]));
    expect(SCHOOL_FIELD_LABEL.primaryTeachers).toBe("小学专任教师数");
    expect(SCHOOL_FIELD_LABEL.juniorTeachers).toBe("初中专任教师数");
  });

  test("absent columns skip nothing; entered or bad values change no result", () => {
    const plain = assess(dataset([primarySchool("甲小学"), juniorSchool("乙中学")]));
    const absent = assess(dataset([primarySchool("甲小学"), juniorSchool("乙中学")], undefined, ["primaryTeachers", "juniorTeachers"]));
    expect(absent.skipped).toEqual([]);
    const entered = assess(
      dataset([
        primarySchool("甲小学", { primaryTeachers: 60 }, { invalid: ["juniorTeachers"] }),
        juniorSchool("乙中学", { juniorTeachers: 3 }),
      ]),
    );
    for (const a of [absent, entered]) {
      expect(a.units).toEqual(plain.units);
      expect(a.items).toEqual(plain.items);
      expect(a.schools).toEqual(plain.schools);
    }
  });
});
