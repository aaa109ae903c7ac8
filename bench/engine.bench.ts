/**
 * Engine benchmark: assess() on a deterministic synthetic county of 100 000 school rows
 * (about 118 000 units). Prints the median time of several runs and memory figures.
 * Measures the compiled engine (dist/node, as the CLI ships it; `npm run bench` builds it first).
 * Run alone: npm run build:cli && node --import tsx --expose-gc bench/engine.bench.ts
 */
import { existsSync, readdirSync, statSync } from "fs";
import { loadavg } from "os";
import { join } from "path";
import { assess } from "../src/engine";
import type { CountyDataset, SchoolRecord, SchoolType } from "../src/engine/types";
import { mulberry32 } from "../scripts/lib/prng";

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

export function syntheticCounty(n: number, seed = 20171): CountyDataset {
  const r = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const around = (x: number) => x * (0.75 + r() * 0.5); // ±25 % around the national threshold
  const schools: SchoolRecord[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const u = r();
    const type: SchoolType =
      u < 0.65 ? "小学" : u < 0.8 ? "初中" : u < 0.95 ? "九年一贯制学校" : u < 0.98 ? "十二年一贯制学校" : u < 0.99 ? "完全中学" : "教学点";
    const hasP = type === "小学" || type === "教学点" || type === "九年一贯制学校" || type === "十二年一贯制学校";
    const hasJ = type !== "小学" && type !== "教学点";
    const p = hasP ? (type === "教学点" ? int(20, 120) : int(100, 2400)) : 0;
    const j = hasJ ? int(100, 1800) : 0;
    const s = type === "十二年一贯制学校" || type === "完全中学" ? int(100, 1500) : 0;
    const all = p + j;
    const values: SchoolRecord["values"] = {
      primaryStudents: hasP ? p : null,
      juniorStudents: hasJ ? j : null,
      seniorStudents: s || null,
      primaryClasses: hasP ? Math.ceil(p / 42) : null,
      juniorClasses: hasJ ? Math.ceil(j / 48) : null,
      primaryMaxClassSize: hasP ? int(30, 58) : null,
      juniorMaxClassSize: hasJ ? int(35, 60) : null,
      primaryQualifiedTeachers: hasP ? Math.round(around(0.042 * p)) : null,
      juniorQualifiedTeachers: hasJ ? Math.round(around(0.053 * j)) : null,
      primaryBackboneTeachers: hasP ? Math.round(around(0.01 * p)) : null,
      juniorBackboneTeachers: hasJ ? Math.round(around(0.01 * j)) : null,
      primaryPeArtTeachers: hasP ? Math.round(around(0.009 * p)) : null,
      juniorPeArtTeachers: hasJ ? Math.round(around(0.009 * j)) : null,
      teachers: Math.round(all * 0.07),
      certifiedTeachers: Math.round(all * 0.07),
      trainedTeachers: Math.round(all * 0.07),
      teachingArea: around(5 * all + 6 * s),
      sportsArea: around(9 * all + 11 * s),
      equipmentValue: around(0.23 * all + 0.3 * s),
      multimediaRooms: Math.round(around(0.024 * (all + s))),
      musicRooms: int(0, 4),
      artRooms: int(0, 4),
      publicFunds: around(all * 0.08),
      trainingFunds: around(all * 0.0045),
    };
    schools[i] = {
      name: `学校${i + 1}`,
      type,
      ownership: r() < 0.05 ? "民办" : "公办",
      charter: r() < 0.99,
      values,
      // 0.5 % of rows carry a bad cell, as real workbooks do.
      invalid: r() < 0.005 ? ["sportsArea"] : undefined,
    };
  }
  return {
    schools,
    county: {
      name: "基准县",
      numbers: { qualityHighSchoolAdmissions: 3445, quotaToSchools: 2452, socialRecognition: "pending" },
      flags: { quotaRuralTilt: true },
      qualitative: { "201": true },
      vetoes: {},
    },
  };
}

/** The machine's 1-minute load: timings on a shared machine need it beside them. */
function loadAverage(): string {
  return `; load average ${loadavg()[0].toFixed(1)}`;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The engine as the product runs it: compiled by tsc (`npm run build:cli`, as the CLI ships it). */
function compiledAssess(): typeof assess {
  const root = join(__dirname, "..");
  const built = join(root, "dist/node/engine/assess.js");
  const newestSource = Math.max(...readdirSync(join(root, "src/engine")).map((f) => statSync(join(root, "src/engine", f)).mtimeMs));
  if (!existsSync(built) || statSync(built).mtimeMs < newestSource) {
    throw new Error("dist/node is missing or older than src/engine: run `npm run build:cli` (npm run bench does it)");
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(built) as { assess: typeof assess }).assess;
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
  const rssBefore = process.memoryUsage().rss;
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  // The first assessment, on a process that holds only the dataset: how far it raises the peak.
  let last = run(ds);
  const firstPeak = process.resourceUsage().maxRSS * 1024;
  last = null as never;
  const t = medianOf(RUNS, () => (last = run(ds)));
  gc();
  const retained = used() - before;
  const fromSource = medianOf(3, () => assess(ds)).median;
  const load = loadAverage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const units = last.units.length;
  console.log(`engine: ${SCHOOLS} schools, ${units} units (${last.counts.primary.units} 小学 + ${last.counts.junior.units} 初中 included)`);
  console.log(`  dataset generation       ${genMs.toFixed(0)} ms`);
  console.log(`  assess() median of ${RUNS}    ${t.median.toFixed(0)} ms  (min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)}; compiled engine, as the CLI and the pane run it)`);
  console.log(`  assess() CPU time median  ${t.cpu.toFixed(0)} ms (all threads, GC included)${load}`);
  console.log(`  from the TypeScript sources through tsx: median ${fromSource.toFixed(0)} ms (tsx's CommonJS interop reads every imported binding through a getter)`);
  console.log(`  memory held by one assessment: ${mb(retained)} MB (heap + the indicator table's typed arrays; dataset ${mb(before)} MB)`);
  console.log(`  peak RSS: ${mb(peakBefore)} MB with Node, tsx and the dataset; the first assessment raised it by ${mb(firstPeak - peakBefore)} MB; ${mb(peakRss)} MB at the end (RSS before assess ${mb(rssBefore)} MB)`);
  console.log(`  a county-sized run (${SMALL} schools): median ${smallCounty(run).toFixed(1)} ms`);
  const memory = Math.max(retained, firstPeak - peakBefore);
  console.log(`  target: < 300 ms, < 200 MB → ${t.median < 300 ? "ok" : "SLOW"} / ${memory < 200 * 1024 * 1024 ? "ok" : "OVER"}`);
}

if (require.main === module) main();
