/**
 * The gate-bound repository against a real database (PGlite, or PostgreSQL with DATABASE_URL):
 * projection, 404 for what the actor may not know exists, lists filtered in SQL, writes, reverse
 * queries — each checked against what the processing log recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/policy/actor.ts';
import { newTrace, type Repository } from '../../src/data/index.ts';
import { createTestStore, type TestStore } from '../support/store.ts';
import { insertWorld, type World } from '../support/world.ts';

let t: TestStore;
let w: World;

function prof(id: string, organisationId: string, roles: Array<'professional' | 'chain_partner' | 'privacy_officer'> = ['professional']): Actor {
  return { kind: 'professional', id, organisationId, roles, displayName: 'test' };
}

function repo(actor: Actor | null): Repository {
  return t.store.repository({ actor, trace: newTrace(), now: new Date() });
}

const actors = () => ({
  director: prof(w.professionals.director, w.organisations.team),
  consulent: prof(w.professionals.consulent, w.organisations.team),
  pwconsulent: prof(w.professionals.pwconsulent, w.organisations.team),
  provider: prof(w.professionals.provider, w.organisations.provider, ['chain_partner']),
  ended: prof(w.professionals.ended, w.organisations.team),
  stranger: prof(w.professionals.stranger, w.organisations.team),
  officer: prof(w.professionals.officer, w.organisations.team, ['privacy_officer']),
  adult: { kind: 'resident', id: w.residents.adult, displayName: 'Anna' } as Actor,
});

async function logCount(): Promise<number> {
  const rows = await t.ownerSql('select count(*)::int as n from processing_log');
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  t = await createTestStore();
  w = await insertWorld(t);
});
afterAll(async () => t.close());

describe('household view', () => {
  it('the director sees every member, every help request, the plan and the data of every purpose — but no partner care content', async () => {
    const view = await repo(actors().director).household(w.households.main);
    expect(view.members.map((m) => m.id).sort()).toEqual([w.residents.adult, w.residents.child].sort());
    expect(view.helpRequests).toHaveLength(4);
    expect(view.plan?.subActivities.map((s) => s.id)).toEqual([w.subActivity]);
    const items = new Map(view.dataItems.map((d) => [d.id, d]));
    expect(items.get(w.items.careNeeds)?.value).toBe(w.values.careNeeds);
    expect(items.get(w.items.suwiIncome)?.purposeHelpRequestId).toBe(w.helpRequests.pw);
    expect(items.get(w.items.jeugdHealth)?.purposeHelpRequestId).toBe(w.helpRequests.jeugd);
    expect(items.has(w.items.careRecord)).toBe(false);
  });

  it('the Wmo consulent sees Wmo data but not Suwinet income, Jeugd health data or the partner’s care record', async () => {
    const view = await repo(actors().consulent).household(w.households.main);
    const ids = view.dataItems.map((d) => d.id);
    expect(ids).toContain(w.items.careNeeds);
    expect(ids).not.toContain(w.items.suwiIncome);
    expect(ids).not.toContain(w.items.jeugdHealth);
    expect(ids).not.toContain(w.items.careRecord);
    expect(view.helpRequests.map((h) => h.law)).toEqual(['wmo2015', 'wmo2015']);
  });

  it('the care provider sees only the resident it serves, the categories it declared, its own care record and the goal of its life domain', async () => {
    const view = await repo(actors().provider).household(w.households.main);
    expect(view.members.map((m) => m.id)).toEqual([w.residents.adult]);
    expect(view.members[0]!.identity?.surname).toBe('Testers');
    expect(view.helpRequests).toEqual([]);
    expect(view.plan?.goals.map((g) => g.lifeDomain)).toEqual(['instrumentele_adl']);
    expect(view.dataItems.map((d) => d.id).sort()).toEqual([w.items.careNeeds, w.items.careRecord].sort());
  });

  it('a professional whose involvement ended gets 404, and the attempt is logged as a denial', async () => {
    const before = await logCount();
    await expect(repo(actors().ended).household(w.households.main)).rejects.toMatchObject({ code: 'GATE.NOT_FOUND' });
    const rows = await t.ownerSql(`select a.decision, a.rule_ids, a.actor_id from access_record a join processing_log l on l.id = a.log_id order by l.id desc limit 2`);
    expect(await logCount()).toBe(before + 2);
    expect(rows.every((r) => r.decision === 'deny' && r.actor_id === w.professionals.ended)).toBe(true);
    expect((rows[0]!.rule_ids as string[])[0]).toBe('involvement-required');
  });

  it('a professional of another household gets 404, exactly as for a household that does not exist', async () => {
    await expect(repo(actors().stranger).household(w.households.main)).rejects.toMatchObject({ code: 'GATE.NOT_FOUND' });
    await expect(repo(actors().stranger).household('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'GATE.NOT_FOUND' });
  });

  it('the privacy officer’s role does not open the dossier', async () => {
    await expect(repo(actors().officer).household(w.households.main)).rejects.toMatchObject({ code: 'GATE.NOT_FOUND' });
  });

  it('naming a purpose narrows the view to that help request', async () => {
    const view = await repo(actors().director).household(w.households.main, w.helpRequests.wmo);
    expect(view.purposes.map((p) => p.helpRequestId)).toEqual([w.helpRequests.wmo]);
    expect(view.dataItems.map((d) => d.id)).not.toContain(w.items.suwiIncome);
  });

  it('one log entry per data subject, pseudonymised, naming purpose, categories, rules and the register version', async () => {
    const before = await logCount();
    await repo(actors().consulent).household(w.households.main);
    const rows = await t.ownerSql(
      `select l.data_subject_id, l.data_subject_id_type, l.processing_activity_id, a.decision, a.categories, a.rule_ids, a.purpose_help_request_id, a.rule_version
       from processing_log l join access_record a on a.log_id = l.id where l.id > (select max(id) - $1 from processing_log) order by l.id`,
      [(await logCount()) - before],
    );
    const subjects = new Set(rows.map((r) => r.data_subject_id));
    expect(subjects).toEqual(new Set([t.keyring.pseudonym(w.residents.adult), t.keyring.pseudonym(w.residents.child)]));
    expect(JSON.stringify(rows)).not.toContain(w.residents.adult);
    const adult = rows.find((r) => r.data_subject_id === t.keyring.pseudonym(w.residents.adult) && r.purpose_help_request_id === w.helpRequests.wmo)!;
    expect(adult.decision).toBe('permit');
    expect(adult.categories).toEqual(expect.arrayContaining(['identity', 'care_needs']));
    expect(adult.rule_version).toBe('2026.1');
    expect(adult.processing_activity_id).toBeTruthy();
  });
});

describe('caseload and search', () => {
  it('the caseload lists only households with a current involvement', async () => {
    expect((await repo(actors().director).caseload()).households.map((h) => h.householdId)).toEqual([w.households.main]);
    expect(await repo(actors().ended).caseload()).toEqual({ households: [], total: 0, next: null });
    expect((await repo(actors().stranger).caseload()).households.map((h) => h.householdId)).toEqual([w.households.other]);
  });

  it('search never finds a resident outside the actor’s involvements', async () => {
    expect((await repo(actors().stranger).search({ text: 'Testers' })).length).toBe(0);
    expect((await repo(actors().director).search({ text: 'Testers' })).map((h) => h.resident.id).sort()).toEqual([w.residents.adult, w.residents.child].sort());
  });

  it('search by BSN uses the blind index and needs the BSN basis of the purpose', async () => {
    const hits = await repo(actors().consulent).search({ bsn: w.adultBsn });
    expect(hits.map((h) => h.resident.id)).toEqual([w.residents.adult]);
    const rows = await t.ownerSql(`select a.categories from access_record a join processing_log l on l.id = a.log_id where a.actor_id = $1 order by l.id desc limit 3`, [w.professionals.consulent]);
    expect(rows.some((r) => (r.categories as string[]).includes('bsn'))).toBe(true);
  });
});

describe('writes', () => {
  it('the consulent records care needs for the Wmo help request: stored encrypted, logged, explained', async () => {
    const created = await repo(actors().consulent).createDataItem({ helpRequestId: w.helpRequests.wmo, residentId: w.residents.adult, category: 'care_needs', source: 'resident', value: 'Valt vaak, rollator nodig' });
    expect(created.explanation.decision).toBe('permit');
    const [row] = await t.ownerSql('select value_text, value_cipher, legal_basis from data_item where id = $1', [created.id]);
    expect(row!.value_text).toBeNull();
    expect(Buffer.from(row!.value_cipher as Uint8Array).toString('utf8')).not.toContain('rollator');
    expect(row!.legal_basis).toBe('wmo-5.1.1-scope');
  });

  it('a care provider cannot record income, which its sub-activity does not declare; nothing is written', async () => {
    const before = await t.ownerSql('select count(*)::int as n from data_item');
    await expect(
      repo(actors().provider).createDataItem({ helpRequestId: w.helpRequests.wmoMaatwerk, residentId: w.residents.adult, category: 'income', source: 'resident', value: 'x' }),
    ).rejects.toMatchObject({ code: 'GATE.DENIED' });
    expect(await t.ownerSql('select count(*)::int as n from data_item')).toEqual(before);
  });

  it('writing for a help request the actor is not involved with answers 404', async () => {
    await expect(
      repo(actors().stranger).createDataItem({ helpRequestId: w.helpRequests.wmo, residentId: w.residents.adult, category: 'housing', source: 'resident', value: 'x' }),
    ).rejects.toMatchObject({ code: 'GATE.NOT_FOUND' });
  });

  it('the care provider’s own record is stored as a care record of its sub-activity', async () => {
    const created = await repo(actors().provider).createDataItem({ helpRequestId: w.helpRequests.wmoMaatwerk, residentId: w.residents.adult, category: 'care_record', source: 'provider', value: 'Bezoek 3 juni: gaat beter' });
    expect(created.subActivityId).toBe(w.subActivity);
    const director = await repo(actors().director).household(w.households.main);
    expect(director.dataItems.map((d) => d.id)).not.toContain(created.id);
  });
});

describe('reverse queries', () => {
  it('who can see the care needs: the director, the consulent and the partner — not the ended or the stranger', async () => {
    const res = await repo(actors().officer).whoCanSeeDataItem(w.items.careNeeds);
    expect(res.viewers.map((v) => v.professionalId).sort()).toEqual([w.professionals.director, w.professionals.consulent, w.professionals.provider].sort());
  });

  it('who can see the Suwinet income: only the director (via the Pw help request) and the Pw consulent', async () => {
    const res = await repo(actors().officer).whoCanSeeDataItem(w.items.suwiIncome);
    expect(res.viewers.map((v) => v.professionalId).sort()).toEqual([w.professionals.director, w.professionals.pwconsulent].sort());
    expect(res.viewers.every((v) => v.purposeHelpRequestId === w.helpRequests.pw)).toBe(true);
  });

  it('only the privacy officer may ask who can see an item', async () => {
    await expect(repo(actors().director).whoCanSeeDataItem(w.items.careNeeds)).rejects.toMatchObject({ code: 'GATE.NOT_FOUND' });
  });

  it('which residents the care provider can see: only the one it serves', async () => {
    const res = await repo(actors().officer).residentsVisibleTo(w.professionals.provider);
    expect(res.map((r) => r.residentId)).toEqual([w.residents.adult]);
    expect(res[0]!.categories.sort()).toEqual(['address', 'contact', 'identity']);
  });
});

describe('the resident’s own file', () => {
  it('the resident sees their own data, including the partner’s care record about them, and no data about the child', async () => {
    const o = await repo(actors().adult).portalOverview();
    expect(o.me.identity?.givenNames).toBe('Anna');
    expect(o.me.bsnMasked).toBe('*****2333');
    const ids = o.dataItems.map((d) => d.id);
    expect(ids).toContain(w.items.careRecord);
    expect(ids).not.toContain(w.items.jeugdHealth);
    expect(o.plans).toHaveLength(1);
  });

  it('the plan on the director’s household page is logged for every current member, the household being theirs', async () => {
    const trace = newTrace();
    const page = await t.store.repository({ actor: actors().director, trace, now: new Date() }).household(w.households.main);
    expect(page.plan?.id).toBe(w.plan);
    const rows = await t.ownerSql(
      `select l.data_subject_id from processing_log l join access_record a on a.log_id = l.id where l.trace_id = $1 and 'plan' = any(a.categories)`,
      [trace.traceId],
    );
    // One entry per subject and purpose: the director reads under each help request it covers.
    const subjects = [...new Set(rows.map((r) => String(r.data_subject_id)))].sort();
    expect(subjects).toEqual([w.residents.adult, w.residents.child].map((id) => t.keyring.pseudonym(id)).sort());
  });

  it('a plan still in draft is not the resident’s to see; the director’s page shows it as the draft', async () => {
    await t.ownerSql(`update support_plan set status = 'draft', activated_at = null where id = $1`, [w.plan]);
    try {
      expect((await repo(actors().adult).portalOverview()).plans).toEqual([]);
      expect((await repo(actors().adult).residents.file(null)).plans).toEqual([]);
      expect((await repo(actors().director).household(w.households.main)).plan).toMatchObject({ id: w.plan, status: 'draft' });
    } finally {
      await t.ownerSql(`update support_plan set status = 'active', activated_at = now() where id = $1`, [w.plan]);
    }
    expect((await repo(actors().adult).portalOverview()).plans.map((p) => p.id)).toEqual([w.plan]);
    expect((await repo(actors().adult).residents.file(null)).plans.map((p) => p.id)).toEqual([w.plan]);
  });
});
