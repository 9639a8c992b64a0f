/**
 * My file a page at a time, in the browser (issue 8): a resident whose file holds more than one page of
 * data items sees the newest 50 first, follows "Oudere gegevens" to the older ones and "Nieuwste
 * gegevens" back, and no item is on both pages. The demo residents hold fewer than 50 items, so Linda gets 55
 * more notes in the set-up.
 * Its own stack: the extra items would move the demo items the other journeys look for to a second page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/core/demo/personas.ts';
import { ensureWebBuild } from '../../src/server/web/ensure-build.ts';
import { startStack, type Stack } from '../auth/stack.ts';
import { E2E_OFF, axe, launch, newPage, requireChromium, screenshot, seriousOrCritical, settled, signInPersona } from './browser.ts';

const NOTES = 55;
const note = (n: number) => `Telefonisch contact nummer ${String(n).padStart(2, '0')}`;

/** The numbers of the notes a page shows, in the order of the page. */
async function notesOn(page: Page): Promise<number[]> {
  const texts = await page.locator('.zv-record .zv-value').allTextContents();
  return texts.filter((x) => x.startsWith('Telefonisch contact nummer ')).map((x) => Number(x.slice(-2)));
}

describe.skipIf(E2E_OFF)('my file, a page at a time', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    requireChromium();
    ensureWebBuild({ quiet: true });
    stack = await startStack({}, { seed: true });
    // 55 more notes about Linda under her Wmo help request, copies of its 'case' item a minute apart and
    // newer than the demo's own items, inserted as the seed inserts its items (recording is tested
    // elsewhere, with its step plan; here the pager is under test).
    await stack.ownerSql(
      `insert into data_item (id, resident_id, household_id, help_request_id, sub_activity_id, category, source, legal_basis,
                              confidentiality, secrecy_origin, retention_class, value_text, recorded_by, recorded_at)
       select gen_random_uuid(), d.resident_id, d.household_id, d.help_request_id, d.sub_activity_id, d.category, d.source, d.legal_basis,
              d.confidentiality, d.secrecy_origin, d.retention_class, 'Telefonisch contact nummer ' || lpad(n::text, 2, '0'), d.recorded_by,
              now() - make_interval(mins => $3 - n)
       from (select * from data_item where resident_id = $1 and help_request_id = $2 and category = 'case' limit 1) d, generate_series(1, $3) n`,
      [DEMO_IDS.residents.linda, DEMO_IDS.helpRequests.wmo, NOTES],
    );
    browser = await launch();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.close();
  });

  it('the newest 50 first, then the older ones, and back', async () => {
    const opened = await newPage(browser);
    context = opened.context;
    const { page, problems } = opened;
    await signInPersona(page, stack, 'demo-inwoner');
    await page.goto(`${stack.url}/mijn/dossier`);
    await settled(page);
    await page.getByText('De nieuwste gegevens staan bovenaan, 50 per pagina.', { exact: false }).waitFor();

    // The first page: the 50 newest notes, none of the five oldest, and no way back to a newer page.
    const first = await notesOn(page);
    expect([...first].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => NOTES - 49 + i));
    const pager = page.getByRole('navigation', { name: 'Pagina’s met gegevens' });
    expect(await pager.getByRole('link', { name: 'Nieuwste gegevens' }).count()).toBe(0);
    await screenshot(page, 'portaal-dossier-pagina-1');
    expect(seriousOrCritical(await axe(page)), 'axe on the first page').toEqual([]);

    // Older: the five oldest notes and the demo's own items, which the newer notes pushed off the first page.
    await pager.getByRole('link', { name: 'Oudere gegevens' }).click();
    await page.waitForURL(/\/mijn\/dossier\?gegevensNa=[0-9a-f-]{36}$/);
    await settled(page);
    expect([...(await notesOn(page))].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(await page.getByText('Begeleiding bij dagstructuur en administratie, 3 uur per week').count()).toBe(1);
    expect(await pager.getByRole('link', { name: 'Oudere gegevens' }).count()).toBe(0);
    await screenshot(page, 'portaal-dossier-pagina-2');
    expect(seriousOrCritical(await axe(page)), 'axe on the second page').toEqual([]);

    // Back to the newest.
    await pager.getByRole('link', { name: 'Nieuwste gegevens' }).click();
    await page.waitForURL(/\/mijn\/dossier$/);
    await settled(page);
    expect((await notesOn(page)).length).toBe(50);
    expect(problems).toEqual([]);
  });
});
