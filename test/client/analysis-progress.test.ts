/**
 * The status line while the server's analysis works: the words and the bar from GET /api/analysis, and the
 * polling that follows a request until it settles (the page with a real server: test/client/browser.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisStatus } from '../../src/api/contract.ts';
import { FIRST_POLL_MS, followAnalysis, POLL_MS, progressView } from '../../client/src/panel/analysis-progress.ts';

const status = (stage: AnalysisStatus['stage']): AnalysisStatus => ({ mode: 'thread', calls: stage ? 1 : 0, stage });

describe('the analysis progress line', () => {
  it('says the step, how far it is when it can count (rounded down), and the seconds once there are two', () => {
    const layout = { name: 'layout' as const, label: 'Laying out 82,168 people (ForceAtlas2)', done: 7, total: 15, elapsedMs: 11_600 };
    expect(progressView(status(layout))).toEqual({ text: 'Laying out 82,168 people (ForceAtlas2)… · 46 % · 12 s', fraction: 7 / 15 });
    expect(progressView(status({ ...layout, done: 15, elapsedMs: 1_999 }))).toEqual({ text: 'Laying out 82,168 people (ForceAtlas2)… · 100 %', fraction: 1 });
    const louvain = { name: 'communities' as const, label: 'Finding communities (Louvain) in the trust ties', done: null, total: null, elapsedMs: 3_400 };
    expect(progressView(status(louvain))).toEqual({ text: 'Finding communities (Louvain) in the trust ties… · 3 s', fraction: null });
    // a count with no total yet (the layout before its first iteration), or a total of 0: no bar
    expect(progressView(status({ ...layout, done: 0, total: null, elapsedMs: 0 }))!.fraction).toBeNull();
    expect(progressView(status({ ...layout, done: 0, total: 0, elapsedMs: 0 }))!.fraction).toBeNull();
  });

  it('has nothing to say while the analysis is idle', () => {
    expect(progressView(status(null))).toBeNull();
  });

  it('once requests have waited a moment, polls and shows each step (hides when idle); when none waits, hides and stops', async () => {
    const events: string[] = [];
    let asked = 0;
    const steps: AnalysisStatus['stage'][] = [
      { name: 'read', label: 'Reading', done: 10, total: 40, elapsedMs: 100 },
      null,
      { name: 'layout', label: 'Laying out', done: 3, total: 15, elapsedMs: 200 },
    ];
    let listener: (waiting: number) => void = () => {};
    const stop = followAnalysis({
      onWaiting: (l) => {
        listener = l;
        return () => (listener = () => {});
      },
      status: async () => status(steps[asked++] ?? null),
      show: (view) => events.push(view.text),
      hide: () => events.push('hide'),
    });
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // a quick request: answered before the first look, nothing asked or shown
    listener(1);
    await wait(FIRST_POLL_MS / 3);
    listener(0);
    expect(asked).toBe(0);
    expect(events).toEqual(['hide']);
    events.length = 0;
    // a slow one (two requests waiting, then one, then none)
    listener(1);
    listener(2);
    await wait(FIRST_POLL_MS + 2 * POLL_MS + POLL_MS / 2);
    listener(1);
    expect(asked).toBe(3);
    listener(0);
    expect(events).toEqual(['Reading… · 25 %', 'hide', 'Laying out… · 20 %', 'hide']);
    await wait(POLL_MS * 2);
    expect(asked).toBe(3);
    stop();
    listener(1);
    await wait(FIRST_POLL_MS + POLL_MS);
    expect(asked).toBe(3);
  });
});
