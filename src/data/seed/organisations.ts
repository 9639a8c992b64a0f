/**
 * The organisations of Oosterveld's social domain and their professionals. The municipality, its
 * teams and the chain partners are a fixed list (ids do not depend on the seed), so the rules,
 * covenants and personas can refer to them; the number of professionals scales with the caseload
 * (about one per 150 residents in households with a case, with a minimum per organisation).
 */
import { DEMO_ORGANISATIONS, PERSONAS, type DemoOrganisationKey } from '../../core/demo/personas.ts';
import { Rng } from './prng.ts';
import type { OrganisationRow, ProfessionalRow } from './types.ts';
import { givenNamePool, SURNAMES, slug, type Background, type Sex } from './vocabulary/names.ts';

export type OrganisationKey =
  | DemoOrganisationKey
  | 'thuiszorg-twentse-hof'
  | 'gezinsbegeleiding-oost'
  | 'ggz-de-horst'
  | 'kredietbank-oost'
  | 'werkplus'
  | 'jeugdbescherming-oost'
  | 'woonstichting'
  | 'raad-kinderbescherming';

export interface Organisation {
  key: OrganisationKey;
  id: string;
  name: string;
  kind: OrganisationRow['kind'];
  sector: string | null;
  /** The duty of confidentiality its professionals hold; data it supplies keep it (catalogue secrecyOrigins). */
  secrecyOrigin: string | null;
  agbCode: string | null;
  emailDomain: string;
}

type OrgDef = Omit<Organisation, 'id' | 'emailDomain'>;

const EXTRA: readonly OrgDef[] = [
  { key: 'thuiszorg-twentse-hof', name: 'Thuiszorg Het Twentse Hof', kind: 'chain_partner', sector: 'thuiszorg', secrecyOrigin: 'wmo', agbCode: '98000303' },
  { key: 'gezinsbegeleiding-oost', name: 'Stichting Gezinsbegeleiding Oost', kind: 'chain_partner', sector: 'jeugdhulp', secrecyOrigin: 'jeugdhulpverlener', agbCode: '98000404' },
  { key: 'ggz-de-horst', name: 'GGZ De Horst', kind: 'chain_partner', sector: 'ggz', secrecyOrigin: 'big', agbCode: '22000505' },
  { key: 'kredietbank-oost', name: 'Kredietbank Oost', kind: 'chain_partner', sector: 'schuldhulpverlening', secrecyOrigin: null, agbCode: null },
  { key: 'werkplus', name: 'Re-integratiebedrijf WerkPlus', kind: 'chain_partner', sector: 're_integratie', secrecyOrigin: 'participatiewet', agbCode: null },
  { key: 'jeugdbescherming-oost', name: 'Stichting Jeugdbescherming Oost (gecertificeerde instelling)', kind: 'chain_partner', sector: 'gecertificeerde_instelling', secrecyOrigin: 'jeugdhulpverlener', agbCode: null },
  { key: 'woonstichting', name: 'Woonstichting Oosterveld Wonen', kind: 'chain_partner', sector: 'woningcorporatie', secrecyOrigin: null, agbCode: null },
  { key: 'raad-kinderbescherming', name: 'Raad voor de Kinderbescherming, regio Oost', kind: 'external_body', sector: 'jeugdbescherming', secrecyOrigin: null, agbCode: null },
];

/** Function title of the case-facing professionals, share of the workforce, minimum headcount. */
const STAFFING: Partial<Record<OrganisationKey, { functionTitle: string; share: number; min: number }>> = {
  'wijkteam-centrum': { functionTitle: 'Wijkcoach', share: 0.22, min: 3 },
  'team-wmo': { functionTitle: 'Wmo-consulent', share: 0.14, min: 2 },
  'team-jeugd': { functionTitle: 'Jeugdconsulent', share: 0.1, min: 2 },
  'team-werk-inkomen': { functionTitle: 'Klantmanager Werk en Inkomen', share: 0.14, min: 2 },
  'team-schuldhulp': { functionTitle: 'Schuldhulpverlener', share: 0.08, min: 2 },
  'zorggroep-esrand': { functionTitle: 'Begeleider Wmo', share: 0.07, min: 1 },
  'thuiszorg-twentse-hof': { functionTitle: 'Thuiszorgmedewerker', share: 0.05, min: 1 },
  'jeugdhulp-de-kiem': { functionTitle: 'Jeugdhulpverlener', share: 0.04, min: 1 },
  'gezinsbegeleiding-oost': { functionTitle: 'Gezinsbegeleider', share: 0.03, min: 1 },
  'ggz-de-horst': { functionTitle: 'Sociaal psychiatrisch verpleegkundige', share: 0.03, min: 1 },
  'budgetcoaching-op-orde': { functionTitle: 'Budgetcoach', share: 0.03, min: 1 },
  'kredietbank-oost': { functionTitle: 'Schuldhulpconsulent', share: 0.02, min: 1 },
  werkplus: { functionTitle: 'Jobcoach', share: 0.03, min: 1 },
  'jeugdbescherming-oost': { functionTitle: 'Jeugdbeschermer', share: 0.02, min: 1 },
};

export const ORGANISATIONS: readonly Organisation[] = [
  ...DEMO_ORGANISATIONS.map(({ key, id, name, kind, sector, secrecyOrigin, agbCode }) => ({ key, id, name, kind, sector, secrecyOrigin, agbCode })),
  // Fixed ids that do not depend on the seed: rules and covenants may name these organisations.
  ...EXTRA.map((o, i) => ({ ...o, id: new Rng(2015, 'organisation', i).uuid() })),
].map((o) => ({
  ...o,
  emailDomain: o.kind === 'municipality' || o.kind === 'municipal_team' ? 'oosterveld.example' : `${slug(o.name).slice(0, 20)}.example`,
}));

export function organisation(key: OrganisationKey): Organisation {
  const o = ORGANISATIONS.find((x) => x.key === key);
  if (!o) throw new Error(`unknown organisation ${key}`);
  return o;
}

export function organisationRows(createdAt: string): OrganisationRow[] {
  return ORGANISATIONS.map((o, i) => {
    const phone = String(4300000 + i * 1111);
    return {
      id: o.id,
      name: o.name,
      kind: o.kind,
      sector: o.sector,
      agb_code: o.agbCode,
      contact_email: `info@${o.emailDomain}`,
      contact_phone: `053 ${phone.slice(0, 3)} ${phone.slice(3)}`,
      secrecy_origin: o.secrecyOrigin,
      created_at: createdAt,
    };
  });
}

/** Professionals by organisation, for assigning cases. */
export type StaffPools = Record<OrganisationKey, string[]>;

export interface Staff {
  rows: ProfessionalRow[];
  pools: StaffPools;
}

/**
 * The workforce: the personas with their fixed ids and subjects, plus generated colleagues
 * (oidc_subject medewerker-NNNN, so a load test can sign many of them in). Staff roles such as
 * privacy_officer go only to personas; a role never opens a dossier (R2.1).
 */
export function generateStaff(seed: number, residents: number, createdAt: string): Staff {
  const rng = new Rng(seed, 'staff');
  const rows: ProfessionalRow[] = [];
  const pools = Object.fromEntries(ORGANISATIONS.map((o) => [o.key, [] as string[]])) as StaffPools;
  for (const p of PERSONAS) {
    if (p.kind !== 'staff' || !p.organisationKey) continue;
    rows.push({
      id: p.id,
      organisation_id: organisation(p.organisationKey).id,
      display_name: p.displayName,
      email: `${slug(p.displayName.split(' ')[0]!)}.${slug(p.displayName.split(' ').slice(1).join(''))}@${organisation(p.organisationKey).emailDomain}`,
      phone: null,
      function_title: p.functionTitle!,
      oidc_subject: p.oidcSubject,
      roles: [...p.roles],
      created_at: createdAt,
    });
    // Staff with a role of their own (FG, commissioner, administrator) take no cases.
    if (p.roles.length === 0) pools[p.organisationKey].push(p.id);
  }
  // About one professional per 150 residents in households with a case (≈ 13 % of residents).
  const workforce = Math.round((residents * 0.13) / 150);
  let n = 0;
  for (const o of ORGANISATIONS) {
    const staffing = STAFFING[o.key];
    if (!staffing) continue;
    const target = Math.max(staffing.min, Math.round(workforce * staffing.share));
    while (pools[o.key].length < target) {
      n += 1;
      const sex: Sex = rng.chance(0.7) ? 'V' : 'M'; // the social domain's workforce is mostly women
      const background: Background = rng.weighted([
        { value: 'nl' as const, weight: 85 },
        { value: 'tr' as const, weight: 5 },
        { value: 'ma' as const, weight: 5 },
        { value: 'sr' as const, weight: 5 },
      ]);
      const given = rng.pick(givenNamePool(background, sex, 1960 + rng.int(0, 40)));
      const surname = rng.pick(SURNAMES[background]);
      const family = surname.prefix ? `${surname.prefix} ${surname.name}` : surname.name;
      const id = rng.uuid();
      rows.push({
        id,
        organisation_id: o.id,
        display_name: `${given} ${family}`,
        email: `${slug(given)[0]}.${slug(family)}@${o.emailDomain}`,
        phone: `06 ${String(rng.int(10000000, 99999999))}`,
        function_title: staffing.functionTitle,
        oidc_subject: `medewerker-${String(n).padStart(4, '0')}`,
        roles: [],
        created_at: createdAt,
      });
      pools[o.key].push(id);
    }
  }
  return { rows, pools };
}
