/**
 * The filter and display controls: the links drawn (influence or trust), metric, colour mode, sector, medium,
 * polarity and minimum influence.
 * They read from and write to the view state; the caller decides what a change triggers.
 */
import type { MetaResponse, Polarity } from '../../../src/api/contract.ts';
import { TRUSTED_METRIC, type ColorMode, type Layer, type Store, type ViewState } from '../state.ts';
import { el } from './dom.ts';

export interface FilterElements {
  metric: HTMLSelectElement;
  colorMode: HTMLElement;
  /** Influence | Trust: the links the map draws */
  layer: HTMLElement;
  sector: HTMLSelectElement;
  medium: HTMLSelectElement;
  polarity: HTMLElement;
  minInfluence: HTMLInputElement;
  minInfluenceValue: HTMLElement;
  reset: HTMLButtonElement;
}

function fillSelect(select: HTMLSelectElement, values: readonly { value: string; label: string; title?: string }[]): void {
  select.replaceChildren(...values.map((v) => el('option', { text: v.label, title: v.title, attrs: { value: v.value } })));
}

const METRIC_LABELS: Record<string, string> = {
  activity: 'Activity',
  pagerank: 'PageRank',
  'pagerank-personalized': 'Trusted PageRank',
  eigenvector: 'Eigenvector',
  betweenness: 'Betweenness (broker)',
  closeness: 'Closeness',
  harmonic: 'Harmonic closeness',
  degree: 'Degree',
  'in-degree': 'In-degree',
  'out-degree': 'Out-degree',
  'weighted-degree': 'Weighted degree',
  'hits-hub': 'HITS hub',
  'hits-authority': 'HITS authority',
  'k-core': 'k-core',
  constraint: 'Constraint',
  'effective-size': 'Effective size',
  introducer: 'Introducer',
  // the table's columns read off each one's curve
  fade: 'Fade',
  comeback: 'Comeback',
};

/** A readable name for a metric (the API's name when we have none). */
export function metricLabel(name: string): string {
  return METRIC_LABELS[name] ?? name;
}

/** The metrics offered for sizing: the ones the API lists where more means more influential. */
export function metricOptions(meta: MetaResponse): { value: string; label: string; title?: string }[] {
  const seen = new Set<string>();
  const out: { value: string; label: string; title?: string }[] = [];
  for (const m of meta.metrics) {
    if (seen.has(m.name) || !m.higherIsMoreInfluential) continue;
    seen.add(m.name);
    out.push({ value: m.name, label: metricLabel(m.name), title: m.description });
  }
  return out;
}

/**
 * Why a map cannot be chosen, or null when it can: one with nothing stored to draw (no events: no influence; no
 * ties: no trust) is disabled, saying how to get some, unless it is the one shown.
 */
export function layerUnavailable(layer: Layer, counts: MetaResponse['counts'], shown: Layer): string | null {
  if (layer === shown) return null;
  if (layer === 'ties' && counts.ties === 0) return "No trust ties are stored: add whom someone trusts in their profile's Trust section, or import ties";
  if (layer === 'influence' && counts.events === 0) return 'No events are stored: record one in a profile, or import events';
  return null;
}

/**
 * Why a metric cannot be chosen, or null when it can: Trusted PageRank starts from seeds, which the server proposes
 * from the trust ties; with none stored and no seeds of the user's own it has nothing to start from (unless shown).
 */
export function metricUnavailable(metric: string, counts: MetaResponse['counts'], view: Pick<ViewState, 'metric' | 'seeds'>): string | null {
  if (metric !== TRUSTED_METRIC || metric === view.metric || counts.ties > 0 || view.seeds !== null) return null;
  return 'Trusted PageRank starts from people you trust: no trust ties are stored to propose them from (add some in a profile, or import ties)';
}

export interface Filters {
  /** the store changed (an event recorded or deleted): the sector and medium lists take what it now holds */
  setMeta(meta: MetaResponse): void;
  /** the links the map shows (the server's choice when the view leaves it open) */
  setShownLayer(layer: Layer | undefined): void;
  dispose(): void;
}

export function createFilters(els: FilterElements, meta: MetaResponse, store: Store<ViewState>): Filters {
  const metrics = metricOptions(meta);
  if (!metrics.some((m) => m.value === store.get().metric)) metrics.unshift({ value: store.get().metric, label: metricLabel(store.get().metric) });
  fillSelect(els.metric, metrics);
  const sectorField = els.sector.closest('.field') as HTMLElement | null;
  // The map's sector filter slices influence to events of a sector, as the medium filter does to a medium: the map
  // shows the people those events involve, whatever sectors they list. Data whose events all share one sector
  // (SNAP edge lists) has nothing to slice, and no such filter. A sector or medium in the link that the store no
  // longer holds stays listed, so the select still says what the map shows.
  const fillChoices = (m: MetaResponse) => {
    const s = store.get();
    const sectors = withCurrent(m.eventSectors, s.sector);
    const media = withCurrent(m.media, s.medium);
    fillSelect(els.sector, [{ value: '', label: 'All sectors' }, ...sectors.map((v) => ({ value: v, label: v }))]);
    if (sectorField) sectorField.hidden = m.eventSectors.length < 2 && s.sector === null;
    fillSelect(els.medium, [{ value: '', label: 'All media' }, ...media.map((v) => ({ value: v, label: v }))]);
  };
  fillChoices(meta);

  let shownLayer: Layer = 'influence';
  let counts = meta.counts;
  const eventFilters = [els.sector, els.medium, ...els.polarity.querySelectorAll<HTMLButtonElement>('button')];
  const sync = (s: Readonly<ViewState>) => {
    const layer = s.layer ?? shownLayer;
    for (const b of els.layer.querySelectorAll<HTMLButtonElement>('button[data-value]')) {
      b.setAttribute('aria-pressed', String(b.dataset.value === layer));
      const why = layerUnavailable(b.dataset.value as Layer, counts, layer);
      b.dataset.title ??= b.title;
      b.disabled = why !== null;
      b.title = why ?? b.dataset.title;
    }
    // sector, medium and polarity slice events: trust ties have none
    for (const control of eventFilters) {
      control.disabled = layer === 'ties';
      control.closest('.field')?.classList.toggle('off', layer === 'ties');
    }
    els.sector.title = layer === 'ties' ? TIES_NO_SLICE : SECTOR_TITLE;
    els.medium.title = layer === 'ties' ? TIES_NO_SLICE : '';
    els.polarity.title = layer === 'ties' ? TIES_NO_SLICE : '';
    for (const option of els.metric.options) {
      const why = metricUnavailable(option.value, counts, s);
      option.dataset.title ??= option.title;
      option.disabled = why !== null;
      option.title = why ?? option.dataset.title;
    }
    els.metric.value = s.metric;
    els.sector.value = s.sector ?? '';
    els.medium.value = s.medium ?? '';
    els.minInfluence.value = String(Math.round(s.minInfluence * 100));
    els.minInfluenceValue.textContent = s.minInfluence > 0 ? `${Math.round(s.minInfluence * 100)}% of the top` : 'everyone';
    for (const b of els.colorMode.querySelectorAll<HTMLButtonElement>('button[data-value]')) b.setAttribute('aria-pressed', String(b.dataset.value === s.color));
    for (const b of els.polarity.querySelectorAll<HTMLButtonElement>('button[data-value]')) b.setAttribute('aria-pressed', String(b.dataset.value === s.polarity));
    const filtered = s.sector !== null || s.medium !== null || s.polarity !== 'total' || s.minInfluence > 0;
    els.reset.hidden = !filtered;
  };
  sync(store.get());
  const unsubscribe = store.subscribe((s) => sync(s));

  const onMetric = () => store.set({ metric: els.metric.value });
  const onSector = () => store.set({ sector: els.sector.value || null });
  const onMedium = () => store.set({ medium: els.medium.value || null });
  const onMin = () => store.set({ minInfluence: Number(els.minInfluence.value) / 100 });
  const onColor = (e: Event) => {
    const value = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-value]')?.dataset.value;
    if (value) store.set({ color: value as ColorMode });
  };
  const onPolarity = (e: Event) => {
    const value = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-value]')?.dataset.value;
    if (value) store.set({ polarity: value as Polarity });
  };
  const onLayer = (e: Event) => {
    const value = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-value]')?.dataset.value as Layer | undefined;
    if (!value) return;
    store.set(value === 'ties' ? { layer: value, sector: null, medium: null, polarity: 'total' } : { layer: value });
  };
  const onReset = () => store.set({ sector: null, medium: null, polarity: 'total', minInfluence: 0 });
  els.metric.addEventListener('change', onMetric);
  els.sector.addEventListener('change', onSector);
  els.medium.addEventListener('change', onMedium);
  els.minInfluence.addEventListener('input', onMin);
  els.colorMode.addEventListener('click', onColor);
  els.layer.addEventListener('click', onLayer);
  els.polarity.addEventListener('click', onPolarity);
  els.reset.addEventListener('click', onReset);
  const dispose = () => {
    unsubscribe();
    els.metric.removeEventListener('change', onMetric);
    els.sector.removeEventListener('change', onSector);
    els.medium.removeEventListener('change', onMedium);
    els.minInfluence.removeEventListener('input', onMin);
    els.colorMode.removeEventListener('click', onColor);
    els.layer.removeEventListener('click', onLayer);
    els.polarity.removeEventListener('click', onPolarity);
    els.reset.removeEventListener('click', onReset);
  };
  return {
    setMeta: (m) => {
      counts = m.counts;
      fillChoices(m);
      sync(store.get());
    },
    setShownLayer: (layer) => {
      shownLayer = layer ?? 'influence';
      sync(store.get());
    },
    dispose,
  };
}

const SECTOR_TITLE = 'Influence through events of this sector: the people they involve, whatever sectors they list';
const TIES_NO_SLICE = 'Trust ties have no sector, medium or polarity: these filter influence, which comes from events';

/** `values`, with `current` added (in order) when it is set and missing. */
function withCurrent(values: readonly string[], current: string | null): string[] {
  return current === null || values.includes(current) ? [...values] : [...values, current].sort();
}
