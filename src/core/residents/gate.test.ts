/**
 * The gate's resident branch with the facts issue 6 adds — representation (age rules), access
 * restrictions — and the handlers of rights requests and complaints. One row, one behaviour. Contexts
 * without these facts decide as before (test/policy: property and differential tests).
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE_2026_1 } from '../policy/catalogue-fixture.ts';
import { compilePolicy } from '../policy/compile.ts';
import { decide, type Action, type GateContext, type GateItem, type RepresentationFact } from '../policy/decide.ts';
import type { Actor } from '../policy/actor.ts';
import { ACTORS, ADULT, AT, CHILD, H, H2, ctx, dataItem, residentField } from '../policy/test-world.ts';
import type { RestrictionFact } from './restrictions.ts';

const policy = compilePolicy(CATALOGUE_2026_1);
const DAY = 86_400_000;
const TEEN = 'r0000000-0000-4000-8000-00000000000d';
const ADULT_CLIENT = 'r0000000-0000-4000-8000-00000000000e';

function rep(residentId: string, birthDate: string, kind: RepresentationFact['kind'] = 'parent_with_authority', over: Partial<RepresentationFact> = {}): RepresentationFact {
  return { residentId, kind, birthDate, validFrom: new Date('2000-01-01T00:00:00Z'), validUntil: null, ...over };
}

function restriction(over: Partial<RestrictionFact>): RestrictionFact {
  return { id: 'rs-1', subjectId: ADULT, objectIds: [], categories: [], appliesTo: 'all', validFrom: new Date(AT.getTime() - DAY), endedAt: null, ...over };
}

/** The adult, a parent: a child of 8 (under 12) is CHILD; TEEN is 15; a third child is 16 (ADULT_CLIENT reused as the 16-year-old here). */
function parentCtx(representation: RepresentationFact[], restrictions: RestrictionFact[] = []): GateContext {
  return { ...ctx(ACTORS.adult, null), representation, restrictions };
}

const professional = (roles: string[], id = 'p-handler'): Actor => ({ kind: 'professional', id, organisationId: 'o', roles: roles as never, displayName: id });
const item = (over: Partial<GateItem>) => dataItem(over);
const rightsRequest = (over: Partial<GateItem> = {}) => item({ type: 'rights_request', id: 'rr-1', category: 'case', collectedForLaw: null, source: null, confidentiality: 'vertrouwelijk', ...over });
const complaint = (over: Partial<GateItem> = {}) => item({ type: 'complaint', id: 'cp-1', category: 'case', collectedForLaw: null, source: null, confidentiality: 'vertrouwelijk', ...over });

interface Row {
  name: string;
  context: GateContext;
  action?: Action;
  item: GateItem;
  permit: boolean;
  rule: string;
}

const rows: Row[] = [
  // Representation: the age rules (Wmo 5.3.2/5.3.3, Jeugdwet 7.3.4/7.3.15)
  { name: 'a parent reads the youth-care data of a child under 12', context: parentCtx([rep(CHILD, '2018-09-19')]), item: item({ residentId: CHILD, category: 'youth_care', collectedForLaw: 'jeugdwet' }), permit: true, rule: 'representative-minor' },
  { name: 'a parent reads the data of a child of 15', context: parentCtx([rep(TEEN, '2011-05-04')]), item: item({ residentId: TEEN, category: 'family_situation' }), permit: true, rule: 'representative-minor' },
  { name: 'a parent does not read the data of a young person of 16', context: parentCtx([rep(TEEN, '2010-01-04')]), item: item({ residentId: TEEN, category: 'family_situation' }), permit: false, rule: 'representative-minor' },
  { name: 'a representation that has ended gives nothing', context: parentCtx([rep(CHILD, '2018-09-19', 'parent_with_authority', { validUntil: new Date(AT.getTime() - DAY) })]), item: item({ residentId: CHILD }), permit: false, rule: 'resident-not-others' },
  { name: 'a mentor reads the care needs of the adult they represent', context: parentCtx([rep(ADULT_CLIENT, '1950-01-01', 'mentor')]), item: item({ residentId: ADULT_CLIENT, householdId: H2, category: 'care_needs' }), permit: true, rule: 'representative-adult' },
  { name: 'a mentor does not read money matters', context: parentCtx([rep(ADULT_CLIENT, '1950-01-01', 'mentor')]), item: item({ residentId: ADULT_CLIENT, householdId: H2, category: 'debts' }), permit: false, rule: 'representative-adult' },
  { name: 'a bewindvoerder reads the debts of the adult they represent', context: parentCtx([rep(ADULT_CLIENT, '1950-01-01', 'bewindvoerder')]), item: item({ residentId: ADULT_CLIENT, householdId: H2, category: 'debts' }), permit: true, rule: 'representative-adult' },
  { name: 'representation does not open the represented person’s household plan', context: parentCtx([rep(ADULT_CLIENT, '1950-01-01', 'curator')]), item: item({ type: 'plan', residentId: null, householdId: H2, category: 'plan', collectedForLaw: null, source: null }), permit: false, rule: 'resident-not-others' },
  { name: 'a parent may ask who viewed the data of a child under 12', context: parentCtx([rep(CHILD, '2018-09-19')]), item: item({ type: 'access_metadata', residentId: CHILD, category: 'involvement', collectedForLaw: null, source: null }), permit: true, rule: 'representative-minor' },
  { name: 'a parent may not ask who viewed the data of a young person of 16', context: parentCtx([rep(TEEN, '2010-01-04')]), item: item({ type: 'access_metadata', residentId: TEEN, category: 'involvement', collectedForLaw: null, source: null }), permit: false, rule: 'representative-minor' },
  { name: 'a parent files a complaint for a child under 12', context: parentCtx([rep(CHILD, '2018-09-19')]), action: 'create', item: complaint({ residentId: CHILD }), permit: true, rule: 'resident-exercises-rights' },
  { name: 'a parent cannot write the child’s dossier data', context: parentCtx([rep(CHILD, '2018-09-19')]), action: 'create', item: item({ residentId: CHILD }), permit: false, rule: 'resident-not-others' },
  // Rights and complaints from the portal (AVG 7(3), 12(2); Awb 9:1)
  { name: 'a resident files a rights request about themself', context: ctx(ACTORS.adult, null), action: 'create', item: rightsRequest(), permit: true, rule: 'resident-exercises-rights' },
  { name: 'a resident files a complaint about themself', context: ctx(ACTORS.adult, null), action: 'create', item: complaint(), permit: true, rule: 'resident-exercises-rights' },
  { name: 'a resident withdraws their own consent', context: ctx(ACTORS.adult, null), action: 'create', item: item({ type: 'consent_withdrawal', category: 'case', collectedForLaw: null, source: null }), permit: true, rule: 'resident-exercises-rights' },
  { name: 'a resident cannot withdraw another member’s consent', context: ctx(ACTORS.adult, null), action: 'create', item: item({ type: 'consent_withdrawal', residentId: CHILD, category: 'case', collectedForLaw: null, source: null }), permit: false, rule: 'resident-not-others' },
  { name: 'a resident cannot file a request in another resident’s name', context: ctx(ACTORS.adult, null), action: 'create', item: rightsRequest({ residentId: CHILD }), permit: false, rule: 'resident-not-others' },
  { name: 'a resident cannot change a rights request once filed', context: ctx(ACTORS.adult, null), action: 'update', item: rightsRequest(), permit: false, rule: 'resident-not-others' },
  // Restrictions (Wmo 5.3.2, Jeugdwet 7.3.10, UAVG 41)
  { name: 'a withheld item is not shown to the resident', context: { ...ctx(ACTORS.adult, null), restrictions: [restriction({ objectIds: ['di'] })] }, item: item({}), permit: false, rule: 'access-restricted' },
  { name: 'a withheld category is not shown to the resident', context: { ...ctx(ACTORS.adult, null), restrictions: [restriction({ categories: ['safety'] })] }, item: item({ id: 'di-2', category: 'safety' }), permit: false, rule: 'access-restricted' },
  { name: 'a restriction of one category leaves the others visible', context: { ...ctx(ACTORS.adult, null), restrictions: [restriction({ categories: ['safety'] })] }, item: item({}), permit: true, rule: 'resident-own-data' },
  { name: 'an ended restriction withholds nothing', context: { ...ctx(ACTORS.adult, null), restrictions: [restriction({ objectIds: ['di'], endedAt: new Date(AT.getTime() - 1000) })] }, item: item({}), permit: true, rule: 'resident-own-data' },
  { name: 'a restriction for representatives (the child’s interest) keeps the parent out', context: parentCtx([rep(TEEN, '2011-05-04')], [restriction({ subjectId: TEEN, categories: ['youth_care'], appliesTo: 'representatives' })]), item: item({ residentId: TEEN, category: 'youth_care' }), permit: false, rule: 'access-restricted' },
  { name: 'a restriction for representatives does not keep the young person out', context: { ...ctx({ kind: 'resident', id: TEEN, displayName: 'teen' }, null), restrictions: [restriction({ subjectId: TEEN, categories: ['youth_care'], appliesTo: 'representatives' })] }, item: item({ residentId: TEEN, category: 'youth_care' }), permit: true, rule: 'resident-own-data' },
  { name: 'a restriction never limits an involved professional', context: { ...ctx(ACTORS.consulent, { id: 'hr-wmo', householdId: H, residentId: ADULT, taskCode: 'wmo-onderzoek', law: 'wmo2015', status: 'in_progress' }), restrictions: [restriction({ objectIds: ['di'] })] }, item: item({}), permit: true, rule: 'special-category-basis' },
  // Handlers (AVG 12(3), 38(6); Awb 9:7)
  { name: 'the functional administrator handles rights requests', context: ctx(professional(['functional_admin']), null), action: 'update', item: rightsRequest(), permit: true, rule: 'rights-request-handler' },
  { name: 'the privacy officer reads the rights-request queue', context: ctx(professional(['privacy_officer']), null), action: 'list', item: rightsRequest(), permit: true, rule: 'rights-request-handler' },
  { name: 'the privacy officer does not decide rights requests', context: ctx(professional(['privacy_officer']), null), action: 'update', item: rightsRequest(), permit: false, rule: 'rights-request-handler' },
  { name: 'an involved professional does not see rights requests by their involvement', context: ctx(ACTORS.consulent, null), item: rightsRequest(), permit: false, rule: 'rights-request-handler' },
  { name: 'the complaints commissioner handles a complaint', context: ctx(professional(['complaints_commissioner']), null), action: 'update', item: complaint(), permit: true, rule: 'complaint-handler' },
  { name: 'a complaints commissioner involved with the household may not handle its complaint (Awb 9:7)', context: ctx(professional(['complaints_commissioner'], 'p-director'), null), item: complaint(), permit: false, rule: 'complaint-handler' },
  { name: 'the privacy officer does not handle complaints', context: ctx(professional(['privacy_officer']), null), item: complaint(), permit: false, rule: 'complaint-handler' },
];

describe('decide: residents, representatives, restrictions and handlers', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const d = decide(policy, row.context, row.action ?? 'read', row.item);
    if (row.permit) expect({ permit: d.permit, passed: d.passed.includes(row.rule) }).toEqual({ permit: true, passed: true });
    else expect({ permit: d.permit, rule: d.rule }).toEqual({ permit: false, rule: row.rule });
  });

  it('the age rules are applied on the day of the decision: a child turns 12 and the parent still sees, turns 16 and the parent no longer does', () => {
    const context = (at: Date) => ({ ...parentCtx([rep(TEEN, '2010-11-01')]), at });
    const read = (at: Date) => decide(policy, context(at), 'read', item({ residentId: TEEN, category: 'family_situation' })).permit;
    expect(read(new Date('2026-10-31T12:00:00Z'))).toBe(true);
    expect(read(new Date('2026-11-01T12:00:00Z'))).toBe(false);
  });

  it('a permit through representation names whom the actor represents, for the log and the explanation', () => {
    const d = decide(policy, parentCtx([rep(CHILD, '2018-09-19')]), 'read', residentField('identity', CHILD));
    expect(d.facts).toMatchObject({ representing: CHILD, representationKind: 'parent_with_authority', ageBand: 'under_12' });
  });
});
