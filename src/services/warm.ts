/**
 * Warming the analysis in the background, so the explorer's first view after a start or a change does not wait
 * for the build: at start (server.ts), and, with the analysis in its own thread, a moment after the last change to
 * people, events or ties (an import, an edit), while the person is still reading the import's summary.
 */
import type { Analysis } from './analysis.ts';
import type { GraphVersion } from './graph-version.ts';

/** How long after the last change to people, events or ties the warming starts (a burst of writes warms once). */
export const WARM_DELAY_MS = 1_500;

/** The rankings, the default map's layout, then the introduction index; logs the time of each step. */
export async function warmAnalysis(analysis: Pick<Analysis, 'influence' | 'suggestions'>, log: (msg: string) => void): Promise<void> {
  try {
    const t = await analysis.influence.warm();
    log(`influence engine warm: ${Object.entries(t).map(([k, v]) => `${k} ${Math.round(v)} ms`).join(', ')}`);
    await analysis.suggestions.warm();
  } catch (err) {
    log(`warming the analysis failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Calls `warm` WARM_DELAY_MS after each burst of changes to people, events or ties (changes to introductions only
 * are re-read cheaply by the next request, and do not count). Returns a function that stops it.
 */
export function warmAfterChanges(version: GraphVersion, warm: () => Promise<void>, delayMs = WARM_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let graph = version.graph;
  const off = version.onChange(() => {
    if (version.graph === graph) return;
    graph = version.graph;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void warm();
    }, delayMs);
    timer.unref();
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
}
