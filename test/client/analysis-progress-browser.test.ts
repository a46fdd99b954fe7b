/**
 * The first view of a network the server has not analysed yet (bitcoin-otc, just imported: 5,881 people), in
 * real Chromium against the real app: while the page waits, its status line says what the server's analysis is
 * doing, from reading the store to the layout's iterations, with a bar when it can count; once the map is
 * drawn the line is gone.
 */
import { createReadStream } from 'node:fs';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PARALLEL } from '../../client/src/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { sharedPath } from '../support/shared.ts';
import { ensureClientBuilt, launchBrowser, screenshot, waitReady, type Browser } from './browser.ts';

let t: TestApp;
let b: Browser;

beforeAll(async () => {
  ensureClientBuilt();
  t = await startTestApp();
  await t.services.importer.import({ format: 'snap-signed', open: () => createReadStream(sharedPath('data/bitcoin-otc/soc-sign-bitcoinotc.csv')) });
  b = await launchBrowser();
}, 400_000);

afterAll(async () => {
  await b?.close();
  await t?.close();
});

interface Seen {
  text: string;
  /** the bar's aria-valuenow, when there was a bar */
  bar: number | null;
}

describe('the status line while the analysis works', () => {
  it('follows the server from reading the store to the layout, with a bar, and is gone once the map is drawn', async () => {
    // every state of the status line, as it changes
    await b.page.addInitScript(() => {
      const seen: { text: string; bar: number | null }[] = [];
      (window as unknown as { __statusSeen: typeof seen }).__statusSeen = seen;
      document.addEventListener('DOMContentLoaded', () => {
        const el = document.getElementById('status')!;
        new MutationObserver(() => {
          const bar = el.querySelector('[role="progressbar"]');
          seen.push({ text: el.textContent ?? '', bar: bar ? Number(bar.getAttribute('aria-valuenow')) : null });
        }).observe(el, { childList: true, subtree: true, characterData: true, attributes: true });
      });
    });
    await b.page.goto(`${t.url}/?layer=influence&metric=pagerank`);
    // halfway: the line says which step, and the picture is the step's
    await b.page.waitForFunction(() => /Laying out|Finding communities|Reading/.test(document.getElementById('status')!.textContent ?? ''));
    await screenshot(b.page, 'analysis-progress.png');
    await waitReady(b.page);
    const seen = await b.page.evaluate(() => (window as unknown as { __statusSeen: Seen[] }).__statusSeen);
    const texts = seen.map((s) => s.text);
    expect(texts.some((x) => /^Reading 5,881 people and 35,592 events from Neo4j… · \d+ %/.test(x)) || texts.some((x) => x.startsWith('Laying out 5,881 people (ForceAtlas2)… · ')), texts.join('\n')).toBe(true);
    // the layout's progress came with a bar that only went forward
    const layout = seen.filter((s) => s.text.startsWith('Laying out 5,881 people (ForceAtlas2)… · ') && s.bar !== null);
    const bars = layout.map((s) => s.bar!);
    if (layout.length > 0) expect(bars).toEqual([...bars].sort((x, y) => x - y));
    expect(seen.some((s) => s.bar !== null), texts.join('\n')).toBe(true);
    // drawn: the line is empty and hidden, and the map has the people
    expect(await b.page.locator('#status').textContent()).toBe('');
    expect(await b.page.locator('#status').getAttribute('class')).not.toContain('show');
    expect(await b.page.evaluate(() => window.__catalyst.timings.nodes)).toBeGreaterThan(5000);
    expect(b.errors).toEqual([]);
  });

  it("opening someone while the server reads the network again shows the reading on the line, then clears it", async () => {
    // the first view's last requests (its timeline, the side panels) have their answers: nothing waits
    await b.page.waitForFunction(() => window.__catalyst.waiting() === 0, null, { timeout: 60_000 });
    // A bigger store (email-Eu-core's 332,334 messages as well), so that reading it again takes seconds even when
    // Neo4j is warm: CI runs this file late, when bitcoin-otc alone is read again in well under the first poll.
    await t.services.importer.import({ format: 'snap-temporal', open: () => createReadStream(sharedPath('data/email-eu-core/email-Eu-core-temporal.txt')) });
    const before = await b.page.evaluate(() => (window as unknown as { __statusSeen: Seen[] }).__statusSeen.length);
    // the page's own requests in flight at once (the browser has six connections; the poll needs one of them)
    let inFlight = 0;
    let most = 0;
    const own = (r: Request) => r.url().startsWith(`${t.url}/api/`) && !r.url().includes('/api/analysis');
    const started = (r: Request) => {
      if (own(r)) most = Math.max(most, ++inFlight);
    };
    const ended = (r: Request) => {
      if (own(r)) inFlight--;
    };
    b.page.on('request', started);
    b.page.on('requestfinished', ended);
    b.page.on('requestfailed', ended);
    t.services.version.bump('graph'); // as a write would: the next request reads the store again
    const asked = performance.now();
    await b.page.evaluate(() => window.__catalyst.select('35'));
    // the profile is drawn (its chart needs the analysis) and no request waits any more
    const settled = await b.page
      .waitForFunction(() => window.__catalyst.panelChart() !== null && window.__catalyst.waiting() === 0, null, { timeout: 60_000 })
      .then(
        () => 'settled',
        (err: Error) => `not settled: ${err.message.split('\n')[0]}`,
      );
    const waited = Math.round(performance.now() - asked);
    const seen = (await b.page.evaluate(() => (window as unknown as { __statusSeen: Seen[] }).__statusSeen)).slice(before);
    const texts = seen.map((s) => s.text);
    const status = await b.page.locator('#status').evaluate((el) => el.outerHTML);
    const panel = await b.page.locator('#panel').evaluate((el) => (el.textContent ?? '').slice(0, 600));
    const shown = `the profile took ${waited} ms; the line showed: ${JSON.stringify(texts)}; it is now ${status}; waiting: ${await b.page.evaluate(() => window.__catalyst.waiting())}; the panel: ${panel}; page errors: ${JSON.stringify(b.errors)}`;
    expect(settled, shown).toBe('settled');
    // whichever steps the profile waited on (reading, a ranking, Louvain, the introduction index): one was shown
    const step = /^(Reading [\d,]+ people and [\d,]+ events from Neo4j|Building the influence graph|Ranking by [\w-]+|Finding communities \(Louvain\) in the influence graph|Indexing [\d,]+ people's acquaintances for introductions)…/;
    expect(texts.some((x) => step.test(x)), shown).toBe(true);
    // the profile asks for more than five things at once, and the page sends at most five
    b.page.off('request', started);
    b.page.off('requestfinished', ended);
    b.page.off('requestfailed', ended);
    expect(most).toBe(MAX_PARALLEL);
    // and once nothing waits, the line is empty and hidden
    expect(await b.page.locator('#status').textContent(), shown).toBe('');
    expect(await b.page.locator('#status').getAttribute('class'), shown).not.toContain('show');
    expect(b.errors).toEqual([]);
  });
});
