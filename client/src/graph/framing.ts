/**
 * What the map's first view (and the reset button) frames: every node except far-off outliers.
 *
 * The nodes within `reach` times the radius of the disc around the median position that holds 90 % of them
 * are framed as a box, whose centre becomes the camera's and which the renderer fits to the viewport's width
 * and height (renderer.ts). A group of a few people set far apart by the layout (a ring tied to nobody,
 * pairs who only talk to each other) is kept when it sits near the bulk and left out when it sits far away,
 * so it never shrinks the map to a dot; searching for someone in it flies there.
 */
export interface Framing {
  /** the box of the framed nodes, in sigma's framed-graph coordinates */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** how many nodes it holds, of how many */
  framed: number;
  total: number;
}

/** How far out, in radii of the 90 % disc, a node is still framed. */
export const FRAME_REACH = 2.5;

export function framing(xs: readonly number[], ys: readonly number[], reach = FRAME_REACH): Framing | null {
  const n = xs.length;
  if (n === 0) return null;
  const median = (v: readonly number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
  const cx = median(xs);
  const cy = median(ys);
  const distance = xs.map((x, k) => Math.hypot(x - cx, ys[k]! - cy));
  const radius = [...distance].sort((a, b) => a - b)[Math.floor(0.9 * (n - 1))]!;
  const limit = radius * reach;
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  let framed = 0;
  for (let k = 0; k < n; k++) {
    if (distance[k]! > limit) continue;
    framed++;
    x0 = Math.min(x0, xs[k]!);
    x1 = Math.max(x1, xs[k]!);
    y0 = Math.min(y0, ys[k]!);
    y1 = Math.max(y1, ys[k]!);
  }
  return { x0, x1, y0, y1, framed, total: n };
}
