/**
 * Does decayed influence at time t predict who will be active next better than static PageRank does?
 *
 * On college-msg and email-eu-core (SRC DST TIME messages), for several cut times t (after 40–80 % of the
 * messages): build the network from the
 * messages up to t only; rank people by
 *   - static influence PageRank (undecayed, all messages up to t),
 *   - decayed activity at t (Σ fade(t − at) over the messages a person sent), for several half-lives,
 *   - decayed influence PageRank at t (PageRank on the decayed projection at t);
 * and compare each ranking with the people's activity (messages sent) in the next window (t, t + W] by
 * Spearman's rank correlation over everyone seen up to t. Numbers are recorded whatever they are.
 *
 *   npx tsx bench/validate-decay.ts        (needs ../shared/data; writes bench/results/decay-validation.{json,md})
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ProjectionBuilder, type Projection } from '../src/domain/projection.ts';
import { computeMetric } from '../src/engine/centrality/index.ts';
import { buildInfluenceGraph } from '../src/engine/influence-graph.ts';
import { influenceAt } from '../src/engine/time/curves.ts';
import { DAY_MS, uniformFade } from '../src/engine/time/fade.ts';
import { buildInteractionTable } from '../src/engine/time/interaction-table.ts';
import { machine, machineMarkdown, round, writeResults } from './support.ts';

const shared = path.resolve(process.env.CATALYST_SHARED_DIR ?? path.join(import.meta.dirname, '../../shared'));
const DATASETS = [
  { name: 'college-msg', file: 'data/college-msg/CollegeMsg.txt', windowDays: 14 },
  { name: 'email-eu-core', file: 'data/email-eu-core/email-Eu-core-temporal.txt', windowDays: 30 },
];
/** cut times: after these shares of all messages */
const CUTS = [0.4, 0.5, 0.6, 0.7, 0.8];
const HALF_LIVES = [3, 7, 14, 30, 90];

interface Message {
  src: string;
  dst: string;
  at: number;
}

async function readMessages(file: string): Promise<Message[]> {
  const out: Message[] = [];
  const lines = createInterface({ input: createReadStream(path.join(shared, file)), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line || line.startsWith('#')) continue;
    const [src, dst, ts] = line.trim().split(/\s+/);
    if (src === undefined || dst === undefined || ts === undefined || src === dst) continue;
    out.push({ src, dst, at: Number(ts) * 1000 });
  }
  return out.sort((a, b) => a.at - b.at);
}

function projectionUpTo(messages: Message[], t: number): Projection {
  const b = new ProjectionBuilder();
  messages.forEach((m, i) => {
    if (m.at > t) return;
    const id = `m${i}`;
    b.event({ id, at: m.at, magnitude: 1, valence: 0, kind: 'message', sector: 'general', medium: 'message' });
    b.drive(id, m.src);
    b.reach(id, m.dst);
  });
  return b.build();
}

/** Spearman's ρ with average ranks for ties. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  const rx = ranks(x);
  const ry = ranks(y);
  const n = x.length;
  const mean = (n + 1) / 2;
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < n; i++) {
    num += (rx[i]! - mean) * (ry[i]! - mean);
    dx += (rx[i]! - mean) ** 2;
    dy += (ry[i]! - mean) ** 2;
  }
  return dx === 0 || dy === 0 ? 0 : num / Math.sqrt(dx * dy);
}

function ranks(v: readonly number[]): number[] {
  const order = v.map((_, i) => i).sort((a, b) => v[a]! - v[b]!);
  const r = new Array<number>(v.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && v[order[j + 1]!] === v[order[i]!]) j++;
    for (let k = i; k <= j; k++) r[order[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

const m = machine();
const rows: Record<string, unknown>[] = [];
for (const d of DATASETS) {
  const messages = await readMessages(d.file);
  for (const cut of CUTS) {
    // cut after that share of the messages (not of the time span: email-eu-core has long silent gaps)
    const t = messages[Math.floor((messages.length - 1) * cut)]!.at;
    const projection = projectionUpTo(messages, t);
    const people = projection.people.map((p) => p.id);
    const future = new Map<string, number>();
    for (const msg of messages) if (msg.at > t && msg.at <= t + d.windowDays * DAY_MS) future.set(msg.src, (future.get(msg.src) ?? 0) + 1);
    const truth = people.map((id) => future.get(id) ?? 0);
    const scores: Record<string, number> = {};

    const staticGraph = buildInfluenceGraph(projection);
    const pr = computeMetric('pagerank', staticGraph);
    scores['static pagerank'] = spearman(people.map((id) => pr[id] ?? 0), truth);
    const staticActivity = new Map<string, number>();
    for (const msg of messages) if (msg.at <= t) staticActivity.set(msg.src, (staticActivity.get(msg.src) ?? 0) + 1);
    scores['static activity (messages sent so far)'] = spearman(people.map((id) => staticActivity.get(id) ?? 0), truth);

    for (const h of HALF_LIVES) {
      const table = buildInteractionTable(projection, { fades: uniformFade({ model: 'exponential', halfLifeDays: h }) });
      const act = influenceAt(table, t).total;
      scores[`decayed activity, half-life ${h} d`] = spearman(Array.from(act), truth);
      if (h === 7 || h === 30) {
        const decayed = buildInfluenceGraph(table, { at: t });
        const dpr = computeMetric('pagerank', decayed);
        scores[`decayed pagerank, half-life ${h} d`] = spearman(people.map((id) => dpr[id] ?? 0), truth);
      }
    }
    const row = {
      dataset: d.name,
      cut,
      t: new Date(t).toISOString(),
      windowDays: d.windowDays,
      people: people.length,
      activeNext: truth.filter((x) => x > 0).length,
      spearman: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, round(v, 4)])),
    };
    console.error(JSON.stringify(row));
    rows.push(row);
  }
}

const keys = Object.keys((rows[0] as { spearman: Record<string, number> }).spearman);
const command = 'npx tsx bench/validate-decay.ts';
const mean = (dataset: string, key: string) => {
  const xs = rows.filter((r) => r.dataset === dataset).map((r) => (r.spearman as Record<string, number>)[key]!);
  return round(xs.reduce((s, x) => s + x, 0) / xs.length, 4);
};
const md = [
  '# Does decayed influence predict who is active next?',
  '',
  `Command: \`${command}\` (${new Date().toISOString()}). ${machineMarkdown(m)}`,
  '',
  'Cut times t fall after 40, 50, 60, 70 and 80 % of each dataset\'s messages; people seen up to t are ranked by each predictor (computed from',
  'messages up to t only) and compared by Spearman ρ with the number of messages they send in the next window.',
  '',
  `| predictor | ${DATASETS.map((d) => `${d.name} (window ${d.windowDays} d), mean ρ over ${CUTS.length} cuts`).join(' | ')} |`,
  `|---|${DATASETS.map(() => '---').join('|')}|`,
  ...keys.map((k) => `| ${k} | ${DATASETS.map((d) => mean(d.name, k)).join(' | ')} |`),
  '',
  'Per cut:',
  '',
  `| dataset | cut | people | active next | ${keys.join(' | ')} |`,
  `|---|---|---|---|${keys.map(() => '---').join('|')}|`,
  ...rows.map(
    (r) =>
      `| ${r.dataset} | ${r.cut} | ${r.people} | ${r.activeNext} | ${keys.map((k) => (r.spearman as Record<string, number>)[k]).join(' | ')} |`,
  ),
].join('\n');
writeResults('decay-validation', { command, date: new Date().toISOString(), machine: m, cuts: CUTS, halfLivesDays: HALF_LIVES, rows }, md);
console.log(md);
