import { describe, expect, it } from 'vitest';
import { reviewSchedule } from './access-review.ts';

describe('the access-review schedule (BIO2 5.18.02, 8.02.01)', () => {
  it('a professional is reviewed yearly', () => {
    const s = reviewSchedule(['professional'], '2025-01-10', '2026-02-01', '2026-06-01');
    expect(s).toMatchObject({ cadence: 'yearly', due: '2027-02-01', status: 'ok', rule: 'bio-5.18.02' });
  });

  it('a privileged account (functional administrator) is reviewed every quarter', () => {
    const s = reviewSchedule(['functional_admin'], '2025-01-10', '2026-02-01', '2026-06-01');
    expect(s).toMatchObject({ cadence: 'quarterly', due: '2026-05-01', status: 'overdue', rule: 'bio-8.02.01' });
  });

  it('an account never reviewed is due one interval after it was created', () => {
    expect(reviewSchedule(['chain_partner'], '2025-03-01', null, '2026-04-01')).toMatchObject({ due: '2026-03-01', status: 'overdue', lastReviewed: null });
  });

  it('a review due within 30 days shows as due soon', () => {
    expect(reviewSchedule(['professional'], '2025-01-01', '2025-06-20', '2026-06-01').status).toBe('due_soon');
  });
});
