/**
 * Rights and duties of residents, in plain language (B1), with the article each sentence rests on in
 * small print: AVG (GDPR) art. 7, 12, 15–17, 21 and 77; Wmo 2015 art. 2.3.8 and Participatiewet
 * art. 17 (the duty to inform); Awb art. 6:7 (objection period), 9:11 and 9:14 (complaint handling)
 * and chapter 9.2 (the ombudsman).
 */
import { useEffect } from 'react';
import { apiSend } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { PageTitle } from '../shared/layout.tsx';
import { AppLink } from '../shared/router.tsx';
import { Heading2, Heading3, Link, Paragraph } from '../shared/ui.tsx';

interface Block {
  id: string;
  heading: string;
  text: string[];
  source?: string;
}

interface Content {
  title: string;
  intro: string;
  rightsHeading: string;
  rights: Block[];
  dutiesHeading: string;
  duties: Block[];
  complainHeading: string;
  complainIntro: string;
  steps: string[];
  complainSource: string;
  complainNow: string;
  objection: Block;
  back: string;
  start: string;
}

const NL: Content = {
  title: 'Uw rechten en plichten',
  intro: 'De gemeente gebruikt uw gegevens om u en uw huishouden te helpen. Daarvoor gelden regels. Hier leest u wat u mag vragen, wat wij van u vragen, en wat u kunt doen als u het ergens niet mee eens bent.',
  rightsHeading: 'Wat u mag vragen',
  rights: [
    {
      id: 'inzage',
      heading: 'Zien welke gegevens wij van u hebben',
      text: [
        'U mag vragen welke gegevens wij van u hebben, waarvoor wij ze gebruiken en met wie wij ze delen.',
        'In Mijn gegevens ziet u ook wie uw gegevens heeft bekeken. U krijgt binnen een maand antwoord op uw vraag.',
      ],
      source: 'AVG artikel 15 en artikel 12 lid 3',
    },
    {
      id: 'verbeteren',
      heading: 'Fouten laten verbeteren',
      text: ['Klopt er iets niet in uw gegevens? Dan mag u vragen om het te verbeteren of aan te vullen.'],
      source: 'AVG artikel 16',
    },
    {
      id: 'verwijderen',
      heading: 'Gegevens laten verwijderen',
      text: [
        'U mag vragen om gegevens te verwijderen die wij niet meer nodig hebben.',
        'Soms moeten wij gegevens bewaren, omdat de wet dat zegt. Dan leggen wij uit waarom.',
      ],
      source: 'AVG artikel 17',
    },
    {
      id: 'bezwaar-gebruik',
      heading: 'Bezwaar maken tegen het gebruik van uw gegevens',
      text: ['Vindt u dat wij uw gegevens niet zo mogen gebruiken? Zeg het ons. Wij kijken dan opnieuw of het mag, en stoppen als het niet mag.'],
      source: 'AVG artikel 21',
    },
    {
      id: 'toestemming',
      heading: 'Toestemming intrekken',
      text: ['Hebt u toestemming gegeven om gegevens te delen met een andere organisatie? Dan mag u die toestemming altijd weer intrekken. Wat al gedeeld is, blijft wel gedeeld.'],
      source: 'AVG artikel 7 lid 3',
    },
  ],
  dutiesHeading: 'Wat wij van u vragen',
  duties: [
    {
      id: 'informatie',
      heading: 'Juiste informatie geven',
      text: [
        'Geef ons de informatie die nodig is om te bepalen welke hulp of uitkering u krijgt.',
        'Vertel het ons zelf als er iets verandert, bijvoorbeeld uw inkomen, uw adres of wie er bij u woont.',
        'Geeft u verkeerde of te weinig informatie? Dan kan de gemeente de hulp of uitkering stoppen of geld terugvragen.',
      ],
      source: 'Wmo 2015 artikel 2.3.8; Participatiewet artikel 17',
    },
  ],
  complainHeading: 'Een klacht indienen',
  complainIntro: 'Bent u niet tevreden over hoe wij met u of met uw gegevens omgaan? Dan kunt u een klacht indienen. Dat kost niets.',
  steps: [
    'Praat eerst met uw wijkcoach of consulent. Vaak lossen we het samen snel op.',
    'Lukt dat niet? Dien dan een klacht in bij de gemeente. Een onafhankelijke klachtencommissie bekijkt uw klacht. U krijgt binnen 6 weken antwoord, of binnen 10 weken als de klachtencommissie eerst advies geeft.',
    'Gaat uw klacht over uw gegevens? Dan kijkt ook de functionaris gegevensbescherming van de gemeente mee.',
    'Bent u niet tevreden over het antwoord? Dan kunt u naar de ombudsman. Gaat het over uw privacy? Dan kunt u ook een klacht indienen bij de Autoriteit Persoonsgegevens.',
  ],
  complainSource: 'Algemene wet bestuursrecht artikel 9:11, 9:14 en hoofdstuk 9.2; AVG artikel 77',
  complainNow: 'Een klacht indienen over uw gegevens',
  objection: {
    id: 'bezwaar-besluit',
    heading: 'Het niet eens met een besluit?',
    text: [
      'Bent u het niet eens met een besluit van de gemeente, bijvoorbeeld over uw hulp of uw uitkering? Dan kunt u bezwaar maken. Dat is iets anders dan een klacht.',
      'Maak binnen 6 weken bezwaar. In de brief met het besluit staat hoe dat moet.',
    ],
    source: 'Algemene wet bestuursrecht artikel 6:7',
  },
  back: 'Terug naar Mijn gegevens',
  start: 'Naar de startpagina',
};

const EN: Content = {
  title: 'Your rights and duties',
  intro: 'The municipality uses your data to help you and your household. There are rules for this. Here you read what you may ask, what we ask of you, and what you can do if you disagree.',
  rightsHeading: 'What you may ask',
  rights: [
    {
      id: 'inzage',
      heading: 'See which data we hold about you',
      text: [
        'You may ask which data we hold about you, what we use it for and with whom we share it.',
        'In My data you also see who viewed your data. You get an answer to your request within one month.',
      ],
      source: 'GDPR article 15 and article 12(3)',
    },
    {
      id: 'verbeteren',
      heading: 'Have mistakes corrected',
      text: ['Is something wrong in your data? You may ask us to correct or complete it.'],
      source: 'GDPR article 16',
    },
    {
      id: 'verwijderen',
      heading: 'Have data erased',
      text: ['You may ask us to erase data we no longer need.', 'Sometimes the law says we must keep data. We will then explain why.'],
      source: 'GDPR article 17',
    },
    {
      id: 'bezwaar-gebruik',
      heading: 'Object to the use of your data',
      text: ['Do you think we may not use your data this way? Tell us. We will check again whether it is allowed, and stop if it is not.'],
      source: 'GDPR article 21',
    },
    {
      id: 'toestemming',
      heading: 'Withdraw consent',
      text: ['Did you give consent to share data with another organisation? You may withdraw it at any time. What has already been shared stays shared.'],
      source: 'GDPR article 7(3)',
    },
  ],
  dutiesHeading: 'What we ask of you',
  duties: [
    {
      id: 'informatie',
      heading: 'Give correct information',
      text: [
        'Give us the information needed to decide which help or benefit you get.',
        'Tell us yourself when something changes, for example your income, your address or who lives with you.',
        'If you give wrong or too little information, the municipality can stop the help or benefit, or ask for money back.',
      ],
      source: 'Wmo 2015 article 2.3.8; Participatiewet article 17',
    },
  ],
  complainHeading: 'Filing a complaint',
  complainIntro: 'Are you unhappy with how we treat you or your data? You can file a complaint. It costs nothing.',
  steps: [
    'First talk to your neighbourhood coach or consultant. Often we can solve it together quickly.',
    'If that does not work, file a complaint with the municipality. An independent complaints committee looks at your complaint. You get an answer within 6 weeks, or within 10 weeks if the committee advises first.',
    "If your complaint is about your data, the municipality's data protection officer looks at it as well.",
    'Not happy with the answer? You can go to the ombudsman. If it is about your privacy, you can also complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',
  ],
  complainSource: 'General Administrative Law Act (Awb) articles 9:11, 9:14 and chapter 9.2; GDPR article 77',
  complainNow: 'File a complaint about your data',
  objection: {
    id: 'bezwaar-besluit',
    heading: 'Disagree with a decision?',
    text: [
      'Do you disagree with a decision of the municipality, for example about your help or your benefit? You can lodge an objection. That is different from a complaint.',
      'Lodge your objection within 6 weeks. The letter with the decision explains how.',
    ],
    source: 'General Administrative Law Act (Awb) article 6:7',
  },
  back: 'Back to My data',
  start: 'Go to the start page',
};

function BlockView({ block, level = 2 }: { block: Block; level?: 2 | 3 }) {
  const H = level === 2 ? Heading2 : Heading3;
  return (
    <section className="zv-section" aria-labelledby={block.id}>
      <H id={block.id}>{block.heading}</H>
      {block.text.map((p) => (
        <Paragraph key={p}>{p}</Paragraph>
      ))}
      {block.source && <Paragraph className="zv-code">{block.source}</Paragraph>}
    </section>
  );
}

export function Rights({ signedIn }: { signedIn: boolean }) {
  const { lang } = useI18n();
  useEffect(() => {
    // R5.1: a signed-in resident who reads this page has been shown their rights and duties.
    if (signedIn) void apiSend('POST', '/api/mijn/rights-notice').catch(() => {});
  }, [signedIn]);
  const c = lang === 'en' ? EN : NL;
  return (
    <>
      <PageTitle title={c.title}>{c.title}</PageTitle>
      <Paragraph lead>{c.intro}</Paragraph>
      <nav aria-label={c.title}>
        <ul className="utrecht-unordered-list">
          {[c.rightsHeading, c.dutiesHeading, c.complainHeading, c.objection.heading].map((h, i) => (
            <li key={h} className="utrecht-unordered-list__item">
              <Link href={`#${['rechten', 'plichten', 'klacht', c.objection.id][i]}`}>{h}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="rechten">
        <h2 className="utrecht-heading-2" id="rechten">
          {c.rightsHeading}
        </h2>
        {c.rights.map((b) => (
          <BlockView key={b.id} level={3} block={{ ...b, id: `recht-${b.id}` }} />
        ))}
      </section>
      <section aria-labelledby="plichten">
        <h2 className="utrecht-heading-2" id="plichten">
          {c.dutiesHeading}
        </h2>
        {c.duties.map((b) => (
          <BlockView key={b.id} level={3} block={{ ...b, id: `plicht-${b.id}` }} />
        ))}
      </section>
      <section aria-labelledby="klacht" className="zv-section">
        <h2 className="utrecht-heading-2" id="klacht">
          {c.complainHeading}
        </h2>
        <Paragraph>{c.complainIntro}</Paragraph>
        <ol className="utrecht-ordered-list">
          {c.steps.map((s) => (
            <li key={s} className="utrecht-ordered-list__item">
              {s}
            </li>
          ))}
        </ol>
        <Paragraph className="zv-code">{c.complainSource}</Paragraph>
        {signedIn && (
          <Paragraph>
            <AppLink href="/mijn/klachten/nieuw" className="utrecht-link zv-action-link">
              {c.complainNow}
            </AppLink>
          </Paragraph>
        )}
      </section>
      <BlockView block={c.objection} />
      <Paragraph>{signedIn ? <AppLink href="/mijn">{c.back}</AppLink> : <Link href="/">{c.start}</Link>}</Paragraph>
    </>
  );
}
