/**
 * The profile editor's pure parts: reading labels typed into a tag field, what a draft changes, what stops it,
 * and how the map takes an edited person (a new sector's colour, the label in place). The editor in the page is
 * checked in real Chromium (browser.test.ts, "Edit changes who a person is").
 */
import { describe, expect, it } from 'vitest';
import type { GraphResponse } from '../../src/api/contract.ts';
import { categoricalColor, sectorColors, withSectors } from '../../client/src/graph/palette.ts';
import { buildScene, updatePerson } from '../../client/src/graph/scene.ts';
import { deletionQuestion, draftProblem, profileChanges, restoredText } from '../../client/src/panel/person-editor.ts';
import { addTags, splitTags, tagKey } from '../../client/src/panel/tag-field.ts';

describe('tag fields', () => {
  it('split what was typed or pasted on commas and line breaks, trimmed, blanks dropped, inner spaces kept single', () => {
    expect(splitTags(' design,  legal ,,\nmedia   coverage\r\n')).toEqual(['design', 'legal', 'media coverage']);
    expect(splitTags(' , \n')).toEqual([]);
  });

  it('take one spelling of a label: case, spaces, hyphens and underscores aside', () => {
    expect(tagKey('Media coverage')).toBe(tagKey('media-coverage'));
    expect(tagKey('MEDIA_COVERAGE')).toBe(tagKey('media  coverage'));
    expect(tagKey('media')).not.toBe(tagKey('mediacoverage'));
  });

  it('add labels after the ones there, not twice, in the spelling already known', () => {
    const known = ['public-speaking', 'design'];
    expect(addTags(['design'], 'Public Speaking, DESIGN, law', known)).toEqual(['design', 'public-speaking', 'law']);
    expect(addTags([], 'Law, law, LAW')).toEqual(['Law']);
    // a label already there keeps its own spelling, even when a known one differs
    expect(addTags(['Design'], 'design', known)).toEqual(['Design']);
    expect(addTags(['a'], '')).toEqual(['a']);
  });
});

describe('a profile draft', () => {
  const ana = { name: 'Ana Torres', sectors: ['technology'], offers: ['engineering', 'design'], seeks: ['funding'] };

  it('changes only the fields that differ (a name compared trimmed, lists in order)', () => {
    expect(profileChanges(ana, { ...ana, name: '  Ana Torres ' })).toBeNull();
    expect(profileChanges(ana, { ...ana, name: ' Ana María Torres ' })).toEqual({ name: 'Ana María Torres' });
    expect(profileChanges(ana, { ...ana, offers: ['design', 'engineering'] })).toEqual({ offers: ['design', 'engineering'] });
    expect(profileChanges(ana, { ...ana, seeks: [] , sectors: ['technology', 'space'] })).toEqual({ seeks: [], sectors: ['technology', 'space'] });
  });

  it('needs a name, of at most 300 characters', () => {
    expect(draftProblem(ana)).toBeNull();
    expect(draftProblem({ ...ana, name: ' \t ' })).toBe('A name is needed.');
    expect(draftProblem({ ...ana, name: 'x'.repeat(301) })).toBe('The name is 301 characters long; 300 at most.');
    expect(draftProblem({ ...ana, name: 'x'.repeat(300) })).toBeNull();
  });
});

describe('the map after an edit', () => {
  it('gives a new sector the next colour, one no sector has, and leaves the others theirs', () => {
    const colors = sectorColors(['finance', 'music']);
    const next = withSectors(colors, ['music', 'space', 'space', 'law']);
    expect(next.get('finance')).toBe(colors.get('finance'));
    expect(next.get('music')).toBe(colors.get('music'));
    expect(next.get('space')).toBe(categoricalColor(2));
    expect(next.get('law')).toBe(categoricalColor(3));
    expect(new Set(next.values()).size).toBe(4);
    // nothing new: the same palette, so nothing redraws for it
    expect(withSectors(colors, ['music'])).toBe(colors);
    expect(colors.has('space')).toBe(false);
  });

  it("takes a person's new name and sectors in place; someone not on the map changes nothing", () => {
    const response: GraphResponse = {
      nodes: [
        { id: 'a', name: 'Ada', sectors: ['music'], community: 0, score: 0.5, activity: 10, x: 1, y: 2 },
        { id: 'b', name: 'Ben', sectors: ['finance'], community: 0, score: 0.3, activity: 5, x: 3, y: 4 },
      ],
      edges: [{ source: 'a', target: 'b', weight: 1 }],
      metric: 'pagerank',
      at: null,
      total: { nodes: 2, edges: 1 },
      communities: 1,
    };
    const scene = buildScene(response);
    const sectors = ['space'];
    expect(updatePerson(scene, { id: 'a', name: 'Ada Lovelace', sectors })).toBe(true);
    sectors.push('later'); // the scene keeps its own copy
    expect(scene.graph.getNodeAttributes('a')).toMatchObject({ label: 'Ada Lovelace', sectors: ['space'], x: 1, y: 2, score: 0.5 });
    expect(scene.graph.getNodeAttributes('b')).toMatchObject({ label: 'Ben', sectors: ['finance'] });
    expect(updatePerson(scene, { id: 'zz', name: 'Nobody', sectors: [] })).toBe(false);
    expect(scene.graph.order).toBe(2);
  });
});

describe('deleting someone', () => {
  it('is asked about naming what goes with them, in the singular or plural, leaving out what there is none of', () => {
    expect(deletionQuestion('Ana Lima', { ties: 14, events: 4, introductions: 3, dismissals: 2 })).toBe(
      'Delete Ana Lima? Also deleted: 14 trust ties, 4 events only they drove, 3 introductions and 2 dismissed suggestions. You can undo it.',
    );
    expect(deletionQuestion('Omar', { ties: 1, events: 0, introductions: 1, dismissals: 0 })).toBe('Delete Omar? Also deleted: 1 trust tie and 1 introduction. You can undo it.');
    expect(deletionQuestion('Lee', { ties: 0, events: 1, introductions: 0, dismissals: 1 })).toBe('Delete Lee? Also deleted: 1 event only they drove and 1 dismissed suggestion. You can undo it.');
    expect(deletionQuestion('Zoë', { ties: 1200, events: 0, introductions: 0, dismissals: 0 })).toBe('Delete Zoë? Also deleted: 1,200 trust ties. You can undo it.');
    expect(deletionQuestion('New', { ties: 0, events: 0, introductions: 0, dismissals: 0 })).toBe('Delete New? Nothing else on record names them. You can undo it.');
  });

  it('say what an Undo put back, and what it could not, three reasons at most', () => {
    const person = { id: 'omar', name: 'Omar Haddad', sectors: [], offers: [], seeks: [] };
    const restored = { ties: 3, events: 1, links: 2, introductions: 0, dismissals: 0 };
    expect(restoredText({ person, restored, skipped: [] })).toBe('Restored Omar Haddad.');
    expect(restoredText({ person, restored, skipped: ['the tie omar → ana: "ana" was deleted since'] })).toBe(
      'Restored Omar Haddad. Not restored (1): the tie omar → ana: "ana" was deleted since.',
    );
    const skipped = ['a', 'b', 'c', 'd', 'e'].map((x) => `the tie omar → ${x}: "${x}" was deleted since`);
    expect(restoredText({ person, restored, skipped })).toBe(
      'Restored Omar Haddad. Not restored (5): the tie omar → a: "a" was deleted since; the tie omar → b: "b" was deleted since; the tie omar → c: "c" was deleted since; and 2 more.',
    );
  });
});
