/**
 * "Sectors": the network's sectors side by side (idea 1: influence crosses sectors, with limits), from
 * GET /api/sectors at the map's time. A matrix says how much of the influence earned in one sector counts in
 * another (as far as their people overlap), bars how much each earns and how much counts there from elsewhere,
 * and a list who carries the most influence into the chosen sector from the others (a name opens them; "Show on
 * the map" slices the map to that sector).
 */
import type { BreakdownTimelineResponse, SectorsResponse } from '../../../src/api/contract.ts';
import type { Api } from '../api.ts';
import { share } from '../chart/bars.ts';
import type { StackedArea, StackGroup } from '../chart/stacked-area.ts';
import { categoricalColor, OTHER_COLOR } from '../graph/palette.ts';
import { clear, el, errorText, formatDate, formatMonth, formatNumber, listInWords, segmented } from './dom.ts';

/** The over-time chart shows at most this many groups (the rest as one). */
const STACK_MOST = 8;

/** What the over-time chart says at one of its times: "Mar 2021: music 120, film 80 and 2 more". */
export function readoutText(times: readonly number[], groups: readonly { name: string; values: readonly number[] }[], k: number): string {
  const at = groups
    .map((g) => ({ name: g.name, v: g.values[k] ?? 0 }))
    .filter((g) => g.v > 0)
    .sort((a, b) => b.v - a.v);
  if (at.length === 0) return `${formatMonth(times[k]!)}: no influence yet`;
  const shown = at.slice(0, 4).map((g) => `${g.name} ${formatInfluence(g.v)}`);
  if (at.length > 4) shown.push(`${at.length - 4} more`);
  return `${formatMonth(times[k]!)}: ${listInWords(shown)}`;
}

type Sectors = SectorsResponse['sectors'];

/** The pair of distinct sectors with the least and the most carried over (each pair once), or null under two sectors. */
export function transferRange(r: Pick<SectorsResponse, 'sectors' | 'transfer'>): { least: [string, string, number]; most: [string, string, number] } | null {
  let least: [string, string, number] | null = null;
  let most: [string, string, number] | null = null;
  const n = r.sectors.length;
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a === b) continue;
      const t = r.transfer[a]![b]!;
      const pair: [string, string, number] = [r.sectors[a]!.name, r.sectors[b]!.name, t];
      if (!least || t < least[2]) least = pair;
      if (!most || t > most[2]) most = pair;
    }
  }
  return least && most ? { least, most } : null;
}

/** The arrow between two sectors: ↔ when as much carries either way, → otherwise. */
function pairText(r: Pick<SectorsResponse, 'sectors' | 'transfer'>, a: string, b: string): string {
  const i = r.sectors.findIndex((s) => s.name === a);
  const j = r.sectors.findIndex((s) => s.name === b);
  return r.transfer[i]![j] === r.transfer[j]![i] ? `${a} ↔ ${b}` : `${a} → ${b}`;
}

/** What the dialog says first: how many sectors, and how much carries between the closest and the furthest. */
export function sectorsHeadline(r: Pick<SectorsResponse, 'sectors' | 'transfer' | 'model'>): string {
  if (r.sectors.length === 0) return 'No sectors: no person or event stored names one.';
  if (r.sectors.length === 1) return `Everything is in one sector (${r.sectors[0]!.name}): there is nothing to carry over.`;
  const range = transferRange(r)!;
  const rule = r.model.model === 'power' ? 'as far as their people overlap' : 'less the further apart their people are';
  return (
    `${r.sectors.length} sectors. Influence earned in one counts in another ${rule}: ` +
    `from ${share(range.least[2])} (${pairText(r, range.least[0], range.least[1])}) to ${share(range.most[2])} (${pairText(r, range.most[0], range.most[1])}).`
  );
}

/** A matrix cell's explanation: the share carried, from the people the two sectors share. */
export function cellTitle(r: Pick<SectorsResponse, 'sectors' | 'transfer' | 'shared' | 'configured' | 'flow'>, a: number, b: number): string {
  const from = r.sectors[a]!;
  const to = r.sectors[b]!;
  if (a === b) return `${from.name}: ${from.members.toLocaleString('en-US')} people, ${formatInfluence(from.influence)} influence earned`;
  const why = r.configured[a]![b]
    ? 'a configured distance'
    : `${r.shared[a]![b]!.toLocaleString('en-US')} of the ${(from.members + to.members - r.shared[a]![b]!).toLocaleString('en-US')} people in either are in both`;
  return `Of the influence earned in ${from.name}, ${share(r.transfer[a]![b]!)} counts in ${to.name} (${why}): ${formatInfluence(r.flow[a]![b]!)} in all`;
}

/** A cell's shade: the accent, as opaque as the share carried. */
export function heat(transfer: number): string {
  return `rgba(138, 180, 255, ${(0.06 + 0.8 * Math.max(0, Math.min(1, transfer))).toFixed(3)})`;
}

/** An amount of influence: as elsewhere from 1 up (1.2k, 257.8, 5.4), one decimal below ("0.6", "<0.1"). */
export function formatInfluence(value: number): string {
  if (value >= 1 || value === 0) return formatNumber(value);
  return value >= 0.05 ? value.toFixed(1) : '<0.1';
}

/**
 * "257.8 from music and 44.2 from film"; when the sources listed (the largest few) leave over half a percent of
 * `imported` unsaid, "… and 12.3 from other sectors".
 */
export function sourcesText(from: readonly { sector: string; amount: number }[], imported: number): string {
  const parts = from.map((f) => `${formatInfluence(f.amount)} from ${f.sector}`);
  const rest = imported - from.reduce((sum, f) => sum + f.amount, 0);
  if (rest > 0.005 * imported) parts.push(`${formatInfluence(rest)} from other sectors`);
  return listInWords(parts);
}

export interface SectorsDialogOptions {
  api: Api;
  /** the map's time (null: all time), read at each opening */
  at(): number | null;
  /** the sector the map keeps to, if any: chosen first */
  sector(): string | null;
  /** each sector's colour on the map */
  color(sector: string): string;
  /** a name was clicked: the dialog closes and the map selects them */
  onSelectPerson(id: string): void;
  /** "Show on the map": the dialog closes and the map keeps to the sector */
  onShowSector(sector: string): void;
  /** a sector was chosen in it (the link keeps it) */
  onChoose?(sector: string): void;
  /** it closed, however */
  onClose?(): void;
}

export function createSectorsDialog(opts: SectorsDialogOptions): { open(sector?: string | null): void; close(): void } {
  let data: SectorsResponse | null = null;
  let chosen = 0;
  /** the sector to choose first when the data comes (given to open), else the map's */
  let preferred: string | null = null;
  let request: AbortController | null = null;

  const caption = el('span', { class: 'muted small sectors-when' });
  const headline = el('p', { class: 'board-headline', attrs: { 'aria-live': 'polite' } });
  const matrix = el('div', { class: 'sectors-matrix' });
  const bars = el('div', { class: 'sectors-bars' });
  const carriersHead = el('h3');
  const carriers = el('div', { class: 'sectors-carriers' });
  const show = el('button', { class: 'btn btn-ghost btn-small sectors-show', attrs: { type: 'button' } });
  /** the over-time chart: by sector or by medium */
  let overTimeBy: BreakdownTimelineResponse['by'] = 'sector';
  let overTime: BreakdownTimelineResponse | null = null;
  let stack: StackedArea | null = null;
  const stackBox = el('div', { class: 'sectors-stack' });
  const stackLegend = el('ul', { class: 'sectors-stack-legend' });
  const readout = el('p', { class: 'muted small sectors-readout', attrs: { 'aria-live': 'polite' } });
  const bySwitch = segmented<BreakdownTimelineResponse['by']>({
    className: 'sectors-by',
    label: 'Over time: by sector or by medium',
    key: 'by',
    options: [
      { value: 'sector', text: 'Sectors', title: 'The influence earned in each sector over time' },
      { value: 'medium', text: 'Media', title: 'The influence earned through each medium over time' },
    ],
    value: overTimeBy,
    onPick: (by) => {
      overTimeBy = by;
      void loadOverTime();
    },
  }).element;
  const close = el('button', { class: 'btn btn-ghost board-close', text: 'Close', attrs: { type: 'button' } });
  const dialog = el('dialog', { class: 'board-dialog sectors-dialog', attrs: { 'aria-label': 'Sectors' } }, [
    el('div', { class: 'board-head' }, [el('h2', {}, ['Sectors ', caption]), el('span', { class: 'board-actions' }, [close])]),
    headline,
    el('div', { class: 'board-body sectors-body' }, [
      el('div', { class: 'board-overview' }, [
        el('h3', {}, [el('span', { text: 'How much carries over' }), el('span', { class: 'muted small board-hint', text: 'row: earned in · column: counts in' })]),
        matrix,
        el('h3', { class: 'sectors-stack-head' }, [el('span', { text: 'Over time' }), bySwitch]),
        readout,
        stackBox,
        stackLegend,
      ]),
      el('div', { class: 'board-overview' }, [
        el('h3', {}, [el('span', { text: 'Influence in each sector' }), el('span', { class: 'muted small board-hint', text: 'earned there · counted from elsewhere' })]),
        bars,
        carriersHead,
        carriers,
      ]),
    ]),
  ]);
  document.body.append(dialog);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    request?.abort();
    overTimeRequest?.abort();
    opts.onClose?.();
  });
  show.addEventListener('click', () => {
    const s = data?.sectors[chosen];
    if (!s) return;
    dialog.close();
    opts.onShowSector(s.name);
  });

  function choose(i: number): void {
    chosen = i;
    if (!data) return;
    for (const node of dialog.querySelectorAll('[data-sector]')) node.classList.toggle('chosen', Number(node.getAttribute('data-sector')) === i);
    for (const node of dialog.querySelectorAll<HTMLButtonElement>('button[data-sector]')) node.setAttribute('aria-pressed', String(Number(node.getAttribute('data-sector')) === i));
    drawCarriers(data, i);
    // the map slices events: a sector only people list has none to show
    show.hidden = data.sectors[i]!.events === 0;
    opts.onChoose?.(data.sectors[i]!.name);
  }

  function drawMatrix(r: SectorsResponse): void {
    const head = el('tr', {}, [
      el('th', { class: 'sectors-corner' }),
      ...r.sectors.map((s, b) =>
        el('th', { attrs: { scope: 'col', 'data-sector': b } }, [
          el('button', { class: 'sectors-col', title: `Who carries influence into ${s.name}`, attrs: { type: 'button', 'data-sector': b } }, [
            el('span', { class: 'sectors-swatch', style: { background: opts.color(s.name) } }),
            el('span', { text: s.name }),
          ]),
        ]),
      ),
    ]);
    const rows = r.sectors.map((s, a) =>
      el('tr', {}, [
        el('th', { attrs: { scope: 'row' }, title: `${s.name}: ${s.members.toLocaleString('en-US')} people` }, [
          el('span', { class: 'sectors-swatch', style: { background: opts.color(s.name) } }),
          el('span', { text: s.name }),
        ]),
        ...r.transfer[a]!.map((t, b) =>
          el('td', {
            class: a === b ? 'sectors-self' : '',
            text: a === b ? '' : share(t),
            title: cellTitle(r, a, b),
            attrs: { 'data-sector': b },
            style: a === b ? {} : { background: heat(t) },
          }),
        ),
      ]),
    );
    const table = el('table', { class: 'sectors-table' }, [el('thead', {}, [head]), el('tbody', {}, rows)]);
    table.addEventListener('click', (e) => {
      const cell = (e.target as Element).closest('[data-sector]');
      if (cell) choose(Number(cell.getAttribute('data-sector')));
    });
    matrix.replaceChildren(table);
  }

  function drawBars(r: SectorsResponse): void {
    const most = Math.max(...r.sectors.map((s) => s.influence + s.imported), 0) || 1;
    const list = el(
      'ul',
      { class: 'sectors-bar-list' },
      r.sectors.map((s, i) =>
        el('li', {}, [
          el(
            'button',
            {
              class: 'sectors-bar',
              title: `${s.name}: ${formatInfluence(s.influence)} earned there by ${s.active.toLocaleString('en-US')} people (${s.events.toLocaleString('en-US')} events), ${formatInfluence(s.imported)} counted from the other sectors`,
              attrs: { type: 'button', 'data-sector': i, 'aria-pressed': 'false' },
            },
            [
              el('span', { class: 'bar-label', text: s.name }),
              el('span', { class: 'bar-track' }, [
                el('span', { class: 'bar-fill', style: { width: `${(s.influence / most) * 100}%`, background: opts.color(s.name) } }),
                el('span', { class: 'bar-fill sectors-imported', style: { width: `${(s.imported / most) * 100}%`, 'border-color': opts.color(s.name) } }),
              ]),
              el('span', { class: 'bar-value', text: formatInfluence(s.influence) }),
            ],
          ),
        ]),
      ),
    );
    bars.replaceChildren(list);
  }

  function drawCarriers(r: SectorsResponse, i: number): void {
    const s = r.sectors[i]!;
    carriersHead.replaceChildren(el('span', { text: `Carried into ${s.name}`, title: 'The people whose influence earned in other sectors counts the most here' }), show);
    show.textContent = 'Show on the map';
    show.title = `Keep the map to the events of ${s.name}`;
    const list = r.carriers[i] ?? [];
    if (list.length === 0) {
      carriers.replaceChildren(el('p', { class: 'muted small', text: r.sectors.length > 1 ? `Nobody's influence from another sector counts in ${s.name}.` : 'Only one sector.' }));
      return;
    }
    const most = Math.max(...list.map((c) => c.own + c.imported));
    carriers.replaceChildren(
      el(
        'ol',
        { class: 'sectors-carrier-list' },
        list.map((c) =>
          el('li', {}, [
            el('button', { class: 'link', text: c.name, title: `Open ${c.name}`, attrs: { type: 'button', 'data-person': c.id } }),
            el('span', { class: 'sectors-carrier-bar', title: `${formatInfluence(c.own)} earned in ${s.name}; ${sourcesText(c.from, c.imported)}` }, [
              el('span', { style: { width: `${(c.own / most) * 100}%`, background: opts.color(s.name) } }),
              ...c.from.map((f) => el('span', { style: { width: `${(f.amount / most) * 100}%`, background: opts.color(f.sector), opacity: '0.75' } })),
            ]),
            el('span', { class: 'muted small sectors-carrier-text', text: `${sourcesText(c.from, c.imported)}${c.own > 0 ? `; ${formatInfluence(c.own)} earned here` : ''}` }),
          ]),
        ),
      ),
    );
  }
  bars.addEventListener('click', (e) => {
    const bar = (e.target as Element).closest('[data-sector]');
    if (bar) choose(Number(bar.getAttribute('data-sector')));
  });
  carriers.addEventListener('click', (e) => {
    const id = (e.target as Element).closest('[data-person]')?.getAttribute('data-person');
    if (!id) return;
    dialog.close();
    opts.onSelectPerson(id);
  });

  let overTimeRequest: AbortController | null = null;
  async function loadOverTime(): Promise<void> {
    overTimeRequest?.abort();
    const controller = (overTimeRequest = new AbortController());
    stack?.destroy();
    stack = null;
    stackBox.replaceChildren(el('p', { class: 'muted small', text: 'Loading…' }));
    clear(stackLegend);
    readout.textContent = '';
    try {
      const r = await opts.api.breakdownTimeline(overTimeBy, controller.signal);
      if (controller.signal.aborted) return;
      overTime = r;
      await drawOverTime(r);
    } catch (err) {
      if (controller.signal.aborted) return;
      stackBox.replaceChildren(errorText(err));
    }
  }

  async function drawOverTime(r: BreakdownTimelineResponse): Promise<void> {
    if (r.times.length === 0) {
      stackBox.replaceChildren(el('p', { class: 'muted small', text: 'No events stored: nothing to show over time.' }));
      return;
    }
    const colored: StackGroup[] = r.groups.map((g, i) => ({ name: g.name, values: g.values, color: r.by === 'sector' ? opts.color(g.name) : categoricalColor(i) }));
    const { createStackedArea, topGroups } = await import('../chart/stacked-area.ts');
    if (overTime !== r || !dialog.open) return;
    const groups = topGroups(colored, STACK_MOST, OTHER_COLOR);
    stackBox.replaceChildren();
    const width = Math.max(240, stackBox.clientWidth || 480);
    const hint = 'Hover the chart for each one’s influence at a time';
    stack = createStackedArea(stackBox, r.times, groups, {
      width,
      height: 150,
      time: opts.at(),
      onHover: (k) => (readout.textContent = k === null ? hint : readoutText(r.times, r.groups, k)),
    });
    readout.textContent = hint;
    const swatch = (g: StackGroup) => el('span', { class: 'sectors-swatch', style: { background: g.color } });
    stackLegend.replaceChildren(
      ...groups.map((g, i) =>
        // a sector opens its carriers (the lumped "others" is no sector)
        r.by === 'sector' && !(i === groups.length - 1 && groups.length < r.groups.length)
          ? el('li', {}, [el('button', { class: 'link', title: `Who carries influence into ${g.name}`, attrs: { type: 'button', 'data-name': g.name } }, [swatch(g), g.name])])
          : el('li', {}, [swatch(g), g.name]),
      ),
    );
  }
  stackLegend.addEventListener('click', (e) => {
    const name = (e.target as Element).closest('[data-name]')?.getAttribute('data-name');
    const i = data?.sectors.findIndex((s) => s.name === name) ?? -1;
    if (i >= 0) choose(i);
  });

  async function load(): Promise<void> {
    request?.abort();
    const controller = (request = new AbortController());
    const at = opts.at();
    caption.textContent = at === null ? 'all time' : `at ${formatDate(at)}, the map's time`;
    headline.textContent = 'Loading…';
    for (const part of [matrix, bars, carriers, carriersHead]) clear(part);
    show.hidden = true;
    try {
      const r = await opts.api.sectors(at, controller.signal);
      if (controller.signal.aborted) return;
      data = r;
      headline.textContent = sectorsHeadline(r);
      if (r.sectors.length === 0) return;
      if (r.sectors.length > 1) drawMatrix(r);
      else matrix.replaceChildren(el('p', { class: 'muted small', text: 'One sector: there is no other for its influence to count in.' }));
      drawBars(r);
      const wanted = r.sectors.findIndex((s) => s.name === (preferred ?? opts.sector()));
      choose(wanted >= 0 ? wanted : 0);
    } catch (err) {
      if (controller.signal.aborted) return;
      headline.replaceChildren(errorText(err));
    }
  }

  return {
    open(sector = null) {
      preferred = sector;
      // Back or Forward may ask for it at another sector while it is open
      if (!dialog.open) dialog.showModal();
      void load();
      void loadOverTime();
    },
    close() {
      if (dialog.open) dialog.close();
    },
  };
}
