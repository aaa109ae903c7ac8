/** What the 与上年比较 and 多县汇总 panels share: styles, a header row, a file picker button. */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { TABLE_STYLES } from "./tableStyles";

export const usePanelStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center" },
  h: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: "6px 0 2px 0" },
  scroll: { overflowX: "auto" },
  ...TABLE_STYLES,
  better: { color: tokens.colorPaletteGreenForeground1 },
  worse: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
});

/** A table's header row. */
export function HeadRow({ cols }: { cols: readonly string[] }) {
  const s = usePanelStyles();
  return (
    <thead>
      <tr>
        {cols.map((h) => (
          <th key={h} className={s.th} scope="col">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A button that opens the file chooser for .xlsx files (one, or several with `multiple`). */
export function XlsxPicker(props: { label: string; testId: string; disabled: boolean; multiple?: boolean; onFiles(files: File[]): void; children: React.ReactNode }) {
  const s = usePanelStyles();
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <div className={s.row}>
      <input
        ref={input}
        className={s.hidden}
        type="file"
        multiple={props.multiple}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={props.label}
        data-testid={props.testId}
        tabIndex={-1}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          if (files.length) props.onFiles(files);
          e.currentTarget.value = "";
        }}
      />
      <Button disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.children}
      </Button>
    </div>
  );
}
