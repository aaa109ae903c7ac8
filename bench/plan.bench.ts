/**
 * 整改测算 benchmark: planRemediation() on a deterministic synthetic county of 20 000 school rows,
 * (a) as generated (step 1 only: its CVs are within the limits) and (b) with every tenth school's
 * 骨干教师 and 体育运动场馆 multiplied by 8, so that step 2 (water level, bisection, rounding, trim)
 * runs for 102 and 105 in both groups. Median of 7 runs each, compiled engine (dist/node).
 * Target: < 1 s. Run alone: npm run build:cli && node --import tsx --expose-gc bench/plan.bench.ts
 */
import { loadavg } from "os";
import type { assess as assessFn } from "../src/engine/assess";
import type { planRemediation as planFn } from "../src/engine/plan";
import type { CountyDataset } from "../src/engine/types";
import { compiledModule } from "./compiled";
import { syntheticCounty } from "./synthetic";

const SCHOOLS = 20_000;
const RUNS = 7;
const { assess } = compiledModule<{ assess: typeof assessFn }>("engine/assess", ["engine"]);
const { planRemediation } = compiledModule<{ planRemediation: typeof planFn }>("engine/plan", ["engine"]);

function median(f: () => void): number {
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[RUNS >> 1];
}

/** Every tenth school far above the rest in 102 and 105. */
function unequal(ds: CountyDataset): CountyDataset {
  const fields = ["primaryBackboneTeachers", "juniorBackboneTeachers", "sportsArea"] as const;
  return {
    ...ds,
    schools: ds.schools.map((s, i) => {
      if (i % 10 !== 0) return s;
      const values = { ...s.values };
      for (const f of fields) if (typeof values[f] === "number") values[f] = values[f]! * 8;
      return { ...s, values };
    }),
  };
}

function report(label: string, ds: CountyDataset): boolean {
  const a = assess(ds);
  let plan = planRemediation(a); // warm-up
  const ms = median(() => (plan = planRemediation(a)));
  const raised = (["primary", "junior"] as const).flatMap((s) =>
    Object.entries(plan.groups[s].indicators)
      .filter(([, i]) => i.level !== null)
      .map(([code, i]) => `${s === "primary" ? "小学" : "初中"}${code} ${i.cvAfterStep1!.toFixed(4)}→${i.cvAfter!.toFixed(4)}`),
  );
  const pass = (["primary", "junior"] as const).every((s) => plan.groups[s].passAfter === true);
  console.log(`  ${label}: ${plan.units.length} units; planRemediation() median of ${RUNS} ${ms.toFixed(0)} ms; step 2: ${raised.join(", ") || "none"}; CVs within limits after: ${pass}`);
  return ms < 1000;
}

function main(): void {
  const ds = syntheticCounty(SCHOOLS);
  console.log(`plan: ${SCHOOLS} schools (load average ${loadavg()[0].toFixed(1)})`);
  const ok = [report("as generated", ds), report("every tenth school ×8 in 102 and 105", unequal(ds))].every(Boolean);
  console.log(`  target: < 1000 ms → ${ok ? "ok" : "SLOW"}`);
}

main();
