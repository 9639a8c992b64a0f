/**
 * Browser tests drive Debian's chromium through playwright-core (research/stack.md §4.5, gotcha 19;
 * .library machines/node-svc.md for the flags). No browser download: executablePath is the system
 * chromium, which .ci/run installs with apt-get.
 *
 * Without /usr/bin/chromium the suite FAILS with a clear message, unless E2E=off is set (then it is
 * skipped and says so): a silently skipped accessibility check is worse than a red one.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PERSONAS } from '../../src/core/demo/personas.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const E2E_OFF = process.env.E2E === 'off';
export const SCREENSHOT_DIR = '.tmp/screenshots';

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Browser tests need Debian's chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run does this). ` +
        'Set E2E=off to skip the browser tests deliberately.',
    );
  }
}

export async function launch(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A page that records console errors, page errors and CSP violations, for an assertion at the end. */
export async function newPage(browser: Browser, opts: { viewport?: { width: number; height: number } } = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: opts.viewport ?? { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    const text = msg.text();
    // 401s the app answers on purpose show up as failed resource loads; CSP reports never should.
    if (/Content.Security.Policy|Refused to/i.test(text)) problems.push(`CSP: ${text}`);
  });
  return { context, page, problems };
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * Run axe-core (WCAG 2.0/2.1 A and AA) on the page as it is now. The source is evaluated through
 * the DevTools protocol, not injected as a <script>, so the page's CSP stays as strict as in real use.
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: AxeViolation[] }> } };
    const result = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations;
}

/** Serious and critical violations only (the legal floor; moderate ones are reported, not failed). */
export function seriousOrCritical(violations: AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** Wait until no loading indicator is left. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(() => !document.querySelector('.zv-loading'), undefined, { timeout: 15_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

if (E2E_OFF) console.warn('E2E=off: the browser tests (test/e2e) are skipped on purpose.');

/** Sign in as a demo persona through the development IdP's login page, and wait for its landing page. */
export async function signInPersona(page: Page, stack: { url: string }, personaKey: string): Promise<void> {
  const p = PERSONAS.find((x) => x.key === personaKey)!;
  await page.goto(`${stack.url}/auth/${p.kind}/login`);
  await page.getByRole('button', { name: p.displayName, exact: true }).click();
  await page.waitForURL(`${stack.url}${p.landingPage}`);
  await settled(page);
}
