/**
 * Named prepared statements (src/data/pg.ts): statements the app repeats are parsed and planned once per
 * connection instead of on every execution (issue 3's gated read; issue 8's page routes). Only texts with
 * parameters, only from their second use, and a bounded number of them.
 */
import { describe, expect, it } from 'vitest';
import { PreparedStatements, pgPool } from '../../src/data/pg.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
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
});
