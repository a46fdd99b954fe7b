/** The words of a person's introduction list, from the point of view of the person whose panel it is. */
import { describe, expect, it } from 'vitest';
import { describeIntroduction, STATUS_LABELS } from '../../client/src/panel/introductions.ts';
import { introductionStatuses } from '../../src/domain/model.ts';

const names = new Map([
  ['p-helena', 'Helena Brandt'],
  ['p-ana', 'Ana Torres'],
  ['p-ada', 'Professor Ada Lindqvist'],
]);
const intro = { introducer: 'p-helena', a: 'p-ana', b: 'p-ada' };

describe('describeIntroduction', () => {
  it('speaks of the other side to the people introduced, of both sides to the introducer', () => {
    expect(describeIntroduction(intro, 'p-ana', names)).toBe('Introduced to Ada by Helena');
    expect(describeIntroduction(intro, 'p-ada', names)).toBe('Introduced to Ana by Helena');
    expect(describeIntroduction(intro, 'p-helena', names)).toBe('Introduced Ana and Ada');
    expect(describeIntroduction(intro, 'p-someone', names)).toBe('Helena introduced Ana and Ada');
  });

  it('speaks of a request not made yet (suggested) as still to come, and of every other status as done', () => {
    const asked = { ...intro, status: 'suggested' as const };
    expect(describeIntroduction(asked, 'p-ana', names)).toBe('To be introduced to Ada by Helena');
    expect(describeIntroduction(asked, 'p-helena', names)).toBe('To introduce Ana and Ada');
    expect(describeIntroduction(asked, 'p-someone', names)).toBe('Helena to introduce Ana and Ada');
    expect(describeIntroduction({ ...intro, status: 'made' }, 'p-someone', names)).toBe('Helena introduced Ana and Ada');
    expect(describeIntroduction({ ...intro, status: 'declined' }, 'p-ada', names)).toBe('Introduced to Ana by Helena');
  });

  it('shows the id of someone whose name is unknown', () => {
    expect(describeIntroduction({ ...intro, b: 'p-gone' }, 'p-ana', names)).toBe('Introduced to p-gone by Helena');
  });

  it('labels every status the API accepts', () => {
    expect(Object.keys(STATUS_LABELS)).toEqual([...introductionStatuses]);
  });
});
