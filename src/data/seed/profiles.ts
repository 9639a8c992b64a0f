/**
 * What a case of each municipal task looks like: who it is for, which ZRM life domains its plan goals
 * touch, which services (deelactiviteiten) a chain partner may carry out with which data categories,
 * and which data categories a consulent typically records. The categories per service follow the
 * iWmo/iJw minimum (research/standards.md §5): identity and contact, plus only what the service needs.
 */
import type { ZrmDomain } from '../../core/domain/zrm.ts';
import type { DomainCode, TaskCode } from './model.ts';
import type { OrganisationKey } from './organisations.ts';
import type { Weighted } from './prng.ts';

export interface Service {
  name: string;
  /** Volume text in iWmo/iJw terms (Omvang: volume, eenheid, frequentie). */
  volumes: readonly string[];
  organisations: readonly OrganisationKey[];
  categories: readonly string[];
  lifeDomain: ZrmDomain;
}

export interface TaskProfile {
  task: TaskCode;
  domain: DomainCode;
  /** Neutral summaries: no health or other special-category detail in free text. */
  summaries: readonly string[];
  /** ZRM life domains the plan may set goals on; the first is always used. */
  goalDomains: readonly ZrmDomain[];
  services: readonly Service[];
  /** Categories a consulent records beyond identity, with relative weights. */
  categories: readonly Weighted<string>[];
}

const w = (value: string, weight: number): Weighted<string> => ({ value, weight });

export const DOMAIN_TEAM: Record<DomainCode, OrganisationKey> = {
  wmo: 'team-wmo',
  jeugd: 'team-jeugd',
  werk_inkomen: 'team-werk-inkomen',
  schuldhulp: 'team-schuldhulp',
};

export const DOMAIN_NAME: Record<DomainCode, string> = {
  wmo: 'Wmo',
  jeugd: 'Jeugd',
  werk_inkomen: 'Werk en Inkomen',
  schuldhulp: 'Schuldhulpverlening',
};

/** Categories that occur once per help request; the others may be recorded repeatedly. */
export const ONCE = new Set(['identity', 'address', 'contact', 'bsn', 'household_composition', 'assets', 'housing']);

const BEGELEIDING: Service = {
  name: 'Wmo-begeleiding individueel',
  volumes: ['2 uur per week', '3 uur per week', '4 uur per week'],
  organisations: ['zorggroep-esrand'],
  categories: ['identity', 'address', 'contact', 'daily_functioning', 'care_needs'],
  lifeDomain: 'instrumentele_adl',
};

export const PROFILES: Record<TaskCode, TaskProfile> = {
  'wmo-onderzoek': {
    task: 'wmo-onderzoek',
    domain: 'wmo',
    summaries: ['Melding Wmo: ondersteuning thuis gevraagd; onderzoek en keukentafelgesprek', 'Melding Wmo: vraag over vervoer en boodschappen', 'Melding Wmo: mantelzorger vraagt om ondersteuning'],
    goalDomains: ['instrumentele_adl', 'basale_adl', 'lichamelijke_gezondheid', 'sociaal_netwerk'],
    services: [],
    categories: [w('address', 3), w('contact', 3), w('household_composition', 2), w('case', 3), w('daily_functioning', 4), w('care_needs', 4), w('health_physical', 3), w('health_mental', 1), w('housing', 2), w('involvement', 2), w('bsn', 1)],
  },
  'wmo-maatwerkvoorziening': {
    task: 'wmo-maatwerkvoorziening',
    domain: 'wmo',
    summaries: ['Aanvraag maatwerkvoorziening: begeleiding', 'Aanvraag maatwerkvoorziening: hulp bij het huishouden', 'Aanvraag maatwerkvoorziening: woningaanpassing'],
    goalDomains: ['instrumentele_adl', 'basale_adl', 'lichamelijke_gezondheid', 'huisvesting', 'sociaal_netwerk'],
    services: [
      BEGELEIDING,
      {
        name: 'Hulp bij het huishouden',
        volumes: ['2 uur per week', '3 uur per week', '1,5 uur per week'],
        organisations: ['thuiszorg-twentse-hof', 'zorggroep-esrand'],
        categories: ['identity', 'address', 'contact', 'care_needs'],
        lifeDomain: 'instrumentele_adl',
      },
    ],
    categories: [w('address', 3), w('contact', 3), w('household_composition', 2), w('case', 3), w('plan', 2), w('daily_functioning', 4), w('care_needs', 4), w('health_physical', 3), w('health_mental', 1), w('housing', 2), w('involvement', 2), w('bsn', 1), w('religion', 0.2)],
  },
  'jeugd-hulp': {
    task: 'jeugd-hulp',
    domain: 'jeugd',
    summaries: ['Vraag om opvoedondersteuning', 'Zorgen over schoolgang en gedrag thuis', 'Ouders vragen hulp bij opvoeding na scheiding'],
    goalDomains: ['huiselijke_relaties', 'werk_opleiding', 'geestelijke_gezondheid'],
    services: [
      {
        name: 'Ambulante gezinsbegeleiding',
        volumes: ['2 uur per week', '3 uur per week'],
        organisations: ['jeugdhulp-de-kiem', 'gezinsbegeleiding-oost'],
        categories: ['identity', 'address', 'contact', 'family_situation', 'youth_care'],
        lifeDomain: 'huiselijke_relaties',
      },
      {
        name: 'Behandeling jeugd-GGZ',
        volumes: ['12 sessies', '8 sessies'],
        organisations: ['ggz-de-horst'],
        categories: ['identity', 'contact', 'health_mental'],
        lifeDomain: 'geestelijke_gezondheid',
      },
    ],
    categories: [w('address', 2), w('contact', 3), w('household_composition', 2), w('case', 3), w('family_situation', 4), w('youth_care', 3), w('health_mental', 2), w('work_education', 3), w('safety', 1), w('care_needs', 2), w('involvement', 1), w('plan', 1)],
  },
  'jeugd-bescherming': {
    task: 'jeugd-bescherming',
    domain: 'jeugd',
    summaries: ['Zorgmelding: zorgen over de veiligheid van een kind', 'Verzoek tot onderzoek door de Raad voor de Kinderbescherming voorbereid'],
    goalDomains: ['huiselijke_relaties', 'geestelijke_gezondheid'],
    services: [
      {
        name: 'Uitvoering ondertoezichtstelling',
        volumes: ['12 maanden'],
        organisations: ['jeugdbescherming-oost'],
        categories: ['identity', 'address', 'contact', 'family_situation', 'safety', 'youth_care'],
        lifeDomain: 'huiselijke_relaties',
      },
    ],
    categories: [w('address', 2), w('contact', 2), w('household_composition', 1), w('case', 3), w('family_situation', 4), w('safety', 4), w('youth_care', 3), w('health_mental', 1), w('criminal', 0.5)],
  },
  'pw-levensonderhoud': {
    task: 'pw-levensonderhoud',
    domain: 'werk_inkomen',
    summaries: ['Aanvraag algemene bijstand', 'Aanvraag bijzondere bijstand', 'Heronderzoek recht op bijstand'],
    goalDomains: ['financien', 'werk_opleiding'],
    services: [],
    categories: [w('bsn', 3), w('address', 2), w('contact', 2), w('household_composition', 3), w('income', 5), w('assets', 4), w('housing', 2), w('work_education', 2), w('case', 2)],
  },
  'pw-reintegratie': {
    task: 'pw-reintegratie',
    domain: 'werk_inkomen',
    summaries: ['Traject naar werk', 'Ondersteuning bij het vinden van passend werk', 'Participatieplaats of vrijwilligerswerk'],
    goalDomains: ['werk_opleiding', 'maatschappelijke_participatie', 'tijdsbesteding'],
    services: [
      {
        name: 'Re-integratietraject',
        volumes: ['6 maanden', '12 maanden'],
        organisations: ['werkplus'],
        categories: ['identity', 'contact', 'work_education'],
        lifeDomain: 'werk_opleiding',
      },
    ],
    categories: [w('bsn', 1), w('contact', 2), w('work_education', 5), w('income', 2), w('case', 3), w('plan', 2), w('health_physical', 1), w('health_mental', 1), w('daily_functioning', 1)],
  },
  'wgs-schuldhulp': {
    task: 'wgs-schuldhulp',
    domain: 'schuldhulp',
    summaries: ['Aanmelding schuldhulpverlening', 'Vraag om hulp bij betalingsachterstanden', 'Aanvraag schuldregeling'],
    goalDomains: ['financien', 'huisvesting'],
    services: [
      {
        name: 'Budgetcoaching',
        volumes: ['1 uur per week', '2 uur per twee weken'],
        organisations: ['budgetcoaching-op-orde'],
        categories: ['identity', 'contact', 'income', 'debts'],
        lifeDomain: 'financien',
      },
      {
        name: 'Schuldregeling',
        volumes: ['18 maanden'],
        organisations: ['kredietbank-oost'],
        categories: ['identity', 'address', 'contact', 'income', 'debts', 'payment_arrears'],
        lifeDomain: 'financien',
      },
    ],
    categories: [w('bsn', 2), w('contact', 2), w('address', 1), w('income', 4), w('debts', 6), w('payment_arrears', 2), w('household_composition', 2), w('housing', 2), w('assets', 2), w('case', 2), w('plan', 1), w('addiction', 0.3)],
  },
  'wgs-vroegsignalering': {
    task: 'wgs-vroegsignalering',
    domain: 'schuldhulp',
    summaries: ['Vroegsignaal betalingsachterstand; contact gezocht', 'Vroegsignaal huurachterstand; huisbezoek gepland'],
    goalDomains: ['financien'],
    services: [],
    categories: [w('payment_arrears', 6), w('contact', 2), w('address', 2), w('case', 2), w('debts', 2), w('income', 1)],
  },
};

export const TASKS_OF: Record<DomainCode, readonly Weighted<TaskCode>[]> = {
  wmo: [{ value: 'wmo-onderzoek', weight: 35 }, { value: 'wmo-maatwerkvoorziening', weight: 65 }],
  jeugd: [{ value: 'jeugd-hulp', weight: 88 }, { value: 'jeugd-bescherming', weight: 12 }],
  werk_inkomen: [{ value: 'pw-levensonderhoud', weight: 65 }, { value: 'pw-reintegratie', weight: 35 }],
  schuldhulp: [{ value: 'wgs-schuldhulp', weight: 70 }, { value: 'wgs-vroegsignalering', weight: 30 }],
};

export const GOAL_TEXT: Partial<Record<ZrmDomain, readonly string[]>> = {
  financien: ['Vaste lasten worden op tijd betaald', 'Schulden zijn in beeld en er is een betalingsregeling', 'Het huishouden heeft een stabiel inkomen'],
  werk_opleiding: ['Werkt minimaal 16 uur per week', 'Gaat weer elke dag naar school', 'Volgt een opleiding op MBO-2 niveau'],
  tijdsbesteding: ['Heeft een vaste dagstructuur met dagbesteding'],
  huisvesting: ['Woonsituatie is passend en veilig', 'Huurachterstand is ingelopen; de woning blijft behouden'],
  huiselijke_relaties: ['Minder conflicten thuis; ouders hanteren dezelfde afspraken', 'Ouders en kind hebben weer een goede band'],
  geestelijke_gezondheid: ['Ervaart meer rust en houvast in het dagelijks leven'],
  lichamelijke_gezondheid: ['Kan zich veilig verplaatsen in en om het huis'],
  basale_adl: ['Kan zichzelf verzorgen met lichte ondersteuning'],
  instrumentele_adl: ['Het huishouden is op orde met ondersteuning', 'Houdt zelf de weekplanning en de post bij'],
  sociaal_netwerk: ['Heeft wekelijks contact met anderen buiten het huis'],
  maatschappelijke_participatie: ['Doet vrijwilligerswerk of neemt deel aan activiteiten in de wijk'],
};
