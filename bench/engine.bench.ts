/**
 * Engine benchmark: assess() on a deterministic synthetic county of 100 000 school rows
 * (about 118 000 units). Prints the median time of several runs and memory figures.
 * Measures the compiled engine (dist/node, as the CLI ships it; `npm run bench` builds it first).
 * Run alone: npm run build:cli && node --import tsx --expose-gc bench/engine.bench.ts
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { loadavg, tmpdir } from "os";
import { dirname, join } from "path";
import ts from "typescript";
import { assess } from "../src/engine";
import { compiledModule, ROOT } from "./compiled";
import { syntheticCounty } from "./synthetic";

const SCHOOLS = 100_000;
const RUNS = 9;
/** A large real county has a few hundred to a thousand schools. */
const SMALL = 1000;

function smallCounty(run: typeof assess): number {
  const ds = syntheticCounty(SMALL, 7);
  const t: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    run(ds);
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[10];
}

/** The machine's 1-minute load: timings on a shared machine need it beside them. */
function loadAverage(): string {
  return `; load average ${loadavg()[0].toFixed(1)}`;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);


/**
 * Memory of a plain Node process (no tsx, no bench machinery) that builds the dataset and runs one
 * assessment with the compiled engine: Node alone, with the dataset, and its peak RSS at the end.
 */
function plainNodeProcess(): { node: number; withDataset: number; peak: number } {
  const dir = mkdtempSync(join(tmpdir(), "junheng-bench-"));
  try {
    for (const rel of ["bench/synthetic.ts", "scripts/lib/prng.ts"]) {
      const js = ts.transpileModule(readFileSync(join(ROOT, rel), "utf8"), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
      }).outputText;
      mkdirSync(join(dir, dirname(rel)), { recursive: true });
      writeFileSync(join(dir, rel.replace(/\.ts$/, ".js")), js);
    }
    const child = `
      const node = process.memoryUsage().rss;
      const { syntheticCounty } = require(${JSON.stringify(join(dir, "bench/synthetic.js"))});
      const { assess } = require(${JSON.stringify(join(ROOT, "dist/node/engine/assess.js"))});
      const ds = syntheticCounty(${SCHOOLS});
      global.gc();
      const withDataset = process.memoryUsage().rss;
      assess(ds);
      console.log(JSON.stringify({ node, withDataset, peak: process.resourceUsage().maxRSS * 1024 }));`;
    const r = spawnSync(process.execPath, ["--expose-gc", "-e", child], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`plain Node run failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as { node: number; withDataset: number; peak: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The engine as the product runs it (compiled; see compiled.ts). */
function compiledAssess(): typeof assess {
  return compiledModule<{ assess: typeof assess }>("engine/assess", ["engine"]).assess;
}

function medianOf(runs: number, f: () => unknown): { median: number; min: number; max: number; cpu: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t = performance.now();
    const c = process.cpuUsage();
    f();
    times.push(performance.now() - t);
    const dc = process.cpuUsage(c);
    cpu.push((dc.user + dc.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const mid = Math.floor(runs / 2);
  return { median: times[mid], min: times[0], max: times[runs - 1], cpu: cpu[mid] };
}

/** Heap plus typed-array buffers: the indicator table lives in ArrayBuffers, outside heapUsed. */
function used(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function main(): void {
  const run = compiledAssess();
  const t0 = performance.now();
  const ds = syntheticCounty(SCHOOLS);
  const genMs = performance.now() - t0;
  gc();
  const before = used();
  let last = run(ds); // warm-up
  last = null as never;
  const t = medianOf(RUNS, () => (last = run(ds)));
  gc();
  const retained = used() - before;
  const fromSource = medianOf(3, () => assess(ds)).median;
  const load = loadAverage();
  const benchPeak = process.resourceUsage().maxRSS * 1024;
  const plain = plainNodeProcess();
  const units = last.units.length;
  console.log(`engine: ${SCHOOLS} schools, ${units} units (${last.counts.primary.units} 小学 + ${last.counts.junior.units} 初中 included)`);
  console.log(`  dataset generation       ${genMs.toFixed(0)} ms`);
  console.log(`  assess() median of ${RUNS}    ${t.median.toFixed(0)} ms  (min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)}; compiled engine, as the CLI and the pane run it)`);
  console.log(`  assess() CPU time median  ${t.cpu.toFixed(0)} ms (all threads, GC included)${load}`);
  console.log(`  from the TypeScript sources through tsx: median ${fromSource.toFixed(0)} ms (tsx's CommonJS interop reads every imported binding through a getter)`);
  console.log(`  memory held by one assessment: ${mb(retained)} MB (heap + the indicator table's typed arrays; heap before it, with Node, tsx and the dataset: ${mb(before)} MB)`);
  console.log(
    `  a plain Node process building the dataset and running one assessment: peak RSS ${mb(plain.peak)} MB ` +
      `(Node alone ${mb(plain.node)} MB, with the dataset ${mb(plain.withDataset)} MB); this bench process (tsx, ${RUNS + 4} assessments): ${mb(benchPeak)} MB`,
  );
  console.log(`  a county-sized run (${SMALL} schools): median ${smallCounty(run).toFixed(1)} ms`);
  console.log(`  target: < 300 ms, < 200 MB → ${t.median < 300 ? "ok" : "SLOW"} / ${plain.peak < 200 * 1024 * 1024 ? "ok" : "OVER"}`);
}

if (require.main === module) main();
