import { describe, expect, it } from 'vitest';
import shipped from '../../../rules/catalogue-2026.1.json' with { type: 'json' };
import { articleLabel, articleUrl, type Catalogue } from './catalogue.ts';
import { CatalogueInvalidError, NON_STATUTORY_LAWS, catalogueProblems, validateCatalogue } from './catalogue-validate.ts';
import { GENERIC_RULES } from './rule-ids.ts';

/** A fresh, mutable copy of the shipped catalogue for each defect. */
function copy(): Catalogue {
  return structuredClone(shipped) as unknown as Catalogue;
}

function find<T>(list: T[], pred: (v: T) => boolean): T {
  const v = list.find(pred);
  if (v === undefined) throw new Error('fixture entry not found');
  return v;
}

const task = (c: Catalogue, code: string) => find(c.tasks, (t) => t.code === code);
const rule = (c: Catalogue, id: string) => find(c.rules, (r) => r.id === id);
const law = (c: Catalogue, code: string) => find(c.laws, (l) => l.code === code);
const flow = (c: Catalogue, from: string, to: string) => find(c.flows, (f) => f.from === from && f.to === to);

describe('the shipped catalogue 2026.1', () => {
  it('validates without problems', () => {
    expect(catalogueProblems(shipped)).toEqual([]);
    expect(validateCatalogue(shipped).version).toBe('2026.1');
  });

  it('contains every generic rule the gate applies', () => {
    const ids = new Set(copy().rules.map((r) => r.id));
    expect(Object.values(GENERIC_RULES).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('links every cited article to wetten.overheid.nl or EUR-Lex, except standards', () => {
    const c = copy();
    const laws = new Map(c.laws.map((l) => [l.code, l]));
    const unlinked: string[] = [];
    for (const r of c.rules) {
      for (const a of r.articles) {
        const l = laws.get(a.law)!;
        const url = articleUrl(l, a);
        if (NON_STATUTORY_LAWS.includes(l.code)) {
          expect(url).toBeNull();
          continue;
        }
        if (url === null || !/^https:\/\/(wetten\.overheid\.nl\/jci1\.3:c:BWBR\d{7}&artikel=|eur-lex\.europa\.eu\/)/.test(url)) {
          unlinked.push(`${r.id}: ${articleLabel(l, a)}`);
        }
      }
    }
    expect(unlinked).toEqual([]);
  });

  it('links a Wmo article with its lid to its Juriconnect address', () => {
    const c = copy();
    expect(articleUrl(law(c, 'wmo2015'), { law: 'wmo2015', article: '5.1.1', lid: '4' })).toBe(
      'https://wetten.overheid.nl/jci1.3:c:BWBR0035362&artikel=5.1.1&lid=4',
    );
  });

  it('never lets Suwinet data into a Wmo case, citing Wet SUWI art. 62', () => {
    const c = copy();
    const f = flow(c, 'suwi', 'wmo2015');
    expect(f.condition).toBe('never');
    expect(f.rules).toContain('suwi-62-scope');
    expect(f.vitalInterestOverride).toBe(false);
    expect(rule(c, 'suwi-wmo-example').lawOverPolicy).toMatch(/policy/);
  });

  it('never lets Suwinet data into a Jeugdwet case', () => {
    expect(flow(copy(), 'suwi', 'jeugdwet').condition).toBe('never');
  });

  it('needs explicit consent and a written no-objection to use Participatiewet data for the Wmo', () => {
    const f = flow(copy(), 'pw', 'wmo2015');
    expect(f.condition).toBe('explicit_consent_and_written_no_objection');
    expect(f.rules).toEqual(expect.arrayContaining(['cross-law-pw-to-wmo', 'pw-65-secrecy']));
  });

  it('has a flow for every ordered pair of the four domain laws', () => {
    const c = copy();
    const laws = c.domains.map((d) => d.law);
    const pairs = laws.flatMap((from) => laws.filter((to) => to !== from).map((to) => `${from}→${to}`));
    expect(pairs).toHaveLength(12);
    const have = new Set(c.flows.map((f) => `${f.from}→${f.to}`));
    expect(pairs.filter((p) => !have.has(p))).toEqual([]);
  });

  it('gives every task a processing activity of its own', () => {
    const c = copy();
    const codes = c.tasks.map((t) => t.processingActivity);
    expect(new Set(codes).size).toBe(c.tasks.length);
  });

  it('says for every rule that maps a Wbp article how the law changed', () => {
    const c = copy();
    const mapped = c.rules.filter((r) => r.id.startsWith('map-wbp'));
    expect(mapped.length).toBeGreaterThan(0);
    expect(mapped.filter((r) => !r.lawOverPolicy).map((r) => r.id)).toEqual([]);
  });
});

describe('a defective catalogue is refused', () => {
  const defects: [string, (c: Catalogue) => void, string][] = [
    ['a task names an unknown basis rule', (c) => { task(c, 'wmo-onderzoek').basisRule = 'nope'; }, "tasks[wmo-onderzoek].basisRule: unknown rule 'nope'"],
    ['a special category cites an unknown rule', (c) => { task(c, 'jeugd-hulp').specialCategories[0]!.rule = 'nope'; }, "tasks[jeugd-hulp].specialCategories[youth_care].rule: unknown rule 'nope'"],
    ['a criminal rule is unknown', (c) => { task(c, 'jeugd-hulp').criminalRule = 'nope'; }, "tasks[jeugd-hulp].criminalRule: unknown rule 'nope'"],
    ['a BSN rule is unknown', (c) => { task(c, 'pw-levensonderhoud').bsnRule = 'nope'; }, "tasks[pw-levensonderhoud].bsnRule: unknown rule 'nope'"],
    ['a flow cites an unknown rule', (c) => { flow(c, 'pw', 'wgs').rules.push('nope'); }, "flows[pw→wgs].rules[2]: unknown rule 'nope'"],
    ['a source cites an unknown rule', (c) => { find(c.sources, (s) => s.code === 'suwi').rule = 'nope'; }, "sources[suwi].rule: unknown rule 'nope'"],
    ['an explicit-consent source cites an unknown rule', (c) => { find(c.sources, (s) => s.code === 'health_insurer').explicitConsentFor![0]!.rule = 'nope'; }, "sources[health_insurer].explicitConsentFor[0].rule: unknown rule 'nope'"],
    ['a secrecy origin cites an unknown rule', (c) => { c.secrecyOrigins[0]!.rule = 'nope'; }, "secrecyOrigins[jeugdhulpverlener].rule: unknown rule 'nope'"],
    ['a retention class cites an unknown rule', (c) => { c.retentionClasses[0]!.rule = 'nope'; }, "retentionClasses[wmo].rule: unknown rule 'nope'"],
    ['a recipient list cites an unknown rule', (c) => { c.recipientLists[0]!.rule = 'nope'; }, "recipientLists[wmo2015].rule: unknown rule 'nope'"],
    ['a role cites an unknown rule', (c) => { c.roles[0]!.rule = 'nope'; }, "roles[director].rule: unknown rule 'nope'"],
    ['a generic rule of the gate is missing', (c) => { c.rules = c.rules.filter((r) => r.id !== 'gate-actor-known'); }, "the generic rule 'gate-actor-known' that the gate applies is missing"],
    ['an article cites an unknown law', (c) => { rule(c, 'minimisation').articles.push({ law: 'wet-x', article: '1' }); }, "rules[minimisation].articles[1].law: unknown law 'wet-x'"],
    ['a cited Dutch law has no BWB id', (c) => { delete law(c, 'wabb').bwb; }, "'wabb' is cited but has no BWB id or CELEX number"],
    ['a BWB id is malformed', (c) => { law(c, 'wabb').bwb = 'BWB22428'; }, "laws[wabb].bwb: 'BWB22428' is not a BWB id"],
    ['a law has both a BWB id and a CELEX number', (c) => { law(c, 'avg').bwb = 'BWBR0000001'; }, 'laws[avg]: has both a BWB id and a CELEX number'],
    ['a domain names an unknown law', (c) => { c.domains[0]!.law = 'wet-x'; }, "domains[jeugd].law: unknown law 'wet-x'"],
    ['a task names an unknown domain', (c) => { task(c, 'wmo-onderzoek').domain = 'sport'; }, "tasks[wmo-onderzoek].domain: unknown domain 'sport'"],
    ['a task has another law than its domain', (c) => { task(c, 'wmo-onderzoek').law = 'pw'; }, "tasks[wmo-onderzoek].law: 'pw' is not the law of its domain 'wmo'"],
    ['a task names an unknown processing activity', (c) => { task(c, 'wgs-schuldhulp').processingActivity = 'pa-nope'; }, "unknown processing activity 'pa-nope'"],
    ['a task claims legitimate interest', (c) => { (task(c, 'wmo-onderzoek') as { avg6Ground: string }).avg6Ground = 'f'; }, 'may not rely on legitimate interest'],
    ['a special category is unknown', (c) => { task(c, 'wmo-onderzoek').specialCategories.push({ category: 'dreams', rule: 'wmo-5.1.1-scope' }); }, "unknown category 'dreams'"],
    ['an ordinary category is listed as special', (c) => { task(c, 'wmo-onderzoek').specialCategories.push({ category: 'income', rule: 'wmo-5.1.1-scope' }); }, "'income' is not a special category"],
    ['a role hides an unknown category', (c) => { c.roles[3]!.hiddenCategories.push('shoe_size'); }, "roles[expert].hiddenCategories[4]: unknown category 'shoe_size'"],
    ['a processing activity lists an unknown category', (c) => { c.processingActivities[0]!.categories.push('shoe_size'); }, "processingActivities[pa-wmo-onderzoek].categories"],
    ['a role profile is missing', (c) => { c.roles = c.roles.filter((r) => r.role !== 'expert'); }, "no profile for the involvement role 'expert'"],
    ['a category has no ZGW level', (c) => { c.categories[0]!.defaultConfidentiality = 'topgeheim'; }, "categories[identity].defaultConfidentiality: 'topgeheim' is not a ZGW confidentiality level"],
    ['a category has an unknown kind', (c) => { (c.categories[0] as { kind: string }).kind = 'secret'; }, "categories[identity].kind: 'secret'"],
    ['a retention period is not an ISO duration', (c) => { c.retentionClasses[0]!.period = '15 years'; }, "retentionClasses[wmo].period: '15 years' is not an ISO 8601 duration"],
    ['a retention period is empty', (c) => { c.retentionClasses[0]!.period = 'P'; }, "'P' is not an ISO 8601 duration"],
    ['a retention class counts from an unknown moment', (c) => { (c.retentionClasses[0] as { from: string }).from = 'birth'; }, "retentionClasses[wmo].from: 'birth'"],
    ['a flow between two domain laws is missing', (c) => { c.flows = c.flows.filter((f) => !(f.from === 'pw' && f.to === 'wgs')); }, "no flow from 'pw' to 'wgs'"],
    ['a flow has an unknown condition', (c) => { (flow(c, 'pw', 'wgs') as { condition: string }).condition = 'sometimes'; }, "flows[pw→wgs].condition: 'sometimes'"],
    ['a flow goes to an unknown law', (c) => { c.flows.push({ from: 'pw', to: 'wet-x', condition: 'never', rules: ['pw-65-secrecy'], vitalInterestOverride: false }); }, "flows[pw→wet-x].to: unknown law 'wet-x'"],
    ['a flow is listed twice', (c) => { c.flows.push({ ...flow(c, 'pw', 'wgs') }); }, "flows: duplicate 'pw → wgs'"],
    ['a flow goes from a law to itself', (c) => { c.flows.push({ from: 'pw', to: 'pw', condition: 'none', rules: ['pw-65-secrecy'], vitalInterestOverride: false }); }, 'not to itself'],
    ['a never-flow can be overridden', (c) => { flow(c, 'suwi', 'wmo2015').vitalInterestOverride = true; }, "flows[suwi→wmo2015]: a 'never' flow cannot be overridden"],
    ['Suwinet data may flow into the Wmo', (c) => { flow(c, 'suwi', 'wmo2015').condition = 'explicit_consent'; }, "source 'suwi' may only be used for pw, ioaw, ioaz, wgs, so a flow to 'wmo2015' must be 'never'"],
    ['a rule id appears twice', (c) => { c.rules.push({ ...rule(c, 'minimisation') }); }, "rules: duplicate 'minimisation'"],
    ['a category code appears twice', (c) => { c.categories.push({ ...c.categories[8]! }); }, "categories: duplicate 'income'"],
    ['a task code appears twice', (c) => { c.tasks.push({ ...task(c, 'wgs-schuldhulp') }); }, "tasks: duplicate 'wgs-schuldhulp'"],
    ['a rule lacks its Dutch statement', (c) => { delete (rule(c, 'minimisation') as Partial<Catalogue['rules'][number]>).statementNl; }, 'rules[minimisation].statementNl: required'],
    ['a field name has a typo', (c) => { (rule(c, 'minimisation') as unknown as Record<string, unknown>).lawOverPolicyy = 'x'; }, 'rules[minimisation].lawOverPolicyy: unknown field'],
    ['a rule cites no article', (c) => { rule(c, 'minimisation').articles = []; }, 'rules[minimisation].articles: cites no article'],
    ['a rule has an unknown confidence', (c) => { (rule(c, 'minimisation') as { confidence: string }).confidence = 'maybe'; }, "rules[minimisation].confidence: 'maybe'"],
    ['a rule belongs to another version', (c) => { rule(c, 'minimisation').version = '2025.9'; }, "rules[minimisation].version: must be the catalogue version '2026.1'"],
    ['a rule takes effect before the catalogue', (c) => { rule(c, 'minimisation').effectiveFrom = '2025-12-31'; }, "before the catalogue's effectiveFrom 2026-01-01"],
    ['a date does not exist', (c) => { c.effectiveFrom = '2026-02-30'; }, "catalogue.effectiveFrom: '2026-02-30' is not a real date"],
    ['the version is malformed', (c) => { c.version = 'v1'; }, "catalogue.version: 'v1' is not a version"],
    ['an article number is malformed', (c) => { rule(c, 'minimisation').articles[0]!.article = 'five'; }, "rules[minimisation].articles[0].article: 'five'"],
    ['a list is not a list', (c) => { (c as unknown as Record<string, unknown>).laws = {}; }, 'laws: must be a list'],
    ['a list entry is not an object', (c) => { (c.rules as unknown[]).push('minimisation'); }, 'must be an object'],
  ];

  it.each(defects)('%s', (_name, mutate, fragment) => {
    const c = copy();
    mutate(c);
    expect(() => validateCatalogue(c)).toThrow(CatalogueInvalidError);
    expect(catalogueProblems(c).join('\n')).toContain(fragment);
  });

  it('lists every problem in one error, not only the first', () => {
    const c = copy();
    task(c, 'wmo-onderzoek').basisRule = 'nope';
    c.retentionClasses[0]!.period = '15 years';
    try {
      validateCatalogue(c);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CatalogueInvalidError);
      const err = e as CatalogueInvalidError;
      expect(err.problems).toHaveLength(2);
      expect(err.message).toContain("unknown rule 'nope'");
      expect(err.message).toContain("'15 years' is not an ISO 8601 duration");
    }
  });

  it('refuses something that is not a catalogue at all', () => {
    expect(catalogueProblems(null)).toEqual(['catalogue: must be an object']);
    expect(catalogueProblems([])).toEqual(['catalogue: must be an object']);
  });
});
