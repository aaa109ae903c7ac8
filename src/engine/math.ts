/**
 * Small pure numeric helpers of the engine: threshold comparison, rounding up for gaps,
 * the student-weighted 差异系数 (indicators.md §3).
 */

/**
 * value ≥ limit, with a relative tolerance: a value equal to the limit in exact arithmetic
 * (21/500×100 = 4.2) counts as reaching it (indicators.md §2.2).
 */
export function reaches(value: number, limit: number, tolerance: number): boolean {
  return value >= limit - Math.abs(limit) * tolerance;
}

/** value ≤ limit, with the same relative tolerance (CV limits, school size). */
export function withinLimit(value: number, limit: number, tolerance: number): boolean {
  return value <= limit + Math.abs(limit) * tolerance;
}

/**
 * Round `x` up to `decimals` places, first removing floating-point noise so that
 * 21.000000000004 rounds up to 21, not 22 (indicators.md §2.4).
 */
export function ceilTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Math.round(x * f * 1e6) / 1e6;
  return Math.ceil(scaled) / f;
}

export interface WeightedStats {
  /** Σ w·x / Σ w. */
  mean: number;
  /** Population SD: sqrt(Σ w·(x − mean)² / Σ w). */
  sd: number;
  /** sd / mean; null when the mean is 0. */
  cv: number | null;
}

/**
 * Student-weighted mean, SD and CV, population form (indicators.md §3). Two passes (mean, then
 * squared deviations) for numerical stability. Returns null when there is no weight.
 */
export function weightedCv(values: ArrayLike<number>, weights: ArrayLike<number>): WeightedStats | null {
  const n = values.length;
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < n; i++) {
    sw += weights[i];
    swx += weights[i] * values[i];
  }
  if (!(sw > 0)) return null;
  const mean = swx / sw;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    ss += weights[i] * d * d;
  }
  const sd = Math.sqrt(ss / sw);
  return { mean, sd, cv: mean === 0 ? null : sd / mean };
}

/**
 * The same statistics as weightedCv, accumulated one value at a time (West 1979, "Updating mean and
 * variance estimates", Comm. ACM 22(9)): numerically stable like the two-pass form, and the values
 * need not be kept — the engine feeds each unit's value while it is still in the CPU cache.
 */
export class WeightedMoments {
  /** Values added. */
  count = 0;
  private weight = 0;
  private mean = 0;
  /** Σ w·(x − mean)², updated in place. */
  private s = 0;

  add(x: number, w: number): void {
    this.count++;
    if (!(w > 0)) return;
    const weight = this.weight + w;
    const delta = x - this.mean;
    const r = (delta * w) / weight;
    this.mean += r;
    this.s += this.weight * delta * r;
    this.weight = weight;
  }

  /** Mean, SD and CV; null when there is no weight (as weightedCv). */
  stats(): WeightedStats | null {
    if (!(this.weight > 0)) return null;
    const sd = Math.sqrt(Math.max(0, this.s) / this.weight);
    return { mean: this.mean, sd, cv: this.mean === 0 ? null : sd / this.mean };
  }
}

/** 综合差异系数: arithmetic mean of the single-indicator CVs; null when any is null. */
export function compositeCv(cvs: readonly (number | null)[]): number | null {
  if (cvs.length === 0) return null;
  let s = 0;
  for (const cv of cvs) {
    if (cv === null) return null;
    s += cv;
  }
  return s / cvs.length;
}
