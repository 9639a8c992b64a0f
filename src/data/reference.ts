/**
 * Reference data from the rules catalogue (R10.4): the catalogue itself per version (rule_catalogue,
 * with the SHA-256 of its canonical JSON, so anyone can prove which text a decision used), the domains
 * and municipal tasks (R1.1, R1.2), and the register of processing activities (AVG art. 30; R10.2).
 *
 * Idempotent and in one transaction: loading the same catalogue twice changes nothing; a changed
 * processing activity becomes a new version (the log keeps pointing at the version it was written
 * under), never an update in place.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Transaction } from 'kysely';
import { articleLabel, type Catalogue, type ProcessingActivityDef } from '../core/policy/catalogue.ts';
import { validateCatalogue } from '../core/policy/catalogue-validate.ts';
import type { DB } from './schema.ts';
import { storeInternals, type Store } from './store-internals.ts';

export const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

/** JSON with object keys sorted at every level: equal content gives equal bytes, hence equal hashes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function catalogueSha256(catalogue: unknown): string {
  return createHash('sha256').update(canonicalJson(catalogue)).digest('hex');
}

/** A stable UUID (v4 layout) for a processing activity version, so every installation shares the ids. */
export function processingActivityId(code: string, version: number): string {
  const h = createHash('sha256').update(`processing_activity:${code}:${version}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x40;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** The newest rules/catalogue-<version>.json (by version number), parsed and validated. */
export function readNewestCatalogue(rulesDir = RULES_DIR): Catalogue {
  let files: string[];
  try {
    files = readdirSync(rulesDir).filter((f) => /^catalogue-\d{4}\.\d+\.json$/.test(f));
  } catch {
    files = [];
  }
  if (files.length === 0) throw new Error(`no rules catalogue (catalogue-<version>.json) in ${rulesDir}`);
  files.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const newest = files[files.length - 1]!;
  return validateCatalogue(JSON.parse(readFileSync(join(rulesDir, newest), 'utf8')));
}

export interface ReferenceResult {
  version: string;
  sha256: string;
  /** What happened to the rule_catalogue row of this version. */
  catalogue: 'inserted' | 'unchanged' | 'updated';
  domains: number;
  tasks: number;
  processingActivities: { inserted: number; unchanged: number };
}

/**
 * Load the catalogue (default: the newest file in rules/) and the reference tables derived from it.
 * A passed catalogue is validated like a file, unless it is a deliberately partial test fixture
 * (opts.validate = false).
 */
export async function loadReferenceData(store: Store, catalogue?: Catalogue, opts: { validate?: boolean } = {}): Promise<ReferenceResult> {
  const cat = catalogue ? (opts.validate === false ? catalogue : validateCatalogue(catalogue)) : readNewestCatalogue();
  const sha256 = catalogueSha256(cat);
  const { db } = storeInternals(store).database;
  return db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('rule_catalogue').select(['sha256']).where('version', '=', cat.version).executeTakeFirst();
    const content = sql`cast(${canonicalJson(cat)} as jsonb)`;
    let state: ReferenceResult['catalogue'] = 'unchanged';
    if (!existing) {
      await tx.insertInto('rule_catalogue').values({ version: cat.version, effective_from: cat.effectiveFrom, sha256, content }).execute();
      state = 'inserted';
    } else if (existing.sha256 !== sha256) {
      // Same version, other content: only acceptable while a version is being written (rules/README.md).
      await tx.updateTable('rule_catalogue').set({ effective_from: cat.effectiveFrom, sha256, content, loaded_at: sql`now()` as never }).where('version', '=', cat.version).execute();
      state = 'updated';
    }
    // A newer version is already loaded (approved in the console, issue 7): loading an older file at
    // start-up must not put its domains, tasks and register entries back over the newer ones.
    const newer = await tx.selectFrom('rule_catalogue').select('version').where('effective_from', '>', cat.effectiveFrom).limit(1).executeTakeFirst();
    if (newer) {
      return { version: cat.version, sha256, catalogue: state, domains: cat.domains.length, tasks: cat.tasks.length, processingActivities: { inserted: 0, unchanged: cat.processingActivities.length } };
    }
    await upsertDomainsAndTasks(tx, cat);
    const processingActivities = await upsertProcessingActivities(tx, cat);
    return { version: cat.version, sha256, catalogue: state, domains: cat.domains.length, tasks: cat.tasks.length, processingActivities };
  });
}

async function upsertDomainsAndTasks(tx: Transaction<DB>, cat: Catalogue): Promise<void> {
  if (cat.domains.length > 0) {
    await tx
      .insertInto('domain')
      .values(cat.domains.map((d, i) => ({ code: d.code, name_nl: d.nl, name_en: d.en, law: d.law, active: true, sort: i })))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name_nl: eb.ref('excluded.name_nl'),
          name_en: eb.ref('excluded.name_en'),
          law: eb.ref('excluded.law'),
          active: true,
          sort: eb.ref('excluded.sort'),
        })),
      )
      .execute();
  }
  const laws = new Map(cat.laws.map((l) => [l.code, l]));
  if (cat.tasks.length > 0) {
    await tx
      .insertInto('municipal_task')
      .values(
        cat.tasks.map((t) => {
          const law = laws.get(t.legalSource.law);
          return {
            code: t.code,
            domain_code: t.domain,
            name_nl: t.nl,
            name_en: t.en,
            law: t.law,
            legal_source: law ? articleLabel(law, t.legalSource) : `${t.legalSource.law} art. ${t.legalSource.article}`,
            active: true,
          };
        }),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          domain_code: eb.ref('excluded.domain_code'),
          name_nl: eb.ref('excluded.name_nl'),
          name_en: eb.ref('excluded.name_en'),
          law: eb.ref('excluded.law'),
          legal_source: eb.ref('excluded.legal_source'),
          active: true,
        })),
      )
      .execute();
  }
  // Domains and tasks the catalogue no longer has stay (help requests refer to them) but go inactive.
  const taskCodes = cat.tasks.map((t) => t.code);
  const domainCodes = cat.domains.map((d) => d.code);
  await tx.updateTable('municipal_task').set({ active: false }).$if(taskCodes.length > 0, (q) => q.where('code', 'not in', taskCodes)).execute();
  await tx.updateTable('domain').set({ active: false }).$if(domainCodes.length > 0, (q) => q.where('code', 'not in', domainCodes)).execute();
}

function activityRow(def: ProcessingActivityDef) {
  return {
    name: def.name,
    purpose: def.purpose,
    legal_basis: def.legalBasis,
    categories: [...def.categories],
    data_subjects: [...def.dataSubjects],
    recipients: [...def.recipients],
    retention: def.retention,
    measures: def.measures,
  };
}

async function upsertProcessingActivities(tx: Transaction<DB>, cat: Catalogue): Promise<{ inserted: number; unchanged: number }> {
  const current = await tx
    .selectFrom('processing_activity')
    .select(['code', 'version', 'name', 'purpose', 'legal_basis', 'categories', 'data_subjects', 'recipients', 'retention', 'measures'])
    .orderBy('code')
    .orderBy('version', 'desc')
    .execute();
  const latest = new Map<string, (typeof current)[number]>();
  for (const row of current) if (!latest.has(row.code)) latest.set(row.code, row);
  let inserted = 0;
  let unchanged = 0;
  for (const def of cat.processingActivities) {
    const row = activityRow(def);
    const prev = latest.get(def.code);
    if (prev) {
      const { code: _c, version: _v, ...prevRow } = prev;
      if (canonicalJson(prevRow) === canonicalJson(row)) {
        unchanged++;
        continue;
      }
    }
    const version = prev ? prev.version + 1 : 1;
    await tx
      .insertInto('processing_activity')
      .values({ id: processingActivityId(def.code, version), code: def.code, version, ...row, valid_from: `${cat.effectiveFrom}T00:00:00Z` })
      .execute();
    inserted++;
  }
  return { inserted, unchanged };
}
