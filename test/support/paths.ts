/**
 * Names of the test databases. Each `vitest run` makes its own template (named after the process that
 * runs the global setup, passed to the test workers through the environment), so that two runs at the
 * same time never rebuild a template the other is copying from.
 */
const run = process.env.ZV_TEST_RUN ?? String(process.pid);
export const TEMPLATE_DB = `zv_test_template_${run}`;
export const TEMPLATE_FILE = `.tmp/pglite-template-${run}.tar`;
export const APP_ROLE = 'zorgvuldig_app';

/** The admin connection: the DATABASE_URL server. */
export function adminUrl(): string {
  const url = new URL(process.env.DATABASE_URL!);
  return url.toString();
}
