/**
 * Name material for fictitious residents of a Twente-flavoured municipality. Given names follow the
 * popular names of each birth cohort (Meertens Voornamenbank trends), so that an 80-year-old is not
 * called Noah; surnames mix the national top and regional (Twents) names, with the voorvoegsels as
 * the BRP holds them (de, van, van der, ter, ten…), and the backgrounds a Dutch town of this size has.
 * Combinations are random: any resemblance to a real person is coincidence.
 */

export type Background = 'nl' | 'tr' | 'ma' | 'sr' | 'sy';

export interface Surname {
  prefix: string | null;
  name: string;
}

function s(full: string): Surname {
  const prefixes = ['van der', 'van den', 'van de', "in 't", 'van', 'de', 'ter', 'ten', 'te', 'el'];
  for (const p of prefixes) {
    if (full.startsWith(`${p} `)) return { prefix: p, name: full.slice(p.length + 1) };
  }
  return { prefix: null, name: full };
}

export const SURNAMES: Record<Background, readonly Surname[]> = {
  nl: [
    'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer',
    'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit',
    'Dijkstra', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel',
    'van der Veen', 'van den Broek', 'de Bruijn', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet',
    'van de Ven', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman',
    'Kuipers', 'van Veen', 'Post', 'Kramer', 'van den Brink', 'Scholten', 'van Wijk', 'Postma', 'Vink', 'de Ruiter',
    'Groen', 'Gerritsen', 'Jonker', 'van Loon', 'Willemsen', 'de Lange', 'Bosch', 'Schipper', 'de Koning',
    'van der Laan', 'Hermans', 'Evers', 'van den Bosch', 'Hofman', 'Bosman', 'Wolters', "in 't Veld",
    // Twente
    'ter Horst', 'ten Brinke', 'Nijhuis', 'Kamphuis', 'Oude Nijhuis', 'Leferink', 'Wolbers', 'Reinders', 'Brinkhuis',
    'Klein Gunnewiek', 'Oude Luttikhuis', 'Huttenhuis', 'Lansink', 'Wessels', 'ter Haar', 'ten Dam', 'Oldenhof',
    'Rikkerink', 'Hofste', 'Smeenk', 'Lenferink', 'Meijerink', 'Bruggink', 'Nijland', 'Schuttert', 'te Riele',
    'Kuiper', 'Morsink', 'Velthuis', 'Eshuis', 'Wiggers', 'ter Beek', 'Geerdink', 'Haverkate', 'Voskamp',
  ].map(s),
  tr: ['Yilmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Kılıç', 'Koç', 'Aksoy'].map(s),
  ma: ['el Idrissi', 'Bouzid', 'Amrani', 'Haddou', 'Benali', 'Ouali', 'Tahiri', 'el Khattabi', 'Azzouzi', 'Boukhari'].map(s),
  sr: ['Pinas', 'Kartosen', 'Bhagwandin', 'Ramdin', 'Sewnath', 'Biharie', 'Wijngaarde', 'Lie-A-Fong', 'Doelwijt'].map(s),
  sy: ['Al-Hassan', 'Haddad', 'Khalil', 'Mansour', 'Tesfay', 'Haile', 'Ahmadi', 'Rahimi', 'Nazari'].map(s),
};

/** Given names by sex and birth cohort (decade band). */
const NL_GIVEN = {
  M: {
    old: ['Johannes', 'Hendrik', 'Cornelis', 'Gerrit', 'Jan', 'Willem', 'Antonius', 'Bernardus', 'Gerardus', 'Theodorus', 'Hermanus', 'Albertus', 'Derk', 'Jacobus'],
    mid: ['Peter', 'Jan', 'Hans', 'Marcel', 'Rob', 'Frank', 'Erik', 'Gerard', 'Ronald', 'André', 'Wim', 'Henk', 'Martin', 'René', 'Johan', 'Arjan'],
    young: ['Mark', 'Dennis', 'Jeroen', 'Martijn', 'Bas', 'Tim', 'Niels', 'Sander', 'Rick', 'Thomas', 'Kevin', 'Robin', 'Jasper', 'Bart', 'Joost'],
    teen: ['Daan', 'Thijs', 'Jesse', 'Lars', 'Luuk', 'Milan', 'Stijn', 'Ruben', 'Bram', 'Sem', 'Tom', 'Max', 'Julian', 'Niek'],
    child: ['Noah', 'Sem', 'Liam', 'Lucas', 'Finn', 'Levi', 'Luca', 'Mees', 'Adam', 'James', 'Boaz', 'Jens', 'Siem', 'Guus', 'Teun'],
  },
  V: {
    old: ['Maria', 'Johanna', 'Hendrika', 'Geertruida', 'Anna', 'Wilhelmina', 'Cornelia', 'Elisabeth', 'Aaltje', 'Gerharda', 'Bernardina', 'Theodora', 'Janna', 'Grietje'],
    mid: ['Monique', 'Ingrid', 'Anita', 'Marion', 'Petra', 'Sandra', 'Annemarie', 'Jolanda', 'Karin', 'Wilma', 'Ellen', 'Marjan', 'Esther', 'Yvonne', 'Carla'],
    young: ['Linda', 'Kim', 'Marieke', 'Sanne', 'Anouk', 'Lisa', 'Femke', 'Laura', 'Iris', 'Nicole', 'Chantal', 'Manon', 'Ilse', 'Kirsten', 'Eline'],
    teen: ['Emma', 'Lotte', 'Sophie', 'Julia', 'Fleur', 'Anna', 'Eva', 'Isa', 'Sara', 'Noa', 'Lieke', 'Roos', 'Femke', 'Floor'],
    child: ['Emma', 'Julia', 'Mila', 'Tess', 'Sophie', 'Zoë', 'Nora', 'Noor', 'Saar', 'Liv', 'Yara', 'Olivia', 'Nova', 'Lina', 'Fenna'],
  },
} as const;

const OTHER_GIVEN: Record<Exclude<Background, 'nl'>, { M: readonly string[]; V: readonly string[] }> = {
  tr: { M: ['Mehmet', 'Mustafa', 'Ahmet', 'Emre', 'Yusuf', 'Burak', 'Hasan', 'Kerem', 'Ömer'], V: ['Ayşe', 'Fatma', 'Elif', 'Zeynep', 'Emine', 'Merve', 'Esra', 'Büşra', 'Defne'] },
  ma: { M: ['Mohamed', 'Youssef', 'Karim', 'Bilal', 'Hamza', 'Ayoub', 'Said', 'Rachid', 'Ilias'], V: ['Fatima', 'Khadija', 'Nadia', 'Samira', 'Imane', 'Salma', 'Hanane', 'Malika', 'Yasmina'] },
  sr: { M: ['Ravi', 'Glenn', 'Sunil', 'Roy', 'Anand', 'Romano', 'Dinesh', 'Errol'], V: ['Shanti', 'Rowena', 'Sharda', 'Anjali', 'Priya', 'Jennifer', 'Cheryl', 'Sita'] },
  sy: { M: ['Ahmad', 'Omar', 'Khaled', 'Tesfaye', 'Samuel', 'Ali', 'Hussein', 'Yonas'], V: ['Rania', 'Amal', 'Lina', 'Semhar', 'Hiwet', 'Nour', 'Maryam', 'Rahel'] },
};

export type Sex = 'M' | 'V';

function cohort(birthYear: number): keyof (typeof NL_GIVEN)['M'] {
  if (birthYear < 1955) return 'old';
  if (birthYear < 1975) return 'mid';
  if (birthYear < 1995) return 'young';
  if (birthYear < 2012) return 'teen';
  return 'child';
}

/** Candidate given names for one person; older Dutch cohorts usually carry two or three (BRP voornamen). */
export function givenNamePool(background: Background, sex: Sex, birthYear: number): readonly string[] {
  if (background === 'nl') return NL_GIVEN[sex][cohort(birthYear)];
  return OTHER_GIVEN[background][sex];
}

/** Second given names, as Dutch birth registrations of the older cohorts have them. */
export const SECOND_NAMES: Record<Sex, readonly string[]> = {
  M: ['Johannes', 'Hendrikus', 'Gerardus', 'Antonius', 'Maria', 'Jan', 'Willem', 'Bernardus', 'Theodorus', 'Pieter'],
  V: ['Maria', 'Johanna', 'Hendrika', 'Anna', 'Elisabeth', 'Wilhelmina', 'Catharina', 'Geertruida', 'Cornelia'],
};

/** Lowercase ASCII slug for e-mail addresses (ß, ş, ö… folded). */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ş/g, 's')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
