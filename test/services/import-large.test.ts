/**
 * Imports above the single-transaction size: people stored first, then concurrent batches — CREATE into an
 * empty database, idempotent MERGE into a non-empty one.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportCancelledError } from '../../src/domain/errors.ts';
import { SINGLE_TRANSACTION_RECORDS } from '../../src/services/import.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { sharedPath } from '../support/shared.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('large imports (college-msg, 59,835 messages)', () => {
  const file = () => sharedPath('data/college-msg/CollegeMsg.txt');

  it('is larger than one transaction, so it takes the batched path', () => {
    expect(59_835 + 1_899).toBeGreaterThan(SINGLE_TRANSACTION_RECORDS);
    expect(35_592 + 5_881).toBeGreaterThan(SINGLE_TRANSACTION_RECORDS);
  });

  it('into an empty database: every message becomes an event with its driver and reached person', async () => {
    const r = await t.services.importer.import({ format: 'snap-temporal', open: () => createReadStream(file()) });
    expect(r.transactions).toBeGreaterThan(1);
    expect(await t.services.graph.counts()).toEqual({ people: 1899, events: 59835, ties: 0, introductions: 0 });
    const e = (await t.get(`/api/events/${encodeURIComponent('msg:1:2:1082040961')}`)).body;
    expect(e).toMatchObject({ kind: 'message', drivers: [{ person: '1' }], reached: [{ person: '2', weight: 1 }] });
    const p = await t.services.graph.loadProjection();
    expect(p.drove.count).toBe(59835);
    expect(p.reached.count).toBe(59835);
  }, 600_000);

  it('again, into the now non-empty database: nothing changes', async () => {
    await t.services.importer.import({ format: 'snap-temporal', open: () => createReadStream(file()) });
    expect(await t.services.graph.counts()).toEqual({ people: 1899, events: 59835, ties: 0, introductions: 0 });
    const p = await t.services.graph.loadProjection();
    expect(p.drove.count).toBe(59835);
    expect(p.reached.count).toBe(59835);
  }, 600_000);
});

describe('large imports that repeat a person within an event', () => {
  it('into an empty database, a repeated driver or reached person gets one link with the last role or weight, as a merge gives', async () => {
    await t.services.graph.clear();
    const lines: string[] = [];
    const count = SINGLE_TRANSACTION_RECORDS + 1; // above one transaction: the CREATE path
    for (let k = 0; k < count; k++) {
      const repeat = k === 7;
      lines.push(
        JSON.stringify({
          id: `e${k}`,
          at: '2024-01-01T00:00:00Z',
          drivers: repeat ? [{ person: 'ana', role: 'host' }, { person: 'omar' }, { person: 'ana', role: 'co-host' }] : [{ person: 'ana' }],
          reached: repeat ? [{ person: 'zoe', weight: 2 }, { person: 'zoe', weight: 4 }] : [{ person: 'omar', weight: 1 }],
        }),
      );
    }
    const text = `${lines.join('\n')}\n`;
    const r = await t.services.importer.import({ format: 'events-ndjson', open: () => Readable.from([text]) });
    expect(r.transactions).toBeGreaterThan(1);
    const e = (await t.get('/api/events/e7')).body;
    expect(e.drivers).toHaveLength(2);
    expect(e.drivers).toEqual(expect.arrayContaining([{ person: 'ana', role: 'co-host' }, expect.objectContaining({ person: 'omar' })]));
    expect(e.reached).toEqual([{ person: 'zoe', weight: 4 }]);
    const p = await t.services.graph.loadProjection();
    expect(p.drove.count).toBe(count + 1);
    expect(p.reached.count).toBe(count);
  }, 600_000);
});

describe('cancelling a large import (college-msg)', () => {
  const file = () => sharedPath('data/college-msg/CollegeMsg.txt');
  /** Imports college-msg, aborting once the writing pass has read its first lines; returns the error. */
  const cancelWhileWriting = async (): Promise<ImportCancelledError> => {
    const controller = new AbortController();
    const err = await t.services.importer
      .import({
        format: 'snap-temporal',
        open: () => createReadStream(file()),
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'writing' && p.lines > 0) controller.abort();
        },
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(ImportCancelledError);
    return err as ImportCancelledError;
  };

  it('cancelled while checking the file: nothing is written', async () => {
    await t.services.graph.clear();
    const controller = new AbortController();
    controller.abort();
    const err = await t.services.importer.import({ format: 'snap-temporal', open: () => createReadStream(file()), signal: controller.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportCancelledError);
    expect((err as ImportCancelledError).status).toBe(499);
    expect((err as Error).message).toBe('The import was cancelled while checking the file; nothing was written');
    expect((err as ImportCancelledError).stored).toBe(false);
    expect(await t.services.graph.counts()).toEqual({ people: 0, events: 0, ties: 0, introductions: 0 });
  }, 600_000);

  it('cancelled while writing into an empty database: it stops part-way, says what it stored, and that is what is stored', async () => {
    await t.services.graph.clear();
    const err = await cancelWhileWriting();
    const { written, phase } = err.details as { written: { people: number; events: number }; phase: string };
    expect(phase).toBe('writing');
    expect(err.stored).toBe(true);
    const stored = await t.services.graph.counts();
    expect(stored.people).toBe(1899); // every person the file names goes first
    expect(stored.events).toBe(written.events);
    expect(stored.events).toBeLessThan(59_835);
    expect(err.message).toBe(
      `The import was cancelled while writing; 1,899 people${written.events > 0 ? `, ${written.events.toLocaleString('en-US')} events` : ''} had been stored when it stopped: ` +
        'the database was empty before: clear it (catalyst clear --yes) and import the file again',
    );
  }, 600_000);

  it('cancelled while writing into a non-empty database: importing the same file again completes it', async () => {
    const err = await cancelWhileWriting();
    expect(err.message).toMatch(/had been stored when it stopped: importing the same file again completes it$/);
    await t.services.importer.import({ format: 'snap-temporal', open: () => createReadStream(file()) });
    expect(await t.services.graph.counts()).toEqual({ people: 1899, events: 59835, ties: 0, introductions: 0 });
  }, 600_000);
});
