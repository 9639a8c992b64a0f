/**
 * Writing a data item for a help request (R1.2: no data without a purpose). The gate decides the
 * write under the named help request — purpose open, involvement, the role may write, a partner only
 * in its declared categories, the task's basis for special categories/criminal data/BSN — and the
 * item is stored with its provenance. Special categories, criminal data and the BSN are encrypted per
 * field (AES-256-GCM) bound to their row (R2.4).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import { fieldAad } from '../../core/crypto/keyring.ts';
import { isConfidentialityLevel } from '../../core/domain/confidentiality.ts';
import type { GateSession } from '../gate/session.ts';
import { coveredPurposes, loadHouseholdFacts, contextFor } from '../gate/facts.ts';
import { logPurpose } from '../gate/purposes.ts';
import { explain, type Explanation } from '../../core/policy/explain.ts';
import { dataItemItem } from './items.ts';
import { authoriseRecord } from './work/step-plans.ts';
import type { DataItemView } from './views.ts';

export interface NewDataItem {
  helpRequestId: string;
  residentId: string;
  category: string;
  source: string;
  value: string;
  confidentiality?: string;
  secrecyOrigin?: string | null;
}

const RETENTION_BY_LAW: Record<string, string> = { wmo2015: 'wmo', jeugdwet: 'jeugd', pw: 'pw', wgs: 'wgs' };

export async function createDataItem(session: GateSession, input: NewDataItem): Promise<DataItemView & { explanation: Explanation }> {
  return session.run('data_item.create', 'create', async (work) => {
    const actor = work.actor!;
    const policy = work.policy;
    const category = policy.categories.get(input.category);
    if (!category) throw new AppError('DATA_ITEM.UNKNOWN_CATEGORY', { field: 'category' });
    if (!policy.sources.has(input.source)) throw new AppError('REQUEST.INVALID', { fields: ['/source'] });
    const level = input.confidentiality ?? category.defaultConfidentiality;
    if (!isConfidentialityLevel(level)) throw new AppError('DATA_ITEM.INVALID_LEVEL', { field: 'confidentiality' });
    if (input.secrecyOrigin && !policy.catalogue.secrecyOrigins.some((s) => s.code === input.secrecyOrigin)) {
      throw new AppError('REQUEST.INVALID', { fields: ['/secrecyOrigin'] });
    }
    const hr = await work.tx.selectFrom('help_request').select(['id', 'household_id', 'task_code']).where('id', '=', input.helpRequestId).executeTakeFirst();
    const denyUnknown = () => {
      work.denied(null, logPurpose(policy, actor, null), { type: 'help_request', id: input.helpRequestId }, input.category, work.decide(
        { actor, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] },
        { type: 'data_item', id: null, householdId: '', residentId: null, category: input.category, collectedForLaw: null, source: input.source, confidentiality: level, secrecyOrigin: null, subActivityId: null, recordedByOrganisationId: null },
      ));
      return work.failAfterCommit('GATE.NOT_FOUND');
    };
    if (!hr || actor.kind !== 'professional') return denyUnknown();
    const facts = (await loadHouseholdFacts(work.tx, policy, actor, [hr.household_id], work.now)).get(hr.household_id)!;
    const [purpose] = coveredPurposes(facts, actor, work.now, hr.id);
    if (!purpose) return denyUnknown();
    const member = await work.tx
      .selectFrom('household_member')
      .select('resident_id')
      .where('household_id', '=', hr.household_id)
      .where('resident_id', '=', input.residentId)
      .executeTakeFirst();
    if (!member) throw new AppError('RESIDENT.NOT_FOUND');
    // A partner records care information under its own sub-activity: its content stays with it (R2.3).
    const t = work.now.getTime();
    const providerInv = facts.involvements.find(
      (i) => i.role === 'provider' && i.validFrom.getTime() <= t && (i.validUntil === null || t < i.validUntil.getTime()) && facts.subActivities.get(i.subActivityId!)?.helpRequestId === hr.id,
    );
    const id = randomUUID();
    const row = {
      id,
      household_id: hr.household_id,
      resident_id: input.residentId,
      category: input.category,
      source: input.source,
      confidentiality: level,
      secrecy_origin: input.secrecyOrigin ?? null,
      sub_activity_id: providerInv?.subActivityId ?? null,
    };
    const item = dataItemItem(row, purpose.law, actor.organisationId);
    const decision = work.decide(contextFor(actor, facts, purpose, work.now), item, 'create');
    const lp = logPurpose(policy, actor, purpose);
    if (!decision.permit) {
      work.denied(input.residentId, lp, { type: 'data_item', id: null }, input.category, decision);
      return work.failAfterCommit('GATE.DENIED', { rule: decision.rule });
    }
    // R3.1: the step plan comes BEFORE the record — a completed plan must name this resident and category.
    await authoriseRecord(work, { helpRequestId: hr.id, residentId: input.residentId, category: input.category, providerSubActivityId: providerInv?.subActivityId ?? null, lp });
    const task = policy.tasks.get(purpose.taskCode)!;
    const encrypted = category.kind !== 'ordinary';
    const recordedAt = work.now;
    await work.tx
      .insertInto('data_item')
      .values({
        ...row,
        help_request_id: hr.id,
        legal_basis: task.basisRule,
        retention_class: RETENTION_BY_LAW[purpose.law] ?? 'wmo',
        value_text: encrypted ? null : input.value,
        value_cipher: encrypted ? work.keyring.encrypt(input.value, fieldAad('data_item', 'value_cipher', id)) : null,
        recorded_by: actor.id,
        recorded_at: recordedAt,
      })
      .execute();
    work.processed(input.residentId, lp, { type: 'data_item', id }, [input.category], decision);
    return {
      id,
      residentId: input.residentId,
      helpRequestId: hr.id,
      subActivityId: row.sub_activity_id,
      category: input.category,
      source: input.source,
      legalBasis: task.basisRule,
      confidentiality: level,
      secrecyOrigin: row.secrecy_origin,
      retentionClass: RETENTION_BY_LAW[purpose.law] ?? 'wmo',
      recordedAt: recordedAt.toISOString(),
      value: input.value,
      purposeHelpRequestId: purpose.id,
      explanation: explain(policy, decision),
    };
  });
}
