/**
 * 数据来源: which sheet(s) and layout the assessment read, a choice of another sheet, and the 列对应
 * view — for each field the assessment needs, what was found (or 未找到) with a drop-down of the
 * sheet's header paths. 保存列对应 writes the 「列对应」 sheet; the next assessment reads by it.
 */
import * as React from "react";
import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SourceView } from "../sourceView";
import type { MappedFieldEdit } from "../../workbook/columnMap";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  row: { display: "grid", gridTemplateColumns: "9em 1fr", gap: "6px", alignItems: "center" },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

export interface DataSourcePanelProps {
  source: SourceView;
  /** The sheets of the workbook, for the choice of the data sheet. */
  sheetNames: string[];
  chosen: string[] | undefined;
  busy: boolean;
  onChooseSheets(sheets: string[] | undefined): void;
  onSave(edits: MappedFieldEdit[]): void;
}

const keyOf = (f: { sheet: string; section: string | null; field: string }) => `${f.sheet}|${f.section ?? ""}|${f.field}`;

export function DataSourcePanel({ source, sheetNames, chosen, busy, onChooseSheets, onSave }: DataSourcePanelProps) {
  const s = useStyles();
  const [edits, setEdits] = React.useState<Record<string, string>>({});
  const choices = sheetNames.length ? sheetNames : source.candidates;
  const formulaOf = (k: string, formula: string) => (k in edits ? edits[k] : formula);
  const save = () =>
    onSave(
      source.fields
        .filter((f) => keyOf(f) in edits)
        .map((f) => {
          const formula = edits[keyOf(f)];
          const header = source.headers[f.sheet]?.find((h) => h.letter === formula)?.text;
          return { sheet: f.sheet, section: f.section, field: f.field as MappedFieldEdit["field"], formula, header };
        }),
    );
  return (
    <div className={s.root} data-testid="data-source">
      <Text>
        学校数据：{source.sheets.map((n) => `「${n}」`).join("、")}（{source.layout}）
      </Text>
      <Field label="学校数据所在的工作表" hint="默认按内容自动查找；按学段分表时自动读取小学、初中两个表。">
        <Select
          value={chosen?.length === 1 ? chosen[0] : ""}
          disabled={busy}
          onChange={(_, d) => onChooseSheets(d.value ? [d.value] : undefined)}
        >
          <option value="">自动查找</option>
          {choices.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <Text weight="semibold">列对应</Text>
      <Text className={s.small}>每个字段取自哪一列；“合成”表示由几列相加减得到（如 101 = 研究生＋本科＋专科）。改后点「保存列对应」，再评估即按「列对应」表读取。</Text>
      {source.fields.map((f) => {
        const k = keyOf(f);
        const value = formulaOf(k, f.formula);
        const headers = source.headers[f.sheet] ?? [];
        const derived = f.formula !== "" && !headers.some((h) => h.letter === f.formula);
        return (
          <div className={s.row} key={k} data-testid={`map-${k}`}>
            <Text size={200}>
              {f.section ? `${f.section === "primary" ? "小学" : "初中"}·` : ""}
              {f.label}
            </Text>
            <Select aria-label={f.label} size="small" value={value} disabled={busy} onChange={(_, d) => setEdits({ ...edits, [k]: d.value })}>
              <option value="">未找到</option>
              {derived && <option value={f.formula}>合成：{f.formula}（{f.header}）</option>}
              {headers.map((h) => (
                <option key={h.letter} value={h.letter}>
                  {h.letter} {h.text}
                </option>
              ))}
            </Select>
          </div>
        );
      })}
      <div>
        <Button appearance="primary" disabled={busy} onClick={save}>
          保存列对应
        </Button>
      </div>
    </div>
  );
}
