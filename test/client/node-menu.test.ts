/** Where the map's right-click menu opens: at the pointer, flipped to stay inside the map (the browser test clicks it). */
import { describe, expect, it } from 'vitest';
import { menuPlace } from '../../client/src/panel/node-menu.ts';

describe('menuPlace', () => {
  const box = { width: 800, height: 600 };
  const menu = { width: 200, height: 150 };
  it('opens at the pointer when it fits', () => {
    expect(menuPlace({ x: 100, y: 100 }, menu, box)).toEqual({ left: 100, top: 100 });
    expect(menuPlace({ x: 600, y: 450 }, menu, box)).toEqual({ left: 600, top: 450 });
  });
  it('flips left near the right edge and up near the bottom, never past the top left', () => {
    expect(menuPlace({ x: 700, y: 100 }, menu, box)).toEqual({ left: 500, top: 100 });
    expect(menuPlace({ x: 100, y: 500 }, menu, box)).toEqual({ left: 100, top: 350 });
    expect(menuPlace({ x: 150, y: 100 }, menu, { width: 300, height: 200 })).toEqual({ left: 0, top: 0 });
  });
});
