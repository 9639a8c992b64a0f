/** Loading, empty, not found, no access and error: the same words and look everywhere. */
import type { ReactNode } from 'react';
import type { Loadable } from './api.ts';
import { useI18n } from './i18n.tsx';
import { Alert, Heading2, Paragraph } from './ui.tsx';

export function Loaded<T>({ result, children }: { result: Loadable<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (result.state === 'loading') {
    return (
      <Paragraph role="status" className="zv-loading">
        {t('loading')}
      </Paragraph>
    );
  }
  if (result.state === 'ok') return <>{children(result.data)}</>;
  // The endpoint itself does not exist (yet): say so plainly instead of "not found".
  if (result.code === 'ROUTE.NOT_FOUND') return <Alert type="info">{<Paragraph>{t('notYet')}</Paragraph>}</Alert>;
  if (result.status === 404) {
    return (
      <Alert type="warning">
        <Heading2>{t('notFound')}</Heading2>
        <Paragraph>{t('notFoundText')}</Paragraph>
      </Alert>
    );
  }
  if (result.status === 403) {
    return (
      <Alert type="warning">
        <Heading2>{t('forbidden')}</Heading2>
        <Paragraph>{t('forbiddenText')}</Paragraph>
        <Paragraph className="zv-code">{t('errorCode', { code: result.code })}</Paragraph>
      </Alert>
    );
  }
  return (
    <Alert type="error">
      <Heading2>{t('error')}</Heading2>
      <Paragraph>{t('errorText')}</Paragraph>
      <Paragraph className="zv-code">{t('errorCode', { code: result.code })}</Paragraph>
    </Alert>
  );
}
