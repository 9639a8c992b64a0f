/**
 * The outcome letter of a complaint (Awb art. 9:12: written, reasoned findings and conclusions, and
 * "welk ombudsman … en binnen welke termijn"; 9:18 and 9:24: the Nationale ombudsman, within a year),
 * in plain Dutch (B1). Pure: the portal shows it, the server renders it as PDF.
 */
import { OMBUDSMAN_TERM_YEARS } from './deadlines.ts';

export interface LetterInput {
  municipality: string;
  reference: string;
  receivedOn: string;
  decidedOn: string;
  outcome: 'founded' | 'partly_founded' | 'unfounded' | 'not_handled';
  findings: string;
  ombudsmanUntil: string;
  addressee: string | null;
}

export interface Letter {
  /** The sender: the municipality (its college is the controller). */
  from: string;
  title: string;
  date: string;
  addressee: string | null;
  paragraphs: string[];
  /** The escalation route, also shown on its own in the portal. */
  ombudsman: { name: string; url: string; until: string; term: string };
}

const OUTCOME_NL: Record<LetterInput['outcome'], string> = {
  founded: 'Uw klacht is gegrond. Dat betekent: u hebt gelijk.',
  partly_founded: 'Uw klacht is voor een deel gegrond. Dat betekent: u hebt voor een deel gelijk.',
  unfounded: 'Uw klacht is ongegrond. Dat betekent: wij vinden dat de gemeente het goed heeft gedaan.',
  not_handled: 'Wij behandelen uw klacht niet. Hieronder leest u waarom.',
};

export function dutchLongDate(iso: string): string {
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${months[m - 1]} ${y}`;
}

export function complaintLetter(input: LetterInput): Letter {
  const until = dutchLongDate(input.ombudsmanUntil);
  return {
    from: input.municipality,
    title: `Uitkomst van uw klacht ${input.reference}`,
    date: dutchLongDate(input.decidedOn),
    addressee: input.addressee,
    paragraphs: [
      input.addressee ? `Beste ${input.addressee},` : 'Beste heer of mevrouw,',
      `Op ${dutchLongDate(input.receivedOn)} hebt u een klacht ingediend over de manier waarop de gemeente met uw gegevens is omgegaan. In deze brief leest u wat wij hebben onderzocht en wat wij vinden.`,
      OUTCOME_NL[input.outcome],
      'Wat wij hebben onderzocht en waarom wij dit vinden:',
      input.findings,
      `Bent u het niet eens met hoe wij uw klacht hebben behandeld? Dan kunt u de Nationale ombudsman vragen om uw klacht te onderzoeken. Doe dat binnen ${OMBUDSMAN_TERM_YEARS} jaar na deze brief, dus uiterlijk op ${until}. Dat kan op www.nationaleombudsman.nl. Het kost niets.`,
      'Gaat uw klacht over uw privacy? Dan kunt u ook een klacht indienen bij de Autoriteit Persoonsgegevens (www.autoriteitpersoonsgegevens.nl).',
      `Met vriendelijke groet,\nde klachtencommissaris van ${input.municipality}`,
    ],
    ombudsman: { name: 'Nationale ombudsman', url: 'https://www.nationaleombudsman.nl', until: input.ombudsmanUntil, term: 'Algemene wet bestuursrecht artikel 9:12, 9:18 en 9:24' },
  };
}
