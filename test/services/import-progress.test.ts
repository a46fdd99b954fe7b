import { describe, expect, it } from 'vitest';
import { ImportProgressBoard, KEEP_MS, MAX_ENTRIES } from '../../src/services/import-progress.ts';

describe('ImportProgressBoard', () => {
  it('follows an import from validating to done, with the time it took', () => {
    let now = 1_000;
    const board = new ImportProgressBoard(() => now);
    expect(board.start('import-1', 500)).toBe(true);
    expect(board.get('import-1')).toEqual({ id: 'import-1', phase: 'validating', lines: 0, bytes: 0, totalBytes: 500, elapsedMs: 0 });
    now += 40;
    board.update('import-1', { phase: 'writing', lines: 10, bytes: 200 });
    expect(board.get('import-1')).toMatchObject({ phase: 'writing', lines: 10, bytes: 200, elapsedMs: 40 });
    now += 10;
    board.finish('import-1', 'done');
    board.update('import-1', { phase: 'validating', lines: 1, bytes: 1 });
    now += 1_000;
    expect(board.get('import-1')).toMatchObject({ phase: 'done', lines: 10, elapsedMs: 50, stored: true });
  });

  it('refuses the id of a running import, takes it again once that one ended', () => {
    const board = new ImportProgressBoard(() => 0);
    expect(board.start('same-id-1', 1)).toBe(true);
    expect(board.start('same-id-1', 1)).toBe(false);
    board.finish('same-id-1', 'failed');
    expect(board.get('same-id-1')!.phase).toBe('failed');
    // nothing said about what was stored: the board does not guess
    expect(board.get('same-id-1')!.stored).toBeUndefined();
    expect(board.start('same-id-1', 2)).toBe(true);
    expect(board.get('same-id-1')).toMatchObject({ phase: 'validating', totalBytes: 2 });
  });

  it(`forgets a finished import ${KEEP_MS / 60_000} minutes after it ended, and the oldest finished ones beyond ${MAX_ENTRIES}`, () => {
    let now = 0;
    const board = new ImportProgressBoard(() => now);
    board.start('old-import', 1);
    board.finish('old-import', 'done');
    board.start('running-import', 1);
    now = KEEP_MS;
    expect(board.get('old-import')).not.toBeNull();
    now = KEEP_MS + 1;
    expect(board.get('old-import')).toBeNull();
    for (let k = 0; k < MAX_ENTRIES + 5; k++) {
      board.start(`finished-${k}`, 1);
      board.finish(`finished-${k}`, 'done');
    }
    expect(board.get('finished-0')).toBeNull();
    expect(board.get(`finished-${MAX_ENTRIES + 4}`)).not.toBeNull();
    expect(board.get('running-import')).toMatchObject({ phase: 'validating' });
  });
});
