/**
 * Access reviews (issue 7 item 4): the schedule (yearly; quarterly for privileged accounts), per
 * professional the current involvements, signed off or revoked — revoking ends the involvement now, and
 * with it the access. Nobody reviews their own access.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleWorld, codeOf, type ConsoleWorld } from './helpers.ts';

let c: ConsoleWorld;
const officer = () => c.repo(c.actor(c.staff.officer)).console;

beforeAll(async () => {
  c = await consoleWorld();
});
afterAll(async () => c.close());

describe('the review schedule', () => {
  it('lists every active professional, privileged accounts quarterly, never-reviewed ones by their start', async () => {
    const rows = await officer().reviewSchedules();
    const admin = rows.find((r) => r.professionalId === c.staff.admin)!;
    const director = rows.find((r) => r.professionalId === c.w.professionals.director)!;
    expect(admin.schedule).toMatchObject({ cadence: 'quarterly', rule: 'bio-8.02.01', lastReviewed: null });
    expect(director.schedule).toMatchObject({ cadence: 'yearly', rule: 'bio-5.18.02' });
    expect(director.currentInvolvements).toBe(1);
  });

  it('an account created long ago and never reviewed is overdue, and comes first', async () => {
    await c.t.ownerSql(`update professional set created_at = now() - interval '2 years' where id = $1`, [c.w.professionals.consulent]);
    const rows = await officer().reviewSchedules();
    expect(rows[0]!.schedule.status).toBe('overdue');
    expect(rows.find((r) => r.professionalId === c.w.professionals.consulent)!.schedule.status).toBe('overdue');
  });

  it('is for the privacy officer only', async () => {
    expect(await codeOf(c.repo(c.actor(c.staff.admin)).console.reviewSchedules())).toBe('AUTH.ROLE_REQUIRED');
  });
});

describe('reviewing one professional', () => {
  it('shows the current involvements, without content', async () => {
    const d = await officer().reviewDetail(c.w.professionals.consulent);
    expect(d.involvements).toHaveLength(1);
    expect(d.involvements[0]).toMatchObject({ role: 'case_worker', helpRequestId: c.w.helpRequests.wmo, householdReference: 'HH-TEST-1' });
  });

  it('signing off records the review and moves the due date a year on', async () => {
    const r = await officer().decideReview(c.w.professionals.director, { outcome: 'signed_off', revoke: [] });
    expect(r.schedule.lastReviewed).toBe(new Date().toISOString().slice(0, 10));
    expect(r.schedule.status).toBe('ok');
    const d = await officer().reviewDetail(c.w.professionals.director);
    expect(d.history[0]).toMatchObject({ outcome: 'signed_off', kept: 1, revoked: 0 });
  });

  it('revoking ends the involvement now: the professional no longer sees the household', async () => {
    await c.repo(c.actor(c.w.professionals.consulent)).household(c.w.households.main);
    const inv = (await officer().reviewDetail(c.w.professionals.consulent)).involvements[0]!;
    const r = await officer().decideReview(c.w.professionals.consulent, { outcome: 'revoked', revoke: [inv.id], note: 'Niet meer nodig' });
    expect(r.revoked).toEqual([inv.id]);
    expect(await codeOf(c.repo(c.actor(c.w.professionals.consulent)).household(c.w.households.main))).toBe('GATE.NOT_FOUND');
    expect((await officer().reviewDetail(c.w.professionals.consulent)).involvements).toEqual([]);
    const audit = await c.t.ownerSql(`select action from admin_audit where object_id = $1`, [c.w.professionals.consulent]);
    expect(audit.map((a) => a.action)).toEqual(['access_review.revoked']);
  });

  it('nobody reviews their own access', async () => {
    expect(await codeOf(officer().decideReview(c.staff.officer, { outcome: 'signed_off', revoke: [] }))).toBe('ACCESS_REVIEW.OWN_ACCESS');
  });

  it('an involvement that is not theirs cannot be revoked through their review, and nothing is written', async () => {
    const before = await c.t.ownerSql('select count(*)::int as n from access_review');
    const other = (await officer().reviewDetail(c.w.professionals.pwconsulent)).involvements[0]!.id;
    expect(await codeOf(officer().decideReview(c.w.professionals.jeugdconsulent, { outcome: 'revoked', revoke: [other] }))).toBe('ACCESS_REVIEW.UNKNOWN_INVOLVEMENT');
    expect(await c.t.ownerSql('select count(*)::int as n from access_review')).toEqual(before);
  });

  it('the review trail cannot be changed', async () => {
    await expect(c.t.ownerSql(`delete from access_review`)).rejects.toThrow(/append-only/);
  });
});
