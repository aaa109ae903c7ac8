/**
 * Engine benchmark: assess() on a deterministic synthetic county of 100 000 school rows
 * (about 118 000 units). Prints the median time of several runs and memory figures.
 * Run alone: node --import tsx --expose-gc bench/engine.bench.ts
 */
import { loadavg } from "os";
import { assess } from "../src/engine";
import type { CountyDataset, SchoolRecord, SchoolType } from "../src/engine/types";
import { mulberry32 } from "../scripts/lib/prng";

const SCHOOLS = 100_000;
const RUNS = 5;
/** A large real county has a few hundred to a thousand schools. */
const SMALL = 1000;

function smallCounty(): number {
  const ds = syntheticCounty(SMALL, 7);
  const t: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    assess(ds);
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

function main(): void {
  const t0 = performance.now();
  const ds = syntheticCounty(SCHOOLS);
  const genMs = performance.now() - t0;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const times: number[] = [];
  const cpu: number[] = [];
  let last = assess(ds); // warm-up
  let units = last.units.length;
  for (let i = 0; i < RUNS; i++) {
    last = null as never;
    gc();
    const t = performance.now();
    const c = process.cpuUsage();
    last = assess(ds);
    times.push(performance.now() - t);
    const dc = process.cpuUsage(c);
    cpu.push((dc.user + dc.system) / 1000);
  }
  units = last.units.length;
  gc();
  const heapWithResult = process.memoryUsage().heapUsed;
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const cpuMedian = cpu[Math.floor(cpu.length / 2)];
  const load = loadAverage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(`engine: ${SCHOOLS} schools, ${units} units (${last.counts.primary.units} 小学 + ${last.counts.junior.units} 初中 included)`);
  console.log(`  dataset generation      ${genMs.toFixed(0)} ms`);
  console.log(`  assess() median of ${RUNS}   ${median.toFixed(0)} ms  (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)})`);
  console.log(`  assess() CPU time median ${cpuMedian.toFixed(0)} ms (all threads, GC included)${load}`);
  console.log(`  heap: dataset ${mb(heapBefore)} MB, + one assessment ${mb(heapWithResult - heapBefore)} MB`);
  console.log(`  RSS with the dataset, before assess(): ${mb(rssBefore)} MB (peak so far ${mb(peakBefore)} MB); peak RSS ${mb(peakRss)} MB`);
  console.log(`  a county-sized run (${SMALL} schools): median ${smallCounty().toFixed(1)} ms`);
  console.log(`  target: < 300 ms, < 200 MB → ${median < 300 ? "ok" : "SLOW"} / ${peakRss < 200 * 1024 * 1024 ? "ok" : "OVER"}`);
}

if (require.main === module) main();
