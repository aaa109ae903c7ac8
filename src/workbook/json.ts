/**
 * toContractJson: the command line's result contract (shared/spec/template.md §6).
 * Values are unrounded; `units` lists every section of every school, included or not.
 */
import { INDICATOR_CODES } from "../engine/types";
import { unitStatus, unitValue } from "../engine/results";
import type { Assessment, CheckStatus, CountyStatus, IndicatorCode, Section, Status } from "../engine/types";
import type { ReadResult } from "./contract";

export interface ContractUnit {
  school: string;
  section: Section;
  included: boolean;
  excludedReason?: string;
  students: number;
  indicators: Record<IndicatorCode, { value: number | null; status: Status }>;
  metCount: number;
  pass: boolean;
}

export type ContractGroup = Record<IndicatorCode, { mean: number | null; sd: number | null; cv: number | null }> & {
  composite: number | null;
  limit: number;
  pass: boolean | null;
};

export interface ContractJson {
  profile: string;
  units: ContractUnit[];
  balance: Record<Section, ContractGroup>;
  schools: {
    school: string;
    checks: { "203": CheckStatus; "204": CheckStatus; "205": Partial<Record<Section, CheckStatus>>; "304": CheckStatus };
  }[];
  county: Record<string, { value: number | string | null; status: CountyStatus }>;
  issues: { sheet: string; cell: string | null; severity: "error" | "warning"; message: string }[];
}

export function toContractJson(assessment: Assessment, read: ReadResult): ContractJson {
  const units = assessment.units.map((u): ContractUnit => {
    const indicators = {} as ContractUnit["indicators"];
    for (const code of INDICATOR_CODES) indicators[code] = { value: unitValue(assessment, u, code), status: unitStatus(assessment, u, code) };
    return {
      school: u.school,
      section: u.section,
      included: u.included,
      ...(u.included ? {} : { excludedReason: u.excludedReason ?? "" }),
      students: u.students,
      indicators,
      metCount: u.metCount,
      pass: u.pass,
    };
  });

  const group = (section: Section): ContractGroup => {
    const g = assessment.balance[section];
    const out = {} as ContractGroup;
    for (const code of INDICATOR_CODES) {
      const s = g.indicators[code];
      out[code] = { mean: s.mean, sd: s.sd, cv: s.cv };
    }
    out.composite = g.composite;
    out.limit = g.limit;
    out.pass = g.pass;
    return out;
  };

  const schools = assessment.schools.map((c) => {
    const classSize: Partial<Record<Section, CheckStatus>> = {};
    for (const section of ["primary", "junior"] as Section[]) {
      const cs = c.classSize[section];
      if (cs) classSize[section] = cs.status;
    }
    return { school: c.school, checks: { "203": c.rooms.status, "204": c.scale.status, "205": classSize, "304": c.trainingFunds.status } };
  });

  const county: ContractJson["county"] = {};
  for (const item of assessment.items) county[item.code] = { value: item.value, status: item.status };

  return {
    profile: assessment.profileId,
    units,
    balance: { primary: group("primary"), junior: group("junior") },
    schools,
    county,
    issues: read.issues.map((i) => ({ sheet: i.sheet, cell: i.cell, severity: i.severity, message: i.message })),
  };
}
