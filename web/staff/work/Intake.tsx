/**
 * Intake (issue 5 item 1): register a help request. The BSN is looked up first; only when it is not
 * known here does the form ask for the resident's data, as the BRP has them.
 */
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { navigate } from '../../shared/router.tsx';
import { Paragraph } from '../../shared/ui.tsx';
import { useLabels, useReference } from './common.tsx';
import { Form, Outcome, Part, Radios, Select, Submit, TextArea, TextInput, useSend } from './ui.tsx';

export function IntakePage({ signalId }: { signalId: string | null }) {
  const { t } = useI18n();
  const ref = useReference();
  const labels = useLabels();
  const sent = useSend();
  const [bsn, setBsn] = useState('');
  const [domain, setDomain] = useState('');
  const [task, setTask] = useState('');
  const [summary, setSummary] = useState('');
  const [needResident, setNeedResident] = useState(false);
  const [r, setR] = useState({ givenNames: '', surnamePrefix: '', surname: '', birthDate: '', gender: '', street: '', houseNumber: '', postcode: '', city: '', phone: '' });
  const set = (k: keyof typeof r) => (v: string) => setR({ ...r, [k]: v });
  const tasks = ref.tasks.filter((x) => x.domain === domain);

  const submit = async () => {
    const body: Record<string, unknown> = { bsn: bsn.replace(/\s+/g, ''), domain, task, summary };
    if (signalId) body['signalId'] = signalId;
    if (needResident) {
      body['resident'] = {
        givenNames: r.givenNames,
        surnamePrefix: r.surnamePrefix || null,
        surname: r.surname,
        birthDate: r.birthDate,
        gender: r.gender,
        street: r.street || null,
        houseNumber: r.houseNumber ? Number(r.houseNumber) : null,
        postcode: r.postcode || null,
        city: r.city || null,
        phone: r.phone || null,
      };
    }
    const res = await sent.send<{ helpRequestId: string }>('POST', '/api/intake', body);
    if (res) navigate(`/werkplek/hulpvragen/${res.helpRequestId}/werk`);
  };
  if (sent.error === 'INTAKE.RESIDENT_DATA_REQUIRED' && !needResident) setNeedResident(true);

  return (
    <>
      <PageTitle title={t('intake.title')}>{t('intake.title')}</PageTitle>
      <Paragraph lead>{t('intake.intro')}</Paragraph>
      <Form onSubmit={submit} label={t('intake.title')}>
        <Part title={t('intake.request')} id="aanmelding">
          <TextInput label={t('field.bsn')} hint={t('intake.bsnHint')} value={bsn} onChange={setBsn} inputMode="numeric" maxLength={11} required />
          <Select label={t('field.domain')} value={domain} onChange={(v) => { setDomain(v); setTask(''); }} options={labels.options(ref.domains)} placeholder={t('choose')} required />
          <Select label={t('field.task')} hint={t('intake.taskHint')} value={task} onChange={setTask} options={labels.options(tasks)} placeholder={t('choose')} required />
          <TextArea label={t('field.summary')} hint={t('intake.summaryHint')} value={summary} onChange={setSummary} required />
        </Part>
        {needResident && (
          <Part title={t('intake.resident')} id="inwoner">
            <Paragraph>{t('intake.residentIntro')}</Paragraph>
            <TextInput label={t('field.givenNames')} value={r.givenNames} onChange={set('givenNames')} required autoComplete="off" />
            <TextInput label={t('field.surnamePrefix')} value={r.surnamePrefix} onChange={set('surnamePrefix')} />
            <TextInput label={t('field.surname')} value={r.surname} onChange={set('surname')} required />
            <TextInput label={t('field.birthDate')} type="date" value={r.birthDate} onChange={set('birthDate')} required />
            <Radios legend={t('field.gender')} value={r.gender} onChange={set('gender')} options={['V', 'M', 'X', 'O'].map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
            <TextInput label={t('field.street')} value={r.street} onChange={set('street')} />
            <TextInput label={t('field.houseNumber')} value={r.houseNumber} onChange={set('houseNumber')} inputMode="numeric" />
            <TextInput label={t('field.postcode')} value={r.postcode} onChange={set('postcode')} />
            <TextInput label={t('field.city')} value={r.city} onChange={set('city')} />
            <TextInput label={t('field.phone')} type="tel" value={r.phone} onChange={set('phone')} />
          </Part>
        )}
        <Outcome sent={sent} />
        <Submit busy={sent.busy}>{t('intake.submit')}</Submit>
      </Form>
    </>
  );
}
