/**
 * The development IdP's sign-in page: pick a demo persona, no password. Dutch, plain language,
 * keyboard accessible (one button per persona, visible focus from the Utrecht theme), landmarks and
 * a skip link; styled with the same NL Design System CSS as the apps.
 */
import type { Persona } from '../core/demo/personas.ts';
import type { ClientKind } from './accounts.ts';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function pickPersonaPage(uid: string, kind: ClientKind, personas: Persona[], error?: string): string {
  const title = kind === 'staff' ? 'Inloggen als medewerker' : 'Inloggen met DigiD (demo)';
  const intro =
    kind === 'staff'
      ? 'Kies met welke demo-medewerker u wilt inloggen. U hoeft geen wachtwoord in te vullen.'
      : 'Kies met welke demo-inwoner u wilt inloggen. Dit is een nagemaakte DigiD: u hoeft geen wachtwoord in te vullen.';
  const items = personas
    .map((p) => {
      const id = `persona-${esc(p.key)}`;
      const meta = [p.functionTitle, p.organisationName].filter(Boolean).map((v) => esc(v!)).join(' · ');
      return `
        <li class="zv-persona">
          <form method="post" action="/interaction/${esc(uid)}/login">
            <input type="hidden" name="persona" value="${esc(p.key)}">
            <button type="submit" class="utrecht-button utrecht-button--primary-action" aria-describedby="${id}-uitleg" data-persona="${esc(p.key)}">${esc(p.displayName)}</button>
          </form>
          <p class="utrecht-paragraph" id="${id}-uitleg">${meta ? `<strong>${meta}</strong><br>` : ''}${esc(p.description.nl)}</p>
        </li>`;
    })
    .join('');
  return layout(
    title,
    `    <p class="utrecht-paragraph">${intro}</p>
    ${error ? `<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">${esc(error)}</p></div>` : ''}
    <ul class="zv-personas" aria-label="Demopersonen">${items}
    </ul>
    <form method="post" action="/interaction/${esc(uid)}/abort">
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">Annuleren</button>
    </form>`,
  );
}

/** The page around a title and its main content: NL Design System CSS, skip link, the dev-only banner. */
function layout(title: string, main: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} — ontwikkel-inlogdienst Zorgvuldig</title>
  <link rel="stylesheet" href="/static/noto/index.css">
  <link rel="stylesheet" href="/static/tokens.css">
  <link rel="stylesheet" href="/static/utrecht.css">
  <link rel="stylesheet" href="/static/idp.css">
</head>
<body class="utrecht-theme utrecht-document">
  <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">Naar de inhoud</a>
  <header class="zv-idp-header"><p class="utrecht-paragraph"><strong>Ontwikkel-inlogdienst</strong> — alleen voor ontwikkeling en demonstratie, nooit in productie</p></header>
  <main id="inhoud" class="zv-idp-main">
    <h1 class="utrecht-heading-1">${title}</h1>
${main}
  </main>
</body>
</html>`;
}

/**
 * Sign out at the IdP too (RP-initiated logout). `form` is oidc-provider's own form (its id
 * `op.logoutForm`, with the token that guards it); the buttons submit it, as the provider expects.
 */
export function signOutPage(form: string): string {
  return layout(
    'Ook uitloggen bij de inlogdienst?',
    `    <p class="utrecht-paragraph">U bent uitgelogd bij Zorgvuldig. Log ook uit bij de inlogdienst, zeker op een computer die u met anderen deelt: dan kan niemand na u zonder in te loggen verder.</p>
    ${form}
    <p class="zv-idp-actions">
      <button type="submit" form="op.logoutForm" name="logout" value="yes" class="utrecht-button utrecht-button--primary-action">Ja, ook hier uitloggen</button>
      <button type="submit" form="op.logoutForm" class="utrecht-button utrecht-button--secondary-action">Nee, ingelogd blijven bij de inlogdienst</button>
    </p>`,
  );
}

/** Shown when the IdP's sign-out came without a way back to the app. */
export function signedOutPage(): string {
  return layout('U bent uitgelogd', '    <p class="utrecht-paragraph">U bent uitgelogd bij de inlogdienst. U kunt dit venster sluiten.</p>');
}

export const IDP_CSS = `
.zv-idp-header { background: var(--utrecht-color-grey-90, #f3f3f3); padding: 0.75rem 1rem; }
.zv-idp-main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
.zv-personas { list-style: none; padding: 0; margin: 1.5rem 0; display: grid; gap: 1rem; }
.zv-persona { border: 1px solid #8c8c8c; border-radius: 4px; padding: 1rem; }
.zv-persona p { margin-block-start: 0.5rem; margin-block-end: 0; }
.zv-idp-actions { display: flex; flex-wrap: wrap; gap: 1rem; margin-block-start: 1.5rem; }
`;
