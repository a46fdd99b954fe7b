/**
 * The Undo of deleting someone at the centre of a real network: in email-Eu-core's first department, person 90
 * sent 9,608 of its 61,046 messages, so what the delete answers (and the Undo sends back) is several megabytes,
 * above the JSON body limit that guards every other route. The restore must still take it: the delete has
 * already happened, and a refused Undo would lose everything that went with them.
 */
import { createReadStream } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { sharedPath } from '../support/shared.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const file = sharedPath('data/email-eu-core/email-Eu-core-temporal-Dept1.txt');
  await t.services.importer.import({ format: 'snap-temporal', open: () => createReadStream(file) });
}, 600_000);
afterAll(async () => {
  await t.close();
});

/** Every event naming the person, as the API pages them: id, drivers and reached. */
async function eventsOf(id: string): Promise<string[]> {
  const out: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = (await t.get(`/api/events?person=${id}&role=any&limit=500&offset=${offset}`)).body as { items: unknown[]; total: number };
    out.push(...page.items.map((e) => JSON.stringify(e)));
    if (offset + 500 >= page.total) return out.sort();
  }
}

describe('undoing the delete of a hub (email-Eu-core, department 1)', () => {
  it('restores person 90 with the 9,608 messages they sent, though the snapshot is far above the JSON body limit', async () => {
    const counts = await t.services.graph.counts();
    const footprint = (await t.get('/api/people/90/footprint')).body;
    const events = await eventsOf('90');
    expect(events.length).toBeGreaterThan(9_608);

    const deleted = await t.send('DELETE', '/api/people/90');
    expect(deleted.status).toBe(200);
    const snapshot = deleted.body as { events: unknown[] };
    expect(snapshot.events).toHaveLength(9_608);
    const bytes = Buffer.byteLength(JSON.stringify(snapshot));
    expect(bytes).toBeGreaterThan(2 * 1024 * 1024); // twice CATALYST_BODY_LIMIT's default of 1mb
    expect((await t.services.graph.counts()).events).toBe(counts.events - 9_608);

    const restored = await t.send('POST', '/api/people/restore', snapshot);
    expect(restored.status).toBe(201);
    expect(restored.body.skipped).toEqual([]);
    expect(restored.body.restored.events).toBe(9_608);
    expect(await t.services.graph.counts()).toEqual(counts);
    expect((await t.get('/api/people/90/footprint')).body).toEqual(footprint);
    expect(await eventsOf('90')).toEqual(events);
  }, 600_000);

  it('still refuses any other body above the limit, naming it', async () => {
    const big = { id: 'p-big', name: 'x'.repeat(2 * 1024 * 1024) };
    const res = await t.send('POST', '/api/people', big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});
