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
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'bench.ts')))
  .map((d) => d.name)
  .sort();

async function runOne(name: string): Promise<void> {
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
