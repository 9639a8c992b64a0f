/**
 * The OIDC relying party (openid-client v6): authorization code flow with PKCE (S256), state and
 * nonce, for the staff IdP and for the residents' DigiD/eHerkenning broker (docs/sign-in.md).
 *
 * Discovery happens at the first sign-in and is cached; a failed discovery is retried at the next
 * sign-in, so the app starts even while the IdP is down. Plain-http issuers are accepted only outside
 * production (the embedded development IdP; research/stack.md gotcha 14).
 */
import * as oidc from 'openid-client';
import { AppError } from '../../core/errors.ts';
import type { Claims } from './claims.ts';

export interface RelyingPartySettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  scopes: string;
  redirectUri: string;
  /** acr_values to ask for (the staff IdP's multi-factor level), if any. */
  acrValues?: string;
  allowInsecureHttp: boolean;
}

export interface AuthorizationRequest {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export class RelyingParty {
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(readonly settings: RelyingPartySettings) {
    if (settings.issuer.startsWith('http:') && !settings.allowInsecureHttp) {
      throw new Error('an http:// issuer is only accepted outside production');
    }
  }

  get issuerOrigin(): string {
    return new URL(this.settings.issuer).origin;
  }

  private discover(): Promise<oidc.Configuration> {
    if (!this.configuration) {
      const s = this.settings;
      const auth = s.clientSecret ? oidc.ClientSecretPost(s.clientSecret) : oidc.None();
      this.configuration = oidc
        .discovery(new URL(s.issuer), s.clientId, undefined, auth, {
          execute: s.issuer.startsWith('http:') ? [oidc.allowInsecureRequests] : [],
          timeout: 10,
        })
        .catch((err: unknown) => {
          this.configuration = null;
          throw err;
        });
    }
    return this.configuration.catch(() => {
      throw new AppError('AUTH.PROVIDER_UNAVAILABLE');
    });
  }

  /**
   * Where to send the browser so that the IdP ends its own session too (OpenID Connect RP-Initiated
   * Logout 1.0), or null when the IdP offers no end_session_endpoint or does not answer in time:
   * signing out of Zorgvuldig never waits long on the IdP. No id_token_hint: the ID token is not kept
   * after sign-in (it names the person); client_id says who asks, and the IdP asks the person to confirm.
   */
  async endSessionUrl(postLogoutRedirectUri: string, waitMs = 2000): Promise<URL | null> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), waitMs);
    });
    try {
      const config = await Promise.race([this.discover(), late]);
      if (!config?.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, { post_logout_redirect_uri: postLogoutRedirectUri });
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  static newRequest(): AuthorizationRequest {
    return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
  }

  async authorizationUrl(req: AuthorizationRequest): Promise<URL> {
    const config = await this.discover();
    const params: Record<string, string> = {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(req.codeVerifier),
      code_challenge_method: 'S256',
      state: req.state,
      nonce: req.nonce,
    };
    if (this.settings.acrValues) params['acr_values'] = this.settings.acrValues;
    return oidc.buildAuthorizationUrl(config, params);
  }

  /**
   * Exchange the callback's code: checks state, PKCE, the ID token (issuer, audience, signature,
   * nonce) and returns the ID token's claims merged with userinfo. Every protocol failure is
   * AUTH.SIGNIN_FAILED; an unreachable IdP is AUTH.PROVIDER_UNAVAILABLE.
   */
  async exchange(callbackUrl: URL, req: AuthorizationRequest): Promise<Claims> {
    const config = await this.discover();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: req.codeVerifier,
        expectedState: req.state,
        expectedNonce: req.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      throw toSignInError(err);
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new AppError('AUTH.SIGNIN_FAILED', { reason: 'no_id_token' });
    let userinfo: Claims = {};
    if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
      try {
        userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      } catch (err) {
        throw toSignInError(err);
      }
    }
    // The ID token's own claims (acr, amr, auth_time) win over userinfo: they are signed.
    return { ...userinfo, ...idClaims };
  }
}

function toSignInError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; error?: string; name?: string; cause?: { code?: string } };
  if (e?.name === 'TypeError' || e?.cause?.code === 'ECONNREFUSED' || e?.code === 'ECONNREFUSED') {
    return new AppError('AUTH.PROVIDER_UNAVAILABLE');
  }
  // Protocol codes only (invalid_grant, OAUTH_INVALID_RESPONSE, access_denied): never the message.
  const reason = typeof e?.error === 'string' ? e.error : typeof e?.code === 'string' ? e.code : 'protocol';
  return new AppError('AUTH.SIGNIN_FAILED', { reason: reason.slice(0, 64) });
}
