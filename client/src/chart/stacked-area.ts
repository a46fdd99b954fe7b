/**
 * A stacked area chart over time (uPlot): one band per group, the first at the bottom, each filled between its
 * running total and the one under it, so the top line is the sum. A hover reports the time index; an optional
 * vertical line marks a time (the map's).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { withAlpha } from '../graph/palette.ts';
import { drawTimeLine, timeAxes } from './time-axes.ts';

export interface StackGroup {
  name: string;
  color: string;
  values: readonly number[];
}

/**
 * At most `most` groups, as given (largest first), the rest summed as one grey "other" group at the end. Keeps the
 * chart readable when there are many media or sectors.
 */
export function topGroups(groups: readonly StackGroup[], most: number, otherColor: string): StackGroup[] {
  if (groups.length <= most) return [...groups];
  const kept = groups.slice(0, most - 1);
  const rest = groups.slice(most - 1);
  const values = rest[0]!.values.map((_, k) => rest.reduce((sum, g) => sum + (g.values[k] ?? 0), 0));
  return [...kept, { name: `${rest.length} others`, color: otherColor, values }];
}

/** The running totals, bottom group first: stacked[g][k] = Σ_{h ≤ g} groups[h].values[k]. */
export function runningTotals(groups: readonly { values: readonly number[] }[]): number[][] {
  const out: number[][] = [];
  groups.forEach((g, i) => out.push(g.values.map((v, k) => v + (i > 0 ? out[i - 1]![k]! : 0))));
  return out;
}

export interface StackedArea {
  readonly plot: uPlot;
  setTime(ms: number | null): void;
  destroy(): void;
}

export function createStackedArea(
  container: HTMLElement,
  times: readonly number[],
  groups: readonly StackGroup[],
  opts: { width: number; height: number; time?: number | null; onHover?(index: number | null): void },
): StackedArea {
  const totals = runningTotals(groups);
  let time = opts.time ?? null;
  const series: uPlot.Series[] = [{}, ...groups.map((g, i) => ({ label: g.name, stroke: g.color, width: 1, points: { show: false }, ...(i === 0 ? { fill: withAlpha(g.color, 0.55) } : {}) }))];
  const bands: uPlot.Band[] = groups.slice(1).map((g, i) => ({ series: [i + 2, i + 1] as [number, number], fill: withAlpha(g.color, 0.55) }));
  const plot = new uPlot(
    {
      width: opts.width,
      height: opts.height,
      ms: 1,
      legend: { show: false },
      cursor: { y: false, points: { show: false }, drag: { x: false, y: false } },
      padding: [8, 8, 0, 0],
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] } },
      axes: timeAxes(40),
      series,
      bands,
      hooks: {
        setCursor: [(u) => opts.onHover?.(u.cursor.idx ?? null)],
        draw: [(u) => drawTimeLine(u, time)],
      },
    },
    [[...times], ...totals] as uPlot.AlignedData,
    container,
  );
  return {
    plot,
    setTime(ms) {
      time = ms;
      plot.redraw(false, false);
    },
    destroy() {
      plot.destroy();
    },
  };
}
