/**
 * The status line while the server's analysis works: the words and the bar from GET /api/analysis, and the
 * polling that follows a request until it settles (the page with a real server: test/client/browser.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisStatus } from '../../src/api/contract.ts';
import { FIRST_POLL_MS, POLL_MS, progressView, whileAnalysing } from '../../client/src/panel/analysis-progress.ts';

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

  it('polls until the request settles, shows each step, and stops', async () => {
    const shown: string[] = [];
    let asked = 0;
    const steps: AnalysisStatus['stage'][] = [
      { name: 'read', label: 'Reading', done: 10, total: 40, elapsedMs: 100 },
      null,
      { name: 'layout', label: 'Laying out', done: 3, total: 15, elapsedMs: 200 },
    ];
    const waiting = new Promise<string>((resolve) => setTimeout(() => resolve('the graph'), FIRST_POLL_MS + 2 * POLL_MS + POLL_MS / 2));
    const result = await whileAnalysing(waiting, {
      status: async () => status(steps[asked++] ?? null),
      show: (view) => shown.push(view.text),
    });
    expect(result).toBe('the graph');
    expect(asked).toBe(3);
    expect(shown).toEqual(['Reading… · 25 %', 'Laying out… · 20 %']);
    await new Promise((r) => setTimeout(r, POLL_MS * 2));
    expect(asked).toBe(3);
  });

  it('passes a failed request on as it is', async () => {
    await expect(whileAnalysing(Promise.reject(new Error('no graph')), { status: async () => status(null), show: () => {} })).rejects.toThrow('no graph');
  });
});
