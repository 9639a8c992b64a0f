/**
 * `zorgvuldig report council --from --to --format pdf|csv` (issue 7 item 6; R10.1): the council
 * report for a period — aggregates only, counts below 5 shown as "<5" — as PDF or CSV. Runs under the
 * system context 'jobs' and is logged like any other processing.
 */
import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { loadKeyring } from '../../config/keys.ts';
import { buildCouncilReport, councilReportCsv } from '../../core/accountability/council-report.ts';
import { isRealDate } from '../../core/domain/dates.ts';
import { councilCountsAsSystem, openStore } from '../../data/index.ts';
import { councilReportPdf } from '../../server/modules/console/report-pdf.ts';

function isoDate(value: string): string {
  if (!isRealDate(value)) throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  return value;
}

export function registerReport(program: Command): void {
  const report = program.command('report').description('Reports (R10.1)');
  report
    .command('council')
    .description('The council report for a period: help requests, requests and shares, refusals, involuntary steps, complaints, AVG requests in time, log integrity')
    .requiredOption('--from <date>', 'first day of the period (YYYY-MM-DD)', isoDate)
    .requiredOption('--to <date>', 'last day of the period (YYYY-MM-DD)', isoDate)
    .addOption(new Option('--format <format>', 'pdf or csv').choices(['pdf', 'csv']).default('pdf'))
    .addOption(new Option('--lang <lang>', 'language').choices(['nl', 'en']).default('nl'))
    .option('--out <file>', 'write to this file (default: raadsrapportage-<from>-<to>.<format>)')
    .action(async (opts: { from: string; to: string; format: 'pdf' | 'csv'; lang: 'nl' | 'en'; out?: string }) => {
      if (opts.to < opts.from) throw new InvalidArgumentError('--to is before --from');
      const config = loadConfig();
      const store = await openStore(config, { keyring: loadKeyring(config), migrate: true });
      try {
        const counts = await councilCountsAsSystem(store, { from: opts.from, to: opts.to });
        const built = buildCouncilReport(counts, opts.lang);
        const out = opts.out ?? `raadsrapportage-${opts.from}-${opts.to}.${opts.format}`;
        writeFileSync(out, opts.format === 'pdf' ? await councilReportPdf(built, opts.lang) : councilReportCsv(built));
        console.log(`council report ${opts.from} – ${opts.to} written to ${out} (${opts.format}); counts below 5 are shown as "<5"`);
      } finally {
        await store.close();
      }
    });
}
