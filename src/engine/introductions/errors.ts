/**
 * The one error the introductions engine throws for bad input: an unknown person, an option out of range.
 * Its message starts with the module that threw it; `reason` lets the service layer map it to a client error
 * without string matching (`unknown_person` → 404, `invalid_option` → 400). Anything else thrown is a bug.
 */
export type IntroductionInputReason = 'unknown_person' | 'invalid_option';

export class IntroductionInputError extends Error {
  constructor(
    readonly module: string,
    readonly reason: IntroductionInputReason,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${module}: ${message}`);
    this.name = 'IntroductionInputError';
  }
}

/** Throws unless `value` is a finite number within [min, max]. */
export function checkNumber(module: string, name: string, value: number, min: number, max: number): void {
  if (typeof value !== 'number' || Number.isNaN(value) || value < min || value > max) {
    throw new IntroductionInputError(module, 'invalid_option', `option "${name}" must be a number in [${min}, ${max}], got ${String(value)}`, {
      option: name,
      value,
    });
  }
}

/** Throws unless `value` is an integer within [min, max] (max may be Infinity). */
export function checkInteger(module: string, name: string, value: number, min: number, max: number): void {
  if (!(Number.isInteger(value) || value === Number.POSITIVE_INFINITY) || value < min || value > max) {
    throw new IntroductionInputError(module, 'invalid_option', `option "${name}" must be an integer in [${min}, ${max}], got ${String(value)}`, {
      option: name,
      value,
    });
  }
}
