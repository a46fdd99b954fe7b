/**
 * The report of bench/eval-introductions.ts: the plain-words notes on each dataset's numbers (buildReport) and
 * the Markdown page (markdown). It formats what the evaluation measured and computes nothing of its own.
 */
import type { DatasetResult, MethodResult, Setting } from './eval-introductions.ts';
import { machine } from './support.ts';

export type Report = ReturnType<typeof buildReport>;

const sign = (x: number): string => (x > 0 ? `+${x}` : String(x));
const pct = (x: number): string => `${Math.round(x * 1000) / 10} %`;

export function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : String(x);
}

function describeSetting(s: Setting): string {
  const h = (d: number) => (d === Number.POSITIVE_INFINITY ? '∞' : `${d} d`);
  return (
    `tie half-life ${h(s.halfLifeDays)}, ${s.degreePenalty === 'adamic-adar' ? 'AA' : 'RA'}, openness ${s.openness}` +
    (s.openness > 0 ? ` (half-life ${h(s.opennessHalfLifeDays)})` : '') +
    `, γ ${s.degreeNormalisation}, sectors ${s.sectors}`
  );
}

function row(r: MethodResult): string {
  return `| ${r.method} | ${fmt(r.precision[10])} | ${fmt(r.precision[100])} | ${fmt(r.precision[1000])} | ${fmt(r.recall[10])} | ${fmt(r.recall[100])} | ${fmt(r.recall[1000])} | ${r.hits[100]} | ${r.hits[1000]} | ${fmt(r.auc)} |`;
}

export function markdown(report: Report, resamples: number): string {
  const lines: string[] = [];
  lines.push('# Introduction scorer as a predictor of new ties');
  lines.push('');
  lines.push(`Command: \`${report.command}\` — ${report.date}`);
  lines.push('');
  const m = report.machine;
  lines.push(`Machine: ${m.os}; ${m.cpu}, ${m.cores} cores; ${m.memoryGiB} GiB; Node ${m.node}; load average ${m.loadAverage.join(', ')} (shared machine). Total ${report.seconds} s.`);
  lines.push('');
  lines.push(
    'Protocol (bench/eval-introductions.ts): network from the first 80 % of the time span; positives = unordered pairs that first interact in the last 20 %, both people seen in training, not linked in training (no message either way). ' +
      '**Candidates, the same for every method: all unordered pairs of people seen in training that are not linked in training.** Every method, the product scorer included (DESIGN.md: candidates are reachable through someone both trust), scores only the candidates with a common acquaintance; the others score 0. ' +
      'Global ranking of the candidates, ties broken by the same seeded hash of the pair for every method (never by person index, which follows join order). AUC: all positives vs 10,000 sampled non-positive candidates (fixed seed). ' +
      'The scorer\'s weights are fitted on two inner folds of the training window only (network [t0, t0 + 0.6 L) → positives in the next 0.2 L; network [t0, t0 + 0.8 L) → positives in [t0 + 0.8 L, cut]; L = cut − t0), by Σ ln(1 + hits@100) + ln(1 + hits@1000) over the folds; the test window is used once, for the numbers below.',
  );
  for (const d of report.datasets) {
    lines.push('');
    lines.push(`## ${d.dataset}`);
    lines.push('');
    lines.push(
      `\`${d.file}\` (read as: ${d.layout}). Training: ${d.training.rows.toLocaleString('en')} rows (messages or ratings), ${d.training.people.toLocaleString('en')} people, ${d.training.acquaintancePairs.toLocaleString('en')} linked pairs, ${d.training.communities} Louvain communities. Test: ${d.test.rows.toLocaleString('en')} rows, **${d.test.positives} positive${d.test.positives === 1 ? '' : 's'}**, ${d.test.positivesAtDistance2} of them with a common acquaintance in training (the rest score 0 for every method). Sectors: ${d.sectors}.`,
    );
    lines.push('');
    if (d.sampling.fraction < 1) {
      lines.push(
        `**Pairs ranked among a seeded sample of ${d.sampling.sampledPeople.toLocaleString('en')} of the ${d.training.people.toLocaleString('en')} people** (${Math.round(d.sampling.fraction * 1000) / 10} %): the training network has ${d.sampling.wedges.toLocaleString('en')} wedges, over the budget of ${d.sampling.wedgeBudget.toLocaleString('en')}. Scores use the whole network; positives and AUC pairs are drawn among the sampled people, for every method alike.`,
      );
      lines.push('');
    }
    lines.push('| method | P@10 | P@100 | P@1000 | R@10 | R@100 | R@1000 | hits@100 | hits@1000 | AUC |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of d.results) lines.push(row(r));
    lines.push('');
    lines.push(`Fitted weights: ${describeSetting(d.results[0].weights!)}; fixed: minTrust ${d.fit.fixed.minTrust}, undatedRecency ${d.fit.fixed.undatedRecency}, bridging 0 (complementarity and the introducer record have nothing to act on here: no offers/seeks, no introductions). ${d.fit.settings} settings scored; the grid's shortcut ${d.fit.shortcutAgreesWithEngine ? 'gives the same test hits as' : '**differs from**'} the engine end to end. ${d.seconds} s (fit ${d.fitSeconds} s).`);
    lines.push('');
    lines.push(
      `Scorer − Adamic-Adar, hits on the test window with a paired bootstrap over its ${d.test.positives} positive pairs (${resamples} resamples; 95 % interval; share of resamples where the scorer is ahead): ` +
        d.versusAdamicAdar.map((x) => `@${x.k} ${sign(x.observed)} [${sign(x.interval[0])}, ${sign(x.interval[1])}], ${Math.round(x.scorerAhead * 100)} %`).join('; ') +
        '.',
    );
    lines.push('');
    lines.push(
      `Per person, the product's own question ("whom should I meet?"): each of the ${d.perPerson[0].people} people who made a new acquaintance in the test window is given their own list of suggestions (the candidate pairs that include them, by the method's score); the share of them with a new acquaintance first in their list, in their first ten, and the mean reciprocal rank of the first one. Not what the weights are fitted for (the global ranking is).`,
    );
    lines.push('');
    lines.push('| method | hit@1 | hit@10 | MRR |');
    lines.push('|---|---:|---:|---:|');
    for (const r of d.perPerson) lines.push(`| ${r.method} | ${fmt(r.hitRate[1])} | ${fmt(r.hitRate[10])} | ${fmt(r.mrr)} |`);
    lines.push('');
    lines.push(
      `Fitted scorer − Adamic-Adar, people with a new acquaintance in their own top k, paired bootstrap over those ${d.perPerson[0].people} people: ` +
        d.perPersonVersusAdamicAdar.map((x) => `@${x.k} ${sign(x.observed)} [${sign(x.interval[0])}, ${sign(x.interval[1])}], ahead in ${Math.round(x.scorerAhead * 100)} %`).join('; ') +
        '.',
    );
    lines.push('');
    lines.push('Inner folds (training window only), hits@100/@1000:');
    lines.push('');
    lines.push('| fitted within | chosen weights | fold 1 | fold 2 | objective | inner AUC | test hits@100/@1000 | test AUC |');
    lines.push('|---|---|---:|---:|---:|---:|---:|---:|');
    const testOf = (name: string) => (name === 'scorer' ? d.results[0] : d.ideas.find((r) => r.method === `idea: ${name}`)!);
    for (const c of d.fit.choices) {
      const t = testOf(c.family);
      lines.push(
        `| ${c.family === 'scorer' ? '**scorer** (full grid, both folds)' : `${c.family}: ${c.why}`} | ${describeSetting(c.setting)} | ${c.innerHits[0][100]}/${c.innerHits[0][1000]} | ${c.innerHits[1][100]}/${c.innerHits[1][1000]} | ${fmt(c.objective, 2)} | ${fmt(c.innerAuc)} | ${t.hits[100]}/${t.hits[1000]} | ${fmt(t.auc)} |`,
      );
    }
    const [f1, f2] = d.fit.innerFolds;
    lines.push(`| Adamic-Adar (baseline) | – | ${f1.adamicAdarHits[100]}/${f1.adamicAdarHits[1000]} | ${f2.adamicAdarHits[100]}/${f2.adamicAdarHits[1000]} | | | ${d.results[2].hits[100]}/${d.results[2].hits[1000]} | ${fmt(d.results[2].auc)} |`);
    lines.push(`| common neighbours (baseline) | – | ${f1.commonNeighboursHits[100]}/${f1.commonNeighboursHits[1000]} | ${f2.commonNeighboursHits[100]}/${f2.commonNeighboursHits[1000]} | | | ${d.results[3].hits[100]}/${d.results[3].hits[1000]} | ${fmt(d.results[3].auc)} |`);
    lines.push('');
    lines.push(`Inner positives: fold 1 ${f1.positives} (${f1.people} people), fold 2 ${f2.positives} (${f2.people} people). "one inner fold" is fitted on fold 2 only and "forward check" on fold 1 only, so their objectives count that fold alone. Test numbers of the ideas come from the grid's shortcut on the test window, after every choice was made.`);
  }
  lines.push('');
  lines.push('## Reading the numbers');
  lines.push('');
  for (const note of report.notes) lines.push(`- ${note}`);
  lines.push('');
  return lines.join('\n');
}

export function buildReport(datasets: DatasetResult[], seconds: number, command: string) {
  const notes: string[] = [];
  for (const d of datasets) {
    if (d.test.positives === 0) {
      notes.push(
        `${d.dataset}: no pair of people seen in training first interacts in the test window (${d.test.rows.toLocaleString('en')} rows there, all between pairs already linked or involving newcomers): there is nothing to predict, so its precision, recall and AUC (undefined, shown as NaN) say nothing about any method.`,
      );
      continue;
    }
    const scorer = d.results[0];
    const aa = d.results.find((r) => r.method === 'Adamic-Adar')!;
    const verdict = scorer.hits[100] > aa.hits[100] ? 'beats' : scorer.hits[100] === aa.hits[100] ? 'ties' : 'trails';
    notes.push(
      `${d.dataset}: the fitted scorer ${verdict} plain Adamic-Adar at k = 100 (${scorer.hits[100]} vs ${aa.hits[100]} hits of ${d.test.positives} positives; at k = 1000 ${scorer.hits[1000]} vs ${aa.hits[1000]}); AUC ${fmt(scorer.auc)} vs ${fmt(aa.auc)}. ` +
        `The 95 % bootstrap interval of the hits@100 difference is [${d.versusAdamicAdar[1].interval.join(', ')}]` +
        (d.versusAdamicAdar[1].interval[0] <= 0 && d.versusAdamicAdar[1].interval[1] >= 0 ? ': this window cannot tell the two apart at k = 100.' : '.'),
    );
    const [fittedPersonal, defaultsPersonal, aaPersonal] = d.perPerson;
    notes.push(
      `${d.dataset}, per person: ${pct(fittedPersonal.hitRate[10])} of the ${fittedPersonal.people} people who made a new acquaintance find one in their own top ten with the fitted scorer, ${pct(defaultsPersonal.hitRate[10])} with the engine's defaults, ${pct(aaPersonal.hitRate[10])} with Adamic-Adar` +
        ` (fitted − Adamic-Adar: ${sign(d.perPersonVersusAdamicAdar[1].observed)} people, 95 % interval [${sign(d.perPersonVersusAdamicAdar[1].interval[0])}, ${sign(d.perPersonVersusAdamicAdar[1].interval[1])}]); ` +
        `in the forward check inside the training window (fitted on inner fold 1, scored on fold 2's ${d.forwardPerPerson.scorer.people} people), ${pct(d.forwardPerPerson.scorer.hitRate[10])} against ${pct(d.forwardPerPerson.adamicAdar.hitRate[10])}` +
        ` (${sign(d.forwardPerPerson.versusAdamicAdar[1].observed)} people, 95 % interval [${sign(d.forwardPerPerson.versusAdamicAdar[1].interval[0])}, ${sign(d.forwardPerPerson.versusAdamicAdar[1].interval[1])}]).`,
    );
    const forward = d.fit.choices.find((c) => c.family === 'forward check')!;
    const f2 = d.fit.innerFolds[1];
    const at100 = d.forwardVersusAdamicAdar[1];
    notes.push(
      `${d.dataset}, forward check inside the training window: fitted on inner fold 1 alone, the scorer finds ${forward.innerHits[1][100]} of inner fold 2's ${f2.positives} new pairs in its top 100 (${forward.innerHits[1][1000]} in its top 1000), a window it was not fitted on, against ${f2.adamicAdarHits[100]} (${f2.adamicAdarHits[1000]}) for Adamic-Adar; ` +
        `hits@100 difference ${sign(at100.observed)}, 95 % bootstrap interval [${sign(at100.interval[0])}, ${sign(at100.interval[1])}].`,
    );
  }
  if (datasets.some((d) => d.dataset === 'college-msg')) {
    notes.push(
      'Few pairs form in the test windows (CollegeMsg activity fades after its first months; email-Eu-core has a gap, then a short burst at the very end of its span), so hits@100 are single digits and one hit moves precision@100 by 0.01: read P@100 as counts, and AUC and P@1000 as the steadier signals.',
    );
    notes.push(
      'The same protocol on a third temporal dataset, outside the CI run (`--only-extra --extra ../shared/data/bitcoin-otc/soc-sign-bitcoinotc.csv`), is recorded in introductions-eval-extra.md.',
    );
  }
  notes.push(
    'What the scorer adds to Adamic-Adar: tie recency (both ties of each common acquaintance), trust derived from message volume, openness (how many new acquaintances each side made lately, half-life fitted), and degree normalisation of the two people ((deg a · deg b)^−γ, γ fitted in both directions: γ > 0 discounts well-connected people, γ < 0 leans towards preferential attachment). The "ideas" rows are the scorer fitted without one of them, chosen on the inner folds in the same way.',
  );
  return { command, date: new Date().toISOString(), machine: machine(), seconds, datasets, notes };
}
