/** The password-less development IdP never runs in production. */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DevIdpRefused, startDevIdp } from '../../src/dev-idp/index.ts';

describe('the development IdP', () => {
  const saved = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = saved;
  });

  it('refuses to start when the app runs with NODE_ENV=production', async () => {
    await expect(startDevIdp({ env: 'production', host: '127.0.0.1', port: 0, appUrl: 'http://127.0.0.1:1' })).rejects.toBeInstanceOf(DevIdpRefused);
  });

  it('refuses to start when the process has NODE_ENV=production, whatever the caller passes', async () => {
    process.env.NODE_ENV = 'production';
    await expect(startDevIdp({ env: 'development', host: '127.0.0.1', port: 0, appUrl: 'http://127.0.0.1:1' })).rejects.toBeInstanceOf(DevIdpRefused);
  });

  it('starts outside production and publishes OIDC discovery with PKCE S256', async () => {
    const idp = await startDevIdp({ env: 'test', host: '127.0.0.1', port: 0, appUrl: 'http://127.0.0.1:1' });
    try {
      const res = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
      expect(res.status).toBe(200);
      const meta = (await res.json()) as { issuer: string; code_challenge_methods_supported: string[] };
      expect(meta.issuer).toBe(idp.issuer);
      expect(meta.code_challenge_methods_supported).toContain('S256');
    } finally {
      await idp.close();
    }
  });

  it('`zorgvuldig start` with NODE_ENV=production and no staff IdP refuses to start', () => {
    const run = spawnSync(process.execPath, ['bin/zorgvuldig.js', 'start', '--demo'], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', ZORGVULDIG_KEYS: '{}', DATA_DIR: '.tmp/never-created' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/STAFF_OIDC_ISSUER is required in production/);
  });
});
