/**
 * A small, fixed world in the database for the gate's integration tests: two households, help requests
 * in four domains, one professional per kind of involvement, data items of every kind (ordinary,
 * special, criminal, Suwinet-sourced, a partner's care record). Inserted with owner SQL: this is test
 * set-up, not application code, and it is not logged.
 */
import { randomUUID } from 'node:crypto';
import { fieldAad } from '../../src/core/crypto/keyring.ts';
import { recordDueMatches } from '../../src/data/index.ts';
import type { TestStore } from './store.ts';

const DAY = 86_400_000;

export interface World {
  households: { main: string; other: string };
  residents: { adult: string; child: string; stranger: string };
  adultBsn: string;
  helpRequests: { wmo: string; wmoMaatwerk: string; jeugd: string; pw: string; other: string };
  organisations: { team: string; provider: string };
  professionals: {
    director: string;
    consulent: string;
    jeugdconsulent: string;
    pwconsulent: string;
    provider: string;
    ended: string;
    stranger: string;
    officer: string;
  };
  subActivity: string;
  plan: string;
  items: { careNeeds: string; suwiIncome: string; jeugdHealth: string; careRecord: string; religionNone?: string; strangerItem: string; criminalChild: string };
  values: Record<string, string>;
}

export async function insertWorld(t: TestStore, now = new Date()): Promise<World> {
  const id = () => randomUUID();
  const w: World = {
    households: { main: id(), other: id() },
    residents: { adult: id(), child: id(), stranger: id() },
    adultBsn: '111222333',
    helpRequests: { wmo: id(), wmoMaatwerk: id(), jeugd: id(), pw: id(), other: id() },
    organisations: { team: id(), provider: id() },
    professionals: { director: id(), consulent: id(), jeugdconsulent: id(), pwconsulent: id(), provider: id(), ended: id(), stranger: id(), officer: id() },
    subActivity: id(),
    plan: id(),
    items: { careNeeds: id(), suwiIncome: id(), jeugdHealth: id(), careRecord: id(), strangerItem: id(), criminalChild: id() },
    values: {
      careNeeds: 'Hulp bij het huishouden nodig na een heupoperatie',
      suwiIncome: 'Bijstandsuitkering, € 1.312 per maand (Suwinet)',
      jeugdHealth: 'Diagnose ADHD, behandeling bij GGZ-jeugd',
      careRecord: 'Begeleidingsverslag: twee keer per week thuis',
      strangerItem: 'Woont zelfstandig',
      criminalChild: 'Halt-afdoening in 2025',
    },
  };
  const q = (text: string, params: unknown[] = []) => t.ownerSql(text, params);
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const date = (days: number) => ago(days).slice(0, 10);
  await q(`insert into organisation (id, name, kind) values ($1, 'Sociaal Wijkteam Test', 'municipal_team'), ($2, 'Begeleiding Test BV', 'chain_partner')`, [w.organisations.team, w.organisations.provider]);
  const profs: Array<[string, string, string, string[]]> = [
    [w.professionals.director, w.organisations.team, 'Regisseur Test', ['professional']],
    [w.professionals.consulent, w.organisations.team, 'Consulent Test', ['professional']],
    [w.professionals.jeugdconsulent, w.organisations.team, 'Jeugdconsulent Test', ['professional']],
    [w.professionals.pwconsulent, w.organisations.team, 'Inkomensconsulent Test', ['professional']],
    [w.professionals.provider, w.organisations.provider, 'Begeleider Test', ['chain_partner']],
    [w.professionals.ended, w.organisations.team, 'Oud-consulent Test', ['professional']],
    [w.professionals.stranger, w.organisations.team, 'Andere Consulent', ['professional']],
    [w.professionals.officer, w.organisations.team, 'FG Test', ['privacy_officer']],
  ];
  for (const [pid, org, name, roles] of profs) {
    await q(`insert into professional (id, organisation_id, display_name, function_title, roles) values ($1, $2, $3, 'test', $4)`, [pid, org, name, roles]);
  }
  const bsnCipher = t.keyring.encrypt(w.adultBsn, fieldAad('resident', 'bsn_cipher', w.residents.adult));
  await q(
    `insert into resident (id, bsn_cipher, bsn_index, given_names, surname, birth_date, gender, street, house_number, postcode, city, phone, email, confidentiality)
     values ($1, $2, $3, 'Anna', 'Testers', '1980-04-01', 'V', 'Teststraat', 12, '7511AB', 'Oosterveld', '0612345678', 'anna@example.org', 'zaakvertrouwelijk'),
            ($4, null, null, 'Bram', 'Testers', '2014-09-09', 'M', 'Teststraat', 12, '7511AB', 'Oosterveld', null, null, 'zaakvertrouwelijk'),
            ($5, null, null, 'Carla', 'Vreemd', '1970-01-01', 'V', 'Anderweg', 3, '7522CD', 'Oosterveld', null, null, 'zaakvertrouwelijk')`,
    [w.residents.adult, Buffer.from(bsnCipher), Buffer.from(t.keyring.bsnIndex(w.adultBsn)), w.residents.child, w.residents.stranger],
  );
  await q(`insert into household (id, reference) values ($1, 'HH-TEST-1'), ($2, 'HH-TEST-2')`, [w.households.main, w.households.other]);
  await q(
    `insert into household_member (id, household_id, resident_id, relation, valid_from) values ($1, $2, $3, 'head', '2010-01-01'), ($4, $2, $5, 'child', '2014-09-09'), ($6, $7, $8, 'head', '2000-01-01')`,
    [id(), w.households.main, w.residents.adult, id(), w.residents.child, id(), w.households.other, w.residents.stranger],
  );
  const hr = (hid: string, household: string, resident: string, domain: string, task: string, ref: string) =>
    q(`insert into help_request (id, reference, household_id, resident_id, domain_code, task_code, status, complexity, registered_at) values ($1, $2, $3, $4, $5, $6, 'in_progress', 'multi', $7)`, [hid, ref, household, resident, domain, task, ago(40)]);
  await hr(w.helpRequests.wmo, w.households.main, w.residents.adult, 'wmo', 'wmo-onderzoek', 'HV-T-1');
  await hr(w.helpRequests.wmoMaatwerk, w.households.main, w.residents.adult, 'wmo', 'wmo-maatwerkvoorziening', 'HV-T-2');
  await hr(w.helpRequests.jeugd, w.households.main, w.residents.child, 'jeugd', 'jeugd-hulp', 'HV-T-3');
  await hr(w.helpRequests.pw, w.households.main, w.residents.adult, 'werk_inkomen', 'pw-levensonderhoud', 'HV-T-4');
  await hr(w.helpRequests.other, w.households.other, w.residents.stranger, 'wmo', 'wmo-onderzoek', 'HV-T-5');
  await q(`insert into support_plan (id, household_id, status, director_id, created_at, activated_at) values ($1, $2, 'active', $3, $4, $4)`, [w.plan, w.households.main, w.professionals.director, ago(30)]);
  await q(
    `insert into plan_goal (id, plan_id, help_request_id, life_domain, score, target_score, description) values ($1, $2, $3, 'instrumentele_adl', 2, 4, 'Zelf het huishouden weer kunnen doen'), ($4, $2, $5, 'financien', 2, 3, 'Schulden op een rij')`,
    [id(), w.plan, w.helpRequests.wmoMaatwerk, id(), w.helpRequests.pw],
  );
  await q(
    `insert into sub_activity (id, plan_id, help_request_id, organisation_id, resident_id, life_domain, description, status, since, data_categories)
     values ($1, $2, $3, $4, $5, 'instrumentele_adl', 'Begeleiding thuis', 'active', $6, $7)`,
    [w.subActivity, w.plan, w.helpRequests.wmoMaatwerk, w.organisations.provider, w.residents.adult, date(20), ['identity', 'address', 'contact', 'daily_functioning', 'care_needs', 'care_record']],
  );
  const inv = (pid: string, household: string, role: string, hrId: string | null, sub: string | null, from: string, until: string | null, max = 'vertrouwelijk') =>
    q(`insert into involvement (id, professional_id, household_id, help_request_id, sub_activity_id, role, max_confidentiality, valid_from, valid_until) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [id(), pid, household, hrId, sub, role, max, from, until]);
  await inv(w.professionals.director, w.households.main, 'director', null, null, ago(30), null, 'confidentieel');
  await inv(w.professionals.consulent, w.households.main, 'case_worker', w.helpRequests.wmo, null, ago(30), null);
  await inv(w.professionals.jeugdconsulent, w.households.main, 'case_worker', w.helpRequests.jeugd, null, ago(30), null, 'confidentieel');
  await inv(w.professionals.pwconsulent, w.households.main, 'case_worker', w.helpRequests.pw, null, ago(30), null);
  await inv(w.professionals.provider, w.households.main, 'provider', null, w.subActivity, ago(20), null);
  await inv(w.professionals.ended, w.households.main, 'case_worker', w.helpRequests.wmo, null, ago(60), ago(1));
  await inv(w.professionals.stranger, w.households.other, 'case_worker', w.helpRequests.other, null, ago(30), null);
  const item = async (iid: string, household: string, resident: string, hrId: string, category: string, source: string, value: string, special: boolean, level = 'vertrouwelijk', sub: string | null = null, by: string | null = null) => {
    const cipher = special ? Buffer.from(t.keyring.encrypt(value, fieldAad('data_item', 'value_cipher', iid))) : null;
    await q(
      `insert into data_item (id, resident_id, household_id, help_request_id, sub_activity_id, category, source, legal_basis, confidentiality, retention_class, value_text, value_cipher, recorded_by, recorded_at)
       values ($1, $2, $3, $4, $5, $6, $7, 'test-basis', $8, 'wmo', $9, $10, $11, $12)`,
      [iid, resident, household, hrId, sub, category, source, level, special ? null : value, cipher, by, ago(10)],
    );
  };
  await item(w.items.careNeeds, w.households.main, w.residents.adult, w.helpRequests.wmo, 'care_needs', 'resident', w.values.careNeeds!, true, 'vertrouwelijk', null, w.professionals.consulent);
  await item(w.items.suwiIncome, w.households.main, w.residents.adult, w.helpRequests.pw, 'income', 'suwi', w.values.suwiIncome!, false, 'vertrouwelijk', null, w.professionals.pwconsulent);
  await item(w.items.jeugdHealth, w.households.main, w.residents.child, w.helpRequests.jeugd, 'health_mental', 'provider', w.values.jeugdHealth!, true, 'vertrouwelijk', null, w.professionals.jeugdconsulent);
  await item(w.items.careRecord, w.households.main, w.residents.adult, w.helpRequests.wmoMaatwerk, 'care_record', 'provider', w.values.careRecord!, true, 'vertrouwelijk', w.subActivity, w.professionals.provider);
  await item(w.items.strangerItem, w.households.other, w.residents.stranger, w.helpRequests.other, 'housing', 'resident', w.values.strangerItem!, false, 'zaakvertrouwelijk', null, w.professionals.stranger);
  await item(w.items.criminalChild, w.households.main, w.residents.child, w.helpRequests.jeugd, 'criminal', 'own_observation', w.values.criminalChild!, true, 'confidentieel', null, w.professionals.jeugdconsulent);
  // The step plan comes before the record (R3.1): a completed record plan of the Wmo help request names
  // housing and care needs of the adult as necessary, so the tests that record those may.
  const plan = id();
  await q(
    `insert into step_plan (id, help_request_id, household_id, kind, status, steps_done, task_code, task_note, purpose_note, basis, created_by, created_at, completed_by, completed_at)
     values ($1, $2, $3, 'record', 'completed', 4, 'wmo-onderzoek', 'Wmo-onderzoek na de melding', 'Vaststellen welke ondersteuning nodig is', '{"ground":"e"}', $4, $5, $4, $5)`,
    [plan, w.helpRequests.wmo, w.households.main, w.professionals.consulent, ago(5)],
  );
  for (const [n, category] of ['housing', 'care_needs'].entries()) {
    await q(
      `insert into step_plan_item (id, step_plan_id, position, resident_id, category, source, description, need, can_be_missed, proportionality, subsidiarity, included)
       values ($1, $2, $3, $4, $5, 'resident', 'test', 'necessary', false, 'Nodig voor het onderzoek', 'Alleen bij de inwoner zelf', true)`,
      [id(), plan, n, w.residents.adult, category],
    );
  }
  // The world's involvements did not start in the app: match them as the seed does (R1.5).
  await recordDueMatches(t.store, now);
  return w;
}
