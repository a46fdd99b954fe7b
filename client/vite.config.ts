/**
 * Builds the browser client into client/dist (served at / by the Express app). `npx vite --config
 * client/vite.config.ts` runs a dev server that proxies /api to a running Catalyst (CATALYST_API, default
 * http://localhost:3000).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': process.env.CATALYST_API ?? 'http://localhost:3000' },
  },
  logLevel: 'warn',
});
