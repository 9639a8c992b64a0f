/**
 * Early signals (issue 5 item 7; R7): own observations first; payment-arrears signals from automated
 * sources only with the reason for consulting them, and only contact details and the amount; contact
 * attempts and the outcome; the accountable professional.
 */
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { AppLink } from '../../shared/router.tsx';
import { Loaded } from '../../shared/states.tsx';
import { Heading3, Paragraph } from '../../shared/ui.tsx';
import { formatDate } from './common.tsx';
import type { Signal } from './types.ts';
import { Checkbox, Form, Outcome, Part, Radios, Select, Submit, TextArea, TextInput, today, useResource, useSend } from './ui.tsx';

const RESULTS = ['niet_opgepakt_herhaalde_melding', 'niet_opgepakt_onterecht_signaal', 'niet_opgepakt_andere_reden', 'al_bekend_bij_shv', 'definitief_geen_contact', 'hoeft_geen_hulp', 'zelf_al_geregeld', 'budgetadvies_quick_fix', 'vervolghulp_verwijzing_financieel'];
const ATTEMPTS = ['mail', 'brief', 'sms_whatsapp', 'telefoon', 'huisbezoek', 'kaartje', 'administratief', 'afspraak_op_locatie'];

export function SignalsPage() {
  const { t, lang } = useI18n();
  const list = useResource<{ signals: Signal[] }>('/api/signals');
  const settings = useResource<{ thresholdEuros: number }>('/api/signals/settings');
  return (
    <>
      <PageTitle title={t('signals.title')}>{t('signals.title')}</PageTitle>
      <Paragraph lead>{t('signals.intro')}</Paragraph>
      <Part title={t('signals.mine')} id="mijn-signalen">
        <Loaded result={list.result}>
          {(d) =>
            d.signals.length === 0 ? (
              <Paragraph>{t('signals.none')}</Paragraph>
            ) : (
              <ul className="utrecht-unordered-list">
                {d.signals.map((s) => (
                  <li className="utrecht-unordered-list__item" key={s.id}>
                    <AppLink href={`/werkplek/signalen/${s.id}`}>{s.contact.name}</AppLink> — {t(`signal.kind.${s.kind}`)}
                    {s.arrearsEuros !== null && <> · € {s.arrearsEuros.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 2 })}</>} · {t(`signal.status.${s.status}`)} · {formatDate(s.receivedAt, lang)}
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </Part>
      <ObservationForm onDone={list.reload} />
      <ArrearsForm onDone={list.reload} threshold={settings.result.state === 'ok' ? settings.result.data.thresholdEuros : null} />
    </>
  );
}

function ContactFields({ v, set }: { v: Record<string, string>; set(k: string, x: string): void }) {
  const { t } = useI18n();
  return (
    <>
      <TextInput label={t('signal.name')} value={v['name'] ?? ''} onChange={(x) => set('name', x)} required />
      <TextInput label={t('field.street')} value={v['street'] ?? ''} onChange={(x) => set('street', x)} />
      <TextInput label={t('field.houseNumber')} value={v['houseNumber'] ?? ''} onChange={(x) => set('houseNumber', x)} inputMode="numeric" />
      <TextInput label={t('field.postcode')} value={v['postcode'] ?? ''} onChange={(x) => set('postcode', x)} />
      <TextInput label={t('field.city')} value={v['city'] ?? ''} onChange={(x) => set('city', x)} />
      <TextInput label={t('field.phone')} type="tel" value={v['phone'] ?? ''} onChange={(x) => set('phone', x)} />
    </>
  );
}

function contactBody(v: Record<string, string>) {
  return { name: v['name'] ?? '', street: v['street'] || null, houseNumber: v['houseNumber'] ? Number(v['houseNumber']) : null, postcode: v['postcode'] || null, city: v['city'] || null, phone: v['phone'] || null };
}

function ObservationForm({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const sent = useSend();
  const [v, setV] = useState<Record<string, string>>({});
  const [observation, setObservation] = useState('');
  return (
    <Part title={t('signals.observation')} id="waarneming">
      <Paragraph>{t('signals.observationIntro')}</Paragraph>
      <Form onSubmit={async () => { if (await sent.send('POST', '/api/signals/observations', { contact: contactBody(v), observation }, t('signals.recorded'))) { setObservation(''); onDone(); } }} label={t('signals.observation')}>
        <ContactFields v={v} set={(k, x) => setV({ ...v, [k]: x })} />
        <TextArea label={t('signals.observationText')} value={observation} onChange={setObservation} required />
        <Outcome sent={sent} />
        <Submit busy={sent.busy}>{t('signals.recordObservation')}</Submit>
      </Form>
    </Part>
  );
}

function ArrearsForm({ onDone, threshold }: { onDone(): void; threshold: number | null }) {
  const { t } = useI18n();
  const sent = useSend();
  const [reason, setReason] = useState('');
  const [creditorKind, setCreditorKind] = useState('housing');
  const [creditorName, setCreditorName] = useState('');
  const [amount, setAmount] = useState('');
  const [since, setSince] = useState('');
  const [v, setV] = useState<Record<string, string>>({});
  const submit = async () => {
    const body = { consultReason: reason, signals: [{ creditorKind, creditorName, arrearsAmount: Number(amount.replace(',', '.')), arrearsSince: since, contact: contactBody(v) }] };
    const r = await sent.send<{ dropped: number }>('POST', '/api/signals/payment-arrears', body, t('signals.received'));
    if (r) onDone();
  };
  return (
    <Part title={t('signals.arrears')} id="betalingsachterstand">
      <Paragraph>{t('signals.arrearsIntro', { threshold: threshold === null ? '—' : String(threshold) })}</Paragraph>
      <Form onSubmit={submit} label={t('signals.arrears')}>
        <TextArea label={t('signals.consultReason')} hint={t('signals.consultReasonHint')} value={reason} onChange={setReason} required />
        <Radios legend={t('signals.creditorKind')} value={creditorKind} onChange={setCreditorKind} options={['housing', 'energy', 'water', 'health_insurer'].map((k) => ({ value: k, label: t(`creditor.${k}`) }))} />
        <TextInput label={t('signals.creditorName')} value={creditorName} onChange={setCreditorName} required />
        <TextInput label={t('signals.amount')} value={amount} onChange={setAmount} inputMode="decimal" required />
        <TextInput label={t('signals.since')} type="date" value={since} onChange={setSince} required />
        <ContactFields v={v} set={(k, x) => setV({ ...v, [k]: x })} />
        <Outcome sent={sent} />
        <Submit busy={sent.busy}>{t('signals.receive')}</Submit>
      </Form>
    </Part>
  );
}

export function SignalPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const s = useResource<Signal>(`/api/signals/${encodeURIComponent(id)}`);
  return (
    <>
      <PageTitle title={t('signal.title')}>{t('signal.title')}</PageTitle>
      <Loaded result={s.result}>
        {(x) => (
          <>
            <Paragraph lead>
              {x.contact.name} — {t(`signal.kind.${x.kind}`)} · {t(`signal.status.${x.status}`)}
            </Paragraph>
            <Paragraph>
              <AppLink href="/werkplek/signalen">{t('signal.back')}</AppLink>
            </Paragraph>
            <Part title={t('signal.what')} id="signaal">
              {x.creditor && <Paragraph>{t('signal.arrears', { creditor: x.creditor.name ?? t(`creditor.${x.creditor.kind}`), amount: String(x.arrearsEuros ?? ''), since: formatDate(x.arrearsSince, lang) })}</Paragraph>}
              {x.observation && <Paragraph>{x.observation}</Paragraph>}
              {x.consultReason && <Paragraph>{t('signal.consultReason', { reason: x.consultReason })}</Paragraph>}
              <Paragraph>{[x.contact.street, x.contact.houseNumber, x.contact.postcode, x.contact.city, x.contact.phone].filter(Boolean).join(' ')}</Paragraph>
              <Paragraph>{t('signal.accountable', { name: x.accountable.name })}</Paragraph>
              {x.result && <Paragraph>{t('signal.result', { result: t(`result.${x.result}`), note: x.resultNote ?? '' })}</Paragraph>}
            </Part>
            <Part title={t('signal.attempts')} id="contactpogingen">
              {x.contactAttempts.length === 0 ? (
                <Paragraph>{t('signal.noAttempts')}</Paragraph>
              ) : (
                <ul className="utrecht-unordered-list">
                  {x.contactAttempts.map((a) => (
                    <li className="utrecht-unordered-list__item" key={a.id}>
                      {formatDate(a.on, lang)} {a.dayPart ? `(${t(`dayPart.${a.dayPart}`)})` : ''}: {t(`attempt.${a.kind}`)} — {a.reached ? t('signal.reached') : t('signal.notReached')}
                    </li>
                  ))}
                </ul>
              )}
              {x.status !== 'closed' && <AttemptForm s={x} onDone={s.reload} />}
            </Part>
            {x.status !== 'closed' && (
              <Part title={t('signal.close')} id="afsluiten">
                <Paragraph>
                  <AppLink href={`/werkplek/aanmelden?signaal=${x.id}`}>{t('signal.toIntake')}</AppLink>
                </Paragraph>
                <CloseForm s={x} onDone={s.reload} />
              </Part>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}

function AttemptForm({ s, onDone }: { s: Signal; onDone(): void }) {
  const { t } = useI18n();
  const sent = useSend();
  const [kind, setKind] = useState('telefoon');
  const [reached, setReached] = useState(false);
  const [dayPart, setDayPart] = useState('');
  const [on, setOn] = useState(today());
  return (
    <Form onSubmit={async () => { if (await sent.send('POST', `/api/signals/${s.id}/contact-attempts`, { version: s.version, kind, reached, dayPart: dayPart || null, on }, t('signal.attemptRecorded'))) onDone(); }} label={t('signal.addAttempt')}>
      <Heading3>{t('signal.addAttempt')}</Heading3>
      <Select label={t('signal.attemptKind')} value={kind} onChange={setKind} options={ATTEMPTS.map((k) => ({ value: k, label: t(`attempt.${k}`) }))} />
      <TextInput label={t('signal.on')} type="date" value={on} onChange={setOn} required />
      <Select label={t('signal.dayPart')} value={dayPart} onChange={setDayPart} options={['ochtend', 'middag', 'avond'].map((d) => ({ value: d, label: t(`dayPart.${d}`) }))} placeholder={t('signal.noDayPart')} />
      <Checkbox label={t('signal.reachedLabel')} checked={reached} onChange={setReached} />
      <Outcome sent={sent} />
      <Submit busy={sent.busy}>{t('signal.addAttempt')}</Submit>
    </Form>
  );
}

function CloseForm({ s, onDone }: { s: Signal; onDone(): void }) {
  const { t } = useI18n();
  const sent = useSend();
  const [result, setResult] = useState('');
  const [note, setNote] = useState('');
  const [discussed, setDiscussed] = useState(false);
  return (
    <Form onSubmit={async () => { if (await sent.send('POST', `/api/signals/${s.id}/close`, { version: s.version, result, note, discussedWithResident: discussed }, t('signal.closed'))) onDone(); }} label={t('signal.close')}>
      <Select label={t('signal.resultLabel')} value={result} onChange={setResult} options={RESULTS.map((r) => ({ value: r, label: t(`result.${r}`) }))} placeholder={t('choose')} required />
      <TextArea label={t('signal.note')} value={note} onChange={setNote} required rows={2} />
      <Checkbox label={t('signal.discussed')} checked={discussed} onChange={setDiscussed} />
      <Outcome sent={sent} />
      <Submit busy={sent.busy}>{t('signal.close')}</Submit>
    </Form>
  );
}
