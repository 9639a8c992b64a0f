/**
 * Names as the BRP holds them: voornamen, voorvoegsel geslachtsnaam, geslachtsnaam, and the partner's
 * name parts with the naamgebruik indicator (E eigen, P partner, V partner+eigen, N eigen+partner).
 */
export interface PersonName {
  givenNames: string;
  surnamePrefix: string | null;
  surname: string;
  partnerSurnamePrefix?: string | null;
  partnerSurname?: string | null;
  nameUsage?: 'E' | 'P' | 'V' | 'N';
}

function part(prefix: string | null | undefined, surname: string): string {
  return prefix ? `${prefix} ${surname}` : surname;
}

/** The name to address a person by, following the BRP naamgebruik rule. */
export function displayName(n: PersonName): string {
  const own = part(n.surnamePrefix, n.surname);
  const partner = n.partnerSurname ? part(n.partnerSurnamePrefix, n.partnerSurname) : null;
  let family = own;
  if (partner) {
    if (n.nameUsage === 'P') family = partner;
    else if (n.nameUsage === 'V') family = `${partner}-${own}`;
    else if (n.nameUsage === 'N') family = `${own}-${partner}`;
  }
  return `${n.givenNames} ${family}`;
}

export function initials(givenNames: string): string {
  return givenNames
    .split(/\s+/)
    .filter(Boolean)
    .map((g) => `${g[0]!.toUpperCase()}.`)
    .join('');
}
