/**
 * Turns an exact pair evaluation (pair-score.ts) into the suggestion the API returns: ids, the score and
 * structured, human-readable reasons, with a one-paragraph summary built from the same fields.
 * Cost: O(|offers| + |seeks| + |sectors|) for the two people.
 */
import { overlapLabels } from './coded-sets.ts';
import { recentNewTies } from './openness.ts';
import type { IntroductionIndex } from './introduction-index.ts';
import { DAY_MS, type PairEvaluation } from './pair-score.ts';

export interface IntroducerRecordSummary {
  made: number;
  succeeded: number;
  /** the succeeded ones weighed by how much others vouch for the people introduced (vouching.ts), ≤ succeeded */
  counted: number;
  /** closed without fruit: failed or declined */
  failed: number;
  open: number;
  /** smoothed with the index's Beta prior, over the counted successes; the prior mean when nothing closed */
  successRate: number;
}

export interface IntroductionReasons {
  /** what a offers that b seeks */
  aOffersBSeeks: string[];
  /** what b offers that a seeks */
  bOffersASeeks: string[];
  sharedSectors: string[];
  /** people both know (whatever the trust) */
  commonTies: number;
  /** Σ 1/ln deg over the common ties (unweighted, as NetworkX's adamic_adar_index) */
  adamicAdar: number;
  /** Σ 1/deg over the common ties */
  resourceAllocation: number;
  bridgesCommunities: boolean;
  /** community of a and of b (null when communities were not computed) */
  communities: [number | null, number | null];
  trustAInIntroducer: number;
  trustBInIntroducer: number;
  /** days since each side was last in touch with the introducer, null when undated */
  tieRecencyDays: { a: number | null; b: number | null };
  introducerRecord: IntroducerRecordSummary;
  /** how much each side has lately been making new acquaintances (1 = the network's average) */
  openness: { a: number; b: number };
  /** acquaintances each side made in the `days` before now (days = the index's openness half-life) */
  newTies: { a: number; b: number; days: number };
  /** common ties both trust at least minTrust, i.e. possible introducers */
  trustedIntroducers: number;
  /** the score's parts (pair-score.ts): raw = structure · boost, score = raw / (1 + raw) */
  complementarity: number;
  sectorSimilarity: number;
  structure: number;
  boost: number;
  rawScore: number;
  summary: string;
}

export interface IntroductionSuggestion {
  /** person ids */
  a: string;
  b: string;
  introducer: string;
  score: number;
  reasons: IntroductionReasons;
}

export function explainSuggestion(index: IntroductionIndex, ev: PairEvaluation, now: number): IntroductionSuggestion {
  const { a, b, introducer: i } = ev;
  const g = index.graph;
  const aOffersBSeeks = overlapLabels(index.offers, a, index.seeks, b, index.skillVocabulary);
  const bOffersASeeks = overlapLabels(index.offers, b, index.seeks, a, index.skillVocabulary);
  const sharedSectors = overlapLabels(index.sectors, a, index.sectors, b, index.sectorVocabulary);
  const trustA = ev.entryA >= 0 ? round(g.trustOut[ev.entryA]) : 0;
  const trustB = ev.entryB >= 0 ? round(g.trustOut[ev.entryB]) : 0;
  const days = (entry: number): number | null => {
    if (entry < 0 || Number.isNaN(now)) return null;
    const at = g.lastContact[entry];
    return Number.isNaN(at) ? null : Math.round(((now - at) / DAY_MS) * 10) / 10;
  };
  const r = index.records;
  const record: IntroducerRecordSummary =
    i >= 0
      ? { made: r.made[i], succeeded: r.succeeded[i], counted: r.counted[i], failed: r.failed[i], open: r.open[i], successRate: r.successRate[i] }
      : { made: 0, succeeded: 0, counted: 0, failed: 0, open: 0, successRate: r.priorMean };
  const ca = index.communities.label[a];
  const cb = index.communities.label[b];
  const reasons: IntroductionReasons = {
    aOffersBSeeks,
    bOffersASeeks,
    sharedSectors,
    commonTies: ev.commonTies,
    adamicAdar: ev.adamicAdar,
    resourceAllocation: ev.resourceAllocation,
    bridgesCommunities: ev.affinity.bridging,
    communities: [ca >= 0 ? ca : null, cb >= 0 ? cb : null],
    trustAInIntroducer: trustA,
    trustBInIntroducer: trustB,
    tieRecencyDays: { a: days(ev.entryA), b: days(ev.entryB) },
    introducerRecord: record,
    openness: { a: ev.affinity.opennessA, b: ev.affinity.opennessB },
    newTies: {
      a: recentNewTies(g, a, now, index.options.opennessHalfLifeDays),
      b: recentNewTies(g, b, now, index.options.opennessHalfLifeDays),
      days: index.options.opennessHalfLifeDays,
    },
    trustedIntroducers: ev.trustedIntroducers,
    complementarity: ev.affinity.complementarity,
    sectorSimilarity: ev.affinity.sectorSimilarity,
    structure: ev.structure,
    boost: ev.affinity.boost,
    rawScore: ev.raw,
    summary: '',
  };
  const names = { a: index.people[a].name, b: index.people[b].name, i: i >= 0 ? index.people[i].name : '' };
  reasons.summary = summarise(reasons, names);
  return { a: index.people[a].id, b: index.people[b].id, introducer: i >= 0 ? index.people[i].id : '', score: ev.score, reasons };
}

function summarise(r: IntroductionReasons, names: { a: string; b: string; i: string }): string {
  const parts: string[] = [];
  if (r.bOffersASeeks.length > 0) parts.push(`${names.b} offers ${list(r.bOffersASeeks)}, which ${names.a} seeks.`);
  if (r.aOffersBSeeks.length > 0) parts.push(`${names.a} offers ${list(r.aOffersBSeeks)}, which ${names.b} seeks.`);
  if (r.sharedSectors.length > 0) parts.push(`Both work in ${list(r.sharedSectors)}.`);
  parts.push(
    `Both trust ${names.i} (${r.trustAInIntroducer.toFixed(2)} and ${r.trustBInIntroducer.toFixed(2)}); ` +
      `they have ${r.commonTies} common ${r.commonTies === 1 ? 'tie' : 'ties'}.`,
  );
  if (r.bridgesCommunities) parts.push('The introduction bridges two communities.');
  if (r.newTies.b > 0) {
    parts.push(`${names.b} made ${r.newTies.b} new ${r.newTies.b === 1 ? 'acquaintance' : 'acquaintances'} in the last ${r.newTies.days} days.`);
  }
  const rec = r.introducerRecord;
  if (rec.made > 0) {
    const counted =
      rec.succeeded - rec.counted >= 0.05
        ? ` (counted as ${Math.round(rec.counted * 10) / 10}: ${rec.counted < 0.05 ? 'the' : 'some of the'} people introduced are vouched for by nobody outside ${names.i}'s own introductions)`
        : '';
    parts.push(`${names.i} has made ${rec.made} ${rec.made === 1 ? 'introduction' : 'introductions'}: ${rec.succeeded} succeeded${counted}, ${rec.failed} did not.`);
  }
  return parts.join(' ');
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
