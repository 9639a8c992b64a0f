/**
 * One way in (issue 4 item 6): the only credential is an OIDC session. Headers that interim or dev
 * authentication might use — x-user, x-actor, x-dev-user, Authorization: Bearer — are ignored, and
 * no source file reads them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../src/core/demo/personas.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { ensurePersonaRows, signInAs } from '../support/session.ts';

const FORGED: Array<Record<string, string>> = [
  { 'x-user': 'demo-wijkcoach' },
  { 'x-actor': JSON.stringify({ kind: 'professional', id: PERSONAS[0]!.id, roles: ['professional'] }) },
  { 'x-dev-user': 'demo-privacy-officer' },
  { authorization: 'Bearer demo-wijkcoach' },
  { authorization: 'Basic ZGVtbzpkZW1v' },
  { 'x-forwarded-user': 'demo-wijkcoach', 'x-remote-user': 'demo-wijkcoach' },
];

describe('one way in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await ensurePersonaRows(t);
  });
  afterAll(async () => t?.close());

  it.each(FORGED)('a request carrying only %o is anonymous: 401 AUTH.REQUIRED', async (headers) => {
    for (const url of ['/api/me', '/api/werkplek/households', '/api/mijn/overview']) {
      const res = await t.app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code, url).toBe('AUTH.REQUIRED');
    }
  });

  it('a forged header next to a real session does not change who is acting', async () => {
    const resident = await signInAs(t, 'demo-inwoner');
    const headers = { cookie: resident.cookie, 'x-user': 'demo-wijkcoach', 'x-actor': '{"kind":"professional"}', authorization: 'Bearer x' };
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).json().actor.kind).toBe('resident');
    expect((await t.app.inject({ method: 'GET', url: '/api/werkplek/households', headers })).statusCode).toBe(403);
  });

  it('a made-up session token is no session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: 'zv_session=demo-wijkcoach' } });
    expect(res.statusCode).toBe(401);
  });

  it('no source file reads a dev identity header or an Authorization header', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry) && !entry.endsWith('.test.ts')) {
          const text = readFileSync(path, 'utf8');
          // Reading the header (request.headers['x-user'], headers.authorization), not naming it in a comment or a redact list.
          if (/(?<!['"])\b(?:req|request)\.headers(?:\.authorization\b|\[['"](?:authorization|x-user|x-actor|x-dev-user|x-forwarded-user|x-remote-user)['"]\])/i.test(text)) offenders.push(path);
          if (/\bgetHeader\(\s*['"](?:x-user|x-actor|x-dev-user)['"]/.test(text)) offenders.push(path);
        }
      }
    };
    walk('src');
    expect(offenders).toEqual([]);
  });
});
