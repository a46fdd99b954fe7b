/**
 * A person's introductions, newest first: who introduced whom, when, and what came of it, with controls that
 * record the outcome, its value and a note through the API (PATCH /api/introductions/:id). Outcomes are what
 * the introducer's record is made of (a smoothed success rate, DESIGN.md "Influence by introduction"), and a
 * closed introduction lets the pair be suggested again.
 */
import type { Introduction, IntroductionPatch, IntroductionStatus, Page } from '../../../src/domain/model.ts';
import { closedIntroductionStatuses, NOTE_MAX_LENGTH, openIntroductionStatuses } from '../../../src/domain/constants.ts';
import { ApiError, type Api } from '../api.ts';
import { el, firstName, formatDate, formatDays, formatNumber, showMoreButton } from './dom.ts';

/** The counted successes to one decimal ("0", "26.4"), or null when they all count (within 0.05). */
export function countedText(r: { succeeded: number; counted: number }): string | null {
  if (r.succeeded === 0 || r.succeeded - r.counted < 0.05) return null;
  return r.counted < 0.05 ? '0' : r.counted.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/**
 * Said when an introducer's successes count for less than their number: a success counts as far as people
 * outside the introducer's own introductions vouch for both people introduced (engine/introductions/vouching.ts),
 * so successes recorded among people nobody else knows do not raise the record. Null when all count.
 */
export function vouchingText(name: string, r: { succeeded: number; counted: number }): string | null {
  const counted = countedText(r);
  if (counted === null) return null;
  const who = counted === '0' ? 'the people introduced are' : 'some of the people introduced are';
  return `Counted as ${counted} of ${r.succeeded} succeeded: ${who} vouched for by nobody outside ${name}'s own introductions.`;
}

/** Every status, in the order an introduction goes through them, with the words shown for it. */
export const STATUS_LABELS: Record<IntroductionStatus, string> = {
  suggested: 'Suggested',
  made: 'Made',
  accepted: 'Accepted',
  declined: 'Declined',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

export interface IntroductionHistoryOptions {
  api: Api;
  /** the person whose panel this is */
  viewer: string;
  /** display names by id (people missing from it show their id) */
  names: ReadonlyMap<string, string>;
  onSelectPerson(id: string): void;
  /** after an outcome was saved */
  onOutcome?(): void;
  /** epoch ms: an open introduction (made or accepted) says how long it has waited for an outcome, a request how long to be made */
  now?: number;
  /** asks for the next page (without it, a longer history says how much is shown) */
  onMore?: { pageSize: number; show(): void };
}

/**
 * "no outcome after 5 months", for an introduction made or accepted at `at` (ms) and still open at `now`; "not
 * made after 5 weeks" for a request (suggested) not made yet.
 */
export function waitingText(intro: Pick<Introduction, 'status' | 'at'>, now: number): string | null {
  const request = intro.status === 'suggested';
  if (!request && !openIntroductionStatuses.includes(intro.status)) return null;
  const days = (now - Date.parse(intro.at)) / 86_400_000;
  if (days < 1) return null;
  return request ? `not made after ${formatDays(days)}` : `no outcome after ${formatDays(days)}`;
}

/**
 * "succeeded on 20 Apr 2024, 5 weeks later" for a closed introduction whose outcome is dated ("declined on …",
 * "failed on …"; without "later" when it came the same day); null while open or when the date is not known.
 */
export function outcomeText(intro: Pick<Introduction, 'status' | 'at' | 'outcomeAt'>): string | null {
  if (intro.outcomeAt === null || !closedIntroductionStatuses.includes(intro.status)) return null;
  const when = Date.parse(intro.outcomeAt);
  const days = (when - Date.parse(intro.at)) / 86_400_000;
  const on = `${STATUS_LABELS[intro.status].toLowerCase()} on ${formatDate(when)}`;
  return days < 1 ? on : `${on}, ${formatDays(days)} later`;
}

/**
 * "Introduced to Nia by Helena", "Introduced Rasin and Nia", "Helena introduced Rasin and Nia" (for the viewer); a
 * request not made yet (suggested) reads as still to come: "To be introduced to Nia by Helena", "To introduce Rasin
 * and Nia", "Helena to introduce Rasin and Nia".
 */
export function describeIntroduction(
  intro: Pick<Introduction, 'introducer' | 'a' | 'b'> & Partial<Pick<Introduction, 'status'>>,
  viewer: string,
  names: ReadonlyMap<string, string>,
): string {
  const name = (id: string) => firstName(names.get(id) ?? id);
  const request = intro.status === 'suggested';
  if (viewer === intro.introducer) return `${request ? 'To introduce' : 'Introduced'} ${name(intro.a)} and ${name(intro.b)}`;
  const other = viewer === intro.a ? intro.b : viewer === intro.b ? intro.a : null;
  if (other !== null) return `${request ? 'To be introduced' : 'Introduced'} to ${name(other)} by ${name(intro.introducer)}`;
  return `${name(intro.introducer)} ${request ? 'to introduce' : 'introduced'} ${name(intro.a)} and ${name(intro.b)}`;
}

/**
 * Display names of everyone in some introductions: from the map where it has them (`nameOf`), else from the API
 * (people it cannot find keep no name, and show their id).
 */
export async function introductionNames(
  intros: readonly Pick<Introduction, 'introducer' | 'a' | 'b'>[],
  nameOf: (id: string) => string | null,
  api: Pick<Api, 'person'>,
  signal?: AbortSignal,
  into: Map<string, string> = new Map(),
): Promise<Map<string, string>> {
  const missing = new Set<string>();
  for (const intro of intros) {
    for (const p of [intro.introducer, intro.a, intro.b]) {
      if (into.has(p)) continue;
      const name = nameOf(p);
      if (name !== null) into.set(p, name);
      else missing.add(p);
    }
  }
  const found = await Promise.all([...missing].map((p) => api.person(p, signal).catch(() => null)));
  for (const p of found) if (p) into.set(p.id, p.name);
  return into;
}

export function introductionHistory(page: Page<Introduction>, opts: IntroductionHistoryOptions): HTMLElement {
  if (page.items.length === 0) return el('p', { class: 'muted small', text: 'No introductions recorded yet.' });
  const rows = page.items.map((intro) => introductionRow(intro, opts));
  const rest = page.total - page.items.length;
  let more: HTMLElement | null = null;
  if (rest > 0 && opts.onMore) more = showMoreButton(page.items.length, page.total, opts.onMore.pageSize, opts.onMore.show);
  else if (rest > 0) more = el('p', { class: 'muted small', text: `The latest ${page.items.length} of ${page.total}.` });
  return el('div', {}, [el('ol', { class: 'introductions' }, rows), more]);
}

/** One introduction with its outcome controls; `viewer` '' (nobody's panel) names all three people. */
export function introductionRow(intro: Introduction, opts: IntroductionHistoryOptions): HTMLElement {
  const title = describeIntroduction(intro, opts.viewer, opts.names);
  const status = el('p', { class: 'record-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const select = el(
    'select',
    { class: 'status-select', attrs: { 'aria-label': `Outcome of: ${title}` } },
    (Object.keys(STATUS_LABELS) as IntroductionStatus[]).map((s) => el('option', { text: STATUS_LABELS[s], attrs: { value: s, selected: s === intro.status } })),
  );
  // What the introduction was worth (money, deals, hires…): credited to the introducer when it succeeded.
  const value = el('input', {
    class: 'value-input',
    title: 'What it was worth, credited to the introducer when it succeeded (empty: none)',
    attrs: { type: 'number', step: 'any', placeholder: 'value', 'aria-label': `Value of: ${title}`, value: intro.value ?? '' },
  });
  let saved: Introduction = intro;
  const controls: { disabled: boolean }[] = [select, value];
  /**
   * Sends one change; on success the row shows what was saved, on error the API's message and the saved values.
   * Resolves to whether it was saved.
   */
  const save = async (patch: IntroductionPatch, said: (i: Introduction) => string): Promise<boolean> => {
    for (const c of controls) c.disabled = true;
    status.className = 'record-status';
    status.textContent = 'Saving…';
    try {
      saved = await opts.api.updateIntroduction(intro.id, patch);
      row.dataset.status = saved.status;
      const words = describeIntroduction(saved, opts.viewer, opts.names);
      heading.textContent = words;
      select.setAttribute('aria-label', `Outcome of: ${words}`);
      value.setAttribute('aria-label', `Value of: ${words}`);
      facts.textContent = factsOf(saved);
      if (!row.querySelector('.outcome-date-editor')) showDateButton(saved);
      status.className = 'record-status ok';
      status.textContent = `Saved: ${said(saved)}.`;
      opts.onOutcome?.();
      return true;
    } catch (err) {
      status.className = 'record-status error';
      status.textContent = err instanceof ApiError ? err.message : `Could not save it: ${(err as Error).message}`;
      return false;
    } finally {
      select.value = saved.status;
      value.value = saved.value === null ? '' : String(saved.value);
      for (const c of controls) c.disabled = false;
    }
  };
  select.addEventListener('change', () => void save({ status: select.value as IntroductionStatus }, (i) => STATUS_LABELS[i.status].toLowerCase()));
  value.addEventListener('change', () => {
    const v = value.value.trim() === '' ? null : value.valueAsNumber;
    if (v !== null && !Number.isFinite(v)) {
      status.className = 'record-status error';
      status.textContent = 'The value must be a number (or empty for none).';
      return;
    }
    void save({ value: v }, (i) => (i.value === null ? 'no value' : `value ${formatNumber(i.value)}`));
  });
  const people = [intro.introducer, intro.a, intro.b].filter((id) => id !== opts.viewer);
  const links = people.map((id) => {
    const link = el('button', { class: 'link', text: opts.names.get(id) ?? id, attrs: { type: 'button' } });
    link.addEventListener('click', () => opts.onSelectPerson(id));
    return link;
  });
  /** when, how long it has waited (while open) or when its outcome came, and the note */
  const factsOf = (i: Introduction) =>
    [formatDate(Date.parse(i.at)), opts.now === undefined ? null : waitingText(i, opts.now), outcomeText(i), i.note || null]
      .filter((x): x is string => x !== null)
      .join(' · ');
  const facts = el('p', { class: 'muted small introduction-facts', text: factsOf(intro) });
  // the note: what was said, what came of it in words; edited in place (Enter saves, Escape leaves it as it was)
  const noteLabel = (i: Introduction) => (i.note ? 'Edit note' : 'Add a note');
  const noteButton = el('button', { class: 'link small note-edit', text: noteLabel(intro), attrs: { type: 'button' } });
  noteButton.addEventListener('click', () => {
    const field = el('textarea', { class: 'text-area note-input', attrs: { rows: 2, maxlength: NOTE_MAX_LENGTH, 'aria-label': `Note on: ${title}` } });
    field.value = saved.note;
    editInPlace({ row, before: status, button: noteButton, field, className: 'note-editor', saveText: 'Save note', controls }, {
      submit: () => save({ note: field.value.trim() }, (i) => (i.note ? 'note' : 'no note')),
      onClose: () => {
        noteButton.textContent = noteLabel(saved);
        noteButton.hidden = false;
      },
    });
  });
  // the outcome's date: set by the server when the status closes; changed here when it came on another day
  const dateLabel = (i: Introduction) => (i.outcomeAt ? 'Change outcome date' : 'Date the outcome');
  const dateButton = el('button', { class: 'link small outcome-date-edit', text: dateLabel(intro), attrs: { type: 'button' } });
  const showDateButton = (i: Introduction) => {
    dateButton.textContent = dateLabel(i);
    dateButton.hidden = !closedIntroductionStatuses.includes(i.status);
  };
  showDateButton(intro);
  dateButton.addEventListener('click', () => {
    const field = el('input', {
      class: 'date-input outcome-date-input',
      attrs: { type: 'date', 'aria-label': `Outcome date of: ${title}`, min: saved.at.slice(0, 10), max: new Date().toISOString().slice(0, 10) },
    });
    field.value = saved.outcomeAt ? saved.outcomeAt.slice(0, 10) : '';
    editInPlace({ row, before: status, button: dateButton, field, className: 'note-editor outcome-date-editor', saveText: 'Save date', controls }, {
      submit: async () => {
        // a day as typed, at noon UTC unless it is the day the introduction was made (then its own time)
        const day = field.value;
        if (day !== '' && day < saved.at.slice(0, 10)) {
          status.className = 'record-status error';
          status.textContent = `The outcome cannot come before the introduction was made (${formatDate(Date.parse(saved.at))}).`;
          return false;
        }
        const outcomeAt = day === '' ? null : day === saved.at.slice(0, 10) ? saved.at : `${day}T12:00:00.000Z`;
        return save({ outcomeAt }, (i) => (i.outcomeAt ? `outcome on ${formatDate(Date.parse(i.outcomeAt))}` : 'outcome date not known'));
      },
      onClose: () => showDateButton(saved),
    });
  });
  const heading = el('span', { class: 'introduction-title', text: title });
  const row = el('li', { class: 'introduction', attrs: { 'data-id': intro.id, 'data-status': intro.status } }, [
    el('div', { class: 'introduction-head' }, [heading, el('span', { class: 'introduction-controls' }, [value, select])]),
    el('div', { class: 'introduction-people' }, links.flatMap((l, k) => (k === 0 ? [l] : [' · ', l]))),
    facts,
    el('div', { class: 'introduction-edits' }, [noteButton, dateButton]),
    status,
  ]);
  return row;
}

/**
 * An editor in place of `button`, before `before` in `row`: `field` with Save and Cancel. Enter saves (Shift+Enter
 * is a new line in a text area), Escape and Cancel close it as it was. While `submit` runs, the editor's controls
 * join `controls` (disabled with the row's); when it resolves true the editor closes.
 */
interface InPlace {
  row: HTMLElement;
  before: HTMLElement;
  button: HTMLElement;
  field: HTMLInputElement | HTMLTextAreaElement;
  className: string;
  saveText: string;
  controls: { disabled: boolean }[];
}

function editInPlace(at: InPlace, on: { submit: () => Promise<boolean>; onClose: () => void }): void {
  const { row, before, button, field, controls } = at;
  const ok = el('button', { class: 'btn btn-small', text: at.saveText, attrs: { type: 'button' } });
  const cancel = el('button', { class: 'btn btn-small btn-ghost', text: 'Cancel', attrs: { type: 'button' } });
  const editor = el('div', { class: at.className }, [field, el('div', { class: 'suggestion-actions' }, [ok, cancel])]);
  const close = () => {
    editor.remove();
    on.onClose();
    button.focus();
  };
  const submit = async () => {
    controls.push(field, ok, cancel);
    const done = await on.submit();
    controls.splice(controls.indexOf(field), 3);
    if (done) close();
  };
  ok.addEventListener('click', () => void submit());
  cancel.addEventListener('click', close);
  (field as HTMLElement).addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Enter' && !(e.shiftKey && field instanceof HTMLTextAreaElement)) {
      e.preventDefault();
      void submit();
    }
  });
  button.hidden = true;
  row.insertBefore(editor, before);
  field.focus();
}
