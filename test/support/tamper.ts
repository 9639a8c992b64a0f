/** Tampering as an insider with the owner's rights would: SQL with the append-only triggers bypassed. */
import type { TestStore } from './store.ts';

export function tamperer(t: Pick<TestStore, 'ownerSql'>): (sqlText: string, params?: unknown[]) => Promise<void> {
  return async (sqlText, params = []) => {
    await t.ownerSql('begin');
    try {
      await t.ownerSql("set local session_replication_role = 'replica'");
      await t.ownerSql(sqlText, params);
      await t.ownerSql('commit');
    } catch (e) {
      await t.ownerSql('rollback');
      throw e;
    }
  };
}
