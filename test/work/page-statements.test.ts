/**
 * Statements per page (issue 8). At city scale on two shared cores every statement a page sends costs a
 * system call on each side and a wake-up of the database, whatever it reads: the profile of the help
 * request page showed 15 % of the server's time in `writev`, nearly all of it submitting queries. The
 * household page and the help request page therefore read the gate's facts together with the members and
 * the plan in one statement (the help request page finds its household in it too), then a page of data
 * items, then append the log: three statements inside the transaction, with the same answers as before.
 * The resident's file reads the plans of its households with their facts (12 → 9 statements); the
 * involvement notices find the reader's households and the other's involvement in their own statement (6 → 3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type KyselyPlugin } from 'kysely';
import type { Actor } from '../../src/core/policy/actor.ts';
import { newTrace, seedMunicipality } from '../../src/data/index.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { createTestStore, type TestStore } from '../support/store.ts';

let t: TestStore;
let director: Actor;
let household: string;
let helpRequest: string;
let adult: Actor;
let recipient: Actor;
let statements: string[] = [];

/** Counts the statements Kysely sends (BEGIN and COMMIT are not statements it builds). */
const counter: KyselyPlugin = {
  transformQuery(args) {
    statements.push(args.node.kind);
    return args.node;
  },
  async transformResult(args) {
    return args.result;
  },
};

beforeAll(async () => {
  t = await createTestStore();
  await seedMunicipality(t.store, { residents: 300, seed: 11, itemsPerRequest: 20 });
  const { database } = storeInternals(t.store);
  const row = (
    await sql<{ household_id: string; director_id: string; organisation_id: string; help_request_id: string }>`
      select sp.household_id, sp.director_id, p.organisation_id,
        (select h.id from help_request h where h.household_id = sp.household_id order by h.registered_at, h.id limit 1) as help_request_id
      from support_plan sp join professional p on p.id = sp.director_id
      where sp.status = 'active'
        and exists (select 1 from involvement i where i.household_id = sp.household_id and i.professional_id = sp.director_id and i.help_request_id is null
                    and i.valid_from <= now() and (i.valid_until is null or i.valid_until > now()))
        and exists (select 1 from plan_goal g where g.plan_id = sp.id)
      order by sp.household_id limit 1`.execute(database.db)
  ).rows[0]!;
  director = { kind: 'professional', id: row.director_id, organisationId: row.organisation_id, roles: ['professional'], displayName: 'test' };
  household = row.household_id;
  helpRequest = row.help_request_id;
  // An adult member of a household with a plan in force, with data about them, who represents no one.
  const member = (
    await sql<{ resident_id: string }>`
      select m.resident_id from household_member m join resident r on r.id = m.resident_id
      join support_plan sp on sp.household_id = m.household_id and sp.status = 'active'
      where m.valid_until is null and r.birth_date < current_date - interval '18 years'
        and exists (select 1 from data_item d where d.resident_id = m.resident_id)
        and not exists (select 1 from legal_representative l where l.representative_id = m.resident_id)
      order by m.resident_id limit 1`.execute(database.db)
  ).rows[0]!;
  adult = { kind: 'resident', id: member.resident_id, displayName: 'test' };
  // The professional with the most involvement notices (the matching job recorded them at the seed's end).
  const most = (
    await sql<{ id: string; organisation_id: string }>`
      select p.id, p.organisation_id from involvement_notice n join professional p on p.id = n.recipient_id
      group by p.id, p.organisation_id order by count(*) desc, p.id limit 1`.execute(database.db)
  ).rows[0]!;
  recipient = { kind: 'professional', id: most.id, organisationId: most.organisation_id, roles: ['professional'], displayName: 'test' };
  // Count from here on, through the same database object the gate uses.
  database.db = database.db.withPlugin(counter);
});
afterAll(async () => t.close());

const repo = () => t.store.repository({ actor: director, trace: newTrace(), now: new Date() });

async function counted<T>(fn: () => Promise<T>): Promise<{ value: T; statements: number }> {
  await fn(); // the first visit takes this process's log chain (a lease), later ones do not
  statements = [];
  const value = await fn();
  return { value, statements: statements.length };
}

describe('statements per page', () => {
  it('the household page: facts with members and plan, a page of data items, the log append', async () => {
    const { value, statements: n } = await counted(() => repo().household(household, null));
    expect(value.members.length).toBeGreaterThan(0);
    expect(value.plan?.goals.length).toBeGreaterThan(0);
    expect(value.dataItems.length).toBeGreaterThan(0);
    expect(n).toBe(3);
  });

  it('the help request page: the same three, its household found with its facts', async () => {
    const { value, statements: n } = await counted(() => repo().helpRequest(helpRequest));
    expect(value.id).toBe(household);
    expect(value.helpRequestId).toBe(helpRequest);
    expect(value.members.length).toBeGreaterThan(0);
    expect(value.plan).not.toBeNull();
    expect(n).toBe(3);
  });

  it('a help request that does not exist: one statement to look, the denial logged, 404', async () => {
    await expect(repo().helpRequest('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'GATE.NOT_FOUND' });
    statements = [];
    await expect(repo().helpRequest('00000000-0000-4000-8000-000000000001')).rejects.toMatchObject({ code: 'GATE.NOT_FOUND' });
    expect(statements.length).toBe(2);
  });

  it('my file: the representation, the households and the restrictions (with those that may be disclosed) in one, their facts with the plans, me, my help requests, my data, the log append', async () => {
    const { value, statements: n } = await counted(() => t.store.repository({ actor: adult, trace: newTrace(), now: new Date() }).residents.file(null));
    expect(value.plans).toHaveLength(1);
    expect(value.categories.length).toBeGreaterThan(0);
    expect(n).toBe(6);
  });

  it('the involvement notices: the page (of households I am involved with, the other still involved), the facts with members, the log append', async () => {
    const { value, statements: n } = await counted(() => t.store.repository({ actor: recipient, trace: newTrace(), now: new Date() }).work.notices());
    expect(value.notices.length).toBeGreaterThan(0);
    expect(value.notices.every((x) => x.residentName !== null)).toBe(true);
    expect(n).toBe(3);
  });

  it('the caseload: the page, the facts with members, the log append', async () => {
    const { value, statements: n } = await counted(() => repo().caseload());
    expect(value.households.length).toBeGreaterThan(0);
    expect(value.households.every((h) => h.members.length > 0)).toBe(true);
    expect(n).toBe(3);
  });
});
