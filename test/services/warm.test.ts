import { describe, expect, it } from 'vitest';
import { GraphVersion } from '../../src/services/graph-version.ts';
import { warmAfterChanges } from '../../src/services/warm.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('warming after changes', () => {
  it('warms once, a moment after the last of a burst of changes to people, events or ties', async () => {
    const version = new GraphVersion();
    let warmed = 0;
    const stop = warmAfterChanges(version, async () => void warmed++, 60);
    version.bump('graph');
    await wait(30);
    version.bump('graph');
    version.bump('graph');
    await wait(30);
    expect(warmed).toBe(0);
    await wait(60);
    expect(warmed).toBe(1);
    stop();
  });

  it('leaves changes to introductions alone, and stops when told', async () => {
    const version = new GraphVersion();
    let warmed = 0;
    const stop = warmAfterChanges(version, async () => void warmed++, 20);
    version.bump('introductions');
    await wait(50);
    expect(warmed).toBe(0);
    version.bump('graph');
    stop();
    await wait(50);
    expect(warmed).toBe(0);
  });
});
