/**
 * 整改测算 in the pane: after 评估, 「测算」 computes the plan (engine/plan.ts), writes the 「整改测算」
 * sheet (Excel: into the open workbook; web: into the file 下载已检查的工作簿 gives) and shows the totals,
 * the 差异系数 that step 2 brings down, and 一校一案 for the schools that need anything.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, ProgressBar, Text } from "@fluentui/react-components";
import { fixed } from "../../engine/format";
import { gapUnitOf } from "../../engine/units";
import { INDICATOR_CODES, SECTION_LABEL } from "../../engine/types";
import { planSummaryLines, type PlanView } from "../../workbook/render-plan";
import { HeadRow, usePanelStyles } from "./panelParts";

/** Schools listed in the pane; the sheet has them all. */
const SHOWN = 100;

export interface PlanPanelProps {
  ready: boolean;
  plan(): Promise<PlanView>;
}

export function PlanPanel({ ready, plan }: PlanPanelProps) {
  const s = usePanelStyles();
  const [view, setView] = React.useState<PlanView | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setView(await plan());
    } catch (e) {
      setError(e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : "测算失败，请重新评估后再试。");
    } finally {
      setBusy(false);
    }
  };
  const cols = ["学校", "学段", ...INDICATOR_CODES.map((c) => `${c}（${gapUnitOf(c).unit}）`)];
  return (
    <section className={s.panel} aria-label="整改测算" data-testid="plan-panel">
      <div className={s.row}>
        <Button disabled={!ready || busy} onClick={() => void run()}>
          测算
        </Button>
      </div>
      <Text className={s.small}>
        {ready
          ? "第一步把每个监测点低于标准值的指标补到标准值；第二步对差异系数仍超标的，把低于“水位线”的监测点补到水位线（最少的增加量）。"
          : "先点击「评估」，再进行整改测算。"}
      </Text>
      {busy && <ProgressBar aria-label="正在测算" />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {view && (
        <div data-testid="plan-result">
          {planSummaryLines(view).map((line, i) => (
            <div key={i} className={line.startsWith("  ") ? s.small : undefined} data-line={i}>
              {line.trim()}
            </div>
          ))}
          <h2 className={s.h}>一校一案（{view.schools.length} 所学校需增加，共 {view.schoolCount} 所）</h2>
          {view.schools.length > 0 && (
            <div className={s.scroll}>
              <table className={s.table} aria-label="一校一案">
                <HeadRow cols={cols} />
                <tbody>
                  {view.schools.slice(0, SHOWN).flatMap((sc) =>
                    sc.units.map((u, k) => (
                      <tr key={`${sc.school}-${u.section}`} data-unit={`${sc.school}-${u.section}`}>
                        <td className={s.td}>{k === 0 ? sc.school : ""}</td>
                        <td className={s.td}>{SECTION_LABEL[u.section]}</td>
                        {INDICATOR_CODES.map((c) => (
                          <td key={c} className={u.step[c] === 2 ? s.worse : s.td}>
                            {u.add[c] === null ? "数据有误" : u.add[c] ? fixed(u.add[c], gapUnitOf(c).decimals) : ""}
                          </td>
                        ))}
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </div>
          )}
          <Text className={s.small}>
            {view.schools.length > SHOWN ? `仅列出前 ${SHOWN} 所；` : ""}全部明细（含第二步增加量的说明）见「整改测算」工作表；标红的数额含为降低差异系数的增加量。
          </Text>
        </div>
      )}
    </section>
  );
}
