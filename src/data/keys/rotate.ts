/**
 * Key rotation (`zorgvuldig keys rotate`, R10.3): re-encrypt every field ciphertext that is not under
 * the newest data key — residents' BSNs and special-category/criminal/BSN data items — in batches,
 * each batch one transaction under the named system context 'key-rotation', logged per data subject
 * like any other processing. Old key versions can be removed from configuration once this reports 0.
 */
import { Keyring, fieldAad } from '../../core/crypto/keyring.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { GateItem } from '../../core/policy/decide.ts';
import { newTrace } from '../gate/session.ts';
import { logPurpose } from '../gate/purposes.ts';
import { GateSession } from '../gate/session.ts';
import { storeInternals, type Store } from '../store-internals.ts';

const SYSTEM: Actor = { kind: 'system', context: 'key-rotation' };
const BATCH = 500;

export interface RotationResult {
  currentVersion: number;
  residents: number;
  dataItems: number;
  remainingOld: number;
}

function systemItem(type: 'resident' | 'data_item', id: string, residentId: string, householdId: string, category: string): GateItem {
  return { type, id, householdId, residentId, category, collectedForLaw: null, source: null, confidentiality: 'openbaar', secrecyOrigin: null, subActivityId: null, recordedByOrganisationId: null };
}

export async function countOldCiphertexts(store: Store): Promise<{ total: number; current: number }> {
  const { database, keyring } = storeInternals(store);
  const v = keyring.currentVersion;
  const header = Buffer.alloc(2);
  header.writeUInt16BE(v);
  const r = await database.db
    .selectFrom('resident')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('bsn_cipher', 'is not', null)
    .where((eb) => eb(eb.fn('substring', [eb.ref('bsn_cipher'), eb.val(1), eb.val(2)]), '!=', header))
    .executeTakeFirstOrThrow();
  const d = await database.db
    .selectFrom('data_item')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('value_cipher', 'is not', null)
    .where((eb) => eb(eb.fn('substring', [eb.ref('value_cipher'), eb.val(1), eb.val(2)]), '!=', header))
    .executeTakeFirstOrThrow();
  return { total: Number(r.n) + Number(d.n), current: v };
}

export async function rotateKeys(store: Store, onProgress?: (done: number, total: number) => void): Promise<RotationResult> {
  const internals = storeInternals(store);
  const { keyring } = internals;
  const session = new GateSession(internals.gateEnv, { actor: SYSTEM, trace: newTrace(), now: new Date() });
  const { total } = await countOldCiphertexts(store);
  let done = 0;
  let residents = 0;
  let dataItems = 0;
  onProgress?.(0, total);
  // Residents' BSNs.
  for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
    const batch = await session.run('keys.rotate.resident', 'update', async (work) => {
      const rows = await work.tx
        .selectFrom('resident')
        .leftJoin('household_member', 'household_member.resident_id', 'resident.id')
        .select(['resident.id', 'resident.bsn_cipher', 'household_member.household_id'])
        .distinctOn('resident.id')
        .where('resident.id', '>', after)
        .where('resident.bsn_cipher', 'is not', null)
        .orderBy('resident.id')
        .limit(BATCH)
        .execute();
      for (const r of rows) {
        if (Keyring.versionOf(r.bsn_cipher!) === keyring.currentVersion) continue;
        const aad = fieldAad('resident', 'bsn_cipher', r.id);
        const decision = work.decide({ actor: SYSTEM, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] }, systemItem('resident', r.id, r.id, r.household_id ?? '', 'bsn'), 'update');
        if (!decision.permit) continue;
        await work.tx.updateTable('resident').set({ bsn_cipher: keyring.encrypt(keyring.decrypt(r.bsn_cipher!, aad), aad) }).where('id', '=', r.id).execute();
        work.processed(r.id, logPurpose(work.policy, SYSTEM, null), { type: 'resident', id: r.id }, ['bsn'], decision);
        residents++;
        done++;
      }
      return rows;
    });
    onProgress?.(done, total);
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1]!.id;
  }
  // Data items.
  for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
    const batch = await session.run('keys.rotate.data_item', 'update', async (work) => {
      const rows = await work.tx
        .selectFrom('data_item')
        .select(['id', 'resident_id', 'household_id', 'category', 'value_cipher'])
        .where('id', '>', after)
        .where('value_cipher', 'is not', null)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      for (const r of rows) {
        if (Keyring.versionOf(r.value_cipher!) === keyring.currentVersion) continue;
        const aad = fieldAad('data_item', 'value_cipher', r.id);
        const decision = work.decide({ actor: SYSTEM, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] }, systemItem('data_item', r.id, r.resident_id, r.household_id, r.category), 'update');
        if (!decision.permit) continue;
        await work.tx.updateTable('data_item').set({ value_cipher: keyring.encrypt(keyring.decrypt(r.value_cipher!, aad), aad) }).where('id', '=', r.id).execute();
        work.processed(r.resident_id, logPurpose(work.policy, SYSTEM, null), { type: 'data_item', id: r.id }, [r.category], decision);
        dataItems++;
        done++;
      }
      return rows;
    });
    onProgress?.(done, total);
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1]!.id;
  }
  const { total: remainingOld } = await countOldCiphertexts(store);
  return { currentVersion: keyring.currentVersion, residents, dataItems, remainingOld };
}
