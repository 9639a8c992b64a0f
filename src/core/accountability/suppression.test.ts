import { describe, expect, it } from 'vitest';
import { showCount, showShare, suppressGroup } from './suppression.ts';

describe('small-count suppression (R10.1)', () => {
  it.each([
    [0, '<5'],
    [1, '<5'],
    [4, '<5'],
    [5, '5'],
    [120, '120'],
  ])('a count of %i is shown as %s', (n, label) => expect(showCount(n).label).toBe(label));

  it('one hidden cell next to a shown total also hides the smallest other cell', () => {
    const g = suppressGroup([
      { key: 'wmo', count: 40 },
      { key: 'jeugd', count: 3 },
      { key: 'pw', count: 12 },
      { key: 'wgs', count: 9 },
    ]);
    expect(g.cells.map((c) => c.label)).toEqual(['40', '<5', '12', '<5']);
    expect(g.total.label).toBe('64');
  });

  it('two hidden cells need no further suppression', () => {
    const g = suppressGroup([
      { key: 'a', count: 2 },
      { key: 'b', count: 3 },
      { key: 'c', count: 30 },
    ]);
    expect(g.cells.map((c) => c.label)).toEqual(['<5', '<5', '30']);
  });

  it('a total that is itself small is hidden and hides nothing more', () => {
    const g = suppressGroup([
      { key: 'a', count: 1 },
      { key: 'b', count: 2 },
    ]);
    expect(g.total.label).toBe('<5');
  });

  it('a share is shown only when neither side is a small count', () => {
    expect(showShare(40, 50).label).toBe('80%');
    expect(showShare(50, 50).label).toBe('100%');
    expect(showShare(47, 50).suppressed).toBe(true);
    expect(showShare(3, 4).suppressed).toBe(true);
  });
});
