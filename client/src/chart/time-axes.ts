/**
 * What the explorer's uPlot charts over time share: calendar ticks on x as on the time bar (axis-ticks.ts: one
 * line each, the year named where it changes), compact values on y, and the dashed line at the map's time.
 */
import type uPlot from 'uplot';
import { axisTicks, type AxisTick } from '../panel/axis-ticks.ts';

const AXIS = {
  stroke: '#8b93a7',
  grid: { stroke: 'rgba(255,255,255,0.05)', width: 1 },
  ticks: { stroke: 'rgba(255,255,255,0.08)', width: 1, size: 4 },
  font: '11px Inter, "Segoe UI", system-ui, sans-serif',
};

/** The x (time) and y axes; `ySize`: the width kept for the y labels. */
export function timeAxes(ySize: number): uPlot.Axis[] {
  let xTicks: AxisTick[] = [];
  return [
    {
      ...AXIS,
      size: 28,
      splits: (u, _axis, min, max) => (xTicks = axisTicks(min, max, Math.max(2, Math.floor(u.width / 70)))).map((t) => t.t),
      values: () => xTicks.map((t) => t.label),
    },
    { ...AXIS, size: ySize, space: 28, values: (_u, ticks) => ticks.map((v) => (v >= 1000 ? `${Math.round(v / 100) / 10}k` : String(Math.round(v * 100) / 100))) },
  ];
}

/** Draws the dashed vertical line at `time` (epoch ms), when it falls inside the plot. */
export function drawTimeLine(u: uPlot, time: number | null): void {
  if (time === null) return;
  const x = u.valToPos(time, 'x', true);
  if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
  const ratio = devicePixelRatio || 1;
  const { ctx } = u;
  ctx.save();
  ctx.strokeStyle = 'rgba(255,255,255,0.8)';
  ctx.lineWidth = 1.25 * ratio;
  ctx.setLineDash([4 * ratio, 3 * ratio]);
  ctx.beginPath();
  ctx.moveTo(x, u.bbox.top);
  ctx.lineTo(x, u.bbox.top + u.bbox.height);
  ctx.stroke();
  ctx.restore();
}
