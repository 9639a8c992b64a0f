/**
 * The professional's-work pages of the workspace (issue 5): which page a path shows, and the links in
 * the workspace navigation. App.tsx asks workRoute() first; null means "not one of ours".
 */
import type { ReactNode } from 'react';
import './work.css';
import { useI18n } from '../../shared/i18n.tsx';
import { AppLink, match } from '../../shared/router.tsx';
import { WithReference } from './common.tsx';
import { HelpRequestWorkPage } from './HelpRequestWork.tsx';
import { IntakePage } from './Intake.tsx';
import { ConsultationPage, InvoluntaryPage } from './Involuntary.tsx';
import { ConsultationsPage, CovenantsPage, NoticesPage } from './Network.tsx';
import { PlanPage } from './PlanPage.tsx';
import { SignalPage, SignalsPage } from './Signals.tsx';
import { StepPlanPage } from './StepPlan.tsx';

export function workRoute(path: string, query: URLSearchParams): ReactNode | null {
  let p: Record<string, string> | null;
  let page: ReactNode | null = null;
  if (path === '/werkplek/aanmelden') page = <IntakePage signalId={query.get('signaal')} />;
  else if ((p = match('/werkplek/hulpvragen/:id/werk', path))) page = <HelpRequestWorkPage id={p['id']!} />;
  else if ((p = match('/werkplek/stappenplannen/:id', path))) page = <StepPlanPage id={p['id']!} />;
  else if ((p = match('/werkplek/huishoudens/:id/plan', path))) page = <PlanPage householdId={p['id']!} />;
  else if ((p = match('/werkplek/onvrijwillig/:id', path))) page = <InvoluntaryPage id={p['id']!} />;
  else if ((p = match('/werkplek/consultaties/:id', path))) page = <ConsultationPage id={p['id']!} />;
  else if (path === '/werkplek/consultaties') page = <ConsultationsPage />;
  else if (path === '/werkplek/signalen') page = <SignalsPage />;
  else if ((p = match('/werkplek/signalen/:id', path))) page = <SignalPage id={p['id']!} />;
  else if (path === '/werkplek/betrokkenen') page = <NoticesPage />;
  else if (path === '/werkplek/convenanten') page = <CovenantsPage />;
  return page === null ? null : <WithReference key={path}>{page}</WithReference>;
}

const NAV = [
  ['/werkplek/aanmelden', 'nav.intake'],
  ['/werkplek/signalen', 'nav.signals'],
  ['/werkplek/betrokkenen', 'nav.notices'],
  ['/werkplek/consultaties', 'nav.consultations'],
  ['/werkplek/convenanten', 'nav.covenants'],
] as const;

export function WorkNav({ path }: { path: string }) {
  const { t } = useI18n();
  return (
    <>
      {NAV.map(([href, key]) => (
        <AppLink key={href} href={href} aria-current={path === href ? 'page' : undefined}>
          {t(key)}
        </AppLink>
      ))}
    </>
  );
}

/** Links from the existing household and help-request views to the work on them. */
export function HelpRequestWorkLink({ id }: { id: string }) {
  const { t } = useI18n();
  return <AppLink href={`/werkplek/hulpvragen/${encodeURIComponent(id)}/werk`}>{t('link.work')}</AppLink>;
}

export function HouseholdPlanLink({ id }: { id: string }) {
  const { t } = useI18n();
  return <AppLink href={`/werkplek/huishoudens/${encodeURIComponent(id)}/plan`}>{t('link.plan')}</AppLink>;
}
