/** Shared names for the test databases. */
export const TEMPLATE_DB = 'zv_test_template';
export const TEMPLATE_FILE = '.tmp/pglite-template.tar';
export const APP_ROLE = 'zorgvuldig_app';

/** The admin connection: the DATABASE_URL server, database `postgres`... or the URL's own database. */
export function adminUrl(): string {
  const url = new URL(process.env.DATABASE_URL!);
  return url.toString();
}
