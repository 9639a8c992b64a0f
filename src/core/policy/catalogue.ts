/**
 * The rules catalogue: the policy as versioned data (R10.4; issue 3 item 1). The JSON lives in rules/,
 * is validated at load, stored per version in the rule_catalogue table, and compiled into lookup
 * tables for decide(). Every explanation names the catalogue version and the rules it used.
 *
 * Article references are Juriconnect identifiers (jci1.3) for Dutch law, so every explanation links to
 * wetten.overheid.nl; EU law (AVG/GDPR) is referenced by CELEX number and links to EUR-Lex.
 */

/** A law the catalogue refers to. Dutch laws carry their BWB id; EU acts their CELEX number. */
export interface Law {
  code: string;
  /** Short name used in labels, e.g. 'Wmo 2015', 'AVG'. */
  name: string;
  /** Full title, e.g. 'Wet maatschappelijke ondersteuning 2015'. */
  title: string;
  /** e.g. BWBR0035362 (Wmo 2015). */
  bwb?: string;
  /** e.g. 32016R0679 (AVG/GDPR). */
  celex?: string;
}

export interface ArticleRef {
  law: string;
  article: string;
  lid?: string;
  /** onderdeel / sub-paragraph letter, e.g. 'b' in Pw 65 lid 2 sub b, or AVG 6(1)(e). */
  sub?: string;
}

export type Confidence = 'read' | 'verify';

export interface Rule {
  id: string;
  /** Plain English statement, shown in explanations. */
  statement: string;
  /** Plain Dutch statement (B1), shown to residents and professionals. */
  statementNl: string;
  articles: ArticleRef[];
  /** 'read': read in the source text; 'verify': from memory or a secondary source — the FG must check. */
  confidence: Confidence;
  version: string;
  effectiveFrom: string;
  /** Where the 2015 policy's wording differs from current law, what changed and why the product follows the law. */
  lawOverPolicy?: string;
}

export type CategoryKind = 'ordinary' | 'special' | 'criminal' | 'bsn';

export interface Category {
  code: string;
  nl: string;
  en: string;
  kind: CategoryKind;
  /** Identifying categories are hidden from a consulted expert (pseudonymised facts, R4.3). */
  identifying?: boolean;
  /** Confidentiality level items of this category get by default (ZGW level). */
  defaultConfidentiality: string;
}

/** Where a datum came from (provenance). */
export interface Source {
  code: string;
  nl: string;
  en: string;
  /**
   * A source law that keeps governing the datum wherever it goes (e.g. 'suwi' for Suwinet data).
   * Unset: the datum is governed by the law of the help request it was collected for.
   */
  law?: string;
  /** Laws whose tasks may use data from this source at all (e.g. Suwinet: Pw, IOAW, IOAZ, Wgs). */
  onlyForLaws?: string[];
  /** Rule that restricts the source (e.g. suwi-62-scope). */
  rule?: string;
  /** Laws into which data from this source may come only with explicit consent (Wmo 5.1.1 lid 5). */
  explicitConsentFor?: { laws: string[]; rule: string }[];
}

export interface Domain {
  code: string;
  nl: string;
  en: string;
  law: string;
}

/** A municipal task (step 1 of the step plan) with its legal source and the bases it provides. */
export interface Task {
  code: string;
  domain: string;
  nl: string;
  en: string;
  law: string;
  legalSource: ArticleRef;
  /** The AVG art. 6(1) ground: (c) legal obligation or (e) public task. Never (f) for a public authority. */
  avg6Ground: 'c' | 'e';
  /** Rule establishing the task's basis (step 4a). */
  basisRule: string;
  /** Special categories this task has a basis for, with the rule that gives it (AVG 9(2) + sector law). */
  specialCategories: { category: string; rule: string }[];
  /** Rule giving a basis for criminal data (AVG 10), if any. */
  criminalRule?: string;
  /** Rule permitting BSN use for this task (UAVG 46 + sector law), if any. */
  bsnRule?: string;
  /** Register entry (processing activity code) processing under this task is logged against. */
  processingActivity: string;
}

export type FlowCondition =
  | 'none'
  | 'explicit_consent'
  | 'written_no_objection'
  | 'explicit_consent_and_written_no_objection'
  | 'never';

/**
 * Sector-law reciprocity: a datum collected under `from` may be used for a task under `to` only when
 * the source law lets it out and the target law lets it in ("both laws must permit it").
 */
export interface Flow {
  from: string;
  to: string;
  condition: FlowCondition;
  rules: string[];
  /** An approved involuntary-processing record (health/safety ground) may stand in for the consent. */
  vitalInterestOverride: boolean;
}

export interface SecrecyOrigin {
  code: string;
  nl: string;
  en: string;
  rule: string;
}

/** Retention classes (Selectielijst 2020 and sector laws); the later end date wins. */
export interface RetentionClass {
  code: string;
  nl: string;
  en: string;
  /** ISO 8601 duration, e.g. P15Y. */
  period: string;
  /** What the period counts from. */
  from: 'last_change' | 'case_end' | 'creation';
  rule: string;
}

/** Closed recipient lists (Wmo 2015 art. 5.2.1): to whom data of a law may go without consent or another law. */
export interface RecipientList {
  law: string;
  recipients: string[];
  rule: string;
}

/** What an involvement role may see by default (before need-to-know and the other rules narrow it). */
export interface RoleProfile {
  role: 'director' | 'case_worker' | 'provider' | 'expert';
  nl: string;
  en: string;
  /** Categories never shown to this role ('identifying' hides all identifying categories). */
  hiddenCategories: string[];
  hideIdentifying?: boolean;
  /** May write data items for the purpose. */
  mayWrite: boolean;
  rule: string;
}

export interface ProcessingActivityDef {
  code: string;
  name: string;
  purpose: string;
  legalBasis: string;
  categories: string[];
  dataSubjects: string[];
  recipients: string[];
  retention: string;
  measures: string;
}

export interface Catalogue {
  version: string;
  effectiveFrom: string;
  laws: Law[];
  rules: Rule[];
  categories: Category[];
  sources: Source[];
  domains: Domain[];
  tasks: Task[];
  flows: Flow[];
  secrecyOrigins: SecrecyOrigin[];
  retentionClasses: RetentionClass[];
  recipientLists: RecipientList[];
  roles: RoleProfile[];
  processingActivities: ProcessingActivityDef[];
}

/** Juriconnect identifier for a Dutch article, e.g. jci1.3:c:BWBR0035362&artikel=5.1.1&lid=4. */
export function jci(law: Law, ref: ArticleRef): string | null {
  if (!law.bwb) return null;
  let id = `jci1.3:c:${law.bwb}&artikel=${ref.article}`;
  if (ref.lid) id += `&lid=${ref.lid}`;
  if (ref.sub) id += `&onderdeel=${ref.sub}`;
  return id;
}

/** A link to the text: wetten.overheid.nl for Dutch law, EUR-Lex for EU law. */
export function articleUrl(law: Law, ref: ArticleRef): string | null {
  const id = jci(law, ref);
  if (id) return `https://wetten.overheid.nl/${id}`;
  if (law.celex) return `https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:${law.celex}`;
  return null;
}

/** Human label, e.g. "Wmo 2015 art. 5.1.1 lid 4" or "AVG art. 9 lid 2 sub h". */
export function articleLabel(law: Law, ref: ArticleRef): string {
  return `${law.name} art. ${ref.article}${ref.lid ? ` lid ${ref.lid}` : ''}${ref.sub ? ` sub ${ref.sub}` : ''}`;
}
