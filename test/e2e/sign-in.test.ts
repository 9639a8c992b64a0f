/**
 * In the browser: every demo persona signs in through the development IdP and lands on its own page
 * in Dutch; English on request; signing out; an expired session goes back to sign-in. axe-core runs
 * on each landing page (zero serious or critical WCAG 2.1 AA violations).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../src/core/demo/personas.ts';
import { ensureWebBuild } from '../../src/server/web/ensure-build.ts';
import { startStack, type Stack } from '../auth/stack.ts';
import { E2E_OFF, axe, launch, requireChromium, newPage, screenshot, seriousOrCritical, settled } from './browser.ts';

const STAFF_CONSOLE_ROLES = new Set(['demo-privacy-officer', 'demo-klachtencommissaris', 'demo-beheerder', 'demo-archivaris']);
const MAIN_PERSONAS = PERSONAS.filter((p) =>
  ['demo-wijkcoach', 'demo-consulent', 'demo-zorgaanbieder', 'demo-privacy-officer', 'demo-klachtencommissaris', 'demo-beheerder', 'demo-archivaris', 'demo-inwoner'].includes(p.key),
);

async function signIn(page: Page, stack: Stack, personaKey: string): Promise<void> {
  const p = PERSONAS.find((x) => x.key === personaKey)!;
  await page.goto(`${stack.url}/`);
  await page.getByRole('link', { name: p.kind === 'staff' ? 'Inloggen als medewerker' : 'Inloggen met DigiD (inwoner)' }).click();
  await page.waitForURL(/\/interaction\//);
  await page.getByRole('button', { name: p.displayName, exact: true }).click();
  await page.waitForURL(`${stack.url}${p.landingPage}`);
  await settled(page);
}

async function expectAccessible(page: Page, label: string): Promise<void> {
  const found = seriousOrCritical(await axe(page));
  expect(found, `axe on ${label}`).toEqual([]);
}

describe.skipIf(E2E_OFF)('sign-in in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    requireChromium();
    ensureWebBuild({ quiet: true });
    stack = await startStack({ SESSION_IDLE_MINUTES: '30' }, { seed: true });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it.each(MAIN_PERSONAS.map((p) => [p.key, p.landingPage] as const))('%s signs in and lands on %s in Dutch', async (key, landingPage) => {
    const { context, page, problems } = await newPage(browser);
    try {
      await signIn(page, stack, key);
      const p = PERSONAS.find((x) => x.key === key)!;
      expect(new URL(page.url()).pathname).toBe(landingPage);
      expect(await page.getAttribute('html', 'lang')).toBe('nl');
      const h1 = landingPage === '/werkplek' ? 'Mijn huishoudens en hulpvragen' : 'Mijn gegevens';
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(h1);
      await expect(page.getByText(`Ingelogd als ${p.displayName}`).isVisible()).resolves.toBe(true);
      if (STAFF_CONSOLE_ROLES.has(key)) await expect(page.getByText('Een rol geeft geen toegang tot dossiers').isVisible()).resolves.toBe(true);
      // The console's roles find it from the workspace; the complaints commissioner's work is in the queues.
      const toConsole = await page.getByRole('link', { name: 'Naar de toezichtomgeving' }).count();
      expect(toConsole).toBe(['demo-privacy-officer', 'demo-beheerder', 'demo-archivaris'].includes(key) ? 1 : 0);
      await screenshot(page, `landing-${key}`);
      await expectAccessible(page, `${landingPage} as ${key}`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('switches to English and back, and remembers the choice', async () => {
    const { context, page, problems } = await newPage(browser);
    try {
      await signIn(page, stack, 'demo-wijkcoach');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'My households and help requests' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
      await screenshot(page, 'landing-wijkcoach-en');
      await expectAccessible(page, '/werkplek in English');
      await page.reload();
      await settled(page);
      await page.getByRole('heading', { level: 1, name: 'My households and help requests' }).waitFor();
      await page.getByRole('button', { name: 'Nederlands' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mijn huishoudens en hulpvragen' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('nl');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("signs out, at the IdP too: back on the start page, and the workspace asks to sign in again", async () => {
    const { context, page, problems } = await newPage(browser);
    try {
      await signIn(page, stack, 'demo-consulent');
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      // RP-initiated logout: the IdP asks whether to end its own session too (a shared computer).
      await page.getByRole('heading', { level: 1, name: 'Ook uitloggen bij de inlogdienst?' }).waitFor();
      await expectAccessible(page, "the development IdP's sign-out page");
      await page.getByRole('button', { name: 'Ja, ook hier uitloggen' }).click();
      await page.waitForURL(`${stack.url}/?uitgelogd=1`);
      await page.getByText('U bent uitgelogd.').waitFor();
      await expectAccessible(page, 'start page after sign-out');
      await page.goto(`${stack.url}/werkplek`);
      await page.waitForURL(/\/interaction\//);
      await page.getByRole('heading', { level: 1, name: 'Inloggen als medewerker' }).waitFor();
      await expectAccessible(page, 'the development IdP persona page');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an expired session is sent back to sign-in, on reload and on the next API call', async () => {
    const { context, page } = await newPage(browser);
    try {
      stack.setNow(null);
      await signIn(page, stack, 'demo-wijkcoach');
      // Idle for longer than SESSION_IDLE_MINUTES: the app's clock moves, the browser reloads.
      stack.setNow(new Date(Date.now() + 31 * 60_000));
      await page.reload();
      await page.waitForURL(`${stack.url}/?sessie=verlopen`);
      await page.getByText('U bent uitgelogd, omdat u een tijd niets hebt gedaan').waitFor();
      await expectAccessible(page, 'start page with the expiry notice');

      stack.setNow(null);
      await signIn(page, stack, 'demo-wijkcoach');
      await page.getByRole('link', { name: 'Zoeken' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Zoeken' }).waitFor();
      stack.setNow(new Date(Date.now() + 31 * 60_000));
      // Back to the list: its API call gets 401 AUTH.SESSION_EXPIRED and the app goes to sign-in.
      await page.getByRole('link', { name: 'Mijn huishoudens en hulpvragen' }).first().click();
      await page.waitForURL(`${stack.url}/?sessie=verlopen`);
    } finally {
      stack.setNow(null);
      await context.close();
    }
  });
});
