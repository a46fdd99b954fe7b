/**
 * A tiny DOM builder. Text always goes in through `textContent` / text nodes: names and every other string
 * from the database are never parsed as HTML.
 */
type Child = Node | string | number | null | undefined | false;

export interface ElementProps {
  class?: string;
  text?: string | number;
  title?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  style?: Partial<Record<string, string>>;
  on?: Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = String(props.text);
  if (props.title) node.title = props.title;
  if (props.attrs) {
    for (const [k, v] of Object.entries(props.attrs)) {
      if (v === null || v === undefined || v === false) continue;
      node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  if (props.style) for (const [k, v] of Object.entries(props.style)) if (v !== undefined) node.style.setProperty(k, v);
  if (props.on) for (const [k, fn] of Object.entries(props.on)) if (fn) node.addEventListener(k, fn);
  append(node, children);
  return node;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function clear(node: Element): void {
  node.replaceChildren();
}

/** A "Loading…" line for a section waiting for the API. */
export function loading(text = 'Loading…'): HTMLElement {
  return el('p', { class: 'muted small loading', text });
}

/** An error's message (the API's, which names the problem) as a line in place of what failed to load. */
export function errorText(err: unknown): HTMLElement {
  return el('p', { class: 'error small', text: err instanceof Error ? err.message : String(err) });
}

/**
 * A form's problem line, hidden until there is one: `show` takes a message, an error (its message: the API's,
 * which names the problem) or null to hide it again.
 */
export function problemLine(): { element: HTMLElement; show(problem: unknown): void } {
  const element = el('p', { class: 'error small', attrs: { role: 'alert' } });
  element.hidden = true;
  return {
    element,
    show(problem) {
      element.textContent = problem === null ? '' : problem instanceof Error ? problem.message : String(problem);
      element.hidden = problem === null;
    },
  };
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`client: element #${id} is missing from index.html`);
  return node as T;
}

/** A count, in full: 57 → "57", 82168 → "82,168". */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** Compact number: 0.0123 → "0.012", 1234 → "1.2k". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${(value / 1e3).toFixed(0)}k`;
  if (abs >= 1e3) return `${(value / 1e3).toFixed(1)}k`;
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 1) return value.toFixed(1);
  if (abs >= 0.01) return value.toFixed(3);
  return value.toExponential(1);
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export function formatMonth(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export function formatDays(days: number | null): string {
  if (days === null || !Number.isFinite(days)) return '–';
  if (days >= 730) return `${(days / 365).toFixed(1)} years`;
  if (days >= 60) return `${Math.round(days / 30.4)} months`;
  if (days >= 14) return `${Math.round(days / 7)} weeks`;
  const whole = Math.round(days);
  if (whole === 0) return 'less than a day';
  return `${whole} day${whole === 1 ? '' : 's'}`;
}

/**
 * "Show 8 more of 36": the button under a list that shows `shown` of `total`, asking for up to `pageSize` more.
 * It disables itself once clicked (the list is drawn again with the next page).
 */
export function showMoreButton(shown: number, total: number, pageSize: number, onClick: () => void): HTMLButtonElement {
  const more = el('button', { class: 'btn btn-small btn-ghost show-more', text: `Show ${Math.min(pageSize, total - shown)} more of ${total.toLocaleString('en')}`, attrs: { type: 'button' } });
  more.addEventListener('click', () => {
    more.disabled = true;
    onClick();
  });
  return more;
}

/** "a, b and c" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function firstName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length > 1 && /^(prof(essor)?|dr|mr|mrs|ms|sir|dame)\.?$/i.test(parts[0]!)) return parts[1]!;
  return parts[0] ?? name;
}

/** The browser's localStorage, or null where it is refused (private mode, a policy). */
export function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** A segmented switch: a row of buttons of which one is pressed. */
export interface Segmented<T extends string> {
  element: HTMLElement;
  /** presses the button of `value` (without calling onPick) */
  set(value: T): void;
}

/**
 * A segmented switch (`.segmented`, a group named `label`): one button per option, `data-KEY` holding its value;
 * a click on another than the one pressed presses it and calls `onPick`.
 */
export function segmented<T extends string>(opts: {
  className: string;
  label: string;
  /** the name of each button's data attribute (`data-by`, `data-view`…) */
  key: string;
  options: readonly { value: T; text: string; title?: string }[];
  value: T;
  onPick(value: T): void;
}): Segmented<T> {
  let current = opts.value;
  const buttons = opts.options.map((o) =>
    el('button', { text: o.text, title: o.title, attrs: { type: 'button', [`data-${opts.key}`]: o.value, 'aria-pressed': String(o.value === current) } }),
  );
  const set = (value: T) => {
    current = value;
    buttons.forEach((b, k) => b.setAttribute('aria-pressed', String(opts.options[k]!.value === value)));
  };
  buttons.forEach((b, k) =>
    b.addEventListener('click', () => {
      const value = opts.options[k]!.value;
      if (value === current) return;
      set(value);
      opts.onPick(value);
    }),
  );
  return { element: el('div', { class: `segmented ${opts.className}`, attrs: { role: 'group', 'aria-label': opts.label } }, buttons), set };
}
