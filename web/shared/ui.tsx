/**
 * NL Design System building blocks. Components that have their own small React package come from
 * it (@utrecht/button-react, link-react, textbox-react, form-field-react, form-label-react); the rest
 * are the Utrecht CSS classes on plain elements, which is what those components render anyway. The
 * @utrecht/component-library-react barrel is not imported: it does not tree-shake (stack.md gotcha 16).
 */
import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';

export { Button } from '@utrecht/button-react';
export { Link } from '@utrecht/link-react';
export { Textbox } from '@utrecht/textbox-react';
export { FormField } from '@utrecht/form-field-react';
export { FormLabel } from '@utrecht/form-label-react';

type Props = HTMLAttributes<HTMLElement> & { children?: ReactNode };

function cx(...names: Array<string | false | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/** The page's one h1; it takes focus after a client-side navigation (tabIndex -1). */
export const Heading1 = forwardRef<HTMLHeadingElement, Props>(({ className, ...p }, ref) => (
  <h1 ref={ref} tabIndex={-1} className={cx('utrecht-heading-1', className)} {...p} />
));
Heading1.displayName = 'Heading1';

export const Heading2 = ({ className, ...p }: Props) => <h2 className={cx('utrecht-heading-2', className)} {...p} />;
export const Heading3 = ({ className, ...p }: Props) => <h3 className={cx('utrecht-heading-3', className)} {...p} />;
export const Paragraph = ({ className, lead, ...p }: Props & { lead?: boolean }) => (
  <p className={cx('utrecht-paragraph', lead && 'utrecht-paragraph--lead', className)} {...p} />
);

export function Alert({ type = 'info', children, live = false }: { type?: 'info' | 'ok' | 'warning' | 'error'; children: ReactNode; live?: boolean }) {
  // role=alert only for things that just happened (a failed sign-in); steady notices are plain text.
  return (
    <div className={`utrecht-alert utrecht-alert--${type}`} role={live ? 'alert' : undefined}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

export function ButtonLink({ href, children, appearance = 'primary-action' }: { href: string; children: ReactNode; appearance?: 'primary-action' | 'secondary-action' }) {
  return (
    <a href={href} className={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${appearance}`}>
      {children}
    </a>
  );
}

export function UnorderedList({ children, className }: { children: ReactNode; className?: string }) {
  return <ul className={cx('utrecht-unordered-list', className)}>{children}</ul>;
}

export function ListItem({ children }: { children: ReactNode }) {
  return <li className="utrecht-unordered-list__item">{children}</li>;
}

export function SpotlightSection({ children, type = 'info' }: { children: ReactNode; type?: 'info' | 'warning' }) {
  return <section className={`utrecht-spotlight-section utrecht-spotlight-section--${type}`}>{children}</section>;
}
