/**
 * A person's decay curve (uPlot): influence over time with the positive and negative parts, dormant periods
 * shaded, peaks and resurgences marked, and the slider time as a vertical line. `setTime` only redraws (no
 * new paths), so it is cheap enough to follow the slider on every frame.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { CurveResponse } from '../../../src/api/contract.ts';
import { ACCENT, NEGATIVE_COLOR, POSITIVE_COLOR } from '../graph/palette.ts';
import { drawTimeLine, timeAxes } from './time-axes.ts';

export interface DecayChart {
  readonly plot: uPlot;
  /** the other people's lines drawn beside the curve, as given */
  readonly compared: readonly ComparedLine[];
  setTime(ms: number | null): void;
  resize(width: number): void;
  destroy(): void;
}

/**
 * Whether the curve's positive and negative parts say anything: with only unsigned events (v = 0: messages, plain
 * edge lists) each is exactly half the influence at every time, two identical dashed lines that would read as a
 * perfectly divided person. Then they are not drawn.
 */
export function hasInformativeSplit(curve: Pick<CurveResponse, 'points' | 'positive' | 'negative'>): boolean {
  const { positive, negative } = curve;
  if (!Array.isArray(positive) || !Array.isArray(negative) || positive.length !== curve.points.length || negative.length !== positive.length) return false;
  const scale = Math.max(0, ...curve.points.map((p) => Math.abs(p.value)));
  return positive.some((v, k) => Math.abs(v - negative[k]!) > 1e-9 * scale);
}

/** Another person's curve drawn beside the main one: its values at the main curve's times (null where it has none). */
export interface ComparedLine {
  label: string;
  color: string;
  values: (number | null)[];
}

/**
 * `points` (in time order) at the times `xs`: linear between two points, the point itself on it, null before the
 * first or after the last. Curves asked for over the same range share their times, so this is mostly a copy.
 */
export function alignCurve(xs: readonly number[], points: readonly { t: number; value: number }[]): (number | null)[] {
  let k = 0;
  return xs.map((x) => {
    if (points.length === 0 || x < points[0]!.t || x > points[points.length - 1]!.t) return null;
    while (k + 1 < points.length && points[k + 1]!.t <= x) k++;
    const a = points[k]!;
    if (a.t === x || k + 1 === points.length) return a.value;
    const b = points[k + 1]!;
    return a.value + ((b.value - a.value) * (x - a.t)) / (b.t - a.t);
  });
}

/** `label`: what the main line is (default "influence"); `compare`: other people's lines, at the curve's times */
export function createDecayChart(
  container: HTMLElement,
  curve: CurveResponse,
  opts: { width: number; height: number; label?: string; compare?: readonly ComparedLine[] },
): DecayChart {
  const xs = curve.points.map((p) => p.t);
  const ys = curve.points.map((p) => p.value);
  const hasSplit = hasInformativeSplit(curve);
  let time: number | null = null;

  const compared = opts.compare ?? [];
  const data: uPlot.AlignedData = [xs, ys, ...(hasSplit ? [curve.positive!, curve.negative!] : []), ...compared.map((c) => c.values)] as uPlot.AlignedData;
  const series: uPlot.Series[] = [
    {},
    {
      label: opts.label ?? 'influence',
      stroke: ACCENT,
      width: 1.75,
      fill: (u: uPlot) => {
        const g = u.ctx.createLinearGradient(0, u.bbox.top, 0, u.bbox.top + u.bbox.height);
        g.addColorStop(0, 'rgba(138,180,255,0.35)');
        g.addColorStop(1, 'rgba(138,180,255,0.02)');
        return g;
      },
      points: { show: false },
    },
  ];
  if (hasSplit) {
    series.push({ label: 'positive', stroke: POSITIVE_COLOR, width: 1, dash: [3, 3], points: { show: false } });
    series.push({ label: 'negative', stroke: NEGATIVE_COLOR, width: 1, dash: [3, 3], points: { show: false } });
  }
  for (const c of compared) series.push({ label: c.label, stroke: c.color, width: 1.5, points: { show: false }, spanGaps: false });

  const px = (u: uPlot, v: number) => u.valToPos(v, 'x', true);
  const py = (u: uPlot, v: number) => u.valToPos(v, 'y', true);

  const plot = new uPlot(
    {
      width: opts.width,
      height: opts.height,
      ms: 1,
      legend: { show: false },
      cursor: { y: false, points: { size: 6 }, drag: { x: false, y: false } },
      padding: [8, 8, 0, 0],
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.12 : 1] } },
      axes: timeAxes(36),
      series,
      hooks: {
        drawClear: [
          (u) => {
            // Dormant periods: a hatched band across the plot.
            const { ctx } = u;
            const { top, height } = u.bbox;
            ctx.save();
            ctx.fillStyle = 'rgba(255,255,255,0.045)';
            for (const d of curve.dormancy) {
              const x0 = px(u, d.from);
              const x1 = px(u, d.to);
              ctx.fillRect(x0, top, Math.max(1, x1 - x0), height);
            }
            ctx.restore();
          },
        ],
        draw: [
          (u) => {
            const { ctx } = u;
            const ratio = devicePixelRatio || 1;
            ctx.save();
            for (const p of curve.peaks) {
              const x = px(u, p.t);
              const y = py(u, p.value);
              ctx.fillStyle = '#f5d67a';
              ctx.beginPath();
              ctx.arc(x, y, 3.5 * ratio, 0, Math.PI * 2);
              ctx.fill();
            }
            for (const r of curve.resurgences) {
              const x = px(u, r.t);
              const y = py(u, r.value);
              const s = 5 * ratio;
              ctx.fillStyle = POSITIVE_COLOR;
              ctx.beginPath();
              ctx.moveTo(x, y - s - 6 * ratio);
              ctx.lineTo(x + s, y - 6 * ratio + s * 0.2);
              ctx.lineTo(x - s, y - 6 * ratio + s * 0.2);
              ctx.closePath();
              ctx.fill();
            }
            ctx.restore();
            drawTimeLine(u, time);
          },
        ],
      },
    },
    data,
    container,
  );

  return {
    plot,
    compared,
    setTime(ms) {
      if (ms === time) return;
      time = ms;
      plot.redraw(false, false);
    },
    resize(width) {
      plot.setSize({ width, height: opts.height });
    },
    destroy() {
      plot.destroy();
    },
  };
}
