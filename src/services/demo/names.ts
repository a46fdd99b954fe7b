/**
 * Invented names for the demo world: people from first-name and last-name syllables, a few organisations
 * from word lists. Names are unique within a world and never equal a planted archetype's name.
 */
import type { Rng } from './rng.ts';
import type { DemoSector } from './vocabulary.ts';

const FIRST_ONSETS = ['A', 'Be', 'Ca', 'Da', 'E', 'Fa', 'Ga', 'Ha', 'I', 'Ja', 'Ka', 'La', 'Ma', 'Na', 'O', 'Pe', 'Ra', 'Sa', 'Ta', 'Va', 'Ya', 'Ze', 'Lu', 'Mi', 'Ro', 'Ti'];
const FIRST_MIDDLES = ['li', 'ri', 'na', 've', 'lo', 'mi', 'ra', 'de', 'si', 'no', 'bel', 'ren', 'mar', 'vin', ''];
const FIRST_ENDINGS = ['a', 'o', 'n', 'el', 'ia', 'en', 'is', 'ar', 'e', 'ine', 'us', 'an', 'io', 'ra', 'la'];

const LAST_STEMS = ['Ber', 'Cal', 'Dor', 'Fen', 'Gar', 'Hal', 'Kor', 'Lind', 'Mar', 'Nor', 'Ost', 'Pel', 'Quin', 'Ros', 'Sal', 'Tor', 'Val', 'Wes', 'Yor', 'Zel', 'Ash', 'Brun', 'Crest', 'Dal', 'Ev'];
const LAST_LINKS = ['a', 'e', 'i', 'o', '', '', ''];
const LAST_ENDINGS = ['berg', 'ford', 'man', 'son', 'ton', 'ley', 'ani', 'elli', 'ova', 'ez', 'ski', 'ard', 'wood', 'ine', 'quist', 'dottir', 'eau', 'ic', 'ando', 'hurst'];

const ORG_WORDS = ['Northwind', 'Bluebell', 'Harbor', 'Keystone', 'Lumen', 'Meridian', 'Copperleaf', 'Brightwater', 'Halcyon', 'Ironbridge', 'Saltmarsh', 'Tallgrass'];
const ORG_SUFFIX: Record<DemoSector, string[]> = {
  music: ['Records', 'Sound Collective', 'Music Hall'],
  film: ['Pictures', 'Studios', 'Film Society'],
  technology: ['Labs', 'Systems', 'Software'],
  finance: ['Capital', 'Partners', 'Ventures'],
  health: ['Clinic', 'Health Trust', 'Medical Institute'],
  education: ['Academy', 'Learning Trust', 'College'],
  humanitarian: ['Foundation', 'Relief', 'Aid Network'],
  automotive: ['Motors', 'Mobility', 'Auto Works'],
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function firstName(rng: Rng): string {
  for (;;) {
    const middle = rng.pick(FIRST_MIDDLES);
    // After a closed syllable ("bel", "ren") only an ending that opens with a vowel reads well ("Belen", not "Beln").
    const endings = /[^aeiou]$/.test(middle) ? FIRST_ENDINGS.filter((e) => /^[aeiou]/.test(e)) : FIRST_ENDINGS;
    // Collapse a doubled vowel at the joins ("Iine") that reads as a typo.
    const name = (rng.pick(FIRST_ONSETS) + middle + rng.pick(endings)).replace(/([aiu])\1/gi, '$1');
    if (name.length >= 4) return capitalise(name.toLowerCase());
  }
}

function lastName(rng: Rng): string {
  return (rng.pick(LAST_STEMS) + rng.pick(LAST_LINKS) + rng.pick(LAST_ENDINGS)).replace(/([aiu])\1/g, '$1');
}

/** Makes unique names, refusing any in `reserved`. */
export class NameMaker {
  private readonly used: Set<string>;

  constructor(
    private readonly rng: Rng,
    reserved: Iterable<string>,
  ) {
    this.used = new Set(reserved);
  }

  person(): string {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const name = `${firstName(this.rng)} ${lastName(this.rng)}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    throw new Error('demo names: could not find an unused person name');
  }

  organisation(sector: DemoSector): string {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const name = `${this.rng.pick(ORG_WORDS)} ${this.rng.pick(ORG_SUFFIX[sector])}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    // Word lists exhausted for this sector: fall back to a person-like name.
    return this.person();
  }
}
