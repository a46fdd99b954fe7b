/**
 * Putting a deleted person back (the Undo of a delete): what of their snapshot can return, given what changed since.
 * Someone stored under their id since stops it all (409: restoring would overwrite them). Otherwise a record that
 * names a person or an event deleted since, or whose id was taken since, stays out, and is named with why.
 */
import { ConflictError } from './errors.ts';
import type { PersonSnapshot } from './model.ts';

/** What the store holds now that stands in the way (restore-conflicts.cypher). */
export interface RestoreConflicts {
  personExists: boolean;
  missingPeople: string[];
  missingEvents: string[];
  takenEvents: string[];
  takenIntroductions: string[];
  takenDismissals: string[];
}

/** The ids a snapshot's records name besides the person's own, and the ids of its own records, to ask about. */
export function restoreQuestion(s: PersonSnapshot): { person: string; people: string[]; events: string[]; ownEvents: string[]; introductions: string[]; dismissals: string[] } {
  const who = s.person.id;
  const people = new Set<string>();
  for (const t of s.ties) people.add(t.from).add(t.to);
  for (const e of s.events) for (const r of e.reached) people.add(r.person);
  for (const i of s.introductions) people.add(i.introducer).add(i.a).add(i.b);
  for (const d of s.dismissals) people.add(d.by).add(d.a).add(d.b);
  people.delete(who);
  return {
    person: who,
    people: [...people],
    events: [...new Set([...s.drove.map((l) => l.event), ...s.reached.map((l) => l.event)])],
    ownEvents: s.events.map((e) => e.id),
    introductions: s.introductions.map((i) => i.id),
    dismissals: s.dismissals.map((d) => d.id),
  };
}

/** The part of the snapshot that can come back, and what cannot with why; a 409 when someone has their id now. */
export function planRestore(s: PersonSnapshot, c: RestoreConflicts): { keep: PersonSnapshot; skipped: string[] } {
  if (c.personExists) {
    throw new ConflictError(`Cannot restore ${s.person.name}: someone was stored under "${s.person.id}" since, and restoring would overwrite them`, {
      id: s.person.id,
    });
  }
  const gonePeople = new Set(c.missingPeople);
  const goneEvents = new Set(c.missingEvents);
  const takenEvents = new Set(c.takenEvents);
  const takenIntroductions = new Set(c.takenIntroductions);
  const takenDismissals = new Set(c.takenDismissals);
  const skipped: string[] = [];
  const gone = (ids: string[]) => ids.find((id) => gonePeople.has(id));

  const ties = s.ties.filter((t) => {
    const other = gone([t.from, t.to]);
    if (other) skipped.push(`the tie ${t.from} → ${t.to}: "${other}" was deleted since`);
    return !other;
  });
  const events = s.events
    .filter((e) => {
      if (takenEvents.has(e.id)) skipped.push(`event "${e.id}": another event was stored under its id since`);
      return !takenEvents.has(e.id);
    })
    .map((e) => {
      const reached = e.reached.filter((r) => !gonePeople.has(r.person));
      for (const r of e.reached) if (gonePeople.has(r.person)) skipped.push(`event "${e.id}" reaching "${r.person}": they were deleted since`);
      return reached.length === e.reached.length ? e : { ...e, reached };
    });
  const linked = <L extends { event: string }>(links: L[], what: string) =>
    links.filter((l) => {
      if (goneEvents.has(l.event)) skipped.push(`${what} event "${l.event}": it was deleted since`);
      return !goneEvents.has(l.event);
    });
  const drove = linked(s.drove, 'driving');
  const reached = linked(s.reached, 'reached by');
  const introductions = s.introductions.filter((i) => {
    const other = gone([i.introducer, i.a, i.b]);
    if (other) skipped.push(`introduction "${i.id}": "${other}" was deleted since`);
    else if (takenIntroductions.has(i.id)) skipped.push(`introduction "${i.id}": another introduction was stored under its id since`);
    return !other && !takenIntroductions.has(i.id);
  });
  const dismissals = s.dismissals.filter((d) => {
    const other = gone([d.by, d.a, d.b]);
    if (other) skipped.push(`dismissal "${d.id}": "${other}" was deleted since`);
    else if (takenDismissals.has(d.id)) skipped.push(`dismissal "${d.id}": another dismissal was stored under its id since`);
    return !other && !takenDismissals.has(d.id);
  });
  return {
    keep: { person: s.person, ties, events, drove, reached, introductions, dismissals },
    skipped,
  };
}
