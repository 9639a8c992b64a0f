/**
 * Benchmark entry point (`npm run bench -- <name>`): runs bench/<name>/bench.ts, which exports
 * `run(): Promise<object>`, writes what it returns to bench/results/<name>.json and prints it.
 * A benchmark is added by creating bench/<name>/bench.ts; nothing here changes.
 *
 *   npm run bench -- gate      decisions/s of decide(), casbin and cedar-wasm on one corpus
 *   npm run bench -- read      gated, projected, logged dossier read against the bare read
 *   npm run bench -- verify    zorgvuldig log verify rate
 *   npm run bench -- all       every benchmark, one after the other
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'bench.ts')))
  .map((d) => d.name)
  .sort();

/**
 * V8 flags a benchmark needs. The gate benchmark times casbin in a tight loop, where V8 11.3 (Node
 * 20.20.2) hits a fatal deoptimizer error ("unreachable code" in DoComputeBuiltinContinuation); without
 * Turbofan inlining it does not. The flag applies to all three engines of that run alike.
 */
const NODE_FLAGS: Record<string, string[]> = { gate: ['--no-turbo-inlining'] };

async function runOne(name: string): Promise<void> {
  const flags = NODE_FLAGS[name] ?? [];
  if (flags.some((f) => !process.execArgv.includes(f))) {
    // Run that benchmark in a child process with its flags (the rest of this run is unaffected).
    const child = spawnSync(process.execPath, [...flags, ...process.execArgv, fileURLToPath(import.meta.url), name], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`bench ${name} failed (${child.signal ?? `exit ${child.status}`})`);
    return;
  }
  const mod = (await import(pathToFileURL(join(here, name, 'bench.ts')).href)) as { run?: () => Promise<object> };
  if (typeof mod.run !== 'function') throw new Error(`bench/${name}/bench.ts does not export run(): Promise<object>`);
  const started = Date.now();
  console.error(`bench ${name}: running …`);
  const result = await mod.run();
  const out = join(here, 'results', `${name}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  console.error(`bench ${name}: wrote ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const name = process.argv[2];
if (!name || (name !== 'all' && !available.includes(name))) {
  console.error(`usage: npm run bench -- <${[...available, 'all'].join('|')}>`);
  process.exit(2);
}
for (const n of name === 'all' ? available : [name]) await runOne(n);
