import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/domain/errors.ts';
import { personSnapshotSchema, type PersonSnapshot } from '../../src/domain/model.ts';
import { planRestore, restoreQuestion, type RestoreConflicts } from '../../src/domain/person-restore.ts';

const snapshot: PersonSnapshot = personSnapshotSchema.parse({
  person: { id: 'omar', name: 'Omar Haddad' },
  ties: [
    { id: 'omar->ana', from: 'omar', to: 'ana' },
    { id: 'lee->omar', from: 'lee', to: 'omar', trust: 0.9 },
  ],
  events: [
    { id: 'e1', at: '2024-01-01', drivers: [{ person: 'omar' }], reached: [{ person: 'ana' }, { person: 'lee' }] },
    { id: 'e2', at: '2024-02-01', drivers: [{ person: 'omar' }] },
  ],
  drove: [{ event: 'e3', role: 'host' }],
  reached: [{ event: 'e4', weight: 2 }],
  introductions: [
    { id: 'i1', introducer: 'lee', a: 'omar', b: 'ana', at: '2024-03-01' },
    { id: 'i2', introducer: 'omar', a: 'lee', b: 'zoe', at: '2024-03-02' },
  ],
  dismissals: [{ id: 'd1', by: 'omar', a: 'omar', b: 'zoe', at: '2024-04-01' }],
});
const nothing: RestoreConflicts = { personExists: false, missingPeople: [], missingEvents: [], takenEvents: [], takenIntroductions: [], takenDismissals: [] };

describe('restoring a deleted person', () => {
  it('asks about everyone and every event their records name, and the ids of their own records', () => {
    const q = restoreQuestion(snapshot);
    expect(q.person).toBe('omar');
    expect(q.people.sort()).toEqual(['ana', 'lee', 'zoe']);
    expect(q.events.sort()).toEqual(['e3', 'e4']);
    expect(q).toMatchObject({ ownEvents: ['e1', 'e2'], introductions: ['i1', 'i2'], dismissals: ['d1'] });
  });

  it('puts everything back when nothing changed since', () => {
    expect(planRestore(snapshot, nothing)).toEqual({ keep: snapshot, skipped: [] });
  });

  it('leaves out what names someone or an event deleted since, or whose id was taken, and says why', () => {
    const { keep, skipped } = planRestore(snapshot, { ...nothing, missingPeople: ['ana'], missingEvents: ['e4'], takenEvents: ['e2'], takenIntroductions: ['i2'], takenDismissals: ['d1'] });
    expect(keep.ties.map((t) => t.id)).toEqual(['lee->omar']);
    expect(keep.events.map((e) => [e.id, e.reached.map((r) => r.person)])).toEqual([['e1', ['lee']]]);
    expect(keep.drove).toEqual(snapshot.drove);
    expect(keep.reached).toEqual([]);
    expect(keep.introductions).toEqual([]);
    expect(keep.dismissals).toEqual([]);
    expect(skipped).toEqual([
      'the tie omar → ana: "ana" was deleted since',
      'event "e2": another event was stored under its id since',
      'event "e1" reaching "ana": they were deleted since',
      'reached by event "e4": it was deleted since',
      'introduction "i1": "ana" was deleted since',
      'introduction "i2": another introduction was stored under its id since',
      'dismissal "d1": another dismissal was stored under its id since',
    ]);
  });

  it('refuses to overwrite someone stored under their id since', () => {
    expect(() => planRestore(snapshot, { ...nothing, personExists: true })).toThrow(ConflictError);
  });

  it('takes only records that name the person', () => {
    const stray = { ...snapshot, introductions: [{ id: 'i9', introducer: 'lee', a: 'ana', b: 'zoe', at: '2024-03-01T00:00:00.000Z', status: 'made', value: null, note: '', outcomeAt: null }] };
    const parsed = personSnapshotSchema.safeParse(stray);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe('introduction "i9" does not name "omar"');
  });
});
