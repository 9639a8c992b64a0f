import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { canonical, canonicalFromText, type LogEntry } from './entry.ts';
import { ChainVerifier, TextChainVerifier, extendChain, GENESIS, merkleRoot, toHex } from './chain.ts';

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

function asText(chainId: number, seq: number, e: LogEntry) {
  return {
    chainId,
    seq,
    traceId: e.traceId,
    spanId: e.spanId,
    parentSpanId: e.parentSpanId,
    name: e.name,
    startMs: e.startTime.getTime(),
    endMs: e.endTime.getTime(),
    statusCode: e.statusCode,
    processingActivityId: e.processingActivityId,
    dataSubjectId: e.dataSubjectId,
    dataSubjectIdType: e.dataSubjectIdType,
    actorKind: e.actorKind,
    actorId: e.actorId,
    actorRole: e.actorRole,
    organisationId: e.organisationId,
    purposeHelpRequestId: e.purposeHelpRequestId,
    purposeCode: e.purposeCode,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    // As PostgreSQL's array_to_json renders it: no spaces; the same escapes as JSON for these values.
    categoriesJson: JSON.stringify(e.categories),
    decision: e.decision,
    ruleIdsJson: JSON.stringify(e.ruleIds),
    ruleVersion: e.ruleVersion,
  };
}

describe('processing-log chain', () => {
  it('the text form of a stored entry canonicalises exactly as the entry itself', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 1e9 }), entryArb, (c, s, e) => canonicalFromText(asText(c, s, e)) === canonical(c, s, e)), { numRuns: 2000 });
  });

  it('both verifiers accept a chain the writer made, and reject it after any single-field change', () => {
    const key = randomBytes(32);
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 8 }), fc.nat(), (entries, pick) => {
        const { chained } = extendChain(key, 3, { seq: 0, hash: GENESIS }, entries);
        const v = new ChainVerifier(key, 3);
        const tv = new TextChainVerifier(key, 3);
        for (const e of chained) {
          expect(v.next(e)).toBeNull();
          expect(tv.next({ ...asText(3, e.seq, e), id: e.seq, prevHex: toHex(e.prevHash), hashHex: toHex(e.hash) })).toBeNull();
        }
        const i = pick % chained.length;
        const tampered = chained.map((e, k) => (k === i ? { ...e, actorRole: `${e.actorRole}x` } : e));
        const tv2 = new TextChainVerifier(key, 3);
        const failures = tampered.map((e) => tv2.next({ ...asText(3, e.seq, e), id: e.seq, prevHex: toHex(e.prevHash), hashHex: toHex(e.hash) })).filter((f) => f !== null);
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
