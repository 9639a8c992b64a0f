/**
 * The privacy officer's main journeys in the browser (issue 7 item 8): search the log by BSN and export
 * the resident's log in the LDV read format; verify the log; four eyes on a register change (the
 * administrator proposes, the officer approves, it is in force); an access review that revokes an
 * involvement; a retention dry run signed off and executed by an archivist; the council report and its
 * downloads; and a professional practising in the training sandbox. axe after every step.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS, DEMO_RESIDENT_BSN, persona } from '../../src/core/demo/personas.ts';
import { trainingSandbox } from '../../src/data/index.ts';
import { ensureWebBuild } from '../../src/server/web/ensure-build.ts';
import { startStack, type Stack } from '../auth/stack.ts';
import { E2E_OFF, launch, newPage, requireChromium, screenshot, settled } from './browser.ts';
import { accessible, signInArchivist, signInPersona } from './console-support.ts';

describe.skipIf(E2E_OFF)("the privacy officer's journeys", () => {
  let stack: Stack;
  let browser: Browser;
  const open: BrowserContext[] = [];
  beforeAll(async () => {
    requireChromium();
    ensureWebBuild({ quiet: true });
    stack = await startStack({}, { seed: true });
    browser = await launch();
    await trainingSandbox(stack.store);
  }, 300_000);
  afterAll(async () => {
    for (const c of open) await c.close();
    await browser?.close();
    await stack?.close();
  });

  it('searches the log by BSN, exports the resident’s log in the LDV read format, and verifies the log', async () => {
    const { context, page, problems } = await newPage(browser);
    open.push(context);
    await signInPersona(page, stack, 'demo-privacy-officer');
    await page.goto(`${stack.url}/toezicht/logboek`);
    await settled(page);
    await page.getByLabel('BSN van de inwoner').fill(DEMO_RESIDENT_BSN);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('table', { name: 'Resultaten' }).waitFor();
    expect(await page.getByRole('table', { name: 'Resultaten' }).locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'journey-logboek-zoeken');
    await accessible(page, problems, 'log search results');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /LDV-leesformaat/ }).click();
    const file = await (await download).path();
    const ldv = JSON.parse(readFileSync(file, 'utf8')) as { processingActivities: Array<{ attributes: Record<string, string> }> };
    expect(ldv.processingActivities.length).toBeGreaterThan(0);
    expect(ldv.processingActivities[0]!.attributes['dpl.core.data_subject_id']).toMatch(/^[0-9a-f]{32}$/);

    await page.goto(`${stack.url}/toezicht/logboek/integriteit`);
    await settled(page);
    await page.getByRole('button', { name: 'Controlepunt schrijven' }).click();
    await page.getByText(/Controlepunt \d+ is geschreven/).waitFor();
    await page.getByRole('button', { name: 'Nu controleren' }).click();
    await page.getByText(/Het logboek is intact/).waitFor({ timeout: 30_000 });
    await accessible(page, problems, 'integrity after verification');
  });

  it('four eyes: the administrator proposes a register change, cannot approve it; the officer approves and it is in force', async () => {
    const admin = await newPage(browser);
    open.push(admin.context);
    await signInPersona(admin.page, stack, 'demo-beheerder');
    await admin.page.goto(`${stack.url}/toezicht/register/pa-oversight`);
    await settled(admin.page);
    await admin.page.getByLabel('Doel', { exact: true }).fill('Toezicht op de verwerking, klachten en de verantwoording aan de raad.');
    await admin.page.getByLabel('Reden').fill('Doel in gewone taal');
    await admin.page.getByRole('button', { name: 'Voorstel indienen' }).click();
    await admin.page.getByRole('heading', { level: 1, name: 'Voorstel' }).waitFor();
    await settled(admin.page);
    expect(await admin.page.getByText('Dit is uw eigen voorstel').isVisible()).toBe(true);
    expect(await admin.page.getByRole('button', { name: 'Goedkeuren' }).count()).toBe(0);
    expect(await admin.page.getByText('pa-oversight').first().isVisible()).toBe(true);
    await screenshot(admin.page, 'journey-voorstel-eigen');
    await accessible(admin.page, admin.problems, 'own proposal');
    const proposalUrl = admin.page.url();

    const officer = await newPage(browser);
    open.push(officer.context);
    await signInPersona(officer.page, stack, 'demo-privacy-officer');
    await officer.page.goto(proposalUrl);
    await settled(officer.page);
    await officer.page.getByRole('button', { name: 'Goedkeuren' }).click();
    await officer.page.getByText('Goedgekeurd en in werking.').waitFor();
    await screenshot(officer.page, 'journey-voorstel-goedgekeurd');
    await accessible(officer.page, officer.problems, 'approved proposal');
    await officer.page.goto(`${stack.url}/toezicht/register/pa-oversight`);
    await settled(officer.page);
    expect(await officer.page.getByRole('heading', { name: /Versie 2/ }).isVisible()).toBe(true);
  });

  it('an access review revokes an involvement: it ends now', async () => {
    const { context, page, problems } = await newPage(browser);
    open.push(context);
    await signInPersona(page, stack, 'demo-privacy-officer');
    await page.goto(`${stack.url}/toezicht/toegangsreview/${persona('demo-consulent').id}`);
    await settled(page);
    await accessible(page, problems, 'review detail');
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: /intrekken/ }).click();
    await page.getByText(/ingetrokken\. De toegang is beëindigd/).waitFor();
    await accessible(page, problems, 'review done');
    const rows = await stack.ownerSql(`select valid_until from involvement where id = $1`, [DEMO_IDS.involvements.consulentWmo]);
    expect(rows[0]!.valid_until).not.toBeNull();
  });

  it('retention: the administrator makes a dry run, the archivist signs it off and executes it', async () => {
    const admin = await newPage(browser);
    open.push(admin.context);
    await signInPersona(admin.page, stack, 'demo-beheerder');
    await admin.page.goto(`${stack.url}/toezicht/bewaartermijnen`);
    await settled(admin.page);
    await admin.page.getByRole('button', { name: 'Proefrapport maken' }).click();
    await admin.page.getByRole('heading', { level: 1, name: 'Proefrapport bewaartermijnen' }).waitFor();
    const runUrl = admin.page.url();

    const archivist = await newPage(browser);
    open.push(archivist.context);
    await signInArchivist(archivist.context, stack);
    await archivist.page.goto(runUrl);
    await settled(archivist.page);
    await archivist.page.getByRole('button', { name: 'Aftekenen' }).click();
    await archivist.page.getByRole('button', { name: 'Nu vernietigen' }).click();
    await archivist.page.getByText(/dossier\(s\) vernietigd/).waitFor();
    await screenshot(archivist.page, 'journey-bewaartermijnen-uitgevoerd');
    await accessible(archivist.page, archivist.problems, 'executed run');
  });

  it('the council report with charts, and its PDF and CSV downloads', async () => {
    const { context, page, problems } = await newPage(browser);
    open.push(context);
    await signInPersona(page, stack, 'demo-beheerder');
    await page.goto(`${stack.url}/toezicht/raadsrapportage?van=2020-01-01&tot=${new Date().toISOString().slice(0, 10)}`);
    await settled(page);
    expect(await page.locator('svg.zv-chart rect').count()).toBeGreaterThan(0);
    await accessible(page, problems, 'council report');
    const pdf = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download (PDF)' }).click();
    expect(readFileSync(await (await pdf).path()).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download (CSV)' }).click();
    expect(readFileSync(await (await csv).path(), 'utf8')).toContain('Hulpvragen per domein');
  });

  it('a professional practises: the gate decides a choice and explains it step by step', async () => {
    const { context, page, problems } = await newPage(browser);
    open.push(context);
    await signInPersona(page, stack, 'demo-wijkcoach');
    await page.goto(`${stack.url}/toezicht/oefenen`);
    await settled(page);
    await page.getByLabel('Uw rol').selectOption('not_involved');
    await page.getByRole('button', { name: 'Wat beslist de poort?' }).click();
    await page.getByRole('heading', { level: 2, name: /Uitkomst/ }).waitFor();
    expect(await page.getByText('hier stopt het').isVisible()).toBe(true);
    expect(await page.getByText(/involvement-required/).first().isVisible()).toBe(true);
    await page.getByLabel('Uw rol').selectOption('director');
    await page.getByRole('button', { name: 'Wat beslist de poort?' }).click();
    await page.getByText('toegestaan').first().waitFor();
    await screenshot(page, 'journey-oefenen');
    await accessible(page, problems, 'training outcome');
  });
});
