/**
 * A structured difference between two versions of the policy (R10.4: every change visible before a
 * second person approves it). The rules catalogue is compared section by section, entries matched by
 * their code (rules by id, flows by from→to), and fields compared by value; a covenant is compared
 * field by field. Pure: the console shows the result, the approver signs what it shows.
 */
import type { Catalogue } from '../policy/catalogue.ts';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface EntryChange {
  /** Catalogue section ('rules', 'tasks', …) or 'catalogue' for top-level fields, 'covenant' for a covenant. */
  section: string;
  /** The entry's key within its section (rule id, code, 'from>to'). */
  key: string;
  kind: ChangeKind;
  /** For 'changed': the fields that differ. */
  fields: FieldChange[];
}

export interface StructuredDiff {
  from: string | null;
  to: string;
  changes: EntryChange[];
  /** Count per section and kind, for the summary line. */
  summary: Record<string, Partial<Record<ChangeKind, number>>>;
}

/** How each catalogue section keys its entries. */
export const CATALOGUE_SECTIONS: Record<string, (entry: Record<string, unknown>) => string> = {
  laws: (e) => String(e['code']),
  rules: (e) => String(e['id']),
  categories: (e) => String(e['code']),
  sources: (e) => String(e['code']),
  domains: (e) => String(e['code']),
  tasks: (e) => String(e['code']),
  flows: (e) => `${String(e['from'])}>${String(e['to'])}`,
  secrecyOrigins: (e) => String(e['code']),
  retentionClasses: (e) => String(e['code']),
  recipientLists: (e) => String(e['law']),
  roles: (e) => String(e['role']),
  processingActivities: (e) => String(e['code']),
};

/** JSON equality with object keys in any order (arrays keep their order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Field-level differences of two flat-ish records (nested values are compared whole). */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, ignore: readonly string[] = []): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !ignore.includes(k)).sort();
  const out: FieldChange[] = [];
  for (const k of keys) {
    if (!sameValue(before[k], after[k])) out.push({ field: k, before: before[k] ?? null, after: after[k] ?? null });
  }
  return out;
}

/**
 * Every rule carries the catalogue's version and a date not before the catalogue's: those move with
 * every new version and are not a change of the rule itself, so they are left out of the comparison.
 */
function normaliseRule(rule: Record<string, unknown>, cat: Catalogue): Record<string, unknown> {
  const out = { ...rule };
  if (out['version'] === cat.version) delete out['version'];
  if (out['effectiveFrom'] === cat.effectiveFrom) delete out['effectiveFrom'];
  return out;
}

function summarise(changes: EntryChange[]): StructuredDiff['summary'] {
  const summary: StructuredDiff['summary'] = {};
  for (const c of changes) {
    const s = (summary[c.section] ??= {});
    s[c.kind] = (s[c.kind] ?? 0) + 1;
  }
  return summary;
}

/** The difference from `before` (null: a first version) to `after`. */
export function diffCatalogues(before: Catalogue | null, after: Catalogue): StructuredDiff {
  const changes: EntryChange[] = [];
  const top = fieldChanges(
    before ? { version: before.version, effectiveFrom: before.effectiveFrom } : {},
    { version: after.version, effectiveFrom: after.effectiveFrom },
  );
  if (top.length > 0) changes.push({ section: 'catalogue', key: after.version, kind: before ? 'changed' : 'added', fields: top });
  for (const [section, keyOf] of Object.entries(CATALOGUE_SECTIONS)) {
    const prepare = (cat: Catalogue | null) => {
      const list = ((cat as unknown as Record<string, unknown> | null)?.[section] ?? []) as Array<Record<string, unknown>>;
      return new Map(list.map((e) => [keyOf(e), section === 'rules' && cat ? normaliseRule(e, cat) : e]));
    };
    const a = prepare(before);
    const b = prepare(after);
    for (const [key, entry] of b) {
      const old = a.get(key);
      if (!old) changes.push({ section, key, kind: 'added', fields: fieldChanges({}, entry) });
      else {
        const fields = fieldChanges(old, entry);
        if (fields.length > 0) changes.push({ section, key, kind: 'changed', fields });
      }
    }
    for (const [key, entry] of a) {
      if (!b.has(key)) changes.push({ section, key, kind: 'removed', fields: fieldChanges(entry, {}) });
    }
  }
  return { from: before?.version ?? null, to: after.version, changes, summary: summarise(changes) };
}

/** The difference between two versions of one covenant (or a new covenant when `before` is null). */
export function diffRecords(before: Record<string, unknown> | null, after: Record<string, unknown>, labels: { section: string; key: string; from: string | null; to: string }, ignore: readonly string[] = []): StructuredDiff {
  const fields = fieldChanges(before ?? {}, after, ignore);
  const changes: EntryChange[] = fields.length === 0 ? [] : [{ section: labels.section, key: labels.key, kind: before ? 'changed' : 'added', fields }];
  return { from: labels.from, to: labels.to, changes, summary: summarise(changes) };
}

/** 2026.1 → 2026.2; a new year starts at .1 ('2026.3' effective 2027-03-01 → '2027.1'). */
export function nextCatalogueVersion(current: string, effectiveFrom: string): string {
  const [y, n] = current.split('.').map(Number) as [number, number];
  const year = Number(effectiveFrom.slice(0, 4));
  return year > y ? `${year}.1` : `${y}.${n + 1}`;
}

/** Numeric comparison of catalogue versions ('2026.10' > '2026.9'). */
export function compareCatalogueVersions(a: string, b: string): number {
  const [ay, an] = a.split('.').map(Number) as [number, number];
  const [by, bn] = b.split('.').map(Number) as [number, number];
  return ay !== by ? ay - by : an - bn;
}

/**
 * A copy of `base` as the start of a new version: the new version and date, and every rule moved to
 * it (a rule's date is never before its catalogue's; a later date of its own is kept).
 */
export function startNextCatalogue(base: Catalogue, version: string, effectiveFrom: string): Catalogue {
  const copy = structuredClone(base);
  copy.version = version;
  copy.effectiveFrom = effectiveFrom;
  copy.rules = copy.rules.map((r) => ({ ...r, version, effectiveFrom: r.effectiveFrom > effectiveFrom ? r.effectiveFrom : effectiveFrom }));
  return copy;
}
