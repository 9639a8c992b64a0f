/** The log's pseudonyms: keyed, stable, and the same whether or not the keyring has them cached. */
import { createHmac, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Keyring, PSEUDONYM_CACHE } from './keyring.ts';

const material = Keyring.generateMaterial();
/** The pseudonym as the log defines it (docs/processing-log.md), computed without the keyring. */
const reference = (id: string, key = material.pseudonym) => createHmac('sha256', Buffer.from(key, 'base64')).update(`resident:${id}`).digest('hex').slice(0, 32);

describe('Keyring.pseudonym', () => {
  it('is the keyed HMAC of the resident id, first and again (cached)', () => {
    const k = new Keyring(material);
    fc.assert(
      fc.property(fc.array(fc.uuid(), { minLength: 1, maxLength: 50 }), (ids) => {
        for (const id of [...ids, ...ids.reverse()]) expect(k.pseudonym(id)).toBe(reference(id));
      }),
    );
  });

  it('stays right past the cache size: the oldest ids are dropped and computed again', () => {
    const k = new Keyring(material);
    const first = randomUUID();
    const p = k.pseudonym(first);
    for (let i = 0; i < PSEUDONYM_CACHE + 10; i++) k.pseudonym(randomUUID());
    expect(k.pseudonym(first)).toBe(p);
    expect(p).toBe(reference(first));
  });

  it('another pseudonym key gives other pseudonyms (a keyring never answers from another key)', () => {
    const other = Keyring.generateMaterial();
    const a = new Keyring(material);
    const b = new Keyring({ ...material, pseudonym: other.pseudonym });
    const id = randomUUID();
    expect(a.pseudonym(id)).not.toBe(b.pseudonym(id));
    expect(b.pseudonym(id)).toBe(reference(id, other.pseudonym));
  });
});
