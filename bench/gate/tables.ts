/**
 * The gate's own fixed tables that decide() (src/core/policy/decide.ts) keeps in code rather than in
 * the catalogue. The Cedar and casbin encodings need them too; they are copied here, in one place,
 * so that each engine's policy is generated from the catalogue plus these tables and nothing else.
 * If decide.ts changes one of them, the differential test fails until this copy follows.
 */
import type { Action } from '../../src/core/policy/decide.ts';

export const ACTIONS: readonly Action[] = ['read', 'list', 'create', 'update', 'delete'];
export const WRITE_ACTIONS: readonly Action[] = ['create', 'update', 'delete'];
/** Residents read their own data (AVG 15) and never write dossier data. */
export const RESIDENT_ACTIONS: readonly Action[] = ['read', 'list'];
/** decide.ts SYSTEM_SCOPE: what each named system context may do. */
export const SYSTEM_SCOPE: Readonly<Record<string, readonly Action[]>> = {
  seed: ['create'],
  signin: ['read'],
  retention: ['read', 'list', 'delete'],
  'key-rotation': ['read', 'update'],
  jobs: ['read', 'list', 'create', 'update'],
  migration: [],
};
/** Help-request statuses that are no purpose for new processing (purpose-open). */
export const CLOSED_PURPOSE_STATUSES = ['closed', 'withdrawn'] as const;
/** Sub-activity statuses under which a chain partner no longer sees anything. */
export const ENDED_SUB_ACTIVITY_STATUSES = ['stopped', 'completed'] as const;
/** The involvement role whose access is narrowed to its sub-activity (R2.2). */
export const PROVIDER_ROLE = 'provider';
/** The staff role that reads access metadata (fg-oversight). */
export const OVERSIGHT_ROLE = 'privacy_officer';
