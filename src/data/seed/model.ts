/**
 * The generator's view of the rules catalogue: domains, tasks and data categories with the codes the
 * catalogue uses (rules/catalogue-*.json). The generator is pure and can run without a catalogue
 * (unit tests, the determinism hash), so it carries these defaults; when a catalogue is loaded,
 * modelFromCatalogue() takes kinds, confidentiality levels, basis rules and the special categories a
 * task has a basis for from it, so the synthetic data never contradicts the rules the gate applies.
 */
import type { Catalogue, CategoryKind } from '../../core/policy/catalogue.ts';

export type DomainCode = 'jeugd' | 'wmo' | 'werk_inkomen' | 'schuldhulp';
export type TaskCode =
  | 'wmo-onderzoek'
  | 'wmo-maatwerkvoorziening'
  | 'jeugd-hulp'
  | 'jeugd-bescherming'
  | 'pw-levensonderhoud'
  | 'pw-reintegratie'
  | 'wgs-schuldhulp'
  | 'wgs-vroegsignalering';

export const DOMAINS: readonly DomainCode[] = ['wmo', 'jeugd', 'werk_inkomen', 'schuldhulp'];

export interface TaskModel {
  code: TaskCode;
  domain: DomainCode;
  /** Rule id of the task's legal basis: becomes data_item.legal_basis (step 4a). */
  basisRule: string;
  /** Special categories the task has a basis for (AVG 9(2) + sector law); others are never generated. */
  specialCategories: readonly string[];
  criminal: boolean;
  bsn: boolean;
}

export interface CategoryModel {
  kind: CategoryKind;
  confidentiality: string;
}

export interface SeedModel {
  tasks: Record<TaskCode, TaskModel>;
  categories: Record<string, CategoryModel>;
  /** Retention class per domain (Selectielijst 2020 / sector law). */
  retention: Record<DomainCode, string>;
}

const WMO_BASIS = 'wmo-5.1.1-scope';
const JW_BASIS = 'jw-7.4.0-scope';
const PW_BASIS = 'pw-processing';
const WGS_BASIS = 'wgs-processing';

function task(code: TaskCode, domain: DomainCode, basisRule: string, special: string[], criminal = false, bsn = true): TaskModel {
  return { code, domain, basisRule, specialCategories: special, criminal, bsn };
}

const ordinary = (confidentiality: string): CategoryModel => ({ kind: 'ordinary', confidentiality });
const special: CategoryModel = { kind: 'special', confidentiality: 'vertrouwelijk' };
const HEALTH = ['health_physical', 'health_mental', 'addiction'];

/** Mirrors rules/catalogue-2026.1.json (test/seed checks that it still does). */
export const DEFAULT_MODEL: SeedModel = {
  tasks: {
    'wmo-onderzoek': task('wmo-onderzoek', 'wmo', WMO_BASIS, ['care_needs', ...HEALTH]),
    'wmo-maatwerkvoorziening': task('wmo-maatwerkvoorziening', 'wmo', WMO_BASIS, ['care_needs', ...HEALTH, 'care_record']),
    'jeugd-hulp': task('jeugd-hulp', 'jeugd', JW_BASIS, ['youth_care', ...HEALTH, 'care_record'], true),
    'jeugd-bescherming': task('jeugd-bescherming', 'jeugd', JW_BASIS, ['youth_care', ...HEALTH, 'care_record'], true),
    'pw-levensonderhoud': task('pw-levensonderhoud', 'werk_inkomen', PW_BASIS, []),
    'pw-reintegratie': task('pw-reintegratie', 'werk_inkomen', PW_BASIS, ['health_physical', 'health_mental']),
    'wgs-schuldhulp': task('wgs-schuldhulp', 'schuldhulp', WGS_BASIS, []),
    'wgs-vroegsignalering': task('wgs-vroegsignalering', 'schuldhulp', 'wgs-2021-delegation', []),
  },
  categories: {
    identity: ordinary('zaakvertrouwelijk'),
    address: ordinary('zaakvertrouwelijk'),
    contact: ordinary('zaakvertrouwelijk'),
    bsn: { kind: 'bsn', confidentiality: 'vertrouwelijk' },
    household_composition: ordinary('zaakvertrouwelijk'),
    case: ordinary('zaakvertrouwelijk'),
    plan: ordinary('zaakvertrouwelijk'),
    involvement: ordinary('zaakvertrouwelijk'),
    income: ordinary('vertrouwelijk'),
    assets: ordinary('vertrouwelijk'),
    debts: ordinary('vertrouwelijk'),
    payment_arrears: ordinary('vertrouwelijk'),
    work_education: ordinary('zaakvertrouwelijk'),
    housing: ordinary('zaakvertrouwelijk'),
    daily_functioning: ordinary('vertrouwelijk'),
    family_situation: ordinary('vertrouwelijk'),
    safety: ordinary('vertrouwelijk'),
    care_needs: special,
    health_physical: special,
    health_mental: special,
    addiction: special,
    youth_care: special,
    care_record: special,
    religion: special,
    ethnicity: special,
    criminal: { kind: 'criminal', confidentiality: 'confidentieel' },
  },
  retention: { wmo: 'wmo', jeugd: 'jeugd', werk_inkomen: 'pw', schuldhulp: 'wgs' },
};

/** Values stored in the clear are ordinary; everything else is sealed (R2.4). */
export function isSealed(model: SeedModel, category: string): boolean {
  const c = model.categories[category];
  // Unknown category: fail closed and encrypt.
  return !c || c.kind !== 'ordinary';
}

/**
 * Overlay a loaded catalogue on the defaults. Tasks and categories the catalogue does not know keep
 * their defaults (the catalogue may still be incomplete while it is written); a stricter kind in
 * either source wins, so a value is never stored in the clear because one side forgot a category.
 */
export function modelFromCatalogue(catalogue: Pick<Catalogue, 'tasks' | 'categories'>): SeedModel {
  const categories: Record<string, CategoryModel> = { ...DEFAULT_MODEL.categories };
  for (const c of catalogue.categories ?? []) {
    const base = categories[c.code];
    const kind = base && base.kind !== 'ordinary' && c.kind === 'ordinary' ? base.kind : c.kind;
    categories[c.code] = { kind, confidentiality: c.defaultConfidentiality || base?.confidentiality || 'vertrouwelijk' };
  }
  const tasks = { ...DEFAULT_MODEL.tasks };
  for (const t of catalogue.tasks ?? []) {
    const base = tasks[t.code as TaskCode];
    if (!base) continue;
    tasks[base.code] = {
      ...base,
      basisRule: t.basisRule || base.basisRule,
      specialCategories: (t.specialCategories ?? []).map((s) => s.category),
      criminal: Boolean(t.criminalRule),
      bsn: Boolean(t.bsnRule),
    };
  }
  return { tasks, categories, retention: DEFAULT_MODEL.retention };
}

/** May the task's purpose hold an item of this category at all? (Never generate what the law forbids.) */
export function taskAllows(model: SeedModel, task: TaskCode, category: string): boolean {
  const t = model.tasks[task];
  const kind = model.categories[category]?.kind ?? 'special';
  if (kind === 'special') return t.specialCategories.includes(category);
  if (kind === 'criminal') return t.criminal;
  if (kind === 'bsn') return t.bsn;
  return true;
}
