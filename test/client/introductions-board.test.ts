/** The words and the binning of the "Introductions" board, and the chart's labels and tooltips. */
import { describe, expect, it } from 'vitest';
import { barTooltip, labelledBars } from '../../client/src/chart/stacked-bars.ts';
import { filterQuery, formatAmount, introducerLine, introducerTally, opportunitiesCaption, periodBars, STATUS_ORDER, storedWaitingDays, summaryHeadline, WAITING_CHOICES, WAITING_DAYS } from '../../client/src/panel/introductions-board.ts';
import { outcomeText, vouchingText, waitingText } from '../../client/src/panel/introductions.ts';
import { introductionStatuses, type IntroductionStatus } from '../../src/domain/model.ts';

const none = (): Record<IntroductionStatus, number> => ({ suggested: 0, made: 0, accepted: 0, declined: 0, succeeded: 0, failed: 0 });
const counts = (c: Partial<Record<IntroductionStatus, number>>) => ({ ...none(), ...c });

/** consecutive months from year-month, with `made` = k for the k-th */
function months(year: number, month: number, n: number) {
  return Array.from({ length: n }, (_, k) => {
    const m = year * 12 + (month - 1) + k;
    return { month: `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`, counts: counts({ made: k, succeeded: 1 }) };
  });
}
const total = (bars: { values: Readonly<Record<string, number>> }[], key: string) => bars.reduce((s, b) => s + (b.values[key] ?? 0), 0);

describe('periodBars', () => {
  it('keeps months when they fit', () => {
    const bars = periodBars(months(2025, 11, 4), 36);
    expect(bars.map((b) => b.label)).toEqual(['Nov 2025', 'Dec 2025', 'Jan 2026', 'Feb 2026']);
    expect(bars[3]!.values).toMatchObject({ made: 3, succeeded: 1 });
    // each bar's period, [from, to), across the turn of the year
    expect([bars[1]!.from, bars[1]!.to]).toEqual([Date.parse('2025-12-01T00:00:00Z'), Date.parse('2026-01-01T00:00:00Z')]);
  });

  it('groups into calendar quarters, then years, summing every count', () => {
    const span = months(2024, 2, 40); // Feb 2024 .. May 2027
    const quarters = periodBars(span, 36);
    expect(quarters[0]).toMatchObject({ label: 'Q1 2024', values: { made: 0 + 1, succeeded: 2 } });
    expect(quarters[1]!.label).toBe('Q2 2024');
    expect(quarters.at(-1)).toMatchObject({ label: 'Q2 2027', values: { made: 38 + 39, succeeded: 2 } });
    expect(quarters).toHaveLength(14);
    // a quarter's period is the whole calendar quarter, even where the data starts or ends inside it
    expect([quarters[0]!.from, quarters[0]!.to]).toEqual([Date.parse('2024-01-01T00:00:00Z'), Date.parse('2024-04-01T00:00:00Z')]);
    expect([quarters.at(-1)!.from, quarters.at(-1)!.to]).toEqual([Date.parse('2027-04-01T00:00:00Z'), Date.parse('2027-07-01T00:00:00Z')]);
    const years = periodBars(span, 10);
    expect(years.map((b) => b.label)).toEqual(['2024', '2025', '2026', '2027']);
    expect([years[1]!.from, years[1]!.to]).toEqual([Date.parse('2025-01-01T00:00:00Z'), Date.parse('2026-01-01T00:00:00Z')]);
    expect(years[0]!.values.succeeded).toBe(11);
    for (const bars of [quarters, years]) {
      expect(total(bars, 'made')).toBe((39 * 40) / 2);
      expect(total(bars, 'succeeded')).toBe(40);
    }
  });

  it('says what its periods count', () => {
    expect(periodBars(months(2025, 11, 2), 36).map((b) => b.basis)).toEqual(['recorded', 'recorded']);
    expect(periodBars(months(2025, 11, 2), 36, 'outcome').map((b) => b.basis)).toEqual(['outcome', 'outcome']);
  });

  it('has no bars without months', () => {
    expect(periodBars([])).toEqual([]);
  });
});

describe('the board in words', () => {
  const summary = { total: 96, byStatus: counts({ made: 13, accepted: 6, declined: 11, succeeded: 53, failed: 13 }), succeededValue: 1410, waiting: { days: 30, before: '', count: 19, requests: 0 }, outcomes: { dated: 0, medianDays: null } };

  it('sums up what came of them and what waits', () => {
    expect(summaryHeadline(summary)).toBe('96 introductions recorded · 53 of the 77 with an outcome succeeded (69%) · worth 1,410 in all · 19 waiting over 30 days for an outcome.');
    expect(summaryHeadline({ ...summary, total: 1, byStatus: counts({ made: 1 }), succeededValue: 0, waiting: { days: 30, before: '', count: 0, requests: 0 } })).toBe(
      '1 introduction recorded · none waiting over 30 days for an outcome.',
    );
    expect(summaryHeadline({ ...summary, total: 0, byStatus: none() })).toBe('No introductions recorded yet.');
    // requests asked for as long ago and not made yet are named when there are any
    expect(summaryHeadline({ ...summary, waiting: { ...summary.waiting, requests: 1 } })).toMatch(/ · 19 waiting over 30 days for an outcome · 1 request not made after 30 days\.$/);
    expect(summaryHeadline({ ...summary, waiting: { ...summary.waiting, requests: 4 } })).toMatch(/ · 4 requests not made after 30 days\.$/);
    // how long outcomes take, from three dated ones on
    expect(summaryHeadline({ ...summary, outcomes: { dated: 64, medianDays: 36.4 } })).toContain(' · worth 1,410 in all · outcomes came after 5 weeks (median) · 19 waiting');
    expect(summaryHeadline({ ...summary, outcomes: { dated: 2, medianDays: 36.4 } })).not.toContain('median');
  });

  it("gives an introducer's record", () => {
    const r = { id: 'h', name: 'H', made: 36, succeeded: 28, counted: 28, failed: 3, declined: 0, open: 5, successRate: 0.88, creditedValue: 709, score: 99 };
    expect(introducerLine(r)).toBe('28 of 31 with an outcome succeeded · 5 open · value 709');
    expect(introducerLine({ ...r, succeeded: 0, counted: 0, failed: 0, open: 2, creditedValue: 0 })).toBe('no outcome yet · 2 open');
    // successes among people nobody else vouches for are said to count for less (or nothing)
    expect(introducerLine({ ...r, counted: 27.96 })).toBe('28 of 31 with an outcome succeeded · 5 open · value 709');
    expect(introducerLine({ ...r, counted: 26.44 })).toBe('28 of 31 with an outcome succeeded (counted as 26.4) · 5 open · value 709');
    expect(introducerLine({ ...r, succeeded: 20, counted: 0.01, failed: 0, open: 0, creditedValue: 0 })).toBe('20 of 20 with an outcome succeeded (counted as 0)');
    expect(vouchingText('Farmer', { succeeded: 20, counted: 0 })).toBe(
      "Counted as 0 of 20 succeeded: the people introduced are vouched for by nobody outside Farmer's own introductions.",
    );
    expect(vouchingText('Helena', { succeeded: 28, counted: 26.44 })).toBe(
      "Counted as 26.4 of 28 succeeded: some of the people introduced are vouched for by nobody outside Helena's own introductions.",
    );
    expect(vouchingText('Helena', { succeeded: 28, counted: 28 })).toBeNull();
  });

  it('writes amounts as recorded', () => {
    expect(formatAmount(1410)).toBe('1,410');
    expect(formatAmount(86)).toBe('86');
    expect(formatAmount(12.345)).toBe('12.35');
  });

  it('says how long an open introduction has waited, and nothing for a closed one', () => {
    const now = Date.parse('2026-11-23T00:00:00Z');
    expect(waitingText({ status: 'made', at: '2026-05-23T00:00:00Z' }, now)).toBe('no outcome after 6 months');
    expect(waitingText({ status: 'accepted', at: '2026-11-13T00:00:00Z' }, now)).toBe('no outcome after 10 days');
    expect(waitingText({ status: 'made', at: '2026-11-22T12:00:00Z' }, now)).toBeNull();
    expect(waitingText({ status: 'succeeded', at: '2020-01-01T00:00:00Z' }, now)).toBeNull();
    // a request (suggested) waits for the introducer to make it
    expect(waitingText({ status: 'suggested', at: '2026-10-19T00:00:00Z' }, now)).toBe('not made after 5 weeks');
  });

  it("says when a closed introduction's outcome came, and nothing while open or undated", () => {
    const at = '2024-03-12T09:00:00Z';
    expect(outcomeText({ status: 'succeeded', at, outcomeAt: '2024-04-20T12:00:00Z' })).toBe('succeeded on 20 Apr 2024, 6 weeks later');
    expect(outcomeText({ status: 'declined', at, outcomeAt: '2024-03-12T18:00:00Z' })).toBe('declined on 12 Mar 2024');
    expect(outcomeText({ status: 'failed', at, outcomeAt: '2024-03-15T09:00:00Z' })).toBe('failed on 15 Mar 2024, 3 days later');
    expect(outcomeText({ status: 'succeeded', at, outcomeAt: null })).toBeNull();
    expect(outcomeText({ status: 'accepted', at, outcomeAt: '2024-04-20T12:00:00Z' })).toBeNull();
  });

  it('follows up after the delay last picked on this browser, or after 30 days', () => {
    const store = (value: string | null) => ({ getItem: () => value });
    expect(storedWaitingDays(store('60'))).toBe(60);
    expect(storedWaitingDays(store('7'))).toBe(7);
    expect(storedWaitingDays(store(null))).toBe(WAITING_DAYS);
    expect(storedWaitingDays(store('45'))).toBe(WAITING_DAYS); // not a choice offered
    expect(storedWaitingDays(store('junk'))).toBe(WAITING_DAYS);
    expect(storedWaitingDays(null)).toBe(WAITING_DAYS);
    expect(storedWaitingDays({ getItem: () => { throw new Error('SecurityError'); } })).toBe(WAITING_DAYS);
    expect(WAITING_CHOICES).toContain(WAITING_DAYS);
  });

  it('asks the API for what each filter lists, within a period when one is picked', () => {
    const waitingBefore = '2026-10-24T00:00:00.000Z';
    const none = { since: null, before: null, outcomeSince: null, outcomeBefore: null };
    expect(filterQuery('waiting', waitingBefore)).toEqual({ ...none, status: 'made,accepted', before: waitingBefore });
    expect(filterQuery('open', waitingBefore)).toEqual({ ...none, status: 'made,accepted' });
    expect(filterQuery('requests', waitingBefore)).toEqual({ ...none, status: 'suggested', before: waitingBefore });
    expect(filterQuery('all', waitingBefore)).toEqual({ ...none, status: null });
    expect(filterQuery('declined', waitingBefore)).toEqual({ ...none, status: 'declined' });
    const q2 = { from: Date.parse('2026-04-01T00:00:00Z'), to: Date.parse('2026-07-01T00:00:00Z') };
    expect(filterQuery('all', waitingBefore, q2)).toEqual({ ...none, status: null, since: '2026-04-01T00:00:00.000Z', before: '2026-07-01T00:00:00.000Z' });
    // waiting within a period: whichever end comes first
    const q4 = { from: Date.parse('2026-10-01T00:00:00Z'), to: Date.parse('2027-01-01T00:00:00Z') };
    expect(filterQuery('waiting', waitingBefore, q4)).toEqual({ ...none, status: 'made,accepted', since: '2026-10-01T00:00:00.000Z', before: waitingBefore });
    expect(filterQuery('waiting', waitingBefore, q2).before).toBe('2026-07-01T00:00:00.000Z');
    // a period of the outcomes chart keeps to the outcomes dated in it, whenever they were recorded
    const outcomes = { ...q2, basis: 'outcome' as const };
    expect(filterQuery('succeeded', waitingBefore, outcomes)).toEqual({
      ...none,
      status: 'succeeded',
      outcomeSince: '2026-04-01T00:00:00.000Z',
      outcomeBefore: '2026-07-01T00:00:00.000Z',
    });
    expect(filterQuery('all', waitingBefore, { ...q2, basis: 'recorded' })).toEqual(filterQuery('all', waitingBefore, q2));
  });

  it('orders every status once', () => {
    expect([...STATUS_ORDER].sort()).toEqual([...introductionStatuses].sort());
  });
});

describe('stacked bars', () => {
  it('labels the first and the last bar and spaced ones between', () => {
    expect(labelledBars(0, 5)).toEqual([]);
    expect(labelledBars(3, 5)).toEqual([0, 1, 2]);
    expect(labelledBars(11, 5)).toEqual([0, 3, 6, 10]);
    expect(labelledBars(40, 6)).toEqual([0, 8, 16, 24, 32, 39]);
    for (const [n, most] of [[12, 4], [116, 6], [37, 5]] as const) {
      const picked = labelledBars(n, most);
      expect(picked[0]).toBe(0);
      expect(picked.at(-1)).toBe(n - 1);
      expect(picked.length).toBeLessThanOrEqual(most);
    }
  });

  it('names the parts of a bar in its tooltip', () => {
    const series = [
      { key: 'succeeded', label: 'Succeeded', color: '' },
      { key: 'made', label: 'Made', color: '' },
    ];
    expect(barTooltip({ label: 'Q2 2026', values: { succeeded: 3, made: 1, failed: 2 } }, series)).toBe('Q2 2026: 3 succeeded, 1 made');
    expect(barTooltip({ label: '2019', values: {} }, series)).toBe('2019: nothing recorded');
  });
});

describe('opportunitiesCaption', () => {
  it('says what the network’s list is, and how much of a large network was looked at', () => {
    expect(opportunitiesCaption({ items: [], introducers: 400, introducersSwept: 400, exact: true })).toBe(
      'The best introductions nobody has made yet, across the whole network, each with the person both trust most. Record one as asked, then follow it up.',
    );
    expect(opportunitiesCaption({ items: [], introducers: 5000, introducersSwept: 5000, exact: false })).toBe(
      'The best introductions nobody has made yet, across the whole network, each with the person both trust most (the network is large: each introducer’s most trusting contacts were paired). Record one as asked, then follow it up.',
    );
    expect(opportunitiesCaption({ items: [], introducers: 48988, introducersSwept: 1011, exact: false })).toBe(
      'The best introductions nobody has made yet, across the whole network, each with the person both trust most (the network is large: the 1,011 people with the most trust around them, of 48,988 who could introduce someone, were looked at). Record one as asked, then follow it up.',
    );
  });

  it('names the sector the list keeps to', () => {
    expect(opportunitiesCaption({ items: [], introducers: 400, introducersSwept: 400, exact: true }, 'music')).toBe(
      'The best introductions nobody has made yet, across the whole network, with someone in music, each with the person both trust most. Record one as asked, then follow it up.',
    );
  });
});

describe('introducerTally', () => {
  const via = (...ids: string[]) => ids.map((id) => ({ introducer: { id, name: id.toUpperCase() } }));

  it('names whoever could make several, most first, ties in the order they first appear', () => {
    expect(introducerTally(via('n', 'm', 'h', 'm', 'h', 'n', 'h', 'x'))).toEqual([
      { id: 'h', name: 'H', count: 3 },
      { id: 'n', name: 'N', count: 2 },
      { id: 'm', name: 'M', count: 2 },
    ]);
  });

  it('leaves out who could make only one, and keeps to the most asked for', () => {
    expect(introducerTally(via('a', 'b', 'c'))).toEqual([]);
    expect(introducerTally(via('a', 'b', 'c', 'd', 'a', 'b', 'c', 'd'), 2, 2).map((t) => t.id)).toEqual(['a', 'b']);
    expect(introducerTally(via('a', 'b', 'a'), 1, 5).map((t) => [t.id, t.count])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(introducerTally([])).toEqual([]);
  });
});
