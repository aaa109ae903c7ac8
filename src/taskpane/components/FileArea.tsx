/**
 * Web mode's file area: open or drop an .xlsx, or load the bundled sample. States that nothing is uploaded.
 */
import * as React from "react";
import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "10px",
    display: "flex",
    flexDirection: "column",
    gap: "6px",
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center" },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
});

export interface FileAreaProps {
  current: string | null;
  busy: boolean;
  onFile(file: File): void;
  onSample(): void;
}

export function FileArea({ current, busy, onFile, onSample }: FileAreaProps) {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [over, setOver] = React.useState(false);
  return (
    <section
      className={mergeClasses(s.drop, over && s.over)}
      aria-label="工作簿"
      data-testid="file-area"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const f = e.dataTransfer.files?.[0];
        if (f) onFile(f);
      }}
    >
      <Text weight="semibold">{current ? `当前工作簿：${current}` : "打开县域数据工作簿（.xlsx），或把文件拖到这里"}</Text>
      <div className={s.row}>
        <input
          ref={input}
          id="file-input"
          className={s.hidden}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="打开工作簿"
          data-testid="file-input"
          tabIndex={-1}
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) onFile(f);
            e.currentTarget.value = "";
          }}
        />
        <Button disabled={busy} onClick={() => input.current?.click()}>
          打开工作簿…
        </Button>
        <Button disabled={busy} onClick={onSample}>
          示例数据
        </Button>
      </div>
      <Text className={s.note}>本工具在本机浏览器中运行，数据不会上传。</Text>
    </section>
  );
}
