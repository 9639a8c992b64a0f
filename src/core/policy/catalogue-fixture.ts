/**
 * The shipped rules catalogue, validated, for tests and the demo. Production loads the catalogue from
 * rules/ through the data layer and stores it per version (rule_catalogue); tests use this so that they
 * exercise the real policy rather than a hand-made copy.
 */
import type { Catalogue } from './catalogue.ts';
import { validateCatalogue } from './catalogue-validate.ts';
import shipped from '../../../rules/catalogue-2026.1.json' with { type: 'json' };

/** The raw JSON of catalogue 2026.1 (not yet validated). */
export const CATALOGUE_2026_1_JSON: unknown = shipped;

/** Catalogue 2026.1, validated once at import. */
export const CATALOGUE_2026_1: Catalogue = validateCatalogue(shipped);

/** A deep copy of the shipped catalogue that a test may change freely. */
export function catalogueCopy(): Catalogue {
  return structuredClone(CATALOGUE_2026_1);
}
