/**
 * Builders for engine tests. Every number a test asserts on is set explicitly in the test;
 * these defaults only make the *other* indicators comfortably 达标 so they do not interfere.
 */
import type { CountyData, CountyDataset, SchoolRecord, SchoolType } from "../../src/engine/types";

/** A 小学 of 1000 students meeting every national threshold with room to spare. */
export function primarySchool(name: string, values: SchoolRecord["values"] = {}, extra: Partial<SchoolRecord> = {}): SchoolRecord {
  return {
    name,
    type: "小学",
    ownership: "公办",
    charter: true,
    values: {
      primaryStudents: 1000,
      primaryClasses: 24,
      primaryMaxClassSize: 45,
      primaryQualifiedTeachers: 50, // 5.0 per 100 ≥ 4.2
      primaryBackboneTeachers: 20, // 2.0 ≥ 1.0
      primaryPeArtTeachers: 10, // 1.0 ≥ 0.9
      teachingArea: 5000, // 5.0 ≥ 4.5
      sportsArea: 8000, // 8.0 ≥ 7.5
      equipmentValue: 210, // 万元 → 2100 元/生 ≥ 2000
      multimediaRooms: 25, // 2.5 ≥ 2.3
      teachers: 60,
      certifiedTeachers: 60,
      trainedTeachers: 60,
      musicRooms: 2,
      artRooms: 2,
      publicFunds: 100,
      trainingFunds: 6,
      ...values,
    },
    ...extra,
  };
}

/** A 初中 of 1000 students meeting every national threshold. */
export function juniorSchool(name: string, values: SchoolRecord["values"] = {}, extra: Partial<SchoolRecord> = {}): SchoolRecord {
  return {
    name,
    type: "初中",
    ownership: "公办",
    charter: true,
    values: {
      juniorStudents: 1000,
      juniorClasses: 20,
      juniorMaxClassSize: 50,
      juniorQualifiedTeachers: 60, // 6.0 ≥ 5.3
      juniorBackboneTeachers: 20,
      juniorPeArtTeachers: 10,
      teachingArea: 6000, // 6.0 ≥ 5.8
      sportsArea: 11000, // 11 ≥ 10.2
      equipmentValue: 260, // 2600 元/生 ≥ 2500
      multimediaRooms: 25, // 2.5 ≥ 2.4
      teachers: 70,
      certifiedTeachers: 70,
      trainedTeachers: 70,
      musicRooms: 2,
      artRooms: 2,
      publicFunds: 100,
      trainingFunds: 6,
      ...values,
    },
    ...extra,
  };
}

export function school(name: string, type: SchoolType | null, values: SchoolRecord["values"], extra: Partial<SchoolRecord> = {}): SchoolRecord {
  return { name, type, ownership: "公办", charter: true, values, ...extra };
}

/** A county sheet on which every item is met (figures chosen by hand against the national rules). */
export function goodCounty(over: Partial<CountyData> = {}): CountyData {
  return {
    name: "测试县",
    numbers: {
      specialEdFundsPerStudent: 6000,
      teacherSalary: 120000,
      civilServantSalary: 118000,
      rotationEligible: 1000,
      rotatedTeachers: 120,
      rotatedBackbone: 30,
      nearbyPrimaryRate: 1,
      nearbyJuniorRate: 0.97,
      qualityHighSchoolAdmissions: 1000,
      quotaToSchools: 600,
      migrantChildren: 500,
      migrantInPublic: 480,
      juniorRetentionRate: 0.98,
      disabledChildren: 100,
      disabledEnrolled: 98,
      qualityMonitoringGap: 0.1,
      socialRecognition: 0.9,
      ...(over.numbers ?? {}),
    },
    flags: { smallSchoolFunding: true, quotaRuralTilt: true, qualityMonitoringLevel: true, ...(over.flags ?? {}) },
    qualitative: { "201": true, "202": true, "210": true, "305": true, "306": true, "307": true, "308": true, ...(over.qualitative ?? {}) },
    vetoes: {
      examAdmission: false,
      illegalSchoolChoice: false,
      keySchools: false,
      unfilledPosts: false,
      majorIncident: false,
      falsification: false,
      ...(over.vetoes ?? {}),
    },
    invalid: over.invalid,
    qualitativeNotes: over.qualitativeNotes,
  };
}

export function dataset(schools: SchoolRecord[], county: CountyData = goodCounty(), absentFields?: CountyDataset["absentFields"]): CountyDataset {
  return { schools, county, absentFields };
}
