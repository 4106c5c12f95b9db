import { describe, expect, it } from 'vitest';
import { oauthSettings } from '../src/catalog/provider-defaults.ts';
import type { ConfigField, OAuthInput, ProviderDefinition } from '../src/catalog/provider-definition.ts';
import { ProviderUrlError, resolveProviderUrl } from '../src/catalog/provider-urls.ts';
import { callbackParamValues } from '../src/connections/callback-params.ts';
import { missingScopes } from '../src/connections/requested-scopes.ts';
import { CUSTOM_PROVIDER_DEFAULTS, customToDefinition } from '../src/integrations/custom-provider.ts';
import type { OutboundRequest } from '../src/oauth/client-auth.ts';
import { buildRevocationRequest, revokesAccessToken } from '../src/oauth/revocation-request.ts';
import { buildTokenRequest } from '../src/oauth/token-request.ts';
import { processTokenResponse } from '../src/oauth/token-response.ts';

/**
 * The catalog facts the engine applies (issue 11): token request encodings and client authentication,
 * redirect_uri on refresh, non-RFC-7009 revocations, default token lifetimes, scope aliases, callback
 * parameters and host variants. Providers here are synthetic: each test states the facts it exercises.
 */
const CLIENT = { clientId: 'client/1', clientSecret: 'secret 2' };
const REDIRECT = 'https://pipes.example.com/data-integrations/acme/dik_1/callback';
const TOKEN_URL = 'https://auth.acme.example/token';

function providerWith(oauth: Partial<OAuthInput>, extra: Partial<ProviderDefinition> = {}): ProviderDefinition {
  const base = customToDefinition('acme', { ...CUSTOM_PROVIDER_DEFAULTS, name: 'Acme', token_url: TOKEN_URL }, 'oauth');
  return { ...base, oauth: oauthSettings({ authorizationUrl: null, tokenUrl: TOKEN_URL, ...oauth }), ...extra };
}

const basic = (req: OutboundRequest) => req.headers.Authorization;
const BASIC = `Basic ${Buffer.from('client%2F1:secret+2').toString('base64')}`;
const exchange = { grantType: 'authorization_code' as const, code: 'c-1', redirectUri: REDIRECT, codeVerifier: null };

describe('token request encodings and client authentication', () => {
  it('query: every parameter, the client included, in the query string of a bodiless POST (ClickUp, Miro)', () => {
    const req = buildTokenRequest(providerWith({ tokenRequestEncoding: 'query' }), TOKEN_URL, exchange, CLIENT);
    const url = new URL(req.url);
    expect(`${url.origin}${url.pathname}`).toBe(TOKEN_URL);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      grant_type: 'authorization_code',
      code: 'c-1',
      redirect_uri: REDIRECT,
      client_id: 'client/1',
      client_secret: 'secret 2',
    });
    expect(req.method).toBe('POST');
    expect(req.body).toBeUndefined();
    expect(req.headers).toEqual({ Accept: 'application/json' });
  });

  it('json: a JSON body with the client as fields (Shopify, Zendesk)', () => {
    const req = buildTokenRequest(providerWith({ tokenRequestEncoding: 'json' }), TOKEN_URL, exchange, CLIENT);
    expect(req.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(req.body!)).toEqual({
      grant_type: 'authorization_code',
      code: 'c-1',
      redirect_uri: REDIRECT,
      client_id: 'client/1',
      client_secret: 'secret 2',
    });
  });

  it('both: a Basic header AND the client in the body', () => {
    const req = buildTokenRequest(providerWith({ clientAuth: 'both' }), TOKEN_URL, exchange, CLIENT);
    expect(basic(req)).toBe(BASIC);
    expect(new URLSearchParams(req.body).get('client_secret')).toBe('secret 2');
  });

  it('redirect_uri is repeated on refresh only where the provider wants it (GitLab)', () => {
    const refresh = { grantType: 'refresh_token' as const, refreshToken: 'r-1', redirectUri: REDIRECT };
    const wants = buildTokenRequest(providerWith({ redirectUriOnRefresh: true }), TOKEN_URL, refresh, CLIENT);
    expect(new URLSearchParams(wants.body).get('redirect_uri')).toBe(REDIRECT);
    const plain = buildTokenRequest(providerWith({}), TOKEN_URL, refresh, CLIENT);
    expect(new URLSearchParams(plain.body).has('redirect_uri')).toBe(false);
  });
});

describe('revocation requests as providers document them', () => {
  const revocation = (r: NonNullable<OAuthInput['revocation']>) => providerWith({ revocation: r }).oauth!.revocation!;

  it('RFC 7009 by default: POST form with token, hint and the client in the body', () => {
    const req = buildRevocationRequest(
      revocation({ url: 'https://a.example/revoke' }),
      'https://a.example/revoke',
      'rt',
      'refresh_token',
      CLIENT,
    );
    expect(req.method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({
      token: 'rt',
      token_type_hint: 'refresh_token',
      client_id: 'client/1',
      client_secret: 'secret 2',
    });
  });

  it('DELETE, Basic, JSON body with the token under its own name (GitHub)', () => {
    const r = revocation({
      url: 'https://api.github.example/applications/${client_id}/token',
      method: 'DELETE',
      auth: 'basic',
      encoding: 'json',
      tokenField: 'access_token',
    });
    const req = buildRevocationRequest(r, 'https://api.github.example/applications/client%2F1/token', 'gho_1', 'access_token', CLIENT);
    expect(req.method).toBe('DELETE');
    expect(basic(req)).toBe(BASIC);
    expect(JSON.parse(req.body!)).toEqual({ access_token: 'gho_1' });
    expect(revokesAccessToken(r)).toBe(true);
  });

  it('the token itself as Bearer, no body and no content type (Dropbox, Zendesk)', () => {
    const r = revocation({ url: 'https://a.example/2/auth/token/revoke', auth: 'bearer', encoding: 'none' });
    const req = buildRevocationRequest(r, 'https://a.example/2/auth/token/revoke', 'sl.at', 'access_token', CLIENT);
    expect(req.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer sl.at' });
    expect(req.body).toBeUndefined();
    expect(revokesAccessToken(r)).toBe(true);
  });

  it("extra body fields with the client id and secret under the provider's names (Miro)", () => {
    const r = revocation({
      url: 'https://a.example/v2/oauth/revoke',
      auth: 'none',
      encoding: 'json',
      tokenField: 'accessToken',
      body: { clientId: '${client_id}', clientSecret: '${client_secret}' },
    });
    const req = buildRevocationRequest(r, 'https://a.example/v2/oauth/revoke', 'at', 'access_token', CLIENT);
    expect(JSON.parse(req.body!)).toEqual({ accessToken: 'at', clientId: 'client/1', clientSecret: 'secret 2' });
    expect(basic(req)).toBeUndefined();
  });

  it('no client credentials where the endpoint takes none (Google, Salesforce)', () => {
    const req = buildRevocationRequest(
      revocation({ url: 'https://a.example/revoke', auth: 'none' }),
      'https://a.example/revoke',
      't',
      'refresh_token',
      CLIENT,
    );
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({ token: 't', token_type_hint: 'refresh_token' });
    expect(revokesAccessToken(revocation({ url: 'https://a.example/revoke' }))).toBe(false);
  });
});

describe('token lifetimes', () => {
  const ok = (body: object) => ({ status: 200, headers: { get: () => 'application/json' }, bodyText: JSON.stringify(body) });
  const NOW = Date.parse('2026-11-29T10:00:00Z');

  it('an answer without expires_in gets the declared lifetime, so the token is renewed in time (Salesforce)', () => {
    const outcome = processTokenResponse(
      providerWith({ tokenLifetimeSeconds: 7200 }),
      ok({ access_token: 'at' }),
      'authorization_code',
      NOW,
    );
    expect(outcome.ok && outcome.tokens.expiresAt).toBe('2026-11-29T12:00:00.000Z');
  });

  it('expires_in wins over the declared lifetime; none of either means no expiry', () => {
    const withIn = processTokenResponse(
      providerWith({ tokenLifetimeSeconds: 7200 }),
      ok({ access_token: 'at', expires_in: 60 }),
      'refresh_token',
      NOW,
    );
    expect(withIn.ok && withIn.tokens.expiresAt).toBe('2026-11-29T10:01:00.000Z');
    const neither = processTokenResponse(providerWith({}), ok({ access_token: 'at' }), 'authorization_code', NOW);
    expect(neither.ok && neither.tokens.expiresAt).toBeNull();
  });

  it('a provider whose tokens never expire ignores any lifetime (an integration cannot make it refresh)', () => {
    const p = providerWith({ accessTokenNeverExpires: true });
    const forced: ProviderDefinition = { ...p, oauth: { ...p.oauth!, tokenLifetimeSeconds: 600 } };
    const outcome = processTokenResponse(forced, ok({ access_token: 'at' }), 'authorization_code', NOW);
    expect(outcome.ok && outcome.tokens.expiresAt).toBeNull();
  });
});

describe('scope aliases', () => {
  const google = {
    email: ['https://www.googleapis.com/auth/userinfo.email'],
    profile: ['https://www.googleapis.com/auth/userinfo.profile'],
  };

  it('a scope granted under an alias is not missing; an absent one still is', () => {
    const granted = ['openid', 'https://www.googleapis.com/auth/userinfo.email'];
    expect(missingScopes(['openid', 'email', 'profile'], granted, google)).toEqual(['profile']);
    expect(missingScopes(['openid', 'email', 'profile'], granted)).toEqual(['email', 'profile']);
  });
});

describe('callback parameters', () => {
  it('keeps the named ones, skips absent ones, refuses malformed or repeated values', () => {
    expect(callbackParamValues(['realmId'], { code: 'c', realmId: '4620816365178303680' })).toEqual({
      ok: true,
      values: { realmId: '4620816365178303680' },
    });
    expect(callbackParamValues(['realmId'], { code: 'c' })).toEqual({ ok: true, values: {} });
    for (const bad of ['<script>', '', 'a b', 'x'.repeat(257), ['1', '2']]) {
      expect(callbackParamValues(['realmId'], { realmId: bad }).ok, String(bad)).toBe(false);
    }
  });
});

describe('provider URLs at use time: config defaults and the host rule', () => {
  const host: ConfigField = {
    name: 'loginHost',
    label: 'Login host',
    description: 'login, test or a My Domain host.',
    scope: 'installation',
    pattern: '^(?:[a-z0-9-]+\\.)+salesforce\\.com$',
    required: false,
    secret: false,
    kind: 'host',
    default: 'login.salesforce.com',
  };
  const sf = providerWith({}, { configFields: [host], hosts: ['salesforce.com'] });
  const template = 'https://${config.loginHost}/services/oauth2/token';

  it("a host variant falls back to its default, and takes the connection's value when given", () => {
    expect(resolveProviderUrl(sf, template, {})).toBe('https://login.salesforce.com/services/oauth2/token');
    expect(resolveProviderUrl(sf, template, { loginHost: 'acme--uat.sandbox.my.salesforce.com' })).toBe(
      'https://acme--uat.sandbox.my.salesforce.com/services/oauth2/token',
    );
  });

  it("refuses a resolved host outside the entry's hosts, whatever put it there", () => {
    expect(() => resolveProviderUrl(sf, template, { loginHost: 'evil.example' })).toThrow(ProviderUrlError);
    expect(() => resolveProviderUrl(sf, 'https://${config.missing}/x', {})).toThrow(ProviderUrlError);
  });

  it('a pinned base URL (self-managed GitLab) is exempt from the suffix rule; ${client_id} is encoded into the path', () => {
    const base: ConfigField = {
      ...host,
      name: 'baseUrl',
      kind: 'baseUrl',
      scope: 'integration',
      pattern: '^https://[a-z0-9.-]+$',
      default: 'https://gitlab.com',
    };
    const gl = providerWith({}, { configFields: [base], hosts: ['gitlab.com'] });
    expect(resolveProviderUrl(gl, '${config.baseUrl}/oauth/token', { baseUrl: 'https://gitlab.acme.internal.example' })).toBe(
      'https://gitlab.acme.internal.example/oauth/token',
    );
    expect(resolveProviderUrl(gl, 'https://gitlab.com/apps/${client_id}/revoke', {}, 'a/b')).toBe('https://gitlab.com/apps/a%2Fb/revoke');
  });
});
