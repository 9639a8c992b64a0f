/**
 * Labels for the field names the API returns, so generic views read as Dutch (or English) instead of
 * camelCase. Unknown fields are shown with a readable version of their name: views show whatever the
 * gate lets through, nothing more and nothing invented.
 */
import type { Lang } from './api.ts';

const NL: Record<string, string> = {
  reference: 'Kenmerk',
  members: 'Leden van het huishouden',
  helpRequests: 'Hulpvragen',
  myRoles: 'Mijn rol',
  myInvolvements: 'Mijn betrokkenheid',
  purposes: 'Doelen waarvoor u werkt',
  identity: 'Persoon',
  displayName: 'Naam',
  givenNames: 'Voornamen',
  surnamePrefix: 'Voorvoegsel',
  surname: 'Achternaam',
  birthDate: 'Geboortedatum',
  gender: 'Geslacht',
  address: 'Adres',
  street: 'Straat',
  houseNumber: 'Huisnummer',
  houseLetter: 'Huisletter',
  houseNumberAddition: 'Toevoeging',
  postcode: 'Postcode',
  city: 'Plaats',
  contact: 'Contact',
  phone: 'Telefoon',
  email: 'E-mail',
  relation: 'Relatie',
  withheld: 'Niet zichtbaar voor u',
  domain: 'Domein',
  task: 'Taak',
  law: 'Wet',
  status: 'Status',
  complexity: 'Complexiteit',
  triageReasoning: 'Onderbouwing',
  summary: 'Samenvatting',
  confidentiality: 'Vertrouwelijkheid',
  registeredAt: 'Geregistreerd op',
  closedAt: 'Afgesloten op',
  plan: 'Ondersteuningsplan',
  goals: 'Doelen',
  subActivities: 'Deelactiviteiten',
  dataItems: 'Gegevens',
  category: 'Soort gegeven',
  source: 'Bron',
  legalBasis: 'Grondslag',
  value: 'Waarde',
  role: 'Rol',
  validFrom: 'Geldig vanaf',
  validUntil: 'Geldig tot',
  organisation: 'Organisatie',
  name: 'Naam',
  description: 'Omschrijving',
  since: 'Sinds',
  until: 'Tot',
  lifeDomain: 'Leefgebied',
  score: 'Score',
  targetScore: 'Doel',
  director: 'Regisseur',
  version: 'Versie',
  dataCategories: 'Soorten gegevens',
  refusesToShare: 'Wil niet delen',
  retentionClass: 'Bewaartermijn',
  recordedAt: 'Vastgelegd op',
  secrecyOrigin: 'Beroepsgeheim',
  results: 'Resultaten',
  hits: 'Gevonden',
  resident: 'Inwoner',
  households: 'Huishoudens',
  me: 'Over u',
  bsnMasked: 'BSN',
  plans: 'Plannen',
  partners: 'Partners',
};

const VALUES_NL: Record<string, string> = {
  registered: 'Aangemeld',
  triaged: 'Beoordeeld',
  in_progress: 'In behandeling',
  closed: 'Afgesloten',
  withdrawn: 'Ingetrokken',
  draft: 'Concept',
  active: 'Actief',
  proposed: 'Voorgesteld',
  completed: 'Afgerond',
  stopped: 'Gestopt',
  single: 'Enkelvoudig',
  multi: 'Meervoudig',
  director: 'Regisseur',
  case_worker: 'Behandelaar',
  provider: 'Zorgaanbieder',
  expert: 'Deskundige',
  head: 'Hoofd huishouden',
  partner: 'Partner',
  child: 'Kind',
  parent: 'Ouder',
  other: 'Anders',
  own_observation: 'Eigen waarneming',
  resident: 'Inwoner',
  brp: 'BRP',
};

const VALUES_EN: Record<string, string> = {
  in_progress: 'In progress',
  case_worker: 'Case worker',
  head: 'Head of household',
};

function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldLabel(key: string, lang: Lang): string {
  return (lang === 'nl' ? NL[key] : undefined) ?? humanise(key);
}

/** Known codes (in_progress) and snake_case codes get a readable label; everything else is shown as is. */
export function valueLabel(value: string, lang: Lang): string {
  const known = lang === 'nl' ? VALUES_NL[value] : VALUES_EN[value];
  if (known) return known;
  return /^[a-z]+(_[a-z]+)+$/.test(value) ? humanise(value) : value;
}
