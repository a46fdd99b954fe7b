/**
 * A person's introductions, newest first: who introduced whom, when, and what came of it, with a control that
 * records the outcome through the API (PATCH /api/introductions/:id). Outcomes are what the introducer's
 * record is made of (a smoothed success rate, DESIGN.md "Influence by introduction"), and a closed
 * introduction lets the pair be suggested again.
 */
import type { Introduction, IntroductionStatus, Page } from '../../../src/domain/model.ts';
import { ApiError, type Api } from '../api.ts';
import { el, firstName, formatDate, formatNumber } from './dom.ts';

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
}

/** "Helena introduced you to Nia", "Helena introduced Rasin and Nia", "You introduced Rasin and Nia" (for the viewer). */
export function describeIntroduction(intro: Pick<Introduction, 'introducer' | 'a' | 'b'>, viewer: string, names: ReadonlyMap<string, string>): string {
  const name = (id: string) => firstName(names.get(id) ?? id);
  if (viewer === intro.introducer) return `Introduced ${name(intro.a)} and ${name(intro.b)}`;
  const other = viewer === intro.a ? intro.b : viewer === intro.b ? intro.a : null;
  if (other !== null) return `Introduced to ${name(other)} by ${name(intro.introducer)}`;
  return `${name(intro.introducer)} introduced ${name(intro.a)} and ${name(intro.b)}`;
}

export function introductionHistory(page: Page<Introduction>, opts: IntroductionHistoryOptions): HTMLElement {
  if (page.items.length === 0) return el('p', { class: 'muted small', text: 'No introductions recorded yet.' });
  const rows = page.items.map((intro) => historyRow(intro, opts));
  const more = page.total > page.items.length ? el('p', { class: 'muted small', text: `The latest ${page.items.length} of ${page.total}.` }) : null;
  return el('div', {}, [el('ol', { class: 'introductions' }, rows), more]);
}

function historyRow(intro: Introduction, opts: IntroductionHistoryOptions): HTMLElement {
  const status = el('p', { class: 'record-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const select = el(
    'select',
    { class: 'status-select', attrs: { 'aria-label': `Outcome of: ${describeIntroduction(intro, opts.viewer, opts.names)}` } },
    (Object.keys(STATUS_LABELS) as IntroductionStatus[]).map((s) => el('option', { text: STATUS_LABELS[s], attrs: { value: s, selected: s === intro.status } })),
  );
  let saved = intro.status;
  select.addEventListener('change', async () => {
    const next = select.value as IntroductionStatus;
    select.disabled = true;
    status.className = 'record-status';
    status.textContent = 'Saving…';
    try {
      const updated = await opts.api.updateIntroduction(intro.id, { status: next });
      saved = updated.status;
      row.dataset.status = saved;
      status.className = 'record-status ok';
      status.textContent = `Saved: ${STATUS_LABELS[saved].toLowerCase()}.`;
      opts.onOutcome?.();
    } catch (err) {
      select.value = saved;
      status.className = 'record-status error';
      status.textContent = err instanceof ApiError ? err.message : `Could not save it: ${(err as Error).message}`;
    } finally {
      select.disabled = false;
    }
  });
  const people = [intro.introducer, intro.a, intro.b].filter((id) => id !== opts.viewer);
  const links = people.map((id) => {
    const link = el('button', { class: 'link', text: opts.names.get(id) ?? id, attrs: { type: 'button' } });
    link.addEventListener('click', () => opts.onSelectPerson(id));
    return link;
  });
  const facts = [formatDate(Date.parse(intro.at)), intro.value !== null ? `value ${formatNumber(intro.value)}` : null, intro.note || null].filter(
    (x): x is string => x !== null,
  );
  const row = el('li', { class: 'introduction', attrs: { 'data-id': intro.id, 'data-status': intro.status } }, [
    el('div', { class: 'introduction-head' }, [el('span', { class: 'introduction-title', text: describeIntroduction(intro, opts.viewer, opts.names) }), select]),
    el('div', { class: 'introduction-people' }, links.flatMap((l, k) => (k === 0 ? [l] : [' · ', l]))),
    el('p', { class: 'muted small introduction-facts', text: facts.join(' · ') }),
    status,
  ]);
  return row;
}
