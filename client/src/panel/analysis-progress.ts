/**
 * While the page waits on the server's analysis (the first view of a large network: reading it from Neo4j,
 * Louvain, the layout), the status line says what the server is doing and how far it is, with a bar when it can
 * count, instead of a bare "Loading…" for half a minute. Polls GET /api/analysis, which answers at once.
 */
import type { AnalysisStatus } from '../../../src/api/contract.ts';

/** First look after this long (a warm server answers before), then this often. */
export const FIRST_POLL_MS = 300;
export const POLL_MS = 500;

export interface ProgressView {
  text: string;
  /** 0..1 when the step can count; null otherwise */
  fraction: number | null;
}

/** What the status line shows for a status; null when the analysis is idle (nothing to say but the waiting text). */
export function progressView(status: AnalysisStatus): ProgressView | null {
  const stage = status.stage;
  if (!stage) return null;
  const fraction = stage.done !== null && stage.total !== null && stage.total > 0 ? Math.min(1, stage.done / stage.total) : null;
  const parts = [`${stage.label}…`];
  if (fraction !== null) parts.push(`${Math.floor(fraction * 100)} %`);
  if (stage.elapsedMs >= 2_000) parts.push(`${Math.round(stage.elapsedMs / 1000)} s`);
  return { text: parts.join(' · '), fraction };
}

/** Draws `view` in the status element: the text, and the bar when there is a fraction. */
export function renderProgress(el: HTMLElement, view: ProgressView): void {
  const text = document.createElement('span');
  text.textContent = view.text;
  el.replaceChildren(text);
  if (view.fraction !== null) {
    const bar = document.createElement('span');
    bar.className = 'status-progress';
    bar.setAttribute('role', 'progressbar');
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', '100');
    bar.setAttribute('aria-valuenow', String(Math.floor(view.fraction * 100)));
    const fill = document.createElement('span');
    fill.style.width = `${(view.fraction * 100).toFixed(1)}%`;
    bar.append(fill);
    el.append(bar);
  }
}

/**
 * Follows the server's analysis while requests wait: once some have waited FIRST_POLL_MS, asks GET /api/analysis
 * every POLL_MS and `show`s what it is doing (or `hide`s the line when it is idle: the wait is elsewhere); when
 * none is waiting any more, stops and `hide`s. Returns a function that stops following.
 */
export function followAnalysis(deps: {
  onWaiting: (listener: (waiting: number) => void) => () => void;
  status: (signal: AbortSignal) => Promise<AnalysisStatus>;
  show: (view: ProgressView) => void;
  hide: () => void;
}): () => void {
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = () => {
    controller?.abort();
    controller = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const poll = async (mine: AbortController) => {
    try {
      const view = progressView(await deps.status(mine.signal));
      if (mine.signal.aborted) return;
      if (view) deps.show(view);
      else deps.hide();
    } catch {
      // the waiting requests say what went wrong; the line just stops following
      if (mine.signal.aborted) return;
    }
    timer = setTimeout(() => void poll(mine), POLL_MS);
  };
  const unsubscribe = deps.onWaiting((waiting) => {
    if (waiting > 0 && !controller) {
      const mine = (controller = new AbortController());
      timer = setTimeout(() => void poll(mine), FIRST_POLL_MS);
    } else if (waiting === 0 && controller) {
      stop();
      deps.hide();
    }
  });
  return () => {
    unsubscribe();
    stop();
  };
}
