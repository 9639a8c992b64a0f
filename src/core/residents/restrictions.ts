/**
 * Access restrictions (inzagebeperking): parts of a file the resident — or their representative — may
 * not see because another person's privacy, safety or vital interest is at stake, or a Veilig Thuis
 * investigation needs protection (Wmo 2015 art. 5.3.2 and 5.3.1 lid 3; Jeugdwet art. 7.3.10;
 * UAVG art. 41). The restriction is itself recorded with its reason, who decided and a review date
 * (R5.2). One pure matcher, used by decide() and by the views that filter the access log, so they agree.
 */

export type RestrictionAudience = 'all' | 'representatives';

export const RESTRICTION_REASONS = ['third_party_privacy', 'safety_of_others', 'vital_interest', 'veilig_thuis_investigation', 'child_interest'] as const;
export type RestrictionReason = (typeof RESTRICTION_REASONS)[number];

export interface RestrictionFact {
  id: string;
  /** The resident whose data are withheld. */
  subjectId: string;
  /** Records withheld whole (data items, help requests, the plan), by id. */
  objectIds: readonly string[];
  /** Categories withheld for every record about the subject. */
  categories: readonly string[];
  /** 'all': the subject and their representatives; 'representatives': only representatives (the child's interest). */
  appliesTo: RestrictionAudience;
  validFrom: Date;
  endedAt: Date | null;
}

export function restrictionActive(r: RestrictionFact, at: Date): boolean {
  return r.validFrom.getTime() <= at.getTime() && (r.endedAt === null || at.getTime() < r.endedAt.getTime());
}

/**
 * The restriction that withholds this record (or category) from this reader, if any. `readerIsSubject`
 * is false for a representative. A record named by id is withheld whoever it is about; a category only
 * for records about the restriction's subject.
 */
export function restrictionFor(
  restrictions: readonly RestrictionFact[],
  at: Date,
  reader: { isSubject: boolean },
  record: { id: string | null; subjectId: string | null; category: string },
): RestrictionFact | null {
  for (const r of restrictions) {
    if (!restrictionActive(r, at)) continue;
    if (r.appliesTo === 'representatives' && reader.isSubject) continue;
    if (record.id !== null && r.objectIds.includes(record.id)) return r;
    if (record.subjectId === r.subjectId && r.categories.includes(record.category)) return r;
  }
  return null;
}

/** What a restriction withholds from a reader: records by id, and categories of the subject. */
export interface Withheld {
  objectIds: string[];
  categories: string[];
}

/**
 * Everything withheld from this reader about this subject, as sets: record ids withheld whole, and the
 * subject's categories withheld. The same answer as restrictionFor() per record — a record is withheld
 * if its id is in `objectIds`; a category of a record about the subject if it is in `categories` — in a
 * form a query can filter on, so that a page of the access log is counted and cut after withholding.
 */
export function withheldFrom(restrictions: readonly RestrictionFact[], at: Date, reader: { isSubject: boolean }, subjectId: string): Withheld {
  const objectIds = new Set<string>();
  const categories = new Set<string>();
  for (const r of restrictions) {
    if (!restrictionActive(r, at)) continue;
    if (r.appliesTo === 'representatives' && reader.isSubject) continue;
    for (const id of r.objectIds) objectIds.add(id);
    if (r.subjectId === subjectId) for (const c of r.categories) categories.add(c);
  }
  return { objectIds: [...objectIds].sort(), categories: [...categories].sort() };
}
