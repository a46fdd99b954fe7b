/** The line over the map while it keeps to a neighbourhood: its words (the browser test clicks it). */
import { describe, expect, it } from 'vitest';
import { neighbourhoodCount, stepsText } from '../../client/src/panel/focus-bar.ts';

describe('focus bar', () => {
  it('counts the people shown, and the whole neighbourhood when the node limit cuts it', () => {
    expect(neighbourhoodCount(57, 57)).toBe('57 people');
    expect(neighbourhoodCount(1, 1)).toBe('1 person');
    expect(neighbourhoodCount(500, 2013)).toBe('500 of 2,013 people');
    expect(stepsText(1)).toBe('1 step');
    expect(stepsText(3)).toBe('3 steps');
  });
});
