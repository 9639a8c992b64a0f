/**
 * Export of the register of processing activities (AVG art. 30). The JSON follows the shape of the LDV
 * "Processing Activities Register API" draft (research/standards.md §1): a ProcessingActivity with its
 * id, whether it is active, its latest version and every version under its own identifier, so that a
 * log entry's processing_activity_id resolves to exactly one version. The CSV has one row per version.
 * Pure.
 */
import { toCsv } from './csv.ts';
import { processingActivityUri } from './ldv-read.ts';

export interface RegisterVersionInput {
  id: string;
  code: string;
  version: number;
  name: string;
  purpose: string;
  legalBasis: string;
  categories: string[];
  dataSubjects: string[];
  recipients: string[];
  retention: string;
  measures: string;
  validFrom: string;
  createdAt: string;
  state: 'in_force' | 'scheduled' | 'superseded';
}

export interface RegisterExport {
  controller: string;
  generatedAt: string;
  catalogueVersion: string;
  processingActivities: Array<{
    id: string;
    code: string;
    active: boolean;
    latestVersion: number;
    versionInForce: number | null;
    versions: Array<RegisterVersionInput & { uri: string }>;
  }>;
}

export function registerExport(
  activities: ReadonlyArray<{ code: string; versions: readonly RegisterVersionInput[] }>,
  meta: { controller: string; generatedAt: Date; catalogueVersion: string },
): RegisterExport {
  return {
    controller: meta.controller,
    generatedAt: meta.generatedAt.toISOString(),
    catalogueVersion: meta.catalogueVersion,
    processingActivities: activities.map((a) => {
      const inForce = a.versions.find((v) => v.state === 'in_force') ?? null;
      return {
        id: `urn:zorgvuldig:verwerkingsactiviteit:${a.code}`,
        code: a.code,
        active: inForce !== null,
        latestVersion: Math.max(...a.versions.map((v) => v.version)),
        versionInForce: inForce?.version ?? null,
        versions: a.versions.map((v) => ({ ...v, uri: processingActivityUri(v.id, v.code, v.version) })),
      };
    }),
  };
}

export const REGISTER_CSV_HEADER = ['code', 'version', 'state', 'valid_from', 'name', 'purpose', 'legal_basis', 'categories', 'data_subjects', 'recipients', 'retention', 'measures', 'id'] as const;

export function registerCsv(activities: ReadonlyArray<{ versions: readonly RegisterVersionInput[] }>): string {
  const rows = activities.flatMap((a) =>
    a.versions.map((v) => [v.code, v.version, v.state, v.validFrom.slice(0, 10), v.name, v.purpose, v.legalBasis, v.categories, v.dataSubjects, v.recipients, v.retention, v.measures, v.id]),
  );
  return toCsv(REGISTER_CSV_HEADER, rows);
}
