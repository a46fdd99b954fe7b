/**
 * What the centrality modules share: the result shape of iterative methods and option checks that throw a
 * CentralityInputError naming the module.
 */
import type { Csr } from '../csr.ts';
import { CentralityInputError } from './errors.ts';

export function checkNumber(module: string, name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !(value >= min && value <= max)) {
    throw new CentralityInputError(module, `${name} must be a number in [${min}, ${max}], got ${String(value)}`);
  }
  return value;
}

export function checkInteger(module: string, name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new CentralityInputError(module, `${name} must be an integer ≥ ${min}, got ${String(value)}`);
  }
  return value;
}

export function checkOneOf<T extends string>(module: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new CentralityInputError(module, `${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${String(value)}`);
  }
  return value as T;
}

export function checkNonNegativeWeights(module: string, csr: Csr): void {
  if (csr.minWeight < 0) {
    throw new CentralityInputError(module, `edge weights must be ≥ 0 (found ${csr.minWeight})`);
  }
}

/** The options with every missing (undefined) entry taken from `defaults`. */
export function withDefaults<T extends object>(defaults: Required<T>, options: T | undefined): Required<T> {
  const resolved = { ...defaults } as Record<string, unknown>;
  if (options) {
    for (const [key, value] of Object.entries(options)) if (value !== undefined) resolved[key] = value;
  }
  return resolved as Required<T>;
}

/** Result of an iterative method (PageRank, eigenvector): it never throws for lack of convergence. */
export interface IterativeResult {
  scores: Record<string, number>;
  /** iterations performed */
  iterations: number;
  /** whether the L1 change fell below the tolerance within maxIterations */
  converged: boolean;
  /** L1 change of the last iteration */
  residual: number;
}
