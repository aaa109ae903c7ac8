/**
 * 与上年比较 (web mode): open last year's workbook; it is assessed with the same settings and compared
 * with the current assessment — 达标 units and 差异系数 of both years, the indicators whose status
 * changed, schools added, removed and renamed. The 「与上年比较」 sheet goes into the open workbook
 * (下载已检查的工作簿 carries it).
 */
import * as React from "react";
import { MessageBar, MessageBarBody, ProgressBar, Text } from "@fluentui/react-components";
import { cv, fixed, STATUS_LABEL } from "../../engine/format";
import type { Comparison } from "../../engine/compare";
import { INDICATOR_CODES, SECTION_LABEL, SECTIONS } from "../../engine/types";
import { direction } from "../../workbook/render-compare";
import { HeadRow, XlsxPicker, usePanelStyles } from "./panelParts";

export interface ComparePanelProps {
  /** False until the current workbook has been assessed. */
  ready: boolean;
  compare(name: string, data: ArrayBuffer): Promise<Comparison>;
}

const statusWord = (s: keyof typeof STATUS_LABEL | null) => (s === null ? "未参评" : STATUS_LABEL[s]);

export function ComparePanel({ ready, compare }: ComparePanelProps) {
  const s = usePanelStyles();
  const [result, setResult] = React.useState<{ name: string; c: Comparison } | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);

  const open = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      setResult({ name: file.name, c: await compare(file.name, await file.arrayBuffer()) });
    } catch (e) {
      setError(e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : "比较失败，请检查上年的工作簿。");
    } finally {
      setBusy(false);
    }
  };

  const c = result?.c;
  const changes = c ? c.units.flatMap((u) => INDICATOR_CODES.filter((k) => u.changes[k]).map((k) => ({ u, k, ch: u.changes[k]! }))) : [];
  return (
    <section className={s.panel} aria-label="与上年比较" data-testid="compare-panel">
      <XlsxPicker label="打开上年的工作簿" testId="compare-input" disabled={!ready || busy} onFiles={(f) => void open(f[0])}>
        打开上年的工作簿…
      </XlsxPicker>
      {!ready && <Text className={s.small}>先对本年的工作簿点击「评估」，再打开上年的工作簿进行比较。</Text>}
      {busy && <ProgressBar aria-label="正在比较" />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {c && (
        <div data-testid="compare-result">
          <Text className={s.small}>上年：{result!.name}（按相同的评估标准和设置评估）。结果已写入「与上年比较」工作表。</Text>
          <h2 className={s.h}>达标学校与差异系数</h2>
          <div className={s.scroll}>
            <table className={s.table} aria-label="两年的差异系数">
              <HeadRow cols={["学段", "项目", "上年", "本年"]} />
              <tbody>
                {SECTIONS.flatMap((sec) => [
                  <tr key={`${sec}-pass`} data-row={`${sec}-pass`}>
                    <td className={s.td}>{SECTION_LABEL[sec]}</td>
                    <td className={s.td}>达标监测点</td>
                    <td className={s.td}>{`${c.counts[sec].old.passing}/${c.counts[sec].old.units}`}</td>
                    <td className={s.td}>{`${c.counts[sec].new.passing}/${c.counts[sec].new.units}`}</td>
                  </tr>,
                  ...[...INDICATOR_CODES, "composite" as const].map((k) => (
                    <tr key={`${sec}-${k}`} data-row={`${sec}-${k}`}>
                      <td className={s.td}>{SECTION_LABEL[sec]}</td>
                      <td className={s.td}>{k === "composite" ? "综合差异系数" : `差异系数 ${k}`}</td>
                      <td className={s.td}>{cv(c.balance[sec][k].old)}</td>
                      <td className={s.td}>{cv(c.balance[sec][k].new)}</td>
                    </tr>
                  )),
                ])}
              </tbody>
            </table>
          </div>
          <h2 className={s.h}>指标状态有变化（{changes.length} 项）</h2>
          {changes.length === 0 ? (
            <Text className={s.small}>各校各项指标的状态与上年相同。</Text>
          ) : (
            <div className={s.scroll}>
              <table className={s.table} aria-label="指标状态变化">
                <HeadRow cols={["学校", "指标", "上年", "本年"]} />
                <tbody>
                  {changes.map(({ u, k, ch }) => (
                    <tr key={`${u.school}-${u.section}-${k}`} data-change={`${u.school}-${k}`}>
                      <td className={s.td}>{`${u.school}（${SECTION_LABEL[u.section]}）`}</td>
                      <td className={s.td}>{k}</td>
                      <td className={s.td}>{`${statusWord(ch.old)} ${ch.valueOld === null ? "" : fixed(ch.valueOld, 2)}`}</td>
                      <td className={direction(ch) > 0 ? s.better : direction(ch) < 0 ? s.worse : s.td}>
                        {`${statusWord(ch.new)} ${ch.valueNew === null ? "" : fixed(ch.valueNew, 2)}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2 className={s.h}>学校变动</h2>
          <Text className={s.small} data-testid="compare-moves">
            {[
              c.added.length ? `新增：${c.added.join("、")}` : "",
              c.removed.length ? `减少：${c.removed.join("、")}` : "",
              c.renamed.length ? `更名：${c.renamed.map((r) => `${r.old} → ${r.new}`).join("、")}` : "",
            ]
              .filter(Boolean)
              .join("；") || "无新增、减少或更名的学校。"}
          </Text>
        </div>
      )}
    </section>
  );
}
