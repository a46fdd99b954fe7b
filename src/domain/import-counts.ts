/**
 * What an import wrote, in words, for the import dialog and the command line alike. A module without
 * dependencies, so the client bundles it as it is.
 */

/** Records by kind: those a file held, or those of them that were new to the store. */
export interface RecordCounts {
  people: number;
  events: number;
  ties: number;
  introductions: number;
  dismissals: number;
}

export function emptyCounts(): RecordCounts {
  return { people: 0, events: 0, ties: 0, introductions: 0, dismissals: 0 };
}

const KINDS = [
  ['people', 'person', 'people'],
  ['events', 'event', 'events'],
  ['ties', 'tie', 'ties'],
  ['introductions', 'introduction', 'introductions'],
  ['dismissals', 'hidden suggestion', 'hidden suggestions'],
] as const;

/** "1 person, 2 ties": the kinds there are some of, singular or plural; '' when none. */
export function countsText(counts: RecordCounts): string {
  return KINDS.filter(([k]) => counts[k] > 0)
    .map(([k, one, many]) => `${counts[k].toLocaleString('en-US')} ${counts[k] === 1 ? one : many}`)
    .join(', ');
}

/**
 * "2 people, 3 ties (new: 1 person, 3 ties)": what the file wrote and which of it the store did not have. Writing
 * is by id, so a record already stored is overwritten, not doubled; new people include those a line only names.
 */
export function describeWritten(written: RecordCounts, created: RecordCounts): string {
  const all = countsText(written);
  if (all === '') return 'nothing: the file holds no records';
  const fresh = countsText(created);
  if (fresh === '') return `${all} (nothing new: every one was already stored)`;
  if (KINDS.every(([k]) => created[k] === written[k])) return `${all} (all new)`;
  return `${all} (new: ${fresh})`;
}
