/**
 * Named prepared statements (src/data/pg.ts): statements the app repeats are parsed and planned once per
 * connection instead of on every execution (issue 3's gated read; issue 8's page routes). Only texts with
 * parameters, only from their second use, and a bounded number of them.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadHouseholdFacts } from '../../src/data/gate/facts.ts';
import { PreparedStatements, pgPool } from '../../src/data/pg.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { seedMunicipality } from '../../src/data/index.ts';
import { createTestStore, onPostgres } from '../support/store.ts';

describe('which statements get a name', () => {
  it('a text is named the second time it is seen, and keeps that name', () => {
    const p = new PreparedStatements();
    expect(p.nameFor('select * from household where id = $1')).toBeNull();
    const name = p.nameFor('select * from household where id = $1');
    expect(name).toMatch(/^zv_[0-9a-f]{24}$/);
    expect(p.nameFor('select * from household where id = $1')).toBe(name);
    expect(p.nameFor('select * from resident where id = $1')).toBeNull();
  });

  it('different texts never share a name', () => {
    const p = new PreparedStatements();
    const names = new Set<string | null>();
    for (let i = 0; i < 200; i++) {
      const text = `select ${i} from household where id = $1`;
      p.nameFor(text);
      names.add(p.nameFor(text));
    }
    expect(names.size).toBe(200);
  });

  it('at most MAX_NAMED texts are named (statements built with a varying number of parameters cannot fill the server)', () => {
    const p = new PreparedStatements();
    let named = 0;
    for (let i = 0; i < PreparedStatements.MAX_NAMED + 50; i++) {
      const text = `select * from household where id in (${Array.from({ length: i + 1 }, (_, k) => `$${k + 1}`).join(', ')})`;
      p.nameFor(text);
      if (p.nameFor(text) !== null) named++;
    }
    expect(named).toBe(PreparedStatements.MAX_NAMED);
  });
});

describe('on the database', () => {
  it('PostgreSQL: a repeated statement runs prepared on its connection with the right rows; scripts without parameters run as sent', async () => {
    if (!onPostgres) {
      // PGlite runs in this process: no connection pool, nothing to prepare.
      const t = await createTestStore();
      expect(storeInternals(t.store).database.connection).toBeUndefined();
      await t.close();
      return;
    }
    const pool = pgPool(process.env.DATABASE_URL!, null, 1);
    try {
      const client = await pool.connect();
      try {
        const answers = [];
        for (let i = 0; i < 4; i++) answers.push((await client.query('select $1::int + 1 as n', [i])).rows[0].n);
        expect(answers).toEqual([1, 2, 3, 4]);
        const prepared = await client.query("select name, statement from pg_prepared_statements where statement = 'select $1::int + 1 as n'");
        expect(prepared.rows).toHaveLength(1);
        expect(prepared.rows[0].name).toMatch(/^zv_/);
        // A script (several statements, no parameters) cannot be prepared; it must still run.
        await client.query('select 1; select 2');
        await client.query('select 1; select 2');
        const again = await client.query('select count(*)::int as n from pg_prepared_statements');
        expect(again.rows[0].n).toBe(1);
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
  });

  it("PostgreSQL: the gate's facts statement for one household is planned once per connection, not on every read", async () => {
    // A dossier read and every write load the facts of one household. PostgreSQL estimates an array
    // parameter at ten elements, so with `= any($ids)` the generic plan never looked cheaper than a custom
    // plan for one household, and the statement was planned again on every execution (pg_stat_statements
    // in bench read: 0.45 ms of planning against 0.1 ms of execution per read).
    const t = await createTestStore();
    try {
      // A municipality's worth of rows, freshly seeded (no ANALYZE yet, as in bench read): on a handful of
      // rows every plan costs the same. PGlite has no connection pool and keeps no named statements.
      await seedMunicipality(t.store, { residents: onPostgres ? 3000 : 300, seed: 7 });
      const [d] = await t.ownerSql(
        `select i.professional_id, i.household_id, p.organisation_id from involvement i join professional p on p.id = i.professional_id
         where i.role = 'director' and i.valid_until is null order by i.id limit 1`,
      );
      const householdId = String(d!.household_id);
      const { database, policy } = storeInternals(t.store);
      const actor = { kind: 'professional' as const, id: String(d!.professional_id), organisationId: String(d!.organisation_id), roles: ['professional' as const], displayName: 'test' };
      const found = await database.db.transaction().execute(async (tx) => {
        const seen = [];
        for (let i = 0; i < 12; i++) {
          const facts = (await loadHouseholdFacts(tx, policy.policy(), actor, [householdId], new Date())).get(householdId)!;
          seen.push(facts.reference !== null && facts.helpRequests.size > 0 && facts.involvements.length > 0);
        }
        if (!onPostgres) return { seen, plans: null };
        // The same connection: the transaction holds it.
        const plans = await sql<{ generic_plans: string; custom_plans: string }>`
          select generic_plans, custom_plans from pg_prepared_statements where statement like '%with mine as%'`.execute(tx);
        return { seen, plans: plans.rows };
      });
      expect(found.seen).toEqual(Array(12).fill(true));
      if (found.plans === null) return;
      expect(found.plans).toHaveLength(1);
      // PostgreSQL plans the first five executions for their parameters, then settles on the generic plan.
      expect(Number(found.plans[0]!.custom_plans)).toBeLessThanOrEqual(5);
      expect(Number(found.plans[0]!.generic_plans)).toBeGreaterThanOrEqual(6);
    } finally {
      await t.close();
    }
  });
});
