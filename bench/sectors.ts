/**
 * The sectors side by side and influence by sector over time on a network with many sectors: email-Eu-core's
 * 332,334 messages, each in the department of its sender (42 sectors, 986 people), as the engine computes them for
 * GET /api/sectors and GET /api/breakdown/timeline (the API adds the read from Neo4j, done once per change).
 * Median of 5 runs each.   npx tsx bench/sectors.ts
 */
import { readFileSync } from 'node:fs';
import { ProjectionBuilder } from '../src/domain/projection.ts';
import { sectorOverview } from '../src/engine/sector-overview.ts';
import { groupCurves } from '../src/engine/time/group-curves.ts';
import { buildInteractionTable } from '../src/engine/time/interaction-table.ts';
import { sharedPath } from '../test/support/shared.ts';
import { machine, machineMarkdown, median, round, writeResults } from './support.ts';

const dir = sharedPath('data', 'email-eu-core');
const department = new Map(
  readFileSync(`${dir}/email-Eu-core-department-labels.txt`, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(/\s+/) as [string, string]),
);
const rows = readFileSync(`${dir}/email-Eu-core-temporal.txt`, 'utf8').trim().split('\n');
const b = new ProjectionBuilder();
const T0 = Date.UTC(2020, 0, 1);
rows.forEach((line, i) => {
  const [src, dst, t] = line.split(/\s+/) as [string, string, string];
  const id = `m${i}`;
  b.event({ id, at: T0 + Number(t) * 1000, kind: 'message', sector: `department ${department.get(src) ?? 'unknown'}`, medium: 'email', magnitude: 1, valence: 0 });
  b.drive(id, src);
  b.reach(id, dst, 1);
});
const projection = b.build();
const table = buildInteractionTable(projection);

const RUNS = 5;
const time = (f: () => unknown) => {
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return round(median(ms), 1);
};
const results = {
  machine: machine(),
  data: { events: projection.events.count, people: projection.people.length, sectors: projection.events.sectors.length },
  ms: {
    sectorOverviewAllTime: time(() => sectorOverview(table, { carriers: 50 })),
    sectorOverviewAtTime: time(() => sectorOverview(table, { at: table.lastAt - 30 * 86_400_000, carriers: 50 })),
    groupCurves120: time(() => groupCurves(table, { by: 'sector', from: table.firstAt, to: table.lastAt, points: 120 })),
  },
};
const md = `# Sectors side by side, and by sector over time

Command: \`npx tsx bench/sectors.ts\` — ${new Date().toISOString()}

${machineMarkdown(results.machine)}

email-Eu-core: ${results.data.events.toLocaleString('en-US')} messages, ${results.data.people.toLocaleString('en-US')} people, each message in its sender's department: ${results.data.sectors} sectors. Engine only (the API reads the store once per change); median of ${RUNS} runs.

| what | ms |
|---|---:|
| \`sectorOverview\`, all time (matrices, flows, 50 carriers per sector) | ${results.ms.sectorOverviewAllTime} |
| \`sectorOverview\` at a time (decayed) | ${results.ms.sectorOverviewAtTime} |
| \`groupCurves\` by sector, 120 times | ${results.ms.groupCurves120} |
`;
writeResults('sectors', results, md);
console.log(md);
