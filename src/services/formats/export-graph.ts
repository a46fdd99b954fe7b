/**
 * The whole network as one graphology graph for the GEXF and GraphML writers (and anyone else who wants it).
 *
 * - Nodes: people, keyed by id, with `name` and `sectors`/`offers`/`seeks` as `;`-joined strings.
 * - KNOWS ties: directed edges keyed by the tie id (default `from->to`) with `kind: 'knows'`, `trust`, and
 *   `since`/`lastContact` when set; `tieId` too when the tie has an id other than the default.
 * - Influence: one directed edge per (driver, reached person) pair, keyed `influence:driver->reached`, with
 *   `kind: 'influence'`, `weight` = Σ magnitude × reach weight over the events linking them (undecayed), split
 *   into `positive` = Σ magnitude × weight × (1 + valence)/2 and `negative` = Σ … × (1 − valence)/2, and
 *   `events` = how many events. Each driver of an event gets the event's full weight. Broadcast events (no
 *   REACHED) and a person reaching themself add no edge.
 * - Introductions: a directed edge a→b keyed `introduction:<id>` with `kind: 'introduction'`, `introducer`,
 *   `status`, and `introductionId`, `at`, `value`, `note`, `outcomeAt` when set.
 * Ties, influence pairs and introductions with an end not among `people` are left out, so passing a subset of
 * people exports that subgraph.
 *
 * Cost: O(people + ties + introductions + Σ drivers × reached over events) time; one graph in memory.
 */
import { MultiDirectedGraph } from 'graphology';
import {
  tieId,
  type DismissalRecord,
  type InfluenceEvent,
  type IntroductionInput,
  type Person,
  type TieInput,
} from '../../domain/model.ts';
import { joinList } from './tables.ts';
import { FormatWriteError } from './types.ts';

export interface ExportData {
  people: readonly Person[];
  ties: readonly TieInput[];
  events?: readonly InfluenceEvent[];
  introductions?: readonly IntroductionInput[];
  /** written by dismissals-csv only: the graph formats leave them out */
  dismissals?: readonly DismissalRecord[];
}

export type ExportGraph = MultiDirectedGraph;

export function buildExportGraph(data: ExportData): ExportGraph {
  const graph = new MultiDirectedGraph({ allowSelfLoops: true });
  graph.setAttribute('creator', 'Catalyst');
  for (const person of data.people) {
    if (graph.hasNode(person.id)) throw new FormatWriteError(`buildExportGraph: person "${person.id}" is given twice`);
    graph.addNode(person.id, {
      name: person.name,
      sectors: joinList(person.sectors, `person "${person.id}"`, 'sectors', 'graph exports'),
      offers: joinList(person.offers, `person "${person.id}"`, 'offers', 'graph exports'),
      seeks: joinList(person.seeks, `person "${person.id}"`, 'seeks', 'graph exports'),
    });
  }

  for (const tie of data.ties) {
    if (!graph.hasNode(tie.from) || !graph.hasNode(tie.to)) continue;
    const defaultId = tieId(tie.from, tie.to);
    const key = tie.id ?? defaultId;
    const attributes: Record<string, unknown> = { kind: 'knows', trust: tie.trust };
    if (tie.since !== null) attributes.since = tie.since;
    if (tie.lastContact !== null) attributes.lastContact = tie.lastContact;
    if (tie.id !== undefined && tie.id !== defaultId) attributes.tieId = tie.id;
    addEdge(graph, key, tie.from, tie.to, attributes);
  }

  const influence = new Map<string, { from: string; to: string; weight: number; positive: number; negative: number; events: number }>();
  for (const event of data.events ?? []) {
    for (const driver of event.drivers) {
      if (!graph.hasNode(driver.person)) continue;
      for (const reach of event.reached) {
        if (reach.person === driver.person || !graph.hasNode(reach.person)) continue;
        const key = `influence:${driver.person}->${reach.person}`;
        let edge = influence.get(key);
        if (!edge) {
          edge = { from: driver.person, to: reach.person, weight: 0, positive: 0, negative: 0, events: 0 };
          influence.set(key, edge);
        }
        const amount = event.magnitude * reach.weight;
        edge.weight += amount;
        edge.positive += (amount * (1 + event.valence)) / 2;
        edge.negative += (amount * (1 - event.valence)) / 2;
        edge.events++;
      }
    }
  }
  for (const [key, edge] of influence) {
    addEdge(graph, key, edge.from, edge.to, {
      kind: 'influence',
      weight: edge.weight,
      positive: edge.positive,
      negative: edge.negative,
      events: edge.events,
    });
  }

  (data.introductions ?? []).forEach((introduction, index) => {
    if (!graph.hasNode(introduction.a) || !graph.hasNode(introduction.b)) return;
    const key = `introduction:${introduction.id ?? `#${index + 1}`}`;
    const attributes: Record<string, unknown> = { kind: 'introduction' };
    if (introduction.id !== undefined) attributes.introductionId = introduction.id;
    attributes.introducer = introduction.introducer;
    if (introduction.at !== undefined) attributes.at = introduction.at;
    attributes.status = introduction.status;
    if (introduction.value !== null) attributes.value = introduction.value;
    if (introduction.note !== '') attributes.note = introduction.note;
    if (introduction.outcomeAt !== null) attributes.outcomeAt = introduction.outcomeAt;
    addEdge(graph, key, introduction.a, introduction.b, attributes);
  });
  return graph;
}

function addEdge(graph: ExportGraph, key: string, from: string, to: string, attributes: Record<string, unknown>): void {
  if (graph.hasEdge(key)) throw new FormatWriteError(`buildExportGraph: two edges have the key "${key}"`);
  graph.addDirectedEdgeWithKey(key, from, to, attributes);
}
