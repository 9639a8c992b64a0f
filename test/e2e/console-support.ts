/**
 * Browser helpers for the console tests: sign in as a demo persona through the development IdP, or —
 * for a staff role no demo persona has (the archivist) — with a session made by the real session code,
 * put in the browser as its cookie (only the IdP redirect dance is skipped, like test/support/session.ts).
 */
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_ORGANISATIONS } from '../../src/core/demo/personas.ts';
import { openSessions } from '../../src/data/index.ts';
import { cookieNames } from '../../src/server/auth/cookies.ts';
import type { Stack } from '../auth/stack.ts';
import { axe, screenshot, seriousOrCritical, settled } from './browser.ts';

export { signInPersona } from './browser.ts';

/** An archivist (no demo persona has the role): a professional row and a session cookie. */
export async function signInArchivist(context: BrowserContext, stack: Stack): Promise<string> {
  const id = randomUUID();
  const org = DEMO_ORGANISATIONS.find((o) => o.key === 'gemeente')!;
  await stack.ownerSql(`insert into professional (id, organisation_id, display_name, function_title, roles) values ($1, $2, 'Annemiek Archief', 'Archivaris', '{archivist}')`, [id, org.id]);
  const s = await openSessions(stack.store, stack.config.session).create({ kind: 'professional', id, organisationId: org.id, roles: ['archivist'], displayName: 'Annemiek Archief' }, { now: new Date(), organisationName: org.name });
  await context.addCookies([{ name: cookieNames(stack.config).session, value: s.token, url: stack.url, httpOnly: true, sameSite: 'Lax' }]);
  return id;
}

/** Open a page, wait for it to settle, check its h1, take a screenshot and run axe (no serious or critical violations). */
export async function check(page: Page, problems: string[], url: string, name: string, h1?: string | RegExp): Promise<void> {
  await page.goto(url);
  await settled(page);
  if (h1 !== undefined) {
    const text = await page.getByRole('heading', { level: 1 }).first().textContent();
    if (typeof h1 === 'string') expect(text, url).toBe(h1);
    else expect(text, url).toMatch(h1);
  }
  await screenshot(page, name);
  expect(seriousOrCritical(await axe(page)), `axe on ${url}`).toEqual([]);
  expect(problems, url).toEqual([]);
}

export async function accessible(page: Page, problems: string[], label: string): Promise<void> {
  await settled(page);
  expect(seriousOrCritical(await axe(page)), `axe on ${label}`).toEqual([]);
  expect(problems, label).toEqual([]);
}
