/**
 * The working day of bench/scale/mix.ts decides who asks for which page; its figures are only worth
 * reading if that plan is what the docs say: every user keeps one session of their own kind, goes through
 * the task in order, never asks for a download, and the caseload is a quarter of the professionals' pages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mixPlan } from '../../bench/scale/mix.ts';
import type { RouteLoad } from '../../bench/scale/http.ts';

const pro = ['p1', 'p2', 'p3'];
const res = ['r1', 'r2'];

function route(path: string, kind: 'professional' | 'resident', cookies: readonly string[], perCookie = 2): RouteLoad {
  return { name: path, path, kind, requests: cookies.flatMap((c) => Array.from({ length: perCookie }, (_, i) => ({ path: `${path.replace('{id}', `${c}-${i}`)}`, cookie: c }))) };
}

const routes: RouteLoad[] = [
  route('/api/werkplek/households', 'professional', pro, 1),
  route('/api/households/{id}', 'professional', pro, 3),
  route('/api/help-requests/{id}', 'professional', pro),
  route('/api/werkplek/notices', 'professional', pro, 1),
  // Only one professional has conversations: the others borrow that session for this page.
  route('/api/help-requests/{id}/conversations', 'professional', ['p2']),
  route('/api/mijn/overview', 'resident', res, 1),
  route('/api/mijn/file', 'resident', res, 1),
  route('/api/mijn/access-log', 'resident', res, 1),
  route('/api/mijn/consents', 'resident', res, 1),
  route('/api/mijn/export', 'resident', res, 1),
  route('/api/residents/{id}/letter', 'professional', pro, 1),
];

const kindOf = (cookie: string) => (cookie.startsWith('p') ? 'professional' : 'resident');

describe('the working day plan', () => {
  const plan = mixPlan(routes, 8, 2);

  it('splits the users, and leaves the downloads out of every task', () => {
    expect([plan.professionals, plan.residents]).toEqual([6, 2]);
    expect(plan.tasks).toEqual({
      professional: { fixed: ['/api/werkplek/households', '/api/households/{id}', '/api/help-requests/{id}'], others: ['/api/werkplek/notices', '/api/help-requests/{id}/conversations'] },
      resident: { fixed: ['/api/mijn/overview', '/api/mijn/file', '/api/mijn/access-log'], others: ['/api/mijn/consents'] },
    });
  });

  it('takes each user through the task in order, from a different starting point', () => {
    const pages = (user: number) => Array.from({ length: 8 }, (_, k) => plan.next(user, k + 1).route);
    // User 2 (the first professional) starts at step 3 of 4 (the help request).
    expect(pages(2)).toEqual([
      '/api/help-requests/{id}',
      '/api/werkplek/notices',
      '/api/werkplek/households',
      '/api/households/{id}',
      '/api/help-requests/{id}',
      '/api/help-requests/{id}/conversations',
      '/api/werkplek/households',
      '/api/households/{id}',
    ]);
    expect(pages(0).slice(0, 4)).toEqual(['/api/mijn/overview', '/api/mijn/file', '/api/mijn/access-log', '/api/mijn/consents']);
    // User 3 starts one step later, at the other page, and its other pages take turns from another point.
    expect(pages(3).slice(0, 2)).toEqual(['/api/help-requests/{id}/conversations', '/api/werkplek/households']);
  });

  it('keeps a user in their own session, borrowing one of the same kind only for a page theirs lacks', () => {
    for (let user = 0; user < 8; user++) {
      const pages = Array.from({ length: 40 }, (_, k) => plan.next(user, k + 1));
      const own = new Set(pages.filter((p) => p.route !== '/api/help-requests/{id}/conversations').map((p) => p.cookie));
      expect(own.size).toBe(1);
      for (const p of pages) expect(kindOf(p.cookie)).toBe(user < 2 ? 'resident' : 'professional');
      for (const p of pages.filter((x) => x.route === '/api/help-requests/{id}/conversations')) expect(p.cookie).toBe('p2');
    }
    // A user walks through their own households one round after another.
    const households = Array.from({ length: 12 }, (_, k) => plan.next(2, k + 1)).filter((p) => p.route === '/api/households/{id}');
    expect(new Set(households.map((p) => p.path)).size).toBe(3);
  });

  it('holds, for any number of users and residents: right kind, no download, the caseload a quarter of the professionals’ pages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 80 }), (users, residents) => {
        const p = mixPlan(routes, users, residents);
        expect(p.residents).toBe(Math.min(residents, users));
        expect(p.professionals + p.residents).toBe(users);
        let proPages = 0;
        let caseload = 0;
        for (let user = 0; user < users; user++) {
          for (let nth = 1; nth <= 16; nth++) {
            const r = p.next(user, nth);
            expect(r.route).toBeDefined();
            expect(routes.find((x) => x.path === r.route)!.kind).toBe(user < p.residents ? 'resident' : 'professional');
            expect(r.path).not.toMatch(/\/(export|letter)$/);
            expect(r.path).toMatch(/^\/api\//);
            if (user >= p.residents) {
              proPages++;
              if (r.route === '/api/werkplek/households') caseload++;
            }
          }
        }
        // 16 pages per user are four whole rounds of four steps, whatever the starting point.
        expect(caseload * 4).toBe(proPages);
      }),
      { numRuns: 60 },
    );
  });

  it('sends everyone to the kind that has pages when the other has none', () => {
    const onlyPro = mixPlan(routes.filter((r) => r.kind === 'professional'), 5, 3);
    expect([onlyPro.professionals, onlyPro.residents]).toEqual([5, 0]);
    expect(kindOf(onlyPro.next(0, 1).cookie)).toBe('professional');
    expect(() => mixPlan([], 5, 1)).toThrow(/no page route/);
  });
});
