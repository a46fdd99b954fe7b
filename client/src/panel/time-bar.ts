/**
 * The time slider: scrub or play through the timeline. Positions are fractional sample indexes, so motion
 * between samples is interpolated (scene.ts); NaN is the overall view (the metric's all-time score). Everything is driven by requestAnimationFrame: input events
 * only record the wanted position, one frame applies it; playing advances by elapsed time × speed.
 */
import { createSparkline } from '../chart/sparkline.ts';
import { axisTicks, ticksThatFit } from './axis-ticks.ts';
import { clear, el, formatDate } from './dom.ts';

/** At most this many calendar ticks under the bar (fewer when it is too narrow for them: ticksThatFit). */
const TICKS = 10;

export interface TimeBarElements {
  root: HTMLElement;
  /** returns to the overall (static, all-time) view */
  overall: HTMLButtonElement;
  slider: HTMLInputElement;
  play: HTMLButtonElement;
  speed: HTMLSelectElement;
  date: HTMLElement;
  sparkline: HTMLCanvasElement;
  ticks: HTMLElement;
}

export interface TimeBarOptions {
  /**
   * `position` is a fractional sample index, or NaN for the overall (all-time) view. `final` is true when the
   * user let go (or playback stopped): the moment to update the link and panels.
   */
  onChange(position: number, final: boolean): void;
  /** label of the overall view, e.g. "All time · pagerank" */
  overallLabel(): string;
  /** seconds for one pass over the whole timeline at 1× */
  passSeconds?: number;
}

export interface TimeBar {
  setTimeline(times: ArrayLike<number> | null, totals: ArrayLike<number> | null): void;
  setPosition(position: number): void;
  /** re-renders the date label (e.g. after the metric changed) */
  refreshLabel(): void;
  readonly position: number;
  readonly playing: boolean;
  play(): void;
  pause(): void;
  teardown(): void;
}

export function createTimeBar(els: TimeBarElements, opts: TimeBarOptions): TimeBar {
  const sparkline = createSparkline(els.sparkline);
  const passSeconds = opts.passSeconds ?? 24;
  let times: number[] = [];
  let position = 0;
  let pending: number | null = null;
  let playing = false;
  let frame = 0;
  let last = 0;

  function timeAt(p: number): number {
    if (times.length === 0) return 0;
    const lo = Math.floor(p);
    const hi = Math.min(times.length - 1, lo + 1);
    return times[lo]! + (times[hi]! - times[lo]!) * (p - lo);
  }

  function show(p: number): void {
    const overall = !Number.isFinite(p);
    els.root.classList.toggle('overall', overall);
    els.overall.setAttribute('aria-pressed', String(overall));
    els.slider.value = String(overall ? Math.max(0, times.length - 1) : p);
    els.date.textContent = times.length < 2 ? `${opts.overallLabel()} · nothing stored has a date, so there is no time to travel` : overall ? opts.overallLabel() : formatDate(timeAt(p));
    els.slider.setAttribute('aria-valuetext', els.date.textContent);
    sparkline.setPosition(overall ? times.length : p);
  }

  function clamp(p: number): number {
    return Number.isFinite(p) ? Math.min(Math.max(0, times.length - 1), Math.max(0, p)) : Number.NaN;
  }

  function apply(p: number, final: boolean): void {
    position = clamp(p);
    show(position);
    opts.onChange(position, final);
  }

  function tick(now: number): void {
    frame = 0;
    if (playing) {
      const dt = last ? Math.min(0.1, (now - last) / 1000) : 0;
      last = now;
      const speed = Number(els.speed.value) || 1;
      const next = position + (dt * speed * (times.length - 1)) / passSeconds;
      if (next >= times.length - 1) {
        apply(times.length - 1, false);
        pause();
        return;
      }
      apply(next, false);
      schedule();
      return;
    }
    if (pending !== null) {
      const p = pending;
      pending = null;
      apply(p, false);
    }
  }

  function schedule(): void {
    if (!frame) frame = requestAnimationFrame(tick);
  }

  function play(): void {
    if (times.length < 2 || playing) return;
    if (!Number.isFinite(position) || position >= times.length - 1.001) apply(0, false);
    playing = true;
    last = 0;
    els.play.setAttribute('aria-pressed', 'true');
    els.play.setAttribute('aria-label', 'Pause');
    els.play.classList.add('playing');
    schedule();
  }

  function pause(): void {
    if (!playing) return;
    playing = false;
    els.play.setAttribute('aria-pressed', 'false');
    els.play.setAttribute('aria-label', 'Play');
    els.play.classList.remove('playing');
    opts.onChange(position, true);
  }

  const onInput = () => {
    if (playing) pause();
    pending = Number(els.slider.value);
    schedule();
  };
  const onCommit = () => {
    pending = null;
    apply(Number(els.slider.value), true);
  };
  const onPlay = () => (playing ? pause() : play());
  const onOverall = () => {
    if (playing) {
      playing = false;
      els.play.setAttribute('aria-pressed', 'false');
      els.play.setAttribute('aria-label', 'Play');
      els.play.classList.remove('playing');
    }
    apply(Number.NaN, true);
  };
  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    if (e.key !== ' ' || !target || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(target.tagName)) return;
    e.preventDefault();
    onPlay();
  };
  const onResize = () => sparkline.resize();
  // the ticks follow the axis's width (the window, the side panel opening): as many as fit without overlapping
  let ticksShown = 0;
  const ticksResized = new ResizeObserver(() => {
    if (ticksThatFit(els.ticks.clientWidth, TICKS) !== ticksShown) renderTicks();
  });
  ticksResized.observe(els.ticks);
  els.slider.addEventListener('input', onInput);
  els.slider.addEventListener('change', onCommit);
  els.play.addEventListener('click', onPlay);
  els.overall.addEventListener('click', onOverall);
  document.addEventListener('keydown', onKey);
  window.addEventListener('resize', onResize);

  function renderTicks(): void {
    clear(els.ticks);
    if (times.length < 2) return;
    const from = times[0]!;
    const to = times[times.length - 1]!;
    ticksShown = ticksThatFit(els.ticks.clientWidth, TICKS);
    for (const tick of axisTicks(from, to, ticksShown)) {
      els.ticks.appendChild(el('span', { class: 'tick', text: tick.label, style: { left: `${((tick.t - from) / (to - from)) * 100}%` } }));
    }
  }

  return {
    setTimeline(t, totals) {
      if (playing) pause();
      times = t ? Array.from(t) : [];
      els.root.classList.toggle('static', times.length < 2);
      els.slider.disabled = times.length < 2;
      els.play.disabled = times.length < 2;
      els.overall.hidden = times.length < 2;
      els.slider.min = '0';
      els.slider.max = String(Math.max(0, times.length - 1));
      els.slider.step = 'any';
      sparkline.setData(totals ?? []);
      renderTicks();
      position = clamp(position);
      show(position);
      els.root.title = times.length < 2 ? 'Nothing stored has a time (no events), so there is no timeline to play' : '';
    },
    setPosition(p) {
      position = clamp(p);
      show(position);
    },
    refreshLabel() {
      show(position);
    },
    get position() {
      return position;
    },
    get playing() {
      return playing;
    },
    play,
    pause,
    teardown() {
      if (frame) cancelAnimationFrame(frame);
      playing = false;
      els.slider.removeEventListener('input', onInput);
      els.slider.removeEventListener('change', onCommit);
      els.play.removeEventListener('click', onPlay);
      els.overall.removeEventListener('click', onOverall);
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('resize', onResize);
      ticksResized.disconnect();
    },
  };
}
