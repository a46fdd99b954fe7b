/**
 * Per-person string sets (sectors, offers, seeks) dictionary-coded into one CSR: `offsets` (n + 1) and `codes`,
 * each person's codes sorted and unique, so that overlaps are a linear merge of two short integer runs and no
 * per-person object is kept. Strings match after normalisation (trimmed, lower-cased, inner whitespace
 * collapsed): "Seed Funding" offered matches "seed  funding" sought; the first spelling seen is the label
 * reported back. Several fields may share one vocabulary (offers and seeks must, to be compared).
 * Cost: O(total strings · log) to build, O(|x| + |y|) per overlap.
 */

export interface Vocabulary {
  /** normalised string → code */
  codeOf: Map<string, number>;
  /** code → label as first seen */
  labels: string[];
}

export interface CodedSets {
  offsets: Uint32Array;
  codes: Uint32Array;
}

export function normaliseLabel(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function createVocabulary(): Vocabulary {
  return { codeOf: new Map(), labels: [] };
}

/** Codes `sets[p]` for every person p into a CSR, growing `vocabulary` with new labels. */
export function codeSets(sets: readonly (readonly string[])[], vocabulary: Vocabulary): CodedSets {
  const n = sets.length;
  const offsets = new Uint32Array(n + 1);
  const scratch: number[] = [];
  const all: number[] = [];
  for (let p = 0; p < n; p++) {
    scratch.length = 0;
    for (const raw of sets[p] ?? []) {
      const key = normaliseLabel(raw);
      if (key === '') continue;
      let c = vocabulary.codeOf.get(key);
      if (c === undefined) {
        c = vocabulary.labels.length;
        vocabulary.codeOf.set(key, c);
        vocabulary.labels.push(raw.trim());
      }
      scratch.push(c);
    }
    scratch.sort((x, y) => x - y);
    for (let k = 0; k < scratch.length; k++) if (k === 0 || scratch[k] !== scratch[k - 1]) all.push(scratch[k]);
    offsets[p + 1] = all.length;
  }
  return { offsets, codes: Uint32Array.from(all) };
}

/** Number of codes person x and person y share. */
export function overlapCount(xs: CodedSets, x: number, ys: CodedSets, y: number): number {
  let i = xs.offsets[x];
  const iEnd = xs.offsets[x + 1];
  let j = ys.offsets[y];
  const jEnd = ys.offsets[y + 1];
  let count = 0;
  while (i < iEnd && j < jEnd) {
    const a = xs.codes[i];
    const b = ys.codes[j];
    if (a === b) {
      count++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return count;
}

/** The labels person x and person y share, in code order. */
export function overlapLabels(xs: CodedSets, x: number, ys: CodedSets, y: number, vocabulary: Vocabulary): string[] {
  const out: string[] = [];
  let i = xs.offsets[x];
  const iEnd = xs.offsets[x + 1];
  let j = ys.offsets[y];
  const jEnd = ys.offsets[y + 1];
  while (i < iEnd && j < jEnd) {
    const a = xs.codes[i];
    const b = ys.codes[j];
    if (a === b) {
      out.push(vocabulary.labels[a]);
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return out;
}

export function setSize(sets: CodedSets, p: number): number {
  return sets.offsets[p + 1] - sets.offsets[p];
}

export function hasCode(sets: CodedSets, p: number, code: number): boolean {
  let lo = sets.offsets[p];
  let hi = sets.offsets[p + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = sets.codes[mid];
    if (c === code) return true;
    if (c < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
