/** Labels for codes, from the rules catalogue in force (categories, sources, tasks, retention classes). */
import type { CompiledPolicy } from '../../../core/policy/compile.ts';
import type { Label } from './views.ts';

export function categoryLabel(policy: CompiledPolicy, code: string): Label {
  const c = policy.categories.get(code);
  return { code, nl: c?.nl ?? code, en: c?.en ?? code };
}

export function sourceLabel(policy: CompiledPolicy, code: string): Label {
  const s = policy.sources.get(code);
  return { code, nl: s?.nl ?? code, en: s?.en ?? code };
}

export function taskLabel(policy: CompiledPolicy, code: string): Label {
  const t = policy.tasks.get(code);
  return { code, nl: t?.nl ?? code, en: t?.en ?? code };
}

export function retentionLabel(policy: CompiledPolicy, code: string): Label | null {
  const r = policy.catalogue.retentionClasses.find((x) => x.code === code);
  return r ? { code, nl: r.nl, en: r.en } : null;
}

/** Why something is withheld, in general terms that never name the other person. */
export const RESTRICTION_REASON_LABELS: Record<string, { nl: string; en: string }> = {
  third_party_privacy: { nl: 'Om de privacy van iemand anders te beschermen', en: "To protect someone else's privacy" },
  safety_of_others: { nl: 'Om de veiligheid van iemand anders te beschermen', en: "To protect someone else's safety" },
  vital_interest: { nl: 'Om een ernstig gevaar voor iemand af te wenden', en: 'To prevent serious harm to someone' },
  veilig_thuis_investigation: { nl: 'Om een lopend onderzoek te beschermen', en: 'To protect an investigation in progress' },
  child_interest: { nl: 'In het belang van het kind', en: "In the child's interest" },
};

export function reasonLabel(code: string): Label {
  const r = RESTRICTION_REASON_LABELS[code];
  return { code, nl: r?.nl ?? code, en: r?.en ?? code };
}
