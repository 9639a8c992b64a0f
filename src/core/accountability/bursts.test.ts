import { describe, expect, it } from 'vitest';
import { denialBursts, type Denial } from './bursts.ts';

const T0 = Date.parse('2026-03-01T09:00:00Z');
const at = (minutes: number, actorId = 'p1', rule = 'involvement-required'): Denial => ({ actorId, at: new Date(T0 + minutes * 60_000), rule });

describe('bursts of denials', () => {
  it('five denials within ten minutes are a burst', () => {
    const b = denialBursts([at(0), at(1), at(2), at(3), at(9)]);
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({ actorId: 'p1', count: 5, rules: [{ rule: 'involvement-required', count: 5 }] });
  });

  it('four denials are not', () => expect(denialBursts([at(0), at(1), at(2), at(3)])).toEqual([]));

  it('denials spread over an afternoon are not', () => expect(denialBursts([0, 20, 40, 60, 80, 100].map((m) => at(m)))).toEqual([]));

  it('each actor is counted separately', () => {
    const b = denialBursts([at(0, 'a'), at(1, 'b'), at(2, 'a'), at(3, 'b'), at(4, 'a'), at(5, 'b'), at(6, 'a'), at(7, 'a')]);
    expect(b.map((x) => [x.actorId, x.count])).toEqual([['a', 5]]);
  });

  it('a long run of denials is one burst, two runs an hour apart are two', () => {
    const run = (start: number) => Array.from({ length: 6 }, (_, i) => at(start + i * 2));
    expect(denialBursts(run(0)).map((x) => x.count)).toEqual([6]);
    expect(denialBursts([...run(0), ...run(12), ...run(24)]).map((x) => x.count)).toEqual([18]);
    expect(denialBursts([...run(0), ...run(60)]).map((x) => x.count)).toEqual([6, 6]);
  });
});
