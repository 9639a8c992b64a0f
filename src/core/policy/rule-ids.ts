/**
 * Rule ids that decide() applies itself (the generic rules). Each must exist in the catalogue; the
 * catalogue validator refuses a catalogue without them. Task-, flow- and source-specific rules are
 * named by the catalogue's own entries.
 */
export const GENERIC_RULES = {
  /** Fail closed: no authenticated actor → deny. */
  actorKnown: 'gate-actor-known',
  /** AVG 5(1)(b): a professional names the purpose (the help request) of every processing. */
  purposeSpecified: 'purpose-specified',
  /** The purpose must be a help request of the household the data belong to. */
  purposeHousehold: 'purpose-household',
  /** New processing (writes) only for an open help request. */
  purposeOpen: 'purpose-open',
  /** R2.1: only through a current involvement with the household or help request; role alone never suffices. */
  involvementRequired: 'involvement-required',
  /** R2.2: a chain partner sees only the categories its sub-activity declares. */
  needToKnowSubActivity: 'need-to-know-sub-activity',
  /** R2.2: … and only for the residents it serves. */
  providerOwnClient: 'provider-own-client',
  /** R2.3: the director sees only DAT-information of a partner's care, never its content. */
  datOnly: 'dat-only-director',
  /** R4.3: a consulted expert sees pseudonymised facts only. */
  expertPseudonymised: 'expert-pseudonymised',
  /** The role profile hides this category. */
  roleProfile: 'role-profile',
  /** The role may not write. */
  roleMayNotWrite: 'role-read-only',
  /** ZGW: the item's confidentiality level ≤ the involvement's maximum (inclusive). */
  confidentialityMax: 'confidentiality-max',
  /** AVG 9(1): special categories only with a basis of the purpose's task. */
  specialCategoryBasis: 'special-category-basis',
  /** AVG 10: criminal data only with a basis of the purpose's task. */
  criminalDataBasis: 'criminal-data-basis',
  /** UAVG 46: the BSN only where a law allows it for the purpose's task. */
  bsnUse: 'bsn-use',
  /** Data collected under one law, used for a task under another: both laws must permit it. */
  crossLaw: 'cross-law-both-permit',
  /** A source restricted to some laws (Suwinet → Pw/IOAW/IOAZ/Wgs). */
  sourceScope: 'source-scope',
  /** Data from a secrecy holder keep a derived duty of confidentiality (beroepsgeheim). */
  derivedSecrecy: 'conf-derived',
  /** Explicit consent recorded and not withdrawn (AVG 7; Wmo 5.1.1 lid 4). */
  consentPresent: 'consent-record',
  /** An approved involuntary-processing record on a health/safety ground (AVG 6(1)(d), 9(2)(c)). */
  vitalInterest: 'inv-vital',
  /** AVG 15: a resident may see their own data. */
  residentOwnData: 'resident-own-data',
  /** A resident sees nothing of other residents by being a resident. */
  residentOthers: 'resident-not-others',
  /** Staff roles (privacy officer, complaints commissioner, administrator) never open a dossier by role. */
  roleNoDossier: 'role-no-dossier',
  /** The privacy officer (FG) monitors compliance: access metadata (who can see what), never dossier content (AVG 39(1)(b)). */
  oversight: 'fg-oversight',
  /** Named, audited system contexts (seeding, retention, jobs) act only within their declared scope. */
  systemContext: 'system-context',
  /** The item carries an unknown category, level or source: fail closed. */
  unknownFact: 'gate-unknown-fact',
  /** AVG 7(3), 12(2), 15–22; Awb 9:1: a resident files a rights request or complaint, or withdraws a consent, about themself. */
  residentExercisesRights: 'resident-exercises-rights',
  /** Parents and guardians of minors by the age rules (under 12, 12–15, 16+; Wmo 5.3.2/5.3.3, Jeugdwet 7.3.4/7.3.15). */
  representativeMinor: 'representative-minor',
  /** Curator, mentor and bewindvoerder of an adult, each within their scope (BW 1:381, 1:453, 1:441). */
  representativeAdult: 'representative-adult',
  /** A recorded access restriction withholds the item from the resident (Wmo 5.3.2, Jeugdwet 7.3.10, UAVG 41). */
  accessRestricted: 'access-restricted',
  /** Rights requests are handled by the functional administrator; the FG may read them (AVG 12(3), 38(6)). */
  rightsRequestHandler: 'rights-request-handler',
  /** Complaints are handled by the complaints commissioner, never by someone involved (Awb 9:7). */
  complaintHandler: 'complaint-handler',
} as const;

export type GenericRuleId = (typeof GENERIC_RULES)[keyof typeof GENERIC_RULES];
