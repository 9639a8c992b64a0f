/**
 * The residents' journeys in the browser (issue 6 item 8), on the demo municipality: sign in → rights
 * first → my file (and a child's file) → who viewed my data → export; complaint → the commissioner
 * handles it → the resident sees the status and the outcome letter; an AVG request and the handler's
 * queue. axe-core on every page and state (zero serious or critical WCAG 2.1 AA violations).
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/core/demo/personas.ts';
import { ensureWebBuild } from '../../src/server/web/ensure-build.ts';
import { startStack, type Stack } from '../auth/stack.ts';
import { E2E_OFF, axe, launch, newPage, requireChromium, screenshot, seriousOrCritical, settled, signInPersona } from './browser.ts';

async function accessible(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, name);
  expect(seriousOrCritical(await axe(page)), `axe on ${name}`).toEqual([]);
}

async function h1(page: Page): Promise<string | null> {
  return page.getByRole('heading', { level: 1 }).first().textContent();
}

describe.skipIf(E2E_OFF)('the residents’ journeys', () => {
  let stack: Stack;
  let browser: Browser;
  const open: BrowserContext[] = [];
  async function as(persona: string): Promise<{ page: Page; problems: string[] }> {
    const { context, page, problems } = await newPage(browser);
    open.push(context);
    await signInPersona(page, stack, persona);
    return { page, problems };
  }
  beforeAll(async () => {
    requireChromium();
    ensureWebBuild({ quiet: true });
    stack = await startStack({}, { seed: true });
    browser = await launch();
    // The wijkcoach opens the demo household: that access is what Linda will see in her log.
    const coach = await as('demo-wijkcoach');
    await coach.page.goto(`${stack.url}/werkplek/huishoudens/${DEMO_IDS.household}`);
    await settled(coach.page);
  });
  afterAll(async () => {
    for (const c of open) await c.close();
    await browser?.close();
    await stack?.close();
  });

  it('sign in → rights first → my file → a child’s file → who viewed my data → export', async () => {
    const { page, problems } = await as('demo-inwoner');
    // Rights first: at the first visit the main rights and duties are on the start page.
    await page.getByRole('heading', { level: 2, name: 'Eerst: uw rechten en plichten' }).waitFor();
    await accessible(page, 'portaal-eerste-bezoek');
    await page.reload();
    await settled(page);
    expect(await page.getByRole('heading', { name: 'Eerst: uw rechten en plichten' }).count()).toBe(0);

    await page.getByRole('navigation', { name: 'Mijn gegevens' }).getByRole('link', { name: 'Mijn dossier' }).click();
    await page.waitForURL(/\/mijn\/dossier$/);
    await settled(page);
    expect(await h1(page)).toBe('Mijn dossier');
    await page.getByRole('heading', { level: 2, name: 'Gegevens over u, per soort' }).waitFor();
    expect(await page.getByText('Begeleiding bij dagstructuur en administratie, 3 uur per week').count()).toBe(1);
    expect(await page.getByText('HV-2026-DEMO-1 — ').count()).toBeGreaterThan(0);
    await accessible(page, 'portaal-dossier');

    // Noor is 8: her mother sees her file.
    await page.getByRole('link', { name: /^Noor ter Horst/ }).click();
    await page.waitForURL(/voor=/);
    await page.getByText('U bekijkt dit als ouder of vertegenwoordiger van Noor ter Horst.').waitFor();
    await accessible(page, 'portaal-dossier-kind');

    await page.goto(`${stack.url}/mijn/wie-bekeek`);
    await settled(page);
    expect(await h1(page)).toBe('Wie bekeek mijn gegevens');
    await page.getByRole('cell', { name: /Sanne de Vries/ }).first().waitFor();
    await accessible(page, 'portaal-wie-bekeek');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download deze periode als CSV' }).click()]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText).toContain('Sanne de Vries');
    expect(csvText.split('\r\n')[0]).toContain('tijdstip;wie;naam');

    await page.getByLabel('Van').fill('2020-01-01');
    await page.getByLabel('Tot en met').fill('2020-12-31');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForURL(/van=2020-01-01/);
    await page.getByText('In deze periode heeft niemand uw gegevens bekeken.').waitFor();
    await accessible(page, 'portaal-wie-bekeek-leeg');

    await page.goto(`${stack.url}/mijn/dossier`);
    await settled(page);
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als PDF (om te lezen)' }).click()]);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als JSON (voor een computer)' }).click()]);
    expect(JSON.parse(readFileSync((await json.path())!, 'utf8')).format).toBe('zorgvuldig-inzage/1');

    await page.goto(`${stack.url}/mijn/toestemmingen`);
    await settled(page);
    expect(await h1(page)).toBe('Toestemmingen');
    await accessible(page, 'portaal-toestemmingen');
    await page.goto(`${stack.url}/mijn/rechten`);
    await settled(page);
    await page.getByRole('link', { name: 'Een klacht indienen over uw gegevens' }).waitFor();
    await accessible(page, 'portaal-rechten-ingelogd');
    expect(problems).toEqual([]);
  });

  it('complaint → the commissioner handles it → the resident sees the status and the letter', async () => {
    const resident = await as('demo-inwoner');
    const page = resident.page;
    await page.goto(`${stack.url}/mijn/klachten`);
    await settled(page);
    await accessible(page, 'portaal-klachten-leeg');
    await page.getByRole('link', { name: 'Een klacht indienen' }).click();
    await page.waitForURL(/\/mijn\/klachten\/nieuw$/);
    await settled(page);
    // Sending without choosing or writing anything: the errors are tied to their fields.
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByText('Kies een van de mogelijkheden.').waitFor();
    await accessible(page, 'portaal-klacht-fouten');
    await page.getByLabel('Iemand heeft mijn gegevens bekeken die dat niet nodig had').check();
    await page.getByLabel('Uw klacht').fill('Een medewerker van een ander team heeft mijn dossier geopend. Ik wil weten waarom.');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.waitForURL(/\/mijn\/klachten\/[0-9a-f-]{36}\?nieuw=1$/);
    await settled(page);
    await page.getByText(/Uw klacht is ontvangen\. Uw kenmerk is KL-/).waitFor();
    expect(await page.locator('.zv-status').textContent()).toBe('Ontvangen');
    await accessible(page, 'portaal-klacht-ontvangen');
    const complaintUrl = page.url().replace('?nieuw=1', '');

    const commissioner = await as('demo-klachtencommissaris');
    const c = commissioner.page;
    await c.getByRole('link', { name: 'Klachten' }).click();
    await c.waitForURL(/\/werkplek\/klachten$/);
    await settled(c);
    await accessible(c, 'werkplek-klachten');
    await c.getByRole('link', { name: /^KL-/ }).first().click();
    await c.waitForURL(/\/werkplek\/klachten\/[0-9a-f-]{36}$/);
    await settled(c);
    await accessible(c, 'werkplek-klacht');
    await c.getByRole('button', { name: 'Ontvangst bevestigd' }).click();
    await c.getByText('Opgeslagen.').waitFor();
    await c.getByLabel('Deels gegrond').check();
    await c.getByLabel('Bevindingen en conclusie (gaat in de brief)').fill('De medewerker was betrokken, maar had dat beter moeten uitleggen.');
    await c.getByRole('button', { name: 'Beslissen' }).click();
    await c.getByText('Afgehandeld').first().waitFor();
    await accessible(c, 'werkplek-klacht-beslist');

    await page.goto(complaintUrl);
    await settled(page);
    await page.getByRole('heading', { level: 2, name: 'De brief met de uitkomst' }).waitFor();
    expect(await page.getByText(/Nationale ombudsman/).count()).toBeGreaterThan(0);
    expect(await page.locator('.zv-status').textContent()).toBe('Afgehandeld');
    await accessible(page, 'portaal-klacht-afgehandeld');
    const [letter] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download de brief als PDF' }).click()]);
    expect(readFileSync((await letter.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    expect([...resident.problems, ...commissioner.problems]).toEqual([]);
  });

  it('an AVG request from the portal appears in the functional administrator’s queue with its deadline', async () => {
    const resident = await as('demo-inwoner');
    const page = resident.page;
    await page.goto(`${stack.url}/mijn/verzoeken/nieuw`);
    await settled(page);
    await page.getByLabel('Verbetering: er klopt iets niet').check();
    await page.getByLabel('Uw verzoek').fill('Mijn telefoonnummer is veranderd.');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByText(/Uw verzoek is ontvangen\. Uw kenmerk is AVG-/).waitFor();
    await accessible(page, 'portaal-verzoek-ontvangen');
    await page.goto(`${stack.url}/mijn/verzoeken`);
    await settled(page);
    await accessible(page, 'portaal-verzoeken');

    const admin = await as('demo-beheerder');
    await admin.page.getByRole('link', { name: 'AVG-verzoeken' }).click();
    await admin.page.waitForURL(/\/werkplek\/verzoeken$/);
    await settled(admin.page);
    await admin.page.getByRole('cell', { name: 'Linda ter Horst-Kamphuis' }).first().waitFor();
    await accessible(admin.page, 'werkplek-verzoeken');
    await admin.page.getByRole('link', { name: /^AVG-\d{4}-/ }).first().click();
    await settled(admin.page);
    await admin.page.getByText('Mijn telefoonnummer is veranderd.').waitFor();
    await accessible(admin.page, 'werkplek-verzoek');

    const officer = await as('demo-privacy-officer');
    await officer.page.goto(`${stack.url}/werkplek/verzoeken`);
    await settled(officer.page);
    await officer.page.getByText(/Beslissen doet de functioneel beheerder/).waitFor();
    await accessible(officer.page, 'werkplek-verzoeken-fg');

    const coach = await as('demo-wijkcoach');
    await coach.page.goto(`${stack.url}/werkplek/beperkingen`);
    await settled(coach.page);
    expect(await h1(coach.page)).toBe('Inzagebeperkingen');
    await accessible(coach.page, 'werkplek-beperkingen');
    expect([...resident.problems, ...admin.problems, ...officer.problems, ...coach.problems]).toEqual([]);
  });

  it('in English, and on a phone-sized screen, the portal pages stay accessible', async () => {
    const { context, page, problems } = await newPage(browser, { viewport: { width: 375, height: 812 } });
    open.push(context);
    await signInPersona(page, stack, 'demo-inwoner');
    for (const [path, name] of [['/mijn/dossier', 'mobiel-dossier'], ['/mijn/wie-bekeek', 'mobiel-wie-bekeek'], ['/mijn/klachten/nieuw', 'mobiel-klacht']] as const) {
      await page.goto(`${stack.url}${path}`);
      await accessible(page, name);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'File a complaint' }).waitFor();
    await accessible(page, 'mobiel-klacht-en');
    expect(problems).toEqual([]);
  });
});
