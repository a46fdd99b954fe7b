/**
 * The line over the map while it keeps to someone's neighbourhood, as Kumu's focus and Gephi's ego filter do:
 * whose, how many steps (a switch), how many people that is, and × to show everyone again.
 */
import { el, formatCount, segmented } from './dom.ts';

export interface FocusBarOptions {
  root: HTMLElement;
  maxHops: number;
  onHops(hops: number): void;
  onOpen(id: string): void;
  onClear(): void;
}

export interface FocusBar {
  /** shows the neighbourhood the map keeps to, or hides the line (null) */
  show(focus: { id: string; name: string; hops: number; shown: number; total: number } | null): void;
}

/** "1 step", "2 steps". */
export const stepsText = (hops: number): string => `${hops} step${hops === 1 ? '' : 's'}`;

/** How many of the neighbourhood the map shows: "57 people", or "500 of 2,013 people" when the node limit cuts it. */
export function neighbourhoodCount(shown: number, total: number): string {
  return shown < total ? `${formatCount(shown)} of ${formatCount(total)} people` : `${formatCount(total)} ${total === 1 ? 'person' : 'people'}`;
}

export function focusBar(opts: FocusBarOptions): FocusBar {
  const { root } = opts;
  root.hidden = true;
  return {
    show(focus) {
      root.hidden = focus === null;
      if (!focus) {
        root.replaceChildren();
        return;
      }
      const hops = segmented({
        className: 'focus-hops',
        label: 'Steps from them',
        key: 'hops',
        options: Array.from({ length: opts.maxHops }, (_, k) => ({
          value: String(k + 1),
          text: String(k + 1),
          title: `Everyone within ${stepsText(k + 1)} of ${focus.name}, either way`,
        })),
        value: String(focus.hops),
        onPick: (v) => opts.onHops(Number(v)),
      });
      const name = el('button', { class: 'link focus-name', text: focus.name, title: `Open ${focus.name}'s profile`, attrs: { type: 'button' } });
      name.addEventListener('click', () => opts.onOpen(focus.id));
      const clear = el('button', { class: 'icon-btn focus-clear', text: '×', title: 'Show everyone again', attrs: { type: 'button', 'aria-label': 'Show everyone again' } });
      clear.addEventListener('click', () => opts.onClear());
      root.replaceChildren(
        el('span', { class: 'focus-label', text: 'Neighbourhood of' }),
        name,
        el('span', { class: 'focus-label', text: 'within' }),
        hops.element,
        el('span', { class: 'focus-label', text: focus.hops === 1 ? 'step' : 'steps' }),
        el('span', { class: 'focus-count muted', text: `· ${neighbourhoodCount(focus.shown, focus.total)}` }),
        clear,
      );
    },
  };
}
