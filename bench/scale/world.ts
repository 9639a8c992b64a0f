/**
 * What the scale benchmark needs to know about the seeded municipality: professionals with their
 * current involvements (households, help requests, residents), residents with a case (for the portal
 * and "who viewed my data"), and sessions for many of them — minted through the real session code.
 */
import { sql, type Kysely } from 'kysely';
import type { Config } from '../../src/config/config.ts';
import { openSessions, type Store } from '../../src/data/index.ts';
import type { DB } from '../../src/data/schema.ts';
import { cookieNames } from '../../src/server/auth/cookies.ts';

export interface ProObjects {
  household: string[];
  helpRequest: string[];
  resident: string[];
  dataItem: string[];
  professional: string[];
  plan: string[];
  subActivity: string[];
}

export interface BenchPersona {
  kind: 'professional' | 'resident';
  id: string;
  cookie: string;
  csrf: string;
  objects: ProObjects;
  /** A surname of someone in this persona's households (for search). */
  surname: string | null;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(xs: T[], seed = 1): T[] {
  const r = rng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function group<K, V>(rows: Array<[K, V]>): Map<K, V[]> {
  const m = new Map<K, V[]>();
  for (const [k, v] of rows) {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  }
  return m;
}

/** Up to `n` professionals and `n` residents with current cases, with sessions. */
export async function benchPersonas(db: Kysely<DB>, store: Store, config: Config, n: number): Promise<BenchPersona[]> {
  const cookie = cookieNames(config).session;
  const sessions = openSessions(store, config.session);
  const now = new Date();
  const invs = (
    await sql<{ professional_id: string; organisation_id: string; household_id: string; help_request_id: string | null; roles: string[] }>`
      select i.professional_id, p.organisation_id, i.household_id, i.help_request_id, p.roles
      from involvement i join professional p on p.id = i.professional_id
      where i.valid_from <= now() and (i.valid_until is null or i.valid_until > now()) and p.active
        and i.role in ('director', 'case_worker')`.execute(db)
  ).rows;
  const byPro = group(invs.map((r) => [r.professional_id, r] as [string, typeof r]));
  const households = [...new Set(invs.map((r) => r.household_id))];
  const members = group(
    (await sql<{ household_id: string; resident_id: string; surname: string }>`
      select m.household_id, m.resident_id, r.surname from household_member m join resident r on r.id = m.resident_id
      where m.household_id = any(${households}::uuid[]) and m.valid_from <= current_date and (m.valid_until is null or m.valid_until > current_date)`.execute(db)).rows.map(
      (r) => [r.household_id, r] as [string, typeof r],
    ),
  );
  const hrs = group((await sql<{ household_id: string; id: string }>`select household_id, id from help_request where household_id = any(${households}::uuid[])`.execute(db)).rows.map((r) => [r.household_id, r.id] as [string, string]));
  const items = group(
    (await sql<{ household_id: string; id: string }>`select household_id, id from (select household_id, id, row_number() over (partition by household_id order by recorded_at desc) as k from data_item where household_id = any(${households}::uuid[])) x where k <= 5`.execute(db)).rows.map(
      (r) => [r.household_id, r.id] as [string, string],
    ),
  );
  const personas: BenchPersona[] = [];
  for (const [proId, rows] of shuffle([...byPro.entries()], 7).slice(0, n)) {
    const hh = [...new Set(rows.map((r) => r.household_id))];
    const s = await sessions.create({ kind: 'professional', id: proId, organisationId: rows[0]!.organisation_id, roles: rows[0]!.roles as never, displayName: 'bench' }, { now });
    personas.push({
      kind: 'professional',
      id: proId,
      cookie: `${cookie}=${s.token}`,
      csrf: s.csrfToken,
      objects: {
        household: hh,
        helpRequest: [...new Set(rows.map((r) => r.help_request_id).filter((x): x is string => x !== null)), ...hh.flatMap((h) => hrs.get(h) ?? [])],
        resident: hh.flatMap((h) => (members.get(h) ?? []).map((m) => m.resident_id)),
        dataItem: hh.flatMap((h) => items.get(h) ?? []),
        professional: [proId],
        plan: [],
        subActivity: [],
      },
      surname: hh.flatMap((h) => (members.get(h) ?? []).map((m) => m.surname))[0] ?? null,
    });
  }
  // Residents who have a help request: their portal has something to show.
  const residents = (await sql<{ resident_id: string; household_id: string }>`select distinct resident_id, household_id from help_request`.execute(db)).rows;
  for (const r of shuffle(residents, 11).slice(0, n)) {
    const s = await sessions.create({ kind: 'resident', id: r.resident_id, displayName: 'bench' }, { now });
    personas.push({
      kind: 'resident',
      id: r.resident_id,
      cookie: `${cookie}=${s.token}`,
      csrf: s.csrfToken,
      objects: { household: [r.household_id], helpRequest: hrs.get(r.household_id) ?? [], resident: [r.resident_id], dataItem: items.get(r.household_id) ?? [], professional: [], plan: [], subActivity: [] },
      surname: null,
    });
  }
  return personas;
}

export async function counts(db: Kysely<DB>, dbName: string): Promise<Record<string, number | string>> {
  const n = async (table: string, where = '') => Number((await sql<{ n: number }>`select count(*)::int8 as n from ${sql.table(table)} ${sql.raw(where)}`.execute(db)).rows[0]!.n);
  return {
    residents: await n('resident'),
    households: await n('household'),
    helpRequests: await n('help_request'),
    activeHelpRequests: await n('help_request', `where status in ('registered', 'triaged', 'in_progress')`),
    householdsWithCurrentInvolvement: Number(
      (await sql<{ n: number }>`select count(distinct household_id)::int8 as n from involvement where valid_from <= now() and (valid_until is null or valid_until > now())`.execute(db)).rows[0]!.n,
    ),
    professionals: await n('professional'),
    involvements: await n('involvement'),
    dataItems: await n('data_item'),
    logEntries: await n('processing_log'),
    databaseSize: (await sql<{ s: string }>`select pg_size_pretty(pg_database_size(${dbName})) as s`.execute(db)).rows[0]!.s,
  };
}
