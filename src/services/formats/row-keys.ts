/**
 * Compact bookkeeping for the SNAP parsers, which see up to millions of rows.
 *
 * - `PersonIndex`: person id → dense index, so a row is keyed by two small integers instead of a string.
 * - `RowKeyTable`: (a, b, t) → an integer (a count, or the line a key first appeared on), as an open-addressing
 *   hash table over typed arrays with linear probing. A Map of row-key strings costs ~100 bytes and a string hash
 *   per row; this costs 24 bytes per slot (≤ 2 slots per key) and no string work. Exact: keys are compared whole.
 *
 * Cost: O(1) expected per operation; memory ~48 bytes per distinct key at the worst load factor (0.5).
 */

export class PersonIndex {
  private readonly indices = new Map<string, number>();
  /**
   * Ids written as plain decimal integers below 2^22 ("6", never "06" or "+6": those are other ids), as SNAP files
   * write them: index + 1 at the number, 0 when unseen (at most 16 MiB; larger numbers go to the Map). Found by parsing the digits, with no string hashing (the
   * Map lookup was most of a Slashdot parse's bookkeeping).
   */
  private numeric = new Int32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The index of `id`, or -1 when unseen. */
  get(id: string): number {
    const n = plainInteger(id);
    if (n < 0) return this.indices.get(id) ?? -1;
    return n < this.numeric.length ? this.numeric[n]! - 1 : -1;
  }

  /** Adds `id` (which must be unseen) and returns its index. */
  add(id: string): number {
    const index = this.count++;
    const n = plainInteger(id);
    if (n < 0) {
      this.indices.set(id, index);
    } else {
      if (n >= this.numeric.length) {
        let length = this.numeric.length * 2;
        while (length <= n) length *= 2;
        const grown = new Int32Array(length);
        grown.set(this.numeric);
        this.numeric = grown;
      }
      this.numeric[n] = index + 1;
    }
    return index;
  }
}

/** Ids below this are kept in PersonIndex's array. */
const NUMERIC_LIMIT = 1 << 22;

/** `id` as a number when it is a plain decimal integer below NUMERIC_LIMIT without leading zeros, else -1. */
export function plainInteger(id: string): number {
  const length = id.length;
  if (length === 0 || length > 7 || (length > 1 && id.charCodeAt(0) === 48)) return -1;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n < NUMERIC_LIMIT ? n : -1;
}

const EMPTY = -1;

export class RowKeyTable {
  private capacity: number;
  private count = 0;
  private a: Int32Array;
  private b: Int32Array;
  private t: Float64Array;
  private value: Int32Array;
  /** set by slotFor: whether the key was just inserted */
  private fresh = false;
  private readonly bits = new Float64Array(1);
  private readonly words = new Int32Array(this.bits.buffer);

  constructor(initialCapacity = 1 << 12) {
    this.capacity = initialCapacity;
    this.a = new Int32Array(initialCapacity).fill(EMPTY);
    this.b = new Int32Array(initialCapacity);
    this.t = new Float64Array(initialCapacity);
    this.value = new Int32Array(initialCapacity);
  }

  /** Adds 1 to the value of (a, b, t) (0 when new) and returns the value before. One probe. */
  increment(a: number, b: number, t: number): number {
    const slot = this.slotFor(a, b, t);
    return this.value[slot]++;
  }

  /** The value of (a, b, t) if present; otherwise stores `value` and returns -1. One probe. */
  getOrSet(a: number, b: number, t: number, value: number): number {
    const slot = this.slotFor(a, b, t);
    if (this.fresh) {
      this.value[slot] = value;
      return -1;
    }
    return this.value[slot];
  }

  /** The slot of (a, b, t), inserting the key with value 0 when absent. */
  private slotFor(a: number, b: number, t: number): number {
    let slot = this.find(a, b, t);
    this.fresh = this.a[slot] === EMPTY;
    if (this.fresh) {
      if ((this.count + 1) * 2 > this.capacity) {
        this.grow();
        slot = this.find(a, b, t);
      }
      this.a[slot] = a;
      this.b[slot] = b;
      this.t[slot] = t;
      this.value[slot] = 0;
      this.count++;
    }
    return slot;
  }

  private find(a: number, b: number, t: number): number {
    this.bits[0] = t;
    let hash = Math.imul(a ^ 0x5bd1e995, 0x9e3779b1);
    hash = Math.imul(hash ^ b ^ (hash >>> 15), 0x85ebca77);
    hash = Math.imul(hash ^ this.words[0] ^ (hash >>> 13), 0xc2b2ae3d);
    hash = Math.imul(hash ^ this.words[1] ^ (hash >>> 16), 0x27d4eb2f);
    hash ^= hash >>> 15;
    const mask = this.capacity - 1;
    let slot = hash & mask;
    for (;;) {
      const stored = this.a[slot];
      if (stored === EMPTY || (stored === a && this.b[slot] === b && this.t[slot] === t)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { a, b, t, value } = this;
    const oldCapacity = this.capacity;
    this.capacity *= 2;
    this.a = new Int32Array(this.capacity).fill(EMPTY);
    this.b = new Int32Array(this.capacity);
    this.t = new Float64Array(this.capacity);
    this.value = new Int32Array(this.capacity);
    for (let i = 0; i < oldCapacity; i++) {
      if (a[i] === EMPTY) continue;
      const slot = this.find(a[i], b[i], t[i]);
      this.a[slot] = a[i];
      this.b[slot] = b[i];
      this.t[slot] = t[i];
      this.value[slot] = value[i];
    }
  }
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
/** 10000-01-01T00:00:00Z: from here on ISO years need six digits and a sign; Date handles those. */
const YEAR_10000 = 253402300800000;

/**
 * `new Date(ms).toISOString()` for 1970..9999, several times faster (civil-from-days, H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms"); other times go through Date.
 */
export function isoFromEpochMs(epochMs: number): string {
  const ms = Math.trunc(epochMs);
  if (!(ms >= 0 && ms < YEAR_10000)) return new Date(ms).toISOString();
  const days = Math.floor(ms / 86400000);
  let rest = ms - days * 86400000;
  const hours = Math.floor(rest / 3600000);
  rest -= hours * 3600000;
  const minutes = Math.floor(rest / 60000);
  rest -= minutes * 60000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[millis]}Z`;
}
