/**
 * The gate-bound unit of work: one per request (house style habit 1). `run()` opens a transaction,
 * hands the work a `GateWork` that decides every item with the pure core, records what was processed
 * for whom, and — before commit — appends one processing-log entry per data subject (and purpose) in
 * the SAME transaction. If the log cannot be written the transaction rolls back and nothing leaves
 * (GATE.LOG_UNAVAILABLE). A denial is logged and committed first, then thrown as 404 or 403.
 */
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Actor } from '../../core/policy/actor.ts';
import { actorRoleLabel } from '../../core/policy/actor.ts';
import type { CompiledPolicy } from '../../core/policy/compile.ts';
import { decide, type Action, type Decision, type GateContext, type GateItem } from '../../core/policy/decide.ts';
import { decisionRuleIds } from '../../core/policy/explain.ts';
import { AppError, type ErrorCode, type ErrorDetails } from '../../core/errors.ts';
import { STATUS_OK, SUBJECT_ID_TYPE, type LogEntry } from '../../core/log/entry.ts';
import type { Keyring } from '../../core/crypto/keyring.ts';
import type { DB } from '../schema.ts';
import { appendEntries, LogUnavailableError, type AppendTicket, type ChainLeases } from '../log/writer.ts';
import type { Database } from '../db.ts';

export interface TraceContext {
  traceId: string;
  /** The span of the incoming request; each log entry gets its own span under it. */
  spanId: string;
  parentSpanId: string | null;
}

/**
 * Random hex for trace and span ids, cut from a pooled 4 KiB of CSPRNG output: a read logs an entry per
 * data subject, and a randomBytes() call each cost more than the rest of the entry (profiled). The ids
 * correlate log entries; they are not secrets.
 */
const ID_POOL = 4096;
let idPool = Buffer.alloc(0);
let idAt = 0;
function randomHex(bytes: number): string {
  if (idAt + bytes > idPool.length) {
    idPool = randomBytes(ID_POOL);
    idAt = 0;
  }
  const hex = idPool.toString('hex', idAt, idAt + bytes);
  idAt += bytes;
  return hex;
}

/**
 * A new trace id: 48 bits of the current time in milliseconds, then 80 random bits (W3C Trace Context
 * asks for a unique id, and for "random" at least its last 7 bytes random). Time first makes trace ids
 * follow the log's physical order: the log keeps no index on them (migration 0011, no query reads by
 * trace), and should one come, a BRIN index serves it cheaply, where a B-tree of fully random ids would
 * put every append on a random leaf of an index far larger than memory. The time in it says no more
 * than the entry's start_time.
 */
export function newTraceId(now = Date.now()): string {
  return Math.max(0, Math.min(now, 0xffffffffffff)).toString(16).padStart(12, '0') + randomHex(10);
}

export function newTrace(parent?: { traceId: string; spanId: string } | null): TraceContext {
  return {
    traceId: parent?.traceId ?? newTraceId(),
    spanId: randomHex(8),
    parentSpanId: parent?.spanId ?? null,
  };
}

export interface GateRequest {
  actor: Actor | null;
  trace: TraceContext;
  now: Date;
}

export interface GateEnv {
  database: Database;
  keyring: Keyring;
  policy: () => CompiledPolicy;
  chains: number;
  /** This process's chain leases and cached heads (one append statement per request; log/writer.ts). */
  leases?: ChainLeases;
  /** Register: processing-activity code → id of the version in force. */
  activityId: (code: string) => string;
}

interface Aggregate {
  subject: string | null;
  purposeHelpRequestId: string | null;
  purposeCode: string;
  activityCode: string;
  objectType: string;
  objectId: string | null;
  categories: Set<string>;
  rules: Set<string>;
  decision: 'permit' | 'deny';
}

export class GateWork {
  private readonly aggregates = new Map<string, Aggregate>();
  private deferred: AppError | null = null;

  constructor(
    readonly tx: Transaction<DB>,
    readonly policy: CompiledPolicy,
    readonly request: GateRequest,
    readonly keyring: Keyring,
    readonly action: Action,
  ) {}

  get actor(): Actor | null {
    return this.request.actor;
  }

  get now(): Date {
    return this.request.now;
  }

  /** Decide one item with the pure gate. Recording is separate: only what is actually returned or written is logged. */
  decide(ctx: GateContext, item: GateItem, action: Action = this.action): Decision {
    return decide(this.policy, ctx, action, item);
  }

  /** Record that `categories` of `subject` were processed (read/written) under a permit. */
  processed(
    subject: string | null,
    purpose: { helpRequestId: string | null; code: string; activity: string },
    object: { type: string; id: string | null },
    categories: Iterable<string>,
    decision: Decision,
  ): void {
    const a = this.aggregate(subject, purpose, object, 'permit');
    for (const c of categories) a.categories.add(c);
    for (const r of decisionRuleIds(decision)) a.rules.add(r);
  }

  /** Record a denial (attempts outside involvement are what the privacy officer reviews). */
  denied(
    subject: string | null,
    purpose: { helpRequestId: string | null; code: string; activity: string },
    object: { type: string; id: string | null },
    category: string,
    decision: Decision,
  ): void {
    const a = this.aggregate(subject, purpose, object, 'deny');
    a.categories.add(category);
    for (const r of decisionRuleIds(decision)) a.rules.add(r);
  }

  /** Commit the log (and any writes), then throw this error: used for logged denials (404/403). */
  failAfterCommit(code: ErrorCode, details?: ErrorDetails): never {
    this.deferred = new AppError(code, details);
    throw this.deferred;
  }

  get deferredError(): AppError | null {
    return this.deferred;
  }

  private aggregate(
    subject: string | null,
    purpose: { helpRequestId: string | null; code: string; activity: string },
    object: { type: string; id: string | null },
    decision: 'permit' | 'deny',
  ): Aggregate {
    const key = `${subject}|${purpose.helpRequestId}|${purpose.code}|${decision}`;
    let a = this.aggregates.get(key);
    if (!a) {
      a = {
        subject,
        purposeHelpRequestId: purpose.helpRequestId,
        purposeCode: purpose.code,
        activityCode: purpose.activity,
        objectType: object.type,
        objectId: object.id,
        categories: new Set(),
        rules: new Set(),
        decision,
      };
      this.aggregates.set(key, a);
    }
    return a;
  }

  entries(env: GateEnv, name: string, start: Date): LogEntry[] {
    const actor = this.request.actor;
    const end = new Date();
    const out: LogEntry[] = [];
    for (const a of this.aggregates.values()) {
      out.push({
        traceId: this.request.trace.traceId,
        spanId: randomHex(8),
        parentSpanId: this.request.trace.spanId,
        name,
        startTime: start,
        endTime: end < start ? start : end,
        statusCode: STATUS_OK,
        processingActivityId: env.activityId(a.activityCode),
        dataSubjectId: a.subject === null ? null : this.keyring.pseudonym(a.subject),
        dataSubjectIdType: a.subject === null ? null : SUBJECT_ID_TYPE,
        actorKind: actor?.kind ?? 'system',
        actorId: actor && actor.kind !== 'system' ? actor.id : null,
        actorRole: actor ? actorRoleLabel(actor) : 'anonymous',
        organisationId: actor?.kind === 'professional' ? actor.organisationId : null,
        purposeHelpRequestId: a.purposeHelpRequestId,
        purposeCode: a.purposeCode,
        action: this.action,
        objectType: a.objectType,
        objectId: a.objectId,
        categories: [...a.categories].sort(),
        decision: a.decision,
        ruleIds: [...a.rules],
        ruleVersion: this.policy.version,
      });
    }
    return out;
  }
}

export class GateSession {
  constructor(
    private readonly env: GateEnv,
    readonly request: GateRequest,
  ) {}

  get actor(): Actor | null {
    return this.request.actor;
  }

  get policy(): CompiledPolicy {
    return this.env.policy();
  }

  get keyring(): Keyring {
    return this.env.keyring;
  }

  /**
   * Run one gated unit of work. `name` is the LDV action name (e.g. 'household.read').
   * Fail closed: no actor → 401 before any data is touched.
   */
  async run<T>(name: string, action: Action, fn: (w: GateWork) => Promise<T>): Promise<T> {
    if (!this.request.actor) throw new AppError('AUTH.REQUIRED');
    const start = new Date();
    const policy = this.env.policy();
    let deferred: AppError | null = null;
    let result: T | undefined;
    // The append's ticket reports the outcome of the transaction back to the chain leases.
    const appended: { ticket?: AppendTicket } = {};
    try {
      result = await this.env.database.db.transaction().execute(async (tx) => {
        const work = new GateWork(tx, policy, this.request, this.env.keyring, action);
        let value: T | undefined;
        try {
          value = await fn(work);
        } catch (err) {
          if (err !== work.deferredError) throw err;
          deferred = work.deferredError;
        }
        appended.ticket = await appendEntries(tx, this.env.keyring.logKey, this.env.chains, work.entries(this.env, name, start), this.env.leases);
        return value as T;
      });
      appended.ticket?.settle(true);
    } catch (err) {
      appended.ticket?.settle(false);
      if (err instanceof LogUnavailableError) throw new AppError('GATE.LOG_UNAVAILABLE');
      throw err;
    }
    if (deferred) throw deferred;
    return result as T;
  }
}
