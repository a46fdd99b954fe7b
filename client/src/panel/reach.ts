/**
 * "How to reach…": in a person's panel, pick anyone and see the most trusted chain of introductions to them
 * (GET /api/introductions/path): who to ask first, who they ask, and how much each side of every hop trusts
 * the other. Hovering the chain lights it on the map; when nothing joins the two within four hops, one click
 * looks as far as the API allows. The person to reach is kept in the link (`reach=`), so a shared link opens the chain.
 * "Ask Helena…" drafts the message to the first introducer (compose.ts).
 */
import type { IntroductionPathResponse } from '../../../src/api/contract.ts';
import type { Api } from '../api.ts';
import { chainRequestDraft } from './compose.ts';
import { clear, el, errorText, firstName, listInWords, loading } from './dom.ts';
import { createSearch, type SearchOptions } from './search.ts';
import { draftToggle, lightOnHover, personLink, trustRow } from './suggestions.ts';

/** The API's longest chain (MAX_PATH_HOPS), offered when the default finds none. */
const WIDEST_HOPS = 6;

export interface ExplainedPath {
  headline: string;
  /** one line per hop, each way: "Ana trusts Helena", "Helena trusts Ana" */
  trust: { who: string; value: number }[];
  /** the chain's strength as a sentence, or why there is none */
  note: string;
}

/** The chain in plain words, from the point of view of the person who wants to reach someone. */
export function explainPath(res: IntroductionPathResponse): ExplainedPath {
  const from = firstName(res.from.name);
  const to = res.to.name;
  if (!res.path && res.hidden) {
    return {
      headline: `No introduction from ${from} to ${to} is offered`,
      trust: [],
      note: 'One of the two asked not to be suggested the other, so no chain of introductions is looked for.',
    };
  }
  if (!res.path) {
    return {
      headline: `No chain of trusted ties from ${from} to ${to}`,
      trust: [],
      note: `Nothing joins them within ${res.maxHops} hop${res.maxHops === 1 ? '' : 's'} whose both sides trust each other at least ${Math.round(res.minTrust * 100)}%.`,
    };
  }
  const people = res.path.people;
  const between = people.slice(1, -1).map((p) => p.name);
  const name = new Map(people.map((p) => [p.id, firstName(p.name)]));
  const trust = res.path.hops.flatMap((h) => [
    { who: `${name.get(h.from)} trusts ${name.get(h.to)}`, value: h.trustForward },
    { who: `${name.get(h.to)} trusts ${name.get(h.from)}`, value: h.trustBack },
  ]);
  const strength = `Chain strength ${res.path.strength.toFixed(2)}: each hop counts its weaker side, and the hops multiply.`;
  if (between.length === 0) {
    return { headline: `${from} already knows ${to}`, trust, note: res.alreadyTied ? 'No introduction needed: they are tied directly.' : strength };
  }
  const headline =
    between.length === 1
      ? `Ask ${between[0]} to introduce ${from} to ${to}`
      : `${between.length} introductions: ${listInWords(between)}, in that order, to reach ${to}`;
  const weakest = res.path.hops.reduce((w, h) => (Math.min(h.trustForward, h.trustBack) < Math.min(w.trustForward, w.trustBack) ? h : w));
  const weak = ` Weakest hop: ${name.get(weakest.from)} and ${name.get(weakest.to)} (${Math.round(Math.min(weakest.trustForward, weakest.trustBack) * 100)}%).`;
  const known = res.alreadyTied ? ` ${from} knows ${firstName(to)} already, but trusts less along the direct tie.` : '';
  return { headline, trust, note: strength + weak + known };
}

export interface ReachOptions {
  api: Api;
  /** the person whose panel this is */
  from: string;
  signal: AbortSignal;
  /** the page's people search (matches on the map first, then the API's) */
  local: SearchOptions['local'];
  remote: SearchOptions['remote'];
  onHighlight(path: string[] | null): void;
  onSelectPerson(id: string): void;
  /** whom to reach when the box opens (from the link), or null */
  initial?: string | null;
  /** the person to reach was picked (the link keeps it) */
  onTarget?(id: string): void;
}

export function reachBox(opts: ReachOptions): HTMLElement {
  const input = el('input', {
    class: 'text-input reach-input',
    attrs: { type: 'text', placeholder: 'Whom to reach? Type a name…', autocomplete: 'off', spellcheck: 'false', 'aria-label': 'Whom should this person reach?' },
  });
  const list = el('ul', { class: 'search-list reach-list', attrs: { id: 'reach-list', hidden: true } });
  const result = el('div', { class: 'reach-result' });
  let request: AbortController | null = null;

  async function show(to: string, maxHops: number | null): Promise<void> {
    request?.abort();
    const c = new AbortController();
    request = c;
    const signal = AbortSignal.any([opts.signal, c.signal]);
    clear(result);
    result.append(el('p', { class: 'muted small loading', text: 'Looking for a chain of trusted ties…' }));
    try {
      const res = await opts.api.introductionPath(opts.from, to, maxHops, signal);
      if (signal.aborted) return;
      clear(result);
      if (!input.value) input.value = res.to.name;
      result.append(renderPath(res, () => void show(to, WIDEST_HOPS)));
    } catch (err) {
      if (signal.aborted) return;
      clear(result);
      result.append(errorText(err));
    }
  }

  function renderPath(res: IntroductionPathResponse, wider: () => void): HTMLElement {
    const x = explainPath(res);
    const card = el('div', { class: 'reach-card', attrs: { tabindex: 0 } }, [el('p', { class: 'reach-headline', text: x.headline })]);
    if (res.path) {
      const people = res.path.people;
      card.append(
        el(
          'ol',
          { class: 'reach-chain' },
          people.map((p) => el('li', {}, [personLink(p, opts.onSelectPerson)])),
        ),
        el('div', { class: 'trust' }, x.trust.map((t) => trustRow(t.who, t.value))),
      );
      lightOnHover(
        card,
        people.map((p) => p.id),
        opts.onHighlight,
      );
    }
    card.append(el('p', { class: 'muted small', text: x.note }));
    // the first step: the message to the first introducer
    const first = res.path ? chainRequestDraft(res.path.people) : null;
    if (first) {
      const draft = draftToggle(first);
      card.append(el('div', { class: 'suggestion-actions' }, [draft.button]), draft.box);
    }
    if (!res.path && !res.hidden && res.maxHops < WIDEST_HOPS) {
      const button = el('button', { class: 'btn btn-small', text: `Look up to ${WIDEST_HOPS} hops`, attrs: { type: 'button' } });
      button.addEventListener('click', wider);
      card.append(button);
    }
    return card;
  }

  createSearch({
    input,
    list,
    local: (q) => opts.local(q).filter((h) => h.id !== opts.from),
    remote: async (q, signal) => (await opts.remote(q, signal)).filter((h) => h.id !== opts.from),
    onSelect: (hit) => {
      opts.onTarget?.(hit.id);
      void show(hit.id, null);
    },
    slashKey: false,
  });
  if (opts.initial && opts.initial !== opts.from) void show(opts.initial, null);
  return el('div', { class: 'reach' }, [el('div', { class: 'search reach-search' }, [input, list]), result]);
}
