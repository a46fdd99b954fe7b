/** The score shown on a suggestion card. */
import { describe, expect, it } from 'vitest';
import { formatSuggestionScore } from '../../client/src/panel/suggestions.ts';

describe('formatSuggestionScore', () => {
  it('shows two decimals, rounded down, so a score below 1 never reads 1', () => {
    expect(formatSuggestionScore(0.99996)).toBe('0.99');
    expect(formatSuggestionScore(1 - Math.exp(-21))).toBe('0.99');
    expect(formatSuggestionScore(0.9455)).toBe('0.94');
    expect(formatSuggestionScore(0.7)).toBe('0.70');
    expect(formatSuggestionScore(0.29)).toBe('0.29');
    expect(formatSuggestionScore(0.004)).toBe('0.00');
  });

  it('keeps out-of-range input inside [0, 0.99]', () => {
    expect(formatSuggestionScore(-0.2)).toBe('0.00');
    expect(formatSuggestionScore(1)).toBe('0.99');
  });
});
