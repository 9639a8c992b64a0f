/**
 * `zorgvuldig seed`: load the rules catalogue, then generate the fictitious municipality Oosterveld
 * with its demo personas (docs/demo-personas.md). Only into an empty database: seeding must never mix
 * fictitious people into real data. The same seed and options give the same municipality.
 */
import { InvalidArgumentError, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../config/config.ts';
import { loadKeyring } from '../../config/keys.ts';
import { isEmptyDatabase, loadReferenceData, openStore, seedMunicipality, DEFAULT_AS_OF, DEFAULT_ITEMS_PER_REQUEST } from '../../data/index.ts';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected a whole number');
  return n;
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  }
  return value;
}

interface SeedCliOptions {
  residents?: number;
  seed?: number;
  itemsPerRequest: number;
  asOf: string;
}

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('Load the rules catalogue and generate the fictitious municipality Oosterveld with the demo personas (empty database only)')
    .option('--residents <n>', 'number of residents (default DEMO_RESIDENTS)', positiveInt)
    .option('--seed <s>', 'seed of the generator: the same seed gives the same municipality (default DEMO_SEED)', integer)
    .option('--items-per-request <k>', 'data items per help request, on average', positiveInt, DEFAULT_ITEMS_PER_REQUEST)
    .option('--as-of <date>', 'reference date: everything happened before it', isoDate, DEFAULT_AS_OF)
    .action(async (opts: SeedCliOptions) => {
      const config = loadConfig();
      const residents = opts.residents ?? config.demo.residents;
      const seed = opts.seed ?? config.demo.seed;
      const store = await openStore(config, { keyring: loadKeyring(config), migrate: true, loadPolicy: false });
      try {
        const reference = await loadReferenceData(store);
        await store.reloadPolicy();
        if (!(await isEmptyDatabase(store))) {
          console.error('zorgvuldig seed: the database already holds residents or organisations; seed only an empty database.');
          process.exitCode = 1;
          return;
        }
        const bar = new cliProgress.SingleBar(
          { stream: process.stderr, format: 'seeding |{bar}| {percentage}% | {value}/{total} residents | {duration}s', hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        const started = performance.now();
        bar.start(residents, 0);
        const summary = await seedMunicipality(store, {
          residents,
          seed,
          asOf: opts.asOf,
          itemsPerRequest: opts.itemsPerRequest,
          onProgress: (done) => bar.update(done),
        });
        bar.stop();
        const seconds = (performance.now() - started) / 1000;
        console.log(`rules catalogue ${reference.version} (${reference.catalogue}); seed ${seed}, as of ${opts.asOf}`);
        for (const [table, count] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(22)} ${String(count).padStart(9)}`);
        console.log(`${summary.residents} residents in ${seconds.toFixed(1)} s (${store.kind})`);
      } finally {
        await store.close();
      }
    });
}
