/**
 * The named demo personas of the synthetic municipality "Gemeente Oosterveld" (issue 2 item 4), and
 * the fixed ids of the demo household they work with. Pure constants: the seed generator
 * (src/data/seed) writes these rows with exactly these ids and OIDC subjects, so that the development
 * IdP can sign them in and the gate tests can name them. Documented in docs/demo-personas.md.
 *
 * Every person, number and organisation here is fictitious. BSNs start with 9999, a range the
 * generator never hands out to the synthetic residents, and pass the 11-proef.
 */

/** The demo resident's BSN (Linda ter Horst-Kamphuis): 9999… and valid under the 11-proef. */
export const DEMO_RESIDENT_BSN = '999900018';

/** Demo ids are ordinary v4-formatted UUIDs with a recognisable 'd0000000-' prefix. */
function id(n: number): string {
  return `d0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export type DemoOrganisationKey =
  | 'gemeente'
  | 'wijkteam-centrum'
  | 'team-wmo'
  | 'team-werk-inkomen'
  | 'team-schuldhulp'
  | 'team-jeugd'
  | 'zorggroep-esrand'
  | 'budgetcoaching-op-orde'
  | 'jeugdhulp-de-kiem'
  | 'klachtencommissie';

export interface DemoOrganisation {
  key: DemoOrganisationKey;
  id: string;
  name: string;
  kind: 'municipality' | 'municipal_team' | 'chain_partner' | 'external_body';
  sector: string | null;
  /** The duty of confidentiality its professionals hold (catalogue secrecyOrigins). */
  secrecyOrigin: string | null;
  agbCode: string | null;
}

/** The organisations the personas belong to; the generator adds the other chain partners. */
export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  { key: 'gemeente', id: id(0x01), name: 'Gemeente Oosterveld', kind: 'municipality', sector: 'gemeente', secrecyOrigin: null, agbCode: null },
  { key: 'wijkteam-centrum', id: id(0x02), name: 'Sociaal Wijkteam Centrum', kind: 'municipal_team', sector: 'sociaal_wijkteam', secrecyOrigin: null, agbCode: null },
  { key: 'team-wmo', id: id(0x03), name: 'Team Wmo', kind: 'municipal_team', sector: 'wmo', secrecyOrigin: null, agbCode: null },
  { key: 'team-werk-inkomen', id: id(0x04), name: 'Team Werk en Inkomen', kind: 'municipal_team', sector: 'werk_inkomen', secrecyOrigin: null, agbCode: null },
  { key: 'team-schuldhulp', id: id(0x05), name: 'Team Schuldhulp', kind: 'municipal_team', sector: 'schuldhulp', secrecyOrigin: null, agbCode: null },
  { key: 'team-jeugd', id: id(0x06), name: 'Team Jeugd', kind: 'municipal_team', sector: 'jeugd', secrecyOrigin: null, agbCode: null },
  { key: 'zorggroep-esrand', id: id(0x10), name: 'Zorggroep Esrand', kind: 'chain_partner', sector: 'wmo_begeleiding', secrecyOrigin: 'wmo', agbCode: '98000101' },
  { key: 'budgetcoaching-op-orde', id: id(0x11), name: 'Stichting Budgetcoaching Op Orde', kind: 'chain_partner', sector: 'budgetcoaching', secrecyOrigin: null, agbCode: null },
  { key: 'jeugdhulp-de-kiem', id: id(0x12), name: 'Jeugdhulp De Kiem', kind: 'chain_partner', sector: 'jeugdhulp', secrecyOrigin: 'jeugdhulpverlener', agbCode: '98000202' },
  { key: 'klachtencommissie', id: id(0x20), name: 'Externe Klachtencommissie Sociaal Domein Oosterveld', kind: 'external_body', sector: 'klachtbehandeling', secrecyOrigin: null, agbCode: null },
];

export type PersonaKey =
  | 'demo-wijkcoach'
  | 'demo-consulent'
  | 'demo-zorgaanbieder'
  | 'demo-privacy-officer'
  | 'demo-klachtencommissaris'
  | 'demo-beheerder'
  | 'demo-archivaris'
  | 'demo-inwoner'
  | 'demo-collega'
  | 'demo-vorige-consulent'
  | 'demo-schuldhulpverlener'
  | 'demo-klantmanager'
  | 'demo-jeugdconsulent'
  | 'demo-budgetcoach'
  | 'demo-jeugdhulpverlener';

export interface Persona {
  key: PersonaKey;
  kind: 'staff' | 'resident';
  /** Subject the development IdP signs in with (staff: professional.oidc_subject). */
  oidcSubject: string;
  displayName: string;
  description: { nl: string; en: string };
  organisationKey: DemoOrganisationKey | null;
  organisationName: string | null;
  landingPage: '/werkplek' | '/mijn';
  /** professional.id (staff) or resident.id (resident). */
  id: string;
  functionTitle: string | null;
  /** Staff roles from the IdP; a role never opens a dossier (R2.1). */
  roles: readonly string[];
  /** Residents sign in with their BSN (DigiD via the broker). */
  bsn?: string;
}

const ORG_NAME = Object.fromEntries(DEMO_ORGANISATIONS.map((o) => [o.key, o.name])) as Record<DemoOrganisationKey, string>;

function staff(
  key: PersonaKey,
  n: number,
  displayName: string,
  org: DemoOrganisationKey,
  functionTitle: string,
  description: { nl: string; en: string },
  roles: readonly string[] = [],
): Persona {
  return {
    key,
    kind: 'staff',
    oidcSubject: key,
    displayName,
    description,
    organisationKey: org,
    organisationName: ORG_NAME[org],
    landingPage: '/werkplek',
    id: id(0x100 + n),
    functionTitle,
    roles,
  };
}

/** Fixed ids of the demo household, its cases and its involvements (the gate tests use these). */
export const DEMO_IDS = {
  household: id(0x301),
  residents: { linda: id(0x201), erik: id(0x202), daan: id(0x203), noor: id(0x204) },
  helpRequests: { wmo: id(0x401), schuldhulp: id(0x402), jeugd: id(0x403), pw: id(0x404) },
  plan: id(0x501),
  goals: { instrumenteleAdl: id(0x511), financien: id(0x512), huiselijkeRelaties: id(0x513), werkOpleiding: id(0x514) },
  subActivities: { wmoBegeleiding: id(0x601), budgetcoaching: id(0x602), jeugdhulp: id(0x603) },
  involvements: {
    director: id(0x701),
    consulentWmo: id(0x702),
    previousConsulentWmo: id(0x703),
    schuldhulpverlener: id(0x704),
    jeugdconsulent: id(0x705),
    klantmanager: id(0x706),
    zorgaanbieder: id(0x707),
    budgetcoach: id(0x708),
    jeugdhulpverlener: id(0x709),
  },
} as const;

/** Data item ids of the demo household start here (0x801, 0x802, …); see src/data/seed/demo.ts. */
export const DEMO_DATA_ITEM_BASE = 0x800;
export function demoDataItemId(n: number): string {
  return id(DEMO_DATA_ITEM_BASE + n);
}

export const PERSONAS: readonly Persona[] = [
  staff('demo-wijkcoach', 1, 'Sanne de Vries', 'wijkteam-centrum', 'Wijkcoach', {
    nl: 'Wijkcoach en regisseur van het ondersteuningsplan van het huishouden Ter Horst-Kamphuis.',
    en: 'Neighbourhood coach and director of the Ter Horst-Kamphuis household support plan.',
  }),
  staff('demo-consulent', 2, 'Youssef El Amrani', 'team-wmo', 'Wmo-consulent', {
    nl: 'Wmo-consulent, betrokken bij de Wmo-hulpvraag van Linda ter Horst-Kamphuis.',
    en: 'Wmo consultant, involved with the Wmo help request of Linda ter Horst-Kamphuis.',
  }),
  staff('demo-zorgaanbieder', 3, 'Ingrid Nijhuis', 'zorggroep-esrand', 'Begeleider Wmo', {
    nl: 'Begeleider bij Zorggroep Esrand; voert de deelactiviteit Wmo-begeleiding voor Linda uit en ziet alleen identiteit, adres, contact, dagelijks functioneren en zorgbehoefte.',
    en: 'Support worker at Zorggroep Esrand; carries out the Wmo support sub-activity for Linda and sees only identity, address, contact, daily functioning and care needs.',
  }),
  staff('demo-privacy-officer', 4, 'Marloes Wessels', 'gemeente', 'Functionaris gegevensbescherming', {
    nl: 'Privacy officer (FG): register van verwerkingen, convenanten en het verwerkingslogboek; opent geen dossiers.',
    en: 'Privacy officer (DPO): processing register, covenants and the processing log; opens no case files.',
  }, ['privacy_officer']),
  staff('demo-klachtencommissaris', 5, 'Hans Leferink', 'klachtencommissie', 'Klachtencommissaris', {
    nl: 'Externe klachtencommissaris: behandelt klachten over de verwerking van persoonsgegevens.',
    en: 'External complaints commissioner: handles complaints about the processing of personal data.',
  }, ['complaints_commissioner']),
  staff('demo-beheerder', 6, 'Joost Brinkhuis', 'gemeente', 'Functioneel beheerder', {
    nl: 'Functioneel beheerder: regels, domeinen en autorisaties als configuratie; opent geen dossiers.',
    en: 'Functional administrator: rules, domains and authorisations as configuration; opens no case files.',
  }, ['functional_admin']),
  staff('demo-collega', 7, 'Petra Wolbers', 'team-wmo', 'Wmo-consulent', {
    nl: 'Wmo-consulent in hetzelfde team, maar niet betrokken bij het huishouden: ziet het dossier dus niet.',
    en: 'Wmo consultant in the same team but not involved with the household: so she cannot see the file.',
  }),
  staff('demo-vorige-consulent', 8, 'Bart Kuipers', 'team-wmo', 'Wmo-consulent', {
    nl: 'Vorige Wmo-consulent; zijn betrokkenheid is op 1 september 2026 geëindigd en daarmee zijn toegang.',
    en: 'Former Wmo consultant; his involvement ended on 1 September 2026, and with it his access.',
  }),
  staff('demo-schuldhulpverlener', 9, 'Fatima Bouzid', 'team-schuldhulp', 'Schuldhulpverlener', {
    nl: 'Schuldhulpverlener, betrokken bij de schuldhulpvraag van Erik ter Horst.',
    en: 'Debt counsellor, involved with the debt help request of Erik ter Horst.',
  }),
  staff('demo-klantmanager', 10, 'Gerrit Oude Nijhuis', 'team-werk-inkomen', 'Klantmanager Werk en Inkomen', {
    nl: 'Klantmanager, betrokken bij de bijstandsaanvraag (Participatiewet) van Erik ter Horst.',
    en: 'Income support officer, involved with the social assistance application (Participatiewet) of Erik ter Horst.',
  }),
  staff('demo-jeugdconsulent', 11, 'Ilse Kamphuis', 'team-jeugd', 'Jeugdconsulent', {
    nl: 'Jeugdconsulent, betrokken bij de jeugdhulpvraag van Daan ter Horst.',
    en: 'Youth consultant, involved with the youth help request of Daan ter Horst.',
  }),
  staff('demo-budgetcoach', 12, 'Ruud Scholten', 'budgetcoaching-op-orde', 'Budgetcoach', {
    nl: 'Budgetcoach; voert de deelactiviteit budgetcoaching voor Erik uit en ziet alleen identiteit, contact, inkomen en schulden.',
    en: 'Budget coach; carries out the budget coaching sub-activity for Erik and sees only identity, contact, income and debts.',
  }),
  staff('demo-jeugdhulpverlener', 13, 'Mirjam ten Brinke', 'jeugdhulp-de-kiem', 'Jeugdhulpverlener', {
    nl: 'Jeugdhulpverlener bij Jeugdhulp De Kiem; voert de ambulante jeugdhulp voor Daan uit.',
    en: 'Youth care worker at Jeugdhulp De Kiem; provides the outpatient youth care for Daan.',
  }),
  staff('demo-archivaris', 14, 'Annemiek Roelofs', 'gemeente', 'Archivaris', {
    nl: 'Archivaris: tekent de vernietigingslijst van een bewaartermijnrun af (nooit haar eigen) en legt juridische blokkades; opent geen dossiers.',
    en: 'Archivist: signs off the destruction list of a retention run (never her own) and places legal holds; opens no case files.',
  }, ['archivist']),
  {
    key: 'demo-inwoner',
    kind: 'resident',
    oidcSubject: 'demo-inwoner',
    displayName: 'Linda ter Horst-Kamphuis',
    description: {
      nl: 'Inwoner met een multiprobleemhuishouden (partner en twee kinderen): hulpvragen Wmo, schuldhulp, jeugd en bijstand; één plan, één regisseur.',
      en: 'Resident of a multi-problem household (partner and two children): help requests in Wmo, debt relief, youth care and social assistance; one plan, one director.',
    },
    organisationKey: null,
    organisationName: null,
    landingPage: '/mijn',
    id: DEMO_IDS.residents.linda,
    functionTitle: null,
    roles: [],
    bsn: DEMO_RESIDENT_BSN,
  },
];

export function persona(key: PersonaKey): Persona {
  const p = PERSONAS.find((x) => x.key === key);
  if (!p) throw new Error(`unknown persona ${key}`);
  return p;
}
