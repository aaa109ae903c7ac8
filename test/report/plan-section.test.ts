/**
 * The report's 整改测算 and 与上年比较 paragraphs (src/report/plan-section.ts, compare-section.ts), on
 * hand-computed counties (national-2017; the arithmetic is in test/engine/plan.test.ts).
 */
import { assess, compareYears, planRemediation } from "../../src/engine";
import { planParagraphs } from "../../src/report/plan-section";
import { compareSection } from "../../src/report/compare-section";
import { blockText } from "../../src/report/outline";
import { dataset, primarySchool } from "../engine/helpers";

test("a CV over the limit after step 1: the water level, the schools raised, the amount and the CV after", () => {
  // 骨干 10, 10, 10, 70 at 1000 students: L = 2.668385 per 100 → +17 at each of three schools, CV 0.4932.
  const a = assess(dataset([10, 10, 10, 70].map((k, i) => primarySchool(`校${i + 1}`, { primaryBackboneTeachers: k }))));
  const text = planParagraphs(planRemediation(a), a, "全县").map(blockText);
  expect(text).toEqual([
    "补足后小学指标102骨干教师差异系数为1.0392，仍超过0.50；把低于2.67人/百生的3所学校补足到这一水平，还需增加骨干教师51人，差异系数可降至0.4932。",
    "以上合计，全县需增加骨干教师51人（各校明细见工作簿「整改测算」一校一案）。",
  ]);
});

test("step 1 only: the gaps per group; nothing when the county needs nothing", () => {
  // 校A: 40 qualified teachers at 1000 students → 42 needed (+2); 7000 ㎡ sports → 7500 (+500.0 ㎡).
  const a = assess(dataset([primarySchool("校A", { primaryQualifiedTeachers: 40, sportsArea: 7000 }), primarySchool("校B")]));
  expect(planParagraphs(planRemediation(a), a, "全区").map(blockText)).toEqual([
    "经整改测算，全区要使每所学校各项资源配置指标达到标准值，需增加：小学高于规定学历教师2人、体育运动场馆500.0㎡。",
    "以上合计，全区需增加高于规定学历教师2人、体育运动场馆500.0㎡（各校明细见工作簿「整改测算」一校一案）。",
  ]);
  const ok = assess(dataset([primarySchool("校A"), primarySchool("校B")]));
  expect(planParagraphs(planRemediation(ok), ok, "全区")).toEqual([]);
});

test("与上年比较: passing schools, 综合 and school moves", () => {
  // Last year 校1, 校2 both 2.0 (all CVs 0); this year 校1 0.8 (未达标) and 校3 new, 校2 closed.
  // This year's 102: 0.8, 2.0 → mean 1.4, sd 0.6, CV 0.428571; 综合 = 0.428571/7 = 0.0612.
  const lastSchools = [primarySchool("校1"), primarySchool("校2")];
  const nowSchools = [primarySchool("校1", { primaryBackboneTeachers: 8 }), primarySchool("校3")];
  const c = compareYears(
    { assessment: assess(dataset(lastSchools)), schools: lastSchools },
    { assessment: assess(dataset(nowSchools)), schools: nowSchools },
  );
  const [h, p] = compareSection(c, "全县").map(blockText);
  expect(h).toBe("与上年比较");
  expect(p).toBe(
    "与上年相比，全县小学参评2所（上年2所），达标学校由2所减少到1所，综合差异系数由0.0000变为0.0612。各校资源配置指标中，0项状态好转，1项退步。学校新增1所、减少1所（明细见工作簿「与上年比较」）。",
  );
  expect(compareSection(undefined, "全县")).toEqual([]);
});
