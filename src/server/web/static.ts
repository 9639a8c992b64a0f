/**
 * Serves the Vite build (dist/): the public start page at /, the staff workspace at /werkplek and the
 * residents' portal at /mijn, each a single-page app with its own fallback (any path below the app
 * gets the app's index.html). Hashed assets are served from /assets/ as immutable files.
 *
 * Page guard: the workspace is for professionals and the portal for residents. A page request
 * without a session goes to sign-in (back to the requested page afterwards); an expired session goes
 * to the start page with a notice (/?sessie=verlopen); the wrong kind of actor goes to its own app.
 * /mijn/rechten (rights and duties, no personal data) is open to everybody.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../http/errors.ts';
import { CONSOLE_ROLES } from '../../core/accountability/capabilities.ts';

export const DIST_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../dist');

/** The console's training page: every professional may practise there (issue 7 item 7). */
const TRAINING_PAGE = '/toezicht/oefenen';

/** Pages of the portal that need no sign-in (no personal data on them). */
const PUBLIC_PORTAL_PAGES = new Set(['/mijn/rechten']);

type Page = 'start' | 'staff' | 'portal' | 'console';
const PAGE_FILE: Record<Page, string> = { start: 'index.html', staff: 'staff/index.html', portal: 'portal/index.html', console: 'console/index.html' };

export interface WebOptions {
  distDir?: string;
}

export async function registerWeb(app: FastifyInstance, opts: WebOptions = {}): Promise<void> {
  const dist = opts.distDir ?? DIST_DIR;
  const assets = join(dist, 'assets');
  if (existsSync(assets)) {
    await app.register(fastifyStatic, { root: assets, prefix: '/assets/', index: false, wildcard: true, decorateReply: false });
  }

  const sendPage = async (reply: FastifyReply, page: Page) => {
    let html: string;
    try {
      html = await readFile(join(dist, PAGE_FILE[page]), 'utf8');
    } catch {
      // The API works without the web build (npm start builds it first; see package.json prestart).
      return reply.code(503).type('text/plain; charset=utf-8').send('The web apps are not built: run `npm run build`.\n');
    }
    return reply.type('text/html; charset=utf-8').send(html);
  };

  app.get('/favicon.svg', { schema: { hide: true } }, async (_request, reply) => {
    try {
      return reply.type('image/svg+xml').send(await readFile(join(dist, 'favicon.svg')));
    } catch {
      return reply.code(404).send(errorBody('ROUTE.NOT_FOUND'));
    }
  });

  app.get('/', { schema: { hide: true } }, async (_request, reply) => sendPage(reply, 'start'));

  const staffPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = request.actor;
    if (actor?.kind === 'professional') return sendPage(reply, 'staff');
    if (actor?.kind === 'resident') return reply.redirect('/mijn', 302);
    return toSignIn(request, reply, 'staff');
  };
  const portalPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0]!.replace(/\/+$/, '');
    const actor = request.actor;
    if (actor?.kind === 'resident' || PUBLIC_PORTAL_PAGES.has(path)) return sendPage(reply, 'portal');
    if (actor?.kind === 'professional') return reply.redirect('/werkplek', 302);
    return toSignIn(request, reply, 'resident');
  };

  app.get('/werkplek', { schema: { hide: true } }, staffPage);
  app.get('/werkplek/*', { schema: { hide: true } }, staffPage);
  app.get('/mijn', { schema: { hide: true } }, portalPage);
  app.get('/mijn/*', { schema: { hide: true } }, portalPage);

  // The privacy officer's console (/toezicht, issue 7): staff with a console role. Its training page is
  // open to every professional; other professionals go to their workspace, residents to the portal.
  const consolePage = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0]!.replace(/\/+$/, '');
    const actor = request.actor;
    if (actor?.kind === 'professional') {
      if (CONSOLE_ROLES.some((r) => actor.roles.includes(r)) || path === TRAINING_PAGE) return sendPage(reply, 'console');
      return reply.redirect('/werkplek', 302);
    }
    if (actor?.kind === 'resident') return reply.redirect('/mijn', 302);
    return toSignIn(request, reply, 'staff');
  };
  app.get('/toezicht', { schema: { hide: true } }, consolePage);
  app.get('/toezicht/*', { schema: { hide: true } }, consolePage);
}

function toSignIn(request: FastifyRequest, reply: FastifyReply, kind: 'staff' | 'resident') {
  if (request.sessionStatus === 'expired') return reply.redirect('/?sessie=verlopen', 302);
  const path = request.url.split('?')[0]!;
  return reply.redirect(`/auth/${kind}/login?terug=${encodeURIComponent(path)}`, 302);
}
