/**
 * A working day: professionals and residents at once, each going through the pages of a task, rather
 * than 200 users all asking for one route (bench.ts's per-route runs). It answers the question a
 * municipality asks of "page-level p99 < 100 ms at 200 concurrent users": with 200 people at work, how
 * fast is the page each of them waits for?
 *
 * A professional's task: the caseload (the start page), one of their households, one of their help
 * requests, then one other page of theirs (the notices, a help request's conversations, step plans,
 * state, refusals, the covenants …, a different one each round). A resident's: the portal overview, my
 * file, who viewed my data, then one other page of theirs (consents, complaints …). Every user keeps one
 * session (persona) throughout and starts at a different point of the task, so that the 200 do not all
 * open the caseload at once. Downloads (exports, PDFs, CSVs, letters) are left out: they are not pages,
 * the per-route runs measure them, and the server bounds how many it assembles at once.
 *
 * The shares are assumptions, recorded with the figures: 150 professionals and 50 residents
 * (MIX_RESIDENTS), four pages per task, so the caseload is a quarter of the professionals' pages.
 * Think time as in the per-route runs (mean 2 s): 100 pages a second offered in all.
 */
import { isDownload } from '../../src/server/http/downloads.ts';
import { pacedBy, type CpuProbe, type LoadFigures, type PacedRequest, type RouteFigures, type RouteLoad } from './http.ts';

/** How many of the working day's users are residents: MIX_RESIDENTS, else a quarter of them. */
export function residentsOf(users: number): number {
  return process.env.MIX_RESIDENTS ? Number(process.env.MIX_RESIDENTS) : Math.round(users / 4);
}

/** The fixed part of each kind's task, in order; one other page of the kind follows it. */
export const TASKS = {
  professional: ['/api/werkplek/households', '/api/households/{id}', '/api/help-requests/{id}'],
  resident: ['/api/mijn/overview', '/api/mijn/file', '/api/mijn/access-log'],
} as const;

type Kind = keyof typeof TASKS;

export interface MixPlan {
  users: number;
  professionals: number;
  residents: number;
  /** Per kind: the task's fixed pages (those the seeded municipality serves) and the pages taking turns after them. */
  tasks: Record<Kind, { fixed: string[]; others: string[] }>;
  /** The page user number `user` asks for as its `nth` page. */
  next: (user: number, nth: number) => PacedRequest;
}

/**
 * Who asks for what: users 0 … residents-1 are residents, the rest professionals (when a kind has no
 * measurable route, its users go to the other kind). Pure, given the routes found (tested in
 * test/bench/mix.test.ts).
 */
export function mixPlan(routes: readonly RouteLoad[], users: number, residents: number): MixPlan {
  const pages = routes.filter((r) => !isDownload('GET', r.path) && r.requests.length > 0);
  const tasks = {} as MixPlan['tasks'];
  const sequence = {} as Record<Kind, RouteLoad[][]>;
  const cookies = {} as Record<Kind, string[]>;
  for (const kind of ['professional', 'resident'] as const) {
    const mine = pages.filter((r) => r.kind === kind);
    const fixed = TASKS[kind].map((p) => mine.find((r) => r.path === p)).filter((r): r is RouteLoad => r !== undefined);
    const others = mine.filter((r) => !fixed.includes(r));
    tasks[kind] = { fixed: fixed.map((r) => r.path), others: others.map((r) => r.path) };
    // One round of the task: the fixed pages, then one of the others (which one is chosen per round).
    sequence[kind] = fixed.map((r) => [r]);
    if (others.length > 0) sequence[kind].push(others);
    // The sessions that can go through the whole fixed part of the task (else any session of the kind).
    const all = [...new Set(mine.flatMap((r) => r.requests.map((x) => x.cookie)))].sort();
    const complete = all.filter((c) => fixed.every((r) => r.requests.some((x) => x.cookie === c)));
    cookies[kind] = complete.length > 0 ? complete : all;
  }
  const has = (kind: Kind) => sequence[kind].length > 0 && cookies[kind].length > 0;
  if (!has('professional') && !has('resident')) throw new Error('no page route to make a working day of');
  let residentUsers = Math.min(Math.max(0, residents), users);
  if (!has('resident')) residentUsers = 0;
  if (!has('professional')) residentUsers = users;
  // Requests per route and session, looked up once.
  const byCookie = new Map<RouteLoad, Map<string, PacedRequest[]>>();
  for (const r of pages) {
    const m = new Map<string, PacedRequest[]>();
    for (const x of r.requests) {
      const mine = m.get(x.cookie) ?? [];
      mine.push({ path: x.path, cookie: x.cookie, route: r.path });
      m.set(x.cookie, mine);
    }
    byCookie.set(r, m);
  }
  const next = (user: number, nth: number): PacedRequest => {
    const kind: Kind = user < residentUsers ? 'resident' : 'professional';
    const seq = sequence[kind];
    const cookie = cookies[kind][user % cookies[kind].length]!;
    // Start at a different step per user; a round is one pass through the task.
    const step = (nth - 1 + user) % seq.length;
    const round = Math.floor((nth - 1 + user) / seq.length);
    const choices = seq[step]!;
    const route = choices[(round + user) % choices.length]!;
    const own = byCookie.get(route)!.get(cookie);
    if (own && own.length > 0) return own[round % own.length]!;
    // This session has nothing on that page: another session of the same kind asks for it.
    const any = route.requests[(user + round) % route.requests.length]!;
    return { path: any.path, cookie: any.cookie, route: route.path };
  };
  return { users, professionals: users - residentUsers, residents: residentUsers, tasks, next };
}

export interface WorkingDay {
  users: number;
  professionals: number;
  residents: number;
  thinkSeconds: number;
  tasks: MixPlan['tasks'];
  /** Over all pages of the run. */
  figures: LoadFigures;
  /** Per route, within the same run. */
  byRoute: Record<string, RouteFigures>;
}

/** Run a working day against the server at `url` for `seconds`. */
export async function workingDay(
  url: string,
  routes: readonly RouteLoad[],
  opts: { users: number; residents: number; thinkSeconds: number; seconds: number },
  probe?: CpuProbe,
): Promise<WorkingDay> {
  const plan = mixPlan(routes, opts.users, opts.residents);
  const { byRoute, ...figures } = await pacedBy(url, opts.users, opts.thinkSeconds, opts.seconds, plan.next, probe);
  return { users: plan.users, professionals: plan.professionals, residents: plan.residents, thinkSeconds: opts.thinkSeconds, tasks: plan.tasks, figures, byRoute };
}
