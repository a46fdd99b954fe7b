/**
 * Editing who a person is, in their profile: name, sectors, what they offer and what they seek. These drive the
 * introductions (an offer meets a need by the same label; sectors pick partners), so the known labels are offered
 * as suggestions. Save sends only what changed (PATCH /api/people/:id); the server's message is shown as is when
 * it refuses, and nothing is kept half-saved. Escape or Cancel leaves the profile as it was. The same form adds
 * someone new (no person given: POST /api/people, which makes the id from the name).
 */
import type { Person, PersonFootprint, PersonPatch, PersonRestored, PersonSnapshot } from '../../../src/domain/model.ts';
import type { Api } from '../api.ts';
import { el, listInWords, problemLine } from './dom.ts';
import { tagField } from './tag-field.ts';

export type ProfileDraft = Pick<Person, 'name' | 'sectors' | 'offers' | 'seeks'>;

const LISTS = ['sectors', 'offers', 'seeks'] as const;

/** The fields of `draft` that differ from `before` (a name compared trimmed, lists in order); null when none does. */
export function profileChanges(before: ProfileDraft, draft: ProfileDraft): PersonPatch | null {
  const patch: PersonPatch = {};
  const name = draft.name.trim();
  if (name !== before.name) patch.name = name;
  for (const key of LISTS) {
    const a = before[key];
    const b = draft[key];
    if (a.length !== b.length || a.some((v, i) => v !== b[i])) patch[key] = [...b];
  }
  return Object.keys(patch).length > 0 ? patch : null;
}

/** What stops a draft being saved, in words, before the server is asked; null when nothing does. */
export function draftProblem(draft: ProfileDraft): string | null {
  if (draft.name.trim() === '') return 'A name is needed.';
  if (draft.name.trim().length > 300) return `The name is ${draft.name.trim().length} characters long; 300 at most.`;
  return null;
}

/** Nobody yet: what the form starts from when it adds someone. */
export const BLANK_PROFILE: ProfileDraft = { name: '', sectors: [], offers: [], seeks: [] };

/**
 * What is asked before a person is deleted: what goes with them, from GET /api/people/:id/footprint ("Also deleted:
 * 3 trust ties, 1 event only they drove and 2 introductions."), and that it can be undone (the page offers Undo).
 */
export function deletionQuestion(name: string, f: PersonFootprint): string {
  const count = (n: number, one: string, many: string) => (n > 0 ? `${n.toLocaleString('en-US')} ${n === 1 ? one : many}` : null);
  const parts = [
    count(f.ties, 'trust tie', 'trust ties'),
    count(f.events, 'event only they drove', 'events only they drove'),
    count(f.introductions, 'introduction', 'introductions'),
    count(f.dismissals, 'dismissed suggestion', 'dismissed suggestions'),
  ].filter((p): p is string => p !== null);
  const also = parts.length > 0 ? `Also deleted: ${listInWords(parts)}.` : 'Nothing else on record names them.';
  return `Delete ${name}? ${also} You can undo it.`;
}

/** Reasons listed after an Undo before "and N more". */
const SKIPPED_SHOWN = 3;

/**
 * What the Undo of a delete says it did: "Restored Omar Haddad." and, when records could not come back (they name
 * someone or an event deleted since), how many and why: "Not restored (2): the tie omar → ana: "ana" was deleted since; …".
 */
export function restoredText(r: PersonRestored): string {
  const n = r.skipped.length;
  if (n === 0) return `Restored ${r.person.name}.`;
  const more = n > SKIPPED_SHOWN ? `; and ${(n - SKIPPED_SHOWN).toLocaleString('en-US')} more` : '';
  return `Restored ${r.person.name}. Not restored (${n.toLocaleString('en-US')}): ${r.skipped.slice(0, SKIPPED_SHOWN).join('; ')}${more}.`;
}

export interface PersonEditor {
  readonly element: HTMLElement;
  focus(): void;
  /** true while something typed is not saved (a change from the profile as stored) */
  unsaved(): boolean;
}

export function personEditor(opts: {
  /** the person edited; null to add someone (the form starts blank) */
  person: Person | null;
  api: Pick<Api, 'updatePerson' | 'createPerson' | 'personFootprint' | 'deletePerson'>;
  known: { sectors: readonly string[]; skills: readonly string[] };
  onSaved(person: Person): void;
  onCancel(): void;
  /** given, an edited person can be deleted from the form ("Delete person…", asked first): they were, with all this */
  onDeleted?(snapshot: PersonSnapshot): void;
}): PersonEditor {
  const adding = opts.person === null;
  const person: ProfileDraft = opts.person ?? BLANK_PROFILE;
  const name = el('input', { class: 'text-input', attrs: { type: 'text', value: person.name, maxlength: 300, 'aria-label': 'Name', autocomplete: 'off' } });
  name.value = person.name;
  const onChange = () => update();
  const sectors = tagField({ label: 'Sectors', values: person.sectors, known: opts.known.sectors, kind: 'sector', placeholder: 'Add a sector…', onChange });
  const offers = tagField({ label: 'Offers', values: person.offers, known: opts.known.skills, kind: 'offer', placeholder: 'Add an offer…', onChange });
  const seeks = tagField({ label: 'Seeks', values: person.seeks, known: opts.known.skills, kind: 'seek', placeholder: 'Add a need…', onChange });
  const problem = problemLine();
  const saveText = adding ? 'Add' : 'Save';
  const save = el('button', { class: 'btn btn-small btn-primary', text: saveText, attrs: { type: 'submit' } });
  const cancel = el('button', { class: 'btn btn-small btn-ghost', text: 'Cancel', attrs: { type: 'button' } });
  const deleteText = 'Delete person…';
  const remove =
    opts.person && opts.onDeleted ? el('button', { class: 'btn btn-small btn-ghost danger person-delete', text: deleteText, title: `Delete ${person.name} and what only they are part of`, attrs: { type: 'button' } }) : null;
  const form = el('form', { class: 'person-editor', attrs: { 'aria-label': adding ? 'Add a person' : `Edit ${person.name}`, novalidate: true } }, [
    el('label', { class: 'field' }, [el('span', { text: 'Name' }), name]),
    sectors.element,
    offers.element,
    seeks.element,
    el('p', { class: 'muted small', text: 'An offer meets a need only by the same label: pick one from the list where it fits.' }),
    problem.element,
    el('div', { class: 'suggestion-actions' }, [save, cancel, remove]),
  ]);
  let saving = false;
  /** stored: nothing left unsaved, whatever the fields still hold */
  let done = false;

  const draft = (): ProfileDraft => ({ name: name.value, sectors: sectors.values(), offers: offers.values(), seeks: seeks.values() });

  function update(): void {
    if (saving) return;
    save.disabled = profileChanges(person, draft()) === null;
  }

  async function submit(): Promise<void> {
    if (saving) return;
    const d = draft();
    const patch = profileChanges(person, d);
    if (!patch) return;
    const why = draftProblem(d);
    if (why) {
      problem.show(why);
      name.focus();
      return;
    }
    saving = true;
    save.disabled = cancel.disabled = true;
    save.textContent = adding ? 'Adding…' : 'Saving…';
    problem.show(null);
    try {
      const stored = opts.person
        ? await opts.api.updatePerson(opts.person.id, patch)
        : await opts.api.createPerson({ name: d.name.trim(), sectors: d.sectors, offers: d.offers, seeks: d.seeks });
      done = true;
      opts.onSaved(stored);
    } catch (err) {
      problem.show(err);
      saving = false;
      cancel.disabled = false;
      save.textContent = saveText;
      update();
    }
  }

  /** Delete person…: what goes with them is counted and asked about; yes deletes (the page is told), no changes nothing. */
  async function deletePerson(): Promise<void> {
    const p = opts.person;
    if (!p || !remove || saving) return;
    const busy = (text: string | null) => {
      saving = text !== null;
      remove.textContent = text ?? deleteText;
      remove.disabled = cancel.disabled = saving;
      if (saving) save.disabled = true;
      else update();
    };
    problem.show(null);
    busy('Counting…');
    let question: string;
    try {
      question = deletionQuestion(p.name, await opts.api.personFootprint(p.id));
    } catch (err) {
      busy(null);
      problem.show(err);
      return;
    }
    busy(null);
    if (!window.confirm(question)) return;
    busy('Deleting…');
    let snapshot: PersonSnapshot;
    try {
      snapshot = await opts.api.deletePerson(p.id);
    } catch (err) {
      busy(null);
      problem.show(err);
      return;
    }
    done = true;
    opts.onDeleted?.(snapshot);
  }

  remove?.addEventListener('click', () => void deletePerson());
  name.addEventListener('input', onChange);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit();
  });
  cancel.addEventListener('click', () => opts.onCancel());
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || saving) return;
    // the page's Escape would close the whole panel
    e.preventDefault();
    e.stopPropagation();
    opts.onCancel();
  });
  update();
  return { element: form, focus: () => name.focus(), unsaved: () => !done && profileChanges(person, draft()) !== null };
}
