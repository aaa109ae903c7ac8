/**
 * The pane's back end runs in a Web Worker (Excel's webviews and current browsers all have them), so
 * that reading, computing and writing 5 000 schools never blocks the UI thread. Only the bundle uses this
 * module (import.meta is webpack's way to name the worker's chunk); tests pass an EngineService directly.
 */
import type { EngineApi } from "./engineApi";
import { WorkerEngine } from "./workerEngine";

export async function createEngine(): Promise<EngineApi> {
  if (typeof Worker === "undefined") throw new Error("此浏览器不支持后台计算（Web Worker），请使用新版 Edge、Chrome 或 WPS 内置浏览器。");
  // @ts-ignore TS1343: import.meta is kept as written; webpack turns this into the worker chunk's URL.
  return new WorkerEngine(new Worker(new URL("./worker.ts", import.meta.url), { name: "junheng-engine" }));
}
