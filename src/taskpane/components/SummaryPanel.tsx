/**
 * 多县汇总 (web mode): choose or drop several county workbooks; each is assessed in turn (progress
 * shown) and becomes one row — the same table as `junheng summary`. A file that cannot be read is a
 * row with its reason; the others go on. The open workbook is not touched.
 */
import * as React from "react";
import { ProgressBar, Text } from "@fluentui/react-components";
import { summaryHeaders, summaryTexts } from "../../workbook/summary";
import type { CountySummary } from "../../workbook/summary";
import { HeadRow, XlsxPicker, usePanelStyles } from "./panelParts";

export interface SummaryPanelProps {
  summarize(name: string, data: ArrayBuffer): Promise<CountySummary>;
}

export function SummaryPanel({ summarize }: SummaryPanelProps) {
  const s = usePanelStyles();
  const [rows, setRows] = React.useState<CountySummary[]>([]);
  const [progress, setProgress] = React.useState<{ done: number; total: number; file: string } | null>(null);

  const run = async (files: File[]) => {
    const out: CountySummary[] = [];
    setRows([]);
    for (const [i, f] of files.entries()) {
      setProgress({ done: i, total: files.length, file: f.name });
      let row: CountySummary;
      try {
        row = await summarize(f.name, await f.arrayBuffer());
      } catch (e) {
        const error = e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : "无法读取该文件";
        row = { file: f.name, county: null, verdict: null, units: null, balance: null, blockers: [], error };
      }
      out.push(row);
      setRows([...out]);
    }
    setProgress(null);
  };

  const headers = summaryHeaders();
  return (
    <section
      className={s.panel}
      aria-label="多县汇总"
      data-testid="summary-panel"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const files = Array.from(e.dataTransfer.files ?? []);
        if (files.length && !progress) void run(files);
      }}
    >
      <XlsxPicker label="选择各县工作簿" testId="summary-input" disabled={progress !== null} multiple onFiles={(f) => void run(f)}>
        选择各县工作簿…
      </XlsxPicker>
      <Text className={s.small}>可一次选择（或拖入）多个县（区）的工作簿，每县一行；数据只在本机浏览器中处理。</Text>
      {progress && (
        <div aria-live="polite" data-testid="summary-progress">
          <ProgressBar aria-label="汇总进度" value={progress.done / progress.total} />
          <Text className={s.small}>{`正在评估第 ${progress.done + 1}/${progress.total} 个：${progress.file}`}</Text>
        </div>
      )}
      {rows.length > 0 && (
        <div className={s.scroll}>
          <table className={s.table} aria-label="多县汇总" data-testid="summary-table">
            <HeadRow cols={headers} />
            <tbody>
              {rows.map((r, i) => (
                <tr key={`${r.file}-${i}`} data-file={r.file}>
                  {summaryTexts(r).map((t, j) => (
                    <td key={j} className={j === 2 && r.verdict !== "pass" ? s.worse : s.td}>
                      {t}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
