/**
 * The page's requests take at most MAX_PARALLEL of the browser's six connections, queued in order, so the status
 * line's poll of /api/analysis always has one. `fetch` is the browser's here: a stand-in that answers when told.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, MAX_PARALLEL, requestSlots } from '../../client/src/api.ts';

let asked: { url: string; answer(): void }[];

beforeEach(() => {
  asked = [];
  vi.stubGlobal('fetch', (url: string, init: { signal?: AbortSignal }) =>
    new Promise((resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      asked.push({ url, answer: () => resolve(new Response('{"id":"x"}', { status: 200 })) });
    }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the page’s requests and the status poll', () => {
  it('sends five at once and queues the rest in order; the poll goes at once; each answer lets the next go', async () => {
    const people = Array.from({ length: 8 }, (_, k) => api.person(`p${k}`));
    await settle();
    expect(asked.map((a) => a.url)).toEqual(['/api/people/p0', '/api/people/p1', '/api/people/p2', '/api/people/p3', '/api/people/p4']);
    expect(requestSlots()).toEqual({ active: MAX_PARALLEL, queued: 3 });
    const poll = api.analysis();
    await settle();
    expect(asked.at(-1)!.url).toBe('/api/analysis');
    asked.at(-1)!.answer();
    await poll;
    // an answer frees a place: the first queued goes
    asked[0]!.answer();
    await people[0];
    await settle();
    expect(asked.at(-1)!.url).toBe('/api/people/p5');
    expect(requestSlots()).toEqual({ active: MAX_PARALLEL, queued: 2 });
    for (let k = 1; k < 8; k++) {
      asked.find((a) => a.url === `/api/people/p${k}`)!.answer();
      await people[k];
      await settle();
    }
    expect(requestSlots()).toEqual({ active: 0, queued: 0 });
  });

  it('a queued request aborted leaves the queue without being sent; an aborted running one frees its place', async () => {
    const controllers = Array.from({ length: 7 }, () => new AbortController());
    const people = controllers.map((c, k) => api.person(`p${k}`, c.signal).catch((e: Error) => e.name));
    await settle();
    expect(requestSlots()).toEqual({ active: 5, queued: 2 });
    controllers[6]!.abort();
    expect(await people[6]).toBe('AbortError');
    expect(requestSlots()).toEqual({ active: 5, queued: 1 });
    controllers[0]!.abort();
    expect(await people[0]).toBe('AbortError');
    await settle();
    expect(asked.map((a) => a.url)).toContain('/api/people/p5');
    expect(asked.map((a) => a.url)).not.toContain('/api/people/p6');
    for (const k of [1, 2, 3, 4, 5]) asked.find((a) => a.url === `/api/people/p${k}`)!.answer();
    await Promise.all(people);
    expect(requestSlots()).toEqual({ active: 0, queued: 0 });
  });
});
