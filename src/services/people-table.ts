/**
 * Everyone in a table (GET /api/influence/table): several rankings side by side, one column per metric, in the order
 * of one of them (or by name), as Gephi's data laboratory lists its nodes. The rankings themselves are the
 * service's (each column is exactly `/api/influence` for its metric); this module orders, filters and pages rows
 * and finds each person's joint rank in each ranking in O(1), so a page costs O(people) however many share a score
 * (the 1,700 people with no introduction all share the introducer score 0).
 */

/** A full ranking as the service keeps it: ids most influential first (ties in id order), their scores alongside. */
export interface Ranking {
  ids: readonly string[];
  scores: Float64Array;
}

/** Where everyone stands in one ranking. */
export interface RankIndex {
  /** position in the ranking by projection index */
  position: Int32Array;
  /** for each position, the first and the last position holding the same score */
  first: Int32Array;
  last: Int32Array;
}

/** A sort: `name`, or a metric (most influential first); `-` before either reverses it. */
export interface TableSort {
  by: string;
  reverse: boolean;
}

export function parseSort(sort: string): TableSort {
  return sort.startsWith('-') ? { by: sort.slice(1), reverse: true } : { by: sort, reverse: false };
}

/**
 * Equal scores: by value, and every score that is not a number (constraint of someone with no tie: NaN) as one
 * "not defined", which the ranking puts last together.
 */
function same(a: number, b: number): boolean {
  return a === b || (!Number.isFinite(a) && !Number.isFinite(b));
}

export function rankIndex(r: Ranking, indexOf: ReadonlyMap<string, number>): RankIndex {
  const n = r.ids.length;
  const position = new Int32Array(indexOf.size).fill(-1);
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    position[indexOf.get(r.ids[i]!)!] = i;
    first[i] = i > 0 && same(r.scores[i]!, r.scores[i - 1]!) ? first[i - 1]! : i;
  }
  for (let i = n - 1; i >= 0; i--) last[i] = i < n - 1 && same(r.scores[i]!, r.scores[i + 1]!) ? last[i + 1]! : i;
  return { position, first, last };
}

/** A person's cell: their score, joint rank (1 + how many score strictly better) and how many others share it. */
export function cell(r: Ranking, index: RankIndex, personIndex: number): { score: number | null; rank: number; tied: number } {
  const at = index.position[personIndex]!;
  const score = r.scores[at]!;
  return { score: Number.isFinite(score) ? score : null, rank: index.first[at]! + 1, tied: index.last[at]! - index.first[at]! };
}

/**
 * The rows in a ranking's order, or reversed as "least influential first": runs of equal scores come last-run first,
 * each still in id order (a plain reversal would list equals in reverse id order), and the people a score is not
 * defined for stay last either way, as blanks do in a spreadsheet.
 */
export function rankingOrder(r: Ranking, index: RankIndex, reverse: boolean): string[] {
  if (!reverse) return [...r.ids];
  const out: string[] = [];
  let end = r.ids.length - 1;
  // the undefined run, if any, is the ranking's last
  const undefinedFrom = end >= 0 && !Number.isFinite(r.scores[end]!) ? index.first[end]! : r.ids.length;
  end = undefinedFrom - 1;
  while (end >= 0) {
    const start = index.first[end]!;
    for (let i = start; i <= end; i++) out.push(r.ids[i]!);
    end = start - 1;
  }
  for (let i = undefinedFrom; i < r.ids.length; i++) out.push(r.ids[i]!);
  return out;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Everyone by name (accents and case aside, numbers by value), then id. */
export function nameOrder(people: readonly { id: string; name: string }[]): string[] {
  return [...people].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((p) => p.id);
}

/** Does a person match the filter (part of the name or id, case aside)? */
export function matches(person: { id: string; name: string }, q: string): boolean {
  const needle = q.toLowerCase();
  return person.name.toLowerCase().includes(needle) || person.id.toLowerCase().includes(needle);
}

/** The smallest and largest finite score of a ranking (0 and 0 when none is finite). */
export function scoreRange(r: Ranking): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of r.scores) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : { min: 0, max: 0 };
}
