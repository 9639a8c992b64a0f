/**
 * The demo household of the personas (src/core/demo/personas.ts): Linda ter Horst-Kamphuis, her
 * partner Erik and their children Daan (15) and Noor (8). Multi-problem: help requests in Wmo,
 * debt relief, youth care and social assistance, triaged multi; one active plan with Sanne de Vries
 * (wijkcoach) as director; chain partners involved only through their sub-activities. Fixed ids and
 * fixed dates (autumn 2026), so the gate tests can name every row. Docs: docs/demo-personas.md.
 */
import { DEMO_IDS, DEMO_RESIDENT_BSN, demoDataItemId, persona } from '../../core/demo/personas.ts';
import { isSealed, type DomainCode, type SeedModel, type TaskCode } from './model.ts';
import { organisation } from './organisations.ts';
import { Rng } from './prng.ts';
import type { DataItemSeed, InvolvementRow, SeedBatch } from './types.ts';

const H = DEMO_IDS.household;
const R = DEMO_IDS.residents;
const HR = DEMO_IDS.helpRequests;
const SUB = DEMO_IDS.subActivities;
const INV = DEMO_IDS.involvements;
const who = (key: Parameters<typeof persona>[0]) => persona(key).id;

/** BSNs of the other members: 9999… like the resident persona, valid under the 11-proef. */
export const DEMO_MEMBER_BSNS = { erik: '999900031', daan: '999900043', noor: '999900055' } as const;

const ADDRESS = { street: 'Kievitlaan', house_number: 23, house_letter: null, house_number_addition: null, postcode: '7523HP', city: 'Oosterveld' };
const CREATED = '2010-06-01T09:00:00.000Z';
const MULTI = 'Problemen op meerdere leefgebieden (Wmo, Schuldhulpverlening, Jeugd, Werk en Inkomen) die elkaar beïnvloeden; één plan met één regisseur nodig.';

export function demoHousehold(model: SeedModel): Omit<SeedBatch, 'organisation' | 'professional'> {
  // Ids nobody needs to name (memberships, representations) come from a fixed stream.
  const rng = new Rng(0, 'demo-household');
  const person = (id: string, given: string, prefix: string | null, surname: string, birth: string, gender: 'M' | 'V', bsn: string, extra: object = {}) => ({
    id, bsn, given_names: given, surname_prefix: prefix, surname, partner_surname_prefix: null, partner_surname: null,
    name_usage: 'E' as const, birth_date: birth, gender, ...ADDRESS, phone: null, email: null, created_at: CREATED, ...extra,
  });
  const resident = [
    person(R.linda, 'Linda', null, 'Kamphuis', '1985-03-12', 'V', DEMO_RESIDENT_BSN, {
      partner_surname_prefix: 'ter', partner_surname: 'Horst', name_usage: 'V', phone: '06-41235870', email: 'linda.kamphuis@example.com',
    }),
    person(R.erik, 'Erik Johannes', 'ter', 'Horst', '1982-07-28', 'M', DEMO_MEMBER_BSNS.erik, { partner_surname: 'Kamphuis', phone: '06-58213347' }),
    person(R.daan, 'Daan', 'ter', 'Horst', '2011-05-04', 'M', DEMO_MEMBER_BSNS.daan),
    person(R.noor, 'Noor', 'ter', 'Horst', '2018-09-19', 'V', DEMO_MEMBER_BSNS.noor),
  ];
  const member = (resident_id: string, relation: 'head' | 'partner' | 'child', valid_from: string) => ({ id: rng.uuid(), household_id: H, resident_id, relation, valid_from, valid_until: null });
  const rep = (child: string, parent: string, from: string, until: string) => ({ id: rng.uuid(), resident_id: child, representative_id: parent, kind: 'parent_with_authority' as const, valid_from: from, valid_until: until });

  const request = (id: string, resident_id: string, domain: DomainCode, task: TaskCode, status: 'triaged' | 'in_progress', registered: string, by: string, triaged: string, summary: string, reference: string) => ({
    id, reference, household_id: H, resident_id, domain_code: domain, task_code: task, status, complexity: 'multi' as const, triage_reasoning: MULTI,
    triaged_by: who('demo-wijkcoach'), triaged_at: triaged, summary, confidentiality: 'vertrouwelijk', registered_at: registered, registered_by: by, closed_at: null,
  });

  const inv = (id: string, key: Parameters<typeof persona>[0], role: InvolvementRow['role'], help: string | null, sub: string | null, from: string, until: string | null, reason: string): InvolvementRow => ({
    id, professional_id: who(key), household_id: H, help_request_id: help, sub_activity_id: sub, role, max_confidentiality: 'confidentieel',
    valid_from: from, valid_until: until, reason, created_by: who('demo-wijkcoach'), created_at: from,
  });

  const TASK_OF: Record<string, TaskCode> = { [HR.wmo]: 'wmo-maatwerkvoorziening', [HR.schuldhulp]: 'wgs-schuldhulp', [HR.jeugd]: 'jeugd-hulp', [HR.pw]: 'pw-levensonderhoud' };
  const DOMAIN_OF: Record<string, DomainCode> = { [HR.wmo]: 'wmo', [HR.schuldhulp]: 'schuldhulp', [HR.jeugd]: 'jeugd', [HR.pw]: 'werk_inkomen' };
  let n = 0;
  const item = (help: string, resident_id: string, category: string, source: string, value: string, recorded_at: string, by: string, extra: Partial<DataItemSeed> = {}): DataItemSeed => ({
    id: demoDataItemId(++n), resident_id, household_id: H, help_request_id: help, sub_activity_id: null, category, source,
    legal_basis: model.tasks[TASK_OF[help]!].basisRule, confidentiality: model.categories[category]?.confidentiality ?? 'vertrouwelijk',
    secrecy_origin: null, retention_class: model.retention[DOMAIN_OF[help]!], value, sealed: isSealed(model, category), recorded_by: by, recorded_at, ...extra,
  });
  const bart = who('demo-vorige-consulent');
  const youssef = who('demo-consulent');
  const fatima = who('demo-schuldhulpverlener');
  const ilse = who('demo-jeugdconsulent');
  const gerrit = who('demo-klantmanager');

  return {
    resident,
    household: [{ id: H, reference: 'HH-DEMO-0001', created_at: CREATED }],
    household_member: [member(R.linda, 'head', '2010-06-01'), member(R.erik, 'partner', '2010-06-01'), member(R.daan, 'child', '2011-05-04'), member(R.noor, 'child', '2018-09-19')],
    legal_representative: [
      rep(R.daan, R.linda, '2011-05-04', '2029-05-04'), rep(R.daan, R.erik, '2011-05-04', '2029-05-04'),
      rep(R.noor, R.linda, '2018-09-19', '2036-09-19'), rep(R.noor, R.erik, '2018-09-19', '2036-09-19'),
    ],
    help_request: [
      request(HR.wmo, R.linda, 'wmo', 'wmo-maatwerkvoorziening', 'in_progress', '2026-06-15T09:30:00.000Z', bart, '2026-06-22T10:00:00.000Z', 'Aanvraag maatwerkvoorziening: begeleiding', 'HV-2026-DEMO-1'),
      request(HR.schuldhulp, R.erik, 'schuldhulp', 'wgs-schuldhulp', 'in_progress', '2026-06-10T13:15:00.000Z', fatima, '2026-06-22T10:05:00.000Z', 'Vraag om hulp bij betalingsachterstanden', 'HV-2026-DEMO-2'),
      request(HR.jeugd, R.daan, 'jeugd', 'jeugd-hulp', 'in_progress', '2026-07-01T08:45:00.000Z', ilse, '2026-07-03T11:00:00.000Z', 'Zorgen over schoolgang en gedrag thuis', 'HV-2026-DEMO-3'),
      request(HR.pw, R.erik, 'werk_inkomen', 'pw-levensonderhoud', 'triaged', '2026-09-20T10:20:00.000Z', gerrit, '2026-09-25T09:00:00.000Z', 'Aanvraag algemene bijstand', 'HV-2026-DEMO-4'),
    ],
    support_plan: [{ id: DEMO_IDS.plan, household_id: H, status: 'active', director_id: who('demo-wijkcoach'), created_at: '2026-06-24T14:00:00.000Z', activated_at: '2026-07-06T09:00:00.000Z', closed_at: null }],
    plan_goal: [
      goal(DEMO_IDS.goals.instrumenteleAdl, HR.wmo, 'instrumentele_adl', 2, 4, 'Houdt zelf de weekplanning en de post bij'),
      goal(DEMO_IDS.goals.financien, HR.schuldhulp, 'financien', 1, 3, 'Schulden zijn in beeld en er is een betalingsregeling'),
      goal(DEMO_IDS.goals.huiselijkeRelaties, HR.jeugd, 'huiselijke_relaties', 2, 4, 'Minder conflicten thuis; ouders hanteren dezelfde afspraken'),
      goal(DEMO_IDS.goals.werkOpleiding, HR.pw, 'werk_opleiding', 2, 3, 'Werkt minimaal 16 uur per week'),
    ],
    sub_activity: [
      sub(SUB.wmoBegeleiding, HR.wmo, 'zorggroep-esrand', R.linda, 'instrumentele_adl', 'Wmo-begeleiding individueel, 3 uur per week', '2026-07-15', ['identity', 'address', 'contact', 'daily_functioning', 'care_needs']),
      sub(SUB.budgetcoaching, HR.schuldhulp, 'budgetcoaching-op-orde', R.erik, 'financien', 'Budgetcoaching, 1 uur per week', '2026-07-20', ['identity', 'contact', 'income', 'debts']),
      sub(SUB.jeugdhulp, HR.jeugd, 'jeugdhulp-de-kiem', R.daan, 'huiselijke_relaties', 'Ambulante gezinsbegeleiding, 2 uur per week', '2026-08-01', ['identity', 'address', 'contact', 'family_situation', 'youth_care']),
    ],
    involvement: [
      inv(INV.director, 'demo-wijkcoach', 'director', null, null, '2026-06-22T10:00:00.000Z', null, 'Regisseur van het ondersteuningsplan (één huishouden, één plan, één regisseur)'),
      inv(INV.previousConsulentWmo, 'demo-vorige-consulent', 'case_worker', HR.wmo, null, '2026-06-15T09:30:00.000Z', '2026-09-01T07:00:00.000Z', 'Consulent voor hulpvraag HV-2026-DEMO-1; overgedragen'),
      inv(INV.consulentWmo, 'demo-consulent', 'case_worker', HR.wmo, null, '2026-09-01T07:00:00.000Z', null, 'Consulent voor hulpvraag HV-2026-DEMO-1 (overdracht)'),
      inv(INV.schuldhulpverlener, 'demo-schuldhulpverlener', 'case_worker', HR.schuldhulp, null, '2026-06-10T13:15:00.000Z', null, 'Consulent voor hulpvraag HV-2026-DEMO-2'),
      inv(INV.jeugdconsulent, 'demo-jeugdconsulent', 'case_worker', HR.jeugd, null, '2026-07-01T08:45:00.000Z', null, 'Consulent voor hulpvraag HV-2026-DEMO-3'),
      inv(INV.klantmanager, 'demo-klantmanager', 'case_worker', HR.pw, null, '2026-09-20T10:20:00.000Z', null, 'Consulent voor hulpvraag HV-2026-DEMO-4'),
      inv(INV.zorgaanbieder, 'demo-zorgaanbieder', 'provider', HR.wmo, SUB.wmoBegeleiding, '2026-07-15T08:00:00.000Z', null, 'Uitvoering deelactiviteit: Wmo-begeleiding individueel'),
      inv(INV.budgetcoach, 'demo-budgetcoach', 'provider', HR.schuldhulp, SUB.budgetcoaching, '2026-07-20T08:00:00.000Z', null, 'Uitvoering deelactiviteit: Budgetcoaching'),
      inv(INV.jeugdhulpverlener, 'demo-jeugdhulpverlener', 'provider', HR.jeugd, SUB.jeugdhulp, '2026-08-01T08:00:00.000Z', null, 'Uitvoering deelactiviteit: Ambulante gezinsbegeleiding'),
    ],
    data_item: [
      // Wmo, Linda (the care provider sees 1–5 and 8 through its sub-activity's categories)
      item(HR.wmo, R.linda, 'identity', 'brp', 'Identiteit vastgesteld met paspoort; geboren 12 maart 1985', '2026-06-15T09:40:00.000Z', bart),
      item(HR.wmo, R.linda, 'address', 'brp', 'Woonadres volgens BRP: Kievitlaan 23, 7523 HP Oosterveld', '2026-06-15T09:41:00.000Z', bart),
      item(HR.wmo, R.linda, 'contact', 'resident', 'Bereikbaar op 06-41235870, bij voorkeur na 15.00 uur', '2026-06-15T09:42:00.000Z', bart),
      item(HR.wmo, R.linda, 'daily_functioning', 'own_observation', 'Heeft moeite met dagstructuur en het bijhouden van de administratie', '2026-06-24T11:00:00.000Z', bart),
      item(HR.wmo, R.linda, 'care_needs', 'own_observation', 'Begeleiding bij dagstructuur en administratie, 3 uur per week', '2026-06-24T11:05:00.000Z', bart),
      item(HR.wmo, R.linda, 'health_mental', 'resident', 'Burn-out klachten sinds het voorjaar; in behandeling bij de POH-GGZ', '2026-06-24T11:10:00.000Z', bart),
      item(HR.wmo, R.linda, 'household_composition', 'brp', 'Huishouden van 4 personen: 2 volwassenen, 2 kinderen (15, 8 jaar)', '2026-06-24T11:12:00.000Z', bart),
      item(HR.wmo, R.linda, 'care_record', 'provider', 'Begeleidingsgesprek 14 oktober 2026: weekplanning doorgenomen; afspraken nagekomen', '2026-10-14T15:00:00.000Z', who('demo-zorgaanbieder'), { sub_activity_id: SUB.wmoBegeleiding, secrecy_origin: organisation('zorggroep-esrand').secrecyOrigin }),
      item(HR.wmo, R.linda, 'case', 'own_observation', 'Keukentafelgesprek gevoerd op 24 juni 2026; vervolgafspraak over vier weken', '2026-06-24T11:30:00.000Z', bart),
      item(HR.wmo, R.linda, 'plan', 'own_observation', 'Afspraak in plan: evaluatie na drie maanden met alle betrokkenen', '2026-09-15T10:00:00.000Z', youssef),
      // Schuldhulp, Erik (the budget coach sees identity, contact, income, debts). The Wgs gives no basis
      // for special categories, so the coach's own progress note is an ordinary 'case' item.
      item(HR.schuldhulp, R.erik, 'identity', 'brp', 'Identiteit vastgesteld met rijbewijs; geboren 28 juli 1982', '2026-06-10T13:20:00.000Z', fatima),
      item(HR.schuldhulp, R.erik, 'contact', 'resident', 'Bereikbaar op 06-58213347', '2026-06-10T13:21:00.000Z', fatima),
      item(HR.schuldhulp, R.erik, 'income', 'resident', 'Loon uit dienstverband tot 31 augustus 2026; daarna WW-uitkering', '2026-06-17T10:00:00.000Z', fatima),
      item(HR.schuldhulp, R.erik, 'debts', 'resident', 'Achterstand huur € 1.450 bij Woonstichting Oosterveld Wonen', '2026-06-17T10:05:00.000Z', fatima),
      item(HR.schuldhulp, R.erik, 'debts', 'resident', 'Betalingsachterstand energie € 620 bij Energieleverancier Oostnet', '2026-06-17T10:06:00.000Z', fatima),
      item(HR.schuldhulp, R.erik, 'payment_arrears', 'resident', 'Achterstand zorgpremie 3 maanden (€ 412)', '2026-06-17T10:07:00.000Z', fatima),
      item(HR.schuldhulp, R.erik, 'case', 'provider', 'Verslag 6 oktober 2026: samen post geopend en gesorteerd; twee rekeningen betaald', '2026-10-06T14:00:00.000Z', who('demo-budgetcoach'), { sub_activity_id: SUB.budgetcoaching, secrecy_origin: organisation('budgetcoaching-op-orde').secrecyOrigin }),
      // Jeugd, Daan
      item(HR.jeugd, R.daan, 'identity', 'brp', 'Identiteit vastgesteld met identiteitskaart; geboren 4 mei 2011', '2026-07-01T09:00:00.000Z', ilse),
      item(HR.jeugd, R.daan, 'family_situation', 'resident', 'Veel spanningen tussen ouders en oudste kind; ouders willen hulp bij opvoeding', '2026-07-01T09:10:00.000Z', ilse),
      item(HR.jeugd, R.daan, 'work_education', 'resident', 'Leerling 3 havo; 14 uur ongeoorloofd verzuim dit schooljaar', '2026-07-01T09:15:00.000Z', ilse),
      item(HR.jeugd, R.daan, 'youth_care', 'provider', 'Ambulante gezinsbegeleiding, 2 uur per week sinds augustus 2026', '2026-08-05T10:00:00.000Z', ilse, { secrecy_origin: 'jeugdhulpverlener' }),
      item(HR.jeugd, R.daan, 'care_record', 'provider', 'Contact 7 oktober 2026: gesprek met ouders over regels thuis; volgende keer met Daan erbij', '2026-10-07T16:00:00.000Z', who('demo-jeugdhulpverlener'), { sub_activity_id: SUB.jeugdhulp, secrecy_origin: organisation('jeugdhulp-de-kiem').secrecyOrigin }),
      // Participatiewet, Erik: Suwinet data may serve this purpose only (Wet SUWI art. 62; R2.5)
      item(HR.pw, R.erik, 'identity', 'brp', 'Identiteit vastgesteld met rijbewijs; geboren 28 juli 1982', '2026-09-20T10:30:00.000Z', gerrit),
      item(HR.pw, R.erik, 'bsn', 'brp', DEMO_MEMBER_BSNS.erik, '2026-09-20T10:31:00.000Z', gerrit),
      item(HR.pw, R.erik, 'income', 'suwi', 'WW-uitkering UWV, € 1.612 per maand, eindigt per 1 december 2026', '2026-09-22T09:00:00.000Z', gerrit),
      item(HR.pw, R.erik, 'work_education', 'suwi', 'Laatst werkzaam als monteur in loondienst tot 31 augustus 2026', '2026-09-22T09:01:00.000Z', gerrit),
      item(HR.pw, R.erik, 'assets', 'resident', 'Betaalrekening en spaarrekening samen € 640; geen eigen woning', '2026-09-22T09:10:00.000Z', gerrit),
      item(HR.pw, R.erik, 'household_composition', 'brp', 'Huishouden van 4 personen: 2 volwassenen, 2 kinderen (15, 8 jaar)', '2026-09-22T09:12:00.000Z', gerrit),
    ],
  };

  function goal(id: string, help: string, life_domain: string, score: number, target: number, description: string) {
    return { id, plan_id: DEMO_IDS.plan, help_request_id: help, life_domain, score, target_score: target, description, assessed_by: who('demo-wijkcoach'), assessed_at: '2026-07-06T09:30:00.000Z' };
  }

  function sub(id: string, help: string, org: Parameters<typeof organisation>[0], resident_id: string, life_domain: string, description: string, since: string, data_categories: string[]) {
    return {
      id, plan_id: DEMO_IDS.plan, help_request_id: help, organisation_id: organisation(org).id, resident_id, life_domain, description,
      status: 'active' as const, since, until: null, data_categories, refuses_to_share: false, refusal_reason: null, created_at: '2026-07-06T09:30:00.000Z',
    };
  }
}
