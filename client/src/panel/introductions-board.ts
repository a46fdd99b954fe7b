/**
 * "Introductions": every recorded introduction in one place (GET /api/introductions/summary and the filtered
 * list). What came of them (a bar of statuses and a chart of them over time), who introduces best (the introducer
 * record: a smoothed success rate), and a list to follow up, by default the ones waiting for an outcome over 30
 * days (7 to 90: the choice is kept on this browser), where each outcome can be recorded on the spot. A status in
 * the legend narrows the list to it, and a bar of the chart to its period. "To make" turns the list to the best
 * introductions nobody has made yet across the whole network (GET /api/introductions/opportunities), each with the
 * person best placed to make it, to record as asked; in a sector, if one is chosen, and with the people who could
 * make several of them named above the list (whom to ask first).
 */
import type { IntroductionsSummaryResponse, OpportunitiesResponse, Suggestion } from '../../../src/api/contract.ts';
import { openIntroductionStatuses } from '../../../src/domain/constants.ts';
import type { Introduction, IntroductionStatus, Page } from '../../../src/domain/model.ts';
import type { Api } from '../api.ts';
import { share } from '../chart/bars.ts';
import { stackedBars, type StackBar, type StackSeries } from '../chart/stacked-bars.ts';
import { clear, el, errorText, firstName, formatDays, loading, MONTHS, safeStorage, segmented } from './dom.ts';
import { countedText, introductionNames, introductionRow, STATUS_LABELS, vouchingText } from './introductions.ts';
import { suggestionList } from './suggestions.ts';

/** An open introduction recorded longer ago than this is waiting for its outcome (the user picks among the choices). */
export const WAITING_DAYS = 30;
export const WAITING_CHOICES = [7, 14, 30, 60, 90] as const;
const WAITING_KEY = 'catalyst.waitingDays';

/** The follow-up delay last picked on this browser, or the default (a stored value not offered is ignored). */
export function storedWaitingDays(storage: Pick<Storage, 'getItem'> | null): number {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(WAITING_KEY) ?? null;
  } catch {
    // storage refused (private mode, policy): the default
  }
  const days = Number(stored);
  return (WAITING_CHOICES as readonly number[]).includes(days) ? days : WAITING_DAYS;
}

const PAGE_SIZE = 20;
/** How many of the network's best introductions "To make" lists (five shown, then "Show more"). */
export const OPPORTUNITIES = 20;
const TOP_INTRODUCERS = 5;
/** The chart has at most this many bars: months, else quarters, else years. */
const MAX_BARS = 36;

/** Statuses bottom to top in the chart and left to right in the bar: outcomes first, then the open ones. */
export const STATUS_ORDER: readonly IntroductionStatus[] = ['succeeded', 'failed', 'declined', 'accepted', 'made', 'suggested'];
export const STATUS_COLORS: Record<IntroductionStatus, string> = {
  succeeded: '#7fd1a8',
  failed: '#f2838f',
  declined: '#b98a93',
  accepted: '#6cc7d9',
  made: '#8ab4ff',
  suggested: '#5d6578',
};
const SERIES: StackSeries[] = STATUS_ORDER.map((s) => ({ key: s, label: STATUS_LABELS[s], color: STATUS_COLORS[s] }));

/** An amount as recorded (values are often money): 1410 → "1,410", 12.5 → "12.5". */
export function formatAmount(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** What the chart's periods count: the introductions recorded in them, or the outcomes that came in them. */
export type ChartBasis = 'recorded' | 'outcome';

/** A bar of the chart: a period, [from, to) in epoch ms (UTC calendar months), and its counts by status. */
export interface PeriodBar extends StackBar {
  from: number;
  to: number;
  basis: ChartBasis;
}

/**
 * The summary's months ("2026-05") as at most `most` bars: months ("May 2026"), else calendar quarters
 * ("Q2 2026"), else years ("2026"), each summing the counts of its months. `basis`: what the months count
 * (`months`: recorded; `outcomeMonths`: outcomes).
 */
export function periodBars(months: IntroductionsSummaryResponse['months'], most = MAX_BARS, basis: ChartBasis = 'recorded'): PeriodBar[] {
  const parsed = months.map((m) => {
    const [year, month] = m.month.split('-').map(Number) as [number, number];
    return { year, month, counts: m.counts };
  });
  const quarters = new Set(parsed.map((m) => `${m.year}-${Math.floor((m.month - 1) / 3)}`)).size;
  /** each month's period: its label and first month (1-based) and length in months */
  const period: (m: { year: number; month: number }) => { label: string; first: number; length: number } =
    parsed.length <= most
      ? (m) => ({ label: `${MONTHS[m.month - 1]} ${m.year}`, first: m.month, length: 1 })
      : quarters <= most
        ? (m) => {
            const q = Math.floor((m.month - 1) / 3);
            return { label: `Q${q + 1} ${m.year}`, first: q * 3 + 1, length: 3 };
          }
        : (m) => ({ label: String(m.year), first: 1, length: 12 });
  const bars: PeriodBar[] = [];
  for (const m of parsed) {
    const p = period(m);
    let bar = bars.at(-1);
    if (!bar || bar.label !== p.label) {
      bar = { label: p.label, values: {}, from: Date.UTC(m.year, p.first - 1, 1), to: Date.UTC(m.year, p.first - 1 + p.length, 1), basis };
      bars.push(bar);
    }
    const values = bar.values as Record<string, number>;
    for (const [status, n] of Object.entries(m.counts)) values[status] = (values[status] ?? 0) + n;
  }
  return bars;
}

/** Dated outcomes needed before the headline says how long an outcome takes. */
export const MIN_DATED_OUTCOMES = 3;

/** The line above everything: how many, how many succeeded of those closed, how long outcomes take, how many wait. */
export function summaryHeadline(s: Pick<IntroductionsSummaryResponse, 'total' | 'byStatus' | 'succeededValue' | 'waiting' | 'outcomes'>): string {
  if (s.total === 0) return 'No introductions recorded yet.';
  const closed = s.byStatus.succeeded + s.byStatus.failed + s.byStatus.declined;
  const parts = [`${s.total.toLocaleString('en-US')} introduction${s.total === 1 ? '' : 's'} recorded`];
  if (closed > 0) parts.push(`${s.byStatus.succeeded} of the ${closed} with an outcome succeeded (${share(s.byStatus.succeeded / closed)})`);
  if (s.succeededValue > 0) parts.push(`worth ${formatAmount(s.succeededValue)} in all`);
  // how long an outcome takes, once there are enough dated ones for a median to mean something
  const { dated, medianDays } = s.outcomes;
  if (dated >= MIN_DATED_OUTCOMES && medianDays !== null) parts.push(`outcomes came after ${formatDays(medianDays)} (median)`);
  const w = s.waiting.count;
  parts.push(w === 0 ? `none waiting over ${s.waiting.days} days for an outcome` : `${w} waiting over ${s.waiting.days} days for an outcome`);
  const r = s.waiting.requests;
  if (r > 0) parts.push(`${r} request${r === 1 ? '' : 's'} not made after ${s.waiting.days} days`);
  return `${parts.join(' · ')}.`;
}

/**
 * "28 of 31 with an outcome succeeded · 5 open · value 709"; "… succeeded (counted as 0)" when the successes count
 * for less, the people introduced being vouched for by nobody outside the introducer's introductions (vouchingText).
 */
export function introducerLine(r: IntroductionsSummaryResponse['introducers'][number]): string {
  const closed = r.succeeded + r.failed;
  const counted = countedText(r);
  const succeeded = `${r.succeeded} of ${closed} with an outcome succeeded${counted === null ? '' : ` (counted as ${counted})`}`;
  const parts = [closed === 0 ? 'no outcome yet' : succeeded];
  if (r.open > 0) parts.push(`${r.open} open`);
  if (r.creditedValue > 0) parts.push(`value ${formatAmount(r.creditedValue)}`);
  return parts.join(' · ');
}

/**
 * What the list can show: the ones waiting for an outcome, the requests waiting to be made (suggested, as long),
 * the open ones, every one, or one status.
 */
export type BoardFilter = 'waiting' | 'requests' | 'open' | 'all' | IntroductionStatus;

/**
 * The list's query for a filter (`waitingBefore`: the summary's time, ISO), within a period of the chart when one
 * was clicked: recorded in it, or with an outcome in it (`basis` 'outcome').
 */
export function filterQuery(
  filter: BoardFilter,
  waitingBefore: string,
  period: Pick<PeriodBar, 'from' | 'to'> & { basis?: ChartBasis } | null = null,
): { status: string | null; since: string | null; before: string | null; outcomeSince: string | null; outcomeBefore: string | null } {
  const status =
    filter === 'waiting' || filter === 'open' ? openIntroductionStatuses.join(',') : filter === 'requests' ? 'suggested' : filter === 'all' ? null : filter;
  const iso = (t: number) => new Date(t).toISOString();
  const recorded = period !== null && period.basis !== 'outcome' ? period : null;
  const outcome = period !== null && period.basis === 'outcome' ? period : null;
  const ends = [filter === 'waiting' || filter === 'requests' ? Date.parse(waitingBefore) : null, recorded?.to ?? null].filter((t): t is number => t !== null);
  return {
    status,
    since: recorded ? iso(recorded.from) : null,
    before: ends.length > 0 ? iso(Math.min(...ends)) : null,
    outcomeSince: outcome ? iso(outcome.from) : null,
    outcomeBefore: outcome ? iso(outcome.to) : null,
  };
}

/** The period chip's words: "May 2026", or "outcomes in May 2026". */
function periodText(period: PeriodBar): string {
  return period.basis === 'outcome' ? `outcomes in ${period.label}` : period.label;
}

function emptyText(filter: BoardFilter, period: PeriodBar | null, waitingDays: number): string {
  if (period) return period.basis === 'outcome' ? `None of these had its outcome in ${period.label}.` : `None of these in ${period.label}.`;
  if (filter === 'waiting') return `Nothing waiting: every introduction made over ${waitingDays} days ago has an outcome.`;
  if (filter === 'requests') return `No request asked for over ${waitingDays} days ago is still waiting to be made.`;
  if (filter === 'open') return 'No open introductions: every one has an outcome.';
  if (filter === 'all') return "Record one from a person's “Whom to meet” or “Whom to introduce” list, or import a file of introductions (Import).";
  return `No introduction is ${STATUS_LABELS[filter].toLowerCase()}.`;
}

/** The line above the network's best introductions: what they are, and how much of the network was looked at. */
export function opportunitiesCaption(r: Pick<OpportunitiesResponse, 'items' | 'introducers' | 'introducersSwept' | 'exact'>, sector: string | null = null): string {
  const where = sector === null ? 'across the whole network' : `across the whole network, with someone in ${sector}`;
  const what = `The best introductions nobody has made yet, ${where}, each with the person both trust most`;
  const scope = r.exact
    ? ''
    : r.introducersSwept === r.introducers
      ? ' (the network is large: each introducer’s most trusting contacts were paired)'
      : ` (the network is large: the ${r.introducersSwept.toLocaleString('en-US')} people with the most trust around them, of ${r.introducers.toLocaleString('en-US')} who could introduce someone, were looked at)`;
  return `${what}${scope}. Record one as asked, then follow it up.`;
}

/** An introducer who could make several of the listed introductions: whom an organiser asks first. */
export interface IntroducerTally {
  id: string;
  name: string;
  count: number;
}

/**
 * The introducers of `items` who could make at least `least` of them, most first (ties: whoever comes first in
 * the list), at most `most` of them.
 */
export function introducerTally(items: readonly Pick<Suggestion, 'introducer'>[], least = 2, most = 3): IntroducerTally[] {
  const byId = new Map<string, IntroducerTally>();
  for (const { introducer } of items) {
    const t = byId.get(introducer.id);
    if (t) t.count++;
    else byId.set(introducer.id, { id: introducer.id, name: introducer.name, count: 1 });
  }
  // a stable sort: equal counts keep the order of first appearance
  return [...byId.values()]
    .filter((t) => t.count >= least)
    .sort((x, y) => y.count - x.count)
    .slice(0, most);
}

export interface IntroductionsBoardOptions {
  api: Api;
  /** every sector people list (the meta's peopleSectors): "To make" can keep to one */
  sectors: readonly string[];
  /** a name from the map, or null (then the API is asked) */
  nameOf(id: string): string | null;
  /** a person's name was clicked: the board closes and the map selects them */
  onSelectPerson(id: string): void;
  /** an outcome was saved (introducer scores changed) */
  onIntroductionsChanged?(): void;
  /** the board closed; `changed`: an outcome was saved while it was open */
  onClose?(changed: boolean): void;
}

export function createIntroductionsBoard(opts: IntroductionsBoardOptions): { open(): void; close(): void } {
  const { api } = opts;
  let summary: IntroductionsSummaryResponse | null = null;
  let filter: BoardFilter | null = null;
  /** the chart's bars, and the one clicked (the list keeps to its period), if any */
  let bars: PeriodBar[] = [];
  let period: PeriodBar | null = null;
  /** what the chart counts per period: introductions recorded, or outcomes (once some are dated) */
  let basis: ChartBasis = 'recorded';
  let summaryRequest: AbortController | null = null;
  let listRequest: AbortController | null = null;
  const names = new Map<string, string>();
  let changed = false;
  let waitingDays = storedWaitingDays(safeStorage());

  const headline = el('p', { class: 'board-headline', attrs: { 'aria-live': 'polite' } });
  const statusBar = el('div', { class: 'board-status' });
  const chart = el('div', { class: 'board-chart' });
  const introducers = el('div', { class: 'board-introducers' });
  const filterSelect = el('select', { class: 'board-filter', attrs: { 'aria-label': 'Which introductions to list' } });
  const waitingSelect = el(
    'select',
    { class: 'board-waiting', title: 'An introduction made or accepted longer ago than this, with no outcome, is waiting: counted in the headline and listed first', attrs: { 'aria-label': 'Follow up after' } },
    WAITING_CHOICES.map((d) => new Option(`after ${d} days`, String(d))),
  );
  waitingSelect.value = String(waitingDays);
  const list = el('div', { class: 'board-list' });
  /** which list the right-hand side shows: the recorded ones to follow up, or the network's best to make */
  let view: 'follow' | 'make' = 'follow';
  let makeRequest: AbortController | null = null;
  const viewSwitch = segmented<'follow' | 'make'>({
    className: 'board-view',
    label: 'Which list',
    key: 'view',
    options: [
      { value: 'follow', text: 'Follow up', title: 'The recorded introductions, to follow up' },
      { value: 'make', text: 'To make', title: 'The best introductions nobody has made yet, across the whole network' },
    ],
    value: view,
    onPick: (v) => setView(v),
  });
  /** the sector "To make" keeps to (pairs with someone in it), or null */
  let makeSector: string | null = null;
  const sectorSelect = el(
    'select',
    { class: 'board-sector', attrs: { 'aria-label': 'Introductions to make: pairs with someone in which sector', hidden: true } },
    [new Option('in any sector', ''), ...opts.sectors.map((s) => new Option(`in ${s}`, s))],
  );
  sectorSelect.addEventListener('change', () => {
    makeSector = sectorSelect.value || null;
    void loadOpportunities();
  });
  const basisSwitch = segmented<ChartBasis>({
    className: 'board-basis',
    label: 'What the chart counts per period',
    key: 'basis',
    options: [
      { value: 'recorded', text: 'Recorded', title: 'Introductions by when they were recorded, coloured by their status now' },
      { value: 'outcome', text: 'Outcomes', title: 'Outcomes by when they came (those whose outcome is dated)' },
    ],
    value: basis,
    onPick: (next) => {
      basis = next;
      // a period of the other chart means something else: the list lets go of it
      if (period) setPeriod(null);
      if (summary) drawChart(summary);
    },
  });
  basisSwitch.element.hidden = true;
  const periodChip = el('button', { class: 'chip board-period', attrs: { type: 'button', hidden: true, title: 'Show every period again' } });
  periodChip.addEventListener('click', () => setPeriod(null));
  const close = el('button', { class: 'btn btn-ghost board-close', text: 'Close', attrs: { type: 'button' } });
  // every introduction with its outcome and value, for a spreadsheet (the import format, so it can come back)
  const download = el('a', {
    class: 'btn btn-ghost board-download',
    text: 'Download CSV',
    title: 'Every introduction with its status, value and note (introductions-csv, which Import reads back)',
    attrs: { href: '/api/export?format=introductions-csv', download: '' },
  });

  const dialog = el('dialog', { class: 'board-dialog', attrs: { 'aria-label': 'Introductions' } }, [
    el('div', { class: 'board-head' }, [el('h2', { text: 'Introductions' }), el('span', { class: 'board-actions' }, [download, close])]),
    headline,
    el('div', { class: 'board-body' }, [
      el('div', { class: 'board-overview' }, [
        el('h3', { text: 'What came of them' }),
        statusBar,
        el('h3', { class: 'board-chart-head' }, [el('span', { text: 'Over time' }), basisSwitch.element, el('span', { class: 'muted small board-hint', text: 'click a bar to list its period' })]),
        chart,
        el('h3', { text: 'Who introduces best' }),
        introducers,
      ]),
      el('div', { class: 'board-follow' }, [el('div', { class: 'board-list-head' }, [viewSwitch.element, waitingSelect, periodChip, filterSelect, sectorSelect]), list]),
    ]),
  ]);
  document.body.append(dialog);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    summaryRequest?.abort();
    listRequest?.abort();
    makeRequest?.abort();
    opts.onClose?.(changed);
  });
  filterSelect.addEventListener('change', () => setFilter(filterSelect.value as BoardFilter));
  waitingSelect.addEventListener('change', () => {
    waitingDays = Number(waitingSelect.value);
    try {
      safeStorage()?.setItem(WAITING_KEY, String(waitingDays));
    } catch {
      // not kept past this page: fine
    }
    void loadSummary().then((s) => {
      if (!s) return;
      renderFilters(s);
      if (filter === 'waiting') void loadList(0);
    });
  });

  function selectPerson(id: string): void {
    dialog.close();
    opts.onSelectPerson(id);
  }

  function renderStatusBar(s: IntroductionsSummaryResponse): void {
    clear(statusBar);
    if (s.total === 0) return;
    const shown = STATUS_ORDER.filter((st) => s.byStatus[st] > 0);
    statusBar.append(
      el(
        'div',
        { class: 'status-strip', attrs: { role: 'img', 'aria-label': shown.map((st) => `${s.byStatus[st]} ${STATUS_LABELS[st].toLowerCase()}`).join(', ') } },
        shown.map((st) =>
          el('span', {
            class: 'status-part',
            title: `${STATUS_LABELS[st]}: ${s.byStatus[st]} (${share(s.byStatus[st] / s.total)})`,
            style: { width: `${(s.byStatus[st] / s.total) * 100}%`, background: STATUS_COLORS[st] },
          }),
        ),
      ),
      el(
        'div',
        { class: 'status-legend' },
        shown.map((st) => {
          const button = el('button', { class: 'status-key', attrs: { type: 'button', 'data-status': st, title: `List the ${STATUS_LABELS[st].toLowerCase()} ones` } }, [
            el('span', { class: 'dot', style: { background: STATUS_COLORS[st] } }),
            `${STATUS_LABELS[st]} `,
            el('b', { text: s.byStatus[st] }),
          ]);
          button.addEventListener('click', () => setFilter(st));
          return button;
        }),
      ),
    );
  }

  function renderIntroducers(s: IntroductionsSummaryResponse): void {
    clear(introducers);
    if (s.introducers.length === 0) {
      introducers.append(el('p', { class: 'muted small', text: 'Nobody has made an introduction yet.' }));
      return;
    }
    introducers.append(
      el(
        'ol',
        { class: 'introducer-records' },
        s.introducers.map((r) => {
          const link = el('button', { class: 'link', text: r.name, attrs: { type: 'button' } });
          link.addEventListener('click', () => selectPerson(r.id));
          return el('li', { attrs: { 'data-id': r.id } }, [
            el('div', { class: 'introducer-name' }, [
              link,
              el('span', { class: 'muted small', text: introducerLine(r), title: vouchingText(firstName(r.name), r) ?? undefined }),
            ]),
            el('span', {
              class: 'bar-track',
              title: 'Success rate, smoothed so that a few introductions cannot read 100 %: (succeeded + 1) / (with an outcome + 2), a success counting as far as others vouch for the two people introduced',
            }, [
              el('span', { class: 'bar-fill', style: { width: `${r.successRate * 100}%`, background: STATUS_COLORS.succeeded } }),
            ]),
            el('span', { class: 'bar-value', text: share(r.successRate) }),
          ]);
        }),
      ),
    );
  }

  function renderFilters(s: IntroductionsSummaryResponse): void {
    // the counts are of every period: left out while the list keeps to one
    const n = (count: number) => (period ? '' : ` (${count})`);
    const options: [BoardFilter, string][] = [
      ['waiting', `Waiting over ${s.waiting.days} days for an outcome${n(s.waiting.count)}`],
      ...(s.waiting.requests > 0 ? [['requests', `Requests not made after ${s.waiting.days} days${n(s.waiting.requests)}`] as [BoardFilter, string]] : []),
      ['open', `Open: made or accepted${n(s.byStatus.made + s.byStatus.accepted)}`],
      ['all', `Every introduction${n(s.total)}`],
      ...STATUS_ORDER.filter((st) => s.byStatus[st] > 0).map((st): [BoardFilter, string] => [st, `${STATUS_LABELS[st]}${n(s.byStatus[st])}`]),
    ];
    filterSelect.replaceChildren(...options.map(([value, text]) => new Option(text, value)));
    filterSelect.value = filter ?? 'all';
  }

  async function loadSummary(): Promise<IntroductionsSummaryResponse | null> {
    summaryRequest?.abort();
    const controller = new AbortController();
    summaryRequest = controller;
    try {
      const s = await api.introductionsSummary(waitingDays, TOP_INTRODUCERS, controller.signal);
      if (controller.signal.aborted) return null;
      summary = s;
      // with nothing recorded, the list says how to record one, and the overview has nothing to show
      dialog.classList.toggle('board-empty', s.total === 0);
      headline.textContent = summaryHeadline(s);
      renderStatusBar(s);
      drawChart(s);
      renderIntroducers(s);
      return s;
    } catch (err) {
      if (controller.signal.aborted) return null;
      clear(headline);
      headline.append(errorText(err));
      return null;
    }
  }

  /** The chart of introductions recorded per period, or of outcomes per period once some outcomes are dated. */
  function drawChart(s: IntroductionsSummaryResponse): void {
    const outcomes = s.outcomeMonths.length > 0;
    basisSwitch.element.hidden = !outcomes;
    if (!outcomes) basis = 'recorded';
    basisSwitch.set(basis);
    clear(chart);
    bars = periodBars(basis === 'outcome' ? s.outcomeMonths : s.months, MAX_BARS, basis);
    if (bars.length === 0) return;
    const label = basis === 'outcome' ? 'Outcomes per period, by status' : 'Introductions recorded per period, by status';
    chart.append(stackedBars(bars, SERIES, { label, width: 420, height: 150, onBar: (k) => setPeriod(bars[k]!) }));
    markPeriod();
  }

  /** An outcome was saved, or a request recorded: the summary follows, and so do the introducer scores. */
  function recorded(): void {
    changed = true;
    void loadSummary().then((s) => s && renderFilters(s));
    opts.onIntroductionsChanged?.();
  }

  /** Follow up (the recorded ones, by the filter) or To make (the network's best introductions not made yet). */
  function setView(next: 'follow' | 'make'): void {
    showView(next);
    if (next === 'make') void loadOpportunities();
    else void loadList(0);
  }

  function showView(next: 'follow' | 'make'): void {
    view = next;
    viewSwitch.set(next);
    for (const control of [waitingSelect, filterSelect]) control.hidden = next === 'make';
    sectorSelect.hidden = next !== 'make' || opts.sectors.length === 0;
    periodChip.hidden = next === 'make' || period === null;
    if (next === 'follow') makeRequest?.abort();
  }

  async function loadOpportunities(): Promise<void> {
    listRequest?.abort();
    makeRequest?.abort();
    const controller = new AbortController();
    makeRequest = controller;
    clear(list);
    list.append(loading('Finding the best introductions across the network…'));
    try {
      const sector = makeSector;
      const found = await api.opportunities(OPPORTUNITIES, controller.signal, sector);
      if (controller.signal.aborted) return;
      clear(list);
      // the introductions still to ask for: a recorded request leaves the "Ask first" count
      let toAsk = found.items;
      const ask = el('div', { class: 'board-make-ask' }, askFirst(introducerTally(toAsk)));
      list.append(
        el('p', { class: 'muted small board-make-intro', text: opportunitiesCaption(found, sector) }),
        ask,
        suggestionList(found.items, {
          api,
          viewer: null,
          // the board covers the map: nothing to light
          onHighlight: () => {},
          onSelectPerson: selectPerson,
          onRecorded: (s) => {
            toAsk = toAsk.filter((x) => x !== s);
            ask.replaceChildren(...askFirst(introducerTally(toAsk)));
            recorded();
          },
          empty: sector
            ? `No introduction to suggest with someone in ${sector}: nobody in it shares a trusted contact with someone they do not know yet.`
            : 'No introduction to suggest: nobody is trusted by two people who do not know each other yet.',
        }),
      );
    } catch (err) {
      if (controller.signal.aborted) return;
      clear(list);
      list.append(errorText(err));
    }
  }

  /** "Ask first: Nia Okafor (6 of these), Sam Rivera (3) and …": the people who could make several of the list, each a link to them. */
  function askFirst(tally: IntroducerTally[]): HTMLElement[] {
    if (tally.length === 0) return [];
    const parts: (HTMLElement | string)[] = ['Ask first: '];
    tally.forEach((t, k) => {
      if (k > 0) parts.push(k === tally.length - 1 ? ' and ' : ', ');
      const link = el('button', { class: 'link', text: t.name, title: `Open ${t.name}: the pairs they are best placed to introduce`, attrs: { type: 'button', 'data-id': t.id } });
      link.addEventListener('click', () => selectPerson(t.id));
      parts.push(link, k === 0 ? ` (${t.count} of these)` : ` (${t.count})`);
    });
    return [el('p', { class: 'small board-make-by' }, parts)];
  }

  /** The list keeps to a period of the chart (every introduction in it, whatever the status), or to none. */
  function setPeriod(next: PeriodBar | null): void {
    period = next;
    showView('follow');
    if (next && filter === 'waiting') filter = 'all';
    markPeriod();
    if (summary) renderFilters(summary);
    void loadList(0);
  }

  function markPeriod(): void {
    periodChip.hidden = period === null;
    periodChip.textContent = period ? `${periodText(period)} ×` : '';
    // the period's bar is the one lit after the summary is redrawn (by its label, on the chart it came from)
    const lit = period !== null && period.basis === basis ? period.label : null;
    for (const g of chart.querySelectorAll('.bar')) g.classList.toggle('selected', lit !== null && g.getAttribute('data-label') === lit);
  }

  function setFilter(next: BoardFilter): void {
    filter = next;
    showView('follow');
    if (summary) renderFilters(summary);
    void loadList(0);
  }

  /** The list for the filter, from `offset` (0: afresh; more: appended, below a "Show more" that it replaces). */
  async function loadList(offset: number): Promise<void> {
    if (!summary || filter === null) return;
    listRequest?.abort();
    const controller = new AbortController();
    listRequest = controller;
    const { signal } = controller;
    const shownFilter = filter;
    const shownPeriod = period;
    if (offset === 0) {
      clear(list);
      list.append(loading());
    }
    try {
      const page: Page<Introduction> = await api.allIntroductions({ ...filterQuery(shownFilter, summary.waiting.before, shownPeriod), limit: PAGE_SIZE, offset }, signal);
      await introductionNames(page.items, opts.nameOf, api, signal, names);
      if (signal.aborted) return;
      list.querySelector('.loading, .board-more')?.remove();
      if (page.items.length === 0 && offset === 0) {
        list.append(el('p', { class: 'muted small board-empty', text: emptyText(shownFilter, shownPeriod, summary.waiting.days) }));
        return;
      }
      let ol = list.querySelector('ol.introductions');
      if (!ol) {
        ol = el('ol', { class: 'introductions' });
        list.append(ol);
      }
      for (const intro of page.items) ol.append(introductionRow(intro, { api, viewer: '', names, onSelectPerson: selectPerson, onOutcome: recorded, now: Date.now() }));
      const shown = offset + page.items.length;
      if (shown < page.total) {
        const more = el('button', { class: 'btn btn-ghost board-more', text: `Show ${Math.min(PAGE_SIZE, page.total - shown)} more (${shown} of ${page.total} shown)`, attrs: { type: 'button' } });
        more.addEventListener('click', () => void loadList(shown));
        list.append(more);
      }
    } catch (err) {
      if (signal.aborted) return;
      list.querySelector('.loading')?.remove();
      list.append(errorText(err));
    }
  }

  return {
    open() {
      changed = false;
      period = null;
      headline.textContent = 'Loading…';
      for (const part of [statusBar, chart, introducers, list]) clear(part);
      // Back or Forward may ask for it while it is open
      if (!dialog.open) dialog.showModal();
      void loadSummary().then((s) => {
        if (!s) return;
        // the follow-up queue first; when nothing waits, everything
        filter ??= s.waiting.count > 0 ? 'waiting' : 'all';
        renderFilters(s);
        if (view === 'make') void loadOpportunities();
        else void loadList(0);
      });
    },
    close() {
      if (dialog.open) dialog.close();
    },
  };
}
