/**
 * Rules and covenants administration with four eyes (issue 7 item 2) and the register (item 1): a
 * proposal shows its difference, the proposer never approves it, the approved version takes effect on
 * its date, the gate names it, the register gets a new version, and every step is logged and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateDueChanges, newTrace } from '../../src/data/index.ts';
import { consoleWorld, codeOf, day, type ConsoleWorld } from './helpers.ts';

let c: ConsoleWorld;
beforeAll(async () => {
  c = await consoleWorld();
});
afterAll(async () => c.close());

const officer = () => c.repo(c.actor(c.staff.officer)).console;
const officer2 = () => c.repo(c.actor(c.staff.officer2)).console;
const admin = () => c.repo(c.actor(c.staff.admin)).console;

function registerChange(effectiveFrom: string, purpose = 'Vaststellen, samen met de inwoner, welke ondersteuning nodig is (gewijzigd).') {
  return {
    code: 'pa-wmo-onderzoek',
    name: 'Wmo assessment (onderzoek) after a report',
    purpose,
    legalBasis: 'AVG art. 6(1)(e) with Wmo 2015 art. 2.3.2 and 5.1.1.',
    categories: ['identity', 'address', 'contact', 'case', 'care_needs'],
    dataSubjects: ['client'],
    recipients: ['contracted providers'],
    retention: 'Retention class wmo: 15 years from the last change.',
    measures: 'Access per involvement; encryption; logging.',
    effectiveFrom,
    reason: 'Doel nauwkeuriger omschreven na DPIA',
  };
}

describe('the register of processing activities', () => {
  it('lists every activity with the version in force and counts the log entries that point at it', async () => {
    const reg = await admin().register();
    const wmo = reg.activities.find((a) => a.code === 'pa-wmo-onderzoek')!;
    expect(wmo.current?.state).toBe('in_force');
    expect(wmo.versions).toHaveLength(1);
    expect(reg.catalogueVersion).toBe('2026.1');
  });

  it('a professional without a console role may not read it', async () => {
    expect(await codeOf(c.repo(c.actor(c.w.professionals.director)).console.register())).toBe('AUTH.ROLE_REQUIRED');
  });
});

describe('a proposal and its four eyes', () => {
  let id: string;

  it('a register change becomes a proposed catalogue version with a structured diff', async () => {
    const before = await c.logCount();
    const p = await admin().proposeRegisterChange(registerChange(day(new Date())));
    id = p.id;
    expect(p).toMatchObject({ kind: 'rule_catalogue', baseVersion: '2026.1', proposedVersion: '2026.2', status: 'proposed' });
    const change = p.diff.changes.find((x) => x.section === 'processingActivities')!;
    expect(change.key).toBe('pa-wmo-onderzoek');
    expect(change.fields.map((f) => f.field)).toEqual(expect.arrayContaining(['purpose', 'categories']));
    expect(p.mayApprove).toBe(false);
    expect(p.mayWithdraw).toBe(true);
    expect(await c.logCount()).toBeGreaterThan(before);
    const audit = await c.t.ownerSql(`select action, actor_id from admin_audit where object_id = $1`, [id]);
    expect(audit).toEqual([{ action: 'proposal.create', actor_id: c.staff.admin }]);
  });

  it('the proposer cannot approve their own proposal', async () => {
    expect(await codeOf(admin().decideProposal(id, { decision: 'approve' }))).toBe('PROPOSAL.FOUR_EYES');
    expect((await admin().proposal(id)).status).toBe('proposed');
  });

  it('the database refuses it too, whatever the code does', async () => {
    await expect(c.t.ownerSql(`update change_proposal set status = 'approved', decided_by = proposed_by where id = $1`, [id])).rejects.toThrow();
  });

  it('someone else cannot withdraw it', async () => {
    expect(await codeOf(officer().decideProposal(id, { decision: 'withdraw' }))).toBe('PROPOSAL.FOUR_EYES');
  });

  it('a second person approves; on its date it takes effect and the gate names the new version', async () => {
    const p = await officer().decideProposal(id, { decision: 'approve', note: 'akkoord' });
    expect(p).toMatchObject({ status: 'approved', decidedBy: { id: c.staff.officer } });
    // A second process on the same database (a worker of `start --workers`, another machine), opened
    // while 2026.1 is in force.
    const other = await c.t.withKeyring(c.t.keyring);
    const r = await activateDueChanges(c.t.store, new Date());
    expect(r.activated).toEqual([{ id, kind: 'rule_catalogue', version: '2026.2' }]);
    expect(r.catalogueVersion).toBe('2026.2');
    expect((await admin().proposal(id)).status).toBe('in_force');
    // The gate decides and logs under the new version from now on.
    await c.repo(c.actor(c.w.professionals.consulent, ['professional'])).household(c.w.households.main);
    const last = await c.t.ownerSql(`select a.rule_version, pa.code, pa.version from processing_log l join access_record a on a.log_id = l.id join processing_activity pa on pa.id = l.processing_activity_id where pa.code = 'pa-wmo-onderzoek' order by l.id desc limit 1`);
    expect(last[0]).toEqual({ rule_version: '2026.2', code: 'pa-wmo-onderzoek', version: 2 });

    // The other process has nothing to activate, but its next run takes the version in force, and its
    // gate decides under it from then on.
    const before = await c.t.ownerSql(`select count(*)::int as n from access_record where rule_version = '2026.1'`);
    const elsewhere = await activateDueChanges(other, new Date());
    expect(elsewhere).toMatchObject({ activated: [], catalogueVersion: '2026.2', reloaded: true });
    expect((await activateDueChanges(other, new Date())).reloaded).toBeUndefined();
    await other.repository({ actor: c.actor(c.w.professionals.consulent, ['professional']), trace: newTrace(), now: new Date() }).household(c.w.households.main);
    expect(await c.t.ownerSql(`select count(*)::int as n from access_record where rule_version = '2026.1'`)).toEqual(before);
  });

  it('the register now has two versions of the activity; the old one is kept', async () => {
    const reg = await admin().register();
    const wmo = reg.activities.find((a) => a.code === 'pa-wmo-onderzoek')!;
    expect(wmo.versions.map((v) => [v.version, v.state])).toEqual([
      [2, 'in_force'],
      [1, 'superseded'],
    ]);
    expect(wmo.current?.purpose).toContain('gewijzigd');
  });

  it('activation is idempotent', async () => {
    expect((await activateDueChanges(c.t.store, new Date())).activated).toEqual([]);
  });

  it('a proposal that starts from an older version is refused as stale', async () => {
    const p = await admin().proposeRegisterChange(registerChange(day(new Date(), 10), 'Een ander doel.'));
    expect(p.baseVersion).toBe('2026.2');
    await c.t.ownerSql(`update change_proposal set base_version = '2026.1' where id = $1`, [p.id]);
    expect(await codeOf(officer2().decideProposal(p.id, { decision: 'approve' }))).toBe('PROPOSAL.STALE');
    await admin().decideProposal(p.id, { decision: 'withdraw' });
  });

  it('a future date keeps the change approved but not in force until that day', async () => {
    const future = day(new Date(), 30);
    const p = await admin().proposeRegisterChange(registerChange(future, 'Doel per volgende maand.'));
    await officer().decideProposal(p.id, { decision: 'approve' });
    expect((await activateDueChanges(c.t.store, new Date())).activated).toEqual([]);
    expect((await admin().proposal(p.id)).status).toBe('approved');
    const r = await activateDueChanges(c.t.store, new Date(`${future}T08:00:00Z`));
    expect(r.activated.map((a) => a.version)).toEqual(['2026.3']);
    expect(r.catalogueVersion).toBe('2026.3');
    // Back to today's policy for the rest of the tests.
    expect((await c.t.store.reloadPolicy())).toBe('2026.2');
  });

  it('every step is in the audit trail and in the processing log under pa-oversight', async () => {
    const audit = await c.t.ownerSql(`select action from admin_audit order by id`);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['proposal.create', 'proposal.approve', 'catalogue.activate', 'proposal.withdraw']));
    const logged = await c.t.ownerSql(`select count(*)::int as n from processing_log l join access_record a on a.log_id = l.id join processing_activity pa on pa.id = l.processing_activity_id where pa.code = 'pa-oversight' and a.object_type = 'change_proposal'`);
    expect(Number(logged[0]!.n)).toBeGreaterThan(3);
  });
});

describe('bad proposals', () => {
  it('an invalid catalogue is refused with every problem listed, and nothing is written', async () => {
    const before = await c.t.ownerSql('select count(*)::int as n from change_proposal');
    const e = await admin().proposeCatalogue({ catalogue: { version: 'x' }, reason: 'test' }).catch((err: unknown) => err as { code: string; details: { problems: string[] } });
    expect(e).toMatchObject({ code: 'PROPOSAL.INVALID_CATALOGUE' });
    expect((e as { details: { problems: string[] } }).details.problems.length).toBeGreaterThan(3);
    expect(await c.t.ownerSql('select count(*)::int as n from change_proposal')).toEqual(before);
  });

  it('a version that is not newer, or a backdated date, is refused', async () => {
    const cat = (await admin().catalogueText('2026.2')) as { version: string; effectiveFrom: string };
    expect(await codeOf(admin().proposeCatalogue({ catalogue: cat, reason: 'test' }))).toBe('PROPOSAL.INVALID_VERSION');
    expect(await codeOf(admin().proposeRegisterChange(registerChange('2020-01-01')))).toBe('PROPOSAL.INVALID_VERSION');
  });

  it('a proposal that changes nothing is refused', async () => {
    const newest = (await admin().catalogueVersions()).map((v) => v.version).sort().at(-1)!;
    const cat = structuredClone((await admin().catalogueText(newest)) as Record<string, unknown> & { rules: Array<Record<string, unknown>> });
    cat['version'] = '2026.9';
    cat['effectiveFrom'] = day(new Date(), 90);
    for (const r of cat.rules) {
      r['version'] = '2026.9';
      r['effectiveFrom'] = cat['effectiveFrom'];
    }
    expect(await codeOf(admin().proposeCatalogue({ catalogue: cat, reason: 'test' }))).toBe('PROPOSAL.NO_CHANGE');
  });

  it('a professional without a console role cannot propose', async () => {
    expect(await codeOf(c.repo(c.actor(c.w.professionals.director)).console.proposeRegisterChange(registerChange(day(new Date(), 5))))).toBe('AUTH.ROLE_REQUIRED');
  });

  it('an archivist may read proposals but not decide them', async () => {
    const list = await c.repo(c.actor(c.staff.archivist)).console.proposals();
    expect(list.length).toBeGreaterThan(0);
    expect(await codeOf(c.repo(c.actor(c.staff.archivist)).console.decideProposal(list[0]!.id, { decision: 'reject' }))).toBe('AUTH.ROLE_REQUIRED');
  });
});

describe('covenants through the same procedure', () => {
  it('a new covenant is proposed, approved by someone else, and written on approval', async () => {
    const p = await admin().proposeCovenant({
      covenantId: null,
      organisationId: c.w.organisations.provider,
      title: 'Convenant begeleiding thuis',
      categories: ['identity', 'address', 'care_needs'],
      purposes: ['wmo-maatwerkvoorziening'],
      legalBasis: 'wmo-5.1.2-provider',
      validFrom: day(new Date()),
      validUntil: null,
      status: 'active',
      reason: 'Nieuwe aanbieder gecontracteerd',
    });
    expect(p).toMatchObject({ kind: 'covenant', baseVersion: null, proposedVersion: '1' });
    expect(p.diff.changes[0]!.kind).toBe('added');
    await officer().decideProposal(p.id, { decision: 'approve' });
    await activateDueChanges(c.t.store, new Date());
    const list = await admin().covenants();
    expect(list.available).toBe(true);
    const cov = list.covenants.find((x) => x.id === p.subject)!;
    expect(cov).toMatchObject({ version: 1, current: true, categories: ['address', 'care_needs', 'identity'] });

    // A change is a new version: only the changed fields show in the diff.
    const q = await officer().proposeCovenant({ ...cov, covenantId: cov.id, validUntil: day(new Date(), 365), reason: 'Looptijd vastgelegd' });
    expect(q.diff.changes[0]!.fields.map((f) => f.field)).toEqual(['validUntil']);
    await admin().decideProposal(q.id, { decision: 'approve' });
    await activateDueChanges(c.t.store, new Date());
    expect((await admin().covenants()).covenants.find((x) => x.id === cov.id)!.version).toBe(2);
  });

  it('a covenant with an unknown category or legal basis is refused', async () => {
    const base = { covenantId: null, organisationId: c.w.organisations.provider, title: 'X', purposes: ['wmo-onderzoek'], validFrom: day(new Date()), validUntil: null, status: 'draft' as const, reason: 'test' };
    expect(await codeOf(admin().proposeCovenant({ ...base, title: 'Convenant', categories: ['nonsense'], legalBasis: 'wmo-5.1.2-provider' }))).toBe('COVENANT.INVALID');
    expect(await codeOf(admin().proposeCovenant({ ...base, title: 'Convenant', categories: ['identity'], legalBasis: 'no-such-rule' }))).toBe('COVENANT.INVALID');
  });
});

describe('catalogue versions', () => {
  it('lists the loaded versions and which one is in force', async () => {
    const v = await c.repo(c.actor(c.staff.archivist), new Date()).console.catalogueVersions();
    expect(v.find((x) => x.inForce)?.version).toBe('2026.2');
    expect(v.map((x) => x.version)).toEqual(expect.arrayContaining(['2026.1', '2026.2', '2026.3']));
  });

  it('an export is logged under the trace of its request', async () => {
    const trace = newTrace();
    await c.t.store.repository({ actor: c.actor(c.staff.admin), trace, now: new Date() }).console.register('export');
    const rows = await c.t.ownerSql(`select trace_id from processing_log l join access_record a on a.log_id = l.id where a.object_type = 'processing_register_export'`);
    expect(rows.map((r) => r.trace_id)).toContain(trace.traceId);
  });
});
