/**
 * The task pane. Receives every host call through `host` (AppHost); renders the same views in Office
 * mode and in web mode (where a file area comes first).
 */
import * as React from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { RuleProfile } from "../engine/types";
import { type AppHost, type PaneSettings, type RowPreview, type Stage, STAGE_LABEL, isFileHost } from "./appHost";
import type { PaneModel } from "./model";
import { Overview } from "./components/Overview";
import { IssueList, RowPreviewCard, ShortfallList } from "./components/Lists";
import { SettingsPanel } from "./components/SettingsPanel";
import type { MappedFieldEdit } from "../workbook/columnMap";
import { FileArea } from "./components/FileArea";

// The tabs opened after an assessment load their code when first shown: the initial pane JS stays
// within its 250 KB gzipped budget (test/browser/bundle.test.ts).
const DataSourcePanel = React.lazy(() => import("./components/DataSourcePanel").then((m) => ({ default: m.DataSourcePanel })));
const ComparePanel = React.lazy(() => import("./components/ComparePanel").then((m) => ({ default: m.ComparePanel })));
const SummaryPanel = React.lazy(() => import("./components/SummaryPanel").then((m) => ({ default: m.SummaryPanel })));
const PlanPanel = React.lazy(() => import("./components/PlanPanel").then((m) => ({ default: m.PlanPanel })));

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    minWidth: "280px",
    padding: "10px 12px 24px",
    display: "flex",
    flexDirection: "column",
    gap: "10px",
    fontSize: tokens.fontSizeBase300,
  },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: "6px" },
  stages: { display: "flex", gap: "6px", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  stageOn: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  stageDone: { color: tokens.colorNeutralForeground1 },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const STAGES: Stage[] = ["read", "compute", "write"];
type TabId = "overview" | "shortfalls" | "issues" | "source" | "settings" | "plan" | "compare" | "summary";
const TAB_LABEL: Record<TabId, string> = { overview: "概览", shortfalls: "问题清单", issues: "数据问题", source: "数据来源", settings: "设置", plan: "整改测算", compare: "与上年比较", summary: "多县汇总" };
type Busy = "assess" | "template" | "report" | "export" | "download" | "open" | "clear" | "map" | null;
interface Message {
  intent: "success" | "error" | "info" | "warning";
  text: string;
}

export interface AppProps {
  host: AppHost;
  profiles: RuleProfile[];
  defaultProfile: RuleProfile;
}

/** Our own errors are in Chinese; anything else is shown after a Chinese lead-in. */
function errorText(err: unknown): string {
  const m = err instanceof Error ? err.message : "";
  if (!m) return "操作失败，请重试。";
  return /[\u4e00-\u9fff]/.test(m) ? m : `操作失败（${m}），请重试。`;
}

export function App({ host, profiles, defaultProfile }: AppProps) {
  const s = useStyles();
  const [settings, setSettings] = React.useState<PaneSettings>({});
  const [model, setModel] = React.useState<PaneModel | null>(null);
  const [busy, setBusy] = React.useState<Busy>(null);
  const [stage, setStage] = React.useState<Stage | null>(null);
  const [message, setMessage] = React.useState<Message | null>(null);
  const [preview, setPreview] = React.useState<RowPreview | null>(null);
  const [tab, setTab] = React.useState<TabId>("overview");
  const [fileName, setFileName] = React.useState<string | null>(isFileHost(host) ? host.current() : null);
  const [elapsed, setElapsed] = React.useState<number | null>(null);
  const [cleared, setCleared] = React.useState(false);
  const fileMode = isFileHost(host);

  React.useEffect(() => {
    let live = true;
    host.loadSettings().then(
      (st) => live && setSettings(st),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);

  const run = async (what: Exclude<Busy, null>, f: () => Promise<void>) => {
    setBusy(what);
    setMessage(null);
    try {
      await f();
    } catch (err) {
      setMessage({ intent: "error", text: errorText(err) });
    } finally {
      setBusy(null);
      setStage(null);
    }
  };

  const assess = () =>
    run("assess", async () => {
      const t0 = performance.now();
      setPreview(null);
      const m = await host.assess({ ...settings, onProgress: (st) => setStage(st) });
      setModel(m);
      setCleared(false);
      setElapsed(performance.now() - t0);
      setTab("overview");
      const errors = m.issues.filter((i) => i.severity === "error").length;
      setMessage({
        intent: errors ? "warning" : "success",
        text: `评估完成：${m.schoolCount} 所学校，问题 ${m.shortfallCount} 项${errors ? `，数据问题 ${errors} 条` : ""}。${
          fileMode ? "" : "结果已写回工作簿。"
        }`,
      });
    });

  const openFile = (file: File) =>
    run("open", async () => {
      if (!isFileHost(host)) return;
      const r = await host.open(file.name, await file.arrayBuffer());
      setFileName(r.name);
      setCleared(false);
      setModel(null);
      setPreview(null);
      setMessage({ intent: "info", text: `已打开「${r.name}」（${r.sheetNames.length} 个工作表）。请点击「评估」。` });
    });

  const openSample = () =>
    run("open", async () => {
      if (!isFileHost(host)) return;
      const r = await host.openSample();
      setFileName(r.name);
      setCleared(false);
      setModel(null);
      setPreview(null);
      setMessage({ intent: "info", text: `已载入示例数据（${r.sheetNames.length} 个工作表）。请点击「评估」。` });
    });

  const createTemplate = () =>
    run("template", async () => {
      const r = await host.createTemplate(settings);
      if (isFileHost(host)) setFileName(host.current());
      setMessage({
        intent: "success",
        text: r.added.length
          ? `已添加工作表：${r.added.join("、")}${r.kept.length ? `；已有的 ${r.kept.join("、")} 保持不变` : ""}。`
          : `模板工作表均已存在（${r.kept.join("、")}），未做改动。`,
      });
    });

  const exportReport = () =>
    run("report", async () => setMessage({ intent: "success", text: await host.exportReport() }));

  const exportWorkbook = () =>
    run("export", async () => setMessage({ intent: "success", text: await host.exportWorkbook() }));

  const clearResults = () =>
    run("clear", async () => {
      const text = await host.clearResults();
      setCleared(true);
      setModel(null);
      setPreview(null);
      setMessage({ intent: "success", text });
    });

  const downloadChecked = () =>
    run("download", async () => {
      if (isFileHost(host)) setMessage({ intent: "success", text: await host.downloadChecked() });
    });

  const saveColumnMap = (edits: MappedFieldEdit[]) =>
    run("map", async () => setMessage({ intent: "success", text: await host.saveColumnMap(edits) }));

  const locate = (sheet: string, cell: string) => {
    host.selectCell(sheet, cell).then(
      (p) => setPreview(p),
      (err) => setMessage({ intent: "error", text: `无法定位到 ${sheet}!${cell}：${errorText(err)}` }),
    );
  };

  const changeSettings = (next: PaneSettings) => {
    setSettings(next);
    host.saveSettings(next).catch((err) => setMessage({ intent: "error", text: errorText(err) }));
  };

  const canAssess = !busy && (!fileMode || fileName !== null);
  const issueCount = model?.issues.length ?? 0;

  return (
    <FluentProvider theme={webLightTheme}>
      <main
        className={s.root}
        data-mode={host.mode}
        data-busy={busy ?? ""}
        data-assess-ms={elapsed === null ? "" : Math.round(elapsed)}
      >
        <h1 className={s.title}>优质均衡评估助手</h1>
        {fileMode && (
          <FileArea current={fileName} busy={busy !== null} onFile={openFile} onSample={openSample} />
        )}
        <div className={s.actions} role="group" aria-label="操作">
          <Button appearance="primary" disabled={!canAssess} onClick={assess}>
            评估
          </Button>
          <Button disabled={busy !== null} onClick={createTemplate}>
            创建模板
          </Button>
          <Button disabled={busy !== null || !model} onClick={exportReport}>
            生成报告
          </Button>
          <Button disabled={busy !== null || !model} onClick={exportWorkbook}>
            导出上报
          </Button>
          <Button disabled={busy !== null || (fileMode && fileName === null)} onClick={clearResults} title="删除评估写入的结果工作表、结果列和标色，恢复评估前的工作簿；您自己的内容不变">
            清除评估结果
          </Button>
          {fileMode && (
            <Button disabled={busy !== null || (!model && !cleared)} onClick={downloadChecked}>
              下载已检查的工作簿
            </Button>
          )}
        </div>
        <div aria-live="polite" role="status">
          {busy === "assess" && (
            <div data-testid="progress">
              <div className={s.stages}>
                {STAGES.map((st, i) => {
                  const at = stage ? STAGES.indexOf(stage) : -1;
                  return (
                    <span key={st} className={i === at ? s.stageOn : i < at ? s.stageDone : undefined}>
                      {i > 0 ? "→ " : ""}
                      {STAGE_LABEL[st]}
                      {i < at ? " ✓" : ""}
                    </span>
                  );
                })}
              </div>
              <ProgressBar
                aria-label="评估进度"
                value={stage ? (STAGES.indexOf(stage) + 0.5) / STAGES.length : 0.05}
              />
              <Text className={s.small}>正在{stage ? STAGE_LABEL[stage] : "准备"}…</Text>
            </div>
          )}
          {busy && busy !== "assess" && <ProgressBar aria-label="请稍候" />}
          {message && (
            <MessageBar intent={message.intent} data-testid="message">
              <MessageBarBody>{message.text}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small" aria-label="视图">
          <Tab value="overview">概览</Tab>
          <Tab value="shortfalls">问题清单{model ? `（${model.shortfallCount}）` : ""}</Tab>
          <Tab value="issues">数据问题{model ? `（${issueCount}）` : ""}</Tab>
          <Tab value="source">数据来源</Tab>
          <Tab value="settings">设置</Tab>
          <Tab value="plan">整改测算</Tab>
          <Tab value="compare">与上年比较</Tab>
          <Tab value="summary">多县汇总</Tab>
        </TabList>
        <div role="tabpanel" aria-label={TAB_LABEL[tab]}>
          <React.Suspense fallback={<Text className={s.small}>正在加载…</Text>}>
          {tab === "plan" ? (
            <PlanPanel ready={model !== null} plan={() => host.plan()} />
          ) : tab === "compare" ? (
            <ComparePanel ready={model !== null} compare={(n, d) => host.compareLastYear(n, d)} />
          ) : tab === "summary" ? (
            <SummaryPanel summarize={(n, d) => host.summarize(n, d)} />
          ) : tab === "settings" ? (
            <SettingsPanel
              settings={settings}
              profiles={profiles}
              defaultProfile={defaultProfile}
              mode={host.mode}
              onChange={changeSettings}
            />
          ) : !model ? (
            <Text className={s.small}>
              {fileMode
                ? "打开工作簿后点击「评估」，即可查看结论、问题清单和数据问题。"
                : "点击「评估」：读取「学校数据」「县级指标」，计算各项指标，并把结果写回工作簿。没有模板时先点击「创建模板」。"}
            </Text>
          ) : (
            <>
              {preview && tab !== "overview" && <RowPreviewCard preview={preview} />}
              {tab === "overview" && <Overview model={model} />}
              {tab === "shortfalls" && (
                <ShortfallList groups={model.shortfalls} total={model.shortfallCount} onLocate={locate} />
              )}
              {tab === "issues" && <IssueList issues={model.issues} onLocate={locate} />}
              {tab === "source" && (
                <DataSourcePanel
                  source={model.source}
                  sheetNames={model.source.candidates}
                  chosen={settings.sheets}
                  busy={busy !== null}
                  onChooseSheets={(sheets) => changeSettings({ ...settings, sheets })}
                  onSave={saveColumnMap}
                />
              )}
              {elapsed !== null && tab === "overview" && (
                <Text className={s.small}>用时 {(elapsed / 1000).toFixed(1)} 秒</Text>
              )}
            </>
          )}
          </React.Suspense>
        </div>
      </main>
    </FluentProvider>
  );
}
