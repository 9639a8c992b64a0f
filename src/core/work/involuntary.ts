/**
 * Refusal and involuntary processing (R4.2, R4.3; policy §3.4). When the resident refuses, the
 * professional chooses: stop; limit the help to what the available data allow; or — only when health
 * or safety of the resident or others is at stake — involuntary processing. That needs, recorded BEFORE
 * data flow: the explanation given to the resident, a colleague or expert consulted on pseudonymised
 * facts, the considerations, a second person's decision (never the proposer), and a notice to the
 * resident of the decision and their rights. Only an approved record lets data flow (the gate's inv-vital).
 * Pure.
 */
import { AppError } from '../errors.ts';
import { MIN_ARGUMENT } from './step-plan.ts';

export const REFUSAL_OUTCOMES = ['stop', 'limit', 'involuntary'] as const;
export type RefusalOutcome = (typeof REFUSAL_OUTCOMES)[number];

export const INVOLUNTARY_GROUNDS = ['health', 'safety'] as const;
export type InvoluntaryGround = (typeof INVOLUNTARY_GROUNDS)[number];

export interface InvoluntaryState {
  status: 'draft' | 'approved' | 'rejected' | 'ended';
  proposedBy: string;
  ground: string | null;
  groundFacts: string | null;
  explanationGiven: string | null;
  consultedProfessionalId: string | null;
  consultationAdvice: string | null;
  considerations: string | null;
}

export function assertGround(ground: string | null | undefined, facts: string | null | undefined): void {
  if (ground !== 'health' && ground !== 'safety') throw new AppError('INVOLUNTARY.GROUND_REQUIRED', { field: 'ground' });
  if (typeof facts !== 'string' || facts.trim().length < MIN_ARGUMENT) throw new AppError('INVOLUNTARY.GROUND_REQUIRED', { field: 'groundFacts' });
}

export function assertDraft(s: Pick<InvoluntaryState, 'status'>): void {
  if (s.status !== 'draft') throw new AppError('INVOLUNTARY.CLOSED', { status: s.status });
}

/** What is still missing before a second person may decide (R4.3), in the order the policy lists it. */
export function missingForDecision(s: InvoluntaryState): string[] {
  const missing: string[] = [];
  if (!s.ground || !s.groundFacts) missing.push('ground');
  if (!s.explanationGiven) missing.push('explanationGiven');
  if (!s.consultedProfessionalId) missing.push('consultation');
  else if (!s.consultationAdvice) missing.push('consultationAdvice');
  if (!s.considerations) missing.push('considerations');
  return missing;
}

/** The decision: complete, still a draft, and by a second person — never the proposer (four eyes). */
export function assertDecidable(s: InvoluntaryState, deciderId: string): void {
  assertDraft(s);
  if (deciderId === s.proposedBy) throw new AppError('INVOLUNTARY.SAME_PERSON');
  const missing = missingForDecision(s);
  if (missing.length > 0) throw new AppError('INVOLUNTARY.INCOMPLETE', { missing });
}

/** The colleague or expert consulted is someone else than the proposer. */
export function assertConsultee(proposedBy: string, consulteeId: string): void {
  if (proposedBy === consulteeId) throw new AppError('INVOLUNTARY.SAME_PERSON', { field: 'professionalId' });
}

export interface Identifiers {
  names: readonly string[];
  bsn: string | null;
  /** YYYY-MM-DD */
  birthDate: string | null;
  postcode: string | null;
  street: string | null;
}

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

function norm(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Which identifying data a text for the consultation contains: names (each part of 3+ letters), the
 * BSN, the birth date (in the usual notations), the postcode, the street. The consulted person sees
 * pseudonymised facts only (R4.3); this catches the obvious slips, it is no proof of anonymity.
 */
export function identifiersIn(text: string, ids: Identifiers): string[] {
  const t = norm(text);
  const words = new Set(t.split(/[^a-z0-9]+/).filter(Boolean));
  const found = new Set<string>();
  for (const name of ids.names) {
    for (const part of norm(name).split(/[^a-z]+/)) {
      if (part.length >= 3 && words.has(part)) found.add('name');
    }
  }
  const digits = t.replace(/[^0-9]/g, ' ');
  if (ids.bsn && (t.replace(/[\s.-]/g, '').includes(ids.bsn) || digits.includes(ids.bsn))) found.add('bsn');
  if (ids.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(ids.birthDate)) {
    const [y, m, d] = ids.birthDate.split('-') as [string, string, string];
    const day = String(Number(d));
    const month = String(Number(m));
    const forms = [ids.birthDate, `${d}-${m}-${y}`, `${d}/${m}/${y}`, `${day}-${month}-${y}`, `${day}/${month}/${y}`, `${d}.${m}.${y}`, `${day} ${MONTHS_NL[Number(m) - 1]} ${y}`];
    if (forms.some((f) => t.includes(f))) found.add('birthDate');
  }
  if (ids.postcode) {
    const pc = norm(ids.postcode).replace(/\s+/g, '');
    if (t.replace(/\s+/g, '').includes(pc)) found.add('address');
  }
  if (ids.street && norm(ids.street).length >= 4 && t.includes(norm(ids.street))) found.add('address');
  return [...found].sort();
}

export function assertPseudonymised(text: string, ids: Identifiers): void {
  const found = identifiersIn(text, ids);
  if (found.length > 0) throw new AppError('INVOLUNTARY.NOT_PSEUDONYMISED', { found });
}

export interface NoticeInput {
  lang: 'nl' | 'en';
  residentName: string;
  addressLines: string[];
  municipality: string;
  reference: string;
  ground: InvoluntaryGround;
  categoryLabels: string[];
  considerations: string;
  decidedAt: string;
  validUntil: string | null;
  contact: string;
}

export interface NoticeLetter {
  title: string;
  salutation: string;
  paragraphs: string[];
  rightsTitle: string;
  rights: string[];
  closing: string;
}

/**
 * The notice to the resident of the decision and their rights (R4.3; policy §3.4 rule 3): what was
 * decided, why, which data, for how long, and how to object, complain, see the file and ask the DPA.
 */
export function noticeLetter(n: NoticeInput): NoticeLetter {
  const until = n.validUntil;
  if (n.lang === 'en') {
    return {
      title: 'Decision: processing your data without your consent',
      salutation: `Dear ${n.residentName},`,
      paragraphs: [
        `You told us that you do not want us to use certain data about you (help request ${n.reference}). We respect that as far as we can. In this case we decided to use the data anyway, because the ${n.ground === 'health' ? 'health' : 'safety'} of you or people around you is at stake.`,
        `The data concerned: ${n.categoryLabels.join(', ')}.`,
        `Why: ${n.considerations}`,
        `Before deciding, we explained to you why the help matters, and we consulted a colleague or expert without giving your name, address, date of birth or citizen service number. A second person, not the one who proposed it, took the decision on ${n.decidedAt}.`,
        until ? `This decision applies until ${until}.` : 'We review this decision regularly and stop as soon as it is no longer needed.',
      ],
      rightsTitle: 'Your rights',
      rights: [
        'You may object to this decision within six weeks (General Administrative Law Act, art. 6:7). Write to the municipal executive and say why you disagree.',
        'You may see what we recorded about you and who viewed it, in Mijn gegevens or by asking us (GDPR art. 15).',
        'You may ask us to correct or restrict your data, or object to their use (GDPR art. 16, 18, 21).',
        'You may complain to the municipality about how we treated your data; the complaints commissioner handles it. You may also complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens, GDPR art. 77).',
      ],
      closing: `Questions? Contact ${n.contact}.`,
    };
  }
  return {
    title: 'Besluit: uw gegevens gebruiken zonder uw toestemming',
    salutation: `Beste ${n.residentName},`,
    paragraphs: [
      `U hebt ons gezegd dat u niet wilt dat wij bepaalde gegevens over u gebruiken (hulpvraag ${n.reference}). Daar houden wij zo veel mogelijk rekening mee. In dit geval hebben wij toch besloten de gegevens te gebruiken, omdat de ${n.ground === 'health' ? 'gezondheid' : 'veiligheid'} van u of mensen om u heen in gevaar is.`,
      `Het gaat om deze gegevens: ${n.categoryLabels.join(', ')}.`,
      `Waarom: ${n.considerations}`,
      `Voordat wij besloten, hebben wij u uitgelegd waarom de hulp belangrijk is. Wij hebben een collega of deskundige om advies gevraagd, zonder uw naam, adres, geboortedatum of burgerservicenummer te noemen. Een tweede persoon, niet degene die het voorstelde, heeft op ${n.decidedAt} besloten.`,
      until ? `Dit besluit geldt tot ${until}.` : 'Wij kijken regelmatig opnieuw of dit nog nodig is, en stoppen zodra het niet meer nodig is.',
    ],
    rightsTitle: 'Uw rechten',
    rights: [
      'U kunt binnen zes weken bezwaar maken tegen dit besluit (Algemene wet bestuursrecht, artikel 6:7). Schrijf het college van burgemeester en wethouders waarom u het er niet mee eens bent.',
      'U kunt zien wat wij over u hebben vastgelegd en wie uw gegevens heeft bekeken, in Mijn gegevens of door het ons te vragen (AVG artikel 15).',
      'U kunt ons vragen uw gegevens te verbeteren of het gebruik te beperken, of bezwaar maken tegen het gebruik (AVG artikel 16, 18 en 21).',
      'U kunt een klacht indienen bij de gemeente over hoe wij met uw gegevens omgaan; de klachtencommissaris behandelt die. U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens (AVG artikel 77).',
    ],
    closing: `Vragen? Neem contact op met ${n.contact}.`,
  };
}
