/**
 * The client's view state: what a link carries, and that reading back a written link gives the same view.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  formatTime,
  needsGraphReload,
  needsTimelineReload,
  NO_TABLE_VIEW,
  parseTime,
  parseViewState,
  seedsFor,
  serializeViewState,
  Store,
  type ViewState,
} from '../../client/src/state.ts';

const full: ViewState = {
  person: 'p-ana',
  reach: 'p-omar',
  compare: ['p-fad', 'p-lasting'],
  time: Date.UTC(2019, 7, 1),
  metric: 'betweenness',
  seeds: null,
  layer: 'influence',
  color: 'sector',
  sector: 'music',
  medium: 'podcast',
  polarity: 'negative',
  focus: 'p-connector',
  hops: 2,
  minInfluence: 0.25,
  limit: 2000,
  camera: { x: 0.4123, y: 0.6, ratio: 0.35 },
  dialog: { name: 'sectors', sector: 'humanitarian causes' },
};

describe('view state in the URL', () => {
  it('the default view is an empty query string', () => {
    expect(serializeViewState({ ...DEFAULT_VIEW })).toBe('');
    expect(parseViewState('')).toEqual(DEFAULT_VIEW);
  });

  it('round-trips every field', () => {
    const q = serializeViewState(full);
    expect(parseViewState(`?${q}`)).toEqual(full);
    expect(parseViewState(q)).toEqual(full);
  });

  it('writes readable, stable links', () => {
    expect(serializeViewState(full)).toBe(
      'person=p-ana&reach=p-omar&cmp=p-fad%2Cp-lasting&t=2019-08-01&metric=betweenness&layer=influence&color=sector&sector=music&medium=podcast&polarity=negative&focus=p-connector&hops=2&min=0.25&limit=2000&cam=0.4123%2C0.6%2C0.35&dialog=sectors%3Ahumanitarian+causes',
    );
  });

  it('carries up to three people to compare with, each once; a longer or empty list is none', () => {
    expect(parseViewState('?cmp=a,b,a').compare).toEqual(['a', 'b']);
    expect(parseViewState('?cmp=a,b,c,d').compare).toEqual([]);
    expect(parseViewState('?cmp=,').compare).toEqual([]);
    expect(serializeViewState({ ...DEFAULT_VIEW, compare: ['x'] })).toBe('cmp=x');
  });

  it('carries the dialog open over the map: the Sectors at a sector or none, the Table, the Introductions; anything else is none', () => {
    const dialog = (q: string) => parseViewState(q).dialog;
    expect(dialog('dialog=table')).toEqual({ name: 'table', ...NO_TABLE_VIEW });
    expect(dialog('dialog=introductions')).toEqual({ name: 'introductions' });
    expect(dialog('dialog=network')).toEqual({ name: 'network' });
    expect(dialog('dialog=sectors')).toEqual({ name: 'sectors', sector: null });
    expect(dialog('dialog=sectors%3Afilm')).toEqual({ name: 'sectors', sector: 'film' });
    expect(dialog('dialog=sectors:')).toEqual({ name: 'sectors', sector: null });
    expect(dialog('dialog=import')).toBeNull();
    expect(dialog('dialog=')).toBeNull();
    expect(serializeViewState({ ...DEFAULT_VIEW, dialog: { name: 'sectors', sector: null } })).toBe('dialog=sectors');
    expect(serializeViewState({ ...DEFAULT_VIEW, dialog: { name: 'table', ...NO_TABLE_VIEW } })).toBe('dialog=table');
  });

  it("carries the Table's sort, filter, community and sector, only with the Table open", () => {
    const table = { name: 'table' as const, sort: '-comeback', q: 'an', community: 3, lists: 'humanitarian causes' };
    const q = serializeViewState({ ...DEFAULT_VIEW, dialog: table });
    expect(q).toBe('dialog=table&tsort=-comeback&tq=an&tcom=3&tlists=humanitarian+causes');
    expect(parseViewState(q).dialog).toEqual(table);
    // another dialog, or none: the Table's keys are ignored
    expect(parseViewState('dialog=sectors&tsort=degree').dialog).toEqual({ name: 'sectors', sector: null });
    expect(parseViewState('tsort=degree')).toEqual(DEFAULT_VIEW);
    // a malformed community is none
    expect(parseViewState('dialog=table&tcom=-2').dialog).toEqual({ name: 'table', ...NO_TABLE_VIEW });
    expect(parseViewState('dialog=table&tcom=x').dialog).toEqual({ name: 'table', ...NO_TABLE_VIEW });
  });

  it('carries the links drawn, trust ties without the event filters they cannot have', () => {
    const ties = { ...DEFAULT_VIEW, layer: 'ties' as const, metric: 'betweenness' };
    expect(serializeViewState(ties)).toBe('metric=betweenness&layer=ties');
    expect(parseViewState('?metric=betweenness&layer=ties')).toEqual(ties);
    // a link that asks for both: the ties win, the sector, medium and polarity (which slice events) go
    const mixed = parseViewState('?layer=ties&sector=music&medium=podcast&polarity=negative');
    expect(mixed).toMatchObject({ layer: 'ties', sector: null, medium: null, polarity: 'total' });
    expect(parseViewState('?layer=influence&sector=music')).toMatchObject({ layer: 'influence', sector: 'music' });
    expect(parseViewState('?layer=friends').layer).toBeNull();
    expect(needsGraphReload({ ...DEFAULT_VIEW }, ties)).toBe(true);
  });

  it("carries Trusted PageRank's seeds, only with that metric; changing them reloads only then", () => {
    const trusted = { ...DEFAULT_VIEW, metric: 'pagerank-personalized', seeds: ['p-ana', 'p-omar'] };
    expect(serializeViewState(trusted)).toBe('metric=pagerank-personalized&seeds=p-ana%2Cp-omar');
    expect(parseViewState(serializeViewState(trusted))).toEqual(trusted);
    // each once, blanks dropped; none is the server's default
    expect(parseViewState('?metric=pagerank-personalized&seeds=p-ana,,p-ana, p-omar').seeds).toEqual(['p-ana', 'p-omar']);
    expect(parseViewState('?metric=pagerank-personalized&seeds=,').seeds).toBeNull();
    expect(parseViewState(`?seeds=${Array.from({ length: 101 }, (_, i) => `p${i}`).join(',')}`).seeds).toBeNull();
    // kept while another metric is shown, but not written to its link
    expect(serializeViewState({ ...trusted, metric: 'betweenness' })).toBe('metric=betweenness');
    expect(seedsFor({ ...trusted, metric: 'betweenness' })).toBeNull();
    expect(seedsFor(trusted)).toEqual(['p-ana', 'p-omar']);
    expect(needsGraphReload(trusted, { ...trusted, seeds: ['p-ana'] })).toBe(true);
    expect(needsGraphReload(trusted, { ...trusted, seeds: null })).toBe(true);
    expect(needsGraphReload({ ...DEFAULT_VIEW }, { ...DEFAULT_VIEW, seeds: ['p-ana'] })).toBe(false);
  });

  it("carries the neighbourhood the map keeps to: its person, and its steps (1 to 3) only with a person; both reload the graph", () => {
    expect(parseViewState('?focus=p-fad')).toMatchObject({ focus: 'p-fad', hops: 1 });
    expect(parseViewState('?focus=p-fad&hops=3')).toMatchObject({ focus: 'p-fad', hops: 3 });
    for (const bad of ['0', '4', '1.5', 'two', '']) expect(parseViewState(`?focus=p-fad&hops=${bad}`).hops, bad).toBe(1);
    // steps without a person are no neighbourhood
    expect(parseViewState('?hops=2')).toMatchObject({ focus: null, hops: 1 });
    expect(serializeViewState({ ...DEFAULT_VIEW, focus: 'p-fad' })).toBe('focus=p-fad');
    expect(serializeViewState({ ...DEFAULT_VIEW, hops: 2 })).toBe('');
    const focused = { ...DEFAULT_VIEW, focus: 'p-fad' };
    expect(needsGraphReload(DEFAULT_VIEW, focused)).toBe(true);
    expect(needsGraphReload(focused, { ...focused, hops: 2 })).toBe(true);
    expect(needsGraphReload(focused, { ...focused, focus: 'p-lasting' })).toBe(true);
    // the steps alone change nothing shown while everyone is
    expect(needsGraphReload(DEFAULT_VIEW, { ...DEFAULT_VIEW, hops: 2 })).toBe(false);
  });

  it('keeps whom to reach only with a selected person', () => {
    expect(serializeViewState({ ...DEFAULT_VIEW, reach: 'p-omar' })).toBe('');
    expect(parseViewState('?reach=p-omar').reach).toBeNull();
    expect(parseViewState('?person=p-ana&reach=p-omar').reach).toBe('p-omar');
  });

  it('round-trips names that need escaping', () => {
    const view = { ...DEFAULT_VIEW, person: 'p/ä&b=c #1', sector: 'arts & culture' };
    expect(parseViewState(serializeViewState(view))).toEqual(view);
  });

  it('keeps times that are not midnight to the millisecond', () => {
    const view = { ...DEFAULT_VIEW, time: Date.UTC(2020, 1, 29, 13, 45, 7, 123) };
    const q = serializeViewState(view);
    expect(q).toContain('t=2020-02-29T13%3A45%3A07.123Z');
    expect(parseViewState(q).time).toBe(view.time);
  });

  it('falls back to defaults for malformed values instead of failing', () => {
    const v = parseViewState('?t=yesterday&color=rainbow&polarity=maybe&min=-3&limit=abc&cam=1,2&metric=');
    expect(v.time).toBeNull();
    expect(v.color).toBe('community');
    expect(v.polarity).toBe('total');
    expect(v.minInfluence).toBe(0);
    expect(v.limit).toBeNull();
    expect(v.camera).toBeNull();
    expect(v.metric).toBe(DEFAULT_VIEW.metric);
    expect(parseViewState('?min=7').minInfluence).toBe(1);
    expect(parseViewState('?cam=0.5,0.5,-1').camera).toBeNull();
  });

  it('accepts epoch milliseconds and ISO dates for t', () => {
    expect(parseTime('1564617600000')).toBe(Date.UTC(2019, 7, 1));
    expect(parseTime('2019-08-01')).toBe(Date.UTC(2019, 7, 1));
    expect(formatTime(Date.UTC(2019, 7, 1))).toBe('2019-08-01');
  });
});

describe('what a change reloads', () => {
  it('metric, sector, medium and limit reload the graph; polarity only the timeline; the rest is local', () => {
    const base = { ...DEFAULT_VIEW };
    expect(needsGraphReload(base, { ...base, sector: 'music' })).toBe(true);
    expect(needsGraphReload(base, { ...base, metric: 'degree' })).toBe(true);
    expect(needsGraphReload(base, { ...base, polarity: 'negative' })).toBe(false);
    expect(needsTimelineReload(base, { ...base, polarity: 'negative' })).toBe(true);
    for (const patch of [{ color: 'sector' as const }, { minInfluence: 0.5 }, { person: 'x' }, { time: 5 }, { camera: { x: 0, y: 0, ratio: 1 } }]) {
      expect(needsTimelineReload(base, { ...base, ...patch })).toBe(false);
    }
  });
});

describe('Store', () => {
  it('notifies on change only, with the previous state', () => {
    const store = new Store<ViewState>({ ...DEFAULT_VIEW });
    const seen: [string | null, string | null][] = [];
    const off = store.subscribe((s, prev) => seen.push([prev.person, s.person]));
    store.set({ person: 'a' });
    store.set({ person: 'a' });
    store.set({ camera: null });
    store.set({ person: 'b' });
    off();
    store.set({ person: 'c' });
    expect(seen).toEqual([
      [null, 'a'],
      ['a', 'b'],
    ]);
    expect(store.get().person).toBe('c');
  });

  it('compares objects by value', () => {
    const store = new Store<ViewState>({ ...DEFAULT_VIEW, camera: { x: 1, y: 2, ratio: 3 } });
    let calls = 0;
    store.subscribe(() => calls++);
    store.set({ camera: { x: 1, y: 2, ratio: 3 } });
    expect(calls).toBe(0);
    store.set({ camera: { x: 1, y: 2, ratio: 4 } });
    expect(calls).toBe(1);
  });
});
