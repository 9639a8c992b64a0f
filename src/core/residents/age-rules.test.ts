/** The age rules for representatives of minors and the scope of adult representation, as a table. */
import { describe, expect, it } from 'vitest';
import { ageBand, ageOn, representativeMay } from './age-rules.ts';

describe('age', () => {
  it.each([
    ['2014-10-15', '2026-10-14', 11],
    ['2014-10-14', '2026-10-14', 12],
    ['2010-10-15', '2026-10-14', 15],
    ['2010-10-14', '2026-10-14', 16],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
  ])('born %s is on %s %i years old', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('the bands are under 12, 12 to 15, and 16 and older', () => {
    expect([ageBand(11), ageBand(12), ageBand(15), ageBand(16)]).toEqual(['under_12', '12_to_15', '12_to_15', '16_plus']);
  });
});

describe('who may act for whom', () => {
  it.each([
    ['a parent sees the data of a child under 12', 'parent_with_authority', '2018-09-19', 'youth_care', true],
    ['a parent sees the data of a child of 15 (unless a restriction says the child’s interest opposes)', 'parent_with_authority', '2011-05-04', 'youth_care', true],
    ['a parent does not see the data of a young person of 16', 'parent_with_authority', '2010-05-04', 'youth_care', false],
    ['a guardian follows the same age rules', 'guardian', '2010-05-04', 'identity', false],
    ['a curator sees everything of the adult under guardianship', 'curator', '1960-01-01', 'health_mental', true],
    ['a mentor sees care data of the adult', 'mentor', '1960-01-01', 'care_needs', true],
    ['a mentor does not see money matters', 'mentor', '1960-01-01', 'debts', false],
    ['a bewindvoerder sees money matters', 'bewindvoerder', '1960-01-01', 'debts', true],
    ['a bewindvoerder does not see health data', 'bewindvoerder', '1960-01-01', 'health_mental', false],
    ['a curator is not a representative of a minor', 'curator', '2018-09-19', 'identity', false],
  ] as const)('%s', (_name, kind, birth, category, may) => {
    expect(representativeMay(kind, birth, '2026-10-14', category).may).toBe(may);
  });

  it('a minor’s representative is decided by representative-minor, an adult’s by representative-adult', () => {
    expect(representativeMay('parent_with_authority', '2018-09-19', '2026-10-14', 'identity').rule).toBe('representative-minor');
    expect(representativeMay('mentor', '1960-01-01', '2026-10-14', 'identity').rule).toBe('representative-adult');
  });
});
