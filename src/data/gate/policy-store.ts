/**
 * The policy in force and the register of processing activities, read from the database (the rules
 * catalogue is versioned data, R10.4). The compiled policy is cached per catalogue version; the gate
 * always names the version it used. Reload happens when a new version takes effect (issue 7 adds the
 * administration of new versions; `reload()` is its hook).
 */
import { sql, type Kysely } from 'kysely';
import type { Catalogue } from '../../core/policy/catalogue.ts';
import { compilePolicy, type CompiledPolicy } from '../../core/policy/compile.ts';
import { validateCatalogue } from '../../core/policy/catalogue-validate.ts';
import type { DB } from '../schema.ts';

export class PolicyNotLoadedError extends Error {
  constructor() {
    super('no rules catalogue in force: load the reference data first (zorgvuldig migrate / seed)');
    this.name = 'PolicyNotLoadedError';
  }
}

export class PolicyStore {
  private compiled: CompiledPolicy | null = null;
  private activities = new Map<string, string>();

  constructor(private readonly db: Kysely<DB>) {}

  /** Load the newest catalogue version in force at `at`, and the register versions in force. */
  async reload(at: Date = new Date()): Promise<CompiledPolicy> {
    const row = await this.db
      .selectFrom('rule_catalogue')
      .select(['version', 'content'])
      .where('effective_from', '<=', at.toISOString().slice(0, 10))
      .orderBy('effective_from', 'desc')
      .orderBy('loaded_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) throw new PolicyNotLoadedError();
    if (!this.compiled || this.compiled.version !== row.version) {
      const content = typeof row.content === 'string' ? (JSON.parse(row.content) as unknown) : row.content;
      this.compiled = compilePolicy(validateCatalogue(content) as Catalogue);
    }
    const acts = await sql<{ code: string; id: string }>`
      select distinct on (code) code, id from processing_activity
      where valid_from <= ${at} order by code, version desc`.execute(this.db);
    this.activities = new Map(acts.rows.map((r) => [r.code, r.id]));
    return this.compiled;
  }

  policy(): CompiledPolicy {
    if (!this.compiled) throw new PolicyNotLoadedError();
    return this.compiled;
  }

  /** The register version in force for an activity code; unknown codes fail closed. */
  activityId(code: string): string {
    const id = this.activities.get(code);
    if (!id) throw new Error(`processing activity ${code} is not in the register`);
    return id;
  }
}
