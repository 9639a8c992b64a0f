/**
 * The demo's covenants (issue 5; R8.1): the demo municipality's chain partners each have one, so that a
 * professional can share with them through a share step plan. Organisation-level configuration, no
 * personal data; inserted once, after the organisations exist (only when they do, e.g. not in a test
 * database seeded without the demo). Fictitious, like everything in the demo.
 */
import { sql, type Kysely } from 'kysely';
import { DEMO_ORGANISATIONS } from '../../core/demo/personas.ts';
import type { DB } from '../schema.ts';
import '../schema-work.ts';

const COVENANTS: Array<{ n: number; org: string; title: string; categories: string[]; purposes: string[]; legalBasis: string }> = [
  {
    n: 1,
    org: 'zorggroep-esrand',
    title: 'Convenant gegevensuitwisseling Wmo-begeleiding Zorggroep Esrand',
    categories: ['identity', 'address', 'contact', 'daily_functioning', 'care_needs', 'involvement'],
    purposes: ['wmo-onderzoek', 'wmo-maatwerkvoorziening'],
    legalBasis: 'wmo-5.2.1-recipients',
  },
  {
    n: 2,
    org: 'budgetcoaching-op-orde',
    title: 'Convenant budgetcoaching Stichting Op Orde',
    categories: ['identity', 'contact', 'income', 'debts', 'payment_arrears', 'involvement'],
    purposes: ['wgs-schuldhulp'],
    legalBasis: 'wgs-processing',
  },
  {
    n: 3,
    org: 'jeugdhulp-de-kiem',
    title: 'Convenant ambulante jeugdhulp Jeugdhulp De Kiem',
    categories: ['identity', 'address', 'contact', 'family_situation', 'youth_care', 'involvement'],
    purposes: ['jeugd-hulp'],
    legalBasis: 'jw-7.4.0-scope',
  },
];

export const DEMO_COVENANT_IDS = COVENANTS.map((c) => `d0000000-0000-4000-8000-${(0xc00 + c.n).toString(16).padStart(12, '0')}`);

export async function seedDemoCovenants(db: Kysely<DB>): Promise<number> {
  let n = 0;
  for (const c of COVENANTS) {
    const org = DEMO_ORGANISATIONS.find((o) => o.key === c.org)!;
    const exists = await db.selectFrom('organisation').select('id').where('id', '=', org.id).executeTakeFirst();
    if (!exists) continue;
    const r = await sql`insert into covenant (id, organisation_id, title, categories, purposes, legal_basis, valid_from, valid_until, status)
      values (${DEMO_COVENANT_IDS[c.n - 1]}, ${org.id}, ${c.title}, ${c.categories}, ${c.purposes}, ${c.legalBasis}, '2026-01-01', null, 'active')
      on conflict (id) do nothing`.execute(db);
    n += Number(r.numAffectedRows ?? 0);
  }
  return n;
}
