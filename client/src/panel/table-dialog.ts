/**
 * "Table": everyone in a table, several rankings side by side (GET /api/influence/table), as Gephi's data
 * laboratory lists nodes: one column per metric with each person's score, a bar for how it compares with the best
 * and their rank, on the map's layer, time and slice, and each one's curve over time from the map's timeline. A column's head sorts by it (again: least influential first),
 * the box filters by name, the pager steps fifty at a time, "Columns" picks the metrics (kept in this browser) and
 * CSV downloads the whole table. A name opens the person on the map.
 */
import type { PeopleTableResponse } from '../../../src/api/contract.ts';
import type { Api, Neighbourhood, RankingSlice } from '../api.ts';
import type { TableView } from '../state.ts';
import type { ProgressView } from './analysis-progress.ts';
import { renderProgress } from './analysis-progress.ts';
import { OTHER_COLOR } from '../graph/palette.ts';
import { el, errorText, formatDate, formatDays, formatMonth, formatNumber, safeStorage } from './dom.ts';
import { metricLabel } from './filters.ts';
import { rankText } from './person-panel.ts';

export const TABLE_PAGE = 50;
/** The columns read off each one's all-time influence curve, which the picker offers after the metrics. */
export const CURVE_COLUMNS = [
  { name: 'fade', description: "How long their influence takes to halve after its peaks (≥: some never halved), on which fad, steady and lasting are judged; all time" },
  { name: 'comeback', description: 'Their strongest comeback: the influence at a new peak after at least 180 days below 5 % of its highest, after how long, and how many in all; all time' },
];

/** The columns shown until one picks others, after the map's metric. */
export const DEFAULT_COLUMNS = ['activity', 'pagerank', 'betweenness', 'degree', 'introducer'];
/** The API's limit on columns. */
export const MAX_COLUMNS = 12;
const STORAGE_KEY = 'catalyst.table.columns';
/** Typing in the filter asks again after this pause. */
const FILTER_WAIT_MS = 200;

/** The columns to show: the map's metric first, then the ones chosen (or the defaults), each once, at most MAX_COLUMNS. */
export function tableColumns(mapMetric: string, chosen: readonly string[] | null): string[] {
  return [...new Set([mapMetric, ...(chosen ?? DEFAULT_COLUMNS)])].slice(0, MAX_COLUMNS);
}

/** The sort after a click on a column's head: its best first, or reversed when it already sorts that way. */
export function nextSort(current: string, column: string): string {
  return current === column ? `-${column}` : column;
}

/**
 * What the filters keep, in words: "matching “an”", "in music · film, listing finance", "" for everyone.
 */
export function narrowText(q: string, community: string | null, lists: string | null, around: { name: string; hops: number } | null = null): string {
  const parts = [
    q.trim() ? `matching “${q.trim()}”` : null,
    around ? `within ${around.hops === 1 ? 'a step' : `${around.hops} steps`} of ${around.name}` : null,
    community !== null ? `in ${community}` : null,
    lists !== null ? `listing ${lists}` : null,
  ];
  return parts.filter(Boolean).join(', ');
}

/** "1–50 of 400", "51–92 of 92 matching “an” (400 in all)", "No one matches: in film, listing music". */
export function pageText(offset: number, shown: number, total: number, of: number, narrowed: string): string {
  if (total === 0) return narrowed ? `No one ${narrowed.startsWith('matching') ? narrowed.replace(/^matching/, 'matches') : `is ${narrowed}`}` : 'No one stored';
  const range = `${(offset + 1).toLocaleString('en-US')}–${(offset + shown).toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`;
  return narrowed ? `${range} ${narrowed} (${of.toLocaleString('en-US')} in all)` : range;
}

/**
 * How full a cell's bar is: the score's share of the column's best. Where less means more influential (Burt's
 * constraint), the bar runs the other way, full at the lowest score, so a longer bar is always "more".
 */
export function barShare(score: number | null, column: Pick<PeopleTableResponse['columns'][number], 'min' | 'max' | 'higherIsMoreInfluential'>): number {
  if (score === null) return 0;
  if (column.higherIsMoreInfluential) return column.max > 0 ? Math.max(0, score / column.max) : 0;
  const span = column.max - column.min;
  return span > 0 ? (column.max - score) / span : 0;
}

/**
 * The decimals a column shows all its scores with, so they line up as in a spreadsheet: four significant digits of
 * its largest score (1,480 → 0; 0.8221 → 4; 0.06994 → 5), at most 6.
 */
export function columnDecimals(column: Pick<PeopleTableResponse['columns'][number], 'min' | 'max'>): number {
  const largest = Math.max(Math.abs(column.min), Math.abs(column.max));
  if (largest === 0) return 0;
  return Math.max(0, Math.min(6, 3 - Math.floor(Math.log10(largest))));
}

/** A comeback cell: "80.4 after 3.9 years", "+2 more" when there were others, "–" with none. */
export function comebackText(value: number | null, dormantDays: number | null | undefined, comebacks: number | undefined): string {
  if (!value || dormantDays == null) return '–';
  const more = (comebacks ?? 1) - 1;
  return `${formatNumber(value)} after ${formatDays(dormantDays)}${more > 0 ? ` (+${more} more)` : ''}`;
}

/** Whom "Show on the map" lights: "people 1–50 of 400 by PageRank", "… matching “an”", "… by name, Z to A". */
export function shownText(offset: number, count: number, total: number, sort: string, narrowed: string): string {
  const by = sort.replace(/^-/, '');
  const reverse = sort.startsWith('-');
  const order = by === 'name' ? (reverse ? 'by name, Z to A' : 'by name') : `by ${metricLabel(by).replace(/ \(.*\)$/, '')}${reverse ? ', from the bottom' : ''}`;
  return `people ${(offset + 1).toLocaleString('en-US')}–${(offset + count).toLocaleString('en-US')} of ${total.toLocaleString('en-US')}${narrowed ? ` ${narrowed}` : ''} ${order}`;
}

/** What a click on a column's head does: sort by it one way, or (`reverse`) the other. */
export function sortTitle(column: string, reverse: boolean): string {
  const [first, last] = column === 'fade' ? ['longest', 'shortest'] : column === 'comeback' ? ['strongest', 'weakest'] : ['most influential', 'least influential'];
  return `Sort by ${metricLabel(column)}, ${reverse ? last : first} first`;
}

/** A fade cell: "fad · 3 weeks", "lasting · ≥ 4.2 years" (a lower bound: some influence never halved), "–" without influence. */
export function fadeText(days: number | null, fadeClass: string | undefined, censored: boolean | undefined): string {
  if (days === null || !fadeClass || fadeClass === 'none') return '–';
  return `${fadeClass} · ${censored ? '≥ ' : ''}${formatDays(days)}`;
}

/** A score in its column: "0" when it is none, else with the column's decimals and thousands separated. */
export function cellText(score: number | null, decimals: number): string {
  if (score === null) return '–';
  if (score === 0) return '0';
  return score.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** The size of a row's curve over time. */
export const SPARK_WIDTH = 84;
export const SPARK_HEIGHT = 20;

/**
 * A curve's points for an SVG polyline `width` × `height`, each row scaled to its own highest value (the shape:
 * rose, faded, came back), a flat line along the bottom when it is never above 0.
 */
export function sparkPoints(values: ArrayLike<number>, width = SPARK_WIDTH, height = SPARK_HEIGHT): string {
  const n = values.length;
  let max = 0;
  for (let k = 0; k < n; k++) max = Math.max(max, values[k]!);
  const step = n > 1 ? width / (n - 1) : 0;
  const points: string[] = [];
  for (let k = 0; k < n; k++) {
    const y = height - 1 - (max > 0 ? Math.max(0, values[k]!) / max : 0) * (height - 2);
    points.push(`${(k * step).toFixed(1)},${y.toFixed(1)}`);
  }
  return points.join(' ');
}

/** Where a curve is highest (the first such sample), or -1 when it never rises above 0. */
export function peakIndex(values: ArrayLike<number>): number {
  let best = -1;
  for (let k = 0; k < values.length; k++) if (values[k]! > 0 && (best < 0 || values[k]! > values[best]!)) best = k;
  return best;
}

export interface TableDialogOptions {
  api: Api;
  /** the metrics the API offers, for the column picker */
  metrics(): { name: string; description: string }[];
  /** the map's metric (the first column), layer, time and slice, read at each opening */
  mapMetric(): string;
  /** the map's slice, and the neighbourhood it keeps to (focus null: everyone) */
  slice(): RankingSlice & Neighbourhood;
  /**
   * a person's value over time as the map's timeline has it (its times, and the map's position in them: NaN for all
   * time), null when the map does not show them or has no timeline
   */
  series(id: string): { values: ArrayLike<number>; times: ArrayLike<number>; position: number } | null;
  /** what the map's timeline values are ("decayed influence", "influence PageRank"…), null when it has none */
  seriesLabel(): string | null;
  /** a community's name and colour as the legend shows it, null when the map does not show it */
  community(c: number): { name: string; color: string } | null;
  /** follows the server's analysis while this dialog waits on it; returns a function that stops following */
  followAnalysis(show: (view: ProgressView) => void, hide: () => void): () => void;
  /** a name was clicked: the dialog closes and the map selects them */
  onSelectPerson(id: string): void;
  /** it closed, however */
  onClose?(): void;
  /** "Show on the map": the dialog closes and the map lights the people of the page shown, `what` says which */
  onShow(ids: string[], what: string): void;
  /** what it shows changed (sort, filter, community, sector): the link keeps it */
  onView?(view: TableView): void;
}

export function createTableDialog(opts: TableDialogOptions): { open(view?: TableView | null): void; close(): void } {
  const storage = safeStorage();
  let chosen: string[] | null = readChosen();
  let columns: string[] = [];
  let sort = '';
  let offset = 0;
  /** the community and the listed sector the rows are kept to (a click on one in a row), null for any */
  let community: number | null = null;
  let lists: string | null = null;
  let openedLayer: string | null = null;
  let slice: (RankingSlice & Neighbourhood) | null = null;
  let request: AbortController | null = null;
  let stopFollowing: (() => void) | null = null;
  let filterTimer: ReturnType<typeof setTimeout> | null = null;

  const caption = el('span', { class: 'muted small table-when' });
  const filter = el('input', { class: 'table-filter', attrs: { type: 'search', placeholder: 'Filter by name or id', 'aria-label': 'Filter the table by name or id' } });
  const status = el('span', { class: 'muted small table-status', attrs: { 'aria-live': 'polite' } });
  const chips = el('span', { class: 'table-chips' });
  const pager = el('span', { class: 'muted small table-page' });
  const prev = el('button', { class: 'btn btn-ghost btn-small', text: '‹ Previous', attrs: { type: 'button' } });
  const next = el('button', { class: 'btn btn-ghost btn-small', text: 'Next ›', attrs: { type: 'button' } });
  const csv = el('a', { class: 'btn btn-ghost btn-small', text: 'CSV', attrs: { download: '' } });
  const show = el('button', {
    class: 'btn btn-ghost btn-small table-show',
    text: 'Show on the map',
    title: 'Light the people of this page on the map, and the ties among them',
    attrs: { type: 'button', disabled: true },
  });
  /** the page shown, for "Show on the map" */
  let shown: { ids: string[]; what: string } | null = null;
  const picker = el('div', { class: 'table-picker' });
  const pickerBox = el('details', { class: 'table-columns' }, [el('summary', { class: 'btn btn-ghost btn-small', text: 'Columns' }), picker]);
  const grid = el('div', { class: 'table-grid' });
  const close = el('button', { class: 'btn btn-ghost board-close', text: 'Close', attrs: { type: 'button' } });
  const dialog = el('dialog', { class: 'board-dialog table-dialog', attrs: { 'aria-label': 'Table' } }, [
    el('div', { class: 'board-head' }, [el('h2', {}, ['Everyone ', caption]), el('span', { class: 'board-actions' }, [close])]),
    el('div', { class: 'table-tools' }, [filter, chips, pickerBox, csv, show, status, el('span', { class: 'table-pager' }, [pager, prev, next])]),
    grid,
  ]);
  document.body.append(dialog);

  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    request?.abort();
    stopFollowing?.();
    stopFollowing = null;
    pickerBox.open = false;
    opts.onClose?.();
  });
  // the column picker closes on a click elsewhere, as a menu does
  dialog.addEventListener('click', (e) => {
    if (pickerBox.open && !pickerBox.contains(e.target as Node)) pickerBox.open = false;
  });
  show.addEventListener('click', () => {
    if (!shown) return;
    const page = shown;
    dialog.close();
    opts.onShow(page.ids, page.what);
  });
  prev.addEventListener('click', () => void load(Math.max(0, offset - TABLE_PAGE)));
  next.addEventListener('click', () => void load(offset + TABLE_PAGE));
  filter.addEventListener('input', () => {
    if (filterTimer !== null) clearTimeout(filterTimer);
    filterTimer = setTimeout(() => void load(0), FILTER_WAIT_MS);
  });
  grid.addEventListener('click', (e) => {
    const target = e.target as Element;
    const id = target.closest('[data-person]')?.getAttribute('data-person');
    if (id) {
      dialog.close();
      opts.onSelectPerson(id);
      return;
    }
    const inCommunity = target.closest('[data-community]')?.getAttribute('data-community');
    const listing = target.closest('[data-lists]')?.getAttribute('data-lists');
    if (inCommunity != null || listing != null) {
      if (inCommunity != null) community = Number(inCommunity);
      if (listing != null) lists = listing;
      drawChips();
      void load(0);
      return;
    }
    const column = target.closest('[data-sort]')?.getAttribute('data-sort');
    if (column) {
      sort = nextSort(sort, column);
      void load(0);
    }
  });
  picker.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    const name = box.value;
    const mine = columns.filter((c) => c !== name);
    if (box.checked) mine.push(name);
    if (mine.length === 0) {
      box.checked = true;
      return;
    }
    columns = mine.slice(0, MAX_COLUMNS);
    chosen = columns;
    storage?.setItem(STORAGE_KEY, JSON.stringify(columns));
    if (!columns.includes(sort.replace(/^-/, '')) && sort.replace(/^-/, '') !== 'name') sort = columns[0]!;
    drawPicker();
    void load(0);
  });

  function readChosen(): string[] | null {
    try {
      const v = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null') as unknown;
      return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
    } catch {
      return null;
    }
  }

  function drawPicker(): void {
    picker.replaceChildren(
      ...[...opts.metrics(), ...CURVE_COLUMNS].map((m) =>
        el('label', { title: m.description }, [
          el('input', {
            attrs: {
              type: 'checkbox',
              value: m.name,
              checked: columns.includes(m.name),
              disabled: !columns.includes(m.name) && columns.length >= MAX_COLUMNS,
            },
          }),
          shortLabel(m.name),
        ]),
      ),
    );
  }

  function query() {
    return { ...slice!, columns, sort, q: filter.value, community, lists };
  }

  async function load(from: number): Promise<void> {
    opts.onView?.({ sort, q: filter.value.trim() || null, community, lists });
    request?.abort();
    const controller = (request = new AbortController());
    offset = from;
    csv.href = opts.api.tableCsvUrl(query());
    grid.classList.add('stale');
    status.textContent = 'Loading…';
    stopFollowing?.();
    stopFollowing = opts.followAnalysis(
      (view) => {
        if (!controller.signal.aborted) renderProgress(status, view);
      },
      () => {
        if (!controller.signal.aborted) status.textContent = 'Loading…';
      },
    );
    try {
      const r = await opts.api.table({ ...query(), limit: TABLE_PAGE, offset }, controller.signal);
      if (controller.signal.aborted) return;
      status.textContent = r.seeds ? `Trusted PageRank from ${r.seeds.length} seeds: ${r.seeds.map((s) => s.name).slice(0, 3).join(', ')}${r.seeds.length > 3 ? '…' : ''}` : '';
      draw(r);
    } catch (err) {
      if (controller.signal.aborted) return;
      status.replaceChildren(errorText(err));
    } finally {
      if (request === controller) {
        stopFollowing?.();
        stopFollowing = null;
        grid.classList.remove('stale');
      }
    }
  }

  function draw(r: PeopleTableResponse): void {
    const narrowed = narrowText(filter.value, community === null ? null : communityLabel(community), lists, r.focus ?? null);
    pager.textContent = pageText(offset, r.items.length, r.total, r.of, narrowed);
    shown = r.items.length > 0 ? { ids: r.items.map((i) => i.id), what: shownText(offset, r.items.length, r.total, sort, narrowed) } : null;
    show.disabled = shown === null;
    prev.disabled = offset === 0;
    next.disabled = offset + r.items.length >= r.total;
    const sortedBy = sort.replace(/^-/, '');
    const best = !sort.startsWith('-');
    const head = (name: string, label: string, title: string, cls = '') => {
      const on = sortedBy === name;
      // best first is A to Z for names, and for a metric the most influential first: the highest, or the lowest of constraint
      const ascending = name === 'name' ? best : best !== (r.columns.find((c) => c.metric === name)?.higherIsMoreInfluential ?? true);
      return el('th', { class: cls, attrs: { scope: 'col', 'aria-sort': on ? (ascending ? 'ascending' : 'descending') : null } }, [
        el('button', { class: `table-sort${on ? ' on' : ''}`, title, attrs: { type: 'button', 'data-sort': name } }, [
          label,
          el('span', { class: 'table-arrow', attrs: { 'aria-hidden': 'true' }, text: on ? (ascending ? '▲' : '▼') : '' }),
        ]),
      ]);
    };
    const decimals = r.columns.map(columnDecimals);
    const overTime = opts.seriesLabel();
    // a network whose people list no sector (a SNAP edge list) has no Sectors column
    const withSectors = r.items.some((item) => item.sectors.length > 0);
    const thead = el('tr', {}, [
      el('th', { class: 'table-num', text: '#', attrs: { scope: 'col' } }),
      head('name', 'Name', sortedBy === 'name' && best ? 'Sort by name, Z to A' : 'Sort by name, A to Z', 'table-name'),
      withSectors ? el('th', { text: 'Sectors', attrs: { scope: 'col' } }) : null,
      el('th', { text: 'Community', attrs: { scope: 'col' } }),
      overTime ? el('th', { text: 'Over time', title: `Each one's ${overTime} over time, as the map's timeline has it, to their own highest; the line marks the map's time`, attrs: { scope: 'col' } }) : null,
      ...r.columns.map((c) =>
        head(
          c.metric,
          shortLabel(c.metric),
          sortTitle(c.metric, sortedBy === c.metric && best),
          'table-metric',
        ),
      ),
    ]);
    const rows = r.items.map((item, i) =>
      el('tr', {}, [
        el('td', { class: 'table-num muted', text: (offset + i + 1).toLocaleString('en-US') }),
        el('td', { class: 'table-name' }, [el('button', { class: 'link', text: item.name, title: `Open ${item.name} (${item.id})`, attrs: { type: 'button', 'data-person': item.id } })]),
        withSectors
          ? el(
              'td',
              { class: 'muted small table-sectors', title: item.sectors.join(', ') },
              item.sectors.flatMap((sector, k) => [
                k > 0 ? ', ' : null,
                el('button', { class: 'table-pick', text: sector, title: `Only the people who list ${sector}`, attrs: { type: 'button', 'data-lists': sector } }),
              ]),
            )
          : null,
        el('td', { class: 'small table-community' }, communityCell(item.community)),
        overTime ? el('td', { class: 'table-over-time' }, [sparkCell(item.id, overTime)]) : null,
        ...item.cells.map((cell, k) => {
          const column = r.columns[k]!;
          const text =
            column.metric === 'fade'
              ? fadeText(cell.score, cell.fadeClass, cell.censored)
              : column.metric === 'comeback'
                ? comebackText(cell.score, cell.dormantDays, cell.comebacks)
                : cellText(cell.score, decimals[k]!);
          const rank = rankText({ rank: cell.rank, of: r.of, tied: cell.tied });
          const exact = column.metric === 'fade' || column.metric === 'comeback' ? text : cell.score === null ? 'not defined' : Number(cell.score.toPrecision(6)).toString();
          return el('td', { class: 'table-metric', title: `${metricLabel(column.metric)} ${exact}: ${rank.text}${rank.title ? ` (${rank.title})` : ''}` }, [
            el('span', { class: 'table-bar', style: { width: `calc((100% - 20px) * ${barShare(cell.score, column).toFixed(3)})` } }),
            el('span', { class: 'table-value', text }),
            el('span', { class: 'table-rank muted', text: `#${cell.rank}${cell.tied > 0 ? '=' : ''}` }),
          ]);
        }),
      ]),
    );
    grid.replaceChildren(el('table', { class: 'people-table' }, [el('thead', {}, [thead]), el('tbody', {}, rows)]));
  }

  /** A row's curve over time: its shape to its own highest, the map's time marked; nothing when the map has none. */
  function sparkCell(id: string, label: string): Node | string {
    const series = opts.series(id);
    if (!series) return '';
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', 'table-spark');
    svg.setAttribute('width', String(SPARK_WIDTH));
    svg.setAttribute('height', String(SPARK_HEIGHT));
    svg.setAttribute('viewBox', `0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`);
    const peak = peakIndex(series.values);
    svg.setAttribute('data-peak', String(peak));
    const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    title.textContent = peak < 0 ? `No ${label} on the map's timeline` : `${label[0]!.toUpperCase()}${label.slice(1)}: highest in ${formatMonth(series.times[peak]!)}`;
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    line.setAttribute('points', sparkPoints(series.values));
    svg.append(title, line);
    const n = series.values.length;
    if (Number.isFinite(series.position) && n > 1) {
      const x = ((series.position / (n - 1)) * SPARK_WIDTH).toFixed(1);
      const now = document.createElementNS('http://www.w3.org/2000/svg', 'line');
      now.setAttribute('x1', x);
      now.setAttribute('x2', x);
      now.setAttribute('y1', '0');
      now.setAttribute('y2', String(SPARK_HEIGHT));
      now.setAttribute('class', 'table-spark-now');
      svg.append(now);
    }
    return svg;
  }

  /** A metric's name without its gloss ("Betweenness", not "Betweenness (broker)"), which its title keeps. */
  function shortLabel(metric: string): string {
    return metricLabel(metric).replace(/ \(.*\)$/, '');
  }

  /** A community's name as the legend gives it ("other" for those it does not name). */
  function communityLabel(c: number): string {
    return opts.community(c)?.name ?? 'other';
  }

  /** The filters a click in a row set, each with × to let go. */
  function drawChips(): void {
    const chip = (text: string, title: string, clear: () => void) => {
      const button = el('button', { class: 'chip table-chip', title, attrs: { type: 'button' } }, [text, el('span', { class: 'chip-x', text: ' ×', attrs: { 'aria-hidden': 'true' } })]);
      button.addEventListener('click', () => {
        clear();
        drawChips();
        void load(0);
      });
      return button;
    };
    chips.replaceChildren(
      ...(community !== null ? [chip(`in ${communityLabel(community)}`, 'Show every community again', () => (community = null))] : []),
      ...(lists !== null ? [chip(`listing ${lists}`, 'Show every sector again', () => (lists = null))] : []),
    );
  }

  function communityCell(c: number | null): (Node | string)[] {
    if (c === null) return ['–'];
    // communities the legend does not name (the small ones, those off the map) are its "other"
    const named = opts.community(c) ?? { name: 'other', color: OTHER_COLOR };
    return [
      el('button', { class: 'table-pick', title: `Only the people of ${named.name}`, attrs: { type: 'button', 'data-community': c } }, [
        el('span', { class: 'sectors-swatch', style: { background: named.color } }),
        named.name,
      ]),
    ];
  }

  return {
    open(view = null) {
      slice = opts.slice();
      // communities are the layer's: another layer's numbers mean other groups
      if (slice.layer !== openedLayer) community = null;
      openedLayer = slice.layer;
      // a link's table: its sort, filter, community and sector
      if (view) {
        sort = view.sort ?? '';
        filter.value = view.q ?? '';
        community = view.community;
        lists = view.lists;
      }
      drawChips();
      columns = tableColumns(opts.mapMetric(), chosen);
      if (!sort || !(columns.includes(sort.replace(/^-/, '')) || sort.replace(/^-/, '') === 'name')) sort = columns[0]!;
      caption.textContent = [slice.at === null ? 'all time' : `at ${formatDate(slice.at)}, the map's time`, slice.layer === 'ties' ? 'on the trust ties' : null, slice.sector, slice.medium, slice.polarity !== 'total' ? `${slice.polarity} influence` : null]
        .filter(Boolean)
        .join(' · ');
      drawPicker();
      // Back or Forward may ask for it while it is open
      if (!dialog.open) dialog.showModal();
      filter.focus();
      void load(0);
    },
    close() {
      if (dialog.open) dialog.close();
    },
  };
}
