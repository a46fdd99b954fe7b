/**
 * The network's sectors side by side (idea 1: influence crosses sectors, with limits): how much influence each
 * earns, how close they are and how much of one counts in another, and who carries the most influence into each
 * from elsewhere.
 *
 * With own_A(p) the influence person p earned by events of sector A (decayed to t, or all time) and T the transfer
 * matrix of `sectorDistances` (T(A,B) = (1 − d(A,B))^γ, d = 1 − Jaccard of the sectors' people):
 *   influence(B) = Σ_p own_B(p)
 *   flow[A][B]   = Σ_p own_A(p)·T(A,B) = T(A,B)·influence(A)      (A ≠ B; 0 on the diagonal)
 *   imported(B)  = Σ_A flow[A][B],  exported(A) = Σ_B flow[A][B]
 * A carrier into B is a person whose influence earned elsewhere counts in B (imported_B(p) = Σ_{A≠B} own_A(p)·T(A,B)
 * > 0: a profile's cross-sector reach less its own), ranked by it; their sources are the sectors A with the largest
 * own_A(p)·T(A,B).
 *
 * Cost: O(L + n·S²) for L DROVE links, n people and S sectors (`breakdownAll`), plus sorting each sector's carriers.
 */
import { breakdownAll, sectorDistances, type BreakdownOptions, type SectorDistanceMatrix, type TransferOptions } from './breakdowns.ts';
import type { InteractionTable } from './time/interaction-table.ts';

export interface SectorSummary {
  name: string;
  /** people belonging to it (listed in it, or who drove an event in it: the matrix's membership) */
  members: number;
  /** people with influence earned in it (above 0 at t) */
  active: number;
  /** its events (by t) */
  events: number;
  /** influence earned in it, sign-free, and its positive and negative parts */
  influence: number;
  positive: number;
  negative: number;
  /** influence earned in other sectors that counts in it */
  imported: number;
  /** influence earned in it that counts in other sectors */
  exported: number;
}

export interface SectorSource {
  sector: string;
  /** own_A(p)·T(A,B) */
  amount: number;
}

export interface SectorCarrier {
  /** projection index */
  person: number;
  /** influence earned in the sector itself */
  own: number;
  /** influence earned elsewhere that counts in it */
  imported: number;
  /** where the imported influence comes from, largest first (at most three) */
  from: SectorSource[];
}

export interface SectorOverview {
  at: number | null;
  /** most influence first (then most members, then by name); the matrices follow this order */
  sectors: SectorSummary[];
  /** shared[a][b]: people in both (shared[a][a] = members) */
  shared: number[][];
  distance: number[][];
  transfer: number[][];
  /** whether distance[a][b] was configured rather than derived from shared people */
  configured: boolean[][];
  /** flow[a][b]: influence earned in a that counts in b (0 on the diagonal) */
  flow: number[][];
  /** per sector, in the same order: the people carrying the most influence into it from elsewhere */
  carriers: SectorCarrier[][];
  transferModel: TransferOptions;
}

export interface SectorOverviewOptions extends Partial<BreakdownOptions> {
  /** carriers kept per sector */
  carriers?: number;
}

const SOURCES = 3;

export function sectorOverview(table: InteractionTable, options: SectorOverviewOptions = {}): SectorOverview {
  const { carriers: keep = 5, ...rest } = options;
  const matrix: SectorDistanceMatrix = rest.sectorMatrix ?? sectorDistances(table, rest);
  const batch = breakdownAll(table, { ...rest, sectorMatrix: matrix });
  const at = batch.at;
  const names = matrix.sectors;
  const S = names.length;
  const index = new Map(names.map((n, i) => [n, i]));

  const influence = new Float64Array(S);
  const positive = new Float64Array(S);
  const negative = new Float64Array(S);
  const active = new Uint32Array(S);
  const candidates: { person: number; own: number; imported: number; ownBy: Float64Array }[][] = names.map(() => []);
  const own = new Float64Array(S);
  for (const b of batch.people) {
    own.fill(0);
    for (const [sector, split] of Object.entries(b.bySector)) {
      const i = index.get(sector);
      if (i === undefined) continue;
      influence[i] += split.total;
      positive[i] += split.positive;
      negative[i] += split.negative;
      if (split.total > 0) active[i]++;
      own[i] += split.total;
    }
    // what counts in B of what p earned elsewhere, summed directly (reach − own would leave rounding crumbs)
    let ownBy: Float64Array | null = null;
    for (let target = 0; target < S; target++) {
      let imported = 0;
      for (let a = 0; a < S; a++) if (a !== target && own[a] > 0) imported += own[a] * matrix.transfer[a][target];
      if (!(imported > 0)) continue;
      ownBy ??= Float64Array.from(own);
      candidates[target].push({ person: table.projection.indexOf.get(b.person)!, own: own[target], imported, ownBy });
    }
  }

  const events = new Uint32Array(S);
  const ev = table.projection.events;
  const code = Int32Array.from(ev.sectors, (s) => index.get(s) ?? -1);
  for (let e = 0; e < ev.count; e++) if (code[ev.sector[e]] >= 0 && !(at !== null && ev.at[e] > at)) events[code[ev.sector[e]]]++;

  const flow = names.map((_, a) => names.map((_, b) => (a === b ? 0 : matrix.transfer[a][b] * influence[a])));
  const order = names
    .map((_, i) => i)
    .sort((x, y) => influence[y] - influence[x] || matrix.people[y] - matrix.people[x] || (names[x] < names[y] ? -1 : names[x] > names[y] ? 1 : 0));
  const reorder = <T>(m: T[][]) => order.map((a) => order.map((b) => m[a][b]));

  return {
    at,
    sectors: order.map((i) => ({
      name: names[i],
      members: matrix.people[i],
      active: active[i],
      events: events[i],
      influence: influence[i],
      positive: positive[i],
      negative: negative[i],
      imported: flow.reduce((sum, row) => sum + row[i], 0),
      exported: flow[i].reduce((sum, x) => sum + x, 0),
    })),
    shared: reorder(matrix.shared),
    distance: reorder(matrix.distance),
    transfer: reorder(matrix.transfer),
    configured: reorder(matrix.configured),
    flow: reorder(flow),
    carriers: order.map((b) =>
      candidates[b]
        .sort((x, y) => y.imported - x.imported || x.person - y.person)
        .slice(0, keep)
        .map((c) => ({
          person: c.person,
          own: c.own,
          imported: c.imported,
          from: names
            .map((sector, a) => ({ sector, amount: a === b ? 0 : c.ownBy[a] * matrix.transfer[a][b] }))
            .filter((s) => s.amount > 0)
            .sort((x, y) => y.amount - x.amount)
            .slice(0, SOURCES),
        })),
    ),
    transferModel: matrix.transferModel,
  };
}
