/**
 * One Vite build, three pages: the public start page (/), the staff workspace (/werkplek, web/staff)
 * and the residents' portal (/mijn, web/portal). Output in dist/, served by src/server/web/static.ts.
 *
 * assetsInlineLimit 0: nothing is inlined as a data: URL, so fonts and scripts stay files that the
 * Content-Security-Policy ('self') allows. No module-preload polyfill: it is not needed by the
 * browsers we support and keeps the pages free of injected code.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const web = resolve(import.meta.dirname, 'web');

export default defineConfig({
  root: web,
  base: '/',
  publicDir: resolve(web, 'public'),
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    rollupOptions: {
      input: {
        start: resolve(web, 'index.html'),
        staff: resolve(web, 'staff/index.html'),
        portal: resolve(web, 'portal/index.html'),
        console: resolve(web, 'console/index.html'),
      },
    },
  },
  server: {
    // `npx vite` for UI work: API and sign-in go to a running `npm start`.
    proxy: { '/api': 'http://127.0.0.1:3000', '/auth': 'http://127.0.0.1:3000' },
  },
});
