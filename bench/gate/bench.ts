/**
 * `npm run bench -- gate`: decisions per second of our decide(), casbin (enforceSync) and cedar-wasm
 * (statefulIsAuthorized on a pre-parsed policy set) on one generated corpus, in one run
 * (issue 3 benchmarks; research/authz.md §1 for the method). bench/run.ts writes the result to
 * bench/results/gate.json.
 *
 * - Corpus: generateCorpus({ seed: 2026, size: 10,000 }) — the differential test's corpus
 *   (BENCH_GATE_SIZE overrides the size).
 * - Each engine answers every request of the corpus; "identical" is true when the three decision
 *   vectors are equal (compared byte for byte, with their SHA-256 recorded).
 * - Timing: per engine one warm-up pass and 5 timed passes over the whole corpus; the median pass
 *   gives decisions/s. A pass of decide() repeats the corpus until it lasts ≥ 250 ms (it is ~1,000×
 *   faster than the others). Each engine's time includes what it needs per decision: decide() the
 *   full Decision with its explanation; casbin and Cedar the pre-computation and slice building of
 *   casbin.ts / cedar.ts (one call per involvement).
 * - The machine is shared: load averages at start and end are recorded with the figures.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { CATALOGUE_2026_1 } from '../../src/core/policy/catalogue-fixture.ts';
import { compilePolicy } from '../../src/core/policy/compile.ts';
import { decide } from '../../src/core/policy/decide.ts';
import { generateCorpus, type GateRequest } from './corpus.ts';
import { CasbinGate, casbinRows } from './casbin.ts';
import { CedarGate, cedarWasm } from './cedar.ts';

const SEED = 2026;
const SIZE = Number(process.env.BENCH_GATE_SIZE ?? 10_000);
const PASSES = 5;
const MIN_PASS_MS = 250;

interface EngineFigures {
  decisionsPerSecond: number;
  microsecondsPerDecision: number;
  passes: number[];
  decisionsPerPass: number;
  [k: string]: unknown;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Warm-up + timed passes; `pass` runs the corpus `reps` times and returns the permit count. */
function time(pass: (reps: number) => number, reps: number): EngineFigures {
  pass(reps);
  const rates: number[] = [];
  for (let i = 0; i < PASSES; i++) {
    const t0 = process.hrtime.bigint();
    pass(reps);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    rates.push(Math.round((SIZE * reps) / seconds));
  }
  const rate = median(rates);
  return { decisionsPerSecond: rate, microsecondsPerDecision: Number((1e6 / rate).toFixed(3)), passes: rates, decisionsPerPass: SIZE * reps };
}

function vectorOf(requests: readonly GateRequest[], answer: (r: GateRequest) => boolean): Uint8Array {
  const v = new Uint8Array(requests.length);
  requests.forEach((r, i) => (v[i] = answer(r) ? 1 : 0));
  return v;
}

const sha256 = (v: Uint8Array): string => createHash('sha256').update(v).digest('hex');

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

export async function run(): Promise<object> {
  const loadAtStart = loadavg().map((x) => Number(x.toFixed(2)));
  const catalogue = CATALOGUE_2026_1;
  const policy = compilePolicy(catalogue);
  const corpus = generateCorpus({ seed: SEED, size: SIZE, catalogue });
  const requests = corpus.requests;
  const casbin = await CasbinGate.create(catalogue);
  const cedar = new CedarGate();

  // Correctness first (this is also every engine's first pass over the corpus).
  const ours = vectorOf(requests, (r) => decide(policy, r.context, r.action, r.item).permit);
  casbin.calls = 0;
  const viaCasbin = vectorOf(requests, (r) => casbin.decide(r.context, r.action, r.item));
  const casbinCalls = casbin.calls;
  cedar.calls = 0;
  const viaCedar = vectorOf(requests, (r) => cedar.decide(r.context, r.action, r.item).permit);
  const cedarCalls = cedar.calls;
  const differ = (a: Uint8Array, b: Uint8Array) => a.reduce((n, x, i) => n + (x !== b[i] ? 1 : 0), 0);
  const mismatches = { casbin: differ(ours, viaCasbin), cedar: differ(ours, viaCedar) };
  const identical = mismatches.casbin === 0 && mismatches.cedar === 0;

  // decide(): repeat the corpus so that a pass lasts long enough to time.
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let k = 0; k < reps; k++) for (const r of requests) decide(policy, r.context, r.action, r.item);
    if (performance.now() - t0 >= MIN_PASS_MS / 2) break;
    reps *= 2;
  }
  reps *= 2;
  const oursFigures = time((n) => {
    let permits = 0;
    for (let k = 0; k < n; k++) for (const r of requests) if (decide(policy, r.context, r.action, r.item).permit) permits++;
    return permits;
  }, reps);
  const casbinFigures = time(() => {
    let permits = 0;
    for (const r of requests) if (casbin.decide(r.context, r.action, r.item)) permits++;
    return permits;
  }, 1);
  const cedarFigures = time(() => {
    let permits = 0;
    for (const r of requests) if (cedar.decide(r.context, r.action, r.item).permit) permits++;
    return permits;
  }, 1);

  const rows = casbinRows(catalogue);
  const permits = ours.reduce((n, x) => n + x, 0);
  return {
    benchmark: 'gate decisions per second',
    command: 'npm run bench -- gate',
    target: { oursOverCasbin: 50, oursOverCedar: 150 },
    node: process.version,
    nodeFlags: process.execArgv.filter((f) => f.startsWith('--') && f !== '--import' && !f.includes('tsx')),
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((x) => Number(x.toFixed(2))) },
    date: new Date().toISOString(),
    catalogueVersion: catalogue.version,
    corpus: { seed: SEED, size: SIZE, permits, permitShare: Number((permits / SIZE).toFixed(4)), households: corpus.world.households.length, involvements: corpus.world.involvements.length },
    method: `1 warm-up + ${PASSES} timed passes per engine over the whole corpus, median pass; decide() repeats the corpus ${reps}× per pass`,
    identical,
    mismatches,
    decisionVectorSha256: { ours: sha256(ours), casbin: sha256(viaCasbin), cedar: sha256(viaCedar) },
    engines: {
      ours: { ...oursFigures, api: 'decide(policy, context, action, item) → Decision with explanation' },
      casbin: {
        ...casbinFigures,
        api: 'enforceSync, one call per involvement',
        version: packageVersion('casbin'),
        callsPerDecision: Number((casbinCalls / SIZE).toFixed(3)),
        policyRows: rows.filter((r) => r[0] === 'p').length,
        groupingRows: rows.filter((r) => r[0] !== 'p').length,
      },
      cedar: {
        ...cedarFigures,
        api: 'statefulIsAuthorized on a pre-parsed policy set, one call per involvement',
        version: cedarWasm().getCedarVersion(),
        callsPerDecision: Number((cedarCalls / SIZE).toFixed(3)),
        policies: cedar.policyIds.length,
      },
    },
    ratios: {
      oursOverCasbin: Number((oursFigures.decisionsPerSecond / casbinFigures.decisionsPerSecond).toFixed(1)),
      oursOverCedar: Number((oursFigures.decisionsPerSecond / cedarFigures.decisionsPerSecond).toFixed(1)),
    },
  };
}
