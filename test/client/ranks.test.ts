import { describe, expect, it } from 'vitest';
import { rankText } from '../../client/src/panel/person-panel.ts';

describe('rankText', () => {
  it('gives the rank, marks a shared one, and says when a score ranks nobody', () => {
    expect(rankText({ rank: 3, of: 400, tied: 0 })).toEqual({ text: '#3 of 400' });
    expect(rankText({ rank: 27, of: 400, tied: 373 })).toEqual({ text: '#27= of 400', title: 'joint 27: 373 others have the same score' });
    expect(rankText({ rank: 5, of: 400, tied: 1 }).title).toBe('joint 5: 1 other has the same score');
    // everyone shares the score (an introducer score before any introduction is recorded)
    expect(rankText({ rank: 1, of: 1899, tied: 1898 })).toEqual({ text: 'all 1,899 equal', title: 'Everyone has the same score: it ranks nobody' });
    // one person alone is ranked first, not "all equal"
    expect(rankText({ rank: 1, of: 1, tied: 0 })).toEqual({ text: '#1 of 1' });
  });
});
