/**
 * Who may see a represented resident's data and exercise their rights: the age rules for parents and
 * guardians of minors, and the scope of the three kinds of adult representation. Pure; decide() applies
 * it for a resident who acts for someone else (GateContext.representation).
 *
 * Minors (parent with authority, or guardian):
 * - under 12: the representative exercises the child's rights (Wmo 2015 art. 5.3.2 lid 2 and 5.3.3 lid 2;
 *   Jeugdwet art. 7.3.15; UAVG art. 5);
 * - 12 to 15: the representative may see the file and act, next to the child, unless the child's interest
 *   opposes — that is recorded as an access restriction that applies to representatives
 *   (Wmo 2015 art. 5.3.2 lid 3; Jeugdwet art. 7.3.4 and 7.3.10);
 * - 16 and older: the young person alone (Jeugdwet art. 7.3.5; Wmo 2015 art. 5.3.2 and 5.3.3: the legal
 *   representative acts for a 16- or 17-year-old only when they are not competent, which this version
 *   does not record, so the answer is no).
 * Adults (Burgerlijk Wetboek Boek 1):
 * - curator (curatele, art. 1:381 and 1:386): represents in all matters;
 * - mentor (mentorschap, art. 1:453): personal matters — care and support — not money;
 * - bewindvoerder (beschermingsbewind, art. 1:441): money matters only (income, assets, debts, arrears).
 */

export type RepresentationKind = 'parent_with_authority' | 'guardian' | 'curator' | 'mentor' | 'bewindvoerder';

export type AgeBand = 'under_12' | '12_to_15' | '16_plus';

/** Rule ids in the catalogue (rules/catalogue-*.json). */
export const REPRESENTATION_RULES = { minor: 'representative-minor', adult: 'representative-adult' } as const;

/** The money categories a bewindvoerder manages, and a mentor does not. */
export const FINANCIAL_CATEGORIES: readonly string[] = ['income', 'assets', 'debts', 'payment_arrears'];

/** Categories every representative needs to know whom they act for. */
const IDENTIFYING: readonly string[] = ['identity'];

/** Age in whole years on a calendar day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

export function ageBand(age: number): AgeBand {
  if (age < 12) return 'under_12';
  if (age < 16) return '12_to_15';
  return '16_plus';
}

export interface RepresentationVerdict {
  may: boolean;
  /** The rule that decided (representative-minor or representative-adult). */
  rule: string;
  age: number;
  band: AgeBand;
}

/** May this representative see (or act on) data of this category about the person they represent, on `on`? */
export function representativeMay(kind: RepresentationKind, birthDate: string, on: string, category: string): RepresentationVerdict {
  const age = ageOn(birthDate, on);
  const band = ageBand(age);
  switch (kind) {
    case 'parent_with_authority':
    case 'guardian':
      // Authority over a child ends at 18 (BW 1:233); from 16 the young person acts alone.
      return { may: band !== '16_plus', rule: REPRESENTATION_RULES.minor, age, band };
    case 'curator':
      return { may: age >= 18, rule: REPRESENTATION_RULES.adult, age, band };
    case 'mentor':
      return { may: age >= 18 && !FINANCIAL_CATEGORIES.includes(category), rule: REPRESENTATION_RULES.adult, age, band };
    case 'bewindvoerder':
      return { may: age >= 18 && (FINANCIAL_CATEGORIES.includes(category) || IDENTIFYING.includes(category)), rule: REPRESENTATION_RULES.adult, age, band };
    default:
      return { may: false, rule: REPRESENTATION_RULES.minor, age, band };
  }
}
