/**
 * The gate's decision tables: who × what × purpose → permit/deny + the deciding rule (issue 3 tests).
 * Each row is one behaviour, named as a sentence.
 */
import { describe, expect, it } from 'vitest';
import { catalogueCopy, CATALOGUE_2026_1 } from './catalogue-fixture.ts';
import { compilePolicy } from './compile.ts';
import { decide, type Action, type GateContext, type GateItem } from './decide.ts';
import { explain } from './explain.ts';
import { ACTORS, ADULT, AT, CHILD, HR, ORG_OTHER_PROVIDER, ORG_PROVIDER, consent, ctx, dataItem, residentField } from './test-world.ts';

const policy = compilePolicy(CATALOGUE_2026_1);
const DAY = 86_400_000;

interface Row {
  name: string;
  context: GateContext;
  action?: Action;
  item: GateItem;
  permit: boolean;
  /** For a deny: the failing rule. For a permit: a rule that must have passed. */
  rule: string;
  cites?: string;
}

const rows: Row[] = [
  // Purpose and involvement (R2.1)
  { name: 'the Wmo consulent reads the care needs collected for the Wmo help request', context: ctx(ACTORS.consulent, HR.wmo), item: dataItem({}), permit: true, rule: 'special-category-basis', cites: 'wmo-5.1.1-scope' },
  { name: 'a professional who names no purpose cannot read anything', context: ctx(ACTORS.consulent, null), item: dataItem({}), permit: false, rule: 'purpose-specified' },
  { name: 'a purpose of another household does not open this household', context: ctx(ACTORS.stranger, HR.other), item: dataItem({}), permit: false, rule: 'purpose-household' },
  { name: 'a professional involved only with another household cannot read this one', context: ctx(ACTORS.stranger, HR.wmo), item: dataItem({}), permit: false, rule: 'involvement-required' },
  { name: 'access ends when the involvement ends', context: ctx(ACTORS.ended, HR.wmo), item: dataItem({}), permit: false, rule: 'involvement-required' },
  { name: 'an involvement that has not started yet gives no access', context: ctx(ACTORS.future, HR.wmo), item: dataItem({}), permit: false, rule: 'involvement-required' },
  { name: 'the privacy officer role alone does not open a dossier', context: ctx(ACTORS.officer, HR.wmo), item: dataItem({}), permit: false, rule: 'involvement-required', cites: 'role-no-dossier' },
  { name: 'an involvement for one help request does not cover another help request as purpose', context: ctx(ACTORS.consulent, HR.jeugd), item: dataItem({ collectedForLaw: 'jeugdwet', category: 'youth_care', residentId: CHILD }), permit: false, rule: 'involvement-required' },
  { name: 'the director, involved with the household, reads the Jeugd data for the Jeugd help request', context: ctx(ACTORS.director, HR.jeugd), item: dataItem({ collectedForLaw: 'jeugdwet', category: 'youth_care', residentId: CHILD }), permit: true, rule: 'special-category-basis' },
  { name: 'new data cannot be written for a closed help request', context: ctx(ACTORS.consulent, HR.closed), action: 'create', item: dataItem({}), permit: false, rule: 'purpose-open' },
  { name: 'data of a closed help request can still be read during the involvement', context: ctx(ACTORS.consulent, HR.closed), item: dataItem({ category: 'housing' }), permit: true, rule: 'confidentiality-max' },
  // Need-to-know of chain partners (R2.2) and DAT (R2.3)
  { name: 'the care provider reads the address of the resident it serves', context: ctx(ACTORS.provider, HR.wmoMaatwerk), item: residentField('address'), permit: true, rule: 'confidentiality-max' },
  { name: 'the care provider cannot read income, which its sub-activity does not declare', context: ctx(ACTORS.provider, HR.wmoMaatwerk), item: dataItem({ category: 'income' }), permit: false, rule: 'need-to-know-sub-activity' },
  { name: 'the care provider cannot read the identity of a household member it does not serve', context: ctx(ACTORS.provider, HR.wmoMaatwerk), item: residentField('identity', CHILD), permit: false, rule: 'provider-own-client' },
  { name: 'the care provider reads its own care record', context: ctx(ACTORS.provider, HR.wmoMaatwerk), item: dataItem({ category: 'care_record', subActivityId: 'sa-begeleiding', source: 'provider', recordedByOrganisationId: ORG_PROVIDER }), permit: true, rule: 'special-category-basis' },
  { name: 'the care provider cannot act for a help request its sub-activity does not serve', context: ctx(ACTORS.provider, HR.wmo), item: residentField('address'), permit: false, rule: 'involvement-required' },
  { name: 'the director sees no content of a partner care record', context: ctx(ACTORS.director, HR.wmoMaatwerk), item: dataItem({ category: 'care_record', subActivityId: 'sa-begeleiding', source: 'provider', recordedByOrganisationId: ORG_PROVIDER }), permit: false, rule: 'dat-only-director' },
  { name: 'the director sees the DAT-information of the partner’s sub-activity', context: ctx(ACTORS.director, HR.wmoMaatwerk), item: dataItem({ type: 'sub_activity', id: 'sa-begeleiding', category: 'involvement', collectedForLaw: null, source: null, confidentiality: 'zaakvertrouwelijk' }), permit: true, rule: 'confidentiality-max' },
  { name: 'the care provider sees its own assignment', context: ctx(ACTORS.provider, HR.wmoMaatwerk), item: dataItem({ type: 'sub_activity', id: 'sa-begeleiding', category: 'involvement', collectedForLaw: null, source: null, confidentiality: 'zaakvertrouwelijk' }), permit: true, rule: 'confidentiality-max' },
  { name: 'the care provider sees the plan goal of its own life domain', context: ctx(ACTORS.provider, HR.wmoMaatwerk), item: dataItem({ type: 'plan_goal', residentId: null, category: 'plan', collectedForLaw: null, source: null, lifeDomain: 'instrumentele_adl', confidentiality: 'zaakvertrouwelijk' }), permit: true, rule: 'confidentiality-max' },
  { name: 'the care provider does not see plan goals of other life domains', context: ctx(ACTORS.provider, HR.wmoMaatwerk), item: dataItem({ type: 'plan_goal', residentId: null, category: 'plan', collectedForLaw: null, source: null, lifeDomain: 'financien', confidentiality: 'zaakvertrouwelijk' }), permit: false, rule: 'need-to-know-sub-activity' },
  { name: 'a partner’s data from a secrecy holder elsewhere needs the resident’s consent', context: ctx(ACTORS.provider, HR.wmoMaatwerk), item: dataItem({ category: 'daily_functioning', secrecyOrigin: 'big', source: 'provider', recordedByOrganisationId: ORG_OTHER_PROVIDER, collectedForLaw: 'wmo2015' }), permit: false, rule: 'conf-derived' },
  { name: 'with the resident’s consent the partner receives data from a secrecy holder', context: ctx(ACTORS.provider, HR.wmoMaatwerk, { consents: [consent({ helpRequestId: 'hr-wmo-mw', kind: 'ordinary', categories: ['daily_functioning'], sourceLaw: null })] }), item: dataItem({ category: 'daily_functioning', secrecyOrigin: 'big', source: 'provider', recordedByOrganisationId: ORG_OTHER_PROVIDER }), permit: true, rule: 'conf-derived' },
  // Experts (R4.3) and roles
  { name: 'a consulted expert sees no identifying data', context: ctx(ACTORS.expert, HR.wmo), item: residentField('identity'), permit: false, rule: 'expert-pseudonymised' },
  { name: 'a consulted expert sees the pseudonymised facts', context: ctx(ACTORS.expert, HR.wmo), item: dataItem({}), permit: true, rule: 'special-category-basis' },
  { name: 'a consulted expert cannot write', context: ctx(ACTORS.expert, HR.wmo), action: 'create', item: dataItem({}), permit: false, rule: 'role-read-only' },
  // Confidentiality levels (ZGW, inclusive maximum)
  { name: 'an item at the involvement’s maximum level is visible (the maximum is inclusive)', context: ctx(ACTORS.restricted, HR.wmo), item: dataItem({ category: 'housing', confidentiality: 'zaakvertrouwelijk' }), permit: true, rule: 'confidentiality-max' },
  { name: 'an item above the involvement’s maximum level is not visible', context: ctx(ACTORS.restricted, HR.wmo), item: dataItem({ category: 'housing', confidentiality: 'vertrouwelijk' }), permit: false, rule: 'confidentiality-max' },
  // Special categories, criminal data, BSN (R2.4)
  { name: 'religion has no basis in any Wmo task', context: ctx(ACTORS.consulent, HR.wmo), item: dataItem({ category: 'religion' }), permit: false, rule: 'special-category-basis' },
  { name: 'criminal data have no basis in the Wmo investigation', context: ctx(ACTORS.director, HR.wmo), item: dataItem({ category: 'criminal', confidentiality: 'confidentieel' }), permit: false, rule: 'criminal-data-basis' },
  { name: 'criminal data of the child may be processed for Jeugd help (Jeugdwet 7.4.0)', context: ctx(ACTORS.jeugdconsulent, HR.jeugd), item: dataItem({ category: 'criminal', residentId: CHILD, collectedForLaw: 'jeugdwet', confidentiality: 'confidentieel' }), permit: true, rule: 'criminal-data-basis', cites: 'jw-7.4.0-scope' },
  { name: 'the BSN may be used in the Wmo investigation (Wmo 5.2.9)', context: ctx(ACTORS.consulent, HR.wmo), item: residentField('bsn'), permit: true, rule: 'bsn-use', cites: 'wmo-5.2.9-bsn' },
  { name: 'health data have no basis in Pw levensonderhoud', context: ctx(ACTORS.pwconsulent, HR.pw), item: dataItem({ category: 'health_physical', collectedForLaw: 'pw' }), permit: false, rule: 'special-category-basis' },
  // Sources and sector-law reciprocity (R2.5)
  { name: 'Suwinet income is refused for a Wmo task (Wet SUWI 62: the policy’s own example)', context: ctx(ACTORS.consulent, HR.wmo), item: dataItem({ category: 'income', source: 'suwi', collectedForLaw: 'pw' }), permit: false, rule: 'source-scope', cites: 'suwi-62-scope' },
  { name: 'Suwinet income may be used for the Participatiewet task', context: ctx(ACTORS.pwconsulent, HR.pw), item: dataItem({ category: 'income', source: 'suwi', collectedForLaw: 'pw' }), permit: true, rule: 'cross-law-both-permit' },
  { name: 'Suwinet income may be used for debt help (Wgs is listed in Wet SUWI 62)', context: ctx(ACTORS.wgsconsulent, HR.wgs), item: dataItem({ category: 'income', source: 'suwi', collectedForLaw: 'pw' }), permit: true, rule: 'cross-law-both-permit' },
  { name: 'Jeugd data in a Wmo case need explicit consent (Wmo 5.1.1 lid 4)', context: ctx(ACTORS.consulent, HR.wmo), item: dataItem({ category: 'health_mental', collectedForLaw: 'jeugdwet' }), permit: false, rule: 'cross-law-both-permit' },
  { name: 'with explicit consent Jeugd data may be used in the Wmo case', context: ctx(ACTORS.consulent, HR.wmo, { consents: [consent({})] }), item: dataItem({ category: 'health_mental', collectedForLaw: 'jeugdwet' }), permit: true, rule: 'cross-law-both-permit' },
  { name: 'withdrawn consent takes effect at once', context: ctx(ACTORS.consulent, HR.wmo, { consents: [consent({ withdrawnAt: new Date(AT.getTime() - 1000) })] }), item: dataItem({ category: 'health_mental', collectedForLaw: 'jeugdwet' }), permit: false, rule: 'cross-law-both-permit' },
  { name: 'consent for another category does not cover this one', context: ctx(ACTORS.consulent, HR.wmo, { consents: [consent({ categories: ['addiction'] })] }), item: dataItem({ category: 'health_mental', collectedForLaw: 'jeugdwet' }), permit: false, rule: 'cross-law-both-permit' },
  { name: 'an approved involuntary-processing record stands in for consent where the flow allows it', context: ctx(ACTORS.consulent, HR.wmo, { involuntary: [{ helpRequestId: 'hr-wmo', residentId: ADULT, categories: ['health_mental'], status: 'approved', validUntil: null }] }), item: dataItem({ category: 'health_mental', collectedForLaw: 'jeugdwet' }), permit: true, rule: 'inv-vital' },
  { name: 'a draft involuntary-processing record does not', context: ctx(ACTORS.consulent, HR.wmo, { involuntary: [{ helpRequestId: 'hr-wmo', residentId: ADULT, categories: ['health_mental'], status: 'draft', validUntil: null }] }), item: dataItem({ category: 'health_mental', collectedForLaw: 'jeugdwet' }), permit: false, rule: 'cross-law-both-permit' },
  { name: 'Pw data in a Wmo case need explicit consent and a written no-objection (one written explicit consent serves both)', context: ctx(ACTORS.consulent, HR.wmo, { consents: [consent({ categories: ['income'], sourceLaw: 'pw', inWriting: true })] }), item: dataItem({ category: 'income', collectedForLaw: 'pw' }), permit: true, rule: 'cross-law-both-permit' },
  { name: 'an explicit consent that is not in writing is no written no-objection (Pw 65 lid 2 sub b)', context: ctx(ACTORS.consulent, HR.wmo, { consents: [consent({ categories: ['income'], sourceLaw: 'pw' })] }), item: dataItem({ category: 'income', collectedForLaw: 'pw' }), permit: false, rule: 'cross-law-both-permit' },
  { name: 'an explicit consent plus a separate written no-objection open Pw data for the Wmo', context: ctx(ACTORS.consulent, HR.wmo, { consents: [consent({ categories: ['income'], sourceLaw: 'pw' }), consent({ kind: 'written_no_objection', categories: ['income'], sourceLaw: 'pw' })] }), item: dataItem({ category: 'income', collectedForLaw: 'pw' }), permit: true, rule: 'cross-law-both-permit' },
  { name: 'for Pw data in a Jeugd case a written explicit consent serves as the written no-objection', context: ctx(ACTORS.jeugdconsulent, HR.jeugd, { consents: [consent({ helpRequestId: 'hr-jeugd', residentId: CHILD, categories: ['income'], sourceLaw: 'pw', targetLaw: 'jeugdwet', inWriting: true })] }), item: dataItem({ category: 'income', collectedForLaw: 'pw', residentId: CHILD }), permit: true, rule: 'cross-law-both-permit' },
  { name: 'for Pw data in a Jeugd case a spoken explicit consent does not', context: ctx(ACTORS.jeugdconsulent, HR.jeugd, { consents: [consent({ helpRequestId: 'hr-jeugd', residentId: CHILD, categories: ['income'], sourceLaw: 'pw', targetLaw: 'jeugdwet' })] }), item: dataItem({ category: 'income', collectedForLaw: 'pw', residentId: CHILD }), permit: false, rule: 'cross-law-both-permit' },
  { name: 'a health insurer’s data in a Wmo case need explicit consent (Wmo 5.1.1 lid 5)', context: ctx(ACTORS.consulent, HR.wmo), item: dataItem({ category: 'care_needs', source: 'health_insurer' }), permit: false, rule: 'consent-record', cites: 'wmo-5.1.1-5-zvw' },
  // Residents (AVG 15) and system contexts
  { name: 'a resident reads data about themself', context: ctx(ACTORS.adult, null), item: dataItem({}), permit: true, rule: 'resident-own-data' },
  { name: 'a resident does not see data about another member', context: ctx(ACTORS.adult, null), item: dataItem({ residentId: CHILD }), permit: false, rule: 'resident-not-others' },
  { name: 'a resident sees the plan of their household', context: ctx(ACTORS.adult, null), item: dataItem({ type: 'plan', residentId: null, category: 'plan', collectedForLaw: null, source: null }), permit: true, rule: 'resident-own-data' },
  { name: 'a resident cannot write dossier data', context: ctx(ACTORS.adult, null), action: 'create', item: dataItem({}), permit: false, rule: 'resident-not-others' },
  { name: 'the seeding context may create data', context: ctx(ACTORS.seed, null), action: 'create', item: dataItem({}), permit: true, rule: 'system-context' },
  { name: 'the seeding context may not read data', context: ctx(ACTORS.seed, null), item: dataItem({}), permit: false, rule: 'system-context' },
  { name: 'no actor, no access', context: ctx(null, HR.wmo), item: dataItem({}), permit: false, rule: 'gate-actor-known' },
  { name: 'an unknown category is refused', context: ctx(ACTORS.consulent, HR.wmo), item: dataItem({ category: 'shoe_size' }), permit: false, rule: 'gate-unknown-fact' },
  { name: 'an unknown confidentiality level is refused', context: ctx(ACTORS.consulent, HR.wmo), item: dataItem({ confidentiality: 'topsecret' }), permit: false, rule: 'gate-unknown-fact' },
  // Oversight
  { name: 'the privacy officer may read access metadata', context: ctx(ACTORS.officer, null), item: dataItem({ type: 'access_metadata', category: 'involvement' }), permit: true, rule: 'fg-oversight' },
  { name: 'a professional without the officer role may not read access metadata', context: ctx(ACTORS.director, null), item: dataItem({ type: 'access_metadata', category: 'involvement' }), permit: false, rule: 'fg-oversight' },
];

describe('decide: decision table', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const d = decide(policy, row.context, row.action ?? 'read', row.item);
    // A deny names its failing rule; a permit must have passed the rule the row is about.
    if (row.permit) expect({ permit: d.permit, passed: d.passed.includes(row.rule) }).toEqual({ permit: true, passed: true });
    else expect({ permit: d.permit, rule: d.rule }).toEqual({ permit: false, rule: row.rule });
    if (row.cites) expect([...d.passed, ...d.cited]).toContain(row.cites);
  });
});

describe('decide: explanations', () => {
  it('a denial names its rule with a statement and an article that links to the law', () => {
    const d = decide(policy, ctx(ACTORS.consulent, HR.wmo), 'read', dataItem({ category: 'income', source: 'suwi', collectedForLaw: 'pw' }));
    const e = explain(policy, d);
    const failed = e.rules.find((r) => r.outcome === 'failed')!;
    expect(failed.id).toBe('source-scope');
    const cited = e.rules.find((r) => r.id === 'suwi-62-scope')!;
    expect(cited.articles.some((a) => a.url === 'https://wetten.overheid.nl/jci1.3:c:BWBR0013060&artikel=62&lid=2')).toBe(true);
    expect(e.catalogueVersion).toBe('2026.1');
  });

  it('a permit lists every rule that passed, in order', () => {
    const d = decide(policy, ctx(ACTORS.consulent, HR.wmo), 'read', dataItem({}));
    expect(d.passed.slice(0, 4)).toEqual(['gate-actor-known', 'purpose-specified', 'purpose-household', 'involvement-required']);
    expect(explain(policy, d).rules.every((r) => r.statementNl.length > 0)).toBe(true);
  });

  it('the explanation names the catalogue version it used', () => {
    const c = catalogueCopy();
    c.version = '2027.1';
    const d = decide(compilePolicy(c), ctx(ACTORS.consulent, HR.wmo), 'read', dataItem({}));
    expect(d.catalogueVersion).toBe('2027.1');
  });

  it('changing the catalogue changes the decision without a code change (R10.4)', () => {
    const c = catalogueCopy();
    c.tasks.find((t) => t.code === 'wmo-onderzoek')!.specialCategories.push({ category: 'religion', rule: 'wmo-5.1.1-scope' });
    const d = decide(compilePolicy(c), ctx(ACTORS.consulent, HR.wmo), 'read', dataItem({ category: 'religion' }));
    expect(d.permit).toBe(true);
  });

  it('time is an input: the same involvement is current today and over tomorrow', () => {
    const later = new Date(AT.getTime() + 400 * DAY);
    const ended = { ...ctx(ACTORS.consulent, HR.wmo), at: later, involvements: ctx(ACTORS.consulent, HR.wmo).involvements.map((i) => (i.professionalId === 'p-consulent' ? { ...i, validUntil: new Date(AT.getTime() + DAY) } : i)) };
    expect(decide(policy, ctx(ACTORS.consulent, HR.wmo), 'read', dataItem({})).permit).toBe(true);
    expect(decide(policy, ended, 'read', dataItem({})).permit).toBe(false);
  });
});
