/**
 * Set-up for the console tests: the gate's test world plus the staff the console needs — a second
 * privacy officer (four eyes), a functional administrator and an archivist — and repositories that act
 * as any of them (through the real gate session, like a request would).
 */
import { randomUUID } from 'node:crypto';
import type { Actor, StaffRole } from '../../src/core/policy/actor.ts';
import { newTrace, type Repository } from '../../src/data/index.ts';
import { createTestStore, type TestStore } from '../support/store.ts';
import { insertWorld, type World } from '../support/world.ts';

export interface ConsoleWorld {
  t: TestStore;
  w: World;
  staff: { officer: string; officer2: string; admin: string; archivist: string };
  actor(id: string, roles?: StaffRole[]): Actor;
  repo(actor: Actor | null, now?: Date): Repository;
  logCount(): Promise<number>;
  close(): Promise<void>;
}

export async function consoleWorld(env: Record<string, string> = {}): Promise<ConsoleWorld> {
  const t = await createTestStore(env);
  const w = await insertWorld(t);
  const staff = { officer: w.professionals.officer, officer2: randomUUID(), admin: randomUUID(), archivist: randomUUID() };
  const roles: Record<string, StaffRole[]> = {
    [staff.officer]: ['privacy_officer'],
    [staff.officer2]: ['privacy_officer'],
    [staff.admin]: ['functional_admin'],
    [staff.archivist]: ['archivist'],
  };
  for (const [id, name, r] of [
    [staff.officer2, 'Tweede FG', ['privacy_officer']],
    [staff.admin, 'Beheerder Test', ['functional_admin']],
    [staff.archivist, 'Archivaris Test', ['archivist']],
  ] as const) {
    await t.ownerSql(`insert into professional (id, organisation_id, display_name, function_title, roles) values ($1, $2, $3, 'test', $4)`, [id, w.organisations.team, name, [...r]]);
  }
  const actor = (id: string, r?: StaffRole[]): Actor => ({ kind: 'professional', id, organisationId: w.organisations.team, roles: r ?? roles[id] ?? ['professional'], displayName: 'test' });
  return {
    t,
    w,
    staff,
    actor,
    repo: (a, now = new Date()) => t.store.repository({ actor: a, trace: newTrace(), now }),
    logCount: async () => Number((await t.ownerSql('select count(*)::int as n from processing_log'))[0]!.n),
    close: () => t.close(),
  };
}

/** The code of an AppError thrown by `p`. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return 'no error';
}

export function day(d: Date, plusDays = 0): string {
  return new Date(d.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);
}
