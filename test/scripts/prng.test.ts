/**
 * The shared seeded PRNG (scripts/lib/prng.ts) used by the sample builder and the benchmarks.
 * Expected behaviour: deterministic per seed, different seeds give different streams, values in [0, 1).
 */
import { mulberry32 } from "../../scripts/lib/prng";

describe("mulberry32", () => {
  test("the same seed gives the same sequence; another seed another one", () => {
    const a = mulberry32(20241129);
    const b = mulberry32(20241129);
    const c = mulberry32(20241130);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c())).not.toEqual(xs);
  });

  test("values lie in [0, 1) and spread over the interval", () => {
    const r = mulberry32(7);
    const xs = Array.from({ length: 10_000 }, () => r());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // Mean of 10 000 uniform draws: 0.5 ± 5·(1/√12)/√10 000 ≈ ±0.0144.
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0144);
  });
});
