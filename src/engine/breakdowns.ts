/**
 * Influence broken down per sector and per medium, with polarity, controversy and cross-sector reach
 * (DESIGN.md ideas 1, 4 and 5; "Per sector and per medium").
 *
 * For a person p and the events e they DROVE (broadcasts included), static or decayed at t:
 *   f_e       = fade_e(t − at_e) when `at` is given (events after t count nothing), else 1
 *   total     = Σ m_e·f_e                positive = Σ m_e·(1+v_e)/2·f_e        negative = Σ m_e·(1−v_e)/2·f_e
 *   restricted to the events of one sector (bySector) or one medium (byMedium), or all of them (overall).
 * Controversy: high when the influence is strong and evenly split between a positive and a negative side.
 *   P* = Σ m_e·max(v_e, 0)·f_e,  N* = Σ m_e·max(−v_e, 0)·f_e   (the polar parts: a neutral event, v = 0, is
 *   split half/half by DESIGN.md's positive/negative but is not controversial, so it is left out here)
 *   controversy = 2·min(P*, N*) / (P* + N* + k)
 *             = balance × strength, balance = 1 − |P*−N*|/(P*+N*), strength = (P*+N*)/(P*+N*+k)
 *   in [0, 1): 0 when one-sided or neutral; → 1 when evenly split and P*+N* ≫ k (k = `controversyScale`, the
 *   polar mass at which strength is ½; default 1, one fully polar event of magnitude 1).
 * Cross-sector reach (idea 1): sectors' people are the people listed in a sector or who drove an event in it
 * (`membership`); sector distance d(A,B) = 1 − Jaccard(people_A, people_B) (0 on the diagonal), unless
 * configured in `distanceOverrides`; transfer T(A,B) = (1−d)^γ ('power', default γ = 0.5, i.e. √Jaccard: no
 * shared people, no transfer) or exp(−d/λ) ('exponential'); T = 1 at d = 0 and falls with d. Then
 *   reach_B(p) = Σ_A total_A(p) · T(A,B)   (own = total_B(p), imported = reach_B − own).
 *
 * Cost: one person O(n_p + S²); everyone O(L + n·S²) for L DROVE links and S sectors; the distance matrix
 * O(Σ_p s_p² + S²) for s_p sectors per person.
 */
import type { Projection } from '../domain/projection.ts';
import { checkNumber, checkOneOf, checkTime, invalidOption, unknownPerson, withDefaults } from './time/errors.ts';
import { DEFAULT_FADE_CONFIG, evaluateFade, type FadeConfig } from './time/fade.ts';
import { asInteractionTable, type InteractionTable, isInteractionTable } from './time/interaction-table.ts';

const MODULE = 'breakdowns';

export const TRANSFER_MODELS = ['power', 'exponential'] as const;
export type TransferModel = (typeof TRANSFER_MODELS)[number];
export const MEMBERSHIPS = ['listed', 'active', 'both'] as const;
export type SectorMembership = (typeof MEMBERSHIPS)[number];

export interface TransferOptions {
  /** 'power': (1−d)^γ; 'exponential': exp(−d/λ) */
  model: TransferModel;
  gamma: number;
  lambda: number;
}

export const TRANSFER_DEFAULTS: TransferOptions = { model: 'power', gamma: 0.5, lambda: 0.5 };

export interface SectorDistanceOptions extends TransferOptions {
  /** who belongs to a sector: listed in person.sectors, drove an event in it, or either */
  membership: SectorMembership;
  /** configured distances in [0, 1], by sector names; (A,B) also sets (B,A) unless that is given too */
  distanceOverrides: Record<string, Record<string, number>>;
}

export const SECTOR_DISTANCE_DEFAULTS: SectorDistanceOptions = { ...TRANSFER_DEFAULTS, membership: 'both', distanceOverrides: {} };

export interface BreakdownOptions extends SectorDistanceOptions {
  /** epoch ms: decay to this time; null for static (undecayed) influence */
  at: number | null;
  /** polar mass at which the controversy's strength factor is ½ */
  controversyScale: number;
  /** fade defaults, used only when given a Projection (a table carries its own) */
  fades: FadeConfig;
  /** a matrix from `sectorDistances` on the same projection, to skip recomputing it */
  sectorMatrix: SectorDistanceMatrix | null;
}

export const DEFAULTS: BreakdownOptions = {
  ...SECTOR_DISTANCE_DEFAULTS,
  at: null,
  controversyScale: 1,
  fades: DEFAULT_FADE_CONFIG,
  sectorMatrix: null,
};

export interface InfluenceSplit {
  total: number;
  positive: number;
  negative: number;
  controversy: number;
  /** the signed part of total, P* + N* = Σ m_e·|v_e|·f_e: total − signed comes from neutral events (v = 0) */
  signed: number;
  /** events counted (at or before t) */
  events: number;
}

export interface SectorReach {
  /** influence earned in this sector */
  own: number;
  /** own + what carries over from the other sectors */
  reach: number;
  imported: number;
}

export interface PersonBreakdown {
  person: string;
  at: number | null;
  overall: InfluenceSplit;
  bySector: Record<string, InfluenceSplit>;
  byMedium: Record<string, InfluenceSplit>;
  /** by sector, every sector with reach > 0 */
  crossSector: Record<string, SectorReach>;
}

export interface SectorDistanceMatrix {
  /** sorted sector names (events' sectors and people's listed sectors) */
  sectors: string[];
  /** people belonging to each sector */
  people: number[];
  /** shared[a][b]: people belonging to both (shared[a][a] = people[a]) */
  shared: number[][];
  /** distance[a][b] in [0, 1], 0 on the diagonal */
  distance: number[][];
  /** transfer[a][b] = f(distance[a][b]) */
  transfer: number[][];
  /** whether distance[a][b] was configured rather than derived */
  configured: boolean[][];
  membership: SectorMembership;
  transferModel: TransferOptions;
}

/** The transfer factor at a sector distance d ∈ [0, 1]: 1 at 0, falling with d. */
export function transferFactor(distance: number, options?: Partial<TransferOptions>): number {
  const opts = checkTransfer(withDefaults(TRANSFER_DEFAULTS, options));
  checkNumber(MODULE, 'distance', distance, 0, 1);
  return opts.model === 'power' ? Math.pow(1 - distance, opts.gamma) : Math.exp(-distance / opts.lambda);
}

/** controversy = 2·min(P*, N*) / (P* + N* + k) for polar parts P*, N* (see the header). */
export function controversyIndex(polarPositive: number, polarNegative: number, scale: number = DEFAULTS.controversyScale): number {
  const sum = polarPositive + polarNegative;
  if (!(sum > 0)) return 0;
  return (2 * Math.min(polarPositive, polarNegative)) / (sum + scale);
}

/** The sector distance and transfer matrices (see the header). */
export function sectorDistances(source: Projection | InteractionTable, options?: Partial<SectorDistanceOptions>): SectorDistanceMatrix {
  const opts = checkDistanceOptions(withDefaults(SECTOR_DISTANCE_DEFAULTS, options));
  const projection = isInteractionTable(source) ? source.projection : source;
  const { people, events, drove } = projection;
  const names = new Set<string>(events.sectors);
  for (const p of people) for (const s of p.sectors) names.add(s);
  const sectors = [...names].sort();
  const S = sectors.length;
  const code = new Map(sectors.map((s, i) => [s, i]));
  const eventSectorCode = events.sectors.map((s) => code.get(s) as number);

  // Each person's sectors, as a sorted list of codes.
  const memberOf: number[][] = people.map(() => []);
  if (opts.membership !== 'active') people.forEach((p, i) => p.sectors.forEach((s) => memberOf[i].push(code.get(s) as number)));
  if (opts.membership !== 'listed') for (let k = 0; k < drove.count; k++) memberOf[drove.person[k]].push(eventSectorCode[events.sector[drove.event[k]]]);
  const size = new Array<number>(S).fill(0);
  const shared = new Float64Array(S * S);
  for (const list of memberOf) {
    if (list.length === 0) continue;
    const unique = [...new Set(list)].sort((a, b) => a - b);
    for (let i = 0; i < unique.length; i++) {
      size[unique[i]]++;
      for (let j = i + 1; j < unique.length; j++) shared[unique[i] * S + unique[j]]++;
    }
  }
  const distance: number[][] = [];
  const configured: boolean[][] = [];
  const both = (a: number, b: number) => (a === b ? size[a] : shared[Math.min(a, b) * S + Math.max(a, b)]);
  for (let a = 0; a < S; a++) {
    distance.push(new Array<number>(S).fill(0));
    configured.push(new Array<boolean>(S).fill(false));
    for (let b = 0; b < S; b++) {
      if (a === b) continue;
      const common = both(a, b);
      const union = size[a] + size[b] - common;
      distance[a][b] = union > 0 ? 1 - common / union : 1;
    }
  }
  // Overrides: (A,B) first, then the mirror where the reverse is not configured itself.
  const set = (a: string, b: string, d: number, mirror: boolean) => {
    const i = code.get(a);
    const j = code.get(b);
    if (i === undefined || j === undefined || i === j) return;
    if (mirror && configured[i][j]) return;
    distance[i][j] = d;
    configured[i][j] = true;
  };
  for (const [a, row] of Object.entries(opts.distanceOverrides)) for (const [b, d] of Object.entries(row)) set(a, b, d, false);
  for (const [a, row] of Object.entries(opts.distanceOverrides)) for (const [b, d] of Object.entries(row)) set(b, a, d, true);

  const transfer = distance.map((row) => row.map((d) => transferFactor(d, opts)));
  return {
    sectors,
    people: size,
    shared: sectors.map((_, a) => sectors.map((_, b) => both(a, b))),
    distance,
    transfer,
    configured,
    membership: opts.membership,
    transferModel: { model: opts.model, gamma: opts.gamma, lambda: opts.lambda },
  };
}

/** One person's breakdown. */
export function personBreakdown(source: Projection | InteractionTable, person: string, options?: Partial<BreakdownOptions>): PersonBreakdown {
  const opts = checkBreakdownOptions(withDefaults(DEFAULTS, options));
  const table = asInteractionTable(source, { fades: opts.fades });
  const index = table.projection.indexOf.get(person);
  if (index === undefined) throw unknownPerson(MODULE, person);
  const matrix = opts.sectorMatrix ?? sectorDistances(table, opts);
  return breakdownOf(table, index, matrix, opts, new Accumulator(table, matrix));
}

export interface BreakdownBatch {
  at: number | null;
  sectorMatrix: SectorDistanceMatrix;
  /** everyone who drove at least one event by t, in projection order */
  people: PersonBreakdown[];
}

/** Everyone's breakdown (people without events by t are left out). O(L + n·S²). */
export function breakdownAll(source: Projection | InteractionTable, options?: Partial<BreakdownOptions>): BreakdownBatch {
  const opts = checkBreakdownOptions(withDefaults(DEFAULTS, options));
  const table = asInteractionTable(source, { fades: opts.fades });
  const matrix = opts.sectorMatrix ?? sectorDistances(table, opts);
  const accumulator = new Accumulator(table, matrix);
  const out: PersonBreakdown[] = [];
  for (let p = 0; p < table.people; p++) {
    const b = breakdownOf(table, p, matrix, opts, accumulator);
    if (b.overall.events > 0) out.push(b);
  }
  return { at: opts.at, sectorMatrix: matrix, people: out };
}

/** Scratch sums per sector and per medium: positive, negative, polar positive, polar negative, count. */
class Accumulator {
  readonly sector: Float64Array;
  readonly medium: Float64Array;
  /** event sector code → matrix index */
  readonly sectorIndex: Int32Array;
  constructor(table: InteractionTable, matrix: SectorDistanceMatrix) {
    const { events } = table.projection;
    this.sector = new Float64Array(events.sectors.length * 5);
    this.medium = new Float64Array(events.media.length * 5);
    const code = new Map(matrix.sectors.map((s, i) => [s, i]));
    this.sectorIndex = Int32Array.from(events.sectors, (s) => code.get(s) ?? -1);
  }
}

function breakdownOf(table: InteractionTable, p: number, matrix: SectorDistanceMatrix, opts: BreakdownOptions, acc: Accumulator): PersonBreakdown {
  const { drives } = table;
  const { events } = table.projection;
  const { sector: bySector, medium: byMedium } = acc;
  bySector.fill(0);
  byMedium.fill(0);
  const at = opts.at;
  for (let j = drives.offset[p]; j < drives.offset[p + 1]; j++) {
    if (at !== null && drives.at[j] > at) break;
    const e = drives.event[j];
    const f = at === null ? 1 : evaluateFade(drives.code[j], drives.p1[j], drives.p2[j], at - drives.at[j]);
    const pos = drives.positive[j] * f;
    const neg = drives.negative[j] * f;
    // m·max(±v, 0) = max(±(pos − neg), 0) since pos − neg = m·v.
    const polar = pos - neg;
    add(bySector, events.sector[e] * 5, pos, neg, polar);
    add(byMedium, events.medium[e] * 5, pos, neg, polar);
  }
  const overall = [0, 0, 0, 0, 0];
  const sectorSplits: Record<string, InfluenceSplit> = {};
  const S = matrix.sectors.length;
  const own = new Float64Array(S);
  for (let s = 0; s < events.sectors.length; s++) {
    if (bySector[s * 5 + 4] === 0) continue;
    for (let k = 0; k < 5; k++) overall[k] += bySector[s * 5 + k];
    sectorSplits[events.sectors[s]] = split(bySector, s * 5, opts.controversyScale);
    const i = acc.sectorIndex[s];
    if (i >= 0) own[i] += bySector[s * 5] + bySector[s * 5 + 1];
  }
  const mediumSplits: Record<string, InfluenceSplit> = {};
  for (let m = 0; m < events.media.length; m++) {
    if (byMedium[m * 5 + 4] === 0) continue;
    mediumSplits[events.media[m]] = split(byMedium, m * 5, opts.controversyScale);
  }
  const crossSector: Record<string, SectorReach> = {};
  for (let b = 0; b < S; b++) {
    let reach = 0;
    for (let a = 0; a < S; a++) if (own[a] > 0) reach += own[a] * matrix.transfer[a][b];
    if (reach > 0) crossSector[matrix.sectors[b]] = { own: own[b], reach, imported: reach - own[b] };
  }
  return {
    person: table.projection.people[p].id,
    at,
    overall: split(overall, 0, opts.controversyScale),
    bySector: sectorSplits,
    byMedium: mediumSplits,
    crossSector,
  };
}

function add(sums: Float64Array, o: number, pos: number, neg: number, polar: number): void {
  sums[o] += pos;
  sums[o + 1] += neg;
  if (polar > 0) sums[o + 2] += polar;
  else sums[o + 3] -= polar;
  sums[o + 4]++;
}

function split(sums: ArrayLike<number>, o: number, scale: number): InfluenceSplit {
  return {
    total: sums[o] + sums[o + 1],
    positive: sums[o],
    negative: sums[o + 1],
    controversy: controversyIndex(sums[o + 2], sums[o + 3], scale),
    signed: sums[o + 2] + sums[o + 3],
    events: sums[o + 4],
  };
}

function checkTransfer<T extends TransferOptions>(opts: T): T {
  checkOneOf(MODULE, 'model', opts.model, TRANSFER_MODELS);
  checkNumber(MODULE, 'gamma', opts.gamma, Number.MIN_VALUE, Infinity);
  checkNumber(MODULE, 'lambda', opts.lambda, Number.MIN_VALUE, Infinity);
  return opts;
}

function checkDistanceOptions<T extends SectorDistanceOptions>(opts: T): T {
  checkTransfer(opts);
  checkOneOf(MODULE, 'membership', opts.membership, MEMBERSHIPS);
  const overrides = opts.distanceOverrides;
  if (typeof overrides !== 'object' || overrides === null) throw invalidOption(MODULE, 'distanceOverrides', 'must be an object of objects', overrides);
  for (const [a, row] of Object.entries(overrides)) {
    if (typeof row !== 'object' || row === null) throw invalidOption(MODULE, `distanceOverrides.${a}`, 'must be an object', row);
    for (const [b, d] of Object.entries(row)) checkNumber(MODULE, `distanceOverrides.${a}.${b}`, d, 0, 1);
  }
  return opts;
}

function checkBreakdownOptions(opts: BreakdownOptions): BreakdownOptions {
  checkDistanceOptions(opts);
  if (opts.at !== null) checkTime(MODULE, 'at', opts.at);
  checkNumber(MODULE, 'controversyScale', opts.controversyScale, Number.MIN_VALUE, Infinity);
  return opts;
}
