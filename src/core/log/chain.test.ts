import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import type { LogEntry } from './entry.ts';
import { ChainVerifier, extendChain, GENESIS, merkleRoot, toHex } from './chain.ts';

const id = fc.uuid();
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const word = fc.stringMatching(/^[a-z][a-z0-9_.:-]{0,20}$/);
const entryArb: fc.Arbitrary<LogEntry> = fc.record({
  traceId: fc.stringMatching(/^[0-9a-f]{32}$/),
  spanId: fc.stringMatching(/^[0-9a-f]{16}$/),
  parentSpanId: maybe(fc.stringMatching(/^[0-9a-f]{16}$/)),
  name: word,
  startTime: fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }).map((n) => new Date(n)),
  endTime: fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }).map((n) => new Date(n)),
  statusCode: fc.constantFrom(0, 1, 2),
  processingActivityId: id,
  dataSubjectId: maybe(fc.stringMatching(/^[0-9a-f]{32}$/)),
  dataSubjectIdType: maybe(word),
  actorKind: fc.constantFrom('professional', 'resident', 'system') as fc.Arbitrary<LogEntry['actorKind']>,
  actorId: maybe(id),
  actorRole: word,
  organisationId: maybe(id),
  purposeHelpRequestId: maybe(id),
  purposeCode: fc.oneof(word, fc.string()),
  action: word,
  objectType: word,
  objectId: maybe(id),
  categories: fc.array(fc.oneof(word, fc.string()), { maxLength: 5 }),
  decision: fc.constantFrom('permit', 'deny') as fc.Arbitrary<'permit' | 'deny'>,
  ruleIds: fc.array(word, { maxLength: 8 }),
  ruleVersion: word,
});

describe('processing-log chain', () => {
  it('the verifier accepts a chain the writer made, and rejects it after any single-field change', () => {
    const key = randomBytes(32);
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 8 }), fc.nat(), (entries, pick) => {
        const { chained } = extendChain(key, 3, { seq: 0, hash: GENESIS }, entries);
        const v = new ChainVerifier(key, 3);
        for (const e of chained) expect(v.next(e)).toBeNull();
        const i = pick % chained.length;
        const tampered = chained.map((e, k) => (k === i ? { ...e, actorRole: `${e.actorRole}x` } : e));
        const v2 = new ChainVerifier(key, 3);
        const failures = tampered.map((e) => v2.next(e)).filter((f) => f !== null);
        expect(failures[0]).toMatchObject({ seq: i + 1, reason: 'hash-mismatch' });
      }),
      { numRuns: 200 },
    );
  });

  it('the Merkle root changes when any head changes', () => {
    const leaves = [Buffer.from('a'), Buffer.from('b'), Buffer.from('c')];
    expect(toHex(merkleRoot(leaves))).not.toBe(toHex(merkleRoot([leaves[0]!, Buffer.from('x'), leaves[2]!])));
  });
});
