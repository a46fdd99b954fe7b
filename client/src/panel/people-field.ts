/**
 * A list of people as chips with ×, and a name search to add one more: who drove an event and whom it reached, and
 * the seeds Trusted PageRank starts from.
 */
import { el } from './dom.ts';
import { createSearch, type SearchHit, type SearchOptions } from './search.ts';

export interface PeopleField {
  element: HTMLElement;
  ids(): string[];
  /** shows these people instead (not a change: onChange is not called) */
  set(people: readonly { id: string; name: string }[]): void;
}

export function peopleField(opts: {
  label: string;
  initial: readonly { id: string; name: string }[];
  find: Pick<SearchOptions, 'local' | 'remote'>;
  listId: string;
  onChange(): void;
  /** someone added (their name, for messages) */
  onPick(hit: SearchHit): void;
  /** the input's placeholder; default "Add someone…" */
  placeholder?: string;
}): PeopleField {
  let people = [...opts.initial];
  const chips = el('span', { class: 'chips' });
  const input = el('input', { class: 'tag-input', attrs: { type: 'text', placeholder: opts.placeholder ?? 'Add someone…', autocomplete: 'off', spellcheck: 'false', 'aria-label': `Add to ${opts.label.toLowerCase()}` } });
  const hits = el('ul', { class: 'search-list', attrs: { id: opts.listId, hidden: true } });
  const render = () =>
    chips.replaceChildren(
      ...people.map((p) =>
        el('span', { class: 'chip person-chip' }, [
          p.name,
          el('button', {
            class: 'chip-remove',
            text: '×',
            title: `Remove ${p.name}`,
            attrs: { type: 'button', 'aria-label': `Remove ${p.name} from ${opts.label.toLowerCase()}` },
            on: {
              click: () => {
                people = people.filter((q) => q.id !== p.id);
                render();
                opts.onChange();
                input.focus();
              },
            },
          }),
        ]),
      ),
    );
  const notListed = (list: SearchHit[]) => list.filter((h) => !people.some((p) => p.id === h.id));
  createSearch({
    input,
    list: hits,
    local: (q) => notListed(opts.find.local(q)),
    remote: async (q, s) => notListed(await opts.find.remote(q, s)),
    onSelect: (hit) => {
      people.push({ id: hit.id, name: hit.name });
      opts.onPick(hit);
      input.value = '';
      render();
      opts.onChange();
    },
    slashKey: false,
  });
  render();
  const element = el('div', { class: 'field tag-field people-field', attrs: { role: 'group', 'aria-label': opts.label } }, [
    el('span', { text: opts.label }),
    el('div', { class: 'tag-box' }, [chips, input, hits]),
  ]);
  return {
    element,
    ids: () => people.map((p) => p.id),
    set: (next) => {
      people = [...next];
      render();
    },
  };
}

