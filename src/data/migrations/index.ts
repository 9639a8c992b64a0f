/**
 * The numbered, forward-only migrations, in order. Add a new file and a line here; never edit a shipped one.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001-domain.ts';
import { processingLogMigration } from './0002-processing-log.ts';
import { sessionsMigration } from './0003-sessions.ts';
import { professionalWorkMigration } from './0004-professional-work.ts';
import { residentsMigration } from './0005-residents.ts';
import { accountabilityMigration } from './0006-accountability.ts';
import { matchIndexMigration } from './0007-match-index.ts';
import { logWithoutRowLocksMigration } from './0008-log-without-row-locks.ts';
import { logDenialsMigration } from './0009-log-denials.ts';
import { noticePageIndexMigration } from './0010-notice-page-index.ts';
import { logWithoutTraceIndexMigration } from './0011-log-without-trace-index.ts';

export function allMigrations(appRole: string): Record<string, Migration> {
  return {
    '0001-domain': m0001,
    '0002-processing-log': processingLogMigration(appRole),
    '0003-sessions': sessionsMigration(appRole),
    '0004-professional-work': professionalWorkMigration(appRole),
    '0005-residents': residentsMigration(appRole),
    '0006-accountability': accountabilityMigration(appRole),
    '0007-match-index': matchIndexMigration,
    '0008-log-without-row-locks': logWithoutRowLocksMigration(appRole),
    '0009-log-denials': logDenialsMigration(appRole),
    '0010-notice-page-index': noticePageIndexMigration,
    '0011-log-without-trace-index': logWithoutTraceIndexMigration,
  };
}
