import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restrictionFor, withheldFrom, type RestrictionFact } from './restrictions.ts';

const ids = ['r1', 'r2', 'r3', 'r4'];
const subjects = ['s1', 's2'];
const cats = ['care_needs', 'care_record', 'identity', 'income'];
const day = 86_400_000;
const t0 = Date.UTC(2026, 10, 1);

const restriction = fc.record({
  id: fc.uuid(),
  subjectId: fc.constantFrom(...subjects),
  objectIds: fc.subarray(ids),
  categories: fc.subarray(cats),
  appliesTo: fc.constantFrom('all' as const, 'representatives' as const),
  validFrom: fc.integer({ min: -5, max: 5 }).map((d) => new Date(t0 + d * day)),
  endedAt: fc.option(fc.integer({ min: -5, max: 5 }).map((d) => new Date(t0 + d * day)), { nil: null }),
}) as fc.Arbitrary<RestrictionFact>;

describe('withheldFrom (the sets a query filters on)', () => {
  it('withholds exactly what restrictionFor withholds, record by record and category by category', () => {
    fc.assert(
      fc.property(fc.array(restriction, { maxLength: 5 }), fc.boolean(), fc.constantFrom(...subjects), (rs, isSubject, subjectId) => {
        const at = new Date(t0);
        const reader = { isSubject };
        const w = withheldFrom(rs, at, reader, subjectId);
        for (const id of ids) expect(w.objectIds.includes(id)).toBe(restrictionFor(rs, at, reader, { id, subjectId: null, category: '' }) !== null);
        for (const c of cats) expect(w.categories.includes(c)).toBe(restrictionFor(rs, at, reader, { id: null, subjectId, category: c }) !== null);
      }),
      { numRuns: 2000 },
    );
  });
});
