/**
 * Households and residents. Composition follows CBS household statistics for a mid-sized Dutch town
 * (about 38 % single-person, 28 % couples without children, 26 % couples with children, 8 % single
 * parents; 2.1 persons on average), which with the age bands below gives a plausible age pyramid.
 * Minors get their parents as legal representatives (parental authority, BW 1:245), ending on their
 * 18th birthday.
 */
import { completeBsn } from '../../core/domain/bsn.ts';
import { addressOf } from './vocabulary/addresses.ts';
import { ageOn, birthDateFor, eighteenthBirthday } from './dates.ts';
import type { Rng } from './prng.ts';
import type { HouseholdMemberRow, HouseholdRow, LegalRepresentativeRow, ResidentSeed } from './types.ts';
import { givenNamePool, SECOND_NAMES, SURNAMES, slug, type Background, type Sex, type Surname } from './vocabulary/names.ts';

export type HouseholdKind = 'single' | 'couple' | 'family' | 'single_parent';

export interface Member {
  resident: ResidentSeed;
  relation: HouseholdMemberRow['relation'];
  age: number;
  sex: Sex;
}

export interface HouseholdDraft {
  index: number;
  kind: HouseholdKind;
  household: HouseholdRow;
  members: Member[];
  memberRows: HouseholdMemberRow[];
  representatives: LegalRepresentativeRow[];
}

/**
 * Fictitious BSNs: 9 + seven digits, visited in a seed-dependent permuted order, completed with the
 * 11-proef check digit. The 9999… block is left out: it belongs to the demo personas.
 */
export class BsnAllocator {
  private counter = 0;
  private readonly offset: number;

  constructor(seed: number) {
    this.offset = ((seed >>> 0) * 2654435761) % 10_000_000;
  }

  next(): string {
    for (;;) {
      // An affine map with a multiplier coprime to 10^7 is a permutation of 0 … 9 999 999.
      const v = (this.counter * 7_654_321 + this.offset) % 10_000_000;
      this.counter += 1;
      if (v >= 9_990_000) continue;
      const bsn = completeBsn(`9${String(v).padStart(7, '0')}`);
      if (bsn) return bsn;
    }
  }
}

const KINDS = [
  { value: 'single' as const, weight: 39 },
  { value: 'couple' as const, weight: 32 },
  { value: 'family' as const, weight: 22.5 },
  { value: 'single_parent' as const, weight: 6.5 },
];

const BACKGROUNDS = [
  { value: 'nl' as const, weight: 84 },
  { value: 'tr' as const, weight: 5 },
  { value: 'ma' as const, weight: 4 },
  { value: 'sr' as const, weight: 3 },
  { value: 'sy' as const, weight: 4 },
];

/** Age of the head of a household without children; with children it follows from the eldest child. */
function headAge(kind: 'single' | 'couple', rng: Rng): number {
  if (kind === 'single') {
    return rng.weighted([
      { value: rng.int(19, 34), weight: 28 },
      { value: rng.int(35, 54), weight: 18 },
      { value: rng.int(55, 66), weight: 20 },
      { value: rng.int(67, 79), weight: 22 },
      // Fewer the older: the upper bound itself is drawn.
      { value: rng.int(80, rng.int(84, 99)), weight: 12 },
    ]);
  }
  return rng.weighted([
    { value: rng.int(22, 34), weight: 16 },
    { value: rng.int(35, 54), weight: 14 },
    { value: rng.int(55, 66), weight: 32 },
    { value: rng.int(67, rng.int(75, 95)), weight: 38 },
  ]);
}

export interface HouseholdContext {
  asOf: string;
  bsn: BsnAllocator;
}

/** Generate household number `index`; `maxMembers` trims the last household to hit the resident count. */
export function generateHousehold(rng: Rng, ctx: HouseholdContext, index: number, maxMembers: number): HouseholdDraft {
  let kind = rng.weighted(KINDS);
  const background = rng.weighted(BACKGROUNDS);
  const familyName = rng.pick(SURNAMES[background]);
  const address = addressOf(index, rng.next());
  // Records were taken over from the BRP when the platform went live, before the oldest case (3 years).
  const createdAt = `${Number(ctx.asOf.slice(0, 4)) - 4}-01-01T00:00:00.000Z`;
  const household: HouseholdRow = { id: rng.uuid(), reference: `HH-${String(index + 1).padStart(7, '0')}`, created_at: createdAt };

  // With children, the eldest child's age comes first and the parents' ages follow from it, so the
  // children's ages spread evenly over 0–17 (and a few adult children, 18–22, still at home).
  const withChildren = kind === 'family' || kind === 'single_parent';
  const eldest = withChildren ? (rng.chance(0.15) ? rng.int(18, 22) : rng.int(0, 17)) : 0;
  const head = { age: kind === 'family' || kind === 'single_parent' ? eldest + rng.int(22, 38) : headAge(kind, rng), sex: (rng.chance(0.5) ? 'M' : 'V') as Sex };
  const people: { age: number; sex: Sex; relation: Member['relation']; surname: Surname }[] = [
    { ...head, relation: 'head', surname: familyName },
  ];
  if (kind === 'couple' || kind === 'family') {
    // Mostly opposite-sex couples; partners within a few years of each other.
    const sex: Sex = rng.chance(0.95) ? (head.sex === 'M' ? 'V' : 'M') : head.sex;
    const partnerAge = Math.max(19, eldest + 20, head.age + rng.int(-6, 4));
    const own = rng.chance(0.85) ? rng.pick(SURNAMES[background]) : rng.pick(SURNAMES.nl);
    people.push({ age: partnerAge, sex, relation: 'partner', surname: own });
  }
  if (withChildren) {
    const children = rng.weighted([
      { value: 1, weight: 40 },
      { value: 2, weight: 42 },
      { value: 3, weight: 14 },
      { value: 4, weight: 4 },
    ]);
    // Children's surname: the father's by default (BW 1:5), in a couple the head's here.
    let age = eldest;
    for (let c = 0; c < children && age >= 0; c++) {
      people.push({ age, sex: rng.chance(0.51) ? 'M' : 'V', relation: 'child', surname: familyName });
      age -= rng.int(1, 5);
    }
  }
  // The last household is trimmed to the resident count: children first, so no minor is left alone.
  while (people.length > maxMembers) people.pop();
  if (people.length === 1 && kind !== 'single') kind = 'single';
  if (kind === 'family' && !people.some((p) => p.relation === 'child')) kind = 'couple';

  const members: Member[] = [];
  const married = people.length > 1 && people[1]!.relation === 'partner' && rng.chance(0.7);
  for (const p of people) {
    const birth = birthDateFor(p.age, ctx.asOf, rng);
    const year = Number(birth.slice(0, 4));
    const pool = givenNamePool(background, p.sex, year);
    let given = rng.pick(pool);
    if (background === 'nl' && year < 1975 && rng.chance(0.6)) given += ` ${rng.pick(SECOND_NAMES[p.sex])}`;
    const partner = married && p.relation !== 'child' ? people.find((o) => o !== p && o.relation !== 'child')!.surname : null;
    const usage = partner ? nameUsage(p.sex, year, rng) : 'E';
    const adult = p.age >= 16;
    const phone = adult && rng.chance(p.age >= 80 ? 0.35 : 0.75) ? `06-${String(rng.int(10000000, 99999999))}` : null;
    const email = adult && rng.chance(p.age >= 75 ? 0.15 : 0.45) ? `${slug(given.split(' ')[0]!)}.${slug(p.surname.name)}${rng.int(1, 99)}@${rng.pick(['example.com', 'example.net', 'example.org'])}` : null;
    const resident: ResidentSeed = {
      id: rng.uuid(),
      bsn: ctx.bsn.next(),
      given_names: given,
      surname_prefix: p.surname.prefix,
      surname: p.surname.name,
      partner_surname_prefix: partner?.prefix ?? null,
      partner_surname: partner?.name ?? null,
      name_usage: usage,
      birth_date: birth,
      gender: rng.chance(0.002) ? 'X' : p.sex,
      ...address,
      phone,
      email,
      created_at: createdAt,
    };
    members.push({ resident, relation: p.relation, age: ageOn(birth, ctx.asOf), sex: p.sex });
  }

  // The adults have lived together for some years, at least since the eldest child was born.
  const adults = members.filter((m) => m.relation !== 'child');
  const eldestChild = Math.max(0, ...members.filter((m) => m.relation === 'child').map((m) => m.age));
  const together = rng.int(eldestChild, Math.max(eldestChild, Math.min(...adults.map((m) => m.age)) - 18));
  const formed = birthDateFor(together, ctx.asOf, rng);
  const memberRows: HouseholdMemberRow[] = members.map((m) => ({
    id: rng.uuid(),
    household_id: household.id,
    resident_id: m.resident.id,
    relation: m.relation,
    valid_from: m.relation === 'child' && m.resident.birth_date > formed ? m.resident.birth_date : formed,
    valid_until: null,
  }));

  const parents = members.filter((m) => m.relation !== 'child');
  const representatives: LegalRepresentativeRow[] = [];
  for (const child of members.filter((m) => m.relation === 'child' && m.age < 18)) {
    for (const parent of parents) {
      representatives.push({
        id: rng.uuid(),
        resident_id: child.resident.id,
        representative_id: parent.resident.id,
        kind: 'parent_with_authority',
        valid_from: child.resident.birth_date,
        valid_until: eighteenthBirthday(child.resident.birth_date),
      });
    }
  }
  return { index, kind, household, members, memberRows, representatives };
}

/** BRP naamgebruik of a married person: older women mostly use the partner's name, men rarely. */
function nameUsage(sex: Sex, birthYear: number, rng: Rng): ResidentSeed['name_usage'] {
  if (sex === 'M') return rng.chance(0.95) ? 'E' : 'N';
  if (birthYear < 1965) return rng.weighted([{ value: 'V' as const, weight: 40 }, { value: 'P' as const, weight: 25 }, { value: 'E' as const, weight: 35 }]);
  return rng.weighted([{ value: 'E' as const, weight: 70 }, { value: 'V' as const, weight: 22 }, { value: 'P' as const, weight: 5 }, { value: 'N' as const, weight: 3 }]);
}
