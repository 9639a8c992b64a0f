/**
 * Covenants (R8.1) as the gate needs them, and the list professionals see when they choose a partner.
 * A covenant holds no personal data: it is organisation-level configuration. Changing covenants goes
 * through the privacy officer's console (issue 7: four eyes on this table); here they are read.
 */
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { CovenantFact, OrganisationKind } from '../../../core/policy/covenant.ts';
import type { DB } from '../../schema.ts';
import type { GateSession } from '../../gate/session.ts';
import { professional } from './common.ts';
import { domainsFor } from '../../../core/work/zrm-need.ts';
import type { CovenantSummary, OrganisationView, WorkReference } from './views.ts';

export async function covenantFacts(tx: Transaction<DB>, organisationId: string): Promise<CovenantFact[]> {
  const rows = await tx
    .selectFrom('covenant')
    .select(['id', 'organisation_id', 'categories', 'purposes', 'legal_basis', 'valid_from', 'valid_until', 'status'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    categories: r.categories,
    purposes: r.purposes,
    legalBasis: r.legal_basis,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    status: r.status,
  }));
}

export async function organisationKind(tx: Transaction<DB>, organisationId: string): Promise<OrganisationKind | null> {
  const r = await tx.selectFrom('organisation').select('kind').where('id', '=', organisationId).executeTakeFirst();
  return r?.kind ?? null;
}

/** Every covenant with its organisation (professionals choose share recipients from these). */
export async function listCovenants(session: GateSession): Promise<CovenantSummary[]> {
  return session.run('covenant.list', 'list', async (work) => {
    professional(work);
    const rows = await work.tx
      .selectFrom('covenant')
      .innerJoin('organisation', 'organisation.id', 'covenant.organisation_id')
      .select(['covenant.id', 'covenant.title', 'covenant.categories', 'covenant.purposes', 'covenant.legal_basis', 'covenant.valid_from', 'covenant.valid_until', 'covenant.status', 'covenant.version', 'organisation.id as organisation_id', 'organisation.name as organisation_name'])
      .orderBy('organisation.name')
      .orderBy('covenant.valid_from', 'desc')
      .execute();
    const day = work.now.toISOString().slice(0, 10);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      organisation: { id: r.organisation_id, name: r.organisation_name },
      categories: r.categories,
      purposes: r.purposes,
      legalBasis: r.legal_basis,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      status: r.status,
      inForce: r.status === 'active' && r.valid_from <= day && (r.valid_until === null || day < r.valid_until),
      version: r.version,
    }));
  });
}

/** Organisations and their professionals' work contact details (no resident data), to choose partners, experts, directors. */
export async function listOrganisations(session: GateSession): Promise<OrganisationView[]> {
  return session.run('organisation.list', 'list', async (work) => {
    professional(work);
    const orgs = await work.tx.selectFrom('organisation').select(['id', 'name', 'kind', 'sector', 'contact_email', 'contact_phone']).orderBy('kind').orderBy('name').execute();
    const people = await work.tx
      .selectFrom('professional')
      .select(['id', 'organisation_id', 'display_name', 'function_title', 'roles'])
      .where('active', '=', true)
      .where(sql<boolean>`not (roles && array['privacy_officer', 'complaints_commissioner', 'functional_admin', 'archivist']::text[])`)
      .orderBy('display_name')
      .execute();
    return orgs.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      sector: o.sector,
      email: o.contact_email,
      phone: o.contact_phone,
      professionals: people.filter((p) => p.organisation_id === o.id).map((p) => ({ id: p.id, name: p.display_name, functionTitle: p.function_title })),
    }));
  });
}

/**
 * The vocabulary the workspace's forms need (no personal data): categories, sources, secrecy origins,
 * domains and tasks with their laws, and the ZRM life domains each help domain can need.
 */
export async function workReference(session: GateSession): Promise<WorkReference> {
  return session.run('reference.read', 'read', async (work) => {
    professional(work);
    const c = work.policy.catalogue;
    return {
      catalogueVersion: c.version,
      categories: c.categories.map((x) => ({ code: x.code, nl: x.nl, en: x.en, kind: x.kind })),
      sources: c.sources.map((x) => ({ code: x.code, nl: x.nl, en: x.en })),
      secrecyOrigins: c.secrecyOrigins.map((x) => ({ code: x.code, nl: x.nl, en: x.en })),
      domains: c.domains.map((x) => ({ code: x.code, nl: x.nl, en: x.en, law: x.law, lifeDomains: [...domainsFor(x.code)] })),
      tasks: c.tasks.map((x) => ({ code: x.code, domain: x.domain, nl: x.nl, en: x.en, law: x.law, avg6Ground: x.avg6Ground })),
      laws: c.laws.map((x) => ({ code: x.code, name: x.name })),
    };
  });
}
