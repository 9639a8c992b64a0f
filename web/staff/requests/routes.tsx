/**
 * The staff pages of issue 6: which page a path shows, and the navigation links each role gets. App.tsx
 * asks requestsRoute() before "not found"; null means "not one of ours". A link is only a convenience:
 * the API refuses a role that may not see a queue, and the gate decides every record.
 */
import type { ReactNode } from 'react';
import type { Me } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { AppLink, match } from '../../shared/router.tsx';
import { RequestsI18n } from './common.tsx';
import { ComplaintPage, ComplaintQueuePage } from './ComplaintQueue.tsx';
import { RestrictionsPage } from './Restrictions.tsx';
import { RightsQueuePage, RightsRequestPage } from './RightsQueue.tsx';
import { REQUESTS } from './strings.ts';
import './requests.css';

export function requestsRoute(path: string, query: URLSearchParams, me: Me): ReactNode | null {
  let p: Record<string, string> | null;
  let page: ReactNode | null = null;
  const filter = query.get('filter') ?? 'open';
  if (path === '/werkplek/verzoeken') page = <RightsQueuePage me={me} filter={filter} />;
  else if ((p = match('/werkplek/verzoeken/:id', path))) page = <RightsRequestPage me={me} id={p['id']!} />;
  else if (path === '/werkplek/klachten') page = <ComplaintQueuePage filter={filter} />;
  else if ((p = match('/werkplek/klachten/:id', path))) page = <ComplaintPage id={p['id']!} />;
  else if (path === '/werkplek/beperkingen') page = <RestrictionsPage />;
  return page === null ? null : <RequestsI18n key={`${path}?${filter}`}>{page}</RequestsI18n>;
}

/** Navigation links by role: the rights queue, the complaints queue, and (for professionals) restrictions. */
export function RequestsNav({ path, me }: { path: string; me: Me }) {
  const { lang } = useI18n();
  const words = REQUESTS[lang] ?? REQUESTS.nl;
  const roles = me.actor.roles;
  const links: Array<[string, string]> = [];
  if (roles.includes('functional_admin') || roles.includes('privacy_officer')) links.push(['/werkplek/verzoeken', words['rq.navRights']!]);
  if (roles.includes('complaints_commissioner')) links.push(['/werkplek/klachten', words['rq.navComplaints']!]);
  if (roles.includes('professional') || roles.includes('chain_partner')) links.push(['/werkplek/beperkingen', words['rq.navRestrictions']!]);
  return (
    <>
      {links.map(([href, text]) => (
        <AppLink key={href} href={href} aria-current={path === href || path.startsWith(`${href}/`) ? 'page' : undefined}>
          {text}
        </AppLink>
      ))}
    </>
  );
}
