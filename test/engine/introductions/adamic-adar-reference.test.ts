/**
 * The Adamic-Adar reason equals NetworkX's adamic_adar_index (../shared/reference/<graph>.json, top 200
 * non-adjacent pairs on the undirected simple view), and with trust 1, no recency, no record and no boosts the
 * scorer's ranking is plain Adamic-Adar, so its global top 200 is NetworkX's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProjectionBuilder } from '../../../src/domain/projection.ts';
import { buildIntroductionIndex, type IntroductionIndex } from '../../../src/engine/introductions/index.ts';
import { PAIR_SCORE_DEFAULTS, scorePair, type PairScoreWeights } from '../../../src/engine/introductions/pair-score.ts';
import { rankCandidates } from '../../../src/engine/introductions/rank-candidates.ts';
import { loadReference, sharedPath } from '../../support/shared.ts';

const PLAIN: PairScoreWeights = {
  ...PAIR_SCORE_DEFAULTS,
  halfLifeDays: Number.POSITIVE_INFINITY,
  record: 0,
  complementarity: 0,
  sectors: 0,
  bridging: 0,
  openness: 0,
  minTrust: 0,
};

function indexFromEdges(file: string): IntroductionIndex {
  const p = new ProjectionBuilder();
  const lines = readFileSync(sharedPath('data/small', file), 'utf8').trim().split('\n').slice(1);
  for (const line of lines) {
    const [a, b] = line.split(',');
    p.tie(a, b, 1);
    p.tie(b, a, 1);
  }
  return buildIntroductionIndex(p.build(), { communities: false });
}

describe.each([
  ['karate_club', 'karate_club_edges.csv'],
  ['les_miserables', 'les_miserables_edges.csv'],
])('Adamic-Adar on %s matches NetworkX', (graph, file) => {
  const reference = loadReference(graph);
  const index = indexFromEdges(file);
  const id = (k: number) => index.people[k].id;

  it('for every one of the reference top 200 pairs', () => {
    expect(reference.adamic_adar_top200.length).toBe(200);
    for (const { a, b, score } of reference.adamic_adar_top200) {
      const ev = scorePair(index, index.indexOf.get(a)!, index.indexOf.get(b)!, { now: Number.NaN, weights: PLAIN });
      expect(ev.adamicAdar).toBeCloseTo(score, 10);
      expect(ev.raw).toBeCloseTo(score, 10); // the scorer reduces to Adamic-Adar
    }
  });

  it('and the global ranking has the same top 200', () => {
    const all: { key: string; score: number }[] = [];
    for (let x = 0; x < index.people.length; x++) {
      const r = rankCandidates(index, x, { now: Number.NaN, weights: PLAIN, keep: Number.POSITIVE_INFINITY, onlyGreaterIndex: true });
      for (let k = 0; k < r.partner.length; k++) {
        const [u, v] = [id(x), id(r.partner[k])].sort();
        all.push({ key: `${u}|${v}`, score: r.raw[k] });
      }
    }
    const refKeys = new Set(reference.adamic_adar_top200.map(({ a, b }) => [a, b].sort().join('|')));
    const cutoff = reference.adamic_adar_top200[199].score;
    // every pair scoring clearly above the 200th is in the reference; every reference pair is found
    for (const { key, score } of all) if (score > cutoff + 1e-9) expect(refKeys.has(key)).toBe(true);
    const found = new Map(all.map(({ key, score }) => [key, score]));
    for (const { a, b, score } of reference.adamic_adar_top200) expect(found.get([a, b].sort().join('|'))).toBeCloseTo(score, 10);
  });
});
