/**
 * Key rotation (`zorgvuldig keys rotate`, R10.3): re-encrypt every field ciphertext that is not under
 * the newest data key, in batches, each batch one transaction under the named system context
 * 'key-rotation', logged per data subject like any other processing. Old key versions can be removed
 * from the configuration once `keys status` reports 0.
 *
 * Which fields: every bytea column named `*_cipher` in a table with a uuid `id` (found in the catalog,
 * so fields added by later migrations are included without a code change). Every such field is sealed
 * with fieldAad(table, column, id) — the convention of all writers (resident.bsn_cipher,
 * data_item.value_cipher, complaint.text_cipher, …). The data subject of a row is `resident.id` for the
 * resident table, else the row's `resident_id` when the table has one.
 */
import { sql, type Kysely } from 'kysely';
import { Keyring, fieldAad } from '../../core/crypto/keyring.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { GateItem } from '../../core/policy/decide.ts';
import type { DB } from '../schema.ts';
import { GateSession, newTrace } from '../gate/session.ts';
import { logPurpose } from '../gate/purposes.ts';
import { storeInternals, type Store } from '../store-internals.ts';

const SYSTEM: Actor = { kind: 'system', context: 'key-rotation' };
const BATCH = 500;

export interface CipherField {
  table: string;
  column: string;
  /** Column naming the data subject, if any. */
  subject: string | null;
}

export interface RotationResult {
  currentVersion: number;
  /** Fields re-encrypted, per `table.column`. */
  rotated: Record<string, number>;
  residents: number;
  dataItems: number;
  remainingOld: number;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** Every encrypted field of the schema (catalog query; identifiers are checked before use in SQL). */
export async function cipherFields(db: Kysely<DB>): Promise<CipherField[]> {
  const rows = await sql<{ table_name: string; column_name: string; has_id: boolean; has_resident: boolean }>`
    select c.table_name, c.column_name,
      exists (select 1 from information_schema.columns i where i.table_schema = c.table_schema and i.table_name = c.table_name and i.column_name = 'id' and i.data_type = 'uuid') as has_id,
      exists (select 1 from information_schema.columns r where r.table_schema = c.table_schema and r.table_name = c.table_name and r.column_name = 'resident_id') as has_resident
    from information_schema.columns c
    where c.table_schema = 'public' and c.data_type = 'bytea' and c.column_name like '%\\_cipher' escape '\\'
    order by c.table_name, c.column_name`.execute(db);
  return rows.rows
    .filter((r) => r.has_id && IDENT.test(r.table_name) && IDENT.test(r.column_name))
    .map((r) => ({ table: r.table_name, column: r.column_name, subject: r.table_name === 'resident' ? 'id' : r.has_resident ? 'resident_id' : null }));
}

function header(version: number): Buffer {
  const h = Buffer.alloc(2);
  h.writeUInt16BE(version);
  return h;
}

export async function countOldCiphertexts(store: Store): Promise<{ total: number; current: number; perField: Record<string, number> }> {
  const { database, keyring } = storeInternals(store);
  const v = header(keyring.currentVersion);
  const perField: Record<string, number> = {};
  let total = 0;
  for (const f of await cipherFields(database.db)) {
    const r = await sql<{ n: number }>`
      select count(*)::int8 as n from ${sql.table(f.table)}
      where ${sql.ref(f.column)} is not null and substring(${sql.ref(f.column)} from 1 for 2) <> ${v}`.execute(database.db);
    const n = Number(r.rows[0]!.n);
    perField[`${f.table}.${f.column}`] = n;
    total += n;
  }
  return { total, current: keyring.currentVersion, perField };
}

function systemItem(table: string, id: string, residentId: string | null): GateItem {
  return { type: table === 'resident' ? 'resident' : 'data_item', id, householdId: '', residentId, category: 'case', collectedForLaw: null, source: null, confidentiality: 'openbaar', secrecyOrigin: null, subActivityId: null, recordedByOrganisationId: null };
}

export async function rotateKeys(store: Store, onProgress?: (done: number, total: number) => void): Promise<RotationResult> {
  const internals = storeInternals(store);
  const { keyring } = internals;
  const session = new GateSession(internals.gateEnv, { actor: SYSTEM, trace: newTrace(), now: new Date() });
  const { total } = await countOldCiphertexts(store);
  const rotated: Record<string, number> = {};
  let done = 0;
  onProgress?.(0, total);
  for (const f of await cipherFields(internals.database.db)) {
    const key = `${f.table}.${f.column}`;
    rotated[key] = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
      const batch = await session.run(`keys.rotate.${f.table}`, 'update', async (work) => {
        const subjectCol = f.subject ? sql.ref(f.subject) : sql`null::uuid`;
        // The log names data categories: the BSN, a data item's own category, otherwise case data.
        const categoryCol = f.table === 'data_item' ? sql`category` : f.table === 'resident' ? sql`'bsn'` : sql`'case'`;
        const rows = await sql<{ id: string; cipher: Uint8Array; subject: string | null; category: string }>`
          select id::text as id, ${sql.ref(f.column)} as cipher, ${subjectCol}::text as subject, ${categoryCol}::text as category from ${sql.table(f.table)}
          where id > ${after}::uuid and ${sql.ref(f.column)} is not null order by id limit ${BATCH}`.execute(work.tx);
        for (const r of rows.rows) {
          if (Keyring.versionOf(r.cipher) === keyring.currentVersion) continue;
          const decision = work.decide(
            { actor: SYSTEM, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] },
            systemItem(f.table, r.id, r.subject),
            'update',
          );
          if (!decision.permit) continue;
          const aad = fieldAad(f.table, f.column, r.id);
          const fresh = keyring.encrypt(keyring.decrypt(r.cipher, aad), aad);
          await sql`update ${sql.table(f.table)} set ${sql.ref(f.column)} = ${fresh} where id = ${r.id}::uuid`.execute(work.tx);
          work.processed(r.subject, logPurpose(work.policy, SYSTEM, null), { type: f.table, id: r.id }, [r.category], decision);
          rotated[key]!++;
          done++;
        }
        return rows.rows;
      });
      onProgress?.(done, total);
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1]!.id;
    }
  }
  const { total: remainingOld } = await countOldCiphertexts(store);
  return {
    currentVersion: keyring.currentVersion,
    rotated,
    residents: rotated['resident.bsn_cipher'] ?? 0,
    dataItems: rotated['data_item.value_cipher'] ?? 0,
    remainingOld,
  };
}
