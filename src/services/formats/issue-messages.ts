/**
 * Turns zod issues into one precise sentence that names the column (CSV) or field (JSON, XML attribute), the
 * rule and the value received, e.g. `column "trust" must be between 0 and 1, got 1.7`.
 *
 * Range bounds are read from the schema itself, so the message says "between 0 and 1" even though zod reports
 * only the bound that was crossed. Messages the schemas set on purpose ("must not be empty", "an event needs at
 * least one driver") are kept; zod's generic ones are rewritten.
 */
import type { z } from 'zod';

/** How the subject of a message is named: `column "x"`, `field "x.y"`, `attribute "x"`. */
export type SubjectNaming = 'column' | 'field' | 'attribute';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

export function describeIssues(issues: readonly Issue[], schema: z.ZodType, naming: SubjectNaming): string {
  return issues.map((issue) => describeIssue(issue, schema, naming)).join('; ');
}

function describeIssue(issue: Issue, schema: z.ZodType, naming: SubjectNaming): string {
  const subject = subjectOf(issue.path, naming);
  const input = (issue as { input?: unknown }).input;
  const custom = isCustomMessage(issue.message) ? issue.message : null;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `${subject} is required`;
      if (issue.expected === 'number' && typeof input === 'number') return `${subject} must be a finite number, got ${input}`;
      return `${subject} must be ${article(issue.expected)}, got ${typeName(input)} ${show(input)}`;
    case 'too_small':
    case 'too_big': {
      if (custom) return withSubject(subject, custom, scalar(input));
      if (issue.origin === 'number' || issue.origin === 'bigint') {
        const bounds = numberBounds(schema, issue.path);
        if (bounds && Number.isFinite(bounds.min) && Number.isFinite(bounds.max)) {
          return `${subject} must be between ${bounds.min} and ${bounds.max}, got ${show(input)}`;
        }
        if (issue.code === 'too_small') {
          const word = issue.inclusive ? 'at least' : 'greater than';
          return `${subject} must be ${word} ${String(issue.minimum)}, got ${show(input)}`;
        }
        const word = issue.inclusive ? 'at most' : 'less than';
        return `${subject} must be ${word} ${String(issue.maximum)}, got ${show(input)}`;
      }
      if (issue.origin === 'string') {
        const length = typeof input === 'string' ? input.length : undefined;
        if (issue.code === 'too_small') {
          return Number(issue.minimum) <= 1
            ? `${subject} must not be empty`
            : `${subject} must be at least ${String(issue.minimum)} characters, got ${length}`;
        }
        return `${subject} must be at most ${String(issue.maximum)} characters, got ${length}`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        const count = Array.isArray(input) ? input.length : undefined;
        return issue.code === 'too_small'
          ? `${subject} needs at least ${String(issue.minimum)} item(s), got ${count}`
          : `${subject} may have at most ${String(issue.maximum)} items, got ${count}`;
      }
      return `${subject}: ${issue.message}`;
    }
    case 'invalid_value':
      return `${subject} must be one of ${issue.values.map(String).join(', ')}; got ${show(input)}`;
    case 'invalid_union': {
      const discriminator = (issue as { discriminator?: string }).discriminator;
      const options = (issue as { options?: unknown[] }).options;
      if (discriminator && options) {
        const value = input && typeof input === 'object' ? (input as Record<string, unknown>)[discriminator] : undefined;
        const where = subjectOf(issue.path, naming);
        return value === undefined
          ? `${where} is required (one of ${options.map(String).join(', ')})`
          : `${where} must be one of ${options.map(String).join(', ')}; got ${show(value)}`;
      }
      return `${subject} does not match any allowed shape`;
    }
    case 'unrecognized_keys': {
      const kind = naming === 'column' ? 'column' : naming === 'attribute' ? 'attribute' : 'field';
      const keys = issue.keys.map((key) => `"${issue.path.length > 0 ? `${pathText(issue.path)}.` : ''}${key}"`);
      return `unknown ${kind}${keys.length > 1 ? 's' : ''} ${keys.join(', ')}`;
    }
    case 'custom':
      return withSubject(subject, issue.message, scalar(input));
    default:
      return `${subject}: ${custom ?? issue.message}`;
  }
}

function withSubject(subject: string, message: string, value: string | null): string {
  const text = message.startsWith('must') ? `${subject} ${message}` : `${subject}: ${message}`;
  return value === null ? text : `${text}, got ${value}`;
}

/** zod's own messages start with these; anything else was written by our schemas and is kept. */
const GENERIC_MESSAGE = /^(Too (small|big)|Invalid|Unrecognized|Expected)/;

function isCustomMessage(message: string): boolean {
  return !GENERIC_MESSAGE.test(message);
}

function subjectOf(path: Path, naming: SubjectNaming): string {
  if (path.length === 0) return naming === 'column' ? 'the row' : 'the record';
  if (naming === 'field') return `field "${pathText(path)}"`;
  const [head, ...rest] = path;
  const base = `${naming} "${String(head)}"`;
  if (rest.length === 0) return base;
  const item = rest[0];
  return typeof item === 'number' ? `${base} item ${item + 1}` : `${base} ("${pathText(rest)}")`;
}

export function pathText(path: Path): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text.length > 0 ? `.${String(part)}` : String(part);
  }
  return text;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A value as it appears in a message: strings quoted, long ones cut. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Scalars are worth repeating in a message; an empty string, object or array is not. */
function scalar(value: unknown): string | null {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string' && value.length > 0) return show(value);
  return null;
}

interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  element?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
}

/** The min and max of the number schema at `path`, looking through defaults, optionals and nullables. */
function numberBounds(schema: z.ZodType, path: Path): { min: number; max: number } | null {
  let node: unknown = schema;
  for (let i = 0; ; ) {
    const def = (node as { _zod?: { def: Def } })._zod?.def;
    if (!def) return null;
    if (def.innerType && ['default', 'optional', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) {
      node = def.innerType;
      continue;
    }
    if (i === path.length) {
      if (def.type !== 'number') return null;
      const number = node as { minValue: number | null; maxValue: number | null };
      return { min: number.minValue ?? -Infinity, max: number.maxValue ?? Infinity };
    }
    const key = path[i++];
    if (def.type === 'object' && def.shape && typeof key === 'string') node = def.shape[key];
    else if (def.type === 'array' && def.element && typeof key === 'number') node = def.element;
    else return null;
  }
}
