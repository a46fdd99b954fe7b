/**
 * The message that goes with a suggested introduction, drafted from its reasons so that nobody starts from a
 * blank page:
 * - seen by one of the two ("Whom to meet"), a request to the introducer: "Hi Helena, would you introduce me to
 *   Omar Haddad? Omar offers funding, which I am looking for, …";
 * - seen by the introducer ("Whom to introduce") or anyone else, the introduction itself, to both: "Hi Ana and
 *   Omar, I would like to introduce you to each other. Ana, Omar offers funding, which you are looking for. …";
 * - for a chain of introductions ("How to reach…"), the request to its first introducer.
 * The draft only says what the suggestion's reasons hold (offers and seeks, shared sectors, people in common);
 * the suggestion card (suggestions.ts) shows it in an editable box with Copy and "Open in email", and the note
 * recorded with the introduction says in one line why it was suggested (`introductionNote`).
 */
import type { Suggestion } from '../../../src/api/contract.ts';
import { NOTE_MAX_LENGTH } from '../../../src/domain/constants.ts';
import { firstName, listInWords } from './dom.ts';

export interface IntroductionDraft {
  /** a request to the introducer, or the introduction to both */
  kind: 'request' | 'introduction';
  /** the first name of whom the message is for */
  to: string[];
  subject: string;
  body: string;
}

function peopleInCommon(n: number): string {
  return `${n} ${n === 1 ? 'person' : 'people'} in common`;
}

/**
 * A request to an introducer: "Hi Helena, <ask>", why it is asked for, then the same close whatever it asks;
 * `person` is whom the introducer would approach first.
 */
function requestDraft(introducer: string, subject: string, ask: string[], person: string, me: string): IntroductionDraft {
  const i = firstName(introducer);
  const body = [
    `Hi ${i},`,
    '',
    ask.join(' '),
    '',
    `You know us both, so a word from you would mean more than a message out of the blue. If ${person} is open to it, I would be glad if you put us in touch.`,
    '',
    'Thank you,',
    firstName(me),
  ].join('\n');
  return { kind: 'request', to: [i], subject, body };
}

/** The request a (or b) sends the introducer. */
function request(s: Suggestion, meIsA: boolean): IntroductionDraft {
  const r = s.reasons;
  const me = meIsA ? s.a : s.b;
  const other = meIsA ? s.b : s.a;
  const o = firstName(other.name);
  const theyOffer = meIsA ? r.bOffersASeeks : r.aOffersBSeeks;
  const iOffer = meIsA ? r.aOffersBSeeks : r.bOffersASeeks;
  const why: string[] = [];
  const gives = theyOffer?.length ? `${o} offers ${listInWords(theyOffer)}, which I am looking for` : null;
  const takes = iOffer?.length ? `I offer ${listInWords(iOffer)}, which ${o} is looking for` : null;
  if (gives && takes) why.push(`${gives}, and ${takes}.`);
  else if (gives ?? takes) why.push(`${gives ?? takes}.`);
  if (r.sharedSectors?.length) why.push(`We are both active in ${listInWords(r.sharedSectors)}.`);
  if (why.length === 0 && r.commonTies > 1) why.push(`We have ${peopleInCommon(r.commonTies)}, you among them.`);
  const ask = `Would you introduce me to ${other.name}?`;
  return requestDraft(s.introducer.name, ask, [ask, ...why], o, me.name);
}

/**
 * The first step of a chain of introductions (GET /api/introductions/path): what the person asks the first
 * introducer. With one introducer, the introduction to the person sought; with more, to the next in the chain,
 * saying whom the chain leads to. Null when there is nobody to ask (no chain, or the two already know each other).
 */
export function chainRequestDraft(people: readonly { id: string; name: string }[]): IntroductionDraft | null {
  if (people.length < 3) return null;
  const me = people[0]!;
  const first = people[1]!;
  const next = people[2]!;
  const target = people[people.length - 1]!;
  if (people.length === 3) {
    const ask = `Would you introduce me to ${target.name}?`;
    return requestDraft(first.name, ask, [ask], firstName(target.name), me.name);
  }
  const rest = people.slice(3, -1).map((p) => p.name);
  const via = rest.length ? `, then ${listInWords(rest)}` : '';
  return requestDraft(
    first.name,
    `Would you introduce me to ${next.name}?`,
    [`I am hoping to reach ${target.name}, and the way there goes through ${next.name}${via}.`, `Would you introduce me to ${firstName(next.name)}?`],
    firstName(next.name),
    me.name,
  );
}

/** The introduction the introducer sends a and b. */
function introduction(s: Suggestion): IntroductionDraft {
  const r = s.reasons;
  const a = firstName(s.a.name);
  const b = firstName(s.b.name);
  const lines: string[] = [];
  if (r.bOffersASeeks?.length) lines.push(`${a}, ${b} offers ${listInWords(r.bOffersASeeks)}, which you are looking for.`);
  if (r.aOffersBSeeks?.length) lines.push(`${b}, ${a} offers ${listInWords(r.aOffersBSeeks)}, which you are looking for.`);
  if (r.sharedSectors?.length) lines.push(`You are both active in ${listInWords(r.sharedSectors)}.`);
  if (lines.length === 0 && r.commonTies > 1) lines.push(`You have ${peopleInCommon(r.commonTies)}, and I think you should know each other.`);
  const body = [
    `Hi ${a} and ${b},`,
    '',
    'I would like to introduce you to each other.',
    ...(lines.length ? ['', ...lines] : []),
    '',
    'I will leave it to you to take it from here.',
    '',
    'Best,',
    firstName(s.introducer.name),
  ].join('\n');
  return { kind: 'introduction', to: [a, b], subject: `Introduction: ${s.a.name} and ${s.b.name}`, body };
}

/** The draft for `viewer`: a request when the viewer is one of the two, otherwise the introduction. */
export function introductionDraft(s: Suggestion, viewer: string | null): IntroductionDraft {
  if (viewer === s.a.id && viewer !== s.introducer.id) return request(s, true);
  if (viewer === s.b.id && viewer !== s.introducer.id) return request(s, false);
  return introduction(s);
}

/** "mailto:" with the subject and body and no address (people carry none): opens the user's email app. */
export function mailtoHref(subject: string, body: string): string {
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * The note recorded with a suggested introduction: why it was suggested, in one line ("Suggested by Catalyst:
 * Omar offers funding, which Ana seeks"), so the person's list of introductions still says why months later.
 */
export function introductionNote(s: Suggestion): string {
  const r = s.reasons;
  const a = firstName(s.a.name);
  const b = firstName(s.b.name);
  const why: string[] = [];
  if (r.bOffersASeeks?.length) why.push(`${b} offers ${listInWords(r.bOffersASeeks)}, which ${a} seeks`);
  if (r.aOffersBSeeks?.length) why.push(`${a} offers ${listInWords(r.aOffersBSeeks)}, which ${b} seeks`);
  if (why.length === 0 && r.sharedSectors?.length) why.push(`both active in ${listInWords(r.sharedSectors)}`);
  if (why.length === 0 && r.commonTies > 0) why.push(peopleInCommon(r.commonTies));
  const note = why.length ? `Suggested by Catalyst: ${why.join('; ')}` : 'Suggested by Catalyst';
  return note.length <= NOTE_MAX_LENGTH ? note : `${note.slice(0, NOTE_MAX_LENGTH - 1)}…`;
}
