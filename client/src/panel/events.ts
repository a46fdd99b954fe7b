/**
 * "Events" in a person's panel: what their influence is made of, the events they drove, and those that reached
 * them (GET /api/events?person=&role=, newest first), eight at a time. Each row says when (a click moves the
 * map's time there), what, of what kind, through which medium, for better or worse, and who drove it or how many
 * it reached. "Record an event" opens the form (event-form.ts); × deletes an event, with Undo. After a change the
 * influence everywhere is out of date, which `onChanged` says.
 */
import type { EventRole, InfluenceEvent } from '../../../src/domain/model.ts';
import type { Api } from '../api.ts';
import { clear, el, firstName, formatDate, listInWords } from './dom.ts';
import { eventForm, eventRole, valenceText, type EventFormOptions } from './event-form.ts';
import type { SearchOptions } from './search.ts';
import { nameBook, sidedList, statusLine } from './sided-list.ts';

/** Rows shown at first, and added by each "Show more". */
export const EVENTS_PAGE = 8;

/** "talk · in-person · technology": an event's kind, medium and sector, leaving out the API's placeholders. */
export function eventFacts(e: Pick<InfluenceEvent, 'kind' | 'medium' | 'sector'>): string {
  return [e.kind, e.medium === 'unspecified' ? null : e.medium, e.sector === 'general' ? null : e.sector].filter(Boolean).join(' · ');
}

/**
 * Who else was in it, in words: for an event the person drove, "with Omar Haddad · reached 12 people" or
 * "reached 1 person" or "a broadcast" (reached nobody); for one that reached them, "by Ada Lindqvist and Omar
 * Haddad". Names go through `nameOf`; past three, "A, B and 4 others".
 */
export function eventWho(e: Pick<InfluenceEvent, 'drivers' | 'reached'>, person: string, nameOf: (id: string) => string): string {
  const others = e.drivers.filter((d) => d.person !== person).map((d) => nameOf(d.person));
  const named = others.length > 3 ? [...others.slice(0, 2), `${others.length - 2} others`] : others;
  if (eventRole(e, person) === 'reached') return `by ${listInWords(named)}`;
  const reached = e.reached.filter((r) => r.person !== person).length;
  const reach = reached === 0 ? 'a broadcast' : `reached ${reached.toLocaleString('en')} ${reached === 1 ? 'person' : 'people'}`;
  return named.length > 0 ? `with ${listInWords(named)} · ${reach}` : reach;
}

type Side = Exclude<EventRole, 'any'>;

export interface EventsOptions {
  api: Pick<Api, 'events' | 'createEvent' | 'deleteEvent' | 'person'>;
  person: { id: string; name: string; sectors: readonly string[] };
  signal: AbortSignal;
  known: EventFormOptions['known'];
  /** a name the map already has (others are asked of the API) */
  nameOf(id: string): string | null;
  /** the page's people search (without it, no event can be recorded here) */
  findPeople?: Pick<SearchOptions, 'local' | 'remote'>;
  /** moves the map's time to this moment */
  onSeekTime(ms: number): void;
  /** an event was recorded, deleted or restored: influence is out of date */
  onChanged(): void;
  /** now, in ms (for the form's date) */
  now(): number;
}

/**
 * The section's body, its "+ Record an event" button (for the section's heading), and whether an event being
 * recorded would be lost.
 */
export function eventsSection(opts: EventsOptions): { element: HTMLElement; record: HTMLElement; unsaved(): boolean } {
  const { api, person, signal } = opts;
  const me = firstName(person.name);
  const names = nameBook(api, opts.nameOf, [person]);
  const status = statusLine('event-status');
  const lists = sidedList<Side, InfluenceEvent>({
    sides: ['drove', 'reached'],
    initial: 'drove',
    label: (s, n) => `${s === 'drove' ? 'Drove' : 'Reached by'}${n === null ? '' : ` (${n.toLocaleString('en')})`}`,
    title: (s) => (s === 'drove' ? `What ${me} did: the influence they exert` : `What reached ${me}: the influence on them`),
    name: 'Which events',
    className: 'event',
    pageSize: EVENTS_PAGE,
    signal,
    fetch: (s, limit, sig) => api.events(person.id, { role: s, limit, offset: 0 }, sig),
    // only the drivers' names are shown (those reached are counted)
    prepare: (events, _s, sig) => names.learn(events.flatMap((e) => e.drivers.slice(0, 3).map((d) => d.person)), sig),
    row: (e) => row(e),
    empty: (s) => (s === 'drove' ? `${me} drove no event on record.` : `No event on record reached ${me}.`),
  });
  const record = el('button', { class: 'btn btn-small btn-ghost record-event', text: '+ Record an event', title: `Record something ${me} did or was reached by`, attrs: { type: 'button' } });
  const formSlot = el('div');
  let form: ReturnType<typeof eventForm> | null = null;
  record.hidden = !opts.findPeople;
  const element = el('div', { class: 'events-section' }, [lists.switcher, formSlot, status.element, lists.list]);

  record.addEventListener('click', () => {
    if (!opts.findPeople || formSlot.firstChild) return;
    form = eventForm({
      api,
      person,
      known: opts.known,
      find: opts.findPeople,
      now: opts.now(),
      onSaved: (event) => {
        clear(formSlot);
        record.hidden = false;
        status.say(`Recorded: ${event.title || event.kind} on ${formatDate(Date.parse(event.at))}.`);
        // show the list the new event is in
        const role = eventRole(event, person.id);
        if ((role === 'drove' || role === 'reached') && role !== lists.side()) lists.setSide(role);
        changed();
      },
      onCancel: () => {
        clear(formSlot);
        record.hidden = false;
        record.focus();
      },
    });
    record.hidden = true;
    formSlot.append(form.element);
    form.focus();
  });

  function row(e: InfluenceEvent): HTMLElement {
    const at = Date.parse(e.at);
    const when = el('button', { class: 'link event-date', text: formatDate(at), title: 'Show the map on this day', attrs: { type: 'button' } });
    when.addEventListener('click', () => opts.onSeekTime(at));
    const sign = Math.round(e.valence * 10);
    const label = e.title || e.kind;
    const remove = el('button', { class: 'icon-btn event-delete', text: '×', title: 'Delete this event', attrs: { type: 'button', 'aria-label': `Delete “${label}”` } });
    remove.addEventListener('click', () => void erase(e, remove));
    return el('div', { class: 'event-row', attrs: { 'data-event': e.id } }, [
      when,
      el('div', { class: 'event-main' }, [
        el('span', { class: 'event-title', text: label }),
        el('span', { class: 'event-facts muted small', text: [eventFacts(e), eventWho(e, person.id, names.nameOf)].filter(Boolean).join(' · ') }),
      ]),
      el('span', { class: `valence-pill ${sign > 0 ? 'pos' : sign < 0 ? 'neg' : ''}`, text: sign === 0 ? '±0' : valenceText(e.valence).split(' ')[1]!, title: `${valenceText(e.valence)}; size ${e.magnitude}` }),
      remove,
    ]);
  }

  async function erase(e: InfluenceEvent, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      await api.deleteEvent(e.id);
    } catch (err) {
      button.disabled = false;
      status.say(err instanceof Error ? err.message : String(err), true);
      return;
    }
    const label = e.title || e.kind;
    const undo = el('button', { class: 'link', text: 'Undo', attrs: { type: 'button' } });
    undo.addEventListener('click', async () => {
      undo.disabled = true;
      try {
        // the event as it was, under its own id
        await api.createEvent(e);
      } catch (err) {
        status.say(err instanceof Error ? err.message : String(err), true);
        return;
      }
      status.say(`Restored: ${label}.`);
      changed();
    });
    status.say(`Deleted: ${label}. `, false, undo);
    changed();
  }

  /** After a change: the counts and the list again, and influence everywhere (the page's part). */
  function changed(): void {
    lists.reload();
    opts.onChanged();
  }

  return { element, record, unsaved: () => form !== null && form.element.isConnected && form.unsaved() };
}
