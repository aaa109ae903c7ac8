/**
 * A deterministic synthetic county for the engine bench: `n` school rows of every type, values
 * spread ±25 % around the national thresholds, 0.5 % of rows with a bad cell.
 */
import type { CountyDataset, SchoolRecord, SchoolType } from "../src/engine/types";
import { mulberry32 } from "../scripts/lib/prng";

export function syntheticCounty(n: number, seed = 20171): CountyDataset {
  const r = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const around = (x: number) => x * (0.75 + r() * 0.5); // ±25 % around the national threshold
  const schools: SchoolRecord[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const u = r();
    const type: SchoolType =
      u < 0.65 ? "小学" : u < 0.8 ? "初中" : u < 0.95 ? "九年一贯制学校" : u < 0.98 ? "十二年一贯制学校" : u < 0.99 ? "完全中学" : "教学点";
    const hasP = type === "小学" || type === "教学点" || type === "九年一贯制学校" || type === "十二年一贯制学校";
    const hasJ = type !== "小学" && type !== "教学点";
    const p = hasP ? (type === "教学点" ? int(20, 120) : int(100, 2400)) : 0;
    const j = hasJ ? int(100, 1800) : 0;
    const s = type === "十二年一贯制学校" || type === "完全中学" ? int(100, 1500) : 0;
    const all = p + j;
    const values: SchoolRecord["values"] = {
      primaryStudents: hasP ? p : null,
      juniorStudents: hasJ ? j : null,
      seniorStudents: s || null,
      primaryClasses: hasP ? Math.ceil(p / 42) : null,
      juniorClasses: hasJ ? Math.ceil(j / 48) : null,
      primaryMaxClassSize: hasP ? int(30, 58) : null,
      juniorMaxClassSize: hasJ ? int(35, 60) : null,
      primaryQualifiedTeachers: hasP ? Math.round(around(0.042 * p)) : null,
      juniorQualifiedTeachers: hasJ ? Math.round(around(0.053 * j)) : null,
      primaryBackboneTeachers: hasP ? Math.round(around(0.01 * p)) : null,
      juniorBackboneTeachers: hasJ ? Math.round(around(0.01 * j)) : null,
      primaryPeArtTeachers: hasP ? Math.round(around(0.009 * p)) : null,
      juniorPeArtTeachers: hasJ ? Math.round(around(0.009 * j)) : null,
      teachers: Math.round(all * 0.07),
      certifiedTeachers: Math.round(all * 0.07),
      trainedTeachers: Math.round(all * 0.07),
      teachingArea: around(5 * all + 6 * s),
      sportsArea: around(9 * all + 11 * s),
      equipmentValue: around(0.23 * all + 0.3 * s),
      multimediaRooms: Math.round(around(0.024 * (all + s))),
      musicRooms: int(0, 4),
      artRooms: int(0, 4),
      publicFunds: around(all * 0.08),
      trainingFunds: around(all * 0.0045),
    };
    schools[i] = {
      name: `学校${i + 1}`,
      type,
      ownership: r() < 0.05 ? "民办" : "公办",
      charter: r() < 0.99,
      values,
      // 0.5 % of rows carry a bad cell, as real workbooks do.
      invalid: r() < 0.005 ? ["sportsArea"] : undefined,
    };
  }
  return {
    schools,
    county: {
      name: "基准县",
      numbers: { qualityHighSchoolAdmissions: 3445, quotaToSchools: 2452, socialRecognition: "pending" },
      flags: { quotaRuralTilt: true },
      qualitative: { "201": true },
      vetoes: {},
    },
  };
}
