/**
 * The two charts of a report, as host-neutral data.
 *
 * - "cv": each indicator's 差异系数 (101–107 and 综合) per group as columns, with each group's
 *   limit as a dashed line.
 * - "status": 达标 / 基本达标 / 未达标 unit counts per indicator and group, stacked columns.
 *
 * The same data feeds the chart specs of the write plan (place.ts; every host draws them) and
 * the PNG picture in the .docx (src/report/charts/png.ts). Pure: no host, DOM or Node imports.
 */
import type { Assessment, IndicatorCode, Section } from "../../engine/types";
import { INDICATOR_CODES, SECTION_LABEL, SECTIONS } from "../../engine/types";

export type ChartId = "cv" | "status";

export interface ChartSeries {
  name: string;
  /** One value per category; null = no value (no CV for that group). */
  values: (number | null)[];
  kind: "bar" | "line";
  /** "#RRGGBB". */
  color: string;
  dashed?: boolean;
}

export interface ChartData {
  id: ChartId;
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** Bars stacked (status) or side by side (cv). */
  stacked: boolean;
  /** Number format of the values, Excel style. */
  numberFormat: string;
  /** For the picture: categories are split in groups (status: 小学 | 初中), each with a label. */
  groups?: { label: string; from: number; to: number }[];
}

/** Colours: Office's default accents for the groups; Excel's Good/Neutral/Bad for statuses. */
export const CHART_COLORS = {
  primary: "#4472C4",
  junior: "#ED7D31",
  met: "#70AD47",
  basic: "#FFC000",
  unmet: "#C00000",
} as const;

const SECTION_COLOR: Record<Section, string> = { primary: CHART_COLORS.primary, junior: CHART_COLORS.junior };

/** 差异系数 per indicator and group, with the limits. */
export function cvChart(a: Assessment): ChartData {
  const categories = [...INDICATOR_CODES.map((c) => `指标${c}`), "综合"];
  const series: ChartSeries[] = [];
  for (const s of SECTIONS) {
    const g = a.balance[s];
    series.push({
      name: `${SECTION_LABEL[s]}差异系数`,
      values: [...INDICATOR_CODES.map((c) => g.indicators[c].cv), g.composite],
      kind: "bar",
      color: SECTION_COLOR[s],
    });
  }
  for (const s of SECTIONS) {
    const g = a.balance[s];
    series.push({
      name: `${SECTION_LABEL[s]}限值（${g.limit}）`,
      values: categories.map(() => g.limit),
      kind: "line",
      color: SECTION_COLOR[s],
      dashed: true,
    });
  }
  return { id: "cv", title: "校际差异系数与限值", categories, series, stacked: false, numberFormat: "0.0000" };
}

/** 达标 / 基本达标 / 未达标 counts of included units, per group and indicator. */
export function statusChart(a: Assessment): ChartData {
  const categories: string[] = [];
  const met: number[] = [];
  const basic: number[] = [];
  const unmet: number[] = [];
  const groups: ChartData["groups"] = [];
  for (const s of SECTIONS) {
    const from = categories.length;
    for (const c of INDICATOR_CODES) {
      const k = a.counts[s].indicators[c as IndicatorCode];
      categories.push(`${SECTION_LABEL[s]}${c}`);
      met.push(k.met);
      basic.push(k.basic);
      unmet.push(k.unmet);
    }
    groups.push({ label: SECTION_LABEL[s], from, to: categories.length - 1 });
  }
  return {
    id: "status",
    title: "各指标达标情况（监测点数）",
    categories,
    series: [
      { name: "达标", values: met, kind: "bar", color: CHART_COLORS.met },
      { name: "基本达标", values: basic, kind: "bar", color: CHART_COLORS.basic },
      { name: "未达标", values: unmet, kind: "bar", color: CHART_COLORS.unmet },
    ],
    stacked: true,
    numberFormat: "0",
    groups,
  };
}

export function reportCharts(a: Assessment): ChartData[] {
  return [cvChart(a), statusChart(a)];
}
