/**
 * A large temporal edge list for measuring how the introduction evaluation scales, not what it predicts:
 * Slashdot's 82k-person graph (../shared/data/soc-slashdot0902) with every tie written `repeats` times, each at a
 * seeded random second over three years, as `SRC DST TIME` lines. Its numbers in the evaluation mean nothing (the
 * times are random); its size, people and wedges are those of a real social network.
 *
 *   npx tsx bench/make-scale-file.ts 9 /tmp/scale-8m.txt     # 8.5M rows, 187 MB
 *   npx tsx bench/make-scale-file.ts 21 /tmp/scale-20m.txt   # 19.9M rows, 436 MB: 621 s, 3.9 GB peak RSS (2026-11-23)
 *   npm run eval:introductions -- --only-extra --extra /tmp/scale-8m.txt
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { seededRng } from '../src/engine/rng.ts';
import { sharedPath } from '../test/support/shared.ts';

const [repeatsArg, out] = process.argv.slice(2);
const repeats = Number(repeatsArg);
if (!Number.isInteger(repeats) || repeats < 1 || !out) {
  console.error('usage: npx tsx bench/make-scale-file.ts REPEATS OUT_FILE   (REPEATS ≥ 1: rows = 948,464 × REPEATS)');
  process.exit(2);
}
const ties = gunzipSync(readFileSync(sharedPath('data/soc-slashdot0902/soc-Slashdot0902.txt.gz')))
  .toString('utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'))
  .map((l) => l.split(/\s+/));
const rng = seededRng(2009);
const start = 1_230_768_000; // 2009-01-01
const span = 3 * 365 * 86_400;
const file = createWriteStream(out);
let chunk: string[] = [];
let rows = 0;
for (let r = 0; r < repeats; r++) {
  for (const [a, b] of ties) {
    chunk.push(`${a} ${b} ${start + Math.floor(rng() * span)}\n`);
    rows++;
    if (chunk.length === 100_000) {
      file.write(chunk.join(''));
      chunk = [];
    }
  }
}
file.end(chunk.join(''), () => console.log(`wrote ${out}: ${rows.toLocaleString('en-US')} rows`));
