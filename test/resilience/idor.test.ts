/**
 * The IDOR matrix (issue 8 item 3): every persona of the test world × every object id of a household
 * the persona has no relation with × every route that takes an id (path or query) → only permitted
 * reads succeed. Otherwise the answer is 404 (what one may not know exists) or a role refusal that does
 * not depend on the object (401/403 AUTH.*), and no body — success or error — carries a name, value or
 * BSN of that household. Writes with a foreign id change nothing.
 *
 * "Permitted" is read from the route table, not listed per route: a 2xx for a foreign object is
 * accepted only for a staff persona with an oversight role on a route whose access declaration names
 * the purpose `oversight`, and even then the body may hold no personal data of that household.
 * Generic: routes come from docs/openapi.json and the live app, so new routes join the matrix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { insertWorld, type World } from '../support/world.ts';
import {
  dataChecksum,
  errorCodeOf,
  householdObjects,
  householdSecrets,
  pathParams,
  queryParams,
  routesOf,
  validInstance,
  worldPersonas,
  type Operation,
  type Persona,
} from './support.ts';

let t: TestApp;
let w: World;
let ops: Operation[];
let personas: Persona[];

const OVERSIGHT_ROLES = ['privacy_officer', 'complaints_commissioner'];

function kindOf(op: Operation, param: string): string {
  const before = op.path.split(`{${param}}`)[0]!.split('/').filter(Boolean).pop() ?? '';
  for (const [re, kind] of [
    [/household/i, 'household'],
    [/help-request|helpRequest/i, 'helpRequest'],
    [/data-item|item/i, 'dataItem'],
    [/professional/i, 'professional'],
    [/resident|member/i, 'resident'],
    [/sub-activit|subActivit/i, 'subActivity'],
    [/plan/i, 'plan'],
  ] as Array<[RegExp, string]>) {
    if (re.test(before) || re.test(param)) return kind;
  }
  return 'household';
}

function isUuidParam(p: { schema: { format?: string; anyOf?: Array<{ format?: string }> } }): boolean {
  return p.schema.format === 'uuid' || Boolean(p.schema.anyOf?.some((s) => s.format === 'uuid'));
}

/**
 * Routes that take an object id: a uuid in the path or in the query string. Path parameters that are
 * not ids (a catalogue version such as `2026.1`) name no object of a household; an id there is refused
 * by the schema (400) without looking anything up.
 */
function idRoutes(): Operation[] {
  return ops.filter((op) => pathParams(op).some(isUuidParam) || queryParams(op).some(isUuidParam));
}

interface Probe {
  persona: Persona;
  op: Operation;
  target: string;
  url: string;
  payload?: string;
  /** The foreign id sits in the query string while the path names the persona's own object. */
  viaQuery: boolean;
}

function probesFor(persona: Persona, op: Operation): Probe[] {
  const probes: Probe[] = [];
  const foreign = [w.households.main, w.households.other].filter((h) => !persona.households.includes(h));
  const own = persona.households[0] ?? w.households.main;
  const ownObjects = householdObjects(w, own);
  for (const target of foreign) {
    const objects = householdObjects(w, target);
    const all = [...new Set(Object.values(objects).flat())];
    const pick = (name: string | null) => (name ? objects[kindOf(op, name)]?.[0] : undefined) ?? all[0];
    const body = op.body ? JSON.stringify(validInstance(op.body, pick)) : undefined;
    const requiredQuery = Object.fromEntries(queryParams(op).filter((p) => p.required).map((p) => [p.name, String(validInstance(p.schema, pick, p.name))]));
    const qs = (q: Record<string, string>) => {
      const parts = Object.entries(q).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
      return parts.length ? `?${parts.join('&')}` : '';
    };
    if (pathParams(op).length > 0) {
      // Every object of the foreign household of the kind the route takes (its help requests for a
      // help-request route, its data items for a data-item route, …), and one of another kind.
      const first = pathParams(op)[0]!;
      const sameKind = objects[kindOf(op, first.name)] ?? [];
      const otherKind = all.find((id) => !sameKind.includes(id));
      const fills: Array<Record<string, string>> = [...sameKind, ...(otherKind ? [otherKind] : [])].map((id) =>
        Object.fromEntries(pathParams(op).map((p) => [p.name, p === first ? id : (pick(p.name) ?? id)])),
      );
      for (const fill of fills) {
        const url = op.path.replace(/\{([^}]+)\}/g, (_, n: string) => encodeURIComponent(fill[n]!));
        probes.push({ persona, op, target, url: `${url}${qs(requiredQuery)}`, payload: body, viaQuery: false });
      }
    }
    // Foreign ids in uuid query parameters, with the path naming the persona's own objects.
    for (const q of queryParams(op).filter(isUuidParam)) {
      const path = op.path.replace(/\{([^}]+)\}/g, (_, n: string) => encodeURIComponent(ownObjects[kindOf(op, n)]?.[0] ?? own));
      for (const id of objects[kindOf(op, q.name)] ?? all.slice(0, 3)) probes.push({ persona, op, target, url: `${path}${qs({ ...requiredQuery, [q.name]: id })}`, payload: body, viaQuery: true });
    }
  }
  return probes;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await insertWorld(t);
  ops = await routesOf(t.app);
  personas = await worldPersonas(t, w);
});
afterAll(async () => t?.close());

describe('IDOR matrix: every persona × every object of another household × every route with an id', () => {
  it('the matrix covers the household, help-request and oversight routes and every persona', () => {
    const paths = idRoutes().map((o) => o.path);
    expect(paths).toEqual(expect.arrayContaining(['/api/households/{id}', '/api/help-requests/{id}', '/api/oversight/data-items/{id}/viewers']));
    expect(personas.length).toBeGreaterThanOrEqual(10);
  });

  it('only permitted reads succeed; everything else is 404 or a role refusal, and nothing of that household leaks', async () => {
    const before = await dataChecksum(t);
    const bad: string[] = [];
    let probes = 0;
    for (const persona of personas) {
      for (const op of idRoutes()) {
        for (const p of probesFor(persona, op)) {
          // An access review is about a professional, not about a household: the privacy officer reviews
          // every professional's access (BIO2 5.18), so signing one off is her task, not an IDOR. That
          // its revocations only take that professional's own involvements is tested in test/console.
          if (persona.actor.kind === 'professional' && persona.actor.roles.some((r) => OVERSIGHT_ROLES.includes(r)) && op.purpose === 'oversight' && op.method !== 'GET' && !p.viaQuery && kindOf(op, pathParams(op)[0]!.name) === 'professional') continue;
          probes++;
          const res = await t.app.inject({
            method: op.method as 'GET',
            url: p.url,
            headers: { ...persona.headers, ...(p.payload !== undefined ? { 'content-type': 'application/json' } : {}) },
            ...(p.payload !== undefined ? { payload: p.payload } : {}),
          });
          const where = `${persona.name} ${op.method} ${p.url}`;
          const code = errorCodeOf(res.body);
          const ok = res.statusCode >= 200 && res.statusCode < 300;
          const oversight = persona.actor.kind === 'professional' && persona.actor.roles.some((r) => OVERSIGHT_ROLES.includes(r)) && op.purpose === 'oversight';
          if (res.statusCode >= 500) bad.push(`${where} → ${res.statusCode} ${code}`);
          else if (ok && op.method !== 'GET') bad.push(`${where} → ${res.statusCode}: a write with a foreign id succeeded`);
          else if (ok && !oversight && !p.viaQuery) bad.push(`${where} → ${res.statusCode}: a foreign object was served`);
          else if (!ok && !(res.statusCode === 404 || ((res.statusCode === 401 || res.statusCode === 403) && code?.startsWith('AUTH.')))) {
            bad.push(`${where} → ${res.statusCode} ${code}: expected 404 or a role refusal`);
          }
          for (const secret of householdSecrets(w, p.target)) {
            if (res.body.includes(secret)) bad.push(`${where} → ${res.statusCode} leaks "${secret.slice(0, 20)}"`);
          }
          // An error never names the objects of the other household.
          if (!ok) for (const id of Object.values(householdObjects(w, p.target)).flat()) if (res.body.includes(id)) bad.push(`${where} → error body names ${id}`);
        }
      }
    }
    expect(probes).toBeGreaterThan(100);
    expect(bad).toEqual([]);
    expect(await dataChecksum(t)).toEqual(before);
  }, 900_000);

  it('the matrix is not vacuous: each persona with a household reads at least one of its own objects', async () => {
    const missing: string[] = [];
    for (const persona of personas.filter((p) => p.households.length > 0)) {
      const own = householdObjects(w, persona.households[0]!);
      let served = false;
      for (const op of idRoutes().filter((o) => o.method === 'GET' && pathParams(o).length > 0)) {
        for (const id of Object.values(own).flat()) {
          const url = op.path.replace(/\{([^}]+)\}/g, () => id);
          const res = await t.app.inject({ method: 'GET', url, headers: persona.headers });
          if (res.statusCode === 200) served = true;
          if (served) break;
        }
        if (served) break;
      }
      // Residents read their file through routes without an id (the portal overview).
      if (!served && persona.actor.kind === 'resident') {
        for (const op of ops.filter((o) => o.method === 'GET' && o.purpose === 'portal' && pathParams(o).length === 0)) {
          if ((await t.app.inject({ method: 'GET', url: op.path, headers: persona.headers })).statusCode === 200) served = true;
        }
      }
      if (!served) missing.push(persona.name);
    }
    expect(missing).toEqual([]);
  }, 300_000);
});
