/**
 * Growth-ratio measurement for the linear-time properties: how much longer an operation takes when its input
 * doubles. Built to hold on a loaded two-core machine: each input is run often enough that the smallest takes at
 * least 20 ms, each size keeps the best of several runs, and a measurement over the limit is taken again before it
 * counts. Linear work grows about ×2 per doubling, quadratic work ×4.
 */
import * as assert from 'assert';

/** The growth per doubling above which work is not linear (×2 linear, ×4 quadratic). */
export const MAX_GROWTH = 2.5;
const MIN_MS = 20;
const BEST_OF = 5;
const ATTEMPTS = 3;

function elapsed(f: () => void): number {
  const start = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Times per size (ms, best of a few), each input run `repeat` times, the repeat count chosen for the smallest. The
 * sizes take turns, so that a burst of load elsewhere on the machine slows all of them, not one.
 */
function measure<T>(inputs: readonly T[], run: (input: T) => void): number[] {
  let repeat = 1;
  const many = (input: T) => () => { for (let i = 0; i < repeat; i++) run(input); };
  for (let t = elapsed(many(inputs[0])); t < MIN_MS && repeat < 1 << 20; t = elapsed(many(inputs[0]))) {
    repeat = Math.ceil(repeat * Math.min(64, Math.max(2, (1.2 * MIN_MS) / Math.max(t, 0.01))));
  }
  const best = inputs.map(() => Infinity);
  for (let round = 0; round < BEST_OF; round++) inputs.forEach((input, i) => (best[i] = Math.min(best[i], elapsed(many(input)))));
  return best;
}

export interface Growth {
  sizes: number[];
  ms: number[];
  ratios: number[];
  /** The growth per doubling over the whole range (geometric mean of `ratios`): what the limit applies to. */
  perDoubling: number;
}

/** The growth ratios of `run` on inputs of `base`, 2×, 4×… characters (`doublings` of them). */
export function growthOf<T>(make: (size: number) => T, run: (input: T) => void, base = 16_384, doublings = 2): Growth {
  const sizes = Array.from({ length: doublings + 1 }, (_, i) => base * 2 ** i);
  const inputs = sizes.map(make);
  run(inputs[0]); // compiles what is compiled on first use
  const ms = measure(inputs, run);
  return { sizes, ms, ratios: ms.slice(1).map((t, i) => t / ms[i]), perDoubling: (ms[doublings] / ms[0]) ** (1 / doublings) };
}

/**
 * Fails unless `run` grows by at most MAX_GROWTH per doubling of its input, over the whole range of sizes (one step
 * alone is at the mercy of a garbage collection), in one of a few measurements.
 */
export function assertLinear<T>(what: string, make: (size: number) => T, run: (input: T) => void, base?: number, doublings?: number): Growth {
  let growth!: Growth;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    growth = growthOf(make, run, base, doublings);
    if (growth.perDoubling <= MAX_GROWTH) return growth;
  }
  const figures = growth.sizes.map((n, i) => `${n}: ${growth.ms[i].toFixed(1)} ms`).join(', ');
  assert.fail(`${what}: grows ×${growth.perDoubling.toFixed(2)} per doubling (steps ×${growth.ratios.map((r) => r.toFixed(2)).join(', ×')}: ${figures})`);
}

/** `unit` repeated to `size` characters. */
export function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / Math.max(1, unit.length))).slice(0, size);
}
