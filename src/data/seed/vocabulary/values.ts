/**
 * Plausible Dutch values for data items, per category and task. They read like what a consulent or
 * provider writes (short, factual, B1), name fictitious creditors and providers of Oosterveld, and
 * never copy a real case. Amounts follow 2026 orders of magnitude (bijstand ≈ € 1.300 for a single).
 */
import type { Rng } from '../prng.ts';
import type { TaskCode } from '../model.ts';

export interface ValueContext {
  task: TaskCode;
  givenNames: string;
  birthDate: string;
  age: number;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  phone: string | null;
  email: string | null;
  bsn: string;
  householdSize: number;
  adults: number;
  childAges: number[];
  /** ISO date the item was recorded. */
  date: string;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

export function dutchDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

/** € 1.312 — Dutch thousands separator, no cents. */
export function euro(amount: number): string {
  // Formatted by hand: toLocaleString depends on the ICU data of the Node build.
  return `€ ${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

const CREDITORS = [
  'Woonstichting Oosterveld Wonen', 'Energieleverancier Oostnet', 'Waterbedrijf Vitens', 'zorgverzekeraar',
  'de Belastingdienst (toeslagen)', 'het CJIB', 'Telecomaanbieder', 'Postorderbedrijf', 'de gemeente (kwijtschelding afgewezen)',
];
const ID_DOCS = ['paspoort', 'identiteitskaart', 'rijbewijs', 'verblijfsdocument'];

function amount(rng: Rng, min: number, max: number, step = 10): number {
  return Math.round(rng.int(min, max) / step) * step;
}

type Maker = (ctx: ValueContext, rng: Rng) => string;

const MAKERS: Record<string, Maker> = {
  identity: (c, r) => `Identiteit vastgesteld met ${r.pick(ID_DOCS)}; geboren ${dutchDate(c.birthDate)}`,
  address: (c) => `Woonadres volgens BRP: ${c.street} ${c.houseNumber}, ${c.postcode.slice(0, 4)} ${c.postcode.slice(4)} ${c.city}`,
  contact: (c, r) =>
    c.phone
      ? `Bereikbaar op ${c.phone}${r.chance(0.5) ? ', bij voorkeur na 15.00 uur' : ''}`
      : c.email
        ? `Voorkeur voor contact per e-mail: ${c.email}`
        : r.pick(['Geen telefoon; contact via brief of huisbezoek', 'Contact via de dochter, met toestemming van de inwoner']),
  bsn: (c) => c.bsn,
  household_composition: (c) =>
    c.childAges.length === 0
      ? `Huishouden van ${c.householdSize} ${c.householdSize === 1 ? 'persoon' : 'personen'}, geen kinderen`
      : `Huishouden van ${c.householdSize} personen: ${c.adults} volwassene${c.adults === 1 ? '' : 'n'}, ${c.childAges.length} ${c.childAges.length === 1 ? 'kind' : 'kinderen'} (${c.childAges.join(', ')} jaar)`,
  case: (c, r) =>
    r.pick([
      `Keukentafelgesprek gevoerd op ${dutchDate(c.date)}; vervolgafspraak over vier weken`,
      `Telefonisch contact op ${dutchDate(c.date)}; afspraken bevestigd per brief`,
      `Huisbezoek op ${dutchDate(c.date)}; inwoner was goed voorbereid`,
      `Gespreksverslag ${dutchDate(c.date)}: doel en benodigde gegevens besproken, inwoner stemt in`,
    ]),
  plan: (_c, r) =>
    r.pick([
      'Afspraak in plan: elke twee weken overleg over de voortgang',
      'Afspraak in plan: inwoner levert bankafschriften van drie maanden aan',
      'Afspraak in plan: evaluatie na drie maanden met alle betrokkenen',
    ]),
  involvement: (_c, r) =>
    r.pick([
      'Mantelzorg door dochter, twee dagdelen per week',
      'Huisarts is op de hoogte van de aanvraag',
      'Buurvrouw doet wekelijks boodschappen',
      'School (mentor) is betrokken bij de aanpak van het verzuim',
    ]),
  income: (c, r) => {
    if (c.age >= 67) return `AOW en klein pensioen, ${euro(amount(r, 1450, 1900))} netto per maand`;
    return r.pick([
      `Bijstandsuitkering, ${euro(amount(r, 1290, 1340))} per maand`,
      `Loon uit dienstverband (32 uur), ${euro(amount(r, 1850, 2600))} netto per maand`,
      `WW-uitkering UWV, ${euro(amount(r, 1350, 1900))} per maand, loopt af over ${r.int(2, 9)} maanden`,
      `Wajong-uitkering, ${euro(amount(r, 1150, 1350))} per maand`,
      `Inkomsten uit uitzendwerk wisselend, gemiddeld ${euro(amount(r, 900, 1700))} per maand`,
    ]);
  },
  assets: (_c, r) =>
    r.pick([
      `Spaartegoed ${euro(amount(r, 100, 4000))}; geen eigen woning`,
      `Geen vermogen; auto (bouwjaar ${r.int(2004, 2015)}) met geringe waarde`,
      `Betaalrekening en spaarrekening samen ${euro(amount(r, 50, 1500))}`,
    ]),
  debts: (_c, r) =>
    r.pick([
      `Achterstand huur ${euro(amount(r, 600, 3200, 50))} bij Woonstichting Oosterveld Wonen`,
      `Schuld bij zorgverzekeraar ${euro(amount(r, 300, 1800))} (premieachterstand)`,
      `Terugvordering toeslagen ${euro(amount(r, 800, 6000, 50))} bij ${CREDITORS[4]}`,
      `Betalingsachterstand energie ${euro(amount(r, 300, 1200))} bij ${CREDITORS[1]}`,
      `Openstaande boetes ${euro(amount(r, 150, 900))} bij ${CREDITORS[5]}`,
      `Totale schuldenlast circa ${euro(amount(r, 4000, 28000, 500))} bij ${r.int(3, 12)} schuldeisers`,
    ]),
  payment_arrears: (_c, r) =>
    r.pick([
      `Signaal betalingsachterstand zorgpremie: ${r.int(2, 4)} maanden (${euro(amount(r, 250, 600))})`,
      `Signaal huurachterstand ${r.int(1, 3)} maanden via woningcorporatie`,
      `Signaal achterstand drinkwater ${euro(amount(r, 90, 300))}`,
      `Signaal achterstand energie ${euro(amount(r, 200, 700))}`,
    ]),
  work_education: (c, r) => {
    if (c.age < 18) return r.pick([`Leerling ${r.int(1, 4)} vmbo; ${r.int(6, 30)} uur ongeoorloofd verzuim dit schooljaar`, `Leerling ${r.int(1, 5)} havo; mentor signaleert concentratieproblemen`, `Groep ${r.int(3, 8)} basisschool; gaat graag naar school`]);
    return r.pick([
      'MBO-2 diploma logistiek; laatst werkzaam als orderpicker',
      'Geen startkwalificatie; werkervaring in de schoonmaak',
      'HBO-opleiding afgerond; sinds een jaar zonder werk',
      'Werkt 20 uur per week in de zorg; wil uitbreiden',
      'Volgt taalles (niveau A2) en een oriëntatietraject',
    ]);
  },
  housing: (_c, r) =>
    r.pick([
      'Huurwoning van Woonstichting Oosterveld Wonen; trap naar de slaapkamer is een probleem',
      'Eengezinswoning (huur), onderhoud in orde',
      'Bovenwoning zonder lift, tweede verdieping',
      'Koopwoning, hypotheek loopt nog 14 jaar',
      'Tijdelijk inwonend bij familie; ingeschreven als woningzoekende',
    ]),
  daily_functioning: (c, r) =>
    c.age >= 67
      ? r.pick(['Kan zelfstandig wassen en aankleden; zwaar huishoudelijk werk lukt niet meer', 'Boodschappen doen lukt niet zonder hulp; koken gaat nog', 'Vergeet afspraken; weekplanning helpt'])
      : r.pick(['Heeft moeite met dagstructuur en het bijhouden van de administratie', 'Zelfzorg in orde; het huishouden loopt achter', 'Komt nauwelijks de deur uit; weinig dagritme']),
  family_situation: (_c, r) =>
    r.pick([
      'Ouders gescheiden; kinderen wonen bij moeder, omgang met vader om het weekend',
      'Veel spanningen tussen ouders en oudste kind; ouders willen hulp bij opvoeding',
      'Samengesteld gezin sinds twee jaar; rolverdeling nog zoekende',
      'Moeder staat er alleen voor; grootouders helpen met oppas',
    ]),
  safety: (_c, r) =>
    r.pick([
      'Geen signalen van onveiligheid in het gezin',
      'Zorgen over spanningen thuis; geen acute onveiligheid',
      'Veiligheidsplan opgesteld met ouders; wekelijkse check',
    ]),
  care_needs: (c, r) =>
    c.task.startsWith('jeugd')
      ? r.pick(['Opvoedondersteuning nodig bij grenzen stellen', 'Begeleiding nodig bij dagstructuur en schoolgang'])
      : r.pick([
          'Hulp bij huishouden nodig na heupoperatie',
          'Begeleiding bij dagstructuur en administratie',
          'Ondersteuning nodig bij boodschappen en vervoer naar de dagbesteding',
          'Woningaanpassing nodig: traplift',
          'Respijtzorg voor de mantelzorger gewenst',
        ]),
  health_physical: (_c, r) =>
    r.pick(['Heupoperatie; revalidatie loopt', 'COPD, beperkt uithoudingsvermogen', 'Diabetes type 2; slechtziend', 'Chronische rugklachten, kan niet lang staan', 'Herstellende van een beroerte; rechterarm verminderd']),
  health_mental: (_c, r) =>
    r.pick(['Depressieve klachten, in behandeling bij de POH-GGZ', 'Burn-out klachten sinds het voorjaar', 'Angstklachten; behandeling bij GGZ gestart', 'Diagnose ADHD; medicatie via huisarts', 'Beginnende dementie volgens de huisarts']),
  addiction: (_c, r) =>
    r.pick(['Problematisch alcoholgebruik volgens eigen zeggen; staat open voor verslavingszorg', 'Gokproblematiek heeft bijgedragen aan de schulden', 'Dagelijks cannabisgebruik; wil minderen']),
  youth_care: (_c, r) =>
    r.pick(['Ambulante gezinsbegeleiding, 2 uur per week', 'Behandeling jeugd-GGZ (angst), 12 sessies', 'Dagbehandeling na school, drie middagen per week', 'Ouderschapsondersteuning via videohometraining']),
  care_record: (c, r) => {
    const day = dutchDate(c.date);
    if (c.task.startsWith('jeugd')) return r.pick([`Contact ${day}: gesprek met ouders over regels thuis; volgende keer met het kind erbij`, `Verslag ${day}: afspraken over schoolgang geëvalueerd; verzuim neemt af`]);
    if (c.task.startsWith('wgs')) return r.pick([`Verslag ${day}: samen post geopend en gesorteerd; twee rekeningen betaald`, `Voortgang ${day}: weekbudget opgesteld; vaste lasten automatisch betaald`]);
    if (c.task.startsWith('pw')) return r.pick([`Voortgang ${day}: sollicitatietraining afgerond; twee sollicitaties verstuurd`, `Verslag ${day}: werkervaringsplaats bevalt; aanwezigheid goed`]);
    return r.pick([`Begeleidingsgesprek ${day}: weekplanning doorgenomen; afspraken nagekomen`, `Voortgang ${day}: doel half bereikt; inzet ongewijzigd voortzetten`]);
  },
  religion: () => 'Halal maaltijden gewenst bij de maaltijdvoorziening',
  ethnicity: () => 'Tolk gewenst bij gesprekken',
  criminal: (_c, r) => r.pick(['HALT-afdoening in 2025 (vernieling)', 'Reclasseringstoezicht tot maart 2027', 'Politiecontact na melding huiselijk geweld (2026)']),
};

export function valueFor(category: string, ctx: ValueContext, rng: Rng): string {
  const make = MAKERS[category];
  return make ? make(ctx, rng) : `Gegevens (${category}) vastgelegd op ${dutchDate(ctx.date)}`;
}
