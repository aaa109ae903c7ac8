/**
 * The pane's back end runs in a Web Worker (Excel's webviews and current browsers all have them), so
 * that reading, computing and writing 5 000 schools never blocks the UI thread. Where a worker cannot be
 * started — the page opened straight from disk (file://, where Chromium refuses workers) — the same
 * back end is loaded into the page instead: slower to stay responsive, but it works.
 * Only the bundle uses this module (import.meta is webpack's way to name the worker's chunk); tests pass
 * an EngineService directly.
 */
import type { EngineApi } from "./engineApi";
import { WorkerEngine } from "./workerEngine";

export async function createEngine(): Promise<EngineApi> {
  if (typeof Worker !== "undefined") {
    try {
      // @ts-ignore TS1343: import.meta is kept as written; webpack turns this into the worker chunk's URL.
      return new WorkerEngine(new Worker(new URL("./worker.ts", import.meta.url), { name: "junheng-engine" }));
    } catch (err) {
      console.warn("Web Worker unavailable, running the engine in the page:", err);
    }
  }
  const { EngineService } = await import(/* webpackChunkName: "engine-inpage" */ "./engineService");
  return new EngineService();
}
