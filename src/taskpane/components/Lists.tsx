/**
 * 问题清单 (shortfalls grouped by school, with what it takes) and 数据问题 (input errors and warnings).
 * Every entry with a cell is a button: Office mode selects the cell, web mode shows the row.
 * Long lists are shown a page at a time so that 5 000 schools never make a huge DOM.
 */
import * as React from "react";
import { Badge, Button, makeStyles, tokens, Text } from "@fluentui/react-components";
import type { DataIssue } from "../../workbook/contract";
import type { ShortfallGroup } from "../model";
import type { RowPreview } from "../appHost";
import { StatusBadge } from "./StatusBadge";

const PAGE = 40;

const useStyles = makeStyles({
  group: { marginBottom: "10px" },
  school: { fontWeight: tokens.fontWeightSemibold, margin: "0 0 2px 0", fontSize: tokens.fontSizeBase300 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  entry: {
    display: "block",
    width: "100%",
    textAlign: "left",
    border: "none",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    background: "transparent",
    padding: "4px 2px",
    cursor: "pointer",
    font: "inherit",
    color: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  preview: {
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "6px 8px",
    marginBottom: "10px",
    maxHeight: "260px",
    overflowY: "auto",
    backgroundColor: tokens.colorBrandBackground2,
    fontSize: tokens.fontSizeBase200,
  },
  table: { width: "100%", borderCollapse: "collapse" },
  target: { fontWeight: tokens.fontWeightBold, color: tokens.colorPaletteRedForeground1 },
});

export type Locate = (sheet: string, cell: string) => void;

function ref(sheet: string, cell: string | null): string {
  return cell ? `${sheet}!${cell}` : sheet;
}

function useCount(total: number): [number, () => void] {
  const [n, setN] = React.useState(PAGE);
  return [Math.min(n, total), () => setN((x) => x + PAGE * 5)];
}

export function RowPreviewCard({ preview }: { preview: RowPreview }) {
  const s = useStyles();
  return (
    <section className={s.preview} aria-label="单元格所在行" data-testid="row-preview" aria-live="polite">
      <Text weight="semibold">
        {preview.sheet}!{preview.cell}（第 {preview.row} 行）
      </Text>
      <table className={s.table}>
        <tbody>
          {preview.fields.map((f) => (
            <tr key={f.column} className={f.target ? s.target : undefined}>
              <td>
                {f.column} {f.header}
              </td>
              <td>{f.value || "（空）"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One list entry: a button that locates `cell` on `sheet` (disabled when there is no cell). */
function LocateButton(props: { sheet: string; cell: string | null; onLocate: Locate; label?: string; children: React.ReactNode }) {
  const s = useStyles();
  const { sheet, cell, onLocate } = props;
  return (
    <button
      type="button"
      className={s.entry}
      data-cell={cell ?? ""}
      disabled={!cell}
      onClick={() => cell && onLocate(sheet, cell)}
      aria-label={props.label}
    >
      {props.children}
    </button>
  );
}

export function ShortfallList({ groups, total, onLocate }: { groups: ShortfallGroup[]; total: number; onLocate: Locate }) {
  const s = useStyles();
  const [shown, more] = useCount(groups.length);
  if (!groups.length) return <Text>没有未达标或基本达标的项目。</Text>;
  return (
    <div data-testid="shortfalls">
      <Text className={s.small}>
        {groups.length} 所学校共 {total} 项。点击一项可定位到对应单元格。
      </Text>
      {groups.slice(0, shown).map((g) => (
        <section key={g.school} className={s.group} aria-label={g.school}>
          <h4 className={s.school}>{g.school}</h4>
          <ul className={s.list}>
            {g.entries.map((e, i) => (
              <li key={i}>
                <LocateButton
                  sheet={e.sheet}
                  cell={e.cell}
                  onLocate={onLocate}
                  label={`${g.school} ${e.label} ${e.text}，${ref(e.sheet, e.cell)}`}
                >
                  <StatusBadge status={e.status} /> {e.label}：<strong>{e.text}</strong>
                  <div className={s.small}>
                    {e.figure}
                    {e.cell ? ` · ${ref(e.sheet, e.cell)}` : ""}
                  </div>
                </LocateButton>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {shown < groups.length && (
        <Button onClick={more}>显示更多（还有 {groups.length - shown} 所学校）</Button>
      )}
    </div>
  );
}

export function IssueList({ issues, onLocate }: { issues: DataIssue[]; onLocate: Locate }) {
  const s = useStyles();
  const [shown, more] = useCount(issues.length);
  if (!issues.length) return <Text>没有发现数据问题。</Text>;
  const errors = issues.filter((i) => i.severity === "error").length;
  return (
    <div data-testid="issues">
      <Text className={s.small}>
        错误 {errors} 条，提示 {issues.length - errors} 条。有误的单元格只影响相关学校的相关指标。
      </Text>
      <ul className={s.list}>
        {issues.slice(0, shown).map((i, k) => (
          <li key={k}>
            <LocateButton sheet={i.sheet} cell={i.cell} onLocate={onLocate}>
              <Badge appearance="tint" shape="rounded" color={i.severity === "error" ? "danger" : "warning"}>
                {i.severity === "error" ? "错误" : "提示"}
              </Badge>{" "}
              <strong>{ref(i.sheet, i.cell)}</strong>
              {i.school ? `（${i.school}）` : ""}：{i.message}
              {i.raw !== null && i.raw !== undefined && i.raw !== "" ? (
                <div className={s.small}>单元格内容：{i.raw}</div>
              ) : null}
            </LocateButton>
          </li>
        ))}
      </ul>
      {shown < issues.length && <Button onClick={more}>显示更多（还有 {issues.length - shown} 条）</Button>}
    </div>
  );
}
