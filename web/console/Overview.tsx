/** The console's start page: what needs attention — proposals waiting for a second person, overdue access reviews, reports waiting for a sign-off, the log's integrity. */
import { useApi } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { PageTitle } from '../shared/layout.tsx';
import { AppLink } from '../shared/router.tsx';
import { Heading2, Paragraph } from '../shared/ui.tsx';
import type { Caps } from './App.tsx';
import type { IntegrityT, ProposalT, ReviewRowT, RunT } from './types.ts';
import { Badge, formatDateTime } from './ui.tsx';

export function Overview({ caps }: { caps: Caps }) {
  const { t } = useI18n();
  const may = (c: string) => caps.capabilities.includes(c);
  return (
    <>
      <PageTitle title={t('overviewTitle')}>{t('overviewTitle')}</PageTitle>
      <Paragraph lead>{t('overviewIntro')}</Paragraph>
      <div className="zv-grid">
        {may('policy.read') && <ProposalsTile />}
        {may('access_review.read') && <ReviewsTile />}
        {may('retention.read') && <RetentionTile />}
        {may('log.status') && <IntegrityTile />}
      </div>
    </>
  );
}

function Tile({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="zv-tile" aria-label={title}>
      <Heading2 className="utrecht-heading-3">{title}</Heading2>
      {children}
    </section>
  );
}

function ProposalsTile() {
  const { t } = useI18n();
  const r = useApi<{ proposals: ProposalT[] }>('/api/console/proposals?status=proposed');
  const n = r.state === 'ok' ? r.data.proposals.length : null;
  return (
    <Tile title={t('tileProposals')}>
      <Paragraph>{n === null ? t('loading') : t('tileProposalsText', { n: String(n) })}</Paragraph>
      <Paragraph>
        <AppLink href="/toezicht/regels">{t('toRules')}</AppLink>
      </Paragraph>
    </Tile>
  );
}

function ReviewsTile() {
  const { t } = useI18n();
  const r = useApi<{ professionals: ReviewRowT[] }>('/api/console/access-reviews');
  const overdue = r.state === 'ok' ? r.data.professionals.filter((p) => p.schedule.status === 'overdue').length : null;
  return (
    <Tile title={t('tileReviews')}>
      <Paragraph>
        {overdue === null ? t('loading') : t('tileReviewsText', { n: String(overdue) })} {overdue ? <Badge kind="danger">{t('status.overdue')}</Badge> : null}
      </Paragraph>
      <Paragraph>
        <AppLink href="/toezicht/toegangsreview">{t('toReviews')}</AppLink>
      </Paragraph>
    </Tile>
  );
}

function RetentionTile() {
  const { t } = useI18n();
  const r = useApi<{ runs: RunT[] }>('/api/console/retention/runs');
  const waiting = r.state === 'ok' ? r.data.runs.filter((x) => x.status === 'awaiting_sign_off').length : null;
  return (
    <Tile title={t('tileRetention')}>
      <Paragraph>{waiting === null ? t('loading') : t('tileRetentionText', { n: String(waiting) })}</Paragraph>
      <Paragraph>
        <AppLink href="/toezicht/bewaartermijnen">{t('toRetention')}</AppLink>
      </Paragraph>
    </Tile>
  );
}

function IntegrityTile() {
  const { t, lang } = useI18n();
  const r = useApi<IntegrityT>('/api/console/log/integrity');
  const v = r.state === 'ok' ? r.data.lastVerification : null;
  return (
    <Tile title={t('tileIntegrity')}>
      {r.state !== 'ok' ? (
        <Paragraph>{t('loading')}</Paragraph>
      ) : v ? (
        <Paragraph>
          {t('lastVerified', { at: formatDateTime(v.finishedAt, lang) })} <Badge kind={v.ok ? 'safe' : 'danger'}>{v.ok ? t('intact') : t('notIntact')}</Badge>
        </Paragraph>
      ) : (
        <Paragraph>{t('neverVerified')}</Paragraph>
      )}
      <Paragraph>
        <AppLink href="/toezicht/logboek/integriteit">{t('toIntegrity')}</AppLink>
      </Paragraph>
    </Tile>
  );
}
