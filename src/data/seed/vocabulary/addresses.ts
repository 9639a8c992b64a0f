/**
 * Fictitious addresses in Oosterveld: street names built from common Dutch stems (trees, birds,
 * flowers, old field names) and postcodes in 7500–7548 (four digits, two letters; the letter pairs
 * SA, SD and SS are never issued, PostNL), stored without a space as the BRP does (7511KM). Addresses are assigned by household number, so every
 * household has its own address without any bookkeeping.
 */

export const CITY = 'Oosterveld';

const STEMS = [
  'Beuken', 'Eiken', 'Linden', 'Berken', 'Essen', 'Wilgen', 'Populieren', 'Kastanje', 'Meidoorn', 'Vlier',
  'Hazelaar', 'Brink', 'Molen', 'Kerk', 'School', 'Dorps', 'Hof', 'Veld', 'Zand', 'Heide',
  'Mark', 'Kamp', 'Rozen', 'Tulpen', 'Seringen', 'Lelie', 'Zonnebloem', 'Merel', 'Lijster', 'Vinken',
  'Specht', 'Buizerd', 'Kievit', 'Zwaluw', 'Reiger', 'Havik', 'Grutto', 'Es', 'Hulst', 'Varen',
  'Esch', 'Marke', 'Weverij', 'Spinnerij', 'Blekerij', 'Twentse', 'Boeren', 'Schaapskooi', 'Koren', 'Haver',
];
const SUFFIXES = ['straat', 'laan', 'weg', 'hof', 'pad', 'singel', 'kamp', 'erf', 'dijk', 'plein'];

/** Stem + suffix, written as one word as Dutch street names are: 50 stems × 5 suffixes = 250 streets. */
export const STREETS: readonly string[] = STEMS.flatMap((stem, i) =>
  [0, 2, 4, 6, 8].map((k) => `${stem}${SUFFIXES[(i + k) % SUFFIXES.length]}`),
);

const LETTERS = 'ABCDEFGHJKLMNPRSTVWXZ';

export interface Address {
  street: string;
  house_number: number;
  house_letter: string | null;
  house_number_addition: string | null;
  postcode: string;
  city: string;
}

/**
 * The address of household n (0-based). Streets are visited in a scrambled order, house numbers
 * climb per street; a postcode covers a block of 24 numbers on one side of the street, as in practice.
 */
export function addressOf(n: number, letterDraw: number): Address {
  const street = STREETS[(n * 37) % STREETS.length]!;
  const streetIndex = (n * 37) % STREETS.length;
  const houseNumber = Math.floor(n / STREETS.length) + 1;
  const digits = 7500 + (streetIndex % 49);
  const block = Math.floor(houseNumber / 24) + streetIndex * 7;
  let l1 = LETTERS[(block / LETTERS.length | 0) % LETTERS.length]!;
  let l2 = LETTERS[block % LETTERS.length]!;
  if (l1 === 'S' && (l2 === 'A' || l2 === 'D' || l2 === 'S')) l2 = 'T';
  if (l1 === 'S' && l2 === 'S') l1 = 'T';
  // Some apartments: a house letter (12a) or an addition (12-2), drawn by the caller's stream.
  const letter = letterDraw < 0.04 ? 'a' : letterDraw < 0.06 ? 'b' : null;
  const addition = letterDraw > 0.96 ? String(1 + Math.floor((letterDraw - 0.96) * 100)) : null;
  return {
    street,
    house_number: houseNumber,
    house_letter: letter,
    house_number_addition: addition,
    postcode: `${digits}${l1}${l2}`,
    city: CITY,
  };
}
