/**
 * Fuzzing from the OpenAPI document (issue 8 item 3): for every route, generated malformed and hostile
 * requests — wrong types, sizes, unicode, injection strings, path traversal, missing and extra fields,
 * wrong content types, hostile cookies — sent with a valid session where the route needs one.
 *
 *   - a request that does not conform to the route's schema → 4xx with a stable error code;
 *   - any request, conforming or not → never 5xx, and every error carries a stable code;
 *   - an error never echoes the hostile input;
 *   - the tables with personal data are unchanged by every rejected request and every read
 *     (row counts and a digest of every row, before and after);
 *   - conforming hostile writes may succeed (a value may contain "'; drop table"), and afterwards the
 *     processing log still verifies.
 *
 * Generic: the routes come from docs/openapi.json and the live app's document, so routes added later
 * are fuzzed without changing this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyProcessingLog } from '../../src/data/index.ts';
import { BODY_LIMIT_BYTES } from '../../src/server/app.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { insertWorld, type World } from '../support/world.ts';
import {
  STABLE_CODE,
  conforms,
  dataChecksum,
  errorCodeOf,
  householdObjects,
  pathParams,
  queryParams,
  routesOf,
  validInstance,
  worldPersonas,
  type JsonSchema,
  type Operation,
  type Persona,
} from './support.ts';

/** Hostile strings: injection, traversal, unicode edge cases, sizes, look-alikes of other types. */
const HOSTILE: string[] = [
  '',
  ' ',
  "' OR '1'='1",
  "'; drop table resident; --",
  '" OR ""="',
  "1); select pg_sleep(10); --",
  "' union select bsn_cipher, bsn_index from resident --",
  '$(id)',
  '`cat /etc/passwd`',
  '{{7*7}}',
  '${7*7}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '/etc/passwd%00.json',
  'a\u0000b',
  '\u0000',
  '\ud800',
  '\u202eevil\u202c',
  'Ẁéïrd ñämë 🙂 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 中文 עברית',
  'e\u0301'.repeat(60),
  '\ufeff',
  '%_%',
  '*',
  '\\',
  '-1',
  '0',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{"$gt":""}',
  '__proto__',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '2026-02-30',
  '9999-99-99',
  'x'.repeat(257),
  'x'.repeat(5000),
];

/** The hostile strings sent where a request reaches the handler as more than one persona, and in bodies. */
const HOSTILE_CORE: string[] = [
  '',
  "' OR '1'='1",
  "'; drop table resident; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  'a\u0000b',
  '\ud800',
  '\u202eevil\u202c',
  'Ẁéïrd ñämë 🙂 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 中文 עברית',
  '%_%',
  '{"$gt":""}',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  'x'.repeat(5000),
];

/** Values of other JSON types for type confusion in bodies. */
const WRONG_TYPES: unknown[] = [0, -1, 1.5, 1e308, true, null, [], ['a'], {}, { $ne: null }];

/** Raw path/query fragments sent without further encoding (malformed escapes, encoded traversal). */
const RAW_FRAGMENTS = ['%ZZ', '%', '..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2f', '%C0%AE%C0%AE%2F', '%ED%A0%80', '%00'];

/** A lone surrogate cannot travel in a URL: the server sees replacement characters, so conformance is unknowable. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function mustRefuse(schema: JsonSchema, v: unknown): boolean {
  if (typeof v === 'string' && LONE_SURROGATE.test(v)) return false;
  return !conforms(schema, v);
}

/** encodeURIComponent, but a lone surrogate becomes an invalid UTF-8 escape instead of throwing. */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s
      .split('')
      .map((c) => {
        try {
          return encodeURIComponent(c);
        } catch {
          return '%ED%A0%80';
        }
      })
      .join('');
  }
}

interface Case {
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** The request does not conform to the route's schema: it must be refused with a 4xx. */
  mustReject: boolean;
  /** A distinctive hostile string that no error body may echo. */
  probe?: string;
  persona: string;
  /** A state-changing request that conforms to the schema (phase 2: may legitimately write). */
  conformingWrite: boolean;
  /** The request itself breaks the route's schema (or the session/CSRF rules), whoever sends it. */
  schemaBreaking: boolean;
}

let t: TestApp;
let w: World;
let ops: Operation[];
const cases: Case[] = [];

function segmentKind(path: string, name: string): string {
  const before = path.split(`{${name}}`)[0]!.split('/').filter(Boolean).pop() ?? '';
  if (/household/.test(before) || /household/i.test(name)) return 'household';
  if (/help-request/.test(before) || /helpRequest/i.test(name)) return 'helpRequest';
  if (/data-item/.test(before) || /item/i.test(name)) return 'dataItem';
  if (/professional/.test(before) || /professional/i.test(name)) return 'professional';
  if (/resident/.test(before) || /resident/i.test(name)) return 'resident';
  if (/plan/.test(before) || /plan/i.test(name)) return 'plan';
  if (/sub-activit/.test(before) || /subActivit/i.test(name)) return 'subActivity';
  return 'household';
}

/** A plausible id of the main household for a parameter or property name. */
function pickId(path: string) {
  const own = householdObjects(w, w.households.main);
  return (name: string | null): string | undefined => (name ? own[segmentKind(path, name)]?.[0] : undefined) ?? own.helpRequest![0];
}

function validPath(op: Operation): Record<string, string> {
  const pick = pickId(op.path);
  return Object.fromEntries(pathParams(op).map((p) => [p.name, String(validInstance(p.schema, pick, p.name))]));
}

function validQuery(op: Operation): Record<string, string> {
  const pick = pickId(op.path);
  return Object.fromEntries(queryParams(op).filter((p) => p.required).map((p) => [p.name, String(validInstance(p.schema, pick, p.name))]));
}

function urlOf(op: Operation, path: Record<string, string>, query: Record<string, string>, rawPath?: Record<string, string>): string {
  const url = op.path.replace(/\{([^}]+)\}/g, (_, n: string) => rawPath?.[n] ?? enc(path[n] ?? ''));
  const qs = Object.entries(query).map(([k, v]) => `${enc(k)}=${enc(v)}`);
  return qs.length ? `${url}?${qs.join('&')}` : url;
}

function isStateChanging(op: Operation): boolean {
  return op.method !== 'GET';
}

/** Every generated case for one operation and one persona (null: no session). */
function casesFor(op: Operation, persona: Persona | null, full = true): Case[] {
  const hostile = full ? HOSTILE : HOSTILE_CORE;
  const cases: Case[] = [];
  const base = { method: op.method, persona: persona?.name ?? 'none' };
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({ ...(persona ? persona.headers : {}), ...extra });
  const path = validPath(op);
  const query = validQuery(op);
  const pick = pickId(op.path);
  const body = op.body ? (validInstance(op.body, pick) as Record<string, unknown>) : null;
  const json = (payload: unknown) => ({ headers: headers({ 'content-type': 'application/json' }), payload: JSON.stringify(payload) });
  const withBody = (): { headers: Record<string, string>; payload?: string } => (body ? json(body) : { headers: headers() });
  const needsSessionReject = op.needsSession && !persona;
  const write = isStateChanging(op);

  const push = (c: Omit<Case, 'method' | 'persona' | 'conformingWrite' | 'schemaBreaking'> & { method?: string }) => {
    const mustReject = c.mustReject || needsSessionReject;
    cases.push({ ...base, ...c, mustReject, schemaBreaking: c.mustReject, conformingWrite: write && !mustReject });
  };

  // Path parameters: hostile strings and raw fragments.
  for (const p of pathParams(op)) {
    for (const v of hostile) {
      if (v === '') continue; // an empty segment is another route
      push({ label: `path ${p.name}=${JSON.stringify(v).slice(0, 40)}`, url: urlOf(op, { ...path, [p.name]: v }, query), ...withBody(), mustReject: mustRefuse(p.schema, v), probe: v });
    }
    for (const raw of RAW_FRAGMENTS) {
      push({ label: `path ${p.name} raw ${raw}`, url: urlOf(op, path, query, { [p.name]: raw }), ...withBody(), mustReject: true });
    }
  }

  // Query parameters: hostile strings, repeated parameters, unknown parameters.
  for (const p of queryParams(op)) {
    for (const v of hostile) {
      push({ label: `query ${p.name}=${JSON.stringify(v).slice(0, 40)}`, url: urlOf(op, path, { ...query, [p.name]: v }), ...withBody(), mustReject: mustRefuse(p.schema, v), probe: v });
    }
    const twice = `${urlOf(op, path, query)}${Object.keys(query).length ? '&' : '?'}${enc(p.name)}=a&${enc(p.name)}=b`;
    push({ label: `query ${p.name} repeated`, url: twice, ...withBody(), mustReject: !conforms(p.schema, ['a', 'b']) });
    for (const raw of RAW_FRAGMENTS) {
      const u = `${urlOf(op, path, query)}${Object.keys(query).length ? '&' : '?'}${enc(p.name)}=${raw}`;
      push({ label: `query ${p.name} raw ${raw}`, url: u, ...withBody(), mustReject: false });
    }
  }
  push({ label: 'unknown query parameter', url: `${urlOf(op, path, query)}${Object.keys(query).length ? '&' : '?'}__proto__[x]=1&constructor=1`, ...withBody(), mustReject: false });

  // Bodies.
  const url = urlOf(op, path, query);
  if (op.body && body) {
    const props = Object.entries(op.body.properties ?? {});
    for (const root of ['[]', '"text"', '42', 'null', 'true']) push({ label: `body root ${root}`, url, headers: headers({ 'content-type': 'application/json' }), payload: root, mustReject: true });
    for (const req of op.body.required ?? []) {
      const { [req]: _gone, ...rest } = body;
      push({ label: `body without ${req}`, url, ...json(rest), mustReject: true });
    }
    push({ label: 'body with an extra field', url, ...json({ ...body, isAdmin: true }), mustReject: !conforms(op.body, { ...body, isAdmin: true }) });
    push({ label: 'body with __proto__', url, headers: headers({ 'content-type': 'application/json' }), payload: `{"__proto__":{"polluted":true},${JSON.stringify(body).slice(1)}`, mustReject: false });
    push({ label: 'body with constructor.prototype', url, ...json({ ...body, constructor: { prototype: { polluted: true } } }), mustReject: !conforms(op.body, { ...body, constructor: {} }) });
    for (const [name, schema] of props) {
      for (const v of WRONG_TYPES) {
        const candidate = { ...body, [name]: v };
        push({ label: `body ${name}=${JSON.stringify(v)}`, url, ...json(candidate), mustReject: !conforms(op.body, candidate) });
      }
      if (typesOf(schema).includes('string') || schema.anyOf || schema.format || schema.pattern) {
        for (const v of HOSTILE_CORE) {
          const candidate = { ...body, [name]: v };
          push({ label: `body ${name}=${JSON.stringify(v).slice(0, 40)}`, url, ...json(candidate), mustReject: mustRefuse(op.body, candidate), probe: v });
        }
      }
    }
    push({ label: 'body over the size limit', url, headers: headers({ 'content-type': 'application/json' }), payload: JSON.stringify({ ...body, pad: 'x'.repeat(BODY_LIMIT_BYTES + 10) }), mustReject: true });
    push({ label: 'body deeply nested', url, headers: headers({ 'content-type': 'application/json' }), payload: `${'['.repeat(20_000)}${']'.repeat(20_000)}`, mustReject: true });
    push({ label: 'body invalid JSON', url, headers: headers({ 'content-type': 'application/json' }), payload: '{"a":', mustReject: true });
    push({ label: 'body empty with JSON content type', url, headers: headers({ 'content-type': 'application/json' }), payload: '', mustReject: op.bodyRequired });
    push({ label: 'body with a byte order mark', url, headers: headers({ 'content-type': 'application/json' }), payload: `\ufeff${JSON.stringify(body)}`, mustReject: false });
    for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=utf-7', 'application/x-www-form-urlencoded']) {
      push({ label: `body as ${type}`, url, headers: headers({ 'content-type': type }), payload: type.includes('json') ? JSON.stringify(body) : 'a=1&b=2', mustReject: !type.startsWith('application/json') });
    }
    push({ label: 'body without content type', url, headers: headers(), payload: JSON.stringify(body), mustReject: true });
  } else if (write) {
    push({ label: 'unexpected body', url, headers: headers({ 'content-type': 'application/json' }), payload: JSON.stringify({ unexpected: HOSTILE[3] }), mustReject: false });
    push({ label: 'unexpected text body', url, headers: headers({ 'content-type': 'text/plain' }), payload: 'hello', mustReject: false });
  } else {
    push({ label: 'GET with a body', url, headers: headers({ 'content-type': 'application/json' }), payload: '{"a":1}', mustReject: false });
  }

  // Hostile sessions and CSRF.
  if (persona) {
    for (const cookie of ["zv_session='; drop table session; --", `zv_session=${'A'.repeat(4000)}`, 'zv_session=../../etc/passwd', 'zv_session=%00', 'zv_session=']) {
      const h: Record<string, string> = { ...withBody().headers, cookie };
      push({ label: `hostile cookie ${cookie.slice(0, 30)}`, url, headers: h, payload: withBody().payload, mustReject: op.needsSession });
    }
    if (write) {
      const { 'x-csrf-token': _csrf, ...noCsrf } = withBody().headers;
      push({ label: 'no CSRF token', url, headers: noCsrf, payload: withBody().payload, mustReject: true });
      push({ label: 'wrong CSRF token', url, headers: { ...noCsrf, 'x-csrf-token': 'x'.repeat(43) }, payload: withBody().payload, mustReject: true });
      push({ label: 'cross-site origin', url, headers: { ...withBody().headers, origin: 'https://evil.example' }, payload: withBody().payload, mustReject: true });
    }
  }
  // A method the route does not have.
  push({ label: 'unsupported method', method: op.method === 'PATCH' ? 'PROPFIND' : 'PATCH', url, ...withBody(), mustReject: true });
  return cases;
}

function typesOf(s: JsonSchema): string[] {
  return s.type ? (Array.isArray(s.type) ? s.type : [s.type]) : [];
}

interface Outcome {
  c: Case;
  status: number;
  code: string | null;
  body: string;
}

async function send(c: Case): Promise<Outcome> {
  const res = await t.app.inject({
    method: c.method as 'GET',
    url: c.url,
    headers: c.headers,
    ...(c.payload !== undefined ? { payload: c.payload } : {}),
  });
  return { c, status: res.statusCode, code: errorCodeOf(res.body), body: res.body };
}

function problems(outcomes: Outcome[]): string[] {
  const bad: string[] = [];
  for (const o of outcomes) {
    const where = `${o.c.method} ${o.c.url.slice(0, 120)} [${o.c.persona}] ${o.c.label}`;
    if (o.status >= 500) bad.push(`${where} → ${o.status} ${o.code ?? o.body.slice(0, 80)}`);
    else if (o.c.mustReject && (o.status < 400 || o.status >= 500)) bad.push(`${where} → ${o.status}, expected a 4xx`);
    if (o.status >= 400 && (!o.code || !STABLE_CODE.test(o.code))) bad.push(`${where} → ${o.status} without a stable code: ${o.body.slice(0, 80)}`);
    if (o.status >= 400 && o.c.probe && o.c.probe.length >= 6 && !/^[0-9a-fx-]+$/i.test(o.c.probe) && o.body.includes(o.c.probe)) bad.push(`${where} → the error echoes the input`);
  }
  return bad;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await insertWorld(t);
  ops = await routesOf(t.app);
  // A request that breaks the schema is refused by validation, before any role check or handler, so
  // it is sent once, with the first persona's session; conforming requests reach the handler and are
  // sent as every persona (and without a session).
  for (const op of ops) {
    const personas = await personasFor(op);
    for (const [k, persona] of personas.entries()) cases.push(...casesFor(op, persona, k === 0).filter((c) => k === 0 || !c.schemaBreaking));
  }
});
afterAll(async () => t?.close());

/** Every GET route once, validly, as each persona. */
async function warmUp(): Promise<void> {
  const personas = await worldPersonas(t, w);
  for (const op of ops.filter((o) => o.method === 'GET')) {
    for (const p of personas) await t.app.inject({ method: 'GET', url: urlOf(op, validPath(op), validQuery(op)), headers: p.headers });
  }
}

/** The personas a route is fuzzed as: fresh sessions per route, so a route that ends a session (logout) ends only its own. */
async function personasFor(op: Operation): Promise<Array<Persona | null>> {
  if (!op.needsSession) return [null];
  const all = await worldPersonas(t, w);
  const wanted = ['director', 'resident-adult', 'officer'].map((n) => all.find((p) => p.name === n)!);
  return [...wanted, null];
}

describe('fuzzing every route of the OpenAPI document', () => {
  it('the document lists the routes of the workspace, the portal and oversight', () => {
    const paths = new Set(ops.map((o) => o.path));
    expect(paths).toContain('/api/households/{id}');
    expect(paths).toContain('/api/mijn/overview');
    expect(ops.length).toBeGreaterThanOrEqual(10);
  });

  it('malformed and hostile requests: 4xx with a stable code when they do not conform, never 5xx, nothing echoed, the data unchanged', async () => {
    // Some reads keep derived rows up to date the first time they run (who else is involved: notices).
    // Run every read once as every persona first: after that, reading again must change nothing.
    await warmUp();
    const before = await dataChecksum(t);
    const outcomes: Outcome[] = [];
    for (const c of cases.filter((x) => !x.conformingWrite)) outcomes.push(await send(c));
    expect(outcomes.length).toBeGreaterThan(500);
    expect(problems(outcomes)).toEqual([]);
    expect(await dataChecksum(t)).toEqual(before);
  }, 900_000);

  // Conforming writes may legitimately change data (a value may be "'; drop table resident; --").
  it('conforming hostile writes never answer 5xx, every error has a code, and the processing log still verifies', async () => {
    const outcomes: Outcome[] = [];
    for (const c of cases.filter((x) => x.conformingWrite)) outcomes.push(await send(c));
    expect(problems(outcomes)).toEqual([]);
    const verified = await verifyProcessingLog(t.store);
    expect(verified.failure).toBeUndefined();
    expect(verified.ok).toBe(true);
    // Nothing was dropped or emptied by an injection string.
    const residents = await t.ownerSql(`select count(*)::int as n from resident`);
    expect(Number(residents[0]!.n)).toBe(3);
  }, 900_000);
});

