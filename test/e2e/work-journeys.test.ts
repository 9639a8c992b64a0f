/**
 * The professional's work in the browser (issue 5 item 10), on the demo municipality:
 *   1. intake → triage → step plan → consent → plan with a provider → the provider sees only its categories;
 *   2. refusal → involuntary path: proposal, consultation on pseudonymised facts (the colleague sees no
 *      name, BSN, address or birth date), the proposer cannot decide, a second person approves, the notice
 *      letter (also as PDF);
 *   3. an access restriction recorded on the help request → the resident no longer sees that record and
 *      is told that something is withheld; the restriction is on the reviews page.
 * Every page is checked with axe-core (WCAG 2.0/2.1 A and AA: zero serious or critical violations).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS, PERSONAS } from '../../src/core/demo/personas.ts';
import { ensureWebBuild } from '../../src/server/web/ensure-build.ts';
import { startStack, type Stack } from '../auth/stack.ts';
import { E2E_OFF, axe, launch, newPage, requireChromium, screenshot, seriousOrCritical, settled } from './browser.ts';

const ARG = 'Nodig om de hulpvraag goed te beantwoorden.';

describe.skipIf(E2E_OFF)('the professional’s work in the browser', () => {
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

  async function as(personaKey: string): Promise<{ page: Page; problems: string[] }> {
    const { context, page, problems } = await newPage(browser);
    open.push(context);
    const p = PERSONAS.find((x) => x.key === personaKey)!;
    await page.goto(`${stack.url}/auth/${p.kind}/login`);
    await page.getByRole('button', { name: p.displayName, exact: true }).click();
    await page.waitForURL(`${stack.url}${p.landingPage}`);
    await settled(page);
    return { page, problems };
  }

  async function accessible(page: Page, name: string, problems: string[]) {
    await settled(page);
    await screenshot(page, name);
    expect(seriousOrCritical(await axe(page)), `axe on ${name}`).toEqual([]);
    expect(problems, name).toEqual([]);
  }

  /**
   * Submit a form (by its accessible name) and wait for its confirmation or error. The text is looked for
   * outside form fields: React mirrors a controlled textarea's value into its text content, so what was
   * just typed would match at once, before the change was saved and the page reloaded with its new version
   * (the next form on the page then sent the old one: CONFLICT.VERSION, seen under load).
   */
  async function submit(page: Page, button: string, expectText?: string | RegExp) {
    await page.getByRole('button', { name: button, exact: true }).click();
    if (expectText) {
      try {
        await page.getByText(expectText).and(page.locator(':not(textarea, input, select, option)')).first().waitFor({ timeout: 20_000 });
      } catch (err) {
        await screenshot(page, `work-failed-${button.replace(/[^a-z0-9]+/gi, '-')}`);
        const alert = await page.getByRole('alert').allInnerTexts();
        throw new Error(`after "${button}" no "${String(expectText)}"; alerts: ${JSON.stringify(alert)}; ${(err as Error).message.split('\n')[0]}`);
      }
    }
    await settled(page);
  }

  it('intake → triage → step plan → consent → plan with a provider → the provider sees only its categories', async () => {
    const { page, problems } = await as('demo-wijkcoach');

    // Intake: a BSN not known here asks for the BRP data.
    await page.goto(`${stack.url}/werkplek/aanmelden`);
    await settled(page);
    await accessible(page, 'work-aanmelden', problems);
    await page.getByLabel('Burgerservicenummer (BSN)').fill('100126704');
    await page.getByLabel('Domein').selectOption({ label: 'Wmo (ondersteuning)' });
    await page.getByLabel('Gemeentelijke taak').selectOption({ label: 'Maatwerkvoorziening Wmo' });
    await page.getByLabel('De hulpvraag in het kort').fill('Hulp bij het huishouden na ontslag uit het ziekenhuis');
    await submit(page, 'Aanmelden', 'Dit BSN is hier niet bekend');
    await page.getByLabel('Voornamen').fill('Wilma');
    await page.getByLabel('Achternaam').fill('Werkstra');
    await page.getByLabel('Geboortedatum').fill('1958-08-08');
    await page.getByRole('radio', { name: 'Vrouw' }).check();
    await page.getByLabel('Straat').fill('Lindelaan');
    await page.getByLabel('Huisnummer').fill('7');
    await page.getByLabel('Postcode').fill('7522 AB');
    await page.getByLabel('Plaats').fill('Oosterveld');
    await accessible(page, 'work-aanmelden-brp', problems);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await page.waitForURL(/\/werkplek\/hulpvragen\/[0-9a-f-]+\/werk$/);
    await settled(page);
    const helpRequestId = page.url().split('/').slice(-2)[0]!;

    // Triage, with the reasoning.
    await page.getByRole('radio', { name: 'Enkelvoudig: één domein, eenvoudig' }).check();
    await page.getByLabel('Onderbouwing', { exact: true }).fill('Alleen een vraag om huishoudelijke ondersteuning.');
    await submit(page, 'Triage vastleggen', 'De triage is vastgelegd.');
    await accessible(page, 'work-hulpvraag', problems);

    // Consent in the conversation report.
    await page.getByLabel('Verslag', { exact: true }).fill('Mevrouw wil hulp in huis; zij stemt in met het delen van wat de begeleider nodig heeft.');
    await page.getByLabel('Vervolgstap', { exact: true }).fill('Begeleiding thuis regelen');
    await page.getByLabel('Doel van de vervolgstap').fill('Een aanbieder inschakelen');
    await page.getByRole('checkbox', { name: 'De inwoner gaf toestemming' }).check();
    await page.getByRole('group', { name: 'Soort toestemming' }).getByRole('radio', { name: 'Toestemming', exact: true }).check();
    await page.getByRole('group', { name: 'Welke gegevens zijn voor die stap nodig?' }).getByRole('checkbox', { name: 'Dagelijks leven en zelfredzaamheid' }).check();
    await submit(page, 'Verslag vastleggen', 'Het gespreksverslag is vastgelegd.');

    // A share step plan to the care provider, in order; step 5 and 6 because it is an exchange.
    await page.getByRole('radio', { name: 'Gegevens delen met een andere organisatie (verstrekking)' }).check();
    await page.getByLabel('Met welke organisatie deelt u?').selectOption({ label: 'Zorggroep Esrand' });
    await page.getByRole('button', { name: 'Stappenplan beginnen' }).click();
    await page.waitForURL(/\/werkplek\/stappenplannen\//);
    await settled(page);
    await accessible(page, 'work-stappenplan-start', problems);
    await page.getByLabel('Welk werk hoort bij deze taak in dit geval?').fill('Begeleiding regelen bij een gecontracteerde aanbieder.');
    await submit(page, 'Stap 1 opslaan', 'De stap is opgeslagen.');
    await page.getByLabel('Wat is het concrete doel?').fill('De aanbieder kan de begeleiding thuis uitvoeren.');
    await submit(page, 'Stap 2 opslaan', 'Stap 2 van');
    const item = page.getByRole('group', { name: 'Gegeven 1' });
    await item.getByLabel('Soort gegeven').selectOption({ label: 'Dagelijks leven en zelfredzaamheid' });
    await item.getByLabel('Welk gegeven precies?').fill('Wat zij zelf nog kan in huis');
    await item.getByRole('radio', { name: 'Nodig voor het doel' }).check();
    await item.getByLabel(/Proportionaliteit/).fill(ARG);
    await item.getByLabel(/Subsidiariteit/).fill(ARG);
    await page.getByRole('button', { name: 'Gegeven toevoegen' }).click();
    const second = page.getByRole('group', { name: 'Gegeven 2' });
    await second.getByLabel('Soort gegeven').selectOption({ label: 'Naam en geboortedatum' });
    await second.getByLabel('Bron', { exact: true }).selectOption({ label: 'Basisregistratie Personen (BRP)' });
    await second.getByLabel('Welk gegeven precies?').fill('Naam om de cliënt te herkennen');
    await second.getByRole('radio', { name: 'Nodig voor het doel' }).check();
    await second.getByLabel(/Proportionaliteit/).fill(ARG);
    await second.getByLabel(/Subsidiariteit/).fill(ARG);
    await submit(page, 'Stap 3 opslaan', 'Stap 3 van');
    await submit(page, 'Stap 4 opslaan', 'Stap 4 van');
    // The gate checked each item: the recipient's view and the covenant too.
    await page.getByRole('heading', { name: 'Wat de regels zeggen, per gegeven' }).waitFor();
    expect(await page.getByText('Convenant: Toegestaan').count()).toBe(2);
    for (const k of ['link', 'context', 'nature', 'consequences', 'safeguards']) {
      const label = { link: 'Verband tussen de doelen', context: 'Context en relatie met de inwoner', nature: 'Aard van de gegevens', consequences: 'Gevolgen voor de inwoner', safeguards: 'Waarborgen' }[k]!;
      await page.getByLabel(label).fill(ARG);
    }
    await page.getByRole('radio', { name: 'Verenigbaar', exact: true }).check();
    await submit(page, 'Stap 5 opslaan', 'Stap 5 van');
    await page.getByLabel('Uw afweging').fill('De aanbieder heeft een eigen geheimhoudingsplicht; delen binnen de Wmo mag.');
    await page.getByRole('radio', { name: 'Er geldt geen geheimhoudingsplicht' }).check();
    await submit(page, 'Stap 6 opslaan', 'Stap 6 van');
    await accessible(page, 'work-stappenplan-stap6', problems);
    await submit(page, 'Stappenplan afronden', 'Het stappenplan is afgerond.');

    // The plan: one household, one plan, one director; a goal; the sub-activity for the provider.
    await page.getByRole('link', { name: 'Terug naar de hulpvraag' }).click();
    await settled(page);
    await page.getByRole('link', { name: 'Het ondersteuningsplan van het huishouden' }).click();
    await page.waitForURL(/\/plan$/);
    await settled(page);
    const householdId = page.url().split('/').slice(-2)[0]!;
    await submit(page, 'Plan beginnen (ik word regisseur)', /Status: concept/);
    await submit(page, 'Plan activeren', /Status: actief/);
    await page.getByLabel('Leefgebied (ZRM)', { exact: true }).first().selectOption({ label: 'Instrumentele ADL (dagelijkse activiteiten)' });
    await page.getByLabel('Doel', { exact: true }).fill('Zelf weer koken en schoonmaken');
    await page.getByLabel('Waarom is dit leefgebied nodig?').fill('Na de opname lukt het huishouden niet.');
    await submit(page, 'Doel toevoegen', 'Het doel is toegevoegd.');
    const sub = page.getByRole('form', { name: 'Deelactiviteit aan een ketenpartner geven' });
    await sub.getByLabel('Stappenplan voor delen').locator('option').nth(1).waitFor({ state: 'attached' });
    await sub.getByLabel('Stappenplan voor delen').selectOption({ index: 1 });
    await sub.getByRole('checkbox', { name: 'Dagelijks leven en zelfredzaamheid' }).check();
    await sub.getByRole('checkbox', { name: 'Naam en geboortedatum' }).check();
    await sub.getByLabel('Medewerker van de partner').selectOption({ label: 'Ingrid Nijhuis (Begeleider Wmo)' });
    await sub.getByLabel('Omschrijving van de deelactiviteit').fill('Begeleiding thuis, twee keer per week');
    await submit(page, 'Deelactiviteit aan een ketenpartner geven', 'De deelactiviteit is gegeven.');
    await page.getByRole('heading', { name: /Zorggroep Esrand — Begeleiding thuis/ }).waitFor();
    await accessible(page, 'work-plan', problems);

    // The provider sees the household, but only its categories: the name, not the address or the request.
    const provider = await as('demo-zorgaanbieder');
    await provider.page.goto(`${stack.url}/werkplek/huishoudens/${householdId}`);
    await settled(provider.page);
    const text = await provider.page.locator('main').innerText();
    expect(text).toContain('Wilma Werkstra');
    expect(text).not.toContain('Lindelaan');
    expect(text).not.toContain('7522AB');
    expect(text).not.toContain('Hulp bij het huishouden na ontslag');
    await accessible(provider.page, 'work-aanbieder-huishouden', provider.problems);
    await provider.page.goto(`${stack.url}/werkplek/huishoudens/${householdId}/plan`);
    await settled(provider.page);
    await provider.page.getByRole('heading', { name: /Zorggroep Esrand/ }).waitFor();
    await accessible(provider.page, 'work-aanbieder-plan', provider.problems);
    expect(helpRequestId).toMatch(/^[0-9a-f-]{36}$/);
  }, 300_000);

  it('refusal → involuntary: consultation on pseudonymised facts, a second person decides, the notice letter', async () => {
    const youssef = await as('demo-consulent');
    const { page } = youssef;
    await page.goto(`${stack.url}/werkplek/hulpvragen/${DEMO_IDS.helpRequests.wmo}/werk`);
    await settled(page);
    const refusal = page.getByRole('form', { name: 'Weigering vastleggen' });
    await refusal.getByRole('checkbox', { name: 'Psychische gezondheid' }).check();
    await refusal.getByLabel('Waarvoor geldt de weigering?').fill('Delen met de begeleider');
    await refusal.getByRole('radio', { name: /Onvrijwillige verwerking voorstellen/ }).check();
    await refusal.getByLabel('Uw afweging').fill('Mevrouw weigert, maar de situatie thuis is onveilig.');
    await refusal.getByRole('radio', { name: 'Veiligheid van de inwoner of anderen' }).check();
    await refusal.getByLabel(/Feiten: waarom/).fill('Ernstige signalen van onveiligheid voor de kinderen in huis.');
    await refusal.getByRole('button', { name: 'Weigering vastleggen' }).click();
    await page.waitForURL(/\/werkplek\/onvrijwillig\//);
    await settled(page);
    const recordUrl = page.url();
    await accessible(page, 'work-onvrijwillig-voorstel', youssef.problems);

    await page.getByLabel('Wat heeft u de inwoner uitgelegd over het belang van de hulp?').fill('Uitgelegd dat de hulp nodig is om de kinderen veilig te houden.');
    await submit(page, 'Uitleg vastleggen', /Uitgelegd dat de hulp nodig is/);
    await page.getByLabel('Wie consulteert u?').selectOption({ label: 'Petra Wolbers — Team Wmo' });
    await page.getByLabel(/Feiten zonder naam/).fill('Moeder van twee kinderen, signalen van onveiligheid thuis; weigert hulp.');
    await page.getByLabel('Uw vraag').fill('Is doorgaan zonder toestemming verantwoord?');
    await submit(page, 'Consultatie vragen', /Geconsulteerd: Petra Wolbers/);

    // The consulted colleague sees pseudonymised facts only.
    const petra = await as('demo-collega');
    await petra.page.goto(`${stack.url}/werkplek/consultaties`);
    await settled(petra.page);
    await petra.page.locator('main').getByRole('link', { name: /^Consultatie \(/ }).first().click();
    await petra.page.getByRole('heading', { name: 'De feiten' }).waitFor();
    await settled(petra.page);
    const seen = await petra.page.locator('main').innerText();
    for (const secret of ['Linda', 'Kamphuis', 'ter Horst', '999900018', 'Kievitlaan', '7523', '1985']) expect(seen, secret).not.toContain(secret);
    await accessible(petra.page, 'work-consultatie', petra.problems);
    await petra.page.getByLabel('Advies', { exact: true }).fill('Doorgaan is verantwoord: de veiligheid van de kinderen weegt zwaarder.');
    await submit(petra.page, 'Advies geven', 'Uw advies is vastgelegd.');

    // The proposer records the considerations, and cannot decide himself.
    await page.reload();
    await settled(page);
    await page.getByLabel('Waarom toch stappen zetten tegen de wil van de inwoner?').fill('De veiligheid van de kinderen weegt zwaarder dan de weigering.');
    // Exactly the save's own status: a string would also match any "… is vastgelegd." already on the page,
    // and the next step (a second person deciding) would then race this save.
    await submit(page, 'Overwegingen vastleggen', /^Vastgelegd\.$/);
    await page.getByRole('radio', { name: 'Goedkeuren' }).check();
    await page.getByLabel('Toelichting').fill('Akkoord, veiligheid gaat voor.');
    await submit(page, 'Besluit vastleggen', 'Een tweede persoon beslist.');

    // The director, a second person, approves; the notice is there, also as PDF.
    const sanne = await as('demo-wijkcoach');
    await sanne.page.goto(recordUrl);
    await settled(sanne.page);
    await sanne.page.getByRole('radio', { name: 'Goedkeuren' }).check();
    await sanne.page.getByLabel('Toelichting').fill('Akkoord, veiligheid gaat voor.');
    await submit(sanne.page, 'Besluit vastleggen', 'Brief aan de inwoner: besluit en rechten');
    await sanne.page.getByText('Uw rechten').waitFor();
    await accessible(sanne.page, 'work-onvrijwillig-besluit', sanne.problems);
    const href = await sanne.page.getByRole('link', { name: 'Brief downloaden (pdf)' }).getAttribute('href');
    const pdf = await sanne.page.request.get(`${stack.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 300_000);

  it('an access restriction from the help request: the resident no longer sees that record, and is told something is withheld', async () => {
    const youssef = await as('demo-consulent');
    const { page } = youssef;
    await page.goto(`${stack.url}/werkplek/hulpvragen/${DEMO_IDS.helpRequests.wmo}/werk`);
    await settled(page);
    const form = page.getByRole('form', { name: 'Inzage beperken' });
    const records = form.getByRole('group', { name: 'Welke gegevens van deze hulpvraag' }).getByRole('checkbox');
    expect(await records.count()).toBeGreaterThan(0);
    const first = records.first();
    const label = (await page.locator(`label[for="${await first.getAttribute('id')}"]`).innerText()).trim();
    const value = label.slice(label.indexOf(': ') + 2).replace(/…$/, '');
    await first.check();
    await form.getByLabel('Grond').selectOption({ label: 'De veiligheid van iemand anders' });
    await form.getByLabel('Onderbouwing van de beperking').fill('Een huisgenoot loopt gevaar als dit gegeven bekend wordt.');
    const review = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Opnieuw bekijken op').fill(review);
    await submit(page, 'Beperking vastleggen', 'De beperking is vastgelegd en geldt meteen.');
    await accessible(page, 'work-inzagebeperking', youssef.problems);

    await page.goto(`${stack.url}/werkplek/beperkingen`);
    await settled(page);
    await page.getByText('Een huisgenoot loopt gevaar als dit gegeven bekend wordt.').waitFor();

    const linda = await as('demo-inwoner');
    await linda.page.goto(`${stack.url}/mijn/dossier`);
    await settled(linda.page);
    await linda.page.getByRole('heading', { name: 'Wat u nu niet ziet' }).waitFor();
    const file = await linda.page.locator('main').innerText();
    expect(file).toContain('Om de veiligheid van iemand anders te beschermen');
    expect(file).not.toContain('Een huisgenoot loopt gevaar');
    expect(value.length).toBeGreaterThan(3);
    expect(file).not.toContain(value);
    await accessible(linda.page, 'portal-dossier-beperkt', linda.problems);
  }, 240_000);

  it('signals, covenants and who-else-is-involved pages are accessible, also in English', async () => {
    const { page, problems } = await as('demo-schuldhulpverlener');
    for (const [path, name] of [['/werkplek/signalen', 'work-signalen'], ['/werkplek/convenanten', 'work-convenanten'], ['/werkplek/betrokkenen', 'work-betrokkenen'], ['/werkplek/consultaties', 'work-consultaties']] as const) {
      await page.goto(`${stack.url}${path}`);
      await accessible(page, name, problems);
    }
    await page.goto(`${stack.url}/werkplek/signalen`);
    await settled(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Signals (early signalling)' }).waitFor();
    await accessible(page, 'work-signals-en', problems);
  }, 180_000);
});
