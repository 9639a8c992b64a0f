/**
 * Every page of the start page, the workspace and the portal in the browser: axe-core (WCAG 2.0/2.1
 * A and AA, zero serious or critical violations — a legal duty for Dutch government sites), no CSP
 * violations, keyboard access (skip link), and the small-screen layout. Screenshots go to
 * .tmp/screenshots/ for people to look at.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/core/demo/personas.ts';
import { ensureWebBuild } from '../../src/server/web/ensure-build.ts';
import { startStack, type Stack } from '../auth/stack.ts';
import { E2E_OFF, axe, launch, requireChromium, newPage, screenshot, seriousOrCritical, settled, signInPersona } from './browser.ts';

describe.skipIf(E2E_OFF)('every page is accessible', () => {
  let stack: Stack;
  let browser: Browser;
  const open: BrowserContext[] = [];
  beforeAll(async () => {
    requireChromium();
    ensureWebBuild({ quiet: true });
    stack = await startStack({}, { seed: true });
    browser = await launch();
  });
  afterAll(async () => {
    for (const c of open) await c.close();
    await browser?.close();
    await stack?.close();
  });

  async function check(page: Page, problems: string[], path: string, name: string, expectH1?: string | RegExp) {
    await page.goto(`${stack.url}${path}`);
    await settled(page);
    if (expectH1 !== undefined) {
      const h1 = await page.getByRole('heading', { level: 1 }).first().textContent();
      if (typeof expectH1 === 'string') expect(h1, path).toBe(expectH1);
      else expect(h1, path).toMatch(expectH1);
    }
    await screenshot(page, name);
    expect(seriousOrCritical(await axe(page)), `axe on ${path}`).toEqual([]);
    expect(problems, path).toEqual([]);
  }

  it('the start page, also with a sign-in failure, and in English', async () => {
    const { context, page, problems } = await newPage(browser);
    open.push(context);
    await check(page, problems, '/', 'start', 'Inloggen bij Zorgvuldig');
    await expect(page.getByRole('link', { name: 'Inloggen als medewerker' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Inloggen met DigiD (inwoner)' }).isVisible()).resolves.toBe(true);
    await check(page, problems, '/?fout=AUTH.UNKNOWN_ACCOUNT', 'start-unknown-account', 'Inloggen bij Zorgvuldig');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('wij kennen u niet');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Zorgvuldig' }).waitFor();
    await check(page, problems, '/', 'start-en', 'Sign in to Zorgvuldig');
  });

  it('the development IdP persona pages', async () => {
    const { context, page, problems } = await newPage(browser);
    open.push(context);
    await check(page, problems, '/auth/staff/login', 'idp-staff', 'Inloggen als medewerker');
    await check(page, problems, '/auth/resident/login', 'idp-resident', 'Inloggen met DigiD (demo)');
  });

  it('the workspace: list, search, household, help request, not found', async () => {
    const { context, page, problems } = await newPage(browser);
    open.push(context);
    await signInPersona(page, stack, 'demo-wijkcoach');
    await check(page, problems, '/werkplek', 'werkplek', 'Mijn huishoudens en hulpvragen');
    await expect(page.getByText(/^Op deze pagina \d+ van uw \d+ huishoudens/).isVisible()).resolves.toBe(true);
    // A later page (after a reference that sorts before every household): the way back to the first page.
    await check(page, problems, '/werkplek?na=0', 'werkplek-pagina', 'Mijn huishoudens en hulpvragen');
    await page.getByRole('navigation', { name: 'Pagina’s van mijn huishoudens' }).getByRole('link', { name: 'Eerste pagina' }).click();
    await page.getByText(/^Op deze pagina \d+ van uw \d+ huishoudens/).waitFor();
    expect(new URL(page.url()).search).toBe('');
    await check(page, problems, '/werkplek/zoeken', 'werkplek-zoeken-leeg', 'Zoeken');
    await check(page, problems, '/werkplek/zoeken?q=Horst', 'werkplek-zoeken', 'Zoeken');
    await check(page, problems, `/werkplek/huishoudens/${DEMO_IDS.household}`, 'werkplek-huishouden', /^Huishouden/);
    await check(page, problems, `/werkplek/hulpvragen/${DEMO_IDS.helpRequests.wmo}`, 'werkplek-hulpvraag', /^Hulpvraag/);
    // Data items a page at a time: a later page (after an item that starts none) has the way back to the newest.
    await check(page, problems, `/werkplek/hulpvragen/${DEMO_IDS.helpRequests.wmo}?gegevensNa=00000000-0000-4000-8000-000000000000`, 'werkplek-hulpvraag-gegevens', /^Hulpvraag/);
    await page.getByRole('navigation', { name: 'Pagina’s met gegevens' }).getByRole('link', { name: 'Nieuwste gegevens' }).click();
    await page.waitForURL(`${stack.url}/werkplek/hulpvragen/${DEMO_IDS.helpRequests.wmo}`);
    await settled(page);
    await expect(page.getByRole('navigation', { name: 'Pagina’s met gegevens' }).count()).resolves.toBe(0);
    await check(page, problems, '/werkplek/huishoudens/00000000-0000-4000-8000-000000000000', 'werkplek-niet-gevonden', 'Huishouden');
    await expect(page.getByRole('heading', { level: 2, name: 'Niet gevonden' }).isVisible()).resolves.toBe(true);
    await check(page, problems, '/werkplek/bestaat-niet', 'werkplek-404', 'Pagina niet gevonden');
  });

  it('a search through the form, with the keyboard', async () => {
    const { context, page, problems } = await newPage(browser);
    open.push(context);
    await signInPersona(page, stack, 'demo-consulent');
    await page.getByLabel('Zoek een huishouden of hulpvraag').fill('Horst');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/werkplek\/zoeken\?q=Horst$/);
    await settled(page);
    await page.getByRole('heading', { level: 1, name: 'Zoeken' }).waitFor();
    // Focus moves to the new page's heading after a client-side navigation.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(problems).toEqual([]);
  });

  it('the portal: my data and the rights page, signed in and not', async () => {
    const anonymous = await newPage(browser);
    open.push(anonymous.context);
    await check(anonymous.page, anonymous.problems, '/mijn/rechten', 'mijn-rechten-anoniem', 'Uw rechten en plichten');
    const { context, page, problems } = await newPage(browser);
    open.push(context);
    await signInPersona(page, stack, 'demo-inwoner');
    await check(page, problems, '/mijn', 'mijn', 'Mijn gegevens');
    await check(page, problems, '/mijn/rechten', 'mijn-rechten', 'Uw rechten en plichten');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your rights and duties' }).waitFor();
    await check(page, problems, '/mijn', 'mijn-en', 'My data');
  });

  it('the skip link is the first thing the keyboard reaches and leads to the main content', async () => {
    const { context, page } = await newPage(browser);
    open.push(context);
    await page.goto(`${stack.url}/`);
    await settled(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle !== 'none' || getComputedStyle(document.activeElement!).boxShadow !== 'none')).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
  });

  it('on a phone-sized screen nothing scrolls sideways and the pages stay accessible', async () => {
    const { context, page, problems } = await newPage(browser, { viewport: { width: 375, height: 812 } });
    open.push(context);
    await check(page, problems, '/', 'mobiel-start', 'Inloggen bij Zorgvuldig');
    await signInPersona(page, stack, 'demo-wijkcoach');
    await check(page, problems, '/werkplek', 'mobiel-werkplek', 'Mijn huishoudens en hulpvragen');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
