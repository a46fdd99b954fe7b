import { describe, expect, it } from 'vitest';
import type { IntroductionPathResponse } from '../../src/api/contract.ts';
import { explainPath } from '../../client/src/panel/reach.ts';

const ana = { id: 'p-ana', name: 'Ana Torres' };
const helena = { id: 'p-connector', name: 'Helena Brandt' };
const omar = { id: 'p-omar', name: 'Omar Haddad' };
const hop = (from: string, to: string, trustForward: number, trustBack: number) => ({ from, to, trustForward, trustBack, lastContact: null });

describe('explainPath', () => {
  it('one introducer: whom to ask, and each side of each hop', () => {
    const x = explainPath({
      from: ana,
      to: omar,
      alreadyTied: false,
      hidden: false,
      path: { people: [ana, helena, omar], hops: [hop('p-ana', 'p-connector', 0.99, 0.93), hop('p-connector', 'p-omar', 0.88, 0.96)], strength: 0.93 * 0.88 },
      maxHops: 4,
      minTrust: 0.1,
    });
    expect(x.headline).toBe('Ask Helena Brandt to introduce Ana to Omar Haddad');
    expect(x.trust).toEqual([
      { who: 'Ana trusts Helena', value: 0.99 },
      { who: 'Helena trusts Ana', value: 0.93 },
      { who: 'Helena trusts Omar', value: 0.88 },
      { who: 'Omar trusts Helena', value: 0.96 },
    ]);
    expect(x.note).toBe('Chain strength 0.82: each hop counts its weaker side, and the hops multiply. Weakest hop: Helena and Omar (88%).');
  });

  it('a longer chain names the introducers in order; a direct tie needs none; no chain says why', () => {
    const zoe = { id: 'z', name: 'Zoe Quist' };
    const long: IntroductionPathResponse = {
      from: ana,
      to: zoe,
      alreadyTied: false,
      hidden: false,
      path: { people: [ana, helena, omar, zoe], hops: [hop('p-ana', 'p-connector', 1, 1), hop('p-connector', 'p-omar', 1, 1), hop('p-omar', 'z', 0.5, 0.5)], strength: 0.5 },
      maxHops: 4,
      minTrust: 0.1,
    };
    expect(explainPath(long).headline).toBe('2 introductions: Helena Brandt and Omar Haddad, in that order, to reach Zoe Quist');
    const direct = explainPath({ ...long, to: helena, alreadyTied: true, path: { people: [ana, helena], hops: [hop('p-ana', 'p-connector', 0.9, 0.8)], strength: 0.8 } });
    expect(direct.headline).toBe('Ana already knows Helena Brandt');
    expect(direct.note).toBe('No introduction needed: they are tied directly.');
    // tied directly, but a chain through others is trusted more
    expect(explainPath({ ...long, alreadyTied: true }).note).toContain('Ana knows Zoe already, but trusts less along the direct tie.');
    const none = explainPath({ ...long, path: null, maxHops: 4 });
    expect(none.headline).toBe('No chain of trusted ties from Ana to Zoe Quist');
    expect(none.note).toBe('Nothing joins them within 4 hops whose both sides trust each other at least 10%.');
    expect(none.trust).toEqual([]);
    // a pair one of the two hid: said so, not taken for a gap in the network
    const hidden = explainPath({ ...long, path: null, hidden: true });
    expect(hidden.headline).toBe('No introduction from Ana to Zoe Quist is offered');
    expect(hidden.note).toBe('One of the two asked not to be suggested the other, so no chain of introductions is looked for.');
  });
});
