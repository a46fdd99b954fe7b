/** The ids made for people added without one (POST /api/people with a name only); the API test checks the choice of a free one. */
import { describe, expect, it } from 'vitest';
import { personIdFor } from '../../src/domain/model.ts';

describe('an id made from a name', () => {
  it('is "p-" and the words in lower case, Latin letters without accents, joined by hyphens', () => {
    expect(personIdFor('Ana Lima')).toBe('p-ana-lima');
    expect(personIdFor('  Zoë   Ångström ')).toBe('p-zoe-angstrom');
    expect(personIdFor("Dr. Seán O'Brien-Smith")).toBe('p-dr-sean-o-brien-smith');
    expect(personIdFor('Ünal Çelik 2nd')).toBe('p-unal-celik-2nd');
  });

  it('keeps letters of any script, whole', () => {
    expect(personIdFor('李小龙')).toBe('p-李小龙');
    expect(personIdFor('Дмитрий Шостакович')).toBe('p-дмитрий-шостакович');
    expect(personIdFor('김민준')).toBe('p-김민준');
    expect(personIdFor('𠀋'.repeat(50))).toBe(`p-${'𠀋'.repeat(40)}`);
  });

  it('numbers later attempts, and falls back to "person" when nothing in the name spells a word', () => {
    expect(personIdFor('Ana Lima', 2)).toBe('p-ana-lima-2');
    expect(personIdFor('!!! ???')).toBe('p-person');
    expect(personIdFor('🙂', 3)).toBe('p-person-3');
  });

  it('is at most 40 characters of name, with no hyphen left at a cut', () => {
    const id = personIdFor(`${'a'.repeat(39)} bcd`);
    expect(id).toBe(`p-${'a'.repeat(39)}`);
  });
});
