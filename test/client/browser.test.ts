/**
 * The browser client in real Chromium against the real app and the demo world: the map draws, search opens
 * the person panel with its chart, the time slider resizes nodes, hovering a suggestion lights its path,
 * recording an introduction shows the API's answer, the person's introductions take an outcome, the introductions board sums them up and lists those waiting, exports produce files, the URL restores the view, and
 * names from the database are shown as text. Screenshots of the main views go to test-artifacts/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstName, formatDate } from '../../client/src/panel/dom.ts';
import { introducerTally } from '../../client/src/panel/introductions-board.ts';
import { sectorsHeadline, sourcesText } from '../../client/src/panel/sectors-dialog.ts';
import { comebackText } from '../../client/src/panel/table-dialog.ts';
import { binLabel, networkFigures } from '../../client/src/panel/network-dialog.ts';
import { share } from '../../client/src/chart/bars.ts';
import { vouchingText } from '../../client/src/panel/introductions.ts';
import type { BreakdownTimelineResponse, SectorsResponse, Suggestion } from '../../src/api/contract.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { personRecords, tieDates } from '../support/records.ts';
import { ensureClientBuilt, inkRatio, launchBrowser, screenshot, waitReady, type Browser } from './browser.ts';

let t: TestApp;
let b: Browser;

beforeAll(async () => {
  ensureClientBuilt();
  // a small import limit, so the import dialog's "too big" check has a file to refuse
  t = await startTestApp({ importLimit: '4mb' });
  await t.services.demo.load({ seed: 42 });
  b = await launchBrowser();
}, 400_000);

afterAll(async () => {
  await b?.close();
  await t?.close();
});

async function open(query = ''): Promise<void> {
  await b.page.goto(`${t.url}/${query}`);
  await waitReady(b.page);
}

/** Moves the time slider the way a user does (fill = set value + input + change events) to a date. */
async function slideTo(iso: string): Promise<number> {
  // the map's timeline comes after its graph: a view just reloaded has none yet (and would put every date at 0)
  await b.page.waitForFunction(() => window.__catalyst.times().length > 1);
  const position = await b.page.evaluate((ms) => {
    const times = window.__catalyst.times();
    let k = 0;
    while (k + 1 < times.length && times[k + 1]! <= ms) k++;
    return k;
  }, Date.parse(iso));
  await b.page.locator('#time').fill(String(position));
  await b.page.waitForFunction((p) => window.__catalyst.position() === p, position);
  return position;
}

const sizes = () => b.page.evaluate(() => window.__catalyst.nodeSizes());

/** Where a node of the map is on the page, in pixels. */
const nodePoint = (id: string) =>
  b.page.evaluate((node) => {
    const v = window.__catalyst.view()!;
    const p = v.sigma.framedGraphToViewport(v.sigma.getNodeDisplayData(node)!);
    const box = document.getElementById('graph')!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);

describe('the map', () => {
  it('loads and draws the demo world on a non-empty canvas', async () => {
    await open();
    const c = await b.page.evaluate(() => ({ timings: window.__catalyst.timings, visible: window.__catalyst.visibleNodeCount(), rendered: window.__catalyst.renderedNodeCount() }));
    expect(c.timings.nodes).toBe(400);
    expect(c.timings.edges).toBeGreaterThan(1000);
    expect(c.timings.firstRender).toBeGreaterThan(0);
    expect(c.rendered).toBe(400);
    expect(c.visible).toBe(400);
    // Real pixels: the WebGL layers as composited on screen.
    const ink = await inkRatio(b.page, await b.page.locator('#graph').screenshot());
    expect(ink).toBeGreaterThan(0.02);
    // The legend, the ranking and the time bar are filled in.
    expect(await b.page.locator('#legend li').count()).toBeGreaterThan(3);
    expect(await b.page.locator('#top-list li').count()).toBe(8);
    expect(await b.page.locator('#date').textContent()).toContain('All time');
    await screenshot(b.page, 'overview.png');
    expect(b.errors).toEqual([]);
  });

  it('hovering a node dims everything outside its neighbourhood (reducers only)', async () => {
    const before = await b.page.evaluate(() => window.__catalyst.view()!.scene.graph.getNodeAttributes('p-connector'));
    const target = await nodePoint('p-connector');
    await b.page.mouse.move(target.x, target.y);
    await b.page.waitForFunction(() => window.__catalyst.render()!.hovered === 'p-connector');
    const lit = await b.page.evaluate(() => {
      const v = window.__catalyst.view()!;
      const g = v.scene.graph;
      const neighbour = g.neighbors('p-connector')[0]!;
      const stranger = g.nodes().find((n) => n !== 'p-connector' && !g.areNeighbors(n, 'p-connector'))!;
      return { neighbour: v.sigma.getNodeDisplayData(neighbour)!.color, stranger: v.sigma.getNodeDisplayData(stranger)!.color };
    });
    expect(lit.stranger).toBe('rgba(20,23,31,0.55)');
    expect(lit.neighbour).not.toBe(lit.stranger);
    await b.page.mouse.move(5, 500);
    await b.page.waitForFunction(() => window.__catalyst.render()!.hovered === null);
    const after = await b.page.evaluate(() => window.__catalyst.view()!.scene.graph.getNodeAttributes('p-connector'));
    expect(after).toEqual(before);
  });

  it('hovering a legend row lights the community it counts and dims the rest; a click flies to them', async () => {
    await open();
    const row = b.page.locator('#legend .legend-row').nth(1);
    const count = Number(await row.locator('.legend-count').textContent());
    await row.hover();
    await b.page.waitForFunction(() => (window.__catalyst.render()!.group ?? []).length > 0);
    const lit = await b.page.evaluate(() => {
      const v = window.__catalyst.view()!;
      const group = v.state.group!;
      const g = v.scene.graph;
      const communities = new Set(group.map((id) => g.getNodeAttribute(id, 'community')));
      const stranger = g.nodes().find((n) => !group.includes(n))!;
      return { size: group.length, communities: [...communities], member: v.sigma.getNodeDisplayData(group[0]!)!.color, stranger: v.sigma.getNodeDisplayData(stranger)!.color };
    });
    // the second largest community: as many as the row counts, all of that community
    expect(lit.size).toBe(count);
    expect(lit.communities).toHaveLength(1);
    expect(lit.stranger).toBe('rgba(20,23,31,0.55)');
    expect(lit.member).not.toBe(lit.stranger);
    // the legend does not follow the slider: the row under the pointer is not replaced (the caption above may
    // wrap and move it, so which row is lit after is not checked here)
    const element = await row.elementHandle();
    await slideTo('2022-01-01');
    expect(await element!.evaluate((e) => e.isConnected)).toBe(true);
    await b.page.locator('#overall').click();
    await row.hover();
    const camera = await b.page.evaluate(() => window.__catalyst.view()!.getCamera());
    await row.click();
    await b.page.waitForFunction((c) => {
      const now = window.__catalyst.state().camera;
      return now !== null && Math.hypot(now.x - c.x, now.y - c.y) > 0.05;
    }, camera);
    await b.page.mouse.move(700, 880);
    await b.page.waitForFunction(() => window.__catalyst.render()!.group === null);

    // by keyboard: focusing a row lights its people, Enter flies to them, leaving it turns the light off
    const third = b.page.locator('#legend .legend-row').nth(2);
    const thirdCount = Number(await third.locator('.legend-count').textContent());
    await third.focus();
    await b.page.waitForFunction((n) => window.__catalyst.render()!.group?.length === n, thirdCount);
    const before = await b.page.evaluate(() => window.__catalyst.view()!.getCamera());
    await b.page.keyboard.press('Enter');
    await b.page.waitForFunction((c) => {
      const now = window.__catalyst.state().camera;
      return now !== null && Math.hypot(now.x - c.x, now.y - c.y) > 0.05;
    }, before);
    await third.blur();
    await b.page.waitForFunction(() => window.__catalyst.render()!.group === null);
  });
});

describe('on a phone', () => {
  it('the map takes the width: the controls slide in from the menu, a profile covers the map and closes back to it', async () => {
    await b.page.setViewportSize({ width: 390, height: 844 });
    try {
      await open();
      const errorsBefore = b.errors.length;
      const box = async (selector: string) => (await b.page.locator(selector).boundingBox())!;
      const sidebarShown = () => b.page.locator('#sidebar').isVisible();
      expect((await box('#graph')).width).toBeGreaterThanOrEqual(388);
      expect(await sidebarShown()).toBe(false);
      // every action of the top bar is on screen or a sideways scroll away, none under the search box
      const search = await box('#search');
      for (const id of ['introductions', 'import', 'share', 'export-png', 'export-gexf']) expect((await box(`#${id}`)).y).toBeGreaterThan(search.y + search.height);
      // the time slider has a row of its own, the width of the screen, under play, the date and All time
      const slider = await box('#time');
      expect(slider.width).toBeGreaterThan(350);
      expect(slider.y).toBeGreaterThan((await box('#play')).y + (await box('#play')).height - 1);
      expect((await box('#overall')).y).toBeLessThan(slider.y);

      // the menu slides the controls in over the map; picking someone from the ranking puts them away and opens the profile over everything
      await b.page.locator('#side-toggle').click();
      await expect.poll(async () => (await box('#sidebar')).x).toBe(0);
      expect(await b.page.locator('#side-toggle').getAttribute('aria-expanded')).toBe('true');
      const first = b.page.locator('#top-list .top-name').first();
      const name = await first.textContent();
      await first.click();
      await expect.poll(sidebarShown).toBe(false);
      expect(await b.page.locator('#side-toggle').getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => box('#panel')).toEqual({ x: 0, y: 0, width: 390, height: 844 });
      await expect.poll(() => b.page.locator('#panel h2').first().textContent()).toBe(name);
      await screenshot(b.page, 'phone-profile.png');
      await b.page.locator('.panel-close').click();
      await expect.poll(() => b.page.locator('#panel').isVisible()).toBe(false);
      expect((await box('#graph')).width).toBeGreaterThanOrEqual(388);

      // a tap beside the controls, or Escape, puts them away
      await b.page.locator('#side-toggle').click();
      await expect.poll(sidebarShown).toBe(true);
      await b.page.mouse.click(370, 420);
      await expect.poll(sidebarShown).toBe(false);
      await b.page.locator('#side-toggle').click();
      await expect.poll(sidebarShown).toBe(true);
      await b.page.keyboard.press('Escape');
      await expect.poll(sidebarShown).toBe(false);
      // the map was never left without a width (Sigma says so in the console when it is)
      expect(b.errors.slice(errorsBefore)).toEqual([]);
    } finally {
      await b.page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});

describe('time', () => {
  it('moving the slider resizes nodes: the fad swells and shrinks, the comeback disappears and returns', async () => {
    await open();
    const overall = await sizes();
    await slideTo('2019-08-01'); // the fad's burst (~30 % into the period)
    const fadPeak = await sizes();
    await slideTo('2022-06-01'); // the fad long gone, the comeback dormant
    const quiet = await sizes();
    await slideTo('2026-03-01'); // the comeback is back
    const late = await sizes();
    expect(fadPeak).not.toEqual(overall);
    expect(fadPeak['p-fad']).toBeGreaterThan(quiet['p-fad']! * 3);
    expect(late['p-comeback']).toBeGreaterThan(quiet['p-comeback']! * 3);
    expect(fadPeak['p-comeback']).toBeGreaterThan(quiet['p-comeback']! * 3);
    const date = await b.page.locator('#date').textContent();
    expect(date).toMatch(/2026/);
    await b.page.waitForFunction(() => new URLSearchParams(location.search).get('t')?.startsWith('2026') === true);
  });

  it("Most influential says how each one moved since a year before, as the map's own timeline ranks them then", async () => {
    const timelineResponse = b.page.waitForResponse((r) => r.url().includes('/api/timeline?'));
    await open();
    const timeline = (await (await timelineResponse).json()) as { nodes: string[]; values: number[][]; times: number[] };
    const moves = () => b.page.locator('#top-list .top-move');
    // all time: no moves
    expect(await moves().count()).toBe(0);
    expect(await b.page.locator('#top-moves').isHidden()).toBe(true);
    const k = await slideTo('2019-09-01'); // the fad's burst: she climbs from nowhere
    // the ranks, counted here from the timeline the page was given: at sample k, and a year before (between two samples)
    const valueAt = (values: number[], time: number) => {
      const { times } = timeline;
      let j = 0;
      while (j + 2 < times.length && times[j + 1]! <= time) j++;
      const f = Math.min(1, Math.max(0, (time - times[j]!) / (times[j + 1]! - times[j]!)));
      return values[j]! * (1 - f) + values[j + 1]! * f;
    };
    const rank = (id: string, time: number) => {
      const all = timeline.nodes.map((n, i) => ({ n, v: valueAt(timeline.values[i]!, time) }));
      const v = all.find((x) => x.n === id)!.v;
      return v > 0 ? 1 + all.filter((x) => x.v > v).length : null;
    };
    const now = timeline.times[k]!;
    const yearBefore = now - 365 * 86_400_000;
    const rows = await b.page.locator('#top-list .top-row').evaluateAll((lis) =>
      lis.map((li) => ({ id: li.getAttribute('data-id')!, move: li.querySelector('.top-move')?.textContent ?? null, title: li.querySelector('.top-move')?.getAttribute('title') ?? null })),
    );
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      const [r, before] = [rank(row.id, now)!, rank(row.id, yearBefore)];
      const expected = before === null ? 'new' : before > r ? `▲${before - r}` : before < r ? `▼${r - before}` : '';
      expect(row.move, row.id).toBe(expected);
      expect(row.title, row.id).toBe(before === null ? `Nothing to rank on ${formatDate(yearBefore)}, a year before` : `#${before} on ${formatDate(yearBefore)}, a year before`);
    }
    expect(rows.find((r) => r.id === 'p-fad')?.move).toMatch(/^(▲\d+|new)$/);
    expect(await b.page.locator('#top-moves').textContent()).toBe(`▲▼ places moved since ${formatDate(yearBefore)}, among the 400 people on the map`);
    // less than a year into the data: nothing to compare with
    await slideTo(new Date(timeline.times[1]!).toISOString());
    expect(await moves().count()).toBe(0);
  });

  it('plays: requestAnimationFrame advances the time with no request per frame', async () => {
    await slideTo('2019-01-01');
    const start = await b.page.evaluate(() => window.__catalyst.position());
    const requests: string[] = [];
    const onRequest = (r: { url(): string }) => requests.push(r.url());
    b.page.on('request', onRequest);
    await b.page.locator('#speed').selectOption('4');
    await b.page.locator('#play').click();
    await b.page.waitForTimeout(1200);
    await b.page.locator('#play').click();
    b.page.off('request', onRequest);
    const end = await b.page.evaluate(() => window.__catalyst.position());
    expect(end).toBeGreaterThan(start + 2);
    expect(requests.filter((u) => /\/api\/(graph|timeline)/.test(u))).toEqual([]);
    await slideTo('2019-08-01');
    await screenshot(b.page, 'mid-slider.png');
  });

  it('keeps the axis labels apart in a narrow window: fewer ticks, none overlapping; the top bar and the sidebar heading fit too', async () => {
    await open('?t=2019-08-01');
    /** each tick label's left and right edge, left to right */
    const ticks = () => b.page.locator('#ticks .tick').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right]));
    const apart = (edges: number[][]) => edges.every((e, k) => k === 0 || edges[k - 1]![1]! + 4 <= e[0]!);
    const wide = await ticks();
    expect(wide.length).toBeGreaterThanOrEqual(8);
    expect(apart(wide)).toBe(true);
    await b.page.setViewportSize({ width: 800, height: 900 });
    await expect.poll(async () => (await ticks()).length, { timeout: 10_000 }).toBeLessThan(wide.length);
    const narrow = await ticks();
    // the top bar leaves the search box room, and the sidebar's heading keeps its words whole
    const layout = await b.page.evaluate(() => {
      const h3 = document.getElementById('top-date')!.parentElement!;
      const range = document.createRange();
      range.selectNodeContents(h3.firstChild!);
      return { search: document.getElementById('search')!.getBoundingClientRect().width, titleLines: range.getClientRects().length };
    });
    await b.page.setViewportSize({ width: 1440, height: 900 });
    expect(layout.search).toBeGreaterThanOrEqual(160);
    expect(layout.titleLines).toBe(1);
    expect(narrow.length).toBeGreaterThanOrEqual(2);
    expect(apart(narrow)).toBe(true);
    await expect.poll(async () => (await ticks()).length, { timeout: 10_000 }).toBe(wide.length);
  });

  it('sized by introducer, the slider travels the introducer score: at each time the ranking is the API\'s then, and one-off introducers fade', async () => {
    await open('?metric=introducer');
    const topNames = () => b.page.locator('#top-list .top-name').allTextContents();
    const timeAt = (k: number) => b.page.evaluate((p) => window.__catalyst.times()[p]!, k);
    const rankedAt = async (time: number) =>
      ((await t.get(`/api/influence?metric=introducer&at=${new Date(time).toISOString()}&limit=8`)).body.items as { name: string; score: number }[])
        .filter((i) => i.score > 0)
        .map((i) => i.name);
    for (const date of ['2018-06-01', '2023-01-01']) {
      const time = await timeAt(await slideTo(date));
      await expect.poll(() => b.page.locator('#size-caption').textContent()).toMatch(/^Node size: introducer score on /);
      const expected = await rankedAt(time);
      expect(expected.length).toBeGreaterThan(2);
      await expect.poll(topNames).toEqual(expected);
    }
    // before the first introduction nobody has an introducer score, and the list says so
    await slideTo('2016-01-01');
    await expect.poll(() => b.page.locator('#top-list').textContent()).toBe('No introduction has borne fruit by this time.');
    // someone whose introductions all bore fruit early is drawn smaller years later; Helena, who keeps introducing, is not
    const tl = (await t.get('/api/timeline?metric=introducer&basis=introducer&steps=120&limit=400')).body as { nodes: string[]; values: number[][] };
    const early = tl.nodes.find((id, i) => {
      const v = tl.values[i]!;
      const peak = v.indexOf(Math.max(...v));
      return id !== 'p-connector' && v[peak]! > 0 && peak < 40 && v.at(-1)! < v[peak]! / 4;
    });
    expect(early).toBeDefined();
    const k = tl.values[tl.nodes.indexOf(early!)]!.indexOf(Math.max(...tl.values[tl.nodes.indexOf(early!)]!));
    await slideTo(new Date(await timeAt(k)).toISOString());
    const then = await sizes();
    await slideTo('2026-06-01');
    const late = await sizes();
    expect(late[early!]).toBeLessThan(then[early!]!);
    expect(late['p-connector']).toBeGreaterThan(then['p-connector']!);
  });
});

describe('the ranking as CSV', () => {
  it("Most influential's CSV link downloads the whole ranking the API gives for the view: its metric, slice and time", async () => {
    await open('?metric=activity&sector=music');
    await slideTo('2019-06-01');
    const t0 = await b.page.evaluate(() => window.__catalyst.times()[window.__catalyst.position()]!);
    const link = b.page.locator('#top-csv');
    await expect.poll(() => link.getAttribute('href')).toBe(`/api/influence.csv?metric=activity&layer=influence&at=${encodeURIComponent(new Date(t0).toISOString())}&sector=music`);
    const [download] = await Promise.all([b.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`catalyst-activity-music-${new Date(t0).toISOString().slice(0, 10)}.csv`);
    const lines = readFileSync((await download.path())!, 'utf8').trimEnd().split('\n');
    const api = (await t.get(`/api/influence?metric=activity&sector=music&at=${new Date(t0).toISOString()}&limit=100000`)).body;
    expect(lines).toHaveLength(api.total + 1);
    expect(lines.slice(1, 6).map((l) => l.split(',')[1])).toEqual(api.items.slice(0, 5).map((i: { id: string }) => i.id));
  });
});

describe('search and the person panel', () => {
  it('Compare with draws other people\'s curves beside the profile\'s, as the API gives them, and keeps them from person to person', async () => {
    const errorsBefore = b.errors.length;
    await open('?person=p-comeback');
    const field = b.page.locator('#panel .compare-field input');
    await field.waitFor();
    const compared = () => b.page.evaluate(() => window.__catalyst.panelChart()?.compared ?? null);
    const pick = async (query: string, name: string) => {
      await field.fill(query);
      await b.page.locator('#compare-hits [role=option]', { hasText: name }).first().waitFor();
      await field.press('Enter');
      await expect.poll(async () => (await compared())?.map((c) => c.label)).toContain(name);
    };
    await pick('zara', 'Zara Flash');
    // the link keeps the choice
    await expect.poll(() => new URL(b.page.url()).searchParams.get('cmp')).toBe('p-fad');
    // Zara's curve over the same range, at the chart's own times
    const meta = (await t.get('/api/meta')).body;
    const zara = (await t.get(`/api/people/p-fad/curve?from=${meta.timeRange.from}&to=${meta.timeRange.to}`)).body as { points: { t: number; value: number }[] };
    const chart = (await b.page.evaluate(() => window.__catalyst.panelChart()))!;
    expect(chart.times).toEqual(zara.points.map((p) => p.t));
    expect(chart.compared[0]!.values).toEqual(zara.points.map((p) => p.value));
    expect(await b.page.locator('#panel .chart-legend .lg-compare').allTextContents()).toEqual(['Zara Flash']);
    await screenshot(b.page, 'compare.png');
    // the choice stays on the next profile; on Zara's own, her line is not drawn twice
    await b.page.evaluate(() => window.__catalyst.select('p-lasting'));
    await b.page.locator('#panel .person-name', { hasText: 'Professor Ada Lindqvist' }).waitFor();
    await expect.poll(async () => (await compared())?.map((c) => c.label)).toEqual(['Zara Flash']);
    await b.page.evaluate(() => window.__catalyst.select('p-fad'));
    await b.page.locator('#panel .person-name', { hasText: 'Zara Flash' }).waitFor();
    await expect.poll(async () => (await compared())?.map((c) => c.label)).toEqual([]);
    expect(await b.page.locator('#panel .compare-field .person-chip').allTextContents()).toEqual(['Zara Flash×']);
    // at most three: the oldest choice gives way; × takes one off
    await b.page.evaluate(() => window.__catalyst.select('p-comeback'));
    await b.page.locator('#panel .person-name', { hasText: 'Marcus Vale' }).waitFor();
    await pick('ada', 'Professor Ada Lindqvist');
    await pick('victor', 'Victor Kane');
    await pick('nia', 'Nia Okafor');
    expect((await compared())!.map((c) => c.label)).toEqual(['Professor Ada Lindqvist', 'Victor Kane', 'Nia Okafor']);
    await b.page.locator('#panel .compare-field .chip-remove').nth(1).click();
    await expect.poll(async () => (await compared())?.map((c) => c.label)).toEqual(['Professor Ada Lindqvist', 'Nia Okafor']);
    for (let k = 0; k < 2; k++) await b.page.locator('#panel .compare-field .chip-remove').first().click();
    await expect.poll(async () => (await compared())?.length).toBe(0);
    await expect.poll(() => new URL(b.page.url()).searchParams.get('cmp')).toBeNull();
    // a link with people to compare opens with them drawn
    await open('?person=p-comeback&cmp=p-fad,p-lasting');
    await expect.poll(async () => (await compared())?.map((c) => c.label)).toEqual(['Zara Flash', 'Professor Ada Lindqvist']);
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });

  it('finds a person with the keyboard, flies to them and opens the panel with the decay chart', async () => {
    await open();
    const search = b.page.locator('#search');
    await search.click();
    await search.pressSequentially('marcus v', { delay: 20 });
    await b.page.locator('#search-list [role=option]').first().waitFor();
    expect(await b.page.locator('#search-list [role=option]').first().textContent()).toContain('Marcus Vale');
    await search.press('Enter');
    await b.page.locator('#panel .person-name', { hasText: 'Marcus Vale' }).waitFor();
    await b.page.locator('#panel .chart-box canvas').first().waitFor();
    const state = await b.page.evaluate(() => ({ person: window.__catalyst.state().person, selected: window.__catalyst.render()!.selected }));
    expect(state).toEqual({ person: 'p-comeback', selected: 'p-comeback' });
    // The decay chart marks the comeback and its dormancy.
    await expect.poll(() => b.page.locator('#panel .fade-badge').textContent()).toBeTruthy();
    expect(await b.page.locator('#panel .chart-legend').textContent()).toContain('comeback');
    expect(await b.page.locator('#panel').textContent()).toMatch(/1 comeback/);
    // The camera flew to the node: it sits near the centre of the stage.
    await b.page.waitForTimeout(900);
    const offset = await b.page.evaluate(() => {
      const v = window.__catalyst.view()!;
      const p = v.sigma.framedGraphToViewport(v.sigma.getNodeDisplayData('p-comeback')!);
      const { width, height } = v.sigma.getDimensions();
      return Math.hypot(p.x - width / 2, p.y - height / 2);
    });
    expect(offset).toBeLessThan(60);
    // Sections from the profile.
    await b.page.locator('#panel .scores .score').first().waitFor();
    await b.page.locator('#panel .polarity-bar').waitFor();
    expect(await b.page.locator('#panel .bars').count()).toBe(2);
    // The community chip names Marcus's community as the map's legend does.
    const chip = await b.page.locator('#panel .chip.community').textContent();
    expect(chip).toContain('around Marcus Vale');
    expect(await b.page.locator('#legend .legend-label').allTextContents()).toContain(chip);
    await screenshot(b.page, 'person-panel.png');
  });

  it('the chart follows the slider with a vertical time line (redraw only)', async () => {
    const allTime = () => b.page.locator('#panel .score.all-time').evaluateAll((tiles) => tiles.map((x) => (x as HTMLElement).dataset.metric!));
    expect(await allTime()).toEqual([]);
    await slideTo('2021-01-01');
    const plot = await b.page.evaluate(() => document.querySelectorAll('#panel .uplot').length);
    expect(plot).toBe(1);
    // at a time, the scores kept all-time say so: the API's, and the timed ones do not
    const at = await b.page.evaluate(() => window.__catalyst.times()[window.__catalyst.position()]!);
    const scores = (await t.get(`/api/people/p-comeback/influence?at=${new Date(at).toISOString()}`)).body.scores as Record<string, { at: string | null }>;
    const shown = await b.page.locator('#panel .scores .score[data-metric]').evaluateAll((tiles) => tiles.map((x) => (x as HTMLElement).dataset.metric!));
    await expect.poll(allTime, { timeout: 30_000 }).toEqual(shown.filter((name) => scores[name]!.at === null));
    expect(await allTime()).toContain('betweenness');
    expect(await allTime()).not.toContain('activity');
  });

  it('hovering a suggestion highlights the path a – introducer – b in the graph', async () => {
    await open('?person=p-ana');
    await b.page.locator('#panel .meet-list .suggestion').first().waitFor();
    const more = b.page.locator('#panel .meet-list button.more');
    if (await more.count()) await more.click();
    const card = b.page.locator('#panel .meet-list .suggestion', { hasText: 'Omar Haddad' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Helena Brandt');
    expect(await card.textContent()).toMatch(/Omar offers .*funding.*, which Ana seeks/);
    await card.hover();
    await b.page.waitForFunction(() => window.__catalyst.render()!.path !== null);
    const lit = await b.page.evaluate(() => {
      const v = window.__catalyst.view()!;
      const d = (id: string) => v.sigma.getNodeDisplayData(id)!;
      const stranger = v.scene.graph.nodes().find((n) => !['p-ana', 'p-connector', 'p-omar'].includes(n) && !v.scene.graph.areNeighbors(n, 'p-ana'))!;
      return {
        path: window.__catalyst.render()!.path,
        colors: ['p-ana', 'p-connector', 'p-omar'].map((id) => d(id).color),
        labels: ['p-ana', 'p-connector', 'p-omar'].map((id) => d(id).forceLabel),
        stranger: d(stranger).color,
      };
    });
    expect(lit.path).toEqual(['p-ana', 'p-connector', 'p-omar']);
    expect(lit.labels).toEqual([true, true, true]);
    for (const c of lit.colors) expect(c).not.toBe(lit.stranger);
    expect(lit.stranger).toBe('rgba(20,23,31,0.55)');
    await b.page.waitForTimeout(700); // the camera brings the three into view
    await screenshot(b.page, 'suggestion-path.png');
    await b.page.mouse.move(400, 400);
    await b.page.waitForFunction(() => window.__catalyst.render()!.path === null);
  });

  it('"Record request" posts Ana’s request as suggested and shows the result, or the API’s error message', async () => {
    const cards = b.page.locator('#panel .meet-list .suggestion');
    const first = cards.nth(0);
    const second = cards.nth(1);
    const ids = await second.evaluate((el) => el.getAttribute('data-introducer'));
    const asked = (await t.get('/api/introductions/suggestions?person=p-ana&limit=5')).body.items[0] as Suggestion;
    await first.locator('button.btn', { hasText: 'Record request' }).click();
    // The first write after a read may take seconds (the server refreshes its analysis).
    await expect.poll(() => first.locator('.record-status').textContent(), { timeout: 30_000 }).toMatch(/^Recorded your request: /);
    expect(await first.locator('button.btn', { hasText: 'Record' }).isDisabled()).toBe(true);
    // Ana has asked; the introducer has not made it yet, so it is stored as suggested and her record does not count it
    const stored = ((await t.get('/api/introductions?person=p-ana&limit=50')).body.items as { introducer: string; a: string; b: string; status: string }[]).find(
      (i) => [i.a, i.b].sort().join() === [asked.a.id, asked.b.id].sort().join(),
    );
    expect(stored).toMatchObject({ introducer: asked.introducer.id, status: 'suggested' });
    // Record the second one behind the page's back: the button then gets the API's 409 and shows its message.
    const suggestion = (await t.get('/api/introductions/suggestions?person=p-ana&limit=5')).body.items.find((s: { introducer: { id: string } }) => s.introducer.id === ids);
    expect(suggestion).toBeTruthy();
    const direct = await t.send('POST', '/api/introductions', { introducer: suggestion.introducer.id, a: suggestion.a.id, b: suggestion.b.id, note: 'test' });
    expect(direct.status).toBe(201);
    const again = await t.send('POST', '/api/introductions', { introducer: suggestion.introducer.id, a: suggestion.a.id, b: suggestion.b.id, note: 'test' });
    expect(again.status).toBe(409);
    await second.locator('button.btn', { hasText: 'Record request' }).click();
    await expect.poll(() => second.locator('.record-status.error').textContent(), { timeout: 30_000 }).toBe(again.body.error.message);
  });

  it('a suggestion drafts the message asking the introducer, to copy or open in email, and records why it was suggested', async () => {
    await open('?person=p-ana');
    const expected = (await t.get('/api/introductions/suggestions?person=p-ana&limit=10')).body.items as Suggestion[];
    // a suggestion where the other side offers something Ana seeks (the demo plants complementary people)
    const k = expected.findIndex((s) => s.reasons.bOffersASeeks.length > 0 || s.reasons.aOffersBSeeks.length > 0);
    expect(k).toBeGreaterThanOrEqual(0);
    const s = expected[k]!;
    const other = s.a.id === 'p-ana' ? s.b : s.a;
    const card = b.page.locator('#panel .meet-list .suggestion').nth(k);
    await card.waitFor({ timeout: 30_000 });
    if (await card.isHidden()) await b.page.locator('#panel .meet-list .more').click();
    const introducerFirst = s.introducer.name.split(' ')[0];
    const ask = card.locator('.compose-toggle');
    expect(await ask.textContent()).toBe(`Ask ${introducerFirst}…`);
    expect(await card.locator('.compose').isHidden()).toBe(true);
    await ask.click();
    expect(await ask.getAttribute('aria-expanded')).toBe('true');
    const body = card.locator('.compose-body');
    expect(await card.locator('.compose-to').textContent()).toBe(`To ${introducerFirst}`);
    expect(await card.locator('.compose-subject').inputValue()).toBe(`Would you introduce me to ${other.name}?`);
    const text = await body.inputValue();
    expect(text.startsWith(`Hi ${introducerFirst},\n\nWould you introduce me to ${other.name}?`)).toBe(true);
    const needs = [...s.reasons.bOffersASeeks, ...s.reasons.aOffersBSeeks];
    for (const need of needs) expect(text).toContain(need);
    expect(text.endsWith('\nAna')).toBe(true);
    // the user edits the draft: Copy takes the edited text, and the email link follows it
    await body.fill(`${text}\nP.S. Edited by hand.`);
    // Escape while typing the message keeps the panel (and the draft) open
    await body.press('Escape');
    expect(await b.page.evaluate(() => window.__catalyst.state().person)).toBe('p-ana');
    expect(await body.inputValue()).toBe(`${text}\nP.S. Edited by hand.`);
    await b.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.url });
    await card.locator('button', { hasText: 'Copy message' }).click();
    await expect.poll(() => card.locator('.compose-status').textContent()).toBe('Copied to the clipboard.');
    expect(await b.page.evaluate(() => navigator.clipboard.readText())).toBe(`${text}\nP.S. Edited by hand.`);
    const mail = new URL((await card.locator('.compose a.btn').getAttribute('href'))!);
    expect(mail.protocol).toBe('mailto:');
    expect(mail.searchParams.get('subject')).toBe(`Would you introduce me to ${other.name}?`);
    expect(mail.searchParams.get('body')).toBe(`${text}\nP.S. Edited by hand.`);
    await card.locator('.compose').scrollIntoViewIfNeeded();
    await screenshot(b.page, 'introduction-draft.png');
    // recorded from the card, the introduction keeps why it was suggested as its note
    await card.locator('button.btn', { hasText: 'Record request' }).click();
    await expect.poll(() => card.locator('.record-status').textContent(), { timeout: 30_000 }).toMatch(/^Recorded your request: /);
    const recorded = ((await t.get('/api/introductions?person=p-ana&limit=50')).body.items as { a: string; b: string; note: string }[]).find(
      (i) => [i.a, i.b].sort().join() === [s.a.id, s.b.id].sort().join(),
    );
    expect(recorded?.note.startsWith('Suggested by Catalyst: ')).toBe(true);
    for (const need of needs) expect(recorded?.note).toContain(need);
  });

  it('"Whom to meet" narrowed to a sector lists what the API suggests in it, and keeps the sector for the next person', async () => {
    await open('?person=p-ana');
    await b.page.locator('#panel .meet-list .suggestion').first().waitFor();
    const headlines = () => b.page.locator('#panel .meet-list .suggestion-title').allTextContents();
    const expected = async (person: string, sector: string) =>
      ((await t.get(`/api/introductions/suggestions?person=${person}&limit=10&sector=${sector}`)).body.items as { a: { id: string; name: string }; b: { id: string; name: string } }[]).map(
        (x) => `Meet ${x.a.id === person ? x.b.name : x.a.name}`,
      );
    const any = await headlines();
    const music = await expected('p-ana', 'music');
    expect(music.length).toBeGreaterThan(0);
    expect(music).not.toEqual(any.slice(0, music.length));
    // a quick second choice wins over the first, whichever answer comes back last
    await b.page.locator('#panel .meet-sector').selectOption('finance');
    await b.page.locator('#panel .meet-sector').selectOption('music');
    await expect.poll(headlines, { timeout: 30_000 }).toEqual(music);
    await b.page.waitForTimeout(500);
    expect(await headlines()).toEqual(music);
    // the next person's panel opens on the same sector
    await b.page.evaluate(() => window.__catalyst.select('p-omar'));
    await b.page.locator('#panel .person-name', { hasText: 'Omar Haddad' }).waitFor();
    expect(await b.page.locator('#panel .meet-sector').inputValue()).toBe('music');
    const omar = await expected('p-omar', 'music');
    await expect.poll(headlines, { timeout: 30_000 }).toEqual(omar);
  });

  it('"How to reach…" finds the most trusted chain the API gives, and lights it on the map', async () => {
    await open('?person=p-ana');
    const input = b.page.locator('#panel .reach-input');
    await input.waitFor();
    await input.click();
    await input.pressSequentially('omar h', { delay: 20 });
    await b.page.locator('#reach-list [role=option]', { hasText: 'Omar Haddad' }).first().waitFor();
    // nobody is offered a chain to themselves
    expect(await b.page.locator('#reach-list [role=option]', { hasText: 'Ana Torres' }).count()).toBe(0);
    await input.press('Enter');
    const expected = (await t.get('/api/introductions/path?from=p-ana&to=p-omar')).body;
    const card = b.page.locator('#panel .reach-card');
    await card.locator('.reach-headline').waitFor({ timeout: 30_000 });
    expect(await card.locator('.reach-headline').textContent()).toBe('Ask Helena Brandt to introduce Ana to Omar Haddad');
    expect(await card.locator('.reach-chain li').allTextContents()).toEqual(expected.path.people.map((p: { name: string }) => p.name));
    expect(await card.locator('.trust-row').count()).toBe(2 * expected.path.hops.length);
    // the first step drafted: the message asking Helena for the introduction
    await card.locator('.compose-toggle', { hasText: 'Ask Helena…' }).click();
    expect(await card.locator('.compose-subject').inputValue()).toBe('Would you introduce me to Omar Haddad?');
    const ask = await card.locator('.compose-body').inputValue();
    expect(ask.startsWith('Hi Helena,\n\nWould you introduce me to Omar Haddad?')).toBe(true);
    expect(ask.endsWith('\nAna')).toBe(true);
    await card.hover();
    await b.page.waitForFunction(() => window.__catalyst.render()!.path?.length === 3);
    expect((await b.page.evaluate(() => window.__catalyst.render()!)).path).toEqual(['p-ana', 'p-connector', 'p-omar']);
    await screenshot(b.page, 'reach-path.png');
    await b.page.mouse.move(400, 400);
    await b.page.waitForFunction(() => window.__catalyst.render()!.path === null);
    // the link keeps whom Ana wants to reach: opening it shows the same chain
    await b.page.waitForFunction(() => new URLSearchParams(location.search).get('reach') === 'p-omar');
    await open('?person=p-ana&reach=p-omar');
    await b.page.locator('#panel .reach-card .reach-headline', { hasText: 'Ask Helena Brandt to introduce Ana to Omar Haddad' }).waitFor({ timeout: 30_000 });
    expect(await b.page.locator('#panel .reach-input').inputValue()).toBe('Omar Haddad');
    // choosing someone else drops it: a chain belongs to the person it was asked for
    await b.page.evaluate(() => window.__catalyst.select('p-omar'));
    await b.page.waitForFunction(() => window.__catalyst.state().person === 'p-omar');
    expect(await b.page.evaluate(() => window.__catalyst.state().reach)).toBeNull();
    // once Omar hid Ana, no chain is offered, and the card says why instead of offering to look further
    const hidden = await t.send('POST', '/api/dismissals', { by: 'p-omar', a: 'p-ana', b: 'p-omar' });
    expect(hidden.status).toBe(201);
    try {
      await open('?person=p-ana&reach=p-omar');
      await b.page.locator('#panel .reach-card .reach-headline', { hasText: 'No introduction from Ana to Omar Haddad is offered' }).waitFor({ timeout: 30_000 });
      expect(await b.page.locator('#panel .reach-card').textContent()).toContain('One of the two asked not to be suggested the other');
      expect(await b.page.locator('#panel .reach-card button', { hasText: /hops/ }).count()).toBe(0);
    } finally {
      expect((await t.send('DELETE', `/api/dismissals/${hidden.body.id}`)).status).toBe(204);
    }
  });

  it('a link to someone the database does not know opens one clear message, not an error per section', async () => {
    const missing = await t.get('/api/people/nobody-here/influence');
    expect(missing.status).toBe(404);
    const before = b.errors.length;
    await open('?person=nobody-here');
    await b.page.locator('#panel .unknown-person').waitFor({ timeout: 30_000 });
    expect(await b.page.locator('#panel .unknown-person').textContent()).toBe(missing.body.error.message);
    expect(await b.page.locator('#panel .error').count()).toBe(1);
    expect(await b.page.locator('#panel .panel-section').count()).toBe(0);
    await b.page.waitForTimeout(500); // the aborted requests settle without uncaught errors
    expect(b.errors.slice(before).filter((e) => !/404|Not Found/i.test(e))).toEqual([]);
    await b.page.locator('#panel .panel-close').click();
    await b.page.waitForFunction(() => window.__catalyst.state().person === null);
  });

  it('an introducer’s panel lists the pairs she is best placed to introduce, and records one with her as introducer', async () => {
    await open('?person=p-connector');
    const expected = (await t.get('/api/introductions/suggestions?introducer=p-connector&limit=10')).body.items;
    expect(expected.length).toBeGreaterThan(1);
    const cards = b.page.locator('#panel .introduce-list .suggestion');
    await expect.poll(() => cards.count(), { timeout: 30_000 }).toBe(expected.length);
    const first = cards.nth(0);
    expect(await first.getAttribute('data-introducer')).toBe('p-connector');
    expect(await first.locator('.suggestion-title').textContent()).toBe(`Introduce ${expected[0].a.name} to ${expected[0].b.name}`);
    expect(await first.locator('.suggestion-via').count()).toBe(0);
    // the card's actions share one line even in the narrow window's narrower panel, with Hide in its corner
    await b.page.setViewportSize({ width: 1000, height: 900 });
    await expect.poll(() => b.page.locator('#panel').evaluate((p) => p.getBoundingClientRect().width)).toBe(360);
    const actionTops = await first.locator(':scope > .suggestion-actions > button').evaluateAll((bs) => bs.map((x) => Math.round(x.getBoundingClientRect().top)));
    await b.page.setViewportSize({ width: 1440, height: 900 });
    expect(actionTops).toHaveLength(2);
    expect(new Set(actionTops).size).toBe(1);
    expect(await first.locator('.suggestion-head button.dismiss').getAttribute('aria-label')).toBe('Hide');
    // the reasons name what one side offers that the other seeks (DESIGN.md: complementary people)
    expect(await cards.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/ offers .*, which .* seeks/)]));
    // her draft is the introduction itself, to both, signed by her
    await first.locator('.compose-toggle', { hasText: 'Write to them…' }).click();
    const draft = await first.locator('.compose-body').inputValue();
    expect(draft.startsWith(`Hi ${expected[0].a.name.split(' ')[0]} and ${expected[0].b.name.split(' ')[0]},\n\nI would like to introduce you to each other.`)).toBe(true);
    expect(draft.endsWith('\nHelena')).toBe(true);
    await first.locator('button.btn', { hasText: 'Record introduction' }).click();
    await expect.poll(() => first.locator('.record-status').textContent(), { timeout: 30_000 }).toMatch(/^Recorded: /);
    const mine = (await t.get('/api/introductions?person=p-connector&limit=5')).body.items[0];
    expect([mine.introducer, mine.a, mine.b]).toEqual(['p-connector', expected[0].a.id, expected[0].b.id]);
    await b.page.locator(`#panel .introduction[data-id="${mine.id}"]`).waitFor({ timeout: 30_000 });
    await first.scrollIntoViewIfNeeded();
    await screenshot(b.page, 'introducer-panel.png');
    // narrowed to pairs with someone in music: what the API gives for that sector
    const music = ((await t.get('/api/introductions/suggestions?introducer=p-connector&limit=10&sector=music')).body.items as { a: { name: string }; b: { name: string } }[]).map(
      (x) => `Introduce ${x.a.name} to ${x.b.name}`,
    );
    expect(music.length).toBeGreaterThan(0);
    await b.page.locator('#panel .introduce-sector').selectOption('music');
    await expect.poll(() => cards.locator('.suggestion-title').allTextContents(), { timeout: 30_000 }).toEqual(music);
  });

  it('lists the person’s introductions, newest first, and sets an outcome through the API (or shows its error)', async () => {
    let history = (await t.get('/api/introductions?person=p-ana&limit=20')).body;
    const recorded = history.items.find((i: { note: string; status: string }) => i.note.startsWith('Suggested by Catalyst') && i.status === 'suggested');
    expect(recorded).toBeTruthy();
    const rows = b.page.locator('#panel .introduction');
    // The list reloaded after "Record request": the one the page recorded is there, with its status.
    await rows.and(b.page.locator(`[data-id="${recorded.id}"]`)).waitFor({ timeout: 30_000 });
    // Opened afresh, the panel lists exactly what the API has, newest first.
    await open('?person=p-ana');
    history = (await t.get('/api/introductions?person=p-ana&limit=20')).body;
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(Math.min(20, history.total));
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(ids).toEqual(history.items.map((i: { id: string }) => i.id));
    const row = b.page.locator(`#panel .introduction[data-id="${recorded.id}"]`);
    expect(await row.locator('.status-select').inputValue()).toBe('suggested');
    const names = (await t.get(`/api/people/${recorded.a === 'p-ana' ? recorded.b : recorded.a}`)).body.name;
    expect(await row.locator('.introduction-people').textContent()).toContain(names);
    // a request reads as still to come, until it is made
    const other = firstName(names);
    expect(await row.locator('.introduction-title').textContent()).toMatch(new RegExp(`^To be introduced to ${other} by `));

    await row.locator('.status-select').selectOption('succeeded');
    await expect.poll(() => row.locator('.record-status.ok').textContent(), { timeout: 30_000 }).toBe('Saved: succeeded.');
    expect((await t.get(`/api/introductions/${recorded.id}`)).body.status).toBe('succeeded');
    expect(await row.getAttribute('data-status')).toBe('succeeded');
    expect(await row.locator('.introduction-title').textContent()).toMatch(new RegExp(`^Introduced to ${other} by `));

    // Deleted behind the page's back: the API's 404 message shows and the control goes back to the saved status.
    expect((await t.send('DELETE', `/api/introductions/${recorded.id}`)).status).toBe(204);
    const missing = await t.send('PATCH', `/api/introductions/${recorded.id}`, { status: 'failed' });
    expect(missing.status).toBe(404);
    await row.locator('.status-select').selectOption('failed');
    await expect.poll(() => row.locator('.record-status.error').textContent(), { timeout: 30_000 }).toBe(missing.body.error.message);
    expect(await row.locator('.status-select').inputValue()).toBe('succeeded');
    await row.scrollIntoViewIfNeeded();
    await screenshot(b.page, 'introductions.png');

    // An introducer's record follows the outcomes set in her panel. Hers is longer than a page: Show more lists the rest, in the API's order.
    await open('?person=p-connector');
    const all = (await t.get('/api/introductions?person=p-connector&limit=100')).body as { items: { id: string }[]; total: number };
    expect(all.total).toBeGreaterThan(20);
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(20);
    const moreButton = b.page.locator('#panel .introductions + .show-more');
    expect(await moreButton.textContent()).toBe(`Show ${Math.min(20, all.total - 20)} more of ${all.total}`);
    await moreButton.click();
    await expect.poll(() => rows.count()).toBe(Math.min(40, all.total));
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(all.items.slice(0, 40).map((i) => i.id));
    const own = (await t.get('/api/introductions?person=p-connector&limit=20')).body.items.find(
      (i: { introducer: string; status: string }) => i.introducer === 'p-connector' && (i.status === 'made' || i.status === 'accepted'),
    );
    expect(own).toBeTruthy();
    const succeeded = b.page.locator('#panel .score:has(.score-name:text-is("succeeded")) .score-value');
    await succeeded.waitFor({ timeout: 30_000 });
    const before = Number.parseInt((await succeeded.textContent())!, 10);
    const record = (await t.get('/api/people/p-connector/influence')).body.introducer;
    expect(before).toBe(record.succeeded);
    const ownRow = b.page.locator(`#panel .introduction[data-id="${own.id}"]`);
    await ownRow.locator('.status-select').selectOption('succeeded');
    await expect.poll(async () => Number.parseInt((await succeeded.textContent())!, 10), { timeout: 30_000 }).toBe(before + 1);
    // Its value is credited to her: the stored value and her introducer score go up.
    const score = async () => (await t.get('/api/people/p-connector/influence')).body.introducer.score as number;
    const scoreBefore = await score();
    await ownRow.locator('.value-input').fill('250');
    await ownRow.locator('.value-input').press('Enter');
    await expect.poll(() => ownRow.locator('.record-status.ok').textContent(), { timeout: 30_000 }).toBe('Saved: value 250.');
    expect((await t.get(`/api/introductions/${own.id}`)).body.value).toBe(250);
    expect(await score()).toBeGreaterThan(scoreBefore);
  });

  it('sized by introducer, the map and the ranking take a new outcome in place, without reloading the graph', async () => {
    // Someone with no record yet introduces two people; the page is sized by the introducer metric.
    const [introducer, a, c] = ['p-0100', 'p-0122', 'p-0304'];
    const made = await t.send('POST', '/api/introductions', { introducer, a, b: c, note: 'map refresh' });
    expect(made.status).toBe(201);
    const errorsBefore = b.errors.length;
    await open(`?metric=introducer&person=${introducer}`);
    const row = b.page.locator(`#panel .introduction[data-id="${made.body.id}"]`);
    await row.waitFor({ timeout: 30_000 });
    const graphRequests: string[] = [];
    b.page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/graph') graphRequests.push(r.url());
    });
    const node = () => b.page.evaluate((id) => window.__catalyst.nodeDisplay(id) as { x: number; y: number; size: number }, introducer);
    const before = await node();
    const topNames = () => b.page.locator('#top-list .top-name').allTextContents();
    expect(await topNames()).not.toContain((await t.get(`/api/people/${introducer}`)).body.name);

    await row.locator('.status-select').selectOption('succeeded');
    await expect.poll(() => row.locator('.record-status.ok').textContent(), { timeout: 30_000 }).toBe('Saved: succeeded.');
    await row.locator('.value-input').fill('5000');
    await row.locator('.value-input').press('Enter');
    await expect.poll(() => row.locator('.record-status.ok').textContent(), { timeout: 30_000 }).toBe('Saved: value 5.0k.');

    // The side ranking is the API's, and the introducer's node grew where it stood.
    const expected = (await t.get('/api/influence?metric=introducer&limit=8')).body.items.map((i: { name: string }) => i.name);
    expect(expected).toContain((await t.get(`/api/people/${introducer}`)).body.name);
    await expect.poll(topNames, { timeout: 30_000 }).toEqual(expected);
    const after = await node();
    expect(after.size).toBeGreaterThan(before.size);
    expect([after.x, after.y]).toEqual([before.x, before.y]);
    expect(graphRequests).toEqual([]);
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });

  it("an introducer's chart switches between influence from events and the introducer score, the API's curves; sized by Introducer it starts on the latter", async () => {
    const curve = async (metric: string) =>
      ((await t.get(`/api/people/p-connector/curve?metric=${metric}`)).body.points as { t: number; value: number }[]).map((p) => p.value);
    const drawn = () => b.page.evaluate(() => window.__catalyst.panelChart()?.values ?? null);
    const legend = () => b.page.locator('#panel .chart-legend .lg-line').textContent();
    const pressed = () => b.page.locator('#panel .curve-switch [aria-pressed=true]').getAttribute('data-curve');

    await open('?metric=introducer&person=p-connector');
    await b.page.locator('#panel .curve-switch').waitFor({ timeout: 30_000 });
    await expect.poll(pressed).toBe('introducer');
    await expect.poll(legend).toBe('introducer score');
    const introducer = await curve('introducer');
    expect(Math.max(...introducer)).toBeGreaterThan(0);
    await expect.poll(drawn).toEqual(introducer);

    await b.page.locator('#panel .curve-switch [data-curve=activity]').click();
    await expect.poll(pressed).toBe('activity');
    await expect.poll(legend).toBe('influence');
    await expect.poll(drawn).toEqual(await curve('activity'));
    await b.page.locator('#panel .curve-switch [data-curve=introducer]').click();
    await expect.poll(drawn).toEqual(introducer);

    // someone who never introduced anyone has no switch, and their events' curve even when sized by Introducer
    const quiet = 'p-fad';
    expect((await t.get(`/api/people/${quiet}/influence`)).body.introducer).toBeNull();
    await open(`?metric=introducer&person=${quiet}`);
    await b.page.locator('#panel .chart-box canvas').first().waitFor({ timeout: 30_000 });
    await expect.poll(legend).toBe('influence');
    expect(await b.page.locator('#panel .curve-switch').count()).toBe(0);
  });

  it('Hide drops a suggestion through the API, Undo brings it back, and the hidden list restores one hidden earlier', async () => {
    const meet = async () =>
      ((await t.get('/api/introductions/suggestions?person=p-0007&limit=10')).body.items as Suggestion[]).map((x) => `Meet ${(x.a.id === 'p-0007' ? x.b : x.a).name}`);
    const dismissals = async () => (await t.get('/api/dismissals?by=p-0007')).body as { total: number; items: { id: string; a: string; b: string }[] };
    await open('?person=p-0007');
    const all = await meet();
    expect(all.length).toBeGreaterThan(1);
    const titles = b.page.locator('#panel .meet-list .suggestion:not(.dismissed) .suggestion-title');
    // every card is there (beyond the first five behind "Show more")
    await expect.poll(() => titles.allTextContents(), { timeout: 30_000 }).toEqual(all);
    const card = b.page.locator('#panel .meet-list .suggestion').nth(1);
    const other = all[1]!.slice('Meet '.length);
    await card.locator('button.dismiss').click();
    await expect.poll(() => card.locator('.dismissed-note').textContent(), { timeout: 30_000 }).toBe(`Hidden: ${other} will not be suggested to you again. Undo `);
    expect(await card.locator('.suggestion-title').isHidden()).toBe(true);
    expect((await dismissals()).total).toBe(1);
    // the API's list is the same without it (and the next one moves up)
    expect((await meet()).slice(0, all.length - 1)).toEqual(all.filter((x) => x !== `Meet ${other}`));
    const summary = b.page.locator('#panel .hidden-suggestions summary');
    await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toBe('Hidden suggestions (1)');

    // Undo: the card is back as it was, and nothing is hidden any more
    await card.locator('.undo').click();
    await card.locator('.dismissed-note').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await card.locator('.suggestion-title').textContent()).toBe(`Meet ${other}`);
    expect((await dismissals()).total).toBe(0);
    expect(await meet()).toEqual(all);
    await summary.waitFor({ state: 'detached', timeout: 30_000 });

    // Hidden again, and the panel opened afresh: the list is the API's without it, and Restore brings it back
    await card.locator('button.dismiss').click();
    await card.locator('.dismissed-note').waitFor({ timeout: 30_000 });
    await open('?person=p-0007');
    const without = await meet();
    await expect.poll(() => titles.allTextContents(), { timeout: 30_000 }).toEqual(without);
    expect(without).not.toContain(`Meet ${other}`);
    await summary.click();
    const row = b.page.locator('#panel .hidden-suggestion');
    expect(await row.locator('.hidden-title').allTextContents()).toEqual([`Meet ${other}`]);
    await row.locator('button', { hasText: 'Restore' }).click();
    await expect.poll(() => titles.allTextContents(), { timeout: 30_000 }).toEqual(all);
    expect((await dismissals()).total).toBe(0);
    await summary.waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('the hidden list shows twenty, newest first as the API lists them, and Show more the rest', async () => {
    const made: string[] = [];
    try {
      for (let k = 0; k < 23; k++) {
        const res = await t.send('POST', '/api/dismissals', { by: 'p-0009', a: 'p-0009', b: `p-${String(200 + k).padStart(4, '0')}` });
        expect(res.status).toBe(201);
        made.push(res.body.id);
      }
      const listed = (await t.get('/api/dismissals?by=p-0009&limit=100')).body as { total: number; items: { id: string }[] };
      expect(listed.total).toBe(23);
      await open('?person=p-0009');
      const summary = b.page.locator('#panel .hidden-suggestions summary');
      await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toBe('Hidden suggestions (23)');
      await summary.click();
      const ids = () => b.page.locator('#panel .hidden-suggestion').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
      expect(await ids()).toEqual(listed.items.slice(0, 20).map((d) => d.id));
      const more = b.page.locator('#panel .hidden-suggestions .show-more');
      expect(await more.textContent()).toBe('Show 3 more of 23');
      await more.click();
      await expect.poll(ids).toEqual(listed.items.map((d) => d.id));
      expect(await more.count()).toBe(0);
      // still open, and the list kept at 23 when one is restored
      await b.page.locator('#panel .hidden-suggestion').last().locator('button', { hasText: 'Restore' }).click();
      await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toBe('Hidden suggestions (22)');
      expect(await b.page.locator('#panel .hidden-suggestions').getAttribute('open')).not.toBeNull();
      expect(await ids()).toEqual(listed.items.slice(0, 22).map((d) => d.id));
    } finally {
      for (const id of made) await t.send('DELETE', `/api/dismissals/${encodeURIComponent(id)}`);
    }
  });

  it('an introducer whose successes nobody else vouches for: the panel says they count for nothing, the board ranks her below', async () => {
    const farm = ['p-farmer', 'p-fake1', 'p-fake2', 'p-fake3'];
    const made: string[] = [];
    try {
      for (const id of farm) expect((await t.send('POST', '/api/people', { id, name: id === 'p-farmer' ? 'Fay Farmer' : id })).status).toBe(201);
      for (const [a, b2] of [['p-fake1', 'p-fake2'], ['p-fake1', 'p-fake3'], ['p-fake2', 'p-fake3']]) {
        const res = await t.send('POST', '/api/introductions', { introducer: 'p-farmer', a, b: b2, status: 'succeeded', value: 1_000_000 });
        expect(res.status).toBe(201);
        made.push(res.body.id as string);
      }
      const profile = (await t.get('/api/people/p-farmer/influence')).body;
      expect(profile.introducer).toMatchObject({ succeeded: 3, counted: 0, score: 0 });
      await open('?person=p-farmer');
      const note = b.page.locator('#panel .vouching-note');
      await note.waitFor({ timeout: 30_000 });
      expect(await note.textContent()).toBe(vouchingText('Fay', profile.introducer));
      expect(await note.textContent()).toContain('Counted as 0 of 3 succeeded');
      // the board's best introducers are the API's, and she is not among them
      await b.page.locator('#introductions').click();
      const names = b.page.locator('.introducer-records li');
      await names.first().waitFor({ timeout: 30_000 });
      const top = (await t.get('/api/introductions/summary')).body.introducers as { id: string }[];
      expect(await names.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(top.map((r) => r.id));
      expect(top.map((r) => r.id)).not.toContain('p-farmer');
      await b.page.keyboard.press('Escape');
    } finally {
      for (const id of made) expect((await t.send('DELETE', `/api/introductions/${id}`)).status).toBe(204);
      for (const id of farm) expect((await t.send('DELETE', `/api/people/${id}`)).status).toBe(200);
    }
  });

  it("Edit changes who a person is through the API: the map's label and colour follow in place; Escape, a missing name and the API's refusal change nothing", async () => {
    const omar = (await t.get('/api/people/p-omar')).body as { name: string; sectors: string[]; offers: string[]; seeks: string[] };
    const skills = (await t.get('/api/meta')).body.skills as string[];
    expect(skills).toContain('public-speaking');
    expect(omar.offers).not.toContain('public-speaking');
    const editor = b.page.locator('#panel .person-editor');
    const typeInto = async (label: string, text: string) => {
      await editor.locator(`[aria-label="Add to ${label}"]`).pressSequentially(text, { delay: 5 });
      await b.page.keyboard.press('Enter');
    };
    try {
      await open('?person=p-omar&color=sector');
      await expect.poll(() => b.page.locator('#panel .person-name').textContent(), { timeout: 30_000 }).toBe(omar.name);
      const displays = () =>
        b.page.evaluate(() => ({ omar: window.__catalyst.nodeDisplay('p-omar'), helena: window.__catalyst.nodeDisplay('p-connector') }) as Record<'omar' | 'helena', { x: number; y: number; color: string; label: string }>);
      const before = await displays();

      // Escape leaves the profile as it was, and the panel open (with the focus on a button too, where the page's
      // own Escape would close the panel)
      await b.page.locator('#panel .panel-edit').click();
      await editor.locator('input.text-input').fill('Someone Else');
      await editor.locator('button[type=submit]').focus();
      await b.page.keyboard.press('Escape');
      await editor.waitFor({ state: 'detached' });
      expect(await b.page.locator('#panel .person-name').textContent()).toBe(omar.name);
      expect(await b.page.evaluate(() => window.__catalyst.state().person)).toBe('p-omar');

      // a name is needed: said at once, nothing sent
      await b.page.locator('#panel .panel-edit').click();
      await editor.locator('input.text-input').fill('   ');
      await editor.locator('button[type=submit]').click();
      expect(await editor.locator('.error').textContent()).toBe('A name is needed.');
      expect((await t.get('/api/people/p-omar')).body.name).toBe(omar.name);

      // a new name, a new sector in place of the old, an offer typed as words that takes the known label, a need removed
      await editor.locator('input.text-input').fill('Omar Al-Haddad');
      await editor.locator(`[aria-label="Remove ${omar.sectors[0]}"]`).click();
      await typeInto('sectors', 'space exploration');
      await typeInto('offers', 'Public Speaking');
      await editor.locator(`[aria-label="Remove ${omar.seeks[0]}"]`).click();
      expect(await editor.locator('.chip.offer').allTextContents()).toEqual([...omar.offers, 'public-speaking'].map((o) => `${o}×`));
      await editor.locator('button[type=submit]').click();
      await expect.poll(() => b.page.locator('#panel .person-name').textContent(), { timeout: 30_000 }).toBe('Omar Al-Haddad');
      expect((await t.get('/api/people/p-omar')).body).toEqual({
        id: 'p-omar',
        name: 'Omar Al-Haddad',
        sectors: [...omar.sectors.slice(1), 'space exploration'],
        offers: [...omar.offers, 'public-speaking'],
        seeks: omar.seeks.slice(1),
      });
      await expect.poll(() => b.page.locator('#panel .who .chip.offer').allTextContents(), { timeout: 30_000 }).toEqual([...omar.offers, 'public-speaking']);
      // the map: the new label and the new sector's colour on the same spot; everyone else keeps their colour
      const after = await displays();
      expect(after.omar).toMatchObject({ label: 'Omar Al-Haddad', x: before.omar.x, y: before.omar.y });
      expect(after.omar.color).not.toBe(before.omar.color);
      expect(after.omar.color).not.toBe('#6b7385');
      expect(after.helena.color).toBe(before.helena.color);

      // the API's refusal (the person was deleted behind the page's back) is shown in the editor, which stays open
      expect((await t.send('POST', '/api/people', { id: 'p-edit-gone', name: 'Gone Soon' })).status).toBe(201);
      await open('?person=p-edit-gone');
      await expect.poll(() => b.page.locator('#panel .person-name').textContent(), { timeout: 30_000 }).toBe('Gone Soon');
      await b.page.locator('#panel .panel-edit').click();
      await typeInto('offers', 'design');
      expect((await t.send('DELETE', '/api/people/p-edit-gone')).status).toBe(200);
      const refused = await t.send('PATCH', '/api/people/p-edit-gone', { offers: ['design'] });
      expect(refused.status).toBe(404);
      await editor.locator('button[type=submit]').click();
      await expect.poll(() => editor.locator('.error').textContent(), { timeout: 30_000 }).toBe(refused.body.error.message);
      expect(await editor.locator('button[type=submit]').isDisabled()).toBe(false);
    } finally {
      expect((await t.send('PATCH', '/api/people/p-omar', { name: omar.name, sectors: omar.sectors, offers: omar.offers, seeks: omar.seeks })).status).toBe(200);
    }
  });

  it('Trust lists whom a person trusts and who trusts them as the API does; a trust set in place, a tie removed and restored, someone added: each through the API, and the suggestions asked again', async () => {
    type StoredTie = { id: string; from: string; to: string; trust: number; since: string | null; lastContact: string | null };
    const ties = async (direction: string, limit = 8) => (await t.get(`/api/ties?person=p-ana&direction=${direction}&order=trust&limit=${limit}`)).body as { items: StoredTie[]; total: number };
    const nameOf = async (id: string) => (await t.get(`/api/people/${encodeURIComponent(id)}`)).body.name as string;
    const out = await ties('out');
    const into = await ties('in', 16);
    expect(out.total).toBeGreaterThan(3);
    expect(into.total).toBeGreaterThan(8);
    const first = out.items[0]!;
    const section = b.page.locator('#panel .trust-section');
    const rows = section.locator('.tie-row');
    const names = () => rows.locator('.trust-label .link').allTextContents();
    const status = section.locator('.trust-status');
    const toOmar = encodeURIComponent('p-ana->p-omar');
    expect((await t.get(`/api/ties/${toOmar}`)).status).toBe(404);
    try {
      await open('?person=p-ana');
      await section.locator('.tie-row').first().waitFor({ timeout: 30_000 });
      expect(await section.locator('[data-side=out]').textContent()).toBe(`Trusts (${out.total})`);
      expect(await section.locator('[data-side=in]').textContent()).toBe(`Trusted by (${into.total})`);
      expect(await names()).toEqual(await Promise.all(out.items.map((x) => nameOf(x.to))));
      expect(await rows.locator('.trust-value').allTextContents()).toEqual(out.items.map((x) => `${Math.round(x.trust * 100)}%`));

      // who trusts her, eight at a time
      await section.locator('[data-side=in]').click();
      await expect.poll(names).toEqual(await Promise.all(into.items.slice(0, 8).map((x) => nameOf(x.from))));
      await section.locator('.show-more').click();
      await expect.poll(names).toEqual(await Promise.all(into.items.slice(0, 16).map((x) => nameOf(x.from))));
      await section.locator('[data-side=out]').click();
      await expect.poll(() => rows.count()).toBe(Math.min(8, out.total));

      // a trust set in place: refused out of range, then saved; her suggestions are asked for again
      const firstName = (await nameOf(first.to)).split(' ')[0];
      await rows.first().locator('.trust-value').click();
      const input = section.locator('.tie-editor .trust-input');
      await input.fill('150');
      await input.press('Enter');
      expect(await section.locator('.tie-editor .error').textContent()).toBe('Trust is a percentage from 0 to 100, not “150”.');
      expect((await t.get(`/api/ties/${encodeURIComponent(first.id)}`)).body.trust).toBe(first.trust);
      await input.fill('42');
      const asked = b.page.waitForRequest((r) => r.url().includes('/api/introductions/suggestions?person=p-ana'));
      await input.press('Enter');
      await asked;
      await expect.poll(() => status.textContent()).toBe(`Saved: Ana trusts ${firstName} 42%.`);
      expect((await t.get(`/api/ties/${encodeURIComponent(first.id)}`)).body.trust).toBe(0.42);
      await expect.poll(() => section.locator(`[data-tie="${first.id}"] .trust-value`).textContent()).toBe('42%');

      // removed, then restored as it was with Undo
      const last = out.items[out.items.length - 1]!;
      await section.locator(`[data-tie="${last.id}"] .trust-value`).click();
      await section.locator('.tie-editor button', { hasText: 'Remove tie' }).click();
      await expect.poll(() => status.textContent()).toBe(`Removed: Ana trusts ${(await nameOf(last.to)).split(' ')[0]}. Undo`);
      expect((await t.get(`/api/ties/${encodeURIComponent(last.id)}`)).status).toBe(404);
      await expect.poll(() => section.locator('[data-side=out]').textContent()).toBe(`Trusts (${out.total - 1})`);
      await status.locator('button', { hasText: 'Undo' }).click();
      await expect.poll(async () => (await t.get(`/api/ties/${encodeURIComponent(last.id)}`)).body).toEqual(last);
      await expect.poll(() => section.locator('[data-side=out]').textContent()).toBe(`Trusts (${out.total})`);

      // someone new she trusts, found by name; adding them twice gets the API's refusal
      const addOmar = async () => {
        await section.locator('.trust-find').pressSequentially('Omar Had', { delay: 10 });
        await section.locator('.trust-add [role=option]', { hasText: 'Omar Haddad' }).first().click();
        await section.locator('.trust-add .trust-input').fill('65');
        await section.locator('.trust-add button', { hasText: 'Add' }).click();
      };
      await addOmar();
      await expect.poll(() => status.textContent()).toBe('Added: Ana trusts Omar 65%.');
      expect((await t.get(`/api/ties/${toOmar}`)).body).toMatchObject({ from: 'p-ana', to: 'p-omar', trust: 0.65 });
      await expect.poll(() => section.locator('[data-side=out]').textContent()).toBe(`Trusts (${out.total + 1})`);
      const again = await t.send('POST', '/api/ties', { from: 'p-ana', to: 'p-omar', trust: 0.65 });
      expect(again.status).toBe(409);
      await addOmar();
      await expect.poll(() => section.locator('.trust-add .error').textContent()).toBe(again.body.error.message);
    } finally {
      expect((await t.send('PATCH', `/api/ties/${encodeURIComponent(first.id)}`, { trust: first.trust })).status).toBe(200);
      if ((await t.get(`/api/ties/${toOmar}`)).status === 200) expect((await t.send('DELETE', `/api/ties/${toOmar}`)).status).toBe(204);
    }
  });
});

describe('events in the profile', () => {
  type StoredEvent = { id: string; title: string; at: string; kind: string; medium: string; valence: number; magnitude: number; fade: unknown; drivers: { person: string }[]; reached: { person: string }[] };
  const events = async (role: string, limit = 8) => (await t.get(`/api/events?person=p-ana&role=${role}&limit=${limit}`)).body as { items: StoredEvent[]; total: number };
  /** where the map has people, whether it links Ana to Omar, and how many it shows */
  const map = () =>
    b.page.evaluate(() => {
      const g = window.__catalyst.view()!.sigma.getGraph();
      const at = (id: string) => [g.getNodeAttribute(id, 'x'), g.getNodeAttribute(id, 'y')];
      return { ana: at('p-ana'), helena: at('p-connector'), omar: at('p-omar'), linked: g.hasEdge('p-ana->p-omar'), order: g.order };
    });

  it('Events list what a person drove and what reached them as the API does; one recorded in the panel is stored and joins the map without moving anyone; a date moves the time; Delete has Undo', async () => {
    const drove = await events('drove');
    const reached = await events('reached', 16);
    expect(drove.total).toBeGreaterThan(3);
    expect(reached.total).toBeGreaterThan(8);
    const section = b.page.locator('#panel .events-section');
    const rows = section.locator('.event-row');
    const shownIds = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-event')));
    const status = section.locator('.event-status');
    const form = b.page.locator('#panel .event-form');
    const errorsBefore = b.errors.length;
    let recorded: StoredEvent | null = null;
    try {
      await open('?person=p-ana');
      await rows.first().waitFor({ timeout: 30_000 });
      expect(await section.locator('[data-side=drove]').textContent()).toBe(`Drove (${drove.total})`);
      expect(await section.locator('[data-side=reached]').textContent()).toBe(`Reached by (${reached.total})`);
      expect(await shownIds()).toEqual(drove.items.map((e) => e.id));
      expect(await rows.first().locator('.event-title').textContent()).toBe(drove.items[0]!.title);

      // what reached her, eight at a time
      await section.locator('[data-side=reached]').click();
      await expect.poll(shownIds).toEqual(reached.items.slice(0, 8).map((e) => e.id));
      await section.locator('.show-more').click();
      await expect.poll(shownIds).toEqual(reached.items.map((e) => e.id));

      // a date takes the map there
      const second = reached.items[1]!;
      await section.locator(`[data-event="${second.id}"] .event-date`).click();
      await expect.poll(() => b.page.evaluate(() => window.__catalyst.state().time)).not.toBeNull();
      const time = (await b.page.evaluate(() => window.__catalyst.state().time))!;
      expect(Math.abs(time - Date.parse(second.at))).toBeLessThanOrEqual(86_400_000);
      await section.locator('[data-side=drove]').click();
      await expect.poll(shownIds).toEqual(drove.items.map((e) => e.id));

      // recorded in the panel: what the form cannot send it says, naming the value
      const before = await map();
      expect(before.linked).toBe(false);
      await b.page.locator('#panel .record-event').click();
      await form.locator('input[aria-label=Title]').fill('Browser test keynote');
      await form.locator('input[aria-label=Kind]').fill('talk');
      // a medium the store has not seen: the map's medium filter offers it once the event is stored
      const mediumChoices = () => b.page.locator('#medium option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
      expect(await mediumChoices()).not.toContain('livestream');
      await form.locator('input[aria-label=Medium]').fill('livestream');
      await form.locator('input[aria-label=Size]').fill('none');
      await form.locator('button[type=submit]').click();
      expect(await form.locator('.error').textContent()).toBe('The size is a number above 0, not “none”.');
      await form.locator('input[aria-label=Size]').fill('2');
      await form.locator('.valence-input').focus();
      for (let k = 0; k < 3; k++) await b.page.keyboard.press('ArrowRight');
      expect(await form.locator('.valence-text').textContent()).toBe('positive +0.3');
      await form.locator('.fade-select').selectOption('fast');
      await form.locator("input[aria-label='Add to reached']").pressSequentially('Omar Had', { delay: 10 });
      await form.locator('[role=option]', { hasText: 'Omar Haddad' }).first().click();
      await form.locator('button[type=submit]').click();
      await expect.poll(() => status.textContent()).toMatch(/^Recorded: Browser test keynote on \d+ \w+ \d{4}\.$/);
      expect(await form.count()).toBe(0);

      // stored as typed, first in her list
      const now = await events('drove', 1);
      recorded = now.items[0]!;
      expect(now.total).toBe(drove.total + 1);
      expect(recorded).toMatchObject({
        title: 'Browser test keynote',
        kind: 'talk',
        medium: 'livestream',
        valence: 0.3,
        magnitude: 2,
        fade: { model: 'exponential', halfLifeDays: 7 },
        drivers: [{ person: 'p-ana' }],
        reached: [{ person: 'p-omar', weight: 1 }],
      });
      expect(Date.now() - Date.parse(recorded.at)).toBeLessThan(2 * 86_400_000);
      await expect.poll(() => section.locator('[data-side=drove]').textContent()).toBe(`Drove (${drove.total + 1})`);
      expect((await shownIds())[0]).toBe(recorded.id);
      expect(await rows.first().locator('.valence-pill').textContent()).toBe('+0.3');

      // the map links Ana to Omar now, and nobody moved; the timeline reaches the new event
      await expect.poll(async () => (await map()).linked, { timeout: 30_000 }).toBe(true);
      const after = await map();
      expect({ ana: after.ana, helena: after.helena, omar: after.omar, order: after.order }).toEqual({ ana: before.ana, helena: before.helena, omar: before.omar, order: before.order });
      const lastTime = () => b.page.evaluate(() => window.__catalyst.times().at(-1) ?? 0);
      await expect.poll(lastTime, { timeout: 30_000 }).toBeGreaterThanOrEqual(Date.parse(recorded.at));
      // her curve is drawn again, out to the new event
      await expect.poll(() => b.page.evaluate(() => window.__catalyst.panelChart()?.times.at(-1) ?? 0), { timeout: 30_000 }).toBeGreaterThanOrEqual(Date.parse(recorded.at));
      expect(await b.page.evaluate(() => window.__catalyst.state().person)).toBe('p-ana');
      await expect.poll(mediumChoices).toContain('livestream');

      // deleted, then back as it was with Undo
      await section.locator(`[data-event="${recorded.id}"] .event-delete`).click();
      await expect.poll(() => status.textContent()).toBe('Deleted: Browser test keynote. Undo');
      expect((await t.get(`/api/events/${recorded.id}`)).status).toBe(404);
      await expect.poll(() => section.locator('[data-side=drove]').textContent()).toBe(`Drove (${drove.total})`);
      await expect.poll(async () => (await map()).linked, { timeout: 30_000 }).toBe(false);
      await expect.poll(mediumChoices).not.toContain('livestream');
      await status.locator('button', { hasText: 'Undo' }).click();
      await expect.poll(async () => (await t.get(`/api/events/${recorded!.id}`)).body).toEqual(recorded);
      await expect.poll(() => status.textContent()).toBe('Restored: Browser test keynote.');
      await expect.poll(() => section.locator('[data-side=drove]').textContent()).toBe(`Drove (${drove.total + 1})`);
      expect(b.errors.slice(errorsBefore)).toEqual([]);
    } finally {
      const left = (await events('drove', 50)).items.filter((e) => e.title === 'Browser test keynote');
      for (const e of left) expect((await t.send('DELETE', `/api/events/${encodeURIComponent(e.id)}`)).status).toBe(204);
    }
  });
});

describe('unsaved work', () => {
  it('asks before an event being recorded, a profile edit or a trust being changed is lost, on a pick, the × or Back: Cancel keeps it, OK moves on; nothing typed, nothing asked', async () => {
    const asked: string[] = [];
    const answer = (accept: boolean) =>
      b.page.once('dialog', (d) => {
        asked.push(d.message());
        void (accept ? d.accept() : d.dismiss());
      });
    const pick = async (name: string) => {
      await b.page.locator('#search').fill('');
      await b.page.locator('#search').pressSequentially(name, { delay: 10 });
      await b.page.locator('#search-list [role=option]', { hasText: name }).first().click();
    };
    const person = () => b.page.evaluate(() => window.__catalyst.state().person);
    await open('?person=p-ana');
    await b.page.locator('#panel .record-event').click();
    const title = b.page.locator('#panel .event-form input[aria-label=Title]');
    await title.fill('Half-typed');

    // Cancel: Ana's panel stays, with what was typed
    answer(false);
    await pick('Omar Haddad');
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toBe('Discard the event you began to record? It is not saved.');
    expect(await person()).toBe('p-ana');
    expect(await title.inputValue()).toBe('Half-typed');

    // OK: on to Omar
    answer(true);
    await pick('Omar Haddad');
    await expect.poll(person).toBe('p-omar');
    expect(asked).toHaveLength(2);

    // an edit of his profile, then the panel's ×
    await b.page.locator('#panel .panel-edit').click();
    await b.page.locator('#panel .person-editor input[aria-label=Name]').fill('Omar H.');
    answer(false);
    await b.page.locator('#panel .panel-close').click();
    await expect.poll(() => asked.length).toBe(3);
    expect(asked[2]).toBe('Discard your edits to the profile? It is not saved.');
    expect(await person()).toBe('p-omar');
    // typed back as it was: nothing to lose, nothing asked
    await b.page.locator('#panel .person-editor input[aria-label=Name]').fill('Omar Haddad');
    await b.page.locator('#panel .panel-close').click();
    await expect.poll(person).toBe(null);
    expect(asked).toHaveLength(3);
    expect((await t.get('/api/people/p-omar')).body.name).toBe('Omar Haddad');

    // a trust half-changed, then the browser's Back: Cancel keeps the profile and its address
    await pick('Omar Haddad');
    await expect.poll(person).toBe('p-omar');
    await b.page.locator('#panel .trust-section .trust-value').first().click();
    const trustInput = b.page.locator('#panel .tie-editor .trust-input');
    const was = await trustInput.inputValue();
    await trustInput.fill('12');
    answer(false);
    await b.page.evaluate(() => history.back());
    await expect.poll(() => asked.length).toBe(4);
    expect(asked[3]).toBe('Discard the trust you began to change? It is not saved.');
    await expect.poll(() => b.page.evaluate(() => location.search)).toContain('person=p-omar');
    expect(await person()).toBe('p-omar');
    expect(await trustInput.inputValue()).toBe('12');
    // typed back as it was: Back goes back, asking nothing
    await trustInput.fill(was);
    await b.page.evaluate(() => history.back());
    await expect.poll(person).toBe(null);
    expect(asked).toHaveLength(4);

    // someone picked to add as trusted, not added: the × asks; OK closes
    await pick('Omar Haddad');
    await expect.poll(person).toBe('p-omar');
    const find = b.page.locator('#panel .trust-find');
    await find.pressSequentially('Helena', { delay: 10 });
    await b.page.locator('#panel .trust-add [role=option]', { hasText: 'Helena' }).first().click();
    answer(true);
    await b.page.locator('#panel .panel-close').click();
    await expect.poll(person).toBe(null);
    expect(asked).toHaveLength(5);
    expect(asked[4]).toBe('Discard the tie you began to add? It is not saved.');
  });
});

describe('adding someone', () => {
  it('+ Person: a blank name is refused on the spot; added, they are stored under an id from their name (the next free one), appear on the map without moving anyone, and their profile opens; Cancel, Escape and × close the form, asking first when something is typed; Delete person… says what goes with them, and Yes deletes them from the store and the map', async () => {
    const asked: string[] = [];
    let reply = false;
    b.page.on('dialog', (d) => {
      asked.push(d.message());
      void (reply ? d.accept() : d.dismiss());
    });
    const panel = b.page.locator('#panel');
    const form = panel.locator('.person-editor');
    const people = async () => (await t.get('/api/meta')).body.counts.people as number;
    const errorsBefore = b.errors.length;
    const before = await people();
    expect((await t.get('/api/people/p-ana')).status).toBe(200);
    try {
      await open('?person=p-ana');
      const place = (id: string) => b.page.evaluate((n) => {
        const g = window.__catalyst.view()!.sigma.getGraph();
        return g.hasNode(n) ? [g.getNodeAttribute(n, 'x'), g.getNodeAttribute(n, 'y')] : null;
      }, id);
      const ana = await place('p-ana');
      const order = await b.page.evaluate(() => window.__catalyst.view()!.sigma.getGraph().order);

      // the form takes the panel's place; Cancel closes it
      await b.page.click('#add-person');
      expect(await panel.locator('.person-name').textContent()).toBe('New person');
      expect(await b.page.evaluate(() => window.__catalyst.state().person)).toBe(null);
      await expect.poll(() => b.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Name');
      // Cancel drops what was typed on purpose: nothing to ask
      await b.page.keyboard.type('Half a name');
      await form.locator('button', { hasText: 'Cancel' }).click();
      expect(await panel.isHidden()).toBe(true);
      expect(asked).toEqual([]);
      // and Escape, in the form or outside it
      await b.page.click('#add-person');
      await b.page.keyboard.press('Escape');
      expect(await panel.isHidden()).toBe(true);
      await b.page.click('#add-person');
      await panel.locator('.panel-close').focus();
      await b.page.keyboard.press('Escape');
      expect(await panel.isHidden()).toBe(true);

      // something typed: the × asks, and Cancel in the question keeps the form as it was
      await b.page.click('#add-person');
      await form.locator("input[aria-label='Add to sectors']").pressSequentially('design,', { delay: 10 });
      await panel.locator('.panel-close').click();
      await expect.poll(() => asked.length).toBe(1);
      expect(asked[0]).toBe('Discard the person you began to add? It is not saved.');
      expect(await panel.isVisible()).toBe(true);

      // no name: said on the spot, nothing stored
      await form.locator('button[type=submit]').click();
      expect(await form.locator('.error').textContent()).toBe('A name is needed.');
      expect(await people()).toBe(before);

      // "Ana": p-ana is taken, so she is p-ana-2
      await form.locator('input[aria-label=Name]').fill('  Ana ');
      await form.locator("input[aria-label='Add to offers']").pressSequentially('branding,', { delay: 10 });
      await form.locator("input[aria-label='Add to seeks']").pressSequentially('funding,', { delay: 10 });
      await form.locator('button[type=submit]').click();
      await expect.poll(() => b.page.evaluate(() => window.__catalyst.state().person), { timeout: 30_000 }).toBe('p-ana-2');
      expect((await t.get('/api/people/p-ana-2')).body).toEqual({ id: 'p-ana-2', name: 'Ana', sectors: ['design'], offers: ['branding'], seeks: ['funding'] });
      expect(await people()).toBe(before + 1);
      await expect.poll(() => panel.locator('.person-name').textContent(), { timeout: 30_000 }).toBe('Ana');
      expect(await place('p-ana-2')).not.toBeNull();
      expect(await place('p-ana')).toEqual(ana);
      expect(await b.page.evaluate(() => window.__catalyst.view()!.sigma.getGraph().order)).toBe(order + 1);
      expect(asked).toHaveLength(1);

      // deleted from the editor: asked first, naming what goes with her (a tie she gives); No keeps her
      expect((await t.send('POST', '/api/ties', { from: 'p-ana-2', to: 'p-omar', trust: 0.6 })).status).toBe(201);
      await panel.locator('.panel-edit').click();
      await panel.locator('.person-delete').click();
      await expect.poll(() => asked.length).toBe(2);
      expect(asked[1]).toBe('Delete Ana? Also deleted: 1 trust tie. You can undo it.');
      expect((await t.get('/api/people/p-ana-2')).status).toBe(200);
      expect(await panel.isVisible()).toBe(true);
      // Yes: gone from the store and the map, the profile closed, nobody else moved
      reply = true;
      await panel.locator('.person-delete').click();
      await expect.poll(() => panel.isHidden(), { timeout: 30_000 }).toBe(true);
      expect(asked).toHaveLength(3);
      expect((await t.get('/api/people/p-ana-2')).status).toBe(404);
      expect((await t.get(`/api/ties/${encodeURIComponent('p-ana-2->p-omar')}`)).status).toBe(404);
      expect(await people()).toBe(before);
      expect(await b.page.evaluate(() => window.__catalyst.state().person)).toBe(null);
      await expect.poll(() => place('p-ana-2'), { timeout: 30_000 }).toBeNull();
      expect(await place('p-ana')).toEqual(ana);
      expect(await b.page.evaluate(() => window.__catalyst.view()!.sigma.getGraph().order)).toBe(order);
      expect(b.errors.slice(errorsBefore)).toEqual([]);
    } finally {
      b.page.removeAllListeners('dialog');
      if ((await t.get('/api/people/p-ana-2')).status === 200) expect((await t.send('DELETE', '/api/people/p-ana-2')).status).toBe(200);
    }
  });
});

describe('undoing a delete', () => {
  it('Delete person… offers Undo, which puts them back as they were: in the store, in their place on the map, with their profile open; a second delete is undone first, then the first is offered', async () => {
    const id = 'p-0070';
    const other = 'p-0071';
    const otherBefore = await personRecords(t, other);
    const asked: string[] = [];
    b.page.on('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    const world = () => personRecords(t, id);
    const before = await world();
    // a tie, an event of their own and an introduction go with them
    expect(before.footprint.ties).toBeGreaterThan(0);
    expect(before.footprint.events).toBeGreaterThan(0);
    expect(before.footprint.introductions).toBeGreaterThan(0);
    const name = before.person.name as string;
    const panel = b.page.locator('#panel');
    const toast = b.page.locator('#toast');
    try {
      await open(`?person=${id}`);
      const errorsBefore = b.errors.length;
      const place = (n: string) => b.page.evaluate((node) => {
        const g = window.__catalyst.view()!.sigma.getGraph();
        return g.hasNode(node) ? [g.getNodeAttribute(node, 'x'), g.getNodeAttribute(node, 'y')] : null;
      }, n);
      const order = () => b.page.evaluate(() => window.__catalyst.view()!.sigma.getGraph().order);
      const was = await place(id);
      const count = await order();
      expect(was).not.toBeNull();
      expect(await toast.isHidden()).toBe(true);

      await panel.locator('.panel-edit').click();
      await panel.locator('.person-delete').click();
      await expect.poll(() => panel.isHidden(), { timeout: 30_000 }).toBe(true);
      expect(asked[0]).toMatch(new RegExp(`^Delete ${name}\\? Also deleted: .* You can undo it\\.$`));
      expect((await t.get(`/api/people/${id}`)).status).toBe(404);
      await expect.poll(() => place(id), { timeout: 30_000 }).toBeNull();
      expect(await toast.locator('.toast-text').textContent()).toBe(`Deleted ${name}.`);

      // a second delete: its Undo comes first, then the first one's is offered by name
      await b.page.evaluate((x) => window.__catalyst.select(x), other);
      await panel.locator('.person-name').waitFor();
      await panel.locator('.panel-edit').click();
      await panel.locator('.person-delete').click();
      await expect.poll(() => toast.locator('.toast-text').textContent(), { timeout: 30_000 }).toBe(`Deleted ${otherBefore.person.name}.`);
      await toast.locator('button', { hasText: /^Undo$/ }).click();
      await expect.poll(() => toast.locator('.toast-text').textContent(), { timeout: 30_000 }).toBe(`Restored ${otherBefore.person.name}.`);
      expect(await personRecords(t, other)).toEqual(otherBefore);

      await toast.locator('button', { hasText: `Undo delete of ${name}` }).click();
      await expect.poll(() => toast.locator('.toast-text').textContent(), { timeout: 30_000 }).toBe(`Restored ${name}.`);
      expect(await toast.locator('button', { hasText: 'Undo' }).count()).toBe(0);
      expect(await world()).toEqual(before);
      // back where they stood, the profile open again
      await expect.poll(() => place(id), { timeout: 30_000 }).toEqual(was);
      expect(await order()).toBe(count);
      await expect.poll(() => b.page.evaluate(() => window.__catalyst.state().person)).toBe(id);
      await expect.poll(() => panel.locator('.person-name').textContent(), { timeout: 30_000 }).toBe(name);
      await toast.locator('.toast-close').click();
      expect(await toast.isHidden()).toBe(true);
      expect(asked).toHaveLength(2);
      expect(b.errors.slice(errorsBefore)).toEqual([]);
    } finally {
      b.page.removeAllListeners('dialog');
      expect((await t.get(`/api/people/${id}`)).status).toBe(200);
      expect((await t.get(`/api/people/${other}`)).status).toBe(200);
    }
  });
});

describe('the Sectors dialog', () => {
  it('shows how much carries between sectors, who carries influence into the one chosen, and opens a carrier', async () => {
    const errorsBefore = b.errors.length;
    await open();
    const api = (await t.get('/api/sectors?carriers=8')).body as SectorsResponse;
    const names = api.sectors.map((s) => s.name);
    await b.page.locator('#sectors').click();
    const dialog = b.page.locator('dialog.sectors-dialog');
    await dialog.locator('.sectors-table').waitFor();
    expect(await dialog.locator('.board-headline').textContent()).toBe(sectorsHeadline(api));
    expect(await dialog.locator('.sectors-when').textContent()).toBe('all time');
    // a cell per pair, each with its share (the diagonal blank), in the API's order
    expect(await dialog.locator('.sectors-table td').count()).toBe(names.length ** 2);
    expect(await dialog.locator('.sectors-table tbody th').allTextContents()).toEqual(names);
    const music = names.indexOf('music');
    const film = names.indexOf('film');
    expect(await dialog.locator('.sectors-table tbody tr').nth(music).locator('td').nth(film).textContent()).toBe(share(api.transfer[music]![film]!));
    // the most influential sector first; a column picks another
    expect(await dialog.locator('.sectors-carriers').locator('..').locator('h3').last().textContent()).toContain(`Carried into ${names[0]}`);
    const humanitarian = names.indexOf('humanitarian');
    await dialog.locator(`.sectors-col[data-sector="${humanitarian}"]`).click();
    await dialog.locator('h3', { hasText: 'Carried into humanitarian' }).waitFor();
    const carriers = api.carriers[humanitarian]!;
    expect(await dialog.locator('.sectors-carrier-list .link').allTextContents()).toEqual(carriers.map((c) => c.name));
    expect(await dialog.locator('.sectors-carrier-text').first().textContent()).toContain(sourcesText(carriers[0]!.from, carriers[0]!.imported));
    expect(await dialog.locator(`.sectors-bar[data-sector="${humanitarian}"]`).getAttribute('aria-pressed')).toBe('true');
    // over time, by sector then by medium, as the API gives them; a sector's name in the legend picks it
    const overTime = async (by: string) => (await t.get(`/api/breakdown/timeline?by=${by}&steps=120`)).body as BreakdownTimelineResponse;
    const legend = () => dialog.locator('.sectors-stack-legend li').allTextContents();
    await dialog.locator('.sectors-stack canvas').first().waitFor();
    const bySector = await overTime('sector');
    await expect.poll(legend).toEqual(bySector.groups.map((g) => g.name));
    const box = (await dialog.locator('.sectors-stack .u-over').boundingBox())!;
    await b.page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
    await expect.poll(() => dialog.locator('.sectors-readout').textContent()).toMatch(/^[A-Z][a-z]{2} \d{4}: \w+ [\d.]+k?/);
    await screenshot(b.page, 'sectors.png');
    await dialog.locator('.sectors-by button', { hasText: 'Media' }).click();
    const byMedium = await overTime('medium');
    await expect.poll(legend).toEqual(byMedium.groups.map((g) => g.name));
    await dialog.locator('.sectors-by button', { hasText: 'Sectors' }).click();
    await dialog.locator('.sectors-stack-legend button', { hasText: 'film' }).click();
    await dialog.locator('h3', { hasText: 'Carried into film' }).waitFor();
    await dialog.locator(`.sectors-col[data-sector="${humanitarian}"]`).click();
    // a name opens that person on the map
    await dialog.locator('.sectors-carrier-list .link').first().click();
    await b.page.locator('#panel .person-name', { hasText: carriers[0]!.name }).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });

  it("a profile's Sector reach opens it at the sector the person reaches most", async () => {
    const errorsBefore = b.errors.length;
    await open('?person=p-cross');
    const top = (await t.get('/api/people/p-cross/influence')).body.sectorReach[0].sector as string;
    // not the sector the dialog opens at otherwise (the most influential)
    expect(top).not.toBe((await t.get('/api/sectors')).body.sectors[0].name);
    await b.page.locator('#panel button', { hasText: 'Sectors…' }).click();
    const dialog = b.page.locator('dialog.sectors-dialog');
    await dialog.locator('h3', { hasText: `Carried into ${top}` }).waitFor();
    expect(await dialog.locator('.sectors-bar[aria-pressed="true"] .bar-label').textContent()).toBe(top);
    await dialog.locator('.board-close').click();
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });

  it("follows the map's time, and Show on the map keeps the map to the chosen sector", async () => {
    const errorsBefore = b.errors.length;
    await open();
    await slideTo('2019-06-01');
    const at = await b.page.evaluate(() => window.__catalyst.times()[window.__catalyst.position()]!);
    await b.page.locator('#sectors').click();
    const dialog = b.page.locator('dialog.sectors-dialog');
    await expect.poll(() => dialog.locator('.sectors-when').textContent()).toBe(`at ${formatDate(at)}, the map's time`);
    const api = (await t.get(`/api/sectors?carriers=8&at=${new Date(at).toISOString()}`)).body as SectorsResponse;
    await dialog.locator('.sectors-bar').first().waitFor();
    expect(await dialog.locator('.sectors-bar .bar-label').allTextContents()).toEqual(api.sectors.map((s) => s.name));
    const film = api.sectors.findIndex((s) => s.name === 'film');
    await dialog.locator(`.sectors-bar[data-sector="${film}"]`).click();
    await dialog.locator('button.sectors-show').click();
    await expect.poll(() => b.page.evaluate(() => window.__catalyst.state().sector)).toBe('film');
    await expect.poll(() => new URL(b.page.url()).searchParams.get('sector')).toBe('film');
    expect(await dialog.isVisible()).toBe(false);
    await waitReady(b.page);
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });
});

describe('the Table', () => {
  it("lists everyone with the API's rankings side by side at the map's time and slice: sorts, filters, pages, picks columns (kept), downloads the CSV and opens a name", async () => {
    const errorsBefore = b.errors.length;
    // the map's timeline, which the Over time column draws
    const timelineResponse = b.page.waitForResponse((r) => r.url().includes('/api/timeline?'));
    await open('?metric=pagerank&sector=music');
    const timeline = (await (await timelineResponse).json()) as { nodes: string[]; values: number[][]; times: number[] };
    await b.page.evaluate(() => localStorage.removeItem('catalyst.table.columns'));
    await slideTo('2019-06-01');
    const at = new Date(await b.page.evaluate(() => window.__catalyst.times()[window.__catalyst.position()]!)).toISOString();
    const table = async (query: string) => (await t.get(`/api/influence/table?at=${at}&sector=music&layer=influence&${query}`)).body;
    await b.page.locator('#table').click();
    const dialog = b.page.locator('dialog.table-dialog');
    const names = () => dialog.locator('tbody .table-name').allTextContents();
    const pager = () => dialog.locator('.table-page').textContent();
    const columns = 'columns=pagerank,activity,betweenness,degree,introducer';
    let api = await table(`${columns}&limit=50`);
    await expect.poll(names).toEqual(api.items.map((i: { name: string }) => i.name));
    expect(await dialog.locator('.table-when').textContent()).toBe(`at ${formatDate(Date.parse(at))}, the map's time · music`);
    expect(await dialog.locator('thead th').allTextContents()).toEqual(['#', 'Name', 'Sectors', 'Community', 'Over time', 'PageRank▼', 'Activity', 'Betweenness', 'Degree', 'Introducer']);
    // each row's curve is the map's timeline for them: as many points, highest where it is, the map's time marked
    for (const [k, item] of api.items.slice(0, 5).entries()) {
      const values = timeline.values[timeline.nodes.indexOf(item.id)]!;
      const spark = dialog.locator('tbody tr').nth(k).locator('svg.table-spark');
      expect((await spark.locator('polyline').getAttribute('points'))!.split(' ')).toHaveLength(timeline.times.length);
      expect(Number(await spark.getAttribute('data-peak')), item.id).toBe(values.indexOf(Math.max(...values)));
      expect(await spark.locator('line.table-spark-now').count()).toBe(1);
    }
    expect(await pager()).toBe(`1–50 of ${api.total}`);
    // a cell: the score with its column's digits and the rank, the tooltip the exact score
    const first = api.items[0];
    expect(await dialog.locator('tbody tr').first().locator('.table-rank').first().textContent()).toBe(`#${first.cells[0].rank}${first.cells[0].tied > 0 ? '=' : ''}`);
    expect(await dialog.locator('tbody tr').first().locator('td.table-metric').first().getAttribute('title')).toContain(String(Number(first.cells[0].score.toPrecision(6))));
    await screenshot(b.page, 'table.png');

    // a column's head sorts by it, most influential first; again, least first
    const activityHead = dialog.locator('thead .table-sort', { hasText: 'Activity' });
    await activityHead.click();
    api = await table(`${columns}&sort=activity&limit=50`);
    await expect.poll(names).toEqual(api.items.map((i: { name: string }) => i.name));
    expect(await dialog.locator('thead th[aria-sort]').textContent()).toBe('Activity▼');
    await activityHead.click();
    api = await table(`${columns}&sort=-activity&limit=50`);
    await expect.poll(names).toEqual(api.items.map((i: { name: string }) => i.name));
    expect(await dialog.locator('thead th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');

    // the filter and the pages
    await dialog.locator('.table-filter').fill('an');
    api = await table(`${columns}&sort=-activity&q=an&limit=50`);
    await expect.poll(pager).toBe(`1–${Math.min(50, api.total)} of ${api.total} matching “an” (400 in all)`);
    expect(await names()).toEqual(api.items.map((i: { name: string }) => i.name));
    expect(api.total).toBeGreaterThan(50);
    await dialog.locator('button', { hasText: 'Next ›' }).click();
    api = await table(`${columns}&sort=-activity&q=an&limit=50&offset=50`);
    await expect.poll(names).toEqual(api.items.map((i: { name: string }) => i.name));
    expect(await dialog.locator('tbody .table-num').first().textContent()).toBe('51');

    // a community in a row keeps the table to it, a sector to the people who list it; × lets go
    const communityName = (await dialog.locator('tbody tr').first().locator('.table-community').textContent())!;
    await dialog.locator('tbody tr').first().locator('.table-community .table-pick').click();
    await dialog.locator('.table-chips .chip', { hasText: `in ${communityName}` }).waitFor();
    await expect.poll(async () => new Set(await dialog.locator('tbody .table-community').allTextContents())).toEqual(new Set([communityName]));
    await expect.poll(pager).toMatch(new RegExp(`^1–\\d+ of \\d+ matching “an”, in ${communityName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(400 in all\\)$`));
    await dialog.locator('tbody tr').first().locator('.table-sectors .table-pick').first().click();
    await expect.poll(() => dialog.locator('.table-chips .chip').count()).toBe(2);
    await dialog.locator('.table-chips .chip').first().click();
    await dialog.locator('.table-chips .chip').last().click();
    await expect.poll(() => dialog.locator('.table-chips .chip').count()).toBe(0);
    await expect.poll(pager).toBe(`1–50 of ${api.total} matching “an” (400 in all)`);

    // Columns adds constraint; the choice stays for the next opening
    await dialog.locator('.table-columns summary').click();
    await dialog.locator('.table-picker label', { hasText: 'Constraint' }).click();
    await expect.poll(() => dialog.locator('thead th').last().textContent()).toBe('Constraint');
    expect(await b.page.evaluate(() => localStorage.getItem('catalyst.table.columns'))).toBe(JSON.stringify(['pagerank', 'activity', 'betweenness', 'degree', 'introducer', 'constraint']));

    // CSV: the whole table as the API gives it, for the same view
    const csv = dialog.locator('a', { hasText: 'CSV' });
    expect(await csv.getAttribute('href')).toBe(`/api/influence/table.csv?columns=pagerank%2Cactivity%2Cbetweenness%2Cdegree%2Cintroducer%2Cconstraint&sort=-activity&q=an&layer=influence&at=${encodeURIComponent(at)}&sector=music`);
    const [download] = await Promise.all([b.page.waitForEvent('download'), csv.click()]);
    expect(download.suggestedFilename()).toBe(`catalyst-table-music-${at.slice(0, 10)}.csv`);
    const lines = readFileSync((await download.path())!, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(api.total + 1);

    // Comeback, read off each one's curve: sorted strongest first as the API sorts it, each cell its strongest comeback
    await dialog.locator('.table-columns summary').click();
    await dialog.locator('.table-picker label', { hasText: 'Comeback' }).click();
    await dialog.locator('.table-when').click();
    await dialog.locator('thead .table-sort', { hasText: 'Comeback' }).click();
    api = await table('columns=pagerank,activity,betweenness,degree,introducer,constraint,comeback&sort=comeback&q=an&limit=50');
    await expect.poll(names).toEqual(api.items.map((i: { name: string }) => i.name));
    const top = api.items[0].cells[6];
    expect(await dialog.locator('tbody tr').first().locator('.table-value').last().textContent()).toBe(comebackText(top.score, top.dormantDays, top.comebacks));

    // a name opens the person on the map
    const name = (await names())[0]!;
    await dialog.locator('tbody .table-name .link').first().click();
    await b.page.locator('#panel .person-name', { hasText: name }).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    await b.page.locator('#table').click();
    await expect.poll(() => dialog.locator('thead th').last().textContent()).toBe('Comeback▼');
    await dialog.locator('.board-close').click();
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });
});

describe("the Table's Show on the map", () => {
  it('lights the people of the page on the map until its line is cleared; a hover elsewhere lights others meanwhile', async () => {
    const errorsBefore = b.errors.length;
    await open();
    await b.page.locator('#table').click();
    const dialog = b.page.locator('dialog.table-dialog');
    await dialog.locator('.table-filter').fill('an');
    const api = (await t.get('/api/influence/table?columns=pagerank,activity,betweenness,degree,introducer&q=an&limit=50&layer=influence')).body;
    await expect.poll(() => dialog.locator('.table-page').textContent()).toBe(`1–50 of ${api.total} matching “an” (400 in all)`);
    await dialog.locator('button.table-show').click();
    expect(await dialog.isVisible()).toBe(false);
    const group = () => b.page.evaluate(() => window.__catalyst.render()?.group ?? null);
    await expect.poll(group).toEqual(api.items.map((i: { id: string }) => i.id));
    expect(await b.page.locator('#toast .toast-text').textContent()).toBe(`Lit on the map: people 1–50 of ${api.total} matching “an” by PageRank.`);
    // a legend row lights its community while hovered, then the Table's people again
    const row = b.page.locator('#legend .legend-row').first();
    await row.hover();
    await expect.poll(async () => ((await group()) ?? []).length).not.toBe(50);
    await b.page.mouse.move(5, 5);
    await expect.poll(group).toEqual(api.items.map((i: { id: string }) => i.id));
    await b.page.locator('#toast .toast-action', { hasText: 'Clear' }).click();
    await expect.poll(group).toBeNull();
    expect(await b.page.locator('#toast').isHidden()).toBe(true);
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });
});

describe('a neighbourhood', () => {
  it("a profile's Neighbourhood keeps the map to the people the API counts within its steps, named over the map; the steps switch, × lets go, Back and the link bring it back", async () => {
    const errorsBefore = b.errors.length;
    const shownIds = () => b.page.evaluate(() => Object.keys(window.__catalyst.nodeSizes()).sort());
    const apiIds = async (query: string) => {
      const g = (await t.get(`/api/graph?${query}&limit=15000`)).body as { nodes: { id: string }[]; total: { nodes: number } };
      return { ids: g.nodes.map((n) => n.id).sort(), total: g.total.nodes };
    };
    const bar = b.page.locator('#focus-bar');
    await open('?person=p-connector');
    const button = b.page.locator('#panel .panel-focus');
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    const one = await apiIds('focus=p-connector&hops=1');
    expect(one.ids.length).toBeGreaterThan(20);
    expect(one.ids.length).toBeLessThan(400);
    await expect.poll(shownIds).toEqual(one.ids);
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await bar.locator('.focus-name').textContent()).toBe('Helena Brandt');
    expect(await bar.locator('.focus-count').textContent()).toBe(`· ${one.ids.length} people`);
    expect(new URL(b.page.url()).searchParams.get('focus')).toBe('p-connector');
    // the Table keeps to it as well
    await b.page.locator('#table').click();
    const table = b.page.locator('dialog.table-dialog');
    await expect.poll(() => table.locator('.table-page').textContent()).toBe(`1–50 of ${one.ids.length} within a step of Helena Brandt (400 in all)`);
    await table.locator('button', { hasText: 'Close' }).click();
    // and so does the Network
    await b.page.locator('#stats').click();
    const network = b.page.locator('dialog.network-dialog');
    await expect.poll(() => network.locator('.board-caption').textContent()).toBe("Helena Brandt's neighbourhood (a step), the map of influence");
    expect(await network.locator('.network-value').first().textContent()).toBe(String(one.ids.length));
    await network.locator('button', { hasText: 'Close' }).click();
    // with her profile closed she stays ringed and named at the heart of it
    await b.page.keyboard.press('Escape');
    await expect.poll(() => b.page.evaluate(() => window.__catalyst.render()?.selected ?? null)).toBeNull();
    expect(await b.page.evaluate(() => window.__catalyst.render()?.neighbourhoodOf)).toBe('p-connector');
    expect(await b.page.evaluate(() => window.__catalyst.nodeDisplay('p-connector'))).toMatchObject({ highlighted: true, forceLabel: true });
    // two steps
    await bar.locator('[data-hops="2"]').click();
    const two = await apiIds('focus=p-connector&hops=2');
    expect(two.ids.length).toBeGreaterThan(one.ids.length);
    await expect.poll(shownIds).toEqual(two.ids);
    await expect.poll(() => new URL(b.page.url()).searchParams.get('hops')).toBe('2');
    expect(await bar.locator('.focus-label').last().textContent()).toBe('steps');
    await screenshot(b.page, 'neighbourhood.png');
    // × shows everyone again; Back brings the neighbourhood back
    await bar.locator('.focus-clear').click();
    await expect.poll(async () => (await shownIds()).length).toBe(400);
    expect(await bar.isHidden()).toBe(true);
    expect(new URL(b.page.url()).searchParams.has('focus')).toBe(false);
    await b.page.goBack();
    await expect.poll(shownIds).toEqual(two.ids);
    expect(await bar.isVisible()).toBe(true);
    // a link to a neighbourhood on the map of trust; someone outside it offers theirs
    await open('?layer=ties&focus=p-fad&person=p-connector');
    const fad = await apiIds('layer=ties&focus=p-fad&hops=1');
    await expect.poll(shownIds).toEqual(fad.ids);
    expect(fad.ids).not.toContain('p-connector');
    expect(await bar.locator('.focus-name').textContent()).toBe('Zara Flash');
    await b.page.locator('#panel button', { hasText: 'Show their neighbourhood' }).click();
    const helena = await apiIds('layer=ties&focus=p-connector&hops=1');
    await expect.poll(shownIds).toEqual(helena.ids);
    expect(await bar.locator('.focus-name').textContent()).toBe('Helena Brandt');
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });
});

describe("a person's menu on the map", () => {
  it('a right-click on a person opens their menu: the neighbourhood, the profile, a comparison with the one open, the Table; keys move through it, Escape closes it', async () => {
    const errorsBefore = b.errors.length;
    await open();
    const menu = b.page.locator('.node-menu');
    const items = () => menu.locator('.node-menu-item').allTextContents();
    const rightClick = async (id: string) => {
      const at = await nodePoint(id);
      await b.page.mouse.click(at.x, at.y, { button: 'right' });
      await menu.waitFor();
    };
    await rightClick('p-connector');
    expect(await menu.locator('.node-menu-head').textContent()).toBe('Helena Brandt');
    expect(await items()).toEqual(['Open profile', 'Neighbourhood', 'Find in the Table']);
    await screenshot(b.page, 'node-menu.png');
    // the first item has the keyboard; arrows move, Enter picks
    await b.page.keyboard.press('ArrowDown');
    await b.page.keyboard.press('Enter');
    await expect.poll(() => b.page.evaluate(() => window.__catalyst.state().focus)).toBe('p-connector');
    expect(await menu.count()).toBe(0);
    const neighbourhood = (await t.get('/api/graph?focus=p-connector&limit=15000')).body.nodes.map((n: { id: string }) => n.id).sort();
    await expect.poll(() => b.page.evaluate(() => Object.keys(window.__catalyst.nodeSizes()).sort())).toEqual(neighbourhood);
    // Escape closes it, changing nothing
    await rightClick('p-connector');
    expect(await items()).toEqual(['Open profile', 'Show everyone again', 'Find in the Table']);
    await b.page.keyboard.press('Escape');
    expect(await menu.count()).toBe(0);
    expect(await b.page.evaluate(() => window.__catalyst.state().focus)).toBe('p-connector');
    // her profile, then someone near her compared with it
    await rightClick('p-connector');
    await menu.locator('.node-menu-item', { hasText: 'Open profile' }).click();
    await expect.poll(() => b.page.evaluate(() => window.__catalyst.state().person)).toBe('p-connector');
    const other = neighbourhood.find((id: string) => id !== 'p-connector')!;
    await b.page.waitForTimeout(800); // the camera's flight to her
    await rightClick(other);
    expect(await items()).toEqual(['Open profile', 'Neighbourhood', "Compare with Helena's curve", 'Find in the Table']);
    await menu.locator('.node-menu-item', { hasText: 'Compare with' }).click();
    await expect.poll(() => b.page.evaluate(() => window.__catalyst.state().compare)).toEqual([other]);
    // a click elsewhere closes it
    await rightClick(other);
    await b.page.mouse.click(5, 300);
    expect(await menu.count()).toBe(0);
    // the Table, filtered to their name
    await rightClick('p-connector');
    expect(await items()).toEqual(['Show everyone again', 'Find in the Table']);
    await menu.locator('.node-menu-item', { hasText: 'Find in the Table' }).click();
    const dialog = b.page.locator('dialog.table-dialog');
    await expect.poll(() => dialog.locator('.table-filter').inputValue()).toBe('Helena Brandt');
    await expect.poll(() => dialog.locator('tbody .table-name').allTextContents()).toEqual(['Helena Brandt']);
    await dialog.locator('button', { hasText: 'Close' }).click();
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });
});

describe('the Network dialog', () => {
  it("the line under the list opens the map's network in numbers, as the API counts it, on the links and slice shown; kept in the link; a name opens them", async () => {
    const errorsBefore = b.errors.length;
    await open('?sector=music');
    await b.page.locator('#stats').click();
    const dialog = b.page.locator('dialog.network-dialog');
    await dialog.waitFor();
    const api = (await t.get('/api/network?layer=influence&sector=music')).body;
    await expect.poll(() => dialog.locator('.network-value').allTextContents()).toEqual(networkFigures(api).map((f) => f.value));
    expect(await dialog.locator('.board-caption').textContent()).toBe('influence through music events');
    expect(await dialog.locator('.network-figure').first().textContent()).toBe(`People${api.people}${networkFigures(api)[0]!.note}`);
    // a column per doubling bin, as the API bins them
    const bins = api.inDegrees.length >= api.outDegrees.length ? api.inDegrees : api.outDegrees;
    expect(await dialog.locator('.degree-label').allTextContents()).toEqual(bins.map(binLabel));
    await expect.poll(() => new URL(b.page.url()).searchParams.get('dialog')).toBe('network');
    await screenshot(b.page, 'network.png');
    // the one reached by the most opens
    await dialog.locator('.network-top button').first().click();
    expect(await dialog.isVisible()).toBe(false);
    await expect.poll(() => b.page.evaluate(() => window.__catalyst.state().person)).toBe(api.maxIn.id);
    // a link opens it on the map of trust
    await open('?layer=ties&dialog=network');
    const ties = (await t.get('/api/network?layer=ties')).body;
    await expect.poll(() => dialog.locator('.network-value').allTextContents()).toEqual(networkFigures(ties).map((f) => f.value));
    expect(await dialog.locator('.board-caption').textContent()).toBe('the map of trust');
    await dialog.locator('button', { hasText: 'Close' }).click();
    await expect.poll(() => new URL(b.page.url()).searchParams.has('dialog')).toBe(false);
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });
});

describe('a dialog in the link', () => {
  it('the link keeps the dialog open over the map (the Sectors at the sector chosen, the Table, the Introductions) and opens it again; closing it leaves the link', async () => {
    const errorsBefore = b.errors.length;
    const dialogInLink = () => new URL(b.page.url()).searchParams.get('dialog');
    await open('?t=2019-06-01');
    await b.page.locator('#sectors').click();
    const sectors = b.page.locator('dialog.sectors-dialog');
    await sectors.locator('.sectors-bar').first().waitFor();
    const first = (await sectors.locator('.sectors-bar[aria-pressed="true"] .bar-label').textContent())!;
    await expect.poll(dialogInLink).toBe(`sectors:${first}`);
    await sectors.locator('.sectors-bar', { hasText: 'film' }).click();
    await expect.poll(dialogInLink).toBe('sectors:film');

    // the link opens it again, at the same sector and time
    const link = b.page.url();
    await b.page.goto(link);
    await waitReady(b.page);
    const reopened = b.page.locator('dialog.sectors-dialog');
    await reopened.locator('h3', { hasText: 'Carried into film' }).waitFor();
    expect(await reopened.locator('.sectors-when').textContent()).toMatch(/^at \d+ \w{3} 2019, the map's time$/);
    // a carrier's name opens their profile (a new step in the history); Back returns to the dialog it came from
    const carrier = (await reopened.locator('.sectors-carrier-list .link').first().textContent())!;
    await reopened.locator('.sectors-carrier-list .link').first().click();
    await b.page.locator('#panel .person-name', { hasText: carrier }).waitFor();
    expect(await reopened.isVisible()).toBe(false);
    await b.page.goBack();
    await reopened.locator('h3', { hasText: 'Carried into film' }).waitFor();
    await expect.poll(dialogInLink).toBe('sectors:film');
    await reopened.locator('.board-close').click();
    await expect.poll(dialogInLink).toBeNull();

    // the Table's sort, filter and sector too
    await open('?dialog=table&tsort=-activity&tq=an&tlists=music');
    const table = b.page.locator('dialog.table-dialog');
    const expected = (await t.get('/api/influence/table?columns=pagerank,activity,betweenness,degree,introducer&sort=-activity&q=an&lists=music&limit=50&layer=influence')).body;
    await expect.poll(() => table.locator('tbody .table-name').allTextContents()).toEqual(expected.items.map((i: { name: string }) => i.name));
    expect(await table.locator('.table-filter').inputValue()).toBe('an');
    expect(await table.locator('.table-chips .chip').textContent()).toContain('listing music');
    expect(await table.locator('thead th[aria-sort]').textContent()).toBe('Activity▲');
    // what changes in it goes to the link
    await table.locator('thead .table-sort', { hasText: 'Degree' }).click();
    await expect.poll(() => new URL(b.page.url()).searchParams.get('tsort')).toBe('degree');
    await table.locator('.table-chips .chip').click();
    await expect.poll(() => new URL(b.page.url()).searchParams.get('tlists')).toBeNull();
    expect(new URL(b.page.url()).searchParams.get('tq')).toBe('an');
    await b.page.keyboard.press('Escape');
    await expect.poll(() => new URL(b.page.url()).searchParams.get('tsort')).toBeNull();
    await expect.poll(dialogInLink).toBeNull();
    expect(await b.page.locator('dialog.table-dialog').isVisible()).toBe(false);

    await open('?dialog=introductions');
    await b.page.locator('dialog.board-dialog:not(.table-dialog):not(.sectors-dialog) .board-headline', { hasText: 'introductions recorded' }).waitFor();
    expect(dialogInLink()).toBe('introductions');
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });
});

describe('the introductions board', () => {
  const ids = (items: { id: string }[]) => items.map((i) => i.id);

  /** The page afresh with the board open and its list drawn. */
  async function openBoard() {
    await open();
    const errorsBefore = b.errors.length;
    await b.page.click('#introductions');
    const dialog = b.page.locator('.board-dialog');
    const rows = dialog.locator('.board-list .introduction');
    await rows.first().waitFor({ timeout: 30_000 });
    return { dialog, rows, errorsBefore };
  }

  it('sums up every introduction as the API does, lists those waiting for an outcome, narrows by status, and records an outcome', async () => {
    const { dialog, rows, errorsBefore } = await openBoard();
    let summary = (await t.get('/api/introductions/summary')).body;
    expect(summary.waiting.count).toBeGreaterThan(0);

    // The headline, the status legend, the chart and the introducers are the API's numbers.
    const headline = (await dialog.locator('.board-headline').textContent())!;
    expect(headline).toContain(`${summary.total} introductions recorded`);
    expect(headline).toContain(`${summary.waiting.count} waiting over 30 days for an outcome`);
    const legend = async () =>
      Object.fromEntries(
        await dialog.locator('.status-key').evaluateAll((keys) => keys.map((k) => [k.getAttribute('data-status'), Number(k.querySelector('b')!.textContent)])),
      );
    const nonZero = (byStatus: Record<string, number>) => Object.fromEntries(Object.entries(byStatus).filter(([, n]) => n > 0));
    expect(await legend()).toEqual(nonZero(summary.byStatus));
    const barTotals = await dialog.locator('.stacked-bars .bar').evaluateAll((bars) => bars.map((g) => Number(g.getAttribute('data-total'))));
    expect(barTotals.length).toBeGreaterThan(1);
    expect(barTotals.reduce((a, c) => a + c, 0)).toBe(summary.total);
    expect(await dialog.locator('.introducer-records li').evaluateAll((li) => li.map((e) => e.getAttribute('data-id')))).toEqual(ids(summary.introducers));
    // "Download CSV" is every introduction, one per line below the header
    const csv = await b.page.evaluate(async (href) => (await fetch(href)).text(), (await dialog.locator('.board-download').getAttribute('href'))!);
    expect(csv.trim().split('\n')).toHaveLength(summary.total + 1);

    // By default the list is the follow-up queue: made or accepted over 30 days ago, as the API lists them.
    expect(await dialog.locator('.board-filter').inputValue()).toBe('waiting');
    const waiting = (await t.get(`/api/introductions?status=made,accepted&before=${encodeURIComponent(summary.waiting.before)}&limit=20`)).body;
    const shown = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(await shown()).toEqual(ids(waiting.items));
    expect(await rows.first().locator('.introduction-facts').textContent()).toMatch(/no outcome after \d/);
    await screenshot(b.page, 'introductions-board.png');

    // Requests asked for over 30 days ago and not made yet: named in the headline, and a list of their own.
    expect(summary.waiting.requests).toBeGreaterThan(0);
    expect(headline).toContain(`${summary.waiting.requests} request${summary.waiting.requests === 1 ? '' : 's'} not made after 30 days`);
    await dialog.locator('.board-filter').selectOption('requests');
    const requests = (await t.get(`/api/introductions?status=suggested&before=${encodeURIComponent(summary.waiting.before)}&limit=20`)).body;
    expect(requests.total).toBe(summary.waiting.requests);
    await expect.poll(shown, { timeout: 30_000 }).toEqual(ids(requests.items));
    expect(await rows.first().locator('.introduction-facts').textContent()).toMatch(/not made after \d/);

    // A status in the legend narrows the list to it.
    await dialog.locator('.status-key[data-status="declined"]').click();
    const declined = (await t.get('/api/introductions?status=declined&limit=20')).body;
    await expect.poll(shown, { timeout: 30_000 }).toEqual(ids(declined.items));
    expect(await dialog.locator('.board-filter').inputValue()).toBe('declined');

    // A bar of the chart narrows the list to its period (here the periods are years), with the status chosen.
    const bar = dialog.locator('.stacked-bars .bar').nth(3);
    const year = (await bar.getAttribute('data-label'))!;
    expect(year).toMatch(/^\d{4}$/);
    const range = `since=${year}-01-01T00:00:00Z&before=${Number(year) + 1}-01-01T00:00:00Z`;
    await bar.click();
    expect(await dialog.locator('.board-period').textContent()).toBe(`${year} ×`);
    const declinedInYear = (await t.get(`/api/introductions?status=declined&${range}&limit=20`)).body;
    expect(declinedInYear.total).toBeLessThan(declined.total);
    await expect.poll(shown, { timeout: 30_000 }).toEqual(ids(declinedInYear.items));
    expect(await dialog.locator('.board-filter').inputValue()).toBe('declined');
    // every introduction of the year: as many as its bar counts
    await dialog.locator('.board-filter').selectOption('all');
    const inYear = (await t.get(`/api/introductions?${range}&limit=20`)).body;
    expect(inYear.total).toBe(Number(await bar.getAttribute('data-total')));
    expect(inYear.total).toBeGreaterThan(declinedInYear.total);
    await expect.poll(shown, { timeout: 30_000 }).toEqual(ids(inYear.items));
    expect(await dialog.locator('.board-period').textContent()).toBe(`${year} ×`);
    await dialog.locator('.board-period').click();
    expect(await dialog.locator('.board-period').isHidden()).toBe(true);
    // the bars are buttons for the keyboard as well
    await bar.focus();
    await b.page.keyboard.press('Enter');
    await expect.poll(() => dialog.locator('.board-period').textContent(), { timeout: 10_000 }).toBe(`${year} ×`);
    await dialog.locator('.board-period').click();

    // Every introduction, twenty at a time.
    await dialog.locator('.board-filter').selectOption('all');
    const all = (await t.get('/api/introductions?limit=40')).body;
    expect(all.total).toBeGreaterThan(20);
    await expect.poll(shown, { timeout: 30_000 }).toEqual(ids(all.items.slice(0, 20)));
    await dialog.locator('.board-more').click();
    await expect.poll(shown, { timeout: 30_000 }).toEqual(ids(all.items));

    // An outcome recorded on the board is stored, and the summary follows it.
    await dialog.locator('.board-filter').selectOption('waiting');
    await expect.poll(shown, { timeout: 30_000 }).toEqual(ids(waiting.items));
    const row = rows.first();
    await row.locator('.status-select').selectOption('succeeded');
    await expect.poll(() => row.locator('.record-status.ok').textContent(), { timeout: 30_000 }).toBe('Saved: succeeded.');
    expect((await t.get(`/api/introductions/${waiting.items[0].id}`)).body.status).toBe('succeeded');
    expect(await row.locator('.introduction-facts').textContent()).not.toContain('no outcome after');
    // the outcome is dated today by the server, and can be dated the day it came
    const closed = (await t.get(`/api/introductions/${waiting.items[0].id}`)).body;
    expect(await row.locator('.introduction-facts').textContent()).toContain(`succeeded on ${formatDate(Date.parse(closed.outcomeAt))}`);
    await row.locator('.outcome-date-edit').click();
    const dateField = row.locator('.outcome-date-input');
    expect(await dateField.inputValue()).toBe(closed.outcomeAt.slice(0, 10));
    const day = new Date(Date.parse(closed.at) + 10 * 86_400_000).toISOString().slice(0, 10);
    await dateField.fill(day);
    await dateField.press('Enter');
    await expect.poll(() => row.locator('.record-status.ok').textContent(), { timeout: 30_000 }).toBe(`Saved: outcome on ${formatDate(Date.parse(day))}.`);
    expect((await t.get(`/api/introductions/${closed.id}`)).body.outcomeAt).toBe(`${day}T12:00:00.000Z`);
    expect(await row.locator('.introduction-facts').textContent()).toMatch(new RegExp(`succeeded on ${formatDate(Date.parse(day))}, (9|10|11) days later`));
    // a day before the introduction is refused on the spot, and the date stays
    await row.locator('.outcome-date-edit').click();
    await dateField.fill(new Date(Date.parse(closed.at) - 86_400_000).toISOString().slice(0, 10));
    await dateField.press('Enter');
    await expect
      .poll(() => row.locator('.record-status.error').textContent(), { timeout: 30_000 })
      .toBe(`The outcome cannot come before the introduction was made (${formatDate(Date.parse(closed.at))}).`);
    expect((await t.get(`/api/introductions/${closed.id}`)).body.outcomeAt).toBe(`${day}T12:00:00.000Z`);
    await dateField.press('Escape');
    expect(await dateField.count()).toBe(0);
    const after = (await t.get('/api/introductions/summary')).body;
    expect(after.byStatus.succeeded).toBe(summary.byStatus.succeeded + 1);
    expect(after.waiting.count).toBe(summary.waiting.count - 1);
    await expect.poll(legend, { timeout: 30_000 }).toEqual(nonZero(after.byStatus));
    await expect.poll(() => dialog.locator('.board-headline').textContent(), { timeout: 30_000 }).toContain(`${after.waiting.count} waiting over 30 days`);
    summary = after;

    // A note is written in place: Enter saves it; Escape leaves it as it was, and the board open.
    const id = waiting.items[0].id as string;
    const before = (await t.get(`/api/introductions/${id}`)).body.note as string;
    await row.locator('.note-edit').click();
    const note = row.locator('.note-input');
    expect(await note.inputValue()).toBe(before);
    await note.fill('Met for coffee; a pilot starts in May.');
    await note.press('Enter');
    await expect.poll(() => row.locator('.record-status.ok').textContent(), { timeout: 30_000 }).toBe('Saved: note.');
    expect((await t.get(`/api/introductions/${id}`)).body.note).toBe('Met for coffee; a pilot starts in May.');
    expect(await row.locator('.introduction-facts').textContent()).toContain('Met for coffee; a pilot starts in May.');
    expect(await note.count()).toBe(0);
    expect(await row.locator('.note-edit').textContent()).toBe('Edit note');
    await row.locator('.note-edit').click();
    await note.fill('not kept');
    await note.press('Escape');
    expect(await note.count()).toBe(0);
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect((await t.get(`/api/introductions/${id}`)).body.note).toBe('Met for coffee; a pilot starts in May.');

    // A name opens that person: the board closes and the map selects them.
    const introducer = waiting.items[0].introducer as string;
    await row.locator('.introduction-people .link').first().click();
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => new URL(b.page.url()).searchParams.get('person'), { timeout: 10_000 }).toBe(introducer);
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });

  it('turns the chart to outcomes by when they came, a bar listing the outcomes of its period', async () => {
    const { dialog, rows, errorsBefore } = await openBoard();
    const summary = (await t.get('/api/introductions/summary')).body;
    const sum = (xs: number[]) => xs.reduce((a, c) => a + c, 0);
    const dated = sum(summary.outcomeMonths.map((m: { counts: Record<string, number> }) => sum(Object.values(m.counts))));
    expect(dated).toBe(summary.outcomes.dated);
    expect(dated).toBeGreaterThan(10);
    const bars = dialog.locator('.stacked-bars .bar');
    const totals = () => bars.evaluateAll((els) => els.map((g) => Number(g.getAttribute('data-total'))));
    const counts = () => dialog.locator('.stacked-bars').getAttribute('aria-label');
    const pressed = () => dialog.locator('.board-basis button[aria-pressed="true"]').textContent();
    expect(await pressed()).toBe('Recorded');
    expect(await counts()).toBe('Introductions recorded per period, by status');
    expect(sum(await totals())).toBe(summary.total);

    // Outcomes: the dated ones, by the period they came in
    await dialog.locator('.board-basis button[data-basis="outcome"]').click();
    expect(await pressed()).toBe('Outcomes');
    await expect.poll(counts, { timeout: 10_000 }).toBe('Outcomes per period, by status');
    await expect.poll(async () => sum(await totals()), { timeout: 10_000 }).toBe(dated);
    const counted = await totals();
    const bar = bars.nth(counted.indexOf(Math.max(...counted)));
    const year = (await bar.getAttribute('data-label'))!;
    expect(year).toMatch(/^\d{4}$/);
    await bar.click();
    expect(await dialog.locator('.board-period').textContent()).toBe(`outcomes in ${year} ×`);
    expect(await dialog.locator('.board-filter').inputValue()).toBe('all');
    const inYear = (await t.get(`/api/introductions?outcomeSince=${year}-01-01T00:00:00Z&outcomeBefore=${Number(year) + 1}-01-01T00:00:00Z&limit=20`)).body;
    expect(inYear.total).toBe(Number(await bar.getAttribute('data-total')));
    const shown = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    await expect.poll(shown, { timeout: 30_000 }).toEqual(ids(inYear.items));
    for (const item of inYear.items) expect(item.outcomeAt.slice(0, 4)).toBe(year);

    // back to Recorded: the period of the other chart is let go
    await dialog.locator('.board-basis button[data-basis="recorded"]').click();
    expect(await pressed()).toBe('Recorded');
    expect(await counts()).toBe('Introductions recorded per period, by status');
    expect(await dialog.locator('.board-period').isHidden()).toBe(true);
    expect(sum(await totals())).toBe(summary.total);
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });

  it('follows up after the delay the user picks, as the API counts it, and keeps the choice on this browser', async () => {
    await open();
    await b.page.click('#introductions');
    const dialog = b.page.locator('.board-dialog');
    const rows = dialog.locator('.board-list .introduction');
    await rows.first().waitFor({ timeout: 30_000 });
    const delay = dialog.locator('.board-waiting');
    expect(await delay.inputValue()).toBe('30');
    await delay.selectOption('90');
    const summary = (await t.get('/api/introductions/summary?waitingDays=90')).body;
    await expect.poll(() => dialog.locator('.board-headline').textContent(), { timeout: 30_000 }).toContain(`${summary.waiting.count} waiting over 90 days for an outcome`);
    expect(await dialog.locator('.board-filter option[value="waiting"]').textContent()).toBe(`Waiting over 90 days for an outcome (${summary.waiting.count})`);
    // the list is the API's waiting list for 90 days (recorded before now − 90 days, to the minute the summary was made)
    const waiting = (await t.get(`/api/introductions?status=made,accepted&before=${encodeURIComponent(summary.waiting.before)}&limit=20`)).body;
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))), { timeout: 30_000 }).toEqual(ids(waiting.items));
    // closed and opened again, even after a reload, the board asks for 90 days
    await dialog.locator('.board-close').click();
    await open();
    const asked = b.page.waitForRequest((r) => r.url().includes('/api/introductions/summary'));
    await b.page.click('#introductions');
    expect(new URL((await asked).url()).searchParams.get('waitingDays')).toBe('90');
    expect(await delay.inputValue()).toBe('90');
    await delay.selectOption('30');
    await dialog.locator('.board-close').click();
  });

  it('"To make" lists the network\'s best introductions as the API ranks them, and records one as asked of its introducer', async () => {
    await open();
    const errorsBefore = b.errors.length;
    await b.page.click('#introductions');
    const dialog = b.page.locator('.board-dialog');
    await dialog.locator('.board-list .introduction').first().waitFor({ timeout: 30_000 });
    await dialog.locator('.board-view button[data-view="make"]').click();
    expect(await dialog.locator('.board-view button[data-view="make"]').getAttribute('aria-pressed')).toBe('true');
    expect(await dialog.locator('.board-filter').isHidden()).toBe(true);
    const cards = dialog.locator('.board-list .suggestion');
    await cards.first().waitFor({ timeout: 60_000 });
    const best = (await t.get('/api/introductions/opportunities?limit=20')).body as { items: { a: { id: string; name: string }; b: { id: string; name: string }; introducer: { id: string; name: string } }[]; exact: boolean };
    expect(best.exact).toBe(true);
    expect(best.items).toHaveLength(20);
    // five shown, then "Show 15 more", each card the API's pair and introducer, in its order, without Hide (nobody's list)
    const titles = () => cards.locator('.suggestion-title').evaluateAll((els) => els.filter((e) => !(e.closest('.suggestion') as HTMLElement).hidden).map((e) => e.textContent));
    expect(await titles()).toEqual(best.items.slice(0, 5).map((x) => `Introduce ${x.a.name} to ${x.b.name}`));
    expect(await dialog.locator('.suggestion-via').first().textContent()).toBe(`through ${best.items[0]!.introducer.name}`);
    expect(await dialog.locator('.board-list button.dismiss').count()).toBe(0);
    expect(await dialog.locator('.board-make-intro').textContent()).toMatch(/^The best introductions nobody has made yet, across the whole network/);
    await screenshot(b.page, 'introductions-to-make.png');
    // in a narrow window the list's controls wrap instead of covering one another
    await b.page.setViewportSize({ width: 800, height: 900 });
    const boxes = await dialog
      .locator('.board-view button, .board-list-head > :not([hidden]):not(.board-view)')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    await b.page.setViewportSize({ width: 1440, height: 900 });
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    const overlap = (p: DOMRect, q: DOMRect) => p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;
    expect(boxes.flatMap((p, i) => boxes.slice(i + 1).filter((q) => overlap(p, q)))).toEqual([]);
    await dialog.locator('.board-list button.more').click();
    expect(await titles()).toEqual(best.items.map((x) => `Introduce ${x.a.name} to ${x.b.name}`));
    // "Ask first": the people who could make several of the 20, most first (the planted connector among them)
    const tally = introducerTally(best.items);
    expect(tally.length).toBeGreaterThan(0);
    expect(await dialog.locator('.board-make-by .link').allTextContents()).toEqual(tally.map((x) => x.name));
    expect(tally.map((x) => x.id)).toContain('p-connector');

    // "Record request" on a card of the first person to ask: stored as suggested with the card's introducer; the
    // headline counts it (not yet waiting 30 days: none)
    const before = (await t.get('/api/introductions/summary')).body;
    const k = best.items.findIndex((x) => x.introducer.id === tally[0]!.id);
    const asked = best.items[k]!;
    const card = cards.nth(k);
    await card.locator('button.btn', { hasText: 'Record request' }).click();
    await expect.poll(() => card.locator('.record-status').textContent(), { timeout: 30_000 }).toMatch(/^Recorded: .+ is asked to introduce .+ \(suggested\)/);
    const stored = (await t.get(`/api/introductions?person=${asked.introducer.id}&limit=1`)).body.items[0];
    expect([stored.introducer, stored.a, stored.b, stored.status]).toEqual([asked.introducer.id, asked.a.id, asked.b.id, 'suggested']);
    // "Ask first" counts the introductions still to ask for
    const stillToAsk = introducerTally(best.items.filter((_, j) => j !== k));
    expect(stillToAsk).not.toEqual(tally);
    const askText = (list: typeof tally) =>
      'Ask first: ' + list.map((x, j) => `${j === 0 ? '' : j === list.length - 1 ? ' and ' : ', '}${x.name} (${x.count}${j === 0 ? ' of these' : ''})`).join('');
    expect(await dialog.locator('.board-make-by').textContent()).toBe(askText(stillToAsk));
    await expect.poll(() => dialog.locator('.board-headline').textContent(), { timeout: 30_000 }).toContain(`${before.total + 1} introductions recorded`);
    // the pair is gone from the network's list the next time it is shown
    const after = (await t.get('/api/introductions/opportunities?limit=20')).body as typeof best;
    expect(after.items.map((x) => `${x.a.id}+${x.b.id}`)).not.toContain(`${asked.a.id}+${asked.b.id}`);
    await dialog.locator('.board-view button[data-view="follow"]').click();
    await dialog.locator('.board-view button[data-view="make"]').click();
    await expect.poll(titles, { timeout: 30_000 }).toEqual(after.items.slice(0, 5).map((x) => `Introduce ${x.a.name} to ${x.b.name}`));
    // the chart's bars and the status keys turn the list back to Follow up
    await dialog.locator('.status-key[data-status="succeeded"]').click();
    expect(await dialog.locator('.board-view button[data-view="follow"]').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => dialog.locator('.board-filter').inputValue(), { timeout: 10_000 }).toBe('succeeded');
    await dialog.locator('.board-list .introduction').first().waitFor({ timeout: 30_000 });
    expect(await dialog.locator('.board-sector').isHidden()).toBe(true);

    // in a sector: the API's list of pairs with someone in it; an "Ask first" name opens that person
    await dialog.locator('.board-view button[data-view="make"]').click();
    await cards.first().waitFor({ timeout: 30_000 });
    await dialog.locator('.board-sector').selectOption('music');
    const music = (await t.get('/api/introductions/opportunities?limit=20&sector=music')).body as typeof best;
    expect(music.items.length).toBeGreaterThan(5);
    expect(music.items.map((x) => x.a.id + x.b.id)).not.toEqual(after.items.map((x) => x.a.id + x.b.id));
    await expect.poll(titles, { timeout: 30_000 }).toEqual(music.items.slice(0, 5).map((x) => `Introduce ${x.a.name} to ${x.b.name}`));
    expect(await dialog.locator('.board-make-intro').textContent()).toContain('with someone in music');
    const ask = introducerTally(music.items)[0];
    expect(ask).toBeDefined();
    await dialog.locator('.board-make-by .link').first().click();
    await b.page.locator('#panel .person-name', { hasText: ask!.name }).waitFor({ timeout: 30_000 });
    expect(await dialog.isVisible()).toBe(false);
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });
});

describe('links, filters and exports', () => {
  it('the URL keeps the view: a reload restores person, time, colour mode and filters', async () => {
    await open('?color=sector&sector=music&min=0.1&t=2019-08-01&person=p-fad');
    await b.page.locator('#panel .person-name', { hasText: 'Zara Flash' }).waitFor();
    const s = await b.page.evaluate(() => ({
      state: window.__catalyst.state(),
      render: window.__catalyst.render() as { colorMode: string; minInfluence: number },
      nodes: window.__catalyst.timings.nodes,
      date: document.getElementById('date')!.textContent,
      sector: (document.getElementById('sector') as HTMLSelectElement).value,
      pressed: document.querySelector('#color-mode [aria-pressed=true]')!.textContent,
    }));
    expect(s.state).toMatchObject({ person: 'p-fad', color: 'sector', sector: 'music', minInfluence: 0.1, time: Date.UTC(2019, 7, 1) });
    expect(s.render).toMatchObject({ colorMode: 'sector', minInfluence: 0.1 });
    expect(s.nodes).toBeLessThan(400);
    expect(s.date).toContain('2019');
    expect(s.sector).toBe('music');
    expect(s.pressed).toBe('Sector');
    // Changing a filter rewrites the link.
    await b.page.locator('#polarity button[data-value=negative]').click();
    await b.page.waitForFunction(() => location.search.includes('polarity=negative'));
    await b.page.reload();
    await waitReady(b.page);
    expect(await b.page.evaluate(() => window.__catalyst.state().polarity)).toBe('negative');
  });

  it("on the map of trust, a profile's community is the one the map's legend names there", async () => {
    const errorsBefore = b.errors.length;
    await open('?person=p-cross&layer=ties');
    const graph = (await t.get('/api/graph?layer=ties&limit=15000')).body as { nodes: { id: string; community: number }[] };
    const community = graph.nodes.find((n) => n.id === 'p-cross')!.community;
    const chip = b.page.locator('#panel .chip.community');
    await expect.poll(() => chip.getAttribute('title')).toMatch(new RegExp(`^Community ${community} \\(Louvain\\)`));
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });

  it('Links: Trust draws the trust ties the API gives, sized by the metric on them, with the event filters off; a reload keeps it; a tie removed in a profile leaves it at once; Influence goes back', async () => {
    type Graph = { nodes: { id: string; score: number }[]; edges: { source: string; target: string }[]; layer: string };
    const drawn = () =>
      b.page.evaluate(() => {
        const g = window.__catalyst.view()!.sigma.getGraph();
        return { order: g.order, edges: g.edges().map((e) => `${g.source(e)}>${g.target(e)}`).sort() };
      });
    const pressed = () => b.page.locator('#layer [aria-pressed=true]').textContent();
    const edgeKeys = (g: Graph) => [...new Set(g.edges.filter((e) => e.source !== e.target).map((e) => `${e.source}>${e.target}`))].sort();
    await open('?sector=music&polarity=negative');
    expect(await pressed()).toBe('Influence');
    const influence = await drawn();
    const errorsBefore = b.errors.length;

    // Trust: the API's ties layer, the sector and polarity left behind (they slice events)
    await b.page.locator('#layer button[data-value=ties]').click();
    await b.page.waitForFunction(() => location.search.includes('layer=ties'));
    const ties = (await t.get('/api/graph?layer=ties&metric=pagerank&limit=15000')).body as Graph;
    expect(ties.layer).toBe('ties');
    await expect.poll(async () => (await drawn()).edges, { timeout: 30_000 }).toEqual(edgeKeys(ties));
    expect((await drawn()).order).toBe(ties.nodes.length);
    expect((await drawn()).edges).not.toEqual(influence.edges);
    expect(await b.page.evaluate(() => window.__catalyst.state())).toMatchObject({ layer: 'ties', sector: null, medium: null, polarity: 'total' });
    expect(await b.page.locator('#stats').textContent()).toContain('trust ties');
    expect(await b.page.locator('#size-caption').textContent()).toBe('Node size: PageRank of the trust ties, all time');
    for (const control of ['#sector', '#medium', '#polarity button[data-value=negative]']) expect(await b.page.locator(control).isDisabled(), control).toBe(true);
    // the side ranking is the metric on the trust ties: Helena, the connector, first
    const top = [...ties.nodes].sort((x, y) => y.score - x.score)[0]!;
    expect(top.id).toBe('p-connector');
    await expect.poll(() => b.page.locator('#top-list li').first().textContent()).toContain('Helena Brandt');

    await b.page.reload();
    await waitReady(b.page);
    expect(await pressed()).toBe('Trust');
    await expect.poll(async () => (await drawn()).edges, { timeout: 30_000 }).toEqual(edgeKeys(ties));

    // over time: the trust PageRank of the ties standing, each tie drawn from the day it was formed
    const since = await tieDates(t);
    const times: number[] = await b.page.evaluate(() => window.__catalyst.times());
    expect(times.length).toBeGreaterThan(2);
    const standing = (k: number) =>
      b.page.evaluate((position) => {
        window.__catalyst.setPosition(position);
        const sigma = window.__catalyst.view()!.sigma;
        sigma.refresh();
        const g = sigma.getGraph();
        return g.edges().filter((e) => !sigma.getEdgeDisplayData(e)?.hidden).map((e) => `${g.source(e)}>${g.target(e)}`).sort();
      }, k);
    const shown: number[] = [];
    for (const k of [0, Math.floor(times.length / 2), times.length - 1]) {
      const lines = await standing(k);
      expect(lines).toEqual(edgeKeys(ties).filter((key) => since.get(key)! <= times[k]!));
      shown.push(lines.length);
    }
    expect(shown[0]).toBeLessThan(shown[2]!);
    await expect.poll(() => b.page.locator('#size-caption').textContent()).toMatch(/^Node size: trust PageRank on /);
    await b.page.locator('#overall').click();

    // a tie removed in a profile leaves the map of trust at once, and Undo brings it back
    type StoredTie = { id: string; from: string; to: string; trust: number; since: string | null; lastContact: string | null };
    const tie = (await t.get('/api/ties?person=p-ana&direction=out&order=trust&limit=1')).body.items[0] as StoredTie;
    const key = `${tie.from}>${tie.to}`;
    try {
      await open('?layer=ties&person=p-ana');
      expect((await drawn()).edges).toContain(key);
      const section = b.page.locator('#panel .trust-section');
      await section.locator(`[data-tie="${tie.id}"] .trust-value`).click();
      await section.locator('.tie-editor button', { hasText: 'Remove tie' }).click();
      await expect.poll(async () => (await drawn()).edges, { timeout: 30_000 }).not.toContain(key);
      expect((await drawn()).order).toBe(ties.nodes.length);
      await section.locator('.trust-status button', { hasText: 'Undo' }).click();
      await expect.poll(async () => (await drawn()).edges, { timeout: 30_000 }).toContain(key);
    } finally {
      if ((await t.get(`/api/ties/${encodeURIComponent(tie.id)}`)).status === 404) expect((await t.send('POST', '/api/ties', tie)).status).toBe(201);
    }

    // Influence again: the influence links, the filters back on
    await b.page.locator('#layer button[data-value=influence]').click();
    const back = (await t.get('/api/graph?layer=influence&metric=pagerank&limit=15000')).body as Graph;
    await expect.poll(async () => (await drawn()).edges, { timeout: 30_000 }).toEqual(edgeKeys(back));
    expect(await b.page.locator('#sector').isDisabled()).toBe(false);
    expect(await pressed()).toBe('Influence');
    expect(await b.page.locator('#size-caption').textContent()).toBe('Node size: PageRank, all time');
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });

  it('exports the view as PNG (button download and bytes) and as GEXF with current sizes and colours', async () => {
    await open('?t=2019-08-01');
    const png = await b.page.evaluate(() => window.__catalyst.exportPng());
    expect(png.type).toBe('image/png');
    expect(png.signature).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.size).toBeGreaterThan(20_000);
    const [download] = await Promise.all([b.page.waitForEvent('download'), b.page.locator('#export-png').click()]);
    expect(download.suggestedFilename()).toBe('catalyst-2019-08-01.png');
    const file = await download.path();
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(await inkRatio(b.page, bytes)).toBeGreaterThan(0.01);

    const gexf = await b.page.evaluate(() => window.__catalyst.exportGexf());
    expect(gexf).toContain('<gexf');
    expect(gexf).toContain('Zara Flash');
    expect((gexf.match(/<node /g) ?? []).length).toBe(400);
    expect(gexf).toMatch(/<viz:size value="[\d.]+"/);
    expect(gexf).toMatch(/<viz:color r="\d+" g="\d+" b="\d+"/);
    expect(gexf).toMatch(/<viz:position x="/);
    const [gexfDownload] = await Promise.all([b.page.waitForEvent('download'), b.page.locator('#export-gexf').click()]);
    expect(gexfDownload.suggestedFilename()).toBe('catalyst-2019-08-01.gexf');
  });

  it('Size by Trusted PageRank: ranked from the seeds the API proposes, named under the select, the rating ring sunk; Edit adds a seed of your own (kept in the link); Use the most trusted goes back; in time the caption says so', async () => {
    type Ranked = { items: { id: string; name: string }[]; seeds: { id: string; name: string }[] };
    const ring = ['p-ring-1', 'p-ring-2', 'p-ring-3', 'p-ring-4', 'p-ring-5', 'p-ring-6'];
    /** how many people the map draws larger than `id` */
    const larger = (all: Record<string, number>, id: string) => Object.values(all).filter((v) => v > all[id]!).length;
    const topList = () => b.page.locator('#top-list .top-row .top-name').evaluateAll((xs) => xs.map((x) => x.firstChild!.textContent));
    const marked = () => b.page.locator('#top-list .top-row:has(.seed-mark) .top-name').evaluateAll((xs) => xs.map((x) => x.firstChild!.textContent));
    const errorsBefore = b.errors.length;
    await open();
    const plain = await sizes();
    expect(Math.min(...ring.map((id) => larger(plain, id)))).toBeLessThan(40);
    expect(await b.page.locator('#seeds').isVisible()).toBe(false);

    await b.page.locator('#metric').selectOption('pagerank-personalized');
    const api = (await t.get('/api/influence?metric=pagerank-personalized&limit=8')).body as Ranked;
    expect(api.seeds).toHaveLength(10);
    const summary = `${api.seeds[0]!.name}, ${api.seeds[1]!.name} and 8 more`;
    await expect.poll(() => b.page.locator('#seeds .seeds-names').textContent()).toBe(summary);
    await expect.poll(topList).toEqual(api.items.map((x) => x.name));
    expect(await b.page.locator('#seeds .seeds-note').textContent()).toMatch(/^The 10 most trusted people \(trust PageRank\), in no suspected ring\./);
    expect(await marked()).toEqual(api.items.filter((x) => api.seeds.some((y) => y.id === x.id)).map((x) => x.name));
    expect(new URL(b.page.url()).searchParams.get('seeds')).toBeNull();
    // the ring is drawn smallest of all
    const trusted = await sizes();
    const smallest = Math.min(...Object.values(trusted));
    for (const id of ring) expect(trusted[id], id).toBe(smallest);

    // a seed of one's own: Edit, find, pick
    await b.page.locator('#seeds .seeds-summary button').click();
    const input = b.page.locator('#seeds input');
    await input.pressSequentially('Victor Ka', { delay: 10 });
    await b.page.locator('#seeds-hits [role=option]', { hasText: 'Victor Kane' }).first().click();
    const own = [...api.seeds.map((x) => x.id), 'p-controversial'];
    await b.page.waitForFunction((n) => (new URL(location.href).searchParams.get('seeds') ?? '').split(',').length === n, own.length);
    expect(await b.page.evaluate(() => window.__catalyst.state().seeds)).toEqual(own);
    const mine = (await t.get(`/api/influence?metric=pagerank-personalized&limit=8&seeds=${own.join(',')}`)).body as Ranked;
    await expect.poll(topList).toEqual(mine.items.map((x) => x.name));
    await expect.poll(() => b.page.locator('#seeds .seeds-note').textContent()).toMatch(/^Your 11 seeds\./);
    expect(await b.page.locator('#seeds .chip').count()).toBe(11);
    // a reload keeps them
    await b.page.reload();
    await waitReady(b.page);
    expect(await b.page.evaluate(() => window.__catalyst.state().seeds)).toEqual(own);
    // and the profile's Trusted PageRank runs with them
    await open(`?metric=pagerank-personalized&seeds=${own.join(',')}&person=p-ring-1`);
    const tile = b.page.locator('#panel .scores .score[data-metric="pagerank-personalized"]');
    await tile.waitFor();
    expect(await tile.getAttribute('class')).toContain('current');
    expect(await tile.locator('.score-name').textContent()).toBe('Trusted PageRank');
    expect(await tile.locator('.score-value').textContent()).toBe('0');
    await b.page.locator('#panel .panel-close').click();

    // back to the proposed ones
    await b.page.locator('#seeds button', { hasText: 'Use the most trusted' }).click();
    await b.page.waitForFunction(() => !location.search.includes('seeds='));
    await expect.poll(() => b.page.locator('#seeds .seeds-note').textContent()).toMatch(/^The 10 most trusted/);
    await expect.poll(topList).toEqual(api.items.map((x) => x.name));
    // in time: Trusted PageRank at that moment, and the ring still at the bottom
    await slideTo('2026-01-01');
    expect(await b.page.locator('#size-caption').textContent()).toMatch(/^Node size: Trusted PageRank on /);
    const late = await sizes();
    const lateSmallest = Math.min(...Object.values(late));
    expect(Object.values(late).filter((v) => v > lateSmallest).length).toBeGreaterThan(100);
    for (const id of ring) expect(late[id], id).toBe(lateSmallest);
    await screenshot(b.page, 'trusted-pagerank.png');
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });

  it('Suspected rings lists the rings the API flags with their evidence and where the ranking shown puts them; hovering one lights them alone; Rank by Trusted PageRank sinks them', async () => {
    type Ring = { members: { id: string; name: string }[]; density: number; closedness: number };
    const flagged = ((await t.get('/api/rings')).body as { rings: Ring[] }).rings;
    expect(flagged.length).toBeGreaterThan(0);
    const ring = flagged[0]!;
    const ids = ring.members.map((m) => m.id);
    const errorsBefore = b.errors.length;
    await open();
    const section = b.page.locator('#rings-section');
    await section.waitFor();
    const card = section.locator('.ring').first();
    expect(await section.locator('.ring').count()).toBe(flagged.length);
    expect(await card.getAttribute('data-members')).toBe(ids.join(','));
    expect(await card.locator('.ring-members button').allTextContents()).toEqual(ring.members.map((m) => m.name));
    const pairs = (ids.length * (ids.length - 1)) / 2;
    expect(await card.textContent()).toContain(`${Math.round(ring.density * pairs)} of ${pairs} possible pairs vouch for each other both ways`);

    // where PageRank puts the best placed of them: the API's rank, as every one of the 400 is drawn
    const rankOf = async (metric: string) => {
      const ranks = await Promise.all(
        ring.members.map(async (m) => ({ ...m, rank: ((await t.get(`/api/people/${m.id}/influence`)).body.scores[metric].rank as number) })),
      );
      return ranks.reduce((a, x) => (x.rank < a.rank ? x : a));
    };
    const best = await rankOf('pagerank');
    expect(await card.locator('.ring-standing').textContent()).toBe(`PageRank puts ${best.name} #${best.rank} of 400 on this map.`);
    expect(best.rank).toBeLessThan(40);
    // in time the standing follows the slider, in place: the card under the pointer is not replaced
    const element = await card.elementHandle();
    await slideTo('2025-01-01');
    await expect.poll(() => card.locator('.ring-standing').textContent()).toMatch(/^Influence PageRank on \d+ \w+ 202[45] puts \S+ #\d+ of 400 on this map\.$/);
    expect(await element!.evaluate((e) => e.isConnected)).toBe(true);
    await b.page.locator('#overall').click();
    await expect.poll(() => card.locator('.ring-standing').textContent()).toBe(`PageRank puts ${best.name} #${best.rank} of 400 on this map.`);

    // hovering the card lights the ring and dims everyone else
    const colour = (id: string) => b.page.evaluate((x) => (window.__catalyst.nodeDisplay(x) as { color: string } | null)?.color, id);
    const outsider = 'p-connector';
    const before = await colour(outsider);
    await card.hover();
    await b.page.waitForFunction((n) => (window.__catalyst.render()?.group ?? []).length === n, ids.length);
    expect(await b.page.evaluate(() => window.__catalyst.render()?.group)).toEqual(ids);
    expect(await colour(outsider)).not.toBe(before);
    expect(await colour(ids[0]!)).not.toBe(await colour(outsider));
    await b.page.locator('#top-list').hover();
    await b.page.waitForFunction(() => window.__catalyst.render()?.group === null);
    expect(await colour(outsider)).toBe(before);
    // tabbing into the card lights them too, tabbing out stops
    await card.locator('.ring-members button').first().focus();
    await b.page.waitForFunction((n) => window.__catalyst.render()?.group?.length === n, ids.length);
    await b.page.locator('#search').focus();
    await b.page.waitForFunction(() => window.__catalyst.render()?.group === null);
    // Show comes close to them: the camera zooms in (the link keeps it)
    expect((await b.page.evaluate(() => window.__catalyst.view()!.getCamera())).ratio).toBeGreaterThan(0.5);
    await card.locator('.ring-head button', { hasText: 'Show' }).click();
    await b.page.waitForFunction(() => (window.__catalyst.state().camera?.ratio ?? 1) < 0.4);

    // the ranking that resists them
    await card.locator('button', { hasText: 'Rank by Trusted PageRank' }).click();
    await b.page.waitForFunction(() => window.__catalyst.state().metric === 'pagerank-personalized');
    const sunk = await rankOf('pagerank-personalized');
    await expect
      .poll(() => b.page.locator('#rings-section .ring-standing').first().textContent())
      .toBe(`Trusted PageRank, started from people outside it, puts the best of them #${sunk.rank} of 400 (${sunk.name}).`);
    expect(sunk.rank).toBeGreaterThan(300);
    expect(await section.locator('button', { hasText: 'Rank by Trusted PageRank' }).count()).toBe(0);

    // a name opens that person
    await section.locator('.ring-members button').first().click();
    await b.page.waitForFunction((id) => window.__catalyst.state().person === id, ids[0]);
    await b.page.locator('#panel .person-name').waitFor();

    // with the ring gone, the section says none was found (then the ring is put back, last deleted first)
    const snapshots: unknown[] = [];
    for (const id of ids) snapshots.push((await t.send('DELETE', `/api/people/${id}`)).body);
    expect((await t.get('/api/rings')).body.rings).toEqual([]);
    await open();
    await expect.poll(() => section.locator('.rings').textContent()).toBe('None found: no group here builds its influence on each other alone.');
    expect(await section.locator('.ring').count()).toBe(0);
    for (const snapshot of snapshots.reverse()) {
      const back = await t.send('POST', '/api/people/restore', snapshot);
      expect([back.status, back.body.skipped]).toEqual([201, []]);
    }
    expect((await t.get('/api/rings')).body.rings).toHaveLength(flagged.length);
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });

  it('writes names from the database as text, never as HTML', async () => {
    const name = '<img src=x onerror="window.__xss=1">Mallory';
    const created = await t.send('POST', '/api/people', { id: 'p-mallory', name, sectors: ['music'], offers: ['<b>bold</b>'], seeks: [] });
    expect(created.status).toBe(201);
    await open('?person=p-mallory');
    await b.page.locator('#panel .person-name').waitFor();
    await expect.poll(() => b.page.locator('#panel .person-name').textContent()).toBe(name);
    const search = b.page.locator('#search');
    await search.click();
    await search.pressSequentially('Mallory', { delay: 10 });
    await b.page.locator('#search-list [role=option]').first().waitFor();
    const found = await b.page.evaluate(() => ({
      xss: (window as unknown as { __xss?: number }).__xss ?? null,
      images: document.querySelectorAll('#panel img, #search-list img').length,
      bold: document.querySelectorAll('#panel b').length,
      option: document.querySelector('#search-list [role=option] .search-name')!.textContent,
    }));
    expect(found).toEqual({ xss: null, images: 0, bold: 0, option: name });
  });
});

describe('import', () => {
  it('imports a file from the browser: guesses its format, lists invalid lines and writes nothing, or skips them on request', async () => {
    await open();
    const errorsBefore = b.errors.length;
    await b.page.locator('#import').click();
    const dialog = b.page.locator('dialog.import-dialog');
    await dialog.waitFor({ state: 'visible' });
    const file = {
      name: 'new-people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('id,name,sectors,offers,seeks\nimp-1,Imported One,music,,\nbad-row\nimp-2,Imported Two,film,,\n'),
    };
    await b.page.locator('#import-file').setInputFiles(file);
    await expect.poll(() => b.page.locator('#import-format').inputValue()).toBe('people-csv');
    expect(await dialog.locator('.import-guess').textContent()).toContain('"id" and "name"');
    expect(await dialog.locator('.drop-text').textContent()).toContain('new-people.csv');
    expect(await dialog.locator('.dialog-actions > span').textContent()).toBe('Up to 4 MB per file');

    // A file over the server's limit is refused at once, before any upload.
    const uploads: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (new URL(r.url()).pathname === '/api/import') uploads.push(r.url());
    };
    b.page.on('request', onRequest);
    await b.page.locator('#import-file').setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(5 * 1024 * 1024, 'a') });
    await expect.poll(() => dialog.locator('.import-result .error').textContent()).toBe('huge.csv is 5.0 MB; the server takes up to 4.0 MB per import (CATALYST_IMPORT_LIMIT).');
    expect(await dialog.locator('button[type=submit]').isDisabled()).toBe(true);
    b.page.off('request', onRequest);
    expect(uploads).toEqual([]);
    await b.page.locator('#import-file').setInputFiles(file);
    await expect.poll(() => dialog.locator('.import-result .error').count()).toBe(0);

    // All or nothing: the invalid line is named and nothing is written.
    await dialog.locator('button[type=submit]').click();
    const answer = await t.send('POST', '/api/import?format=people-csv', file.buffer.toString(), 'text/csv');
    expect(answer.status).toBe(422);
    await expect.poll(() => dialog.locator('.import-result .error').textContent(), { timeout: 30_000 }).toBe(answer.body.error.message);
    expect(await dialog.locator('.import-lines li').allTextContents()).toEqual(answer.body.error.details.errors.map((e: { line: number; message: string }) => `line ${e.line} ${e.message}`));
    expect(await dialog.locator('.import-lines li').first().textContent()).toContain('line 3');
    expect((await t.get('/api/people/imp-1')).status).toBe(404);

    // Skipping the invalid lines imports the rest and says which were skipped.
    await dialog.locator('#import-skip').check();
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => dialog.locator('.import-result .ok').textContent(), { timeout: 30_000 }).toContain('written 2 people (all new)');
    expect(await dialog.locator('.import-lines li').first().textContent()).toContain('line 3');
    expect((await t.get('/api/people/imp-2')).body.name).toBe('Imported Two');
    await screenshot(b.page, 'import.png');

    // What is stored can be downloaded from the same dialog, in every export format.
    const links = dialog.locator('.import-downloads a');
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
      ['people-csv', 'events-ndjson', 'ties-csv', 'introductions-csv', 'dismissals-csv', 'gexf', 'graphml'].map((f) => `/api/export?format=${f}`),
    );
    const [people] = await Promise.all([b.page.waitForEvent('download'), links.and(b.page.locator('[data-format="people-csv"]')).click()]);
    expect(people.suggestedFilename()).toBe('catalyst-people.csv');
    expect(readFileSync((await people.path())!, 'utf8')).toContain('imp-2,Imported Two,film');

    // "Show the updated network" reloads the page on the same view.
    await Promise.all([b.page.waitForEvent('load'), dialog.locator('button', { hasText: 'Show the updated network' }).click()]);
    await waitReady(b.page);
    expect(await dialog.count()).toBe(0);
    expect(b.errors.slice(errorsBefore).filter((e) => !e.includes('422'))).toEqual([]);
  });
});

describe('import progress', () => {
  /** Opens the import dialog with a file of 20,000 new ties between people named `prefix-N`, its format guessed. */
  async function dialogWithTies(prefix: string, fileName: string, count = 20_000) {
    await open();
    await b.page.locator('#import').click();
    const dialog = b.page.locator('dialog.import-dialog');
    await dialog.waitFor({ state: 'visible' });
    const rows = Array.from({ length: count }, (_, k) => `${prefix}-${k},${prefix}-${(k * 7 + 1) % count},0.5,,`);
    await b.page.locator('#import-file').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(`from,to,trust,since,lastContact\n${rows.join('\n')}\n`) });
    await expect.poll(() => b.page.locator('#import-format').inputValue()).toBe('ties-csv');
    return dialog;
  }

  it('a large file shows the server’s progress: which pass, how far through the file, how many lines', async () => {
    const dialog = await dialogWithTies('bulk', 'many-ties.csv');
    await b.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progress: string[] }).__progress = seen;
      const text = document.querySelector('.import-progress .progress-text')!;
      new MutationObserver(() => {
        const now = text.textContent ?? '';
        if (now && seen.at(-1) !== now) seen.push(now);
      }).observe(text, { childList: true, characterData: true, subtree: true });
    });
    await dialog.locator('button[type=submit]').click();
    await dialog.locator('.progress-text', { hasText: /Step 2 of 2, writing: [1-9]\d* %/ }).waitFor({ timeout: 60_000 });
    await screenshot(b.page, 'import-progress.png');
    await expect.poll(() => dialog.locator('.import-result .ok').textContent(), { timeout: 120_000 }).toContain('written 20,000 ties');
    const seen = await b.page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    expect(seen.some((s) => /^Step 2 of 2, writing: \d+ % · [\d,]+ lines$/.test(s)), seen.join(' | ')).toBe(true);
    expect(await dialog.locator('.import-progress').isHidden()).toBe(true);
  }, 180_000);

  it('Cancel while the server writes stops the import there, and the dialog says what was stored', async () => {
    // 60,000 ties are 12 batches: with two in flight, Cancel lands well before the last (with 4, it could miss them all)
    const dialog = await dialogWithTies('stop', 'cancel-me.csv', 60_000);
    const tiesBefore = (await t.services.graph.counts()).ties;
    await dialog.locator('button[type=submit]').click();
    await dialog.locator('.progress-text', { hasText: /Step 2 of 2, writing: [1-9]\d* %/ }).waitFor({ timeout: 60_000 });
    await dialog.locator('button', { hasText: 'Cancel' }).click();
    const said = dialog.locator('.import-result p', { hasText: 'had been stored when it stopped' });
    await said.waitFor({ timeout: 30_000 });
    const text = (await said.textContent())!;
    // what the dialog says is what the database holds
    const stored = Number(/(\d[\d,]*) ties had been stored/.exec(text)?.[1]?.replace(/,/g, '') ?? 0);
    const ties = await t.services.graph.counts();
    expect(stored).toBeLessThan(60_000);
    expect(ties.ties - tiesBefore).toBe(stored);
    expect(text).toContain('importing the same file again completes it');
    await screenshot(b.page, 'import-cancelled.png');
    expect(await dialog.locator('button', { hasText: 'Show the updated network' }).isVisible()).toBe(true);
  }, 180_000);
});
