/** The message drafted for a suggested introduction, and the note recorded with it (client/src/panel/compose.ts). */
import { describe, expect, it } from 'vitest';
import type { Suggestion, SuggestionReasons } from '../../src/api/contract.ts';
import { chainRequestDraft, introductionDraft, introductionNote, mailtoHref, } from '../../client/src/panel/compose.ts';
import { NOTE_MAX_LENGTH } from '../../src/domain/constants.ts';
import { sampleSuggestion } from '../support/suggestion.ts';

/** Ana and Omar complement each other both ways and share music; the introducer's title is not a first name. */
function suggestion(reasons: Partial<SuggestionReasons> = {}): Suggestion {
  return sampleSuggestion({ aOffersBSeeks: ['engineering'], sharedSectors: ['music'], ...reasons }, 'Dr Helena Brandt');
}

describe('introductionDraft', () => {
  it('asks the introducer, from either side, saying what each offers the other', () => {
    const ana = introductionDraft(suggestion(), 'p-ana');
    expect(ana.kind).toBe('request');
    expect(ana.to).toEqual(['Helena']);
    expect(ana.subject).toBe('Would you introduce me to Omar Haddad?');
    expect(ana.body.split('\n')).toEqual([
      'Hi Helena,',
      '',
      'Would you introduce me to Omar Haddad? Omar offers funding and mentorship, which I am looking for, and I offer engineering, which Omar is looking for. We are both active in music.',
      '',
      'You know us both, so a word from you would mean more than a message out of the blue. If Omar is open to it, I would be glad if you put us in touch.',
      '',
      'Thank you,',
      'Ana',
    ]);
    const omar = introductionDraft(suggestion(), 'p-omar');
    expect(omar.subject).toBe('Would you introduce me to Ana Torres?');
    expect(omar.body).toContain('Would you introduce me to Ana Torres? Ana offers engineering, which I am looking for, and I offer funding and mentorship, which Ana is looking for.');
    expect(omar.body.endsWith('Thank you,\nOmar')).toBe(true);
  });

  it('says only what the reasons hold', () => {
    const oneWay = introductionDraft(suggestion({ aOffersBSeeks: [], sharedSectors: [] }), 'p-ana');
    expect(oneWay.body).toContain('Would you introduce me to Omar Haddad? Omar offers funding and mentorship, which I am looking for.\n');
    const otherWay = introductionDraft(suggestion({ bOffersASeeks: [], sharedSectors: [] }), 'p-ana');
    expect(otherWay.body).toContain('Would you introduce me to Omar Haddad? I offer engineering, which Omar is looking for.\n');
    // nothing offered or shared: the people in common, the introducer among them
    const bare = introductionDraft(suggestion({ aOffersBSeeks: [], bOffersASeeks: [], sharedSectors: [] }), 'p-ana');
    expect(bare.body).toContain('Would you introduce me to Omar Haddad? We have 3 people in common, you among them.\n');
    expect(bare.body).not.toMatch(/offer|active in/);
    // only the introducer in common: nothing to add
    const one = introductionDraft(suggestion({ aOffersBSeeks: [], bOffersASeeks: [], sharedSectors: [], commonTies: 1 }), 'p-ana');
    expect(one.body).toContain('Would you introduce me to Omar Haddad?\n');
    const alone = introductionDraft(suggestion({ aOffersBSeeks: [], bOffersASeeks: [], sharedSectors: [], commonTies: 1 }), 'p-connector');
    expect(alone.body).toContain('I would like to introduce you to each other.\n\nI will leave it to you');
  });

  it('writes the introduction itself for the introducer or anyone else', () => {
    for (const viewer of ['p-connector', 'someone-else', null]) {
      const d = introductionDraft(suggestion(), viewer);
      expect(d.kind).toBe('introduction');
      expect(d.to).toEqual(['Ana', 'Omar']);
      expect(d.subject).toBe('Introduction: Ana Torres and Omar Haddad');
      expect(d.body.split('\n')).toEqual([
        'Hi Ana and Omar,',
        '',
        'I would like to introduce you to each other.',
        '',
        'Ana, Omar offers funding and mentorship, which you are looking for.',
        'Omar, Ana offers engineering, which you are looking for.',
        'You are both active in music.',
        '',
        'I will leave it to you to take it from here.',
        '',
        'Best,',
        'Helena',
      ]);
    }
    const bare = introductionDraft(suggestion({ aOffersBSeeks: [], bOffersASeeks: [], sharedSectors: [] }), 'p-connector');
    expect(bare.body).toContain('I would like to introduce you to each other.\n\nYou have 3 people in common, and I think you should know each other.\n');
  });
});

describe('mailtoHref', () => {
  it('carries subject and body, encoded, to no address', () => {
    const href = mailtoHref('Introduction: Ana & Omar', 'Hi Ana,\n\n50% sure?');
    expect(href).toBe('mailto:?subject=Introduction%3A%20Ana%20%26%20Omar&body=Hi%20Ana%2C%0A%0A50%25%20sure%3F');
    const url = new URL(href);
    expect(url.searchParams.get('subject')).toBe('Introduction: Ana & Omar');
    expect(url.searchParams.get('body')).toBe('Hi Ana,\n\n50% sure?');
  });
});

describe('introductionNote', () => {
  it('says in one line why the introduction was suggested', () => {
    expect(introductionNote(suggestion())).toBe('Suggested by Catalyst: Omar offers funding and mentorship, which Ana seeks; Ana offers engineering, which Omar seeks');
    expect(introductionNote(suggestion({ aOffersBSeeks: [], bOffersASeeks: [] }))).toBe('Suggested by Catalyst: both active in music');
    expect(introductionNote(suggestion({ aOffersBSeeks: [], bOffersASeeks: [], sharedSectors: [] }))).toBe('Suggested by Catalyst: 3 people in common');
    expect(introductionNote(suggestion({ aOffersBSeeks: [], bOffersASeeks: [], sharedSectors: [], commonTies: 0 }))).toBe('Suggested by Catalyst');
  });

  it('stays within the API’s limit on notes', () => {
    const many = Array.from({ length: 400 }, (_, k) => `skill number ${k}`);
    const note = introductionNote(suggestion({ bOffersASeeks: many }));
    expect(note.length).toBe(NOTE_MAX_LENGTH);
    expect(note.endsWith('…')).toBe(true);
  });
});

describe('chainRequestDraft', () => {
  const person = (id: string, name: string) => ({ id, name });
  const ana = person('p-ana', 'Ana Torres');
  const helena = person('p-connector', 'Helena Brandt');
  const marcus = person('p-marcus', 'Marcus Vale');
  const sam = person('p-sam', 'Sam Rivera');
  const zara = person('p-fad', 'Zara Flash');

  it('asks the one introducer for the person sought', () => {
    const d = chainRequestDraft([ana, helena, zara])!;
    expect(d.kind).toBe('request');
    expect(d.to).toEqual(['Helena']);
    expect(d.subject).toBe('Would you introduce me to Zara Flash?');
    expect(d.body.split('\n')).toEqual([
      'Hi Helena,',
      '',
      'Would you introduce me to Zara Flash?',
      '',
      'You know us both, so a word from you would mean more than a message out of the blue. If Zara is open to it, I would be glad if you put us in touch.',
      '',
      'Thank you,',
      'Ana',
    ]);
  });

  it('along a longer chain, asks the first introducer for the next person, saying where the chain leads', () => {
    const d = chainRequestDraft([ana, helena, marcus, zara])!;
    expect(d.to).toEqual(['Helena']);
    expect(d.subject).toBe('Would you introduce me to Marcus Vale?');
    expect(d.body).toContain('\nI am hoping to reach Zara Flash, and the way there goes through Marcus Vale. Would you introduce me to Marcus?\n');
    expect(d.body).toContain('If Marcus is open to it');
    const longer = chainRequestDraft([ana, helena, marcus, sam, zara])!;
    expect(longer.body).toContain('the way there goes through Marcus Vale, then Sam Rivera. Would you introduce me to Marcus?');
  });

  it('has nobody to ask without someone in between', () => {
    expect(chainRequestDraft([ana, zara])).toBeNull();
    expect(chainRequestDraft([ana])).toBeNull();
  });
});
