import { defineConfig } from 'vitest/config';

// Fast loop for pure tests (engine, parsers) without starting Neo4j: `npx vitest run -c vitest.unit.config.ts test/engine`.
// `npm test` always uses vitest.config.ts, which starts the real embedded Neo4j.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000 },
});
