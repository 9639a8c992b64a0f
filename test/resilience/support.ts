/**
 * Shared helpers of the resilience suite (issue 8): the routes from the OpenAPI document, a valid
 * instance of a route's schema, sessions for every persona of the test world, and a checksum of the
 * tables that hold personal data (to show "database unchanged").
 *
 * The suites are generic on purpose: other capabilities add routes while this suite exists, so the
 * route list is read from the committed docs/openapi.json united with the live app's document.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../src/core/policy/actor.ts';
import { openSessions } from '../../src/data/index.ts';
import { cookieNames } from '../../src/server/auth/cookies.ts';
import type { TestStore } from '../support/store.ts';
import type { World } from '../support/world.ts';

// ---------------------------------------------------------------------------------------------
// The routes
// ---------------------------------------------------------------------------------------------

export type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  [k: string]: unknown;
};

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** OpenAPI form: /api/households/{id} */
  path: string;
  params: Parameter[];
  body: JsonSchema | null;
  bodyRequired: boolean;
  /** The route declares a 401: it needs a session. */
  needsSession: boolean;
  /** The purpose named in the route's access declaration (accessDoc), when it has one. */
  purpose: string | null;
  /** Declared 2xx statuses. */
  success: number[];
}

type OpenApiDoc = { paths: Record<string, Record<string, Record<string, unknown>>> };

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

function operationsOf(doc: OpenApiDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const op = raw as {
        parameters?: Parameter[];
        requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
        responses?: Record<string, unknown>;
        description?: string;
      };
      const body = op.requestBody?.content?.['application/json']?.schema ?? null;
      const purpose = /purpose `([a-z_]+)`/.exec(op.description ?? '')?.[1] ?? null;
      const statuses = Object.keys(op.responses ?? {});
      out.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).map((p) => ({ ...p, required: Boolean(p.required), schema: p.schema ?? {} })),
        body,
        bodyRequired: Boolean(op.requestBody?.required),
        needsSession: statuses.includes('401'),
        purpose,
        success: statuses.filter((s) => /^2\d\d$/.test(s)).map(Number),
      });
    }
  }
  return out;
}

/** The committed document (CI checks it against the code) united with the live app's own. */
export async function routesOf(app: FastifyInstance): Promise<Operation[]> {
  const committed = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')) as OpenApiDoc;
  const live = (app as unknown as { swagger(): OpenApiDoc }).swagger();
  const byKey = new Map<string, Operation>();
  for (const op of [...operationsOf(committed), ...operationsOf(live)]) byKey.set(`${op.method} ${op.path}`, op);
  return [...byKey.values()].sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

export function pathParams(op: Operation): Parameter[] {
  return op.params.filter((p) => p.in === 'path');
}

export function queryParams(op: Operation): Parameter[] {
  return op.params.filter((p) => p.in === 'query');
}

/** Fill {name} placeholders; values are URL-encoded. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

export function queryString(values: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    for (const one of Array.isArray(v) ? v : [v]) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(one)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

// ---------------------------------------------------------------------------------------------
// Schemas: a valid instance, and whether a value conforms (the subset TypeBox emits)
// ---------------------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function typesOf(s: JsonSchema): string[] {
  if (s.type) return Array.isArray(s.type) ? s.type : [s.type];
  if (s.properties) return ['object'];
  return [];
}

/** Values the domain knows, for fields whose schema only says "a word" (a valid body reaches the gate). */
const KNOWN_VALUES: Record<string, string> = {
  category: 'care_needs',
  source: 'resident',
  confidentiality: 'vertrouwelijk',
  language: 'nl',
  lifeDomain: 'financien',
  status: 'in_progress',
};

/** A valid instance of the schema. `ids` supplies values for uuid-formatted strings by property name. */
export function validInstance(s: JsonSchema, pick: (name: string | null) => string | undefined = () => undefined, name: string | null = null): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum && s.enum.length) return s.enum[0];
  const union = s.anyOf ?? s.oneOf;
  if (union && union.length) {
    const nonNull = union.find((u) => !typesOf(u).includes('null')) ?? union[0]!;
    return validInstance(nonNull, pick, name);
  }
  if (s.allOf && s.allOf.length) return validInstance(Object.assign({}, ...s.allOf) as JsonSchema, pick, name);
  const type = typesOf(s)[0];
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = validInstance(s.properties?.[key] ?? {}, pick, key);
      return out;
    }
    case 'array': {
      const n = s.minItems ?? 0;
      return Array.from({ length: n }, () => validInstance(s.items ?? {}, pick, name));
    }
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default: {
      const chosen = pick(name);
      if (s.format === 'uuid') return chosen && UUID.test(chosen) ? chosen : '00000000-0000-4000-8000-000000000000';
      if (s.format === 'date') return '2026-01-15';
      if (s.format === 'date-time') return '2026-01-15T10:00:00.000Z';
      if (s.format === 'email') return 'iemand@example.org';
      if (chosen !== undefined && conforms(s, chosen)) return chosen;
      const known = name ? KNOWN_VALUES[name] : undefined;
      if (known !== undefined && conforms(s, known)) return known;
      if (s.pattern) {
        for (const guess of ['abc', 'care_needs', 'resident', '1234AB', '123456782', 'a', '1', 'nl']) if (conforms(s, guess)) return guess;
      }
      const min = s.minLength ?? 0;
      return 'tekst'.padEnd(Math.max(min, 5), 'x').slice(0, s.maxLength ?? 1000);
    }
  }
}

/** Whether a value conforms to the schema (the subset of JSON Schema that the route schemas use). */
export function conforms(s: JsonSchema, v: unknown): boolean {
  if (s.const !== undefined && v !== s.const) return false;
  if (s.enum && !s.enum.includes(v)) return false;
  const union = s.anyOf ?? s.oneOf;
  if (union && !union.some((u) => conforms(u, v))) return false;
  if (s.allOf && !s.allOf.every((u) => conforms(u, v))) return false;
  const types = typesOf(s);
  if (types.length === 0) return true;
  return types.some((t) => {
    switch (t) {
      case 'null':
        return v === null;
      case 'boolean':
        return typeof v === 'boolean';
      case 'integer':
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v) || (t === 'integer' && !Number.isInteger(v))) return false;
        if (s.minimum !== undefined && v < s.minimum) return false;
        if (s.maximum !== undefined && v > s.maximum) return false;
        if (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum) return false;
        if (s.exclusiveMaximum !== undefined && v >= s.exclusiveMaximum) return false;
        return true;
      case 'string': {
        if (typeof v !== 'string') return false;
        const len = [...v].length;
        if (s.minLength !== undefined && len < s.minLength) return false;
        if (s.maxLength !== undefined && len > s.maxLength) return false;
        if (s.pattern && !new RegExp(s.pattern, 'u').test(v)) return false;
        if (s.format === 'uuid' && !UUID.test(v)) return false;
        if (s.format === 'date' && (!DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))) return false;
        return true;
      }
      case 'array':
        if (!Array.isArray(v)) return false;
        if (s.minItems !== undefined && v.length < s.minItems) return false;
        if (s.maxItems !== undefined && v.length > s.maxItems) return false;
        return v.every((x) => conforms(s.items ?? {}, x));
      case 'object': {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
        const o = v as Record<string, unknown>;
        for (const r of s.required ?? []) if (!(r in o)) return false;
        for (const [k, x] of Object.entries(o)) {
          const p = s.properties?.[k];
          if (p) {
            if (!conforms(p, x)) return false;
          } else if (s.additionalProperties === false) return false;
        }
        return true;
      }
      default:
        return true;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Personas of the test world, with sessions minted through the real session code
// ---------------------------------------------------------------------------------------------

export interface Persona {
  name: string;
  actor: Extract<Actor, { kind: 'professional' | 'resident' }>;
  headers: { cookie: string; 'x-csrf-token': string };
  /** Households this persona currently has a relation with (involvement or membership). */
  households: string[];
}

export async function worldPersonas(t: TestStore, w: World, now = new Date()): Promise<Persona[]> {
  const sessions = openSessions(t.store, t.config.session);
  const cookie = cookieNames(t.config).session;
  const make = async (name: string, actor: Persona['actor'], households: string[]): Promise<Persona> => {
    const s = await sessions.create(actor, { now });
    return { name, actor, headers: { cookie: `${cookie}=${s.token}`, 'x-csrf-token': s.csrfToken }, households };
  };
  const pro = (id: string, org: string, roles: Array<'professional' | 'chain_partner' | 'privacy_officer'> = ['professional']) =>
    ({ kind: 'professional', id, organisationId: org, roles, displayName: 'test' }) as const;
  const { professionals: p, organisations: o, households: h, residents: r } = w;
  return [
    await make('director', pro(p.director, o.team), [h.main]),
    await make('consulent', pro(p.consulent, o.team), [h.main]),
    await make('jeugdconsulent', pro(p.jeugdconsulent, o.team), [h.main]),
    await make('pwconsulent', pro(p.pwconsulent, o.team), [h.main]),
    await make('provider', pro(p.provider, o.provider, ['chain_partner']), [h.main]),
    await make('ended', pro(p.ended, o.team), []),
    await make('stranger', pro(p.stranger, o.team), [h.other]),
    await make('officer', pro(p.officer, o.team, ['privacy_officer']), []),
    await make('resident-adult', { kind: 'resident', id: r.adult, displayName: 'Anna' }, [h.main]),
    await make('resident-stranger', { kind: 'resident', id: r.stranger, displayName: 'Carla' }, [h.other]),
  ];
}

/** Every object id of one household of the world, by kind (and the staff involved only there). */
export function householdObjects(w: World, household: string): Record<string, string[]> {
  if (household === w.households.main) {
    return {
      household: [w.households.main],
      resident: [w.residents.adult, w.residents.child],
      helpRequest: [w.helpRequests.wmo, w.helpRequests.wmoMaatwerk, w.helpRequests.jeugd, w.helpRequests.pw],
      dataItem: [w.items.careNeeds, w.items.suwiIncome, w.items.jeugdHealth, w.items.careRecord, w.items.criminalChild],
      plan: [w.plan],
      subActivity: [w.subActivity],
      professional: [w.professionals.director, w.professionals.consulent, w.professionals.jeugdconsulent, w.professionals.pwconsulent, w.professionals.provider],
    };
  }
  return {
    household: [w.households.other],
    resident: [w.residents.stranger],
    helpRequest: [w.helpRequests.other],
    dataItem: [w.items.strangerItem],
    plan: [],
    subActivity: [],
    professional: [w.professionals.stranger],
  };
}

/** Texts that identify the people of a household or their data: none may appear where it is not permitted. */
export function householdSecrets(w: World, household: string): string[] {
  if (household === w.households.main) {
    return [w.values.careNeeds!, w.values.suwiIncome!, w.values.jeugdHealth!, w.values.careRecord!, w.values.criminalChild!, 'Testers', 'Teststraat', w.adultBsn, '0612345678', 'anna@example.org'];
  }
  return [w.values.strangerItem!, 'Vreemd', 'Anderweg'];
}

// ---------------------------------------------------------------------------------------------
// "Database unchanged"
// ---------------------------------------------------------------------------------------------

/**
 * Tables whose rows legitimately change on any request, or that hold no personal data of the
 * domain: the processing log and its denials index (denials are logged and committed), sessions (touched on use),
 * sign-in transactions, the chain heads, and migration bookkeeping.
 */
const NOT_COMPARED = /^(processing_log|access_record|log_denial|log_chain|log_checkpoint|session|signin_transaction|kysely_migration|kysely_migration_lock)$/;

/** Row count and an order-independent digest of every compared table. */
export async function dataChecksum(t: Pick<TestStore, 'ownerSql'>): Promise<Record<string, string>> {
  const tables = (await t.ownerSql(`select tablename from pg_tables where schemaname = 'public' order by tablename`))
    .map((r) => String(r.tablename))
    .filter((n) => !NOT_COMPARED.test(n));
  const out: Record<string, string> = {};
  for (const table of tables) {
    const row = (await t.ownerSql(`select count(*)::int8 as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${table}" x`))[0]!;
    out[table] = `${row.n}:${row.h}`;
  }
  return out;
}

export function errorCodeOf(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown } };
    return typeof parsed.error?.code === 'string' ? parsed.error.code : null;
  } catch {
    return null;
  }
}

/** A stable error code: upper-case segments joined by dots (src/core/errors.ts). */
export const STABLE_CODE = /^[A-Z][A-Z_]*(\.[A-Z][A-Z_]*)*$/;

// ---------------------------------------------------------------------------------------------
// Requests that succeed in the test world (found, not listed: routes keep arriving)
// ---------------------------------------------------------------------------------------------

export interface Injectable {
  inject(opts: { method: string; url: string; headers?: Record<string, string>; payload?: string }): Promise<{ statusCode: number; body: string }>;
}

export interface FoundRead {
  persona: Persona;
  url: string;
  /** Texts of the persona's household in the answer: they must not appear when the read fails. */
  secrets: string[];
}

function kindForParam(path: string, param: string): string {
  const before = path.split(`{${param}}`)[0]!.split('/').filter(Boolean).pop() ?? '';
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

/** For every GET route, the first persona and own object for which it answers 200 with personal data. */
export async function findReads(app: Injectable, ops: Operation[], personas: Persona[], w: World): Promise<FoundRead[]> {
  const found: FoundRead[] = [];
  for (const op of ops.filter((o) => o.method === 'GET' && o.needsSession && queryParams(o).every((q) => !q.required))) {
    search: for (const persona of personas.filter((p) => p.households.length > 0)) {
      const objects = householdObjects(w, persona.households[0]!);
      const secrets = householdSecrets(w, persona.households[0]!);
      const params = pathParams(op);
      const candidates = params.length === 0 ? [''] : (objects[kindForParam(op.path, params[0]!.name)] ?? []);
      for (const id of candidates) {
        const url = op.path.replace(/\{([^}]+)\}/g, () => id);
        const res = await app.inject({ method: 'GET', url, headers: persona.headers });
        if (res.statusCode === 200 && secrets.some((s) => res.body.includes(s))) {
          found.push({ persona, url, secrets: secrets.filter((s) => res.body.includes(s)) });
          break search;
        }
      }
    }
  }
  return found;
}

export interface FoundWrite {
  persona: Persona;
  method: string;
  url: string;
  /** A body for the n-th write; its unique marker text is `marker(n)`. */
  body(n: number): Record<string, unknown>;
  marker(n: number): string;
}

const WRITE_CATEGORIES = ['care_needs', 'contact', 'housing', 'daily_functioning', 'income', 'family_situation', 'youth_care'];

/** A write of personal data that succeeds in the test world: a persona, a route and a body (tries, then keeps the first 201). */
export async function findWrite(app: Injectable, ops: Operation[], personas: Persona[], w: World): Promise<FoundWrite> {
  const marker = (n: number) => `resilience-write-${n}-${Math.random().toString(36).slice(2, 8)}`;
  // Recording a data item is the canonical write of personal data (the fault tests look for its rows in
  // data_item); other writes are tried only when it is gone.
  const writes = ops.filter((o) => o.method === 'POST' && o.body && pathParams(o).length > 0).sort((a, b) => Number(!a.path.endsWith('/data-items')) - Number(!b.path.endsWith('/data-items')));
  for (const op of writes) {
    const textField = Object.entries(op.body!.properties ?? {}).find(([name, s]) => (s.type === 'string' && !s.format && !s.pattern && !s.enum && (s.maxLength ?? 0) >= 100) || name === 'value')?.[0];
    if (!textField) continue;
    for (const persona of personas.filter((p) => p.actor.kind === 'professional' && p.households.length > 0)) {
      const objects = householdObjects(w, persona.households[0]!);
      const param = pathParams(op)[0]!;
      for (const id of objects[kindForParam(op.path, param.name)] ?? []) {
        for (const resident of objects.resident ?? []) {
          for (const category of op.body!.properties?.category ? WRITE_CATEGORIES : ['-']) {
            const pick = (name: string | null) => (name === 'residentId' ? resident : name ? objects[kindForParam(op.path, name)]?.[0] : undefined);
            const make = (n: number, text: string) => {
              const b = validInstance(op.body!, pick) as Record<string, unknown>;
              if (category !== '-') b.category = category;
              b[textField] = text;
              void n;
              return b;
            };
            const url = op.path.replace(/\{([^}]+)\}/g, () => id);
            const res = await app.inject({ method: 'POST', url, headers: { ...persona.headers, 'content-type': 'application/json' }, payload: JSON.stringify(make(0, marker(0))) });
            if (res.statusCode === 201 || res.statusCode === 200) {
              const markers = new Map<number, string>();
              const m = (n: number) => {
                if (!markers.has(n)) markers.set(n, marker(n));
                return markers.get(n)!;
              };
              return { persona, method: 'POST', url, body: (n) => make(n, m(n)), marker: m };
            }
          }
        }
      }
    }
  }
  throw new Error('no write of personal data succeeds in the test world: the resilience tests need one');
}
