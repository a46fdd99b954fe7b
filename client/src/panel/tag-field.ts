/**
 * A field of short labels (a person's sectors, offers, needs): each label a chip with a ×, and an input where
 * Enter, a comma or Tab adds what was typed, Backspace on an empty input takes the last chip back into it for
 * editing, and a pasted "design, legal" adds two. The known labels are offered as the input's suggestions, and
 * a label typed in another case or with spaces for hyphens takes the known spelling: an offer meets a need only
 * by the same label.
 */
import { el } from './dom.ts';

/** The longest label the API takes (src/domain/model.ts). */
export const TAG_MAX_LENGTH = 100;

/** "design, legal ,, Design" → ["design", "legal", "Design"]: split on commas and line breaks, trimmed, blanks dropped. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,\n\r]+/)
    .map((t) => t.trim().replace(/\s+/g, ' '))
    .filter((t) => t.length > 0);
}

/** What two spellings of one label share: "Media coverage", "media-coverage" and "MEDIA_COVERAGE" are one. */
export function tagKey(tag: string): string {
  return tag.toLowerCase().replace(/[\s_-]+/g, '-');
}

/**
 * `tags` with the labels in `text` added after them: a label already there (in another case, or with spaces for
 * hyphens) is not added twice, and one that differs from a known label only so takes the known spelling.
 */
export function addTags(tags: readonly string[], text: string, known: readonly string[] = []): string[] {
  const out = [...tags];
  const seen = new Set(out.map(tagKey));
  const spelling = new Map(known.map((k) => [tagKey(k), k]));
  for (const raw of splitTags(text)) {
    const key = tagKey(raw);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(spelling.get(key) ?? raw);
  }
  return out;
}

export interface TagField {
  readonly element: HTMLElement;
  /** the labels, with any text still in the input counted as typed (a Save must not drop it) */
  values(): string[];
  focus(): void;
}

let datalists = 0;

export function tagField(opts: {
  label: string;
  values: readonly string[];
  /** the labels already in use, offered as suggestions */
  known: readonly string[];
  placeholder?: string;
  /** the chips' look: 'sector', 'offer' or 'seek' (as in the profile) */
  kind: string;
  /** after every change (a chip added or removed, text typed) */
  onChange?(): void;
}): TagField {
  let tags = addTags([], opts.values.join(','));
  const listId = `tag-known-${++datalists}`;
  const input = el('input', {
    class: 'tag-input',
    attrs: { type: 'text', list: listId, placeholder: opts.placeholder ?? 'Add…', 'aria-label': `Add to ${opts.label.toLowerCase()}`, maxlength: TAG_MAX_LENGTH, autocomplete: 'off' },
  });
  const chipRow = el('span', { class: 'chips' });
  const box = el('div', { class: 'tag-box' }, [chipRow, input]);
  const datalist = el('datalist', { attrs: { id: listId } }, opts.known.map((k) => el('option', { attrs: { value: k } })));
  // a group, not a label: a click on a label's caption would press its first control, a chip's ×
  const element = el('div', { class: 'field tag-field', attrs: { role: 'group', 'aria-label': opts.label } }, [el('span', { text: opts.label }), box, datalist]);
  // a click on the box's free space types into it
  box.addEventListener('click', (e) => {
    if (e.target === box || e.target === chipRow) input.focus();
  });

  function render(): void {
    chipRow.replaceChildren(
      ...tags.map((t, i) =>
        el('span', { class: `chip ${opts.kind}` }, [
          t,
          el('button', {
            class: 'chip-remove',
            text: '×',
            title: `Remove ${t}`,
            attrs: { type: 'button', 'aria-label': `Remove ${t}` },
            on: {
              click: (e) => {
                e.preventDefault();
                tags = tags.filter((_, j) => j !== i);
                render();
                opts.onChange?.();
                input.focus();
              },
            },
          }),
        ]),
      ),
    );
  }

  function commit(): boolean {
    const before = tags.length;
    tags = addTags(tags, input.value, opts.known);
    input.value = '';
    render();
    return tags.length !== before;
  }

  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ',' || (e.key === 'Tab' && input.value.trim() !== '')) {
      // Enter adds the label rather than submitting the form; an empty Enter submits it
      if (e.key === 'Enter' && input.value.trim() === '') return;
      e.preventDefault();
      commit();
      opts.onChange?.();
    } else if (e.key === 'Backspace' && input.value === '' && tags.length > 0) {
      e.preventDefault();
      input.value = tags[tags.length - 1]!;
      tags = tags.slice(0, -1);
      render();
      opts.onChange?.();
    }
  });
  input.addEventListener('input', (e) => {
    // a paste with commas, or a suggestion picked from the list (not a prefix of a longer word being typed), lands whole
    if (/[,\n]/.test(input.value) || (e as InputEvent).inputType === 'insertReplacementText') commit();
    opts.onChange?.();
  });
  render();

  return {
    element,
    values: () => addTags(tags, input.value, opts.known),
    focus: () => input.focus(),
  };
}
