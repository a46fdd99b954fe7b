/**
 * The demo world's planted story (src/services/demo/archetypes.ts): Ana Torres (technology; offers engineering
 * and design; seeks funding and mentorship) and Omar Haddad (finance; offers funding and mentorship; seeks
 * engineering) are not tied, and both trust the connector Helena Brandt highly. "Whom should Ana meet?" must
 * answer Omar, through Helena, for the reasons that make him worth meeting; "whom should Helena introduce?"
 * must answer with pairs who complement each other.
 */
import { describe, expect, it } from 'vitest';
import { areTied } from '../../../src/engine/introductions/acquaintance-graph.ts';
import { buildIntroductionIndex, PAIR_SCORE_DEFAULTS, suggestAcrossNetwork, suggestForIntroducer, suggestForPerson } from '../../../src/engine/introductions/index.ts';
import { findEntry } from '../../../src/engine/introductions/acquaintance-graph.ts';
import { generateDemoWorld } from '../../../src/services/demo/index.ts';
import { demoProjectionBuilder } from './demo-world.ts';

const world = generateDemoWorld({ seed: 42 });
const index = buildIntroductionIndex(demoProjectionBuilder(world).build());
const ANA = 'p-ana';
const OMAR = 'p-omar';
const HELENA = 'p-connector';

/** The demo world plus what a test adds (an event, a tie), as the API would store it. */
function withExtra(add: (b: ReturnType<typeof demoProjectionBuilder>) => void) {
  const b = demoProjectionBuilder(world);
  add(b);
  return buildIntroductionIndex(b.build());
}

function message(b: ReturnType<typeof demoProjectionBuilder>, id: string, from: string, to: string, at: string): void {
  b.event({ id, at: Date.parse(at), magnitude: 1, valence: 0, kind: 'event', sector: 'general', medium: 'unspecified' });
  b.drive(id, from);
  b.reach(id, to);
}

describe('demo story: whom should Ana meet?', () => {
  it('Omar is among Ana’s top 5, introduced by Helena, for funding and mentorship against engineering', () => {
    const top = suggestForPerson(index, ANA, { limit: 5 });
    const omar = top.find((s) => s.b === OMAR);
    expect(omar, `top 5 for Ana: ${top.map((s) => s.b).join(', ')}`).toBeDefined();
    expect(omar!.introducer).toBe(HELENA);
    expect(omar!.reasons.bOffersASeeks).toEqual(expect.arrayContaining(['funding', 'mentorship']));
    expect(omar!.reasons.aOffersBSeeks).toEqual(['engineering']);
    expect(omar!.reasons.complementarity).toBe(1);
    expect(omar!.reasons.trustAInIntroducer).toBeCloseTo(0.99, 6);
    expect(omar!.reasons.trustBInIntroducer).toBeCloseTo(0.96, 6);
    expect(omar!.reasons.summary).toMatch(/Omar Haddad offers (funding and mentorship|mentorship and funding), which Ana Torres seeks\./);
    expect(omar!.reasons.summary).toContain('Ana Torres offers engineering, which Omar Haddad seeks.');
    // the same pair seen from Omar's side
    expect(suggestForPerson(index, OMAR, { limit: 5 }).map((s) => s.b)).toContain(ANA);
  });

  it('it is complementarity that puts him there: without it he drops out of the top 5', () => {
    const flat = suggestForPerson(index, ANA, { limit: 5, weights: { complementarity: 0 } }).map((s) => s.b);
    expect(flat).not.toContain(OMAR);
    expect(PAIR_SCORE_DEFAULTS.complementarity).toBeGreaterThan(0);
  });

  it('a one-way reach does not hide him; a reply or a KNOWS tie does (they are then directly tied)', () => {
    // what test/api/influence.test.ts stores through the API: an event Ana drove that reached Omar
    const oneWay = withExtra((b) => message(b, 'x-1', ANA, OMAR, '2026-01-01T00:00:00Z'));
    const g = oneWay.graph;
    expect(findEntry(g, oneWay.indexOf.get(ANA)!, oneWay.indexOf.get(OMAR)!)).toBeGreaterThanOrEqual(0); // acquainted
    expect(areTied(g, oneWay.indexOf.get(ANA)!, oneWay.indexOf.get(OMAR)!)).toBe(false); // not tied
    expect(suggestForPerson(oneWay, ANA, { limit: 5 }).map((s) => s.b)).toContain(OMAR);

    const replied = withExtra((b) => {
      message(b, 'x-1', ANA, OMAR, '2026-01-01T00:00:00Z');
      message(b, 'x-2', OMAR, ANA, '2026-01-02T00:00:00Z');
    });
    expect(suggestForPerson(replied, ANA, { limit: 1000 }).map((s) => s.b)).not.toContain(OMAR);

    const known = withExtra((b) => b.tie(OMAR, ANA, 0.5));
    expect(suggestForPerson(known, ANA, { limit: 1000 }).map((s) => s.b)).not.toContain(OMAR);
  });
});

describe('demo story: whom should Helena introduce?', () => {
  const pairs = suggestForIntroducer(index, HELENA, { limit: 10 });

  it('pairs of her contacts who both trust her, are not tied, and complement each other', () => {
    expect(pairs).toHaveLength(10);
    const g = index.graph;
    const h = index.indexOf.get(HELENA)!;
    for (const s of pairs) {
      const a = index.indexOf.get(s.a)!;
      const b = index.indexOf.get(s.b)!;
      expect(s.introducer).toBe(HELENA);
      expect(areTied(g, a, b)).toBe(false);
      expect(g.trustOut[findEntry(g, a, h)]).toBeGreaterThanOrEqual(PAIR_SCORE_DEFAULTS.minTrust);
      expect(g.trustOut[findEntry(g, b, h)]).toBeGreaterThanOrEqual(PAIR_SCORE_DEFAULTS.minTrust);
      expect(s.reasons.complementarity).toBeGreaterThan(0);
      expect(s.reasons.aOffersBSeeks.length + s.reasons.bOffersASeeks.length).toBeGreaterThan(0);
    }
    for (let k = 1; k < pairs.length; k++) expect(pairs[k - 1].score).toBeGreaterThanOrEqual(pairs[k].score);
  });

  it('Ana and Omar are among them, with the same reasons as in Ana’s own list', () => {
    const story = pairs.find((s) => [s.a, s.b].sort().join(' ') === [ANA, OMAR].join(' '));
    expect(story, `Helena's top 10: ${pairs.map((s) => `${s.a}+${s.b}`).join(', ')}`).toBeDefined();
    const [offersToAna, offersToOmar] = story!.a === ANA ? [story!.reasons.bOffersASeeks, story!.reasons.aOffersBSeeks] : [story!.reasons.aOffersBSeeks, story!.reasons.bOffersASeeks];
    expect(offersToAna).toEqual(expect.arrayContaining(['funding', 'mentorship']));
    expect(offersToOmar).toEqual(['engineering']);
  });
});

describe("the scores people read: the network's best introductions", () => {
  it('score raw / (1 + raw), so the strongest stay apart instead of all reading 0.99', () => {
    const best = suggestAcrossNetwork(index, { limit: 100 }).items;
    expect(best).toHaveLength(100);
    for (const s of best) expect(s.score).toBeCloseTo(s.reasons.rawScore / (1 + s.reasons.rawScore), 12);
    // shown with two decimals, rounded down (the client's formatSuggestionScore)
    const shown = best.map((s) => Math.floor(s.score * 100) / 100);
    expect(shown.filter((v) => v === shown[0]).length).toBeLessThanOrEqual(3);
    expect(new Set(shown).size).toBeGreaterThan(20);
    expect(Math.max(...shown)).toBeLessThan(0.99);
  });
});
