/**
 * Every page of the privacy officer's console (/toezicht) in the browser, as the officer, the
 * functional administrator and the archivist: axe-core (WCAG 2.0/2.1 A and AA, zero serious or
 * critical), no CSP violations, the page guard (others go to their own app) — and the training page
 * for an ordinary professional.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingSandbox } from '../../src/data/index.ts';
import { ensureWebBuild } from '../../src/server/web/ensure-build.ts';
import { startStack, type Stack } from '../auth/stack.ts';
import { E2E_OFF, launch, newPage, requireChromium, settled } from './browser.ts';
import { check, signInArchivist, signInPersona } from './console-support.ts';

describe.skipIf(E2E_OFF)('the console pages are accessible', () => {
  let stack: Stack;
  let browser: Browser;
  const open: BrowserContext[] = [];
  beforeAll(async () => {
    requireChromium();
    ensureWebBuild({ quiet: true });
    stack = await startStack({}, { seed: true });
    browser = await launch();
    // The training municipality is seeded on first use; open it now so the page does not wait for it.
    await trainingSandbox(stack.store);
  }, 300_000);
  afterAll(async () => {
    for (const c of open) await c.close();
    await browser?.close();
    await stack?.close();
  });

  it('the privacy officer: overview, register, rules, log review views, access reviews, retention, council report', async () => {
    const { context, page, problems } = await newPage(browser);
    open.push(context);
    await signInPersona(page, stack, 'demo-privacy-officer');
    const u = (p: string) => `${stack.url}${p}`;
    await check(page, problems, u('/toezicht'), 'toezicht', 'Overzicht');
    await check(page, problems, u('/toezicht/register'), 'toezicht-register', 'Verwerkingsregister');
    await check(page, problems, u('/toezicht/register/pa-wmo-onderzoek'), 'toezicht-register-activiteit', 'Verwerkingsactiviteit pa-wmo-onderzoek');
    await check(page, problems, u('/toezicht/regels'), 'toezicht-regels', 'Regels en convenanten');
    await check(page, problems, u('/toezicht/regels/convenanten'), 'toezicht-convenanten', 'Convenanten');
    await check(page, problems, u('/toezicht/logboek'), 'toezicht-logboek', 'Logboek');
    await check(page, problems, u('/toezicht/logboek/buiten-betrokkenheid'), 'toezicht-buiten-betrokkenheid', 'Logboek');
    await check(page, problems, u('/toezicht/logboek/reeksen'), 'toezicht-reeksen', 'Logboek');
    await check(page, problems, u('/toezicht/logboek/onvrijwillig'), 'toezicht-onvrijwillig', 'Logboek');
    await check(page, problems, u('/toezicht/logboek/integriteit'), 'toezicht-integriteit', 'Logboek');
    await check(page, problems, u('/toezicht/toegangsreview'), 'toezicht-toegangsreview', 'Toegangsreview');
    await check(page, problems, u('/toezicht/bewaartermijnen'), 'toezicht-bewaartermijnen', 'Bewaartermijnen');
    await check(page, problems, u('/toezicht/raadsrapportage'), 'toezicht-raadsrapportage', 'Raadsrapportage');
    expect(await page.locator('svg.zv-chart').count()).toBeGreaterThan(0);
    await check(page, problems, u('/toezicht/bestaat-niet'), 'toezicht-404', 'Pagina niet gevonden');
  });

  it('in English', async () => {
    const { context, page, problems } = await newPage(browser);
    open.push(context);
    await signInPersona(page, stack, 'demo-privacy-officer');
    await page.goto(`${stack.url}/toezicht`);
    await settled(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await check(page, problems, `${stack.url}/toezicht/raadsrapportage`, 'toezicht-raadsrapportage-en', 'Council report');
  });

  it('the functional administrator sees the register, rules and the report, not the log review', async () => {
    const { context, page, problems } = await newPage(browser);
    open.push(context);
    await signInPersona(page, stack, 'demo-beheerder');
    await check(page, problems, `${stack.url}/toezicht`, 'toezicht-beheerder', 'Overzicht');
    const nav = await page.getByRole('navigation', { name: 'Toezicht' }).textContent();
    expect(nav).toContain('Verwerkingsregister');
    expect(nav).not.toContain('Toegangsreview');
  });

  it('the archivist sees retention and can open a dry-run report', async () => {
    const { context, page, problems } = await newPage(browser);
    open.push(context);
    await signInArchivist(context, stack);
    await check(page, problems, `${stack.url}/toezicht/bewaartermijnen`, 'toezicht-archivaris', 'Bewaartermijnen');
    await page.getByRole('button', { name: 'Proefrapport maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proefrapport bewaartermijnen' }).waitFor();
    await check(page, problems, page.url(), 'toezicht-proefrapport', 'Proefrapport bewaartermijnen');
  });

  it('an ordinary professional may practise, but is sent to the workspace elsewhere; a resident to the portal', async () => {
    const { context, page, problems } = await newPage(browser);
    open.push(context);
    await signInPersona(page, stack, 'demo-wijkcoach');
    await check(page, problems, `${stack.url}/toezicht/oefenen`, 'toezicht-oefenen', 'Oefenen met het stappenplan');
    await page.goto(`${stack.url}/toezicht/register`);
    await page.waitForURL(`${stack.url}/werkplek`);
    const resident = await newPage(browser);
    open.push(resident.context);
    await signInPersona(resident.page, stack, 'demo-inwoner');
    await resident.page.goto(`${stack.url}/toezicht`);
    await resident.page.waitForURL(`${stack.url}/mijn`);
  });

  it('without a session the console sends you to sign in', async () => {
    const { context, page } = await newPage(browser);
    open.push(context);
    await page.goto(`${stack.url}/toezicht`);
    await page.waitForURL(/\/interaction\//);
  });

  it('on a phone-sized screen nothing scrolls sideways', async () => {
    const { context, page, problems } = await newPage(browser, { viewport: { width: 375, height: 812 } });
    open.push(context);
    await signInPersona(page, stack, 'demo-privacy-officer');
    await check(page, problems, `${stack.url}/toezicht/toegangsreview`, 'mobiel-toezicht-review', 'Toegangsreview');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
