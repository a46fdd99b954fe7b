/** What the map's first view frames (client/src/graph/framing.ts). */
import { describe, expect, it } from 'vitest';
import { framing } from '../../client/src/graph/framing.ts';

/** A blob of 100 points on a 10 × 10 grid around (0.5, 0.5), spanning 0.45 to 0.55 on each axis. */
function blob(): { xs: number[]; ys: number[] } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) {
    xs.push(0.45 + (i / 9) * 0.1);
    ys.push(0.45 + (j / 9) * 0.1);
  }
  return { xs, ys };
}

describe('framing', () => {
  it('frames the box of a blob', () => {
    const { xs, ys } = blob();
    const f = framing(xs, ys)!;
    expect(f.framed).toBe(100);
    expect([f.x0, f.x1, f.y0, f.y1].map((v) => +v.toFixed(6))).toEqual([0.45, 0.55, 0.45, 0.55]);
  });

  it('keeps a small group near the bulk, beyond the 90 % disc, and the box stretches to it', () => {
    const { xs, ys } = blob();
    // the disc holding 90 % has a radius of about 0.06; a pair at 0.12 from the centre, to the right
    xs.push(0.62, 0.62);
    ys.push(0.5, 0.51);
    const f = framing(xs, ys)!;
    expect(f.framed).toBe(102);
    expect(f.x1).toBeCloseTo(0.62);
    expect(f.x0).toBeCloseTo(0.45);
  });

  it('leaves out a group the layout set far away', () => {
    const { xs, ys } = blob();
    xs.push(3, 3.01, 3.02);
    ys.push(-2, -2, -2.01);
    const f = framing(xs, ys)!;
    expect(f.framed).toBe(100);
    expect(f.total).toBe(103);
    expect(f.x1).toBeCloseTo(0.55);
    // framed whole when asked to (small graphs)
    expect(framing(xs, ys, Infinity)!.x1).toBeCloseTo(3.02);
  });

  it('has nothing to frame without nodes; one node is its own box', () => {
    expect(framing([], [])).toBeNull();
    expect(framing([0.3], [0.7])).toMatchObject({ x0: 0.3, x1: 0.3, y0: 0.7, y1: 0.7, framed: 1 });
  });
});
