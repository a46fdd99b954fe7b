/**
 * "Network": the network the map draws in numbers, as Gephi's Statistics panel gives them (GET /api/network):
 * people and links, density, reciprocity, components, people with no link, communities and modularity, who is
 * reached by the most and who reaches the most, and the in- and out-degree distributions as a chart.
 */
import type { NetworkResponse } from '../../../src/api/contract.ts';
import type { Api, Neighbourhood } from '../api.ts';
import { share } from '../chart/bars.ts';
import { clear, el, errorText, formatCount } from './dom.ts';

export interface NetworkDialogOptions {
  api: Pick<Api, 'network'>;
  /** the map's links and slice, and the neighbourhood it keeps to */
  view(): { layer: 'influence' | 'ties' | null; sector: string | null; medium: string | null } & Neighbourhood;
  onSelectPerson(id: string): void;
  onClose?(): void;
}

/**
 * What the numbers are of: "the map of influence", "the map of trust", "influence through music events by podcast",
 * "Helena Brandt's neighbourhood (2 steps), the map of trust".
 */
export function networkCaption(r: Pick<NetworkResponse, 'layer' | 'sector' | 'medium' | 'focus'>): string {
  const map = r.layer === 'ties' ? 'the map of trust' : !r.sector && !r.medium ? 'the map of influence' : `influence through ${r.sector ?? 'all'} events${r.medium ? ` by ${r.medium}` : ''}`;
  return r.focus ? `${r.focus.name}'s neighbourhood (${r.focus.hops === 1 ? 'a step' : `${r.focus.hops} steps`}), ${map}` : map;
}

/** A small share with the digits it needs: 0.0010292 → "0.10 %", 0.412 → "41 %". */
export function percent(fraction: number): string {
  const p = fraction * 100;
  if (p === 0) return '0 %';
  if (p >= 10) return `${Math.round(p)} %`;
  if (p >= 1) return `${p.toFixed(1)} %`;
  return `${p.toPrecision(2)} %`;
}

/** A share as a whole percentage that never claims all of it when it is not: 0.999 → ">99%". */
export function shareOf(fraction: number): string {
  return fraction < 1 && Math.round(fraction * 100) === 100 ? '>99%' : share(fraction);
}

/** The label of a degree bin: "0", "1", "2–3", "1,024–2,047". */
export function binLabel(bin: { from: number; to: number }): string {
  return bin.from === bin.to ? formatCount(bin.from) : `${formatCount(bin.from)}–${formatCount(bin.to)}`;
}

/** The figures, each with what it means, in the order shown. */
export function networkFigures(r: NetworkResponse): { label: string; value: string; note: string; title: string }[] {
  const links = r.layer === 'ties' ? 'trust ties' : 'links';
  return [
    { label: 'People', value: formatCount(r.people), note: r.isolated > 0 ? `${formatCount(r.isolated)} with no link` : 'everyone linked', title: 'People on this map, and those with no link either way' },
    {
      label: r.layer === 'ties' ? 'Trust ties' : 'Links',
      value: formatCount(r.links),
      note: `${r.linksPerPerson.toFixed(1)} per person`,
      title: `Directed ${links} between two people (repeated ones merged), and how many each has on average`,
    },
    { label: 'Density', value: percent(r.density), note: 'of all possible', title: `The ${links} there are, out of every ordered pair of people: links / (n × (n − 1))` },
    {
      label: 'Reciprocity',
      value: r.reciprocity === null ? '–' : shareOf(r.reciprocity),
      note: 'returned',
      title: r.layer === 'ties' ? 'The share of trust ties trusted back' : 'The share of links whose two people influence each other both ways',
    },
    {
      label: 'Components',
      value: formatCount(r.components.count),
      note: r.people > 0 ? `the largest ${shareOf(r.components.largest / r.people)} of people` : '',
      title: 'Groups of people linked to each other (either way), a person with no link counting as one; and how much of the network the largest holds',
    },
    {
      label: 'Communities',
      value: formatCount(r.communities.count),
      note: r.communities.modularity === null ? 'no links' : `modularity ${r.communities.modularity.toFixed(2)}${r.sector || r.medium || r.focus ? ' (whole network)' : ''}`,
      title: 'Louvain communities of the map (the legend’s colours) these people belong to, and how clearly the whole map splits into them (modularity, 0 to 1)',
    },
  ];
}

export function createNetworkDialog(opts: NetworkDialogOptions): { open(): void; close(): void } {
  const caption = el('span', { class: 'muted small board-caption' });
  const figures = el('div', { class: 'network-figures' });
  const tops = el('div', { class: 'network-tops' });
  const chart = el('div', { class: 'network-degrees' });
  const close = el('button', { class: 'btn btn-ghost board-close', text: 'Close', attrs: { type: 'button' } });
  const dialog = el('dialog', { class: 'board-dialog network-dialog', attrs: { 'aria-label': 'Network' } }, [
    el('div', { class: 'board-head' }, [el('h2', {}, ['Network ', caption]), el('span', { class: 'board-actions' }, [close])]),
    figures,
    tops,
    el('h3', {}, [el('span', { text: 'How many links people have' }), el('span', { class: 'muted small board-hint', text: 'people by number of links, doubling bins; height on a log scale' })]),
    chart,
  ]);
  document.body.append(dialog);
  let request: AbortController | null = null;
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    request?.abort();
    opts.onClose?.();
  });

  function person(label: string, top: NetworkResponse['maxIn'], what: string): HTMLElement | null {
    if (!top) return null;
    const name = el('button', { class: 'link', text: top.name, title: `Open ${top.name}'s profile`, attrs: { type: 'button' } });
    name.addEventListener('click', () => {
      dialog.close();
      opts.onSelectPerson(top.id);
    });
    return el('p', { class: 'network-top' }, [el('span', { class: 'muted', text: `${label} ` }), name, ` · ${formatCount(top.degree)} ${what}`]);
  }

  function drawDegrees(r: NetworkResponse): void {
    const rows = Math.max(r.inDegrees.length, r.outDegrees.length);
    const most = Math.max(1, ...r.inDegrees.map((b) => b.count), ...r.outDegrees.map((b) => b.count));
    const height = (count: number) => (count > 0 ? Math.max(3, (Math.log10(count + 1) / Math.log10(most + 1)) * 100) : 0);
    const inWord = r.layer === 'ties' ? 'trusted by' : 'reached by';
    const outWord = r.layer === 'ties' ? 'trusting' : 'reaching';
    const columns = Array.from({ length: rows }, (_, k) => {
      const bin = r.inDegrees[k] ?? r.outDegrees[k]!;
      const inCount = r.inDegrees[k]?.count ?? 0;
      const outCount = r.outDegrees[k]?.count ?? 0;
      const label = binLabel(bin);
      return el('div', { class: 'degree-col', title: `${label}: ${formatCount(inCount)} people ${inWord} that many, ${formatCount(outCount)} ${outWord} that many` }, [
        el('div', { class: 'degree-bars' }, [
          el('span', { class: 'degree-bar in', style: { height: `${height(inCount)}%` } }),
          el('span', { class: 'degree-bar out', style: { height: `${height(outCount)}%` } }),
        ]),
        el('span', { class: 'degree-label', text: label }),
      ]);
    });
    chart.replaceChildren(
      el('div', { class: 'degree-chart', attrs: { role: 'img', 'aria-label': `People by number of links: ${columns.map((c) => c.title).join('; ')}` } }, columns),
      el('p', { class: 'degree-legend small muted' }, [
        el('span', { class: 'degree-key in' }),
        ` ${inWord} (in-degree)  `,
        el('span', { class: 'degree-key out' }),
        ` ${outWord} (out-degree)`,
      ]),
    );
  }

  async function load(): Promise<void> {
    request?.abort();
    const controller = (request = new AbortController());
    caption.textContent = '';
    clear(tops);
    chart.replaceChildren();
    figures.replaceChildren(el('p', { class: 'muted small', text: 'Counting…' }));
    try {
      const r = await opts.api.network(opts.view(), controller.signal);
      if (controller.signal.aborted) return;
      caption.textContent = networkCaption(r);
      figures.replaceChildren(
        ...networkFigures(r).map((f) =>
          el('div', { class: 'network-figure', title: f.title }, [
            el('span', { class: 'network-label', text: f.label }),
            el('span', { class: 'network-value', text: f.value }),
            el('span', { class: 'network-note muted small', text: f.note }),
          ]),
        ),
      );
      const linkWord = r.layer === 'ties' ? 'trust ties' : 'links';
      tops.replaceChildren(
        ...[person(r.layer === 'ties' ? 'Trusted by the most:' : 'Reached by the most:', r.maxIn, `${linkWord} in`), person(r.layer === 'ties' ? 'Trusts the most:' : 'Reaches the most:', r.maxOut, `${linkWord} out`)].filter(
          (x): x is HTMLElement => x !== null,
        ),
      );
      drawDegrees(r);
    } catch (err) {
      if (controller.signal.aborted) return;
      figures.replaceChildren(errorText(err));
    }
  }

  return {
    open() {
      if (!dialog.open) dialog.showModal();
      void load();
    },
    close() {
      if (dialog.open) dialog.close();
    },
  };
}
