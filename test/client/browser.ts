/**
 * Helpers for the browser tests and the render benchmark: build the client when its build is missing or
 * older than its sources, and start Debian's Chromium (headless, fresh profile) through playwright-core.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const root = path.resolve(import.meta.dirname, '../..');
export const artifactsDir = path.join(root, 'test-artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function newest(dir: string): number {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds client/dist with vite when it is missing or older than client/ or the shared API types. */
export function ensureClientBuilt(): void {
  const built = path.join(root, 'client', 'dist', 'index.html');
  const sources = Math.max(newest(path.join(root, 'client')), newest(path.join(root, 'src', 'domain')), statSync(path.join(root, 'src', 'api', 'contract.ts')).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const r = spawnSync('npx', ['vite', 'build', '--config', 'client/vite.config.ts'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** messages the page logged as errors, and uncaught exceptions */
  errors: string[];
  close(): Promise<void>;
}

/** Chromium with a fresh profile in a temporary folder (removed on close). */
export async function launchBrowser(viewport = { width: 1440, height: 900 }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is needed at ${CHROMIUM} for the browser tests: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'catalyst-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport, acceptDownloads: true });
  // tsx (esbuild keepNames) wraps named functions in page.evaluate callbacks with __name(); give pages a no-op.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the client drew its graph and loaded its timeline (window.__catalyst.ready), or failed. */
export async function waitReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => window.__catalyst?.ready === true || window.__catalyst?.error != null, null, { timeout });
  const error = await page.evaluate(() => window.__catalyst.error);
  if (error) throw new Error(`the client reported: ${error}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, name);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Share of pixels in a PNG that differ clearly from the background, measured in the page (the PNG is
 * decoded by the browser, so no image library is needed here).
 */
export async function inkRatio(page: Page, png: Buffer, background = [14, 17, 23]): Promise<number> {
  return page.evaluate(
    async ({ b64, bg }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) {
        const d = Math.abs(data[i]! - bg[0]!) + Math.abs(data[i + 1]! - bg[1]!) + Math.abs(data[i + 2]! - bg[2]!);
        if (d > 60) ink++;
      }
      return ink / (data.length / 4);
    },
    { b64: png.toString('base64'), bg: background },
  );
}
