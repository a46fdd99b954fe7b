/** The Trust section's reading of a typed percentage and its words for a tie; the section itself is checked in Chromium (browser.test.ts). */
import { describe, expect, it } from 'vitest';
import { parseTrustPercent, tieWords } from '../../client/src/panel/trust.ts';

describe('a typed trust', () => {
  it('reads a percentage from 0 to 100, with or without the sign, to a tenth of a percent', () => {
    expect(parseTrustPercent('80')).toEqual({ trust: 0.8 });
    expect(parseTrustPercent(' 80 % ')).toEqual({ trust: 0.8 });
    expect(parseTrustPercent('0')).toEqual({ trust: 0 });
    expect(parseTrustPercent('100')).toEqual({ trust: 1 });
    expect(parseTrustPercent('42.5')).toEqual({ trust: 0.425 });
    expect(parseTrustPercent('33.333')).toEqual({ trust: 0.333 });
  });

  it('says what is wrong with anything else', () => {
    expect(parseTrustPercent('150')).toEqual({ problem: 'Trust is a percentage from 0 to 100, not “150”.' });
    expect(parseTrustPercent('-1')).toEqual({ problem: 'Trust is a percentage from 0 to 100, not “-1”.' });
    expect(parseTrustPercent('lots')).toEqual({ problem: 'Trust is a percentage from 0 to 100, not “lots”.' });
    expect(parseTrustPercent('  ')).toEqual({ problem: 'Trust is a percentage from 0 to 100.' });
  });
});

describe('a tie in words', () => {
  it('follows the tie’s own direction, with first names', () => {
    const names: Record<string, string> = { a: 'Ana Torres', h: 'Professor Helena Brandt' };
    expect(tieWords({ from: 'a', to: 'h' }, (id) => names[id]!)).toBe('Ana trusts Helena');
    expect(tieWords({ from: 'h', to: 'a' }, (id) => names[id]!)).toBe('Helena trusts Ana');
  });
});
