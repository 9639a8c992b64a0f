/**
 * Build the web apps when dist/ is missing or older than their sources: `npm start` (prestart) and
 * the browser tests call this, so nobody serves a stale build. A build takes a few seconds; an
 * up-to-date build is detected from file times in a few milliseconds.
 *
 *   node --import tsx src/server/web/ensure-build.ts        # build if stale
 *   node --import tsx src/server/web/ensure-build.ts --force
 *
 * A lock directory keeps two processes (parallel test files) from building at the same time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build-stamp');
const LOCK = join(ROOT, '.tmp', 'web-build.lock');
const INPUTS = ['web', 'vite.config.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function buildIsStale(): boolean {
  if (!existsSync(STAMP) || !existsSync(join(DIST, 'index.html'))) return true;
  const built = statSync(STAMP).mtimeMs;
  return INPUTS.some((p) => newestMtime(join(ROOT, p)) > built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Build if stale (or forced). Returns the build's duration in ms, or 0 when nothing was built. */
export function ensureWebBuild(opts: { force?: boolean; quiet?: boolean } = {}): number {
  mkdirSync(dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Someone else is building; a lock older than two minutes is left over from a crash.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 120_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another web build');
      sleep(200);
    }
  }
  try {
    if (!opts.force && !buildIsStale()) return 0;
    const started = Date.now();
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', opts.quiet ? 'warn' : 'info'], { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`vite build failed (exit ${run.status})`);
    writeFileSync(STAMP, new Date().toISOString());
    return Date.now() - started;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ms = ensureWebBuild({ force: process.argv.includes('--force') });
  console.log(ms > 0 ? `web apps built in ${(ms / 1000).toFixed(1)} s` : 'web apps are up to date');
}
