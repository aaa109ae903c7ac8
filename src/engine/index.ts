/**
 * The indicator engine's public API: a typed county dataset in, one typed assessment out.
 * Pure TypeScript — no Office, DOM or Node imports anywhere under src/engine.
 */
export * from "./types";
export { assess } from "./assess";
export {
  NATIONAL_2017,
  PROFILES,
  getProfile,
  resolveProfile,
  COUNTY_ITEMS,
  QUALITATIVE_ITEMS,
  VETO_ITEMS,
  ITEM_NAMES,
  ITEM_ORDER,
  SCHOOL_FIELD_LABEL,
} from "./profiles";
export type { CountyItemDef, CountyItemKind } from "./profiles";
export { weightedCv, WeightedMoments, compositeCv, ceilTo, reaches, withinLimit } from "./math";
export type { WeightedStats } from "./math";
export { groupBalance } from "./balance";
export { unitIndicator, unitIndicators, unitStatus, unitValue, cellOf } from "./results";
export type { IndicatorSource } from "./results";
export { statusOf, gapOf, gapAmount, gapFor, gapUnitOf, sectionsOf, sectionsOfType, shareOf, SECTION_FIELDS, WHOLE_SCHOOL_FACILITY } from "./units";
export { requiredRooms, classSizeStatus } from "./checks";
export { planRemediation, planAdd, planStep1, planStep, schoolTotal, unitAdds, unitSteps, schoolTotals } from "./plan";
export type { RemediationPlan, UnitPlan, GroupPlan, SchoolPlan, CvPath, IndicatorPlanBalance, PlanStep } from "./plan";
export { compareYears } from "./compare";
export type { Comparison, UnitComparison, StatusChange, CvPair, YearInput } from "./compare";
