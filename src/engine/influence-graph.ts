/**
 * The person-to-person influence graph, and the ties layer, as graphology `DirectedGraph`s.
 *
 * Influence graph: one node per person (key = person id; attributes name, sectors) and one merged edge
 * driver → reached per directed pair that some event links (DESIGN.md direction convention: influence flows
 * from the people who DROVE an event to the people it REACHED). Edge attributes:
 *   weight   = Σ m·w·π (static), or Σ m·w·π·fade(t − at) over events at or before t when `at` is given
 *              (π = 1, (1+v)/2 or (1−v)/2 for polarity total / positive / negative)
 *   positive, negative = the two parts (always both, whatever the polarity), events = rows merged
 * Filters: event-time range [from, to], sector(s), medium(s); decayed edges with weight ≤ epsilon are dropped.
 * The maths lives in time/decayed-projection.ts over the interaction table; this file only builds the
 * graphology object, so pass a prebuilt `InteractionTable` to build graphs at many t without re-flattening.
 * Edge keys are graphology's generated ones: identify edges by (source, target).
 *
 * Ties layer: KNOWS as a DirectedGraph, edge from → to with trust (from trusts to), since, lastContact (epoch ms
 * or null). Repeated ties between the same ordered pair keep the last one; self-ties are dropped.
 *
 * Cost: O(R + P) for the projection (see decayed-projection.ts), then graphology's ~7 µs and ~400 bytes per
 * edge, which dominates on large graphs (950k edges: ~7 s, ~1 GB): for centrality on large graphs prefer
 * the `InfluenceEdges` list.
 */
import { DirectedGraph } from 'graphology';
import type { Projection } from '../domain/projection.ts';
import { decayedProjection, type DecayedProjectionOptions, DEFAULTS as PROJECTION_DEFAULTS, type InfluenceEdges, type Polarity } from './time/decayed-projection.ts';
import { checkNumber, checkTime, invalidOption, withDefaults } from './time/errors.ts';
import { DEFAULT_FADE_CONFIG, type FadeConfig } from './time/fade.ts';
import { asInteractionTable, type InteractionTable } from './time/interaction-table.ts';

const MODULE = 'influence-graph';

export interface PersonNodeAttributes {
  name: string;
  sectors: string[];
}

export interface InfluenceEdgeAttributes {
  weight: number;
  positive: number;
  negative: number;
  events: number;
}

export interface InfluenceGraphAttributes {
  /** epoch ms of the decayed projection, null when static */
  at: number | null;
  polarity: Polarity;
}

export type InfluenceGraph = DirectedGraph<PersonNodeAttributes, InfluenceEdgeAttributes, InfluenceGraphAttributes>;

export interface InfluenceGraphOptions extends DecayedProjectionOptions {
  /** every person is a node (true) or only people with an edge (false) */
  includeIsolated: boolean;
  /** fade defaults, used only when building from a Projection (a table carries its own) */
  fades: FadeConfig;
}

export const DEFAULTS: InfluenceGraphOptions = { ...PROJECTION_DEFAULTS, includeIsolated: true, fades: DEFAULT_FADE_CONFIG };

/** The influence graph, static or decayed at `options.at`. */
export function buildInfluenceGraph(source: Projection | InteractionTable, options?: Partial<InfluenceGraphOptions>): InfluenceGraph {
  const opts = withDefaults(DEFAULTS, options);
  if (typeof opts.includeIsolated !== 'boolean') throw invalidOption(MODULE, 'includeIsolated', 'must be a boolean', opts.includeIsolated);
  const table = asInteractionTable(source, { fades: opts.fades });
  const edges = decayedProjection(table, opts);
  return influenceEdgesToGraph(table.projection, edges, opts.includeIsolated);
}

/** A graphology graph from an edge list computed by `decayedProjection` on the same projection. */
export function influenceEdgesToGraph(projection: Projection, edges: InfluenceEdges, includeIsolated = true): InfluenceGraph {
  const graph: InfluenceGraph = new DirectedGraph<PersonNodeAttributes, InfluenceEdgeAttributes, InfluenceGraphAttributes>({
    allowSelfLoops: true,
  });
  graph.replaceAttributes({ at: edges.at, polarity: edges.polarity });
  const { people } = projection;
  if (includeIsolated) {
    for (let i = 0; i < people.length; i++) addPerson(graph, projection, i);
  }
  for (let k = 0; k < edges.count; k++) {
    const s = edges.src[k];
    const t = edges.dst[k];
    if (!includeIsolated) {
      addPerson(graph, projection, s);
      addPerson(graph, projection, t);
    }
    graph.addDirectedEdge(people[s].id, people[t].id, {
      weight: edges.weight[k],
      positive: edges.positive[k],
      negative: edges.negative[k],
      events: edges.events[k],
    });
  }
  return graph;
}

export interface TieEdgeAttributes {
  /** 0..1: how much `source` trusts `target` */
  trust: number;
  /** epoch ms or null */
  since: number | null;
  lastContact: number | null;
}

export type TieGraph = DirectedGraph<PersonNodeAttributes, TieEdgeAttributes>;

export interface TieGraphOptions {
  /** epoch ms: leave out ties formed after this time (ties without `since` are kept); null for all */
  at: number | null;
  /** leave out ties with trust below this */
  minTrust: number;
  /** every person is a node (true) or only people with a tie (false) */
  includeIsolated: boolean;
}

export const TIE_DEFAULTS: TieGraphOptions = { at: null, minTrust: 0, includeIsolated: true };

/** The KNOWS layer as a directed graph with trust. O(n + ties). */
export function buildTieGraph(projection: Projection, options?: Partial<TieGraphOptions>): TieGraph {
  const opts = withDefaults(TIE_DEFAULTS, options);
  if (opts.at !== null) checkTime(MODULE, 'at', opts.at);
  checkNumber(MODULE, 'minTrust', opts.minTrust, 0, 1);
  const graph: TieGraph = new DirectedGraph<PersonNodeAttributes, TieEdgeAttributes>({ allowSelfLoops: false });
  const { people, ties } = projection;
  if (opts.includeIsolated) for (let i = 0; i < people.length; i++) addPerson(graph, projection, i);
  for (let k = 0; k < ties.count; k++) {
    const from = ties.from[k];
    const to = ties.to[k];
    if (from === to) continue;
    const trust = ties.trust[k];
    const since = ties.since[k];
    if (!(trust >= opts.minTrust)) continue;
    if (opts.at !== null && Number.isFinite(since) && since > opts.at) continue;
    if (!opts.includeIsolated) {
      addPerson(graph, projection, from);
      addPerson(graph, projection, to);
    }
    const attributes: TieEdgeAttributes = {
      trust,
      since: Number.isFinite(since) ? since : null,
      lastContact: Number.isFinite(ties.lastContact[k]) ? ties.lastContact[k] : null,
    };
    const a = people[from].id;
    const b = people[to].id;
    const existing = graph.directedEdge(a, b);
    if (existing === undefined) graph.addDirectedEdge(a, b, attributes);
    else graph.replaceEdgeAttributes(existing, attributes);
  }
  return graph;
}

function addPerson(graph: DirectedGraph<PersonNodeAttributes>, projection: Projection, index: number): void {
  const person = projection.people[index];
  if (graph.hasNode(person.id)) return;
  graph.addNode(person.id, { name: person.name, sectors: [...person.sectors] });
}
