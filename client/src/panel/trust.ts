/**
 * "Trust" in a person's panel: whom they trust and who trusts them (KNOWS ties, GET /api/ties?person=&direction=
 * &order=trust), the most trusted first, with when they were last in touch. Trust is what an introduction runs
 * on (both sides must trust the introducer), so it is edited here: a tie's trust is set in place, a tie removed
 * (with Undo), and someone added on either side. Every change goes through the API, whose refusal is shown as
 * is; after one, the person's suggestions are asked for again (`onChanged`).
 */
import type { Tie, TieDirection } from '../../../src/domain/model.ts';
import type { Api } from '../api.ts';
import { clear, el, firstName, formatDate, problemLine } from './dom.ts';
import { createSearch, type SearchHit, type SearchOptions } from './search.ts';
import { nameBook, sidedList, statusLine } from './sided-list.ts';
import { personLink } from './suggestions.ts';

/** Rows shown at first, and added by each "Show more". */
export const TRUST_PAGE = 8;
/** The trust a new tie starts at. */
const NEW_TRUST = 50;

type Side = Exclude<TieDirection, 'both'>;

/** "80", "80 %", "80.5" → 0.8, 0.805; anything but a percentage from 0 to 100 → the problem in words. */
export function parseTrustPercent(text: string): { trust: number } | { problem: string } {
  const t = text.trim().replace(/\s*%$/, '');
  const v = t === '' ? Number.NaN : Number(t);
  if (!Number.isFinite(v) || v < 0 || v > 100) return { problem: `Trust is a percentage from 0 to 100${text.trim() ? `, not “${text.trim()}”` : ''}.` };
  return { trust: Math.round(v * 10) / 1000 };
}

/** "Ana trusts Omar" from the tie's own direction, with first names. */
export function tieWords(tie: Pick<Tie, 'from' | 'to'>, nameOf: (id: string) => string): string {
  return `${firstName(nameOf(tie.from))} trusts ${firstName(nameOf(tie.to))}`;
}

export interface TrustOptions {
  api: Pick<Api, 'ties' | 'createTie' | 'updateTie' | 'deleteTie' | 'person'>;
  person: { id: string; name: string };
  signal: AbortSignal;
  /** a name the map already has (others are asked of the API) */
  nameOf(id: string): string | null;
  /** the page's people search, to add someone (without it, nobody can be added) */
  findPeople?: Pick<SearchOptions, 'local' | 'remote'>;
  onSelectPerson(id: string): void;
  /** a tie was added, changed or removed: the suggestions that rest on trust are out of date */
  onChanged(): void;
}

export interface TrustSection {
  readonly element: HTMLElement;
  /** what is typed and not saved, in words ("the trust you began to change"), or null */
  unsaved(): string | null;
}

export function trustSection(opts: TrustOptions): TrustSection {
  const { api, person, signal } = opts;
  const me = firstName(person.name);
  const names = nameBook(api, opts.nameOf, [person]);
  const nameOf = names.nameOf;
  const status = statusLine('trust-status');
  const adder = el('div', { class: 'trust-add' });
  const lists = sidedList<Side, Tie>({
    sides: ['out', 'in'],
    initial: 'out',
    label: (s, n) => `${s === 'out' ? 'Trusts' : 'Trusted by'}${n === null ? '' : ` (${n.toLocaleString('en')})`}`,
    name: 'Whose trust',
    className: 'trust',
    pageSize: TRUST_PAGE,
    signal,
    fetch: (s, limit, sig) => api.ties({ person: person.id, direction: s, order: 'trust', limit, offset: 0 }, sig),
    prepare: (ties, s, sig) => names.learn(ties.map((t) => (s === 'out' ? t.to : t.from)), sig),
    row: (tie, s) => row(tie, s),
    empty: (s) => (s === 'out' ? `${me} trusts nobody on record.` : `Nobody on record trusts ${me}.`),
    onSide: () => {
      status.clear();
      renderAdder();
    },
  });
  const element = el('div', { class: 'trust-section' }, [lists.switcher, lists.list, status.element, adder]);
  const say = status.say;

  function row(tie: Tie, side: Side): HTMLElement {
    const otherId = side === 'out' ? tie.to : tie.from;
    const value = el('button', { class: 'trust-value link', text: `${Math.round(tie.trust * 100)}%`, title: `Change how much ${tieWords(tie, nameOf)}`, attrs: { type: 'button' } });
    const touch = tie.lastContact ? `last in touch ${formatDate(Date.parse(tie.lastContact))}` : tie.since ? `since ${formatDate(Date.parse(tie.since))}` : '';
    const r = el('div', { class: 'trust-row tie-row', attrs: { 'data-tie': tie.id } }, [
      el('span', { class: 'trust-label' }, [personLink({ id: otherId, name: nameOf(otherId) }, opts.onSelectPerson), touch ? el('span', { class: 'tie-touch', text: ` · ${touch}` }) : null]),
      el('span', { class: 'trust-track' }, [el('span', { class: 'trust-fill', style: { width: `${Math.round(tie.trust * 100)}%` } })]),
      value,
    ]);
    value.addEventListener('click', () => editTie(tie, r));
    return r;
  }

  /** The trust of one tie, set in place: Enter or Save sends it, Escape or Cancel leaves it, Remove deletes the tie. */
  function editTie(tie: Tie, r: HTMLElement): void {
    if (r.nextElementSibling?.classList.contains('tie-editor')) return;
    const was = String(Math.round(tie.trust * 1000) / 10);
    const input = el('input', { class: 'text-input trust-input', attrs: { type: 'text', inputmode: 'decimal', value: was, 'data-was': was, 'aria-label': `How much ${tieWords(tie, nameOf)}, in percent` } });
    const save = el('button', { class: 'btn btn-small', text: 'Save', attrs: { type: 'button' } });
    const cancel = el('button', { class: 'btn btn-small btn-ghost', text: 'Cancel', attrs: { type: 'button' } });
    const remove = el('button', { class: 'btn btn-small btn-ghost danger', text: 'Remove tie', attrs: { type: 'button' } });
    const problem = problemLine();
    const editor = el('div', { class: 'tie-editor' }, [el('div', { class: 'tie-editor-row' }, [input, el('span', { class: 'muted small', text: '%' }), save, cancel, remove]), problem.element]);
    const controls = [input, save, cancel, remove];
    const close = () => {
      editor.remove();
      (r.querySelector('.trust-value') as HTMLElement | null)?.focus();
    };
    const fail = (err: unknown) => {
      problem.show(err);
      for (const x of controls) x.disabled = false;
    };
    const submit = async () => {
      const parsed = parseTrustPercent(input.value);
      if ('problem' in parsed) return fail(parsed.problem);
      for (const x of controls) x.disabled = true;
      try {
        await api.updateTie(tie.id, { trust: parsed.trust });
      } catch (err) {
        return fail(err);
      }
      say(`Saved: ${tieWords(tie, nameOf)} ${Math.round(parsed.trust * 1000) / 10}%.`);
      changed();
    };
    save.addEventListener('click', () => void submit());
    cancel.addEventListener('click', close);
    remove.addEventListener('click', async () => {
      for (const x of controls) x.disabled = true;
      try {
        await api.deleteTie(tie.id);
      } catch (err) {
        return fail(err);
      }
      const undo = el('button', { class: 'link', text: 'Undo', attrs: { type: 'button' } });
      undo.addEventListener('click', async () => {
        undo.disabled = true;
        try {
          await api.createTie({ id: tie.id, from: tie.from, to: tie.to, trust: tie.trust, since: tie.since, lastContact: tie.lastContact });
        } catch (err) {
          say(err instanceof Error ? err.message : String(err), true);
          return;
        }
        say(`Restored: ${tieWords(tie, nameOf)}.`);
        changed();
      });
      say(`Removed: ${tieWords(tie, nameOf)}. `, false, undo);
      changed();
    });
    editor.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation(); // the page's Escape would close the panel
        close();
      } else if (e.key === 'Enter' && e.target === input) {
        e.preventDefault();
        void submit();
      }
    });
    r.after(editor);
    input.focus();
    input.select();
  }

  /** Someone new on the side shown: whom the person trusts, or who trusts them, at a trust to set. */
  function renderAdder(): void {
    clear(adder);
    if (!opts.findPeople) return;
    const side = lists.side();
    const find = opts.findPeople;
    const text = side === 'out' ? `Add someone ${me} trusts` : `Add someone who trusts ${me}`;
    const input = el('input', { class: 'text-input trust-find', attrs: { type: 'text', placeholder: `${text}…`, autocomplete: 'off', spellcheck: 'false', 'aria-label': text } });
    const hits = el('ul', { class: 'search-list', attrs: { id: `trust-add-list-${side}`, hidden: true } });
    const percent = el('input', { class: 'text-input trust-input', attrs: { type: 'text', inputmode: 'decimal', value: String(NEW_TRUST), 'aria-label': 'Trust of the new tie, in percent' } });
    const add = el('button', { class: 'btn btn-small', text: 'Add', attrs: { type: 'button', disabled: true } });
    const problem = problemLine();
    let picked: SearchHit | null = null;
    adding = () => picked !== null;
    const notMe = (list: SearchHit[]) => list.filter((h) => h.id !== person.id);
    createSearch({
      input,
      list: hits,
      local: (q) => notMe(find.local(q)),
      remote: async (q, s) => notMe(await find.remote(q, s)),
      onSelect: (hit) => {
        picked = hit;
        names.set(hit.id, hit.name);
        input.value = hit.name;
        add.disabled = false;
        percent.focus();
        percent.select();
      },
      slashKey: false,
    });
    input.addEventListener('input', () => {
      picked = null;
      add.disabled = true;
    });
    const submit = async () => {
      if (!picked) return;
      const parsed = parseTrustPercent(percent.value);
      if ('problem' in parsed) return problem.show(parsed.problem);
      const tie = side === 'out' ? { from: person.id, to: picked.id } : { from: picked.id, to: person.id };
      add.disabled = true;
      try {
        await api.createTie({ ...tie, trust: parsed.trust });
      } catch (err) {
        problem.show(err);
        add.disabled = false;
        return;
      }
      say(`Added: ${tieWords(tie, nameOf)} ${Math.round(parsed.trust * 1000) / 10}%.`);
      renderAdder();
      changed();
    };
    add.addEventListener('click', () => void submit());
    percent.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        void submit();
      }
    });
    adder.append(
      el('div', { class: 'trust-add-row' }, [el('div', { class: 'search trust-search' }, [input, hits]), percent, el('span', { class: 'muted small', text: '%' }), add]),
      problem.element,
    );
  }

  /** After a change: the counts and the list again, and the suggestions that rest on trust. */
  function changed(): void {
    lists.reload();
    opts.onChanged();
  }

  /** whether someone is picked in the adder, not yet added */
  let adding = () => false;

  renderAdder();
  return {
    element,
    unsaved() {
      const changing = [...element.querySelectorAll<HTMLInputElement>('.tie-editor .trust-input')].some((i) => !i.disabled && i.value.trim() !== i.dataset.was);
      if (changing) return 'the trust you began to change';
      return adding() ? 'the tie you began to add' : null;
    },
  };
}
