/**
 * The Events section's pure parts: an event's sign and facts in words, who else was in it, the form's checks and
 * the body it sends, and how the map keeps everyone in place when it is rebuilt after a change. The section and
 * the form in the page are checked in real Chromium (browser.test.ts, "Events list…").
 */
import { describe, expect, it } from 'vitest';
import type { GraphResponse } from '../../src/api/contract.ts';
import { eventSchema } from '../../src/domain/model.ts';
import { eventDraftProblem, eventFromDraft, eventRole, isoDay, newEventId, valenceText, type EventDraft } from '../../client/src/panel/event-form.ts';
import { eventFacts, eventWho } from '../../client/src/panel/events.ts';
import { keepPlaces } from '../../client/src/graph/scene.ts';

const names: Record<string, string> = { ana: 'Ana Torres', omar: 'Omar Haddad', helena: 'Helena Brandt', zara: 'Zara Flash', nia: 'Nia Okafor' };
const nameOf = (id: string) => names[id] ?? id;

describe('an event in words', () => {
  it('gives the sign of its effect to a tenth, with a real minus', () => {
    expect(valenceText(0.6)).toBe('positive +0.6');
    expect(valenceText(-0.44)).toBe('negative −0.4');
    expect(valenceText(1)).toBe('positive +1.0');
    expect(valenceText(0)).toBe('neutral');
    expect(valenceText(0.04)).toBe('neutral');
    expect(valenceText(-0.04)).toBe('neutral');
  });

  it('lists kind, medium and sector, leaving out the placeholders the API fills in', () => {
    expect(eventFacts({ kind: 'talk', medium: 'in-person', sector: 'technology' })).toBe('talk · in-person · technology');
    expect(eventFacts({ kind: 'event', medium: 'unspecified', sector: 'general' })).toBe('event');
  });

  it('says who else drove it and how many it reached, or who drove what reached the person', () => {
    const d = (...ids: string[]) => ids.map((person) => ({ person, role: 'driver' }));
    const r = (...ids: string[]) => ids.map((person) => ({ person, weight: 1 }));
    expect(eventWho({ drivers: d('ana'), reached: r('omar', 'helena') }, 'ana', nameOf)).toBe('reached 2 people');
    expect(eventWho({ drivers: d('ana'), reached: r('omar') }, 'ana', nameOf)).toBe('reached 1 person');
    expect(eventWho({ drivers: d('ana'), reached: [] }, 'ana', nameOf)).toBe('a broadcast');
    expect(eventWho({ drivers: d('ana', 'omar'), reached: r('helena') }, 'ana', nameOf)).toBe('with Omar Haddad · reached 1 person');
    expect(eventWho({ drivers: d('omar', 'helena'), reached: r('ana') }, 'ana', nameOf)).toBe('by Omar Haddad and Helena Brandt');
    expect(eventWho({ drivers: d('omar', 'helena', 'zara', 'nia'), reached: r('ana') }, 'ana', nameOf)).toBe('by Omar Haddad, Helena Brandt and 2 others');
    // someone who drove it and reached themself: they drove it, and are not counted among those reached
    expect(eventWho({ drivers: d('ana'), reached: r('ana', 'omar') }, 'ana', nameOf)).toBe('reached 1 person');
    expect(eventRole({ drivers: d('ana'), reached: r('ana') }, 'ana')).toBe('both');
    expect(eventRole({ drivers: d('ana'), reached: [] }, 'omar')).toBe('none');
  });
});

describe('the event form', () => {
  const draft: EventDraft = {
    title: '  Keynote at the summit ',
    date: '2026-03-01',
    kind: 'talk',
    sector: ' technology ',
    medium: '',
    valence: 0.6000000001,
    magnitude: ' 2.5 ',
    fade: 'kind',
    drivers: ['ana'],
    reached: ['omar', 'helena'],
  };
  const today = '2026-11-24';

  it('lets a complete draft through', () => {
    expect(eventDraftProblem(draft, today, nameOf)).toBeNull();
    expect(eventDraftProblem({ ...draft, date: today }, today, nameOf)).toBeNull();
    expect(eventDraftProblem({ ...draft, reached: [] }, today, nameOf)).toBeNull();
  });

  it('says what stops a draft, naming the value or the person', () => {
    expect(eventDraftProblem({ ...draft, date: '' }, today, nameOf)).toBe('A date is needed: when did it happen?');
    expect(eventDraftProblem({ ...draft, date: '2026-02-31x' }, today, nameOf)).toBe('A date is needed: when did it happen?');
    expect(eventDraftProblem({ ...draft, date: '2026-11-25' }, today, nameOf)).toBe('The date 2026-11-25 is after today: record what has happened.');
    expect(eventDraftProblem({ ...draft, magnitude: '0' }, today, nameOf)).toBe('The size is a number above 0, not “0”.');
    expect(eventDraftProblem({ ...draft, magnitude: 'big' }, today, nameOf)).toBe('The size is a number above 0, not “big”.');
    expect(eventDraftProblem({ ...draft, magnitude: ' ' }, today, nameOf)).toBe('The size is a number above 0.');
    expect(eventDraftProblem({ ...draft, drivers: [] }, today, nameOf)).toBe('Someone must have driven it: add who did.');
    expect(eventDraftProblem({ ...draft, reached: ['omar', 'ana'] }, today, nameOf)).toBe('Ana Torres cannot both drive it and be reached by it.');
    expect(eventDraftProblem({ ...draft, kind: 'k'.repeat(101) }, today, nameOf)).toBe('The kind is 101 characters long; 100 at most.');
    expect(eventDraftProblem({ ...draft, title: 't'.repeat(501) }, today, nameOf)).toBe('The title is 501 characters long; 500 at most.');
  });

  it('sends what the API takes: trimmed text, blanks left to its defaults, the fade picked, everyone linked', () => {
    const body = eventFromDraft(draft, 'ev-1');
    expect(body).toEqual({
      id: 'ev-1',
      title: 'Keynote at the summit',
      at: '2026-03-01',
      kind: 'talk',
      sector: 'technology',
      medium: undefined,
      valence: 0.6,
      magnitude: 2.5,
      fade: null,
      drivers: [{ person: 'ana' }],
      reached: [{ person: 'omar' }, { person: 'helena' }],
    });
    // the API's own schema takes it, filling in the defaults
    const parsed = eventSchema.parse(body);
    expect(parsed).toMatchObject({ at: '2026-03-01T00:00:00.000Z', medium: 'unspecified', drivers: [{ person: 'ana', role: 'driver' }] });
    expect(eventFromDraft({ ...draft, fade: 'fast' }, 'x').fade).toEqual({ model: 'exponential', halfLifeDays: 7 });
    expect(eventFromDraft({ ...draft, fade: 'none' }, 'x').fade).toEqual({ model: 'none' });
    for (const key of ['kind', 'fast', 'steady', 'lasting', 'none']) expect(() => eventSchema.parse(eventFromDraft({ ...draft, fade: key }, 'x')), key).not.toThrow();
  });

  it('makes a readable id that differs between two clicks, and dates by UTC day', () => {
    expect(newEventId(Date.UTC(2026, 10, 24), 0)).toMatch(/^ev-[0-9a-z]+-00000$/);
    expect(newEventId(1, 0.5)).not.toBe(newEventId(1, 0.51));
    expect(newEventId(1, 0.999999)).toMatch(/^ev-1-[0-9a-z]{5}$/);
    expect(isoDay(Date.UTC(2026, 10, 24, 23, 59))).toBe('2026-11-24');
  });
});

describe('a map rebuilt after a change', () => {
  const node = (id: string, x: number, y: number) => ({ id, name: id, x, y, community: 0, sectors: [], score: 1, activity: 1 });
  const response = (nodes: ReturnType<typeof node>[], edges: [string, string][]): GraphResponse => ({
    nodes,
    edges: edges.map(([source, target]) => ({ source, target, weight: 1 })),
    metric: 'pagerank',
    at: null,
    total: { nodes: nodes.length, edges: edges.length },
    communities: 1,
  });
  const old: Record<string, { x: number; y: number }> = { a: { x: 0, y: 0 }, b: { x: 100, y: 0 }, c: { x: 0, y: 100 } };
  const placed = (id: string) => old[id] ?? null;

  it('keeps everyone where they were, whatever the new layout says', () => {
    const r = response([node('a', 55, 55), node('b', -3, 7), node('c', 9, 9)], [['a', 'b']]);
    keepPlaces(r, placed);
    expect(r.nodes.map((n) => [n.x, n.y])).toEqual([
      [0, 0],
      [100, 0],
      [0, 100],
    ]);
  });

  it('puts someone new near the middle of those they are linked to, and someone unlinked just outside the drawing', () => {
    const r = response([node('a', 1, 1), node('b', 2, 2), node('c', 3, 3), node('new', 4, 4), node('alone', 5, 5)], [['a', 'new'], ['new', 'b']]);
    keepPlaces(r, placed);
    const fresh = r.nodes.find((n) => n.id === 'new')!;
    // the middle of a (0, 0) and b (100, 0), nudged by at most 2 % of the drawing's span (100)
    expect(Math.hypot(fresh.x - 50, fresh.y - 0)).toBeLessThanOrEqual(2 + 1e-9);
    expect(Math.hypot(fresh.x - 50, fresh.y)).toBeGreaterThan(0);
    const alone = r.nodes.find((n) => n.id === 'alone')!;
    // 55 % of the span from the drawing's centre (50, 50): outside it, not on top of anyone
    expect(Math.hypot(alone.x - 50, alone.y - 50)).toBeCloseTo(55, 6);
  });

  it('nudges two newcomers with the same neighbours apart, the same way every time', () => {
    const make = () => response([node('a', 0, 0), node('b', 0, 0), node('n1', 0, 0), node('n2', 0, 0)], [['a', 'n1'], ['a', 'n2'], ['b', 'n1'], ['b', 'n2']]);
    const first = make();
    keepPlaces(first, placed);
    const [n1, n2] = [first.nodes[2]!, first.nodes[3]!];
    expect(Math.hypot(n1.x - n2.x, n1.y - n2.y)).toBeGreaterThan(0.01);
    const again = make();
    keepPlaces(again, placed);
    expect(again.nodes.map((n) => [n.x, n.y])).toEqual(first.nodes.map((n) => [n.x, n.y]));
  });

  it('leaves the server layout alone when nobody was on the map before', () => {
    const r = response([node('x', 7, 8), node('y', 9, 10)], [['x', 'y']]);
    keepPlaces(r, () => null);
    expect(r.nodes.map((n) => [n.x, n.y])).toEqual([
      [7, 8],
      [9, 10],
    ]);
  });
});
