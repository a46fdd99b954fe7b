/**
 * The one error the time-and-influence engine (fades, interaction table, decayed projection, curves, curve
 * analysis, influence graph, breakdowns) throws for bad input. Its message starts with the module that threw
 * it; `reason` lets the service layer map it to a client error without string matching
 * (`unknown_person` → 404, `invalid_option` → 400). Anything else thrown is a bug.
 */
export type InfluenceInputReason = 'unknown_person' | 'invalid_option';

export class InfluenceInputError extends Error {
  constructor(
    readonly module: string,
    readonly reason: InfluenceInputReason,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${module}: ${message}`);
    this.name = 'InfluenceInputError';
  }
}

export function invalidOption(module: string, option: string, message: string, value: unknown): InfluenceInputError {
  return new InfluenceInputError(module, 'invalid_option', `option "${option}" ${message}, got ${describe(value)}`, { option, value });
}

/** Throws unless `value` is a number within [min, max] (NaN never passes; max may be Infinity). */
export function checkNumber(module: string, option: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !(value >= min && value <= max)) {
    throw invalidOption(module, option, `must be a number in [${min}, ${max}]`, value);
  }
  return value;
}

/** Throws unless `value` is an integer within [min, max]. */
export function checkInteger(module: string, option: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidOption(module, option, `must be an integer in [${min}, ${max}]`, value);
  }
  return value;
}

/** Throws unless `value` is a finite number (an epoch-ms time). */
export function checkTime(module: string, option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidOption(module, option, 'must be a finite epoch-millisecond time', value);
  }
  return value;
}

export function checkOneOf<T extends string>(module: string, option: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw invalidOption(module, option, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`, value);
  }
  return value as T;
}

export function unknownPerson(module: string, person: string): InfluenceInputError {
  return new InfluenceInputError(module, 'unknown_person', `person "${person}" is not in the projection`, { person });
}

/** The options with every missing (undefined) entry taken from `defaults`. */
export function withDefaults<T extends object>(defaults: T, options: Partial<T> | undefined): T {
  const resolved = { ...defaults } as Record<string, unknown>;
  if (options) {
    for (const [key, value] of Object.entries(options)) if (value !== undefined) resolved[key] = value;
  }
  return resolved as T;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
