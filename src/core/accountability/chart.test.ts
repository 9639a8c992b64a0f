import { describe, expect, it } from 'vitest';
import { barChart } from './chart.ts';

describe('the bar chart geometry', () => {
  it('the largest value fills the plot; others are in proportion', () => {
    const c = barChart([
      { key: 'a', label: 'A', value: 100, display: '100' },
      { key: 'b', label: 'B', value: 50, display: '50' },
    ], { width: 400, labelWidth: 100, valueWidth: 50 });
    expect(c.bars[0]!.width).toBe(250);
    expect(c.bars[1]!.width).toBe(125);
    expect(c.bars[1]!.y).toBeGreaterThan(c.bars[0]!.y);
  });

  it('a suppressed count gets a stub, not a bar that could be measured', () => {
    const c = barChart([
      { key: 'a', label: 'A', value: 100, display: '100' },
      { key: 'b', label: 'B', value: null, display: '<5' },
    ]);
    expect(c.bars[1]).toMatchObject({ suppressed: true, width: 6, display: '<5' });
  });

  it('an empty chart still has a height', () => expect(barChart([]).height).toBeGreaterThan(0));
});
