/** A suggestion card's words: the score shown, and the reasons in plain words from the viewer's side. */
import { describe, expect, it } from 'vitest';
import { hiddenTitle } from '../../client/src/panel/hidden-suggestions.ts';
import { dismissalWords, explainSuggestion, formatSuggestionScore, recordAction } from '../../client/src/panel/suggestions.ts';
import { sampleSuggestion } from '../support/suggestion.ts';

describe('formatSuggestionScore', () => {
  it('shows two decimals, rounded down, so a score below 1 never reads 1', () => {
    expect(formatSuggestionScore(0.99996)).toBe('0.99');
    expect(formatSuggestionScore(1 - Math.exp(-21))).toBe('0.99');
    expect(formatSuggestionScore(0.9455)).toBe('0.94');
    expect(formatSuggestionScore(0.7)).toBe('0.70');
    expect(formatSuggestionScore(0.29)).toBe('0.29');
    expect(formatSuggestionScore(0.004)).toBe('0.00');
  });

  it('keeps out-of-range input inside [0, 0.99]', () => {
    expect(formatSuggestionScore(-0.2)).toBe('0.00');
    expect(formatSuggestionScore(1)).toBe('0.99');
  });
});

describe('explainSuggestion', () => {
  it('explains a suggestion in plain words from the viewer’s side', () => {
    const s = sampleSuggestion();
    const x = explainSuggestion(s, 'p-ana');
    expect(x.headline).toBe('Meet Omar Haddad');
    expect(x.via).toBe('through Helena Brandt');
    expect(x.reasons).toContain('Omar offers funding and mentorship, which Ana seeks');
    expect(x.reasons).toContain('3 people in common (weighted: Adamic-Adar 1.00, resource allocation 0.20)');
    expect(x.reasons).toContain('Helena was in touch with Ana 3 days and with Omar 10 days before the latest activity on record');
    const undated = explainSuggestion({ ...s, reasons: { ...s.reasons, tieRecencyDays: { a: 45, b: null } } }, 'p-ana');
    expect(undated.reasons).toContain('Helena was in touch with Ana 6 weeks before the latest activity on record (no date for Omar)');
    const recent = explainSuggestion({ ...s, reasons: { ...s.reasons, tieRecencyDays: { a: 1, b: 0.2 } } }, 'p-ana');
    expect(recent.reasons).toContain('Helena was in touch with Ana 1 day and with Omar less than a day before the latest activity on record');
    const none = explainSuggestion({ ...s, reasons: { ...s.reasons, tieRecencyDays: { a: null, b: null } } }, 'p-ana');
    expect(none.reasons.some((r) => r.includes('in touch'))).toBe(false);
    expect(x.reasons).toContain('Bridges two communities that rarely meet');
    expect(x.reasons).toContain('Helena has made 12 introductions, 9 of them successful');
    // successes among people nobody else vouches for are said to count for less
    const unvouched = explainSuggestion({ ...s, reasons: { ...s.reasons, introducerRecord: { made: 12, succeeded: 9, counted: 2.5, failed: 1, successRate: 0.4 } } }, 'p-ana');
    expect(unvouched.reasons).toContain('Helena has made 12 introductions, 9 of them successful (counted as 2.5)');
    expect(x.trust).toEqual([
      { who: 'Ana trusts Helena', value: 0.9 },
      { who: 'Omar trusts Helena', value: 0.85 },
    ]);
    expect(explainSuggestion(s, 'p-omar').headline).toBe('Meet Ana Torres');
    expect(explainSuggestion(s, 'someone-else').headline).toBe('Introduce Ana Torres to Omar Haddad');
  });
});

describe('recordAction', () => {
  it('records the request of one of the two as suggested (the introducer has not made it yet), from either side', () => {
    const s = sampleSuggestion();
    for (const [viewer, other] of [
      ['p-ana', 'Omar'],
      ['p-omar', 'Ana'],
    ]) {
      const r = recordAction(s, viewer!);
      expect(r.label).toBe('Record request');
      expect(r.status).toBe('suggested');
      expect(r.note).toBe('Suggested by Catalyst: Omar offers funding and mentorship, which Ana seeks');
      expect(r.done('suggested')).toBe(`Recorded your request: Helena is asked to introduce you to ${other} (suggested). Set it to Made below once Helena has.`);
    }
  });

  it('records one from the whole network’s list (nobody’s) as asked of its introducer: suggested', () => {
    const r = recordAction(sampleSuggestion(), null);
    expect(r.label).toBe('Record request');
    expect(r.status).toBe('suggested');
    expect(r.done('suggested')).toBe('Recorded: Helena is asked to introduce Ana and Omar (suggested). Set it to Made under Follow up once Helena has.');
  });

  it('records the introducer’s own introduction, or one seen by someone else, as made', () => {
    const s = sampleSuggestion();
    for (const viewer of ['p-connector', 'p-someone-else']) {
      const r = recordAction(s, viewer);
      expect(r.label).toBe('Record introduction');
      expect(r.status).toBe('made');
      expect(r.done('made')).toBe('Recorded: Helena introduces Ana and Omar (made).');
    }
  });
});

describe('hiding a suggestion', () => {
  it('says what Hide does from the viewer’s side: not interested in the other, or not introducing the pair', () => {
    const s = sampleSuggestion();
    expect(dismissalWords(s, 'p-ana').done).toBe('Hidden: Omar Haddad will not be suggested to you again.');
    expect(dismissalWords(s, 'p-omar').done).toBe('Hidden: Ana Torres will not be suggested to you again.');
    expect(dismissalWords(s, 'p-ana').title).toContain('nobody will be asked to introduce you two');
    expect(dismissalWords(s, 'p-connector').done).toBe('Hidden: you will not be suggested to introduce Ana Torres and Omar Haddad again.');
    expect(dismissalWords(s, 'p-connector').title).toContain('nor named as their introducer');
  });

  it('names a hidden suggestion as its card did, with the id when a name is unknown', () => {
    const names = new Map([
      ['p-ana', 'Ana Torres'],
      ['p-omar', 'Omar Haddad'],
    ]);
    expect(hiddenTitle({ a: 'p-ana', b: 'p-omar' }, 'p-ana', names)).toBe('Meet Omar Haddad');
    expect(hiddenTitle({ a: 'p-ana', b: 'p-omar' }, 'p-omar', names)).toBe('Meet Ana Torres');
    expect(hiddenTitle({ a: 'p-ana', b: 'p-omar' }, 'p-connector', names)).toBe('Introduce Ana Torres to Omar Haddad');
    expect(hiddenTitle({ a: 'p-ana', b: 'p-gone' }, 'p-connector', names)).toBe('Introduce Ana Torres to p-gone');
  });
});
