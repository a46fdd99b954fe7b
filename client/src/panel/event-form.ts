/**
 * Recording an event from a person's panel: what happened, when, of what kind, in which sector and through
 * which medium, for better or worse and how much, how fast its influence fades, who drove it and whom it
 * reached. Influence is made of events (DESIGN.md), so this is how a user adds influence where they see it,
 * without an import file. The form checks what it can before asking (a date, a driver, nobody on both sides);
 * the API's refusal is shown as is, and nothing is half-written: an event is one POST /api/events.
 */
import type { EventInput, FadeSpec, InfluenceEvent } from '../../../src/domain/model.ts';
import type { Api } from '../api.ts';
import { el, problemLine } from './dom.ts';
import { peopleField } from './people-field.ts';
import type { SearchHit, SearchOptions } from './search.ts';

/** How fast the event's influence fades: its kind's default (the server's configuration) or one of these. */
export const FADE_CHOICES: readonly { key: string; label: string; spec: FadeSpec | null }[] = [
  { key: 'kind', label: 'as its kind does', spec: null },
  { key: 'fast', label: 'fast, a fad (half-life 1 week)', spec: { model: 'exponential', halfLifeDays: 7 } },
  { key: 'steady', label: 'steadily (half-life 6 months)', spec: { model: 'exponential', halfLifeDays: 182 } },
  { key: 'lasting', label: 'slowly, lasting (long tail)', spec: { model: 'power', tauDays: 365, alpha: 0.5 } },
  { key: 'none', label: 'never', spec: { model: 'none' } },
];

export interface EventDraft {
  title: string;
  /** yyyy-mm-dd, as a date input gives it */
  date: string;
  kind: string;
  sector: string;
  medium: string;
  /** −1 (wholly negative) … 1 (wholly positive) */
  valence: number;
  /** as typed */
  magnitude: string;
  fade: string;
  drivers: readonly string[];
  reached: readonly string[];
}

/** "positive +0.6", "negative −0.4", "neutral": the sign of an event's effect, in words. */
export function valenceText(v: number): string {
  const r = Math.round(v * 10) / 10;
  if (r === 0) return 'neutral';
  return r > 0 ? `positive +${r.toFixed(1)}` : `negative −${Math.abs(r).toFixed(1)}`;
}

/** Today's date as a date input writes it (UTC, as the API stores times). */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** An id for a new event: unique enough for one person's clicks, readable in an export. */
export function newEventId(now: number, random: number): string {
  return `ev-${now.toString(36)}-${Math.floor(random * 36 ** 5).toString(36).padStart(5, '0')}`;
}

/**
 * What stops a draft being sent, in words (names through `nameOf`); null when nothing does. `today` bounds the
 * date: an event records what happened, and one dated later would stretch every timeline into the future.
 */
export function eventDraftProblem(d: EventDraft, today: string, nameOf: (id: string) => string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date) || Number.isNaN(Date.parse(d.date))) return 'A date is needed: when did it happen?';
  if (d.date > today) return `The date ${d.date} is after today: record what has happened.`;
  if (d.title.trim().length > 500) return `The title is ${d.title.trim().length} characters long; 500 at most.`;
  for (const [field, value] of [['kind', d.kind], ['sector', d.sector], ['medium', d.medium]] as const) {
    if (value.trim().length > 100) return `The ${field} is ${value.trim().length} characters long; 100 at most.`;
  }
  const magnitude = Number(d.magnitude.trim());
  if (d.magnitude.trim() === '' || !Number.isFinite(magnitude) || magnitude <= 0) return `The size is a number above 0${d.magnitude.trim() ? `, not “${d.magnitude.trim()}”` : ''}.`;
  if (d.drivers.length === 0) return 'Someone must have driven it: add who did.';
  const both = d.drivers.find((id) => d.reached.includes(id));
  if (both) return `${nameOf(both)} cannot both drive it and be reached by it.`;
  return null;
}

/** The body of POST /api/events for a checked draft; blank text fields take the API's defaults. */
export function eventFromDraft(d: EventDraft, id: string): EventInput {
  const text = (s: string) => (s.trim() === '' ? undefined : s.trim());
  return {
    id,
    title: d.title.trim(),
    at: d.date,
    kind: text(d.kind),
    sector: text(d.sector),
    medium: text(d.medium),
    valence: Math.max(-1, Math.min(1, Math.round(d.valence * 100) / 100)),
    magnitude: Number(d.magnitude.trim()),
    fade: FADE_CHOICES.find((c) => c.key === d.fade)?.spec ?? null,
    drivers: d.drivers.map((person) => ({ person })),
    reached: d.reached.map((person) => ({ person })),
  };
}

export interface EventFormOptions {
  api: Pick<Api, 'createEvent'>;
  person: { id: string; name: string; sectors: readonly string[] };
  /** the labels in use, offered as suggestions */
  known: { kinds: readonly string[]; sectors: readonly string[]; media: readonly string[] };
  find: Pick<SearchOptions, 'local' | 'remote'>;
  /** now, in ms (the date's default and bound) */
  now: number;
  onSaved(event: InfluenceEvent): void;
  onCancel(): void;
}

let forms = 0;

export function eventForm(opts: EventFormOptions): { element: HTMLElement; focus(): void; unsaved(): boolean } {
  const n = ++forms;
  const { person } = opts;
  const today = isoDay(opts.now);
  const names = new Map<string, string>([[person.id, person.name]]);
  const input = (label: string, attrs: Record<string, string | number>) => el('input', { class: 'text-input', attrs: { type: 'text', autocomplete: 'off', 'aria-label': label, ...attrs } });
  const datalist = (id: string, values: readonly string[]) => el('datalist', { attrs: { id } }, values.map((v) => el('option', { attrs: { value: v } })));
  const title = input('Title', { placeholder: 'e.g. “Keynote at the regional summit”', maxlength: 500 });
  const date = input('Date', { type: 'date', max: today, value: today });
  date.value = today;
  const kind = input('Kind', { list: `event-kinds-${n}`, placeholder: 'talk, post, deal…', maxlength: 100 });
  const sector = input('Sector', { list: `event-sectors-${n}`, maxlength: 100 });
  sector.value = person.sectors[0] ?? '';
  const medium = input('Medium', { list: `event-media-${n}`, placeholder: 'social, press…', maxlength: 100 });
  const valence = el('input', { class: 'valence-input', attrs: { type: 'range', min: -1, max: 1, step: 0.1, value: 0, 'aria-label': 'Effect: negative to positive' } });
  valence.value = '0';
  const valenceOut = el('output', { class: 'valence-text', text: valenceText(0) });
  const magnitude = input('Size', { inputmode: 'decimal', value: '1' });
  magnitude.classList.add('magnitude-input');
  magnitude.value = '1';
  const fade = el('select', { class: 'fade-select', attrs: { 'aria-label': 'Fades' } }, FADE_CHOICES.map((c) => new Option(c.label, c.key)));
  const onChange = () => problem.show(null);
  const onPick = (hit: SearchHit) => names.set(hit.id, hit.name);
  const drivers = peopleField({ label: 'Driven by', initial: [person], find: opts.find, listId: `event-drivers-${n}`, onChange, onPick });
  const reached = peopleField({ label: 'Reached', initial: [], find: opts.find, listId: `event-reached-${n}`, onChange, onPick });
  const problem = problemLine();
  const save = el('button', { class: 'btn btn-small btn-primary', text: 'Record', attrs: { type: 'submit' } });
  const cancel = el('button', { class: 'btn btn-small btn-ghost', text: 'Cancel', attrs: { type: 'button' } });
  const field = (label: string, control: HTMLElement) => el('label', { class: 'field' }, [el('span', { text: label }), control]);
  const form = el('form', { class: 'event-form', attrs: { 'aria-label': `Record an event of ${person.name}`, novalidate: true } }, [
    field('What happened', title),
    el('div', { class: 'field-row' }, [field('Date', date), field('Kind', kind)]),
    el('div', { class: 'field-row' }, [field('Sector', sector), field('Medium', medium)]),
    el('div', { class: 'field-row' }, [
      el('label', { class: 'field valence-field' }, [el('span', {}, ['Effect: ', valenceOut]), valence]),
      field('Size (1 is usual)', magnitude),
    ]),
    field('Its influence fades', fade),
    drivers.element,
    reached.element,
    el('p', { class: 'muted small', text: 'Influence flows from those who drove it to those it reached; with nobody reached it is a broadcast, counted in its drivers’ activity.' }),
    problem.element,
    el('div', { class: 'suggestion-actions' }, [save, cancel]),
    datalist(`event-kinds-${n}`, opts.known.kinds),
    datalist(`event-sectors-${n}`, opts.known.sectors),
    datalist(`event-media-${n}`, opts.known.media),
  ]);
  let saving = false;

  valence.addEventListener('input', () => {
    valenceOut.textContent = valenceText(Number(valence.value));
    valenceOut.className = `valence-text ${Number(valence.value) > 0 ? 'pos' : Number(valence.value) < 0 ? 'neg' : ''}`;
  });
  for (const x of [title, date, kind, sector, medium, magnitude]) x.addEventListener('input', onChange);

  const draft = (): EventDraft => ({
    title: title.value,
    date: date.value,
    kind: kind.value,
    sector: sector.value,
    medium: medium.value,
    valence: Number(valence.value),
    magnitude: magnitude.value,
    fade: fade.value,
    drivers: drivers.ids(),
    reached: reached.ids(),
  });

  async function submit(): Promise<void> {
    if (saving) return;
    const d = draft();
    const why = eventDraftProblem(d, today, (id) => names.get(id) ?? id);
    if (why) {
      problem.show(why);
      return;
    }
    saving = true;
    save.disabled = cancel.disabled = true;
    save.textContent = 'Recording…';
    problem.show(null);
    try {
      opts.onSaved(await opts.api.createEvent(eventFromDraft(d, newEventId(Date.now(), Math.random()))));
    } catch (err) {
      problem.show(err);
      saving = false;
      save.disabled = cancel.disabled = false;
      save.textContent = 'Record';
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit();
  });
  cancel.addEventListener('click', () => opts.onCancel());
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || saving) return;
    // a name search's own Escape closes its list first
    if ((e.target as HTMLElement).getAttribute('aria-expanded') === 'true') return;
    e.preventDefault();
    e.stopPropagation(); // the page's Escape would close the panel
    opts.onCancel();
  });
  // anything changed from the form as it opened is work the user would lose
  const opened = JSON.stringify(draft());
  return { element: form, focus: () => title.focus(), unsaved: () => !saving && JSON.stringify(draft()) !== opened };
}

/** "Ana drove it", "reached Ana": how an event concerns one person, for its row. */
export function eventRole(e: Pick<InfluenceEvent, 'drivers' | 'reached'>, person: string): 'drove' | 'reached' | 'both' | 'none' {
  const drove = e.drivers.some((d) => d.person === person);
  const reached = e.reached.some((r) => r.person === person);
  return drove && reached ? 'both' : drove ? 'drove' : reached ? 'reached' : 'none';
}
