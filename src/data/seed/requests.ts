/**
 * Help requests of one household: which domains (most households one, a minority several: policy 1.2),
 * which task and which member, where in the lifecycle, and the triage outcome (R1.3).
 */
import { addDays, addDaysTs, between, daysBetween, minIso, officeTime } from './dates.ts';
import type { Member, HouseholdDraft } from './households.ts';
import type { DomainCode, TaskCode } from './model.ts';
import type { StaffPools } from './organisations.ts';
import { DOMAIN_NAME, DOMAIN_TEAM, PROFILES, TASKS_OF } from './profiles.ts';
import type { Rng } from './prng.ts';
import type { HelpRequestRow } from './types.ts';

export interface RequestDraft {
  row: HelpRequestRow;
  task: TaskCode;
  domain: DomainCode;
  member: Member;
  /** The consulent who registered it (first case worker). */
  caseWorker: string;
  registered: string;
  /** Closed or withdrawn on, or null while open. */
  ended: string | null;
}

/** Chance that a household of this kind has any help request; together about 12 % (issue 2 item 4). */
function helpChance(d: HouseholdDraft): number {
  const elderly = d.members.some((m) => m.relation !== 'child' && m.age >= 67);
  switch (d.kind) {
    case 'single':
      return elderly ? 0.16 : 0.09;
    case 'couple':
      return elderly ? 0.1 : 0.05;
    case 'family':
      return 0.14;
    case 'single_parent':
      return 0.3;
  }
}

/** Chance of multi-problem given any request: single parents most, couples least (≈ 17 % overall). */
function multiChance(d: HouseholdDraft): number {
  return d.kind === 'single_parent' ? 0.3 : d.kind === 'family' ? 0.2 : 0.12;
}

function candidates(d: HouseholdDraft, domain: DomainCode): Member[] {
  // Requests go back up to three years: an adult of 21 now was an adult when asking for help.
  const adults = d.members.filter((m) => m.age >= 21);
  switch (domain) {
    case 'wmo': {
      const elderly = adults.filter((m) => m.age >= 67);
      return elderly.length ? elderly : adults;
    }
    case 'jeugd':
      // Four or older: born well before any request of the last three years.
      return d.members.filter((m) => m.age >= 4 && m.age < 18);
    case 'werk_inkomen':
      // Below the state pension age (AOW, 67): above it the Participatiewet does not apply.
      return adults.filter((m) => m.relation !== 'child' && m.age < 67);
    case 'schuldhulp':
      return adults.filter((m) => m.relation !== 'child');
  }
}

function domainWeights(d: HouseholdDraft): { value: DomainCode; weight: number }[] {
  const elderly = d.members.some((m) => m.relation !== 'child' && m.age >= 67);
  const out = [
    { value: 'wmo' as const, weight: elderly ? 6 : 1.5 },
    { value: 'jeugd' as const, weight: d.kind === 'single_parent' ? 5 : 4 },
    { value: 'werk_inkomen' as const, weight: d.kind === 'single_parent' ? 4 : d.kind === 'single' ? 3 : 2 },
    { value: 'schuldhulp' as const, weight: elderly ? 0.4 : 2.5 },
  ];
  return out.filter((x) => candidates(d, x.value).length > 0);
}

export interface HouseholdCases {
  multi: boolean;
  requests: RequestDraft[];
}

function statusFor(ageDays: number, rng: Rng): HelpRequestRow['status'] {
  if (ageDays < 10) return rng.chance(0.7) ? 'registered' : 'triaged';
  const table: { value: HelpRequestRow['status']; weight: number }[] =
    ageDays < 60
      ? [{ value: 'triaged', weight: 25 }, { value: 'in_progress', weight: 65 }, { value: 'withdrawn', weight: 5 }, { value: 'closed', weight: 5 }]
      : ageDays < 365
        ? [{ value: 'triaged', weight: 5 }, { value: 'in_progress', weight: 60 }, { value: 'withdrawn', weight: 3 }, { value: 'closed', weight: 32 }]
        : [{ value: 'in_progress', weight: 28 }, { value: 'withdrawn', weight: 2 }, { value: 'closed', weight: 70 }];
  return rng.weighted(table);
}

const SINGLE_REASONS = [
  (d: string) => `Enkelvoudige hulpvraag binnen ${d}; de inwoner kan de regie zelf voeren.`,
  (d: string) => `Eén leefgebied, niet complex: afhandeling binnen ${d} volstaat.`,
];

function multiReason(domains: DomainCode[]): string {
  const names = domains.map((d) => DOMAIN_NAME[d]).join(', ');
  return `Problemen op meerdere leefgebieden (${names}) die elkaar beïnvloeden; één plan met één regisseur nodig.`;
}

/** Help requests of a household (empty for most households), with their triage. */
export function generateRequests(rng: Rng, d: HouseholdDraft, asOf: string, pools: StaffPools): HouseholdCases {
  if (!rng.chance(helpChance(d))) return { multi: false, requests: [] };
  const weights = domainWeights(d);
  if (weights.length === 0) return { multi: false, requests: [] };
  let multi = weights.length >= 2 && rng.chance(multiChance(d));
  const domains: DomainCode[] = [];
  const wanted = multi ? (rng.chance(0.7) ? 2 : 3) : 1;
  while (domains.length < wanted) {
    const left = weights.filter((x) => !domains.includes(x.value));
    if (left.length === 0) break;
    domains.push(rng.weighted(left));
  }
  multi = domains.length > 1;

  // Days before asOf the household first asked for help (≥ 1: nothing happens on or after asOf);
  // multi-problem requests follow within a few months.
  const startAge = rng.weighted([
    { value: rng.int(1, 30), weight: 15 },
    { value: rng.int(31, 365), weight: 45 },
    { value: rng.int(366, 1095), weight: 40 },
  ]);
  const plan: { domain: DomainCode; task: TaskCode; member: Member; offset: number }[] = [];
  domains.forEach((domain, i) => {
    plan.push({ domain, task: rng.weighted(TASKS_OF[domain]), member: rng.pick(candidates(d, domain)), offset: i === 0 ? 0 : rng.int(0, Math.min(120, startAge - 1)) });
  });
  // Some single-domain households have a second request in the same domain (another task or member).
  if (!multi && rng.chance(0.1)) {
    const domain = domains[0]!;
    plan.push({ domain, task: rng.weighted(TASKS_OF[domain]), member: rng.pick(candidates(d, domain)), offset: rng.int(0, Math.min(200, startAge - 1)) });
  }
  const wijkcoach = rng.pick(pools['wijkteam-centrum']);
  const requests = plan.map((p, k) => {
    const registered = officeTime(addDays(asOf, -startAge + p.offset), rng);
    const ageDays = Math.max(0, daysBetween(registered, asOf));
    const status = statusFor(ageDays, rng);
    const caseWorker = rng.pick(pools[DOMAIN_TEAM[p.domain]]);
    // Closed or withdrawn requests are at least 10 days old (statusFor), so this range is never empty.
    const ended =
      status === 'closed' || status === 'withdrawn'
        ? officeTime(addDays(registered, rng.int(Math.min(14, ageDays - 1), Math.min(400, ageDays - 1))), rng)
        : null;
    const triaged = status !== 'registered' && !(status === 'withdrawn' && rng.chance(0.5));
    const triagedAt = triaged ? between(registered, minIso(ended ?? addDaysTs(asOf, -0.01), addDays(registered, 10)), rng) : null;
    const profile = PROFILES[p.task];
    const row: HelpRequestRow = {
      id: rng.uuid(),
      reference: `HV-${registered.slice(0, 4)}-${String(d.index + 1).padStart(7, '0')}-${k + 1}`,
      household_id: d.household.id,
      resident_id: p.member.resident.id,
      domain_code: p.domain,
      task_code: p.task,
      status,
      complexity: triaged ? (multi ? 'multi' : 'single') : null,
      triage_reasoning: triaged ? (multi ? multiReason(domains) : rng.pick(SINGLE_REASONS)(DOMAIN_NAME[p.domain])) : null,
      triaged_by: triaged ? (multi ? wijkcoach : caseWorker) : null,
      triaged_at: triagedAt,
      summary: rng.pick(profile.summaries),
      // Child-protection cases are one level up (ZGW): fewer grants reach them.
      confidentiality: p.task === 'jeugd-bescherming' ? 'confidentieel' : 'vertrouwelijk',
      registered_at: registered,
      registered_by: caseWorker,
      closed_at: ended,
    };
    return { row, task: p.task, domain: p.domain, member: p.member, caseWorker, registered, ended } satisfies RequestDraft;
  });
  return { multi, requests };
}
