/** The short Chinese summary `junheng assess` prints. */
import { cv as cvText, fixed, num } from "../engine/format";
import { INDICATOR_CODES, SECTION_LABEL } from "../engine/types";
import type { Assessment, Section } from "../engine/types";
import type { ReadResult } from "../workbook/contract";

const RULE_WORD = { each: "按每项指标判定", composite: "按综合差异系数判定" } as const;

export function summaryLines(assessment: Assessment, read: ReadResult, shortfallCount: number): string[] {
  const v = assessment.verdict;
  const lines: string[] = [];
  lines.push(`评估标准：${assessment.profile.name}`);
  const conclusion = v.recognised === true ? "达到优质均衡发展要求" : v.recognised === false ? "未达到优质均衡发展要求" : "待定（尚有待定项目）";
  lines.push(`总体结论：${conclusion}`);
  for (const b of v.blockers) lines.push(`  · ${b}`);
  for (const p of v.pending) lines.push(`  · 待定：${p}`);
  lines.push("资源配置：");
  for (const section of ["primary", "junior"] as Section[]) {
    const c = assessment.counts[section];
    const g = assessment.balance[section];
    lines.push(`  ${SECTION_LABEL[section]}：${c.units} 个监测点参评，${c.passing} 个达标，${c.units - c.passing} 个未达标`);
    const cvs = INDICATOR_CODES.map((code) => `${code} ${g.indicators[code].cv === null ? "—" : cvText(g.indicators[code].cv)}`).join("，");
    const verdict = g.pass === null ? `无法判定${g.reason ? `（${g.reason}）` : ""}` : g.pass ? "达标" : "未达标";
    lines.push(`    差异系数：${cvs}；综合 ${g.composite === null ? "—" : cvText(g.composite)}`);
    lines.push(`    标准 ≤${fixed(g.limit, 2)}，${RULE_WORD[g.rule]}：${verdict}`);
  }
  const errors = read.issues.filter((i) => i.severity === "error").length;
  const warnings = read.issues.length - errors;
  lines.push(`问题清单：${num(shortfallCount)} 项不足；数据问题：${errors} 个错误，${warnings} 个警告${read.issues.length ? "（详见「数据问题」工作表或 JSON 的 issues）" : ""}`);
  return lines;
}
