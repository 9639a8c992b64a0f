/**
 * A small seeded PRNG for the synthetic municipality: xoshiro128** (Blackman & Vigna) with a
 * splitmix32 seeder. The seed generator must be reproducible across runs and machines, so it never
 * touches Math.random or the clock.
 *
 * Every household gets its own stream, derived from (seed, tag, index) without folding the index
 * into 32 bits: two households can never share a stream, so their UUIDs cannot collide by
 * construction of the seeder (only by a 122-bit coincidence).
 */

function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over a short tag, to turn stream names into numbers. */
function hashTag(tag: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < tag.length; i++) {
    h ^= tag.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Weighted<T> {
  value: T;
  weight: number;
}

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** A stream for (seed, tag, index). Distinct indexes give distinct 128-bit start states. */
  constructor(seed: number, tag = 'root', index = 0) {
    const t = hashTag(tag);
    this.s0 = splitmix32(seed >>> 0);
    this.s1 = splitmix32(t ^ 0x5bd1e995);
    this.s2 = (index ^ 0x9e3779b9) >>> 0;
    this.s3 = splitmix32((seed ^ t ^ Math.imul(index, 0x27d4eb2d)) >>> 0) | 1;
    // Warm up: the first outputs of a freshly seeded xoshiro are poorly mixed.
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(items: readonly Weighted<T>[]): T {
    const total = items.reduce((s, i) => s + i.weight, 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= item.weight;
      if (r < 0) return item.value;
    }
    return items[items.length - 1]!.value;
  }

  /** A UUID in version-4 format (RFC 9562 §5.4), drawn from this stream: deterministic, not secret. */
  uuid(): string {
    const w = [this.nextU32(), this.nextU32(), this.nextU32(), this.nextU32()];
    w[1] = ((w[1]! & 0xffff0fff) | 0x00004000) >>> 0; // version 4
    w[2] = ((w[2]! & 0x3fffffff) | 0x80000000) >>> 0; // variant 10
    const hex = w.map((x) => x.toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
