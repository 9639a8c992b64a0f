/**
 * Who may do what in the privacy officer's console, as a table (house style habit 4), and the rules of
 * the catalogue each capability rests on (cited in the processing log and the admin audit trail).
 *
 * The console works on configuration (the register, the rules catalogue, covenants), on the log's
 * access metadata and on aggregate figures; it never opens a dossier (`role-no-dossier`). Where it does
 * touch personal data — a resident's log, a professional's involvements — the gate itself decides
 * (`fg-oversight`: the privacy officer only). Pure.
 */
import type { StaffRole } from '../policy/actor.ts';
import type { Decision } from '../policy/decide.ts';

export const CONSOLE_ROLES: readonly StaffRole[] = ['privacy_officer', 'functional_admin', 'archivist'];

export const CAPABILITIES = {
  /** The register of processing activities (AVG art. 30): read and export. */
  'register.read': { roles: ['privacy_officer', 'functional_admin', 'archivist'], rules: ['task-legal-basis'] },
  /** Rules catalogue and covenants: see versions and proposals. */
  'policy.read': { roles: ['privacy_officer', 'functional_admin', 'archivist'], rules: ['task-legal-basis'] },
  /** Propose a new version; approve or reject someone else's proposal (four eyes). */
  'policy.propose': { roles: ['privacy_officer', 'functional_admin'], rules: ['task-legal-basis', 'accountability-logging'] },
  'policy.decide': { roles: ['privacy_officer', 'functional_admin'], rules: ['task-legal-basis', 'accountability-logging'] },
  /** Search the processing log; views of denials and involuntary steps (BIO2 8.15.06: a functionary independent of those logged). */
  'log.review': { roles: ['privacy_officer'], rules: ['fg-oversight', 'bio-8.15.06'] },
  /** The integrity status (last checkpoint, last verification). */
  'log.status': { roles: ['privacy_officer', 'functional_admin'], rules: ['bio-8.15.06'] },
  /** Verify the chains now; write a signed checkpoint. */
  'log.verify': { roles: ['privacy_officer'], rules: ['bio-8.15.06', 'bio-8.15.05'] },
  'log.checkpoint': { roles: ['privacy_officer', 'functional_admin'], rules: ['bio-8.15.05'] },
  /** Access reviews (BIO2 5.18.02 yearly, 8.02.01 quarterly for privileged accounts). */
  'access_review.read': { roles: ['privacy_officer'], rules: ['fg-oversight', 'bio-5.18.02', 'bio-8.02.01'] },
  'access_review.decide': { roles: ['privacy_officer'], rules: ['fg-oversight', 'bio-5.18.02', 'bio-8.02.01', 'involvement-required'] },
  /** Retention: the reports, legal holds; the archivist's sign-off and the destruction itself. */
  'retention.read': { roles: ['privacy_officer', 'functional_admin', 'archivist'], rules: ['ret-selectielijst-source'] },
  'retention.dry_run': { roles: ['functional_admin', 'archivist'], rules: ['ret-selectielijst-source'] },
  'retention.hold': { roles: ['privacy_officer', 'archivist'], rules: ['ret-selectielijst-source'] },
  'retention.sign_off': { roles: ['archivist'], rules: ['ret-selectielijst-source'] },
  'retention.execute': { roles: ['archivist'], rules: ['ret-selectielijst-source', 'system-context'] },
  /** The council report (R10.1): aggregate figures only. */
  'report.council': { roles: ['privacy_officer', 'functional_admin', 'archivist'], rules: ['accountability-logging'] },
} as const satisfies Record<string, { roles: readonly StaffRole[]; rules: readonly string[] }>;

export type Capability = keyof typeof CAPABILITIES;

export function may(roles: readonly string[], capability: Capability): boolean {
  return (CAPABILITIES[capability].roles as readonly string[]).some((r) => roles.includes(r));
}

/** Capabilities of an actor with these roles (the console shows only what they may use). */
export function capabilitiesOf(roles: readonly string[]): Capability[] {
  return (Object.keys(CAPABILITIES) as Capability[]).filter((c) => may(roles, c));
}

/**
 * Four eyes (R2.7, R10.4): a change to the policy takes two people. The one who proposed it never
 * approves it; rejecting or withdrawing one's own proposal is allowed.
 */
export function fourEyesViolation(proposedBy: string, decidedBy: string, decision: 'approve' | 'reject' | 'withdraw'): boolean {
  if (decision === 'withdraw') return proposedBy !== decidedBy;
  if (decision === 'approve') return proposedBy === decidedBy;
  return false;
}

/**
 * The decision the processing log records for a console action: permitted by the actor's staff role for
 * configuration and aggregate work, citing the rules of the capability. Personal data in the console
 * are decided by decide() itself (`fg-oversight`); this is for what is not personal data.
 */
export function capabilityDecision(catalogueVersion: string, roles: readonly string[], capability: Capability): Decision {
  const rules = [...CAPABILITIES[capability].rules];
  const permit = may(roles, capability);
  return {
    permit,
    rule: rules[0]!,
    passed: permit ? ['gate-actor-known', ...rules] : ['gate-actor-known'],
    cited: ['role-no-dossier'],
    facts: { capability, roles: roles.join(',') },
    involvementId: null,
    catalogueVersion,
  };
}
