/**
 * Validation of the rules catalogue (R10.4): the policy is data, so a broken file must never reach the
 * gate. validateCatalogue() checks the shape of every entry and every reference between entries, and
 * throws one error that lists every problem at once, so whoever edits a new version fixes it in one go.
 * Pure: it reads nothing; the caller loads the JSON.
 */
import type { Catalogue } from './catalogue.ts';
import { GENERIC_RULES } from './rule-ids.ts';
import { CONFIDENTIALITY_LEVELS } from '../domain/confidentiality.ts';
import { INVOLVEMENT_ROLES } from '../domain/involvement.ts';

/**
 * Laws that are standards rather than legislation: not in the BWB or on EUR-Lex, cited by control
 * number and linked nowhere (BIO2 8.15.01). Every other law cited by a rule needs a BWB id or a CELEX number.
 */
export const NON_STATUTORY_LAWS: readonly string[] = ['bio2'];

const FLOW_CONDITIONS = ['none', 'explicit_consent', 'written_no_objection', 'explicit_consent_and_written_no_objection', 'never'];
const CATEGORY_KINDS = ['ordinary', 'special', 'criminal', 'bsn'];
const RETENTION_FROM = ['last_change', 'case_end', 'creation'];

const CODE = /^[a-z][a-z0-9_]*$/;
const RULE_ID = /^[a-z][a-z0-9]*(?:[.-][a-zA-Z0-9]+)*$/;
const TASK_CODE = /^[a-z][a-z0-9-]*$/;
const VERSION = /^\d{4}\.\d+$/;
const BWB = /^BWBR\d{7}$/;
const CELEX = /^\d{5}[A-Z]{1,2}\d{4}$/;
/** ISO 8601 duration, date part only (retention is counted in years, months, weeks and days). */
const DURATION = /^P(?=\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?$/;

export class CatalogueInvalidError extends Error {
  readonly problems: readonly string[];
  constructor(problems: string[]) {
    super(`The rules catalogue is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
    this.name = 'CatalogueInvalidError';
    this.problems = problems;
  }
}

/** Validates a parsed catalogue and returns it typed; throws CatalogueInvalidError listing every problem. */
export function validateCatalogue(input: unknown): Catalogue {
  const problems = catalogueProblems(input);
  if (problems.length > 0) throw new CatalogueInvalidError(problems);
  return input as Catalogue;
}

/** Every problem in the catalogue, in document order; empty when it is valid. */
export function catalogueProblems(input: unknown): string[] {
  const c = new Checker();
  if (!isObject(input)) return ['catalogue: must be an object'];
  c.fields('catalogue', input, ['version', 'effectiveFrom', 'laws', 'rules', 'categories', 'sources', 'domains', 'tasks', 'flows',
    'secrecyOrigins', 'retentionClasses', 'recipientLists', 'roles', 'processingActivities'], []);
  const version = c.match('catalogue.version', input.version, VERSION, 'a version like 2026.1');
  const effectiveFrom = c.date('catalogue.effectiveFrom', input.effectiveFrom);

  // ── Shapes ────────────────────────────────────────────────────────────────────────────────────────
  const laws = c.list('laws', input.laws, (p, v) => {
    c.fields(p, v, ['code', 'name', 'title'], ['bwb', 'celex']);
    c.match(`${p}.code`, v.code, CODE, 'a lower-case code');
    c.text(`${p}.name`, v.name);
    c.text(`${p}.title`, v.title);
    if (v.bwb !== undefined) c.match(`${p}.bwb`, v.bwb, BWB, 'a BWB id like BWBR0035362');
    if (v.celex !== undefined) c.match(`${p}.celex`, v.celex, CELEX, 'a CELEX number like 32016R0679');
    if (v.bwb !== undefined && v.celex !== undefined) c.problem(`${p}: has both a BWB id and a CELEX number`);
  });
  const rules = c.list('rules', input.rules, (p, v) => {
    c.fields(p, v, ['id', 'statement', 'statementNl', 'articles', 'confidence', 'version', 'effectiveFrom'], ['lawOverPolicy']);
    c.match(`${p}.id`, v.id, RULE_ID, 'a rule id like wmo-5.1.1-scope');
    c.text(`${p}.statement`, v.statement);
    c.text(`${p}.statementNl`, v.statementNl);
    const articles = c.list(`${p}.articles`, v.articles, (q, a) => c.article(q, a), () => undefined);
    if (Array.isArray(v.articles) && articles.length === 0) c.problem(`${p}.articles: cites no article`);
    c.oneOf(`${p}.confidence`, v.confidence, ['read', 'verify']);
    if (typeof v.version !== 'string' || v.version !== version) c.problem(`${p}.version: must be the catalogue version '${version ?? '?'}'`);
    const from = c.date(`${p}.effectiveFrom`, v.effectiveFrom);
    if (from && effectiveFrom && from < effectiveFrom) c.problem(`${p}.effectiveFrom: before the catalogue's effectiveFrom ${effectiveFrom}`);
    if (v.lawOverPolicy !== undefined) c.text(`${p}.lawOverPolicy`, v.lawOverPolicy);
  });
  const categories = c.list('categories', input.categories, (p, v) => {
    c.fields(p, v, ['code', 'nl', 'en', 'kind', 'defaultConfidentiality'], ['identifying']);
    c.match(`${p}.code`, v.code, CODE, 'a lower-case code');
    c.text(`${p}.nl`, v.nl);
    c.text(`${p}.en`, v.en);
    c.oneOf(`${p}.kind`, v.kind, CATEGORY_KINDS);
    if (v.identifying !== undefined) c.bool(`${p}.identifying`, v.identifying);
    c.oneOf(`${p}.defaultConfidentiality`, v.defaultConfidentiality, CONFIDENTIALITY_LEVELS, 'a ZGW confidentiality level');
  });
  const sources = c.list('sources', input.sources, (p, v) => {
    c.fields(p, v, ['code', 'nl', 'en'], ['law', 'onlyForLaws', 'rule', 'explicitConsentFor']);
    c.match(`${p}.code`, v.code, CODE, 'a lower-case code');
    c.text(`${p}.nl`, v.nl);
    c.text(`${p}.en`, v.en);
    if (v.law !== undefined) c.text(`${p}.law`, v.law);
    if (v.onlyForLaws !== undefined) c.strings(`${p}.onlyForLaws`, v.onlyForLaws, true);
    if (v.rule !== undefined) c.text(`${p}.rule`, v.rule);
    if (v.onlyForLaws !== undefined && v.rule === undefined) c.problem(`${p}: a source restricted by onlyForLaws must name the rule that restricts it`);
    if (v.explicitConsentFor !== undefined) {
      c.list(`${p}.explicitConsentFor`, v.explicitConsentFor, (q, e) => {
        c.fields(q, e, ['laws', 'rule'], []);
        c.strings(`${q}.laws`, e.laws, true);
        c.text(`${q}.rule`, e.rule);
      }, () => undefined);
    }
  });
  const domains = c.list('domains', input.domains, (p, v) => {
    c.fields(p, v, ['code', 'nl', 'en', 'law'], []);
    c.match(`${p}.code`, v.code, CODE, 'a lower-case code');
    c.text(`${p}.nl`, v.nl);
    c.text(`${p}.en`, v.en);
    c.text(`${p}.law`, v.law);
  });
  const tasks = c.list('tasks', input.tasks, (p, v) => {
    c.fields(p, v, ['code', 'domain', 'nl', 'en', 'law', 'legalSource', 'avg6Ground', 'basisRule', 'specialCategories', 'processingActivity'],
      ['criminalRule', 'bsnRule']);
    c.match(`${p}.code`, v.code, TASK_CODE, 'a lower-case code like wmo-onderzoek');
    c.text(`${p}.domain`, v.domain);
    c.text(`${p}.nl`, v.nl);
    c.text(`${p}.en`, v.en);
    c.text(`${p}.law`, v.law);
    c.article(`${p}.legalSource`, v.legalSource);
    if (v.avg6Ground === 'f') c.problem(`${p}.avg6Ground: a public authority may not rely on legitimate interest (AVG art. 6(1) last sentence)`);
    else c.oneOf(`${p}.avg6Ground`, v.avg6Ground, ['c', 'e']);
    c.text(`${p}.basisRule`, v.basisRule);
    c.list(`${p}.specialCategories`, v.specialCategories, (q, s) => {
      c.fields(q, s, ['category', 'rule'], []);
      c.text(`${q}.category`, s.category);
      c.text(`${q}.rule`, s.rule);
    }, (s) => s.category);
    if (v.criminalRule !== undefined) c.text(`${p}.criminalRule`, v.criminalRule);
    if (v.bsnRule !== undefined) c.text(`${p}.bsnRule`, v.bsnRule);
    c.text(`${p}.processingActivity`, v.processingActivity);
  });
  const flows = c.list('flows', input.flows, (p, v) => {
    c.fields(p, v, ['from', 'to', 'condition', 'rules', 'vitalInterestOverride'], []);
    c.text(`${p}.from`, v.from);
    c.text(`${p}.to`, v.to);
    c.oneOf(`${p}.condition`, v.condition, FLOW_CONDITIONS);
    c.strings(`${p}.rules`, v.rules, true);
    c.bool(`${p}.vitalInterestOverride`, v.vitalInterestOverride);
    if (v.from === v.to && typeof v.from === 'string') c.problem(`${p}: a flow goes from one law to another, not to itself`);
    if (v.condition === 'never' && v.vitalInterestOverride === true) c.problem(`${p}: a 'never' flow cannot be overridden by a vital interest`);
  });
  const secrecyOrigins = c.list('secrecyOrigins', input.secrecyOrigins, (p, v) => {
    c.fields(p, v, ['code', 'nl', 'en', 'rule'], []);
    c.match(`${p}.code`, v.code, CODE, 'a lower-case code');
    c.text(`${p}.nl`, v.nl);
    c.text(`${p}.en`, v.en);
    c.text(`${p}.rule`, v.rule);
  });
  const retentionClasses = c.list('retentionClasses', input.retentionClasses, (p, v) => {
    c.fields(p, v, ['code', 'nl', 'en', 'period', 'from', 'rule'], []);
    c.match(`${p}.code`, v.code, CODE, 'a lower-case code');
    c.text(`${p}.nl`, v.nl);
    c.text(`${p}.en`, v.en);
    c.match(`${p}.period`, v.period, DURATION, 'an ISO 8601 duration like P15Y or P42D');
    c.oneOf(`${p}.from`, v.from, RETENTION_FROM);
    c.text(`${p}.rule`, v.rule);
  });
  const recipientLists = c.list('recipientLists', input.recipientLists, (p, v) => {
    c.fields(p, v, ['law', 'recipients', 'rule'], []);
    c.text(`${p}.law`, v.law);
    c.strings(`${p}.recipients`, v.recipients, true);
    c.text(`${p}.rule`, v.rule);
  });
  const roles = c.list('roles', input.roles, (p, v) => {
    c.fields(p, v, ['role', 'nl', 'en', 'hiddenCategories', 'mayWrite', 'rule'], ['hideIdentifying']);
    c.oneOf(`${p}.role`, v.role, INVOLVEMENT_ROLES, 'an involvement role');
    c.text(`${p}.nl`, v.nl);
    c.text(`${p}.en`, v.en);
    c.strings(`${p}.hiddenCategories`, v.hiddenCategories, false);
    if (v.hideIdentifying !== undefined) c.bool(`${p}.hideIdentifying`, v.hideIdentifying);
    c.bool(`${p}.mayWrite`, v.mayWrite);
    c.text(`${p}.rule`, v.rule);
  });
  const activities = c.list('processingActivities', input.processingActivities, (p, v) => {
    c.fields(p, v, ['code', 'name', 'purpose', 'legalBasis', 'categories', 'dataSubjects', 'recipients', 'retention', 'measures'], []);
    c.match(`${p}.code`, v.code, /^pa-[a-z0-9-]+$/, 'a code like pa-wmo-onderzoek');
    for (const f of ['name', 'purpose', 'legalBasis', 'retention', 'measures']) c.text(`${p}.${f}`, v[f]);
    c.strings(`${p}.categories`, v.categories, true);
    c.strings(`${p}.dataSubjects`, v.dataSubjects, true);
    c.strings(`${p}.recipients`, v.recipients, false);
  });

  // ── Uniqueness ────────────────────────────────────────────────────────────────────────────────────
  const lawCodes = c.unique('laws', laws, (v) => v.code);
  const ruleIds = c.unique('rules', rules, (v) => v.id);
  const categoryCodes = c.unique('categories', categories, (v) => v.code);
  c.unique('sources', sources, (v) => v.code);
  const domainCodes = c.unique('domains', domains, (v) => v.code);
  c.unique('tasks', tasks, (v) => v.code);
  c.unique('flows', flows, (v) => (typeof v.from === 'string' && typeof v.to === 'string' ? `${v.from} → ${v.to}` : undefined));
  c.unique('secrecyOrigins', secrecyOrigins, (v) => v.code);
  c.unique('retentionClasses', retentionClasses, (v) => v.code);
  c.unique('recipientLists', recipientLists, (v) => v.law);
  const roleCodes = c.unique('roles', roles, (v) => v.role);
  const activityCodes = c.unique('processingActivities', activities, (v) => v.code);

  // ── References ────────────────────────────────────────────────────────────────────────────────────
  const rule = (path: string, id: unknown) => {
    if (typeof id === 'string' && !ruleIds.has(id)) c.problem(`${path}: unknown rule '${id}'`);
  };
  const law = (path: string, code: unknown) => {
    if (typeof code === 'string' && !lawCodes.has(code)) c.problem(`${path}: unknown law '${code}'`);
  };
  const category = (path: string, code: unknown) => {
    if (typeof code === 'string' && !categoryCodes.has(code)) c.problem(`${path}: unknown category '${code}'`);
  };
  const lawByCode = new Map(laws.filter((v) => typeof v.code === 'string').map((v) => [v.code as string, v]));
  const categoryByCode = new Map(categories.filter((v) => typeof v.code === 'string').map((v) => [v.code as string, v]));

  for (const id of Object.values(GENERIC_RULES)) {
    if (!ruleIds.has(id)) c.problem(`rules: the generic rule '${id}' that the gate applies is missing`);
  }
  each(rules, 'rules', (v) => v.id, (p, v) => {
    each(asArray(v.articles), `${p}.articles`, () => undefined, (q, a) => {
      law(`${q}.law`, a.law);
      const l = typeof a.law === 'string' ? lawByCode.get(a.law) : undefined;
      if (l && l.bwb === undefined && l.celex === undefined && !NON_STATUTORY_LAWS.includes(a.law as string)) {
        c.problem(`${q}.law: '${a.law as string}' is cited but has no BWB id or CELEX number, so the article cannot be linked`);
      }
    });
  });
  each(sources, 'sources', (v) => v.code, (p, v) => {
    law(`${p}.law`, v.law);
    asArray(v.onlyForLaws).forEach((l, i) => law(`${p}.onlyForLaws[${i}]`, l));
    rule(`${p}.rule`, v.rule);
    each(asArray(v.explicitConsentFor), `${p}.explicitConsentFor`, () => undefined, (q, e) => {
      asArray(e.laws).forEach((l, i) => law(`${q}.laws[${i}]`, l));
      rule(`${q}.rule`, e.rule);
    });
  });
  each(domains, 'domains', (v) => v.code, (p, v) => law(`${p}.law`, v.law));
  const domainByCode = new Map(domains.filter((v) => typeof v.code === 'string').map((v) => [v.code as string, v]));
  each(tasks, 'tasks', (v) => v.code, (p, v) => {
    if (typeof v.domain === 'string' && !domainCodes.has(v.domain)) c.problem(`${p}.domain: unknown domain '${v.domain}'`);
    law(`${p}.law`, v.law);
    const d = typeof v.domain === 'string' ? domainByCode.get(v.domain) : undefined;
    if (d && typeof v.law === 'string' && d.law !== v.law) c.problem(`${p}.law: '${v.law}' is not the law of its domain '${String(d.code)}' ('${String(d.law)}')`);
    if (isObject(v.legalSource)) {
      law(`${p}.legalSource.law`, v.legalSource.law);
      if (typeof v.law === 'string' && v.legalSource.law !== v.law) c.problem(`${p}.legalSource.law: must be the task's own law '${v.law}'`);
    }
    rule(`${p}.basisRule`, v.basisRule);
    each(asArray(v.specialCategories), `${p}.specialCategories`, (s) => s.category, (q, s) => {
      category(`${q}.category`, s.category);
      const cat = typeof s.category === 'string' ? categoryByCode.get(s.category) : undefined;
      if (cat && cat.kind !== 'special') c.problem(`${q}.category: '${String(s.category)}' is not a special category (kind '${String(cat.kind)}')`);
      rule(`${q}.rule`, s.rule);
    });
    rule(`${p}.criminalRule`, v.criminalRule);
    rule(`${p}.bsnRule`, v.bsnRule);
    if (typeof v.processingActivity === 'string' && !activityCodes.has(v.processingActivity)) {
      c.problem(`${p}.processingActivity: unknown processing activity '${v.processingActivity}'`);
    }
  });
  each(flows, 'flows', flowKey, (p, v) => {
    law(`${p}.from`, v.from);
    law(`${p}.to`, v.to);
    asArray(v.rules).forEach((r, i) => rule(`${p}.rules[${i}]`, r));
  });
  each(secrecyOrigins, 'secrecyOrigins', (v) => v.code, (p, v) => rule(`${p}.rule`, v.rule));
  each(retentionClasses, 'retentionClasses', (v) => v.code, (p, v) => rule(`${p}.rule`, v.rule));
  each(recipientLists, 'recipientLists', (v) => v.law, (p, v) => {
    law(`${p}.law`, v.law);
    rule(`${p}.rule`, v.rule);
  });
  each(roles, 'roles', (v) => v.role, (p, v) => {
    asArray(v.hiddenCategories).forEach((x, i) => category(`${p}.hiddenCategories[${i}]`, x));
    rule(`${p}.rule`, v.rule);
  });
  for (const r of INVOLVEMENT_ROLES) {
    if (Array.isArray(input.roles) && !roleCodes.has(r)) c.problem(`roles: no profile for the involvement role '${r}'`);
  }
  each(activities, 'processingActivities', (v) => v.code, (p, v) => {
    asArray(v.categories).forEach((x, i) => category(`${p}.categories[${i}]`, x));
  });

  // ── Sector-law reciprocity: every ordered pair of domain laws has a flow ──────────────────────────
  const domainLaws = [...new Set(domains.map((d) => d.law).filter((l): l is string => typeof l === 'string'))];
  const flowPairs = new Set(flows.map((f) => `${String(f.from)} → ${String(f.to)}`));
  for (const from of domainLaws) {
    for (const to of domainLaws) {
      if (from !== to && Array.isArray(input.flows) && !flowPairs.has(`${from} → ${to}`)) {
        c.problem(`flows: no flow from '${from}' to '${to}' (every ordered pair of domain laws needs one, even if 'never')`);
      }
    }
  }
  // A source law that restricts its data to some laws cannot have an open flow to any other law.
  for (const s of sources) {
    if (typeof s.law !== 'string' || !Array.isArray(s.onlyForLaws)) continue;
    const allowed = s.onlyForLaws as unknown[];
    each(flows, 'flows', flowKey, (p, f) => {
      if (f.from === s.law && typeof f.to === 'string' && !allowed.includes(f.to) && f.condition !== 'never') {
        c.problem(`${p}.condition: source '${String(s.code)}' may only be used for ${allowed.join(', ')}, so a flow to '${f.to}' must be 'never'`);
      }
    });
  }

  return c.problems;
}

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────────────

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** How an entry is named in a problem: its id, code, role, law, or from→to for a flow. */
function entryKey(v: Obj): unknown {
  return v.id ?? v.code ?? v.role ?? flowKey(v) ?? v.law;
}

function flowKey(v: Obj): string | undefined {
  return typeof v.from === 'string' && typeof v.to === 'string' ? `${v.from}→${v.to}` : undefined;
}

/** Visits the object entries of an array with a readable path: rules[wmo-5.1.1-scope] or rules[3]. */
function each(list: unknown[], name: string, key: (v: Obj) => unknown, visit: (path: string, v: Obj) => void): void {
  list.forEach((v, i) => {
    if (!isObject(v)) return;
    const k = key(v);
    visit(`${name}[${typeof k === 'string' && k !== '' ? k : i}]`, v);
  });
}

class Checker {
  readonly problems: string[] = [];

  problem(message: string): void {
    this.problems.push(message);
  }

  /** Required fields present; no fields the catalogue types do not know (a typo would silently do nothing). */
  fields(path: string, v: Obj, required: string[], optional: string[]): void {
    for (const f of required) if (v[f] === undefined) this.problem(`${path}.${f}: required`);
    for (const f of Object.keys(v)) {
      if (!required.includes(f) && !optional.includes(f)) this.problem(`${path}.${f}: unknown field`);
    }
  }

  text(path: string, v: unknown): string | undefined {
    if (v === undefined) return undefined; // reported by fields()
    if (typeof v !== 'string' || v.trim() === '') {
      this.problem(`${path}: must be a non-empty string`);
      return undefined;
    }
    return v;
  }

  match(path: string, v: unknown, re: RegExp, what: string): string | undefined {
    const s = this.text(path, v);
    if (s === undefined) return undefined;
    if (!re.test(s)) {
      this.problem(`${path}: '${s}' is not ${what}`);
      return undefined;
    }
    return s;
  }

  date(path: string, v: unknown): string | undefined {
    const s = this.match(path, v, /^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-01-01');
    if (s === undefined) return undefined;
    const d = new Date(`${s}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
      this.problem(`${path}: '${s}' is not a real date`);
      return undefined;
    }
    return s;
  }

  oneOf(path: string, v: unknown, allowed: readonly string[], what?: string): void {
    if (v === undefined) return;
    if (typeof v !== 'string' || !allowed.includes(v)) {
      this.problem(`${path}: '${String(v)}' is not ${what ?? 'one of'} (${allowed.join(', ')})`);
    }
  }

  bool(path: string, v: unknown): void {
    if (v === undefined) return;
    if (typeof v !== 'boolean') this.problem(`${path}: must be true or false`);
  }

  strings(path: string, v: unknown, nonEmpty: boolean): void {
    if (v === undefined) return;
    if (!Array.isArray(v)) {
      this.problem(`${path}: must be a list`);
      return;
    }
    if (nonEmpty && v.length === 0) this.problem(`${path}: must not be empty`);
    v.forEach((x, i) => this.text(`${path}[${i}]`, x));
    const seen = new Set<unknown>();
    for (const x of v) {
      if (seen.has(x)) this.problem(`${path}: '${String(x)}' appears twice`);
      seen.add(x);
    }
  }

  article(path: string, v: unknown): void {
    if (v === undefined) return;
    if (!isObject(v)) {
      this.problem(`${path}: must be an article reference { law, article, lid?, sub? }`);
      return;
    }
    this.fields(path, v, ['law', 'article'], ['lid', 'sub']);
    this.text(`${path}.law`, v.law);
    this.match(`${path}.article`, v.article, /^[0-9][0-9A-Za-z.:]*$/, 'an article number like 5.1.1, 9:1 or 65');
    if (v.lid !== undefined) this.match(`${path}.lid`, v.lid, /^[0-9]+[a-z]?$/, 'a paragraph (lid) number');
    if (v.sub !== undefined) this.match(`${path}.sub`, v.sub, /^[a-z]{1,3}$|^[0-9]+°?$/, 'a sub-paragraph letter');
  }

  /** The object entries of a list, each checked by `check`; a non-list is a problem. */
  list(path: string, v: unknown, check: (path: string, entry: Obj) => void, key: (entry: Obj) => unknown = entryKey): Obj[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      this.problem(`${path}: must be a list`);
      return [];
    }
    const out: Obj[] = [];
    v.forEach((entry, i) => {
      if (!isObject(entry)) {
        this.problem(`${path}[${i}]: must be an object`);
        return;
      }
      const k = key(entry);
      check(`${path}[${typeof k === 'string' && k !== '' ? k : i}]`, entry);
      out.push(entry);
    });
    return out;
  }

  /** Reports duplicates and returns the set of keys. */
  unique(path: string, list: Obj[], key: (v: Obj) => unknown): Set<string> {
    const seen = new Set<string>();
    for (const v of list) {
      const k = key(v);
      if (typeof k !== 'string') continue;
      if (seen.has(k)) this.problem(`${path}: duplicate '${k}'`);
      seen.add(k);
    }
    return seen;
  }
}
