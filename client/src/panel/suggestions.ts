/**
 * Suggested introductions in plain words ("Omar offers funding, which Ana seeks"), for a person to meet someone
 * or for an introducer to bring two people together, each with the trust both sides place in the introducer, a
 * button that records the introduction through the API (its outcome is then set in the panel's list of
 * introductions, introductions.ts), and the message to send drafted from the reasons (compose.ts), to edit, copy
 * or open in an email app.
 */
import type { Suggestion } from '../../../src/api/contract.ts';
import { ApiError, type Api } from '../api.ts';
import { introductionDraft, introductionNote, mailtoHref, type IntroductionDraft } from './compose.ts';
import { el, firstName, formatDays, listInWords } from './dom.ts';
import { countedText } from './introductions.ts';

export interface ExplainedSuggestion {
  /** the person to meet (the other side when the selected person is a or b) */
  headline: string;
  via: string;
  reasons: string[];
  trust: { who: string; value: number }[];
}

function percent(v: number): string {
  return `${Math.round(Math.max(0, Math.min(1, v)) * 100)}%`;
}

/**
 * A suggestion's score (in [0, 1): strength / (1 + strength)) with two decimals, rounded down: a strong suggestion reads
 * 0.99, never 1, which would claim a certainty no score has.
 */
export function formatSuggestionScore(score: number): string {
  const clamped = Math.max(0, Math.min(0.99, Math.floor(score * 100 + 1e-9) / 100));
  return clamped.toFixed(2);
}

const SCORE_TITLE = 'Suggestion score, 0 to 1: how strongly trusted common ties, complementary needs and shared sectors point to this introduction';

/**
 * "Helena was in touch with Ana 3 days and with Omar 5 weeks before the latest activity on record" (the
 * suggestions' now is the data's latest time, so imported old data reads sensibly); null when nothing is dated.
 */
function inTouch(introducer: string, sides: [string, number | null][]): string | null {
  const dated = sides.filter((x): x is [string, number] => x[1] !== null && Number.isFinite(x[1]));
  if (dated.length === 0) return null;
  const parts = dated.map(([who, days]) => `with ${who} ${formatDays(Math.max(0, days))}`);
  const undated = sides.filter((x) => !dated.includes(x as [string, number])).map(([who]) => who);
  return `${introducer} was in touch ${parts.join(' and ')} before the latest activity on record${undated.length ? ` (no date for ${listInWords(undated)})` : ''}`;
}

/** Turns a suggestion's reasons into sentences, from the point of view of `viewer` when it is a or b. */
export function explainSuggestion(s: Suggestion, viewer: string | null): ExplainedSuggestion {
  const r = s.reasons;
  const a = firstName(s.a.name);
  const b = firstName(s.b.name);
  const i = firstName(s.introducer.name);
  const reasons: string[] = [];
  if (r.bOffersASeeks?.length) reasons.push(`${b} offers ${listInWords(r.bOffersASeeks)}, which ${a} seeks`);
  if (r.aOffersBSeeks?.length) reasons.push(`${a} offers ${listInWords(r.aOffersBSeeks)}, which ${b} seeks`);
  if (r.sharedSectors?.length) reasons.push(`Both are active in ${listInWords(r.sharedSectors)}`);
  if (r.commonTies > 0) {
    const weights = Number.isFinite(r.adamicAdar) ? ` (weighted: Adamic-Adar ${r.adamicAdar.toFixed(2)}, resource allocation ${r.resourceAllocation.toFixed(2)})` : '';
    reasons.push(`${r.commonTies} ${r.commonTies === 1 ? 'person' : 'people'} in common${weights}`);
  }
  if (r.bridgesCommunities) reasons.push('Bridges two communities that rarely meet');
  const recency = inTouch(i, [
    [a, r.tieRecencyDays?.a ?? null],
    [b, r.tieRecencyDays?.b ?? null],
  ]);
  if (recency) reasons.push(recency);
  const record = r.introducerRecord;
  if (record && record.made > 0) {
    const counted = countedText(record);
    reasons.push(`${i} has made ${record.made} introduction${record.made === 1 ? '' : 's'}, ${record.succeeded} of them successful${counted === null ? '' : ` (counted as ${counted})`}`);
  }
  const headline = viewer === s.a.id ? `Meet ${s.b.name}` : viewer === s.b.id ? `Meet ${s.a.name}` : `Introduce ${s.a.name} to ${s.b.name}`;
  return {
    headline,
    via: `through ${s.introducer.name}`,
    reasons,
    trust: [
      { who: `${a} trusts ${i}`, value: r.trustAInIntroducer },
      { who: `${b} trusts ${i}`, value: r.trustBInIntroducer },
    ],
  };
}

/** A person's name as a link-styled button that opens their panel. */
export function personLink(p: { id: string; name: string }, onSelect: (id: string) => void): HTMLElement {
  const link = el('button', { class: 'link', text: p.name, attrs: { type: 'button' } });
  link.addEventListener('click', () => onSelect(p.id));
  return link;
}

/** "Ana trusts Helena ▬▬▬▬ 99%" */
export function trustRow(who: string, value: number): HTMLElement {
  return el('div', { class: 'trust-row' }, [
    el('span', { class: 'trust-label', text: who }),
    el('span', { class: 'trust-track' }, [el('span', { class: 'trust-fill', style: { width: percent(value) } })]),
    el('span', { class: 'trust-value', text: percent(value) }),
  ]);
}

export interface SuggestionListOptions {
  api: Api;
  /** whose list it is (one of the two, or the introducer); null: nobody's, the whole network's (no Hide) */
  viewer: string | null;
  onHighlight(path: string[] | null): void;
  onSelectPerson(id: string): void;
  /** after an introduction was recorded (from the card of suggestion `s`) */
  onRecorded?(s: Suggestion): void;
  /** after a suggestion was hidden, or its hiding undone */
  onDismissed?(): void;
  /** shown when there is nothing to suggest */
  empty?: string;
}

/** How many suggestions show before "Show more". */
export const SHOWN_SUGGESTIONS = 5;

export function suggestionList(items: readonly Suggestion[], opts: SuggestionListOptions): HTMLElement {
  if (items.length === 0) return el('p', { class: 'muted small', text: opts.empty ?? 'No introductions to suggest right now.' });
  const cards = items.map((s, k) => suggestionCard(s, k, opts));
  cards.slice(SHOWN_SUGGESTIONS).forEach((c) => (c.hidden = true));
  const list = el('ol', { class: 'suggestions' }, cards);
  if (cards.length <= SHOWN_SUGGESTIONS) return list;
  const more = el('button', { class: 'btn btn-small more', text: `Show ${cards.length - SHOWN_SUGGESTIONS} more`, attrs: { type: 'button' } });
  more.addEventListener('click', () => {
    cards.forEach((c) => (c.hidden = false));
    more.remove();
  });
  return el('div', {}, [list, more]);
}

function suggestionCard(s: Suggestion, index: number, opts: SuggestionListOptions): HTMLElement {
  const x = explainSuggestion(s, opts.viewer);
  const other = opts.viewer === s.a.id ? s.b : opts.viewer === s.b.id ? s.a : null;
  // the viewer's own brokerage: both sides are named, and "through" the viewer goes without saying
  const own = opts.viewer === s.introducer.id;
  const status = el('p', { class: 'record-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const record = recordAction(s, opts.viewer);
  const button = el('button', { class: 'btn btn-small', text: record.label, title: record.title, attrs: { type: 'button' } });
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.className = 'record-status';
    status.textContent = 'Recording…';
    try {
      const intro = await opts.api.recordIntroduction({ introducer: s.introducer.id, a: s.a.id, b: s.b.id, status: record.status, note: record.note });
      status.className = 'record-status ok';
      status.textContent = record.done(intro.status);
      button.textContent = 'Recorded';
      opts.onRecorded?.(s);
    } catch (err) {
      status.className = 'record-status error';
      status.textContent = err instanceof ApiError ? err.message : `Could not record it: ${(err as Error).message}`;
      button.disabled = false;
    }
  });
  const draft = draftToggle(introductionDraft(s, opts.viewer));
  // Hide is the card's corner ×, apart from the actions that act on the suggestion (and off their line, which
  // then holds two buttons at any panel width)
  const viewer = opts.viewer;
  const hide = viewer === null ? null : el('button', { class: 'dismiss', text: '×', title: dismissalWords(s, viewer).title, attrs: { type: 'button', 'aria-label': 'Hide' } });
  const nameLink = (p: { id: string; name: string }) => personLink(p, opts.onSelectPerson);
  const card = el('li', { class: 'suggestion', attrs: { tabindex: 0, 'data-index': index, 'data-introducer': s.introducer.id } }, [
    el('div', { class: 'suggestion-head' }, [
      el('span', { class: 'suggestion-title' }, other ? ['Meet ', nameLink(other)] : own ? ['Introduce ', nameLink(s.a), ' to ', nameLink(s.b)] : [x.headline]),
      el('span', { class: 'score-pill', text: formatSuggestionScore(s.score), title: SCORE_TITLE }),
      hide,
    ]),
    own ? null : el('div', { class: 'suggestion-via' }, ['through ', nameLink(s.introducer)]),
    el(
      'ul',
      { class: 'reasons' },
      x.reasons.map((text) => el('li', { text })),
    ),
    el(
      'div',
      { class: 'trust' },
      x.trust.map((t) => trustRow(t.who, t.value)),
    ),
    el('div', { class: 'suggestion-actions' }, [button, draft.button]),
    status,
    draft.box,
  ]);
  if (hide && viewer !== null) hide.addEventListener('click', () => void dismissCard(card, s, viewer, hide, status, opts));
  lightOnHover(card, [s.a.id, s.introducer.id, s.b.id], opts.onHighlight);
  return card;
}

/** What a card's record button records, and what it says once recorded. */
interface RecordAction {
  label: string;
  title: string;
  status: 'suggested' | 'made';
  note: string;
  done(status: string): string;
}

/**
 * Seen by one of the two ("Whom to meet"), the card records the viewer's request: the introducer has been asked
 * and has not made the introduction yet, so it is stored as `suggested` (the introducer's record counts only the
 * introductions made) and is set to Made in the list of introductions once it has been. Seen in nobody's list
 * (the whole network's, on the introductions board), it records that the introducer is asked, as `suggested` too.
 * Seen by the introducer or anyone else, it records the introduction as made.
 */
export function recordAction(s: Suggestion, viewer: string | null): RecordAction {
  const i = firstName(s.introducer.name);
  const note = introductionNote(s);
  if (viewer === null) {
    return {
      label: 'Record request',
      title: `Record that ${i} is asked to make this introduction (status Suggested); set it to Made once ${i} has`,
      status: 'suggested',
      note,
      done: (status) => `Recorded: ${i} is asked to introduce ${firstName(s.a.name)} and ${firstName(s.b.name)} (${status}). Set it to Made under Follow up once ${i} has.`,
    };
  }
  const other = viewer === s.introducer.id ? null : viewer === s.a.id ? s.b : viewer === s.b.id ? s.a : null;
  if (other) {
    return {
      label: 'Record request',
      title: `Record that you asked ${i} for this introduction (status Suggested); set it to Made in the introductions below once ${i} has made it`,
      status: 'suggested',
      note,
      done: (status) => `Recorded your request: ${i} is asked to introduce you to ${firstName(other.name)} (${status}). Set it to Made below once ${i} has.`,
    };
  }
  return {
    label: 'Record introduction',
    title: `Record that ${i} made this introduction (status Made); set its outcome later in the introductions`,
    status: 'made',
    note,
    done: (status) => `Recorded: ${i} introduces ${firstName(s.a.name)} and ${firstName(s.b.name)} (${status}).`,
  };
}

/**
 * What hiding a suggestion does, in the viewer's words: seen by one of the two, "not interested" (the pair is
 * suggested to nobody); seen by the introducer, she will not be asked to introduce them (nor named as their
 * introducer). The API's dismissal (POST /api/dismissals) does exactly this.
 */
export function dismissalWords(s: Suggestion, viewer: string): { title: string; done: string } {
  const other = viewer === s.a.id ? s.b : viewer === s.b.id ? s.a : null;
  if (other) {
    return {
      title: `Not interested: ${other.name} will not be suggested to you again, and nobody will be asked to introduce you two (undo below)`,
      done: `Hidden: ${other.name} will not be suggested to you again.`,
    };
  }
  return {
    title: `You will not be suggested to introduce ${s.a.name} and ${s.b.name} again, nor named as their introducer (undo below)`,
    done: `Hidden: you will not be suggested to introduce ${s.a.name} and ${s.b.name} again.`,
  };
}

/** Hides the card's suggestion through the API; the card then says so, with Undo. */
async function dismissCard(card: HTMLElement, s: Suggestion, viewer: string, hide: HTMLButtonElement, status: HTMLElement, opts: SuggestionListOptions): Promise<void> {
  hide.disabled = true;
  try {
    const dismissal = await opts.api.dismiss({ by: viewer, a: s.a.id, b: s.b.id });
    const shown = [...card.children].filter((c) => !(c as HTMLElement).hidden) as HTMLElement[];
    shown.forEach((c) => (c.hidden = true));
    card.classList.add('dismissed');
    const undoStatus = el('span', { class: 'record-status', attrs: { role: 'status', 'aria-live': 'polite' } });
    const undo = el('button', { class: 'link undo', text: 'Undo', attrs: { type: 'button' } });
    const note = el('p', { class: 'dismissed-note' }, [dismissalWords(s, viewer).done, ' ', undo, ' ', undoStatus]);
    card.append(note);
    undo.focus();
    opts.onDismissed?.();
    undo.addEventListener('click', async () => {
      undo.disabled = true;
      try {
        await opts.api.undismiss(dismissal.id);
        note.remove();
        shown.forEach((c) => (c.hidden = false));
        card.classList.remove('dismissed');
        hide.disabled = false;
        opts.onDismissed?.();
      } catch (err) {
        undoStatus.className = 'record-status error';
        undoStatus.textContent = err instanceof ApiError ? err.message : `Could not undo it: ${(err as Error).message}`;
        undo.disabled = false;
      }
    });
  } catch (err) {
    status.className = 'record-status error';
    status.textContent = err instanceof ApiError ? err.message : `Could not hide it: ${(err as Error).message}`;
    hide.disabled = false;
  }
}

/**
 * A drafted message behind a button that shows and hides it: "Ask Helena…" for a request, "Write to them…"
 * for the introduction itself (short enough that a card's actions share one line in the narrowest panel).
 */
export function draftToggle(draft: IntroductionDraft): { button: HTMLButtonElement; box: HTMLElement } {
  const box = composer(draft);
  const button = el('button', {
    class: 'btn btn-small compose-toggle',
    text: draft.kind === 'request' ? `Ask ${draft.to[0]}…` : 'Write to them…',
    title:
      draft.kind === 'request'
        ? `A message asking ${draft.to[0]} for this introduction, to edit and send`
        : `The introduction: a message to ${draft.to.join(' and ')}, to edit and send`,
    attrs: { type: 'button', 'aria-expanded': 'false' },
  });
  button.addEventListener('click', () => {
    box.hidden = !box.hidden;
    button.setAttribute('aria-expanded', String(!box.hidden));
    if (!box.hidden) box.querySelector('textarea')?.focus();
  });
  return { button, box };
}

/**
 * The drafted message, editable, with its subject, "Copy message" (the body, to paste into any channel) and
 * "Open in email" (a mailto: link that follows the edits). Hidden until asked for.
 */
function composer(draft: IntroductionDraft): HTMLElement {
  const subject = el('input', { class: 'text-input compose-subject', attrs: { type: 'text', value: draft.subject, 'aria-label': 'Subject' } });
  const body = el('textarea', { class: 'text-area compose-body', attrs: { rows: 11, spellcheck: 'true', 'aria-label': 'Message' } });
  body.value = draft.body;
  const mail = el('a', { class: 'btn btn-small', text: 'Open in email', attrs: { href: mailtoHref(draft.subject, draft.body) } });
  const follow = () => mail.setAttribute('href', mailtoHref(subject.value, body.value));
  subject.addEventListener('input', follow);
  body.addEventListener('input', follow);
  const status = el('p', { class: 'compose-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const copy = el('button', { class: 'btn btn-small', text: 'Copy message', attrs: { type: 'button' } });
  copy.addEventListener('click', async () => {
    const copied = await copyText(body.value, body);
    status.className = `compose-status ${copied ? 'ok' : 'error'}`;
    status.textContent = copied ? 'Copied to the clipboard.' : 'The browser refused the clipboard: the text is selected, copy it with Ctrl+C.';
  });
  const box = el('div', { class: 'compose' }, [
    el('p', { class: 'compose-to', text: `To ${listInWords(draft.to)}` }),
    subject,
    body,
    el('div', { class: 'suggestion-actions' }, [copy, mail]),
    status,
  ]);
  box.hidden = true;
  return box;
}

/** Writes text to the clipboard; where the browser refuses, selects it in `field` and tries the old command. */
async function copyText(text: string, field: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field.focus();
    field.select();
    return document.execCommand('copy');
  }
}

/** While the card is hovered or holds the focus, it is lit and the path of people it names lights on the map. */
export function lightOnHover(card: HTMLElement, path: string[], onHighlight: (path: string[] | null) => void): void {
  const on = () => {
    if (card.classList.contains('dismissed')) return;
    card.classList.add('lit');
    onHighlight(path);
  };
  const off = () => {
    card.classList.remove('lit');
    onHighlight(null);
  };
  card.addEventListener('mouseenter', on);
  card.addEventListener('mouseleave', off);
  card.addEventListener('focusin', on);
  card.addEventListener('focusout', (e) => {
    if (!card.contains((e as FocusEvent).relatedTarget as Node | null)) off();
  });
}
