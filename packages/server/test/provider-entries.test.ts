import { describe, expect, it } from 'vitest';
import { builtinProviders } from '../src/catalog/builtin-providers.ts';
import { ProviderCatalog } from '../src/catalog/catalog.ts';
import type { ProviderDefinition } from '../src/catalog/provider-definition.ts';
import { ProviderUrlError, resolveProviderUrl } from '../src/catalog/provider-urls.ts';
import { missingScopes } from '../src/connections/requested-scopes.ts';
import { checkConfigValues } from '../src/integrations/config-values.ts';
import { buildRevocationRequest, revokesAccessToken } from '../src/oauth/revocation-request.ts';
import { buildTokenRequest, type TokenGrant } from '../src/oauth/token-request.ts';
import { processTokenResponse } from '../src/oauth/token-response.ts';

/**
 * The catalog entries fixed in issue 11, one test per fix, each failing on the catalog before it: the
 * provider's own documentation is cited in the entry's `sources`.
 */
const catalog = new ProviderCatalog(builtinProviders);
const p = (slug: string): ProviderDefinition => catalog.get(slug)!;
const CLIENT = { clientId: 'Iv1.client', clientSecret: 'shh-secret' };
const REDIRECT = 'https://pipes.example.com/data-integrations/x/dik_1/callback';
const code: TokenGrant = { grantType: 'authorization_code', code: 'c-1', redirectUri: REDIRECT, codeVerifier: 'v-1' };
const refresh: TokenGrant = { grantType: 'refresh_token', refreshToken: 'r-1', redirectUri: REDIRECT };
const url = (def: ProviderDefinition, template: string, config: Record<string, string> = {}) =>
  resolveProviderUrl(def, template, config, CLIENT.clientId);
const revocation = (slug: string, token = 'tok') => {
  const def = p(slug);
  const r = def.oauth!.revocation!;
  return buildRevocationRequest(r, url(def, r.url, { subdomain: 'acme' }), token, 'access_token', CLIENT);
};
const answer = (body: object) => ({ status: 200, headers: { get: () => 'application/json' }, bodyText: JSON.stringify(body) });
const NOW = Date.parse('2026-11-29T10:00:00Z');

describe('issue 11 catalog fixes', () => {
  it('monday: OAuth 2.1 at /oauth_ms/oauth/token with PKCE, expiring rotating tokens, and revocation', () => {
    const o = p('monday').oauth!;
    expect(o.tokenUrl).toBe('https://auth.monday.com/oauth_ms/oauth/token');
    expect(o.pkce).toBe(true);
    expect(o.accessTokenNeverExpires).toBe(false);
    expect(o.refreshTokenRotates).toBe(true);
    const t = processTokenResponse(p('monday'), answer({ access_token: 'at', refresh_token: 'rt' }), 'authorization_code', NOW);
    expect(t.ok && t.tokens.expiresAt).toBe('2026-11-29T11:00:00.000Z');
    expect(revocation('monday').url).toBe('https://auth.monday.com/oauth_ms/oauth/revoke');
  });

  it('salesforce: two-hour default lifetime; sandbox and My Domain login hosts under salesforce.com, others refused', () => {
    const sf = p('salesforce');
    const t = processTokenResponse(
      sf,
      answer({ access_token: '00D!x', instance_url: 'https://acme.my.salesforce.com' }),
      'authorization_code',
      NOW,
    );
    expect(t.ok && t.tokens.expiresAt).toBe('2026-11-29T12:00:00.000Z');
    expect(url(sf, sf.oauth!.tokenUrl)).toBe('https://login.salesforce.com/services/oauth2/token');
    for (const host of ['test.salesforce.com', 'acme.my.salesforce.com', 'acme--uat.sandbox.my.salesforce.com']) {
      expect(url(sf, sf.oauth!.authorizationUrl!, { loginHost: host })).toBe(`https://${host}/services/oauth2/authorize`);
      expect(() => checkConfigValues(sf.configFields, { loginHost: host })).not.toThrow();
    }
    for (const host of ['evil.example', 'salesforce.com.evil.example', 'login.salesforce.com/x']) {
      expect(() => checkConfigValues(sf.configFields, { loginHost: host }), host).toThrow();
    }
    expect(() => url(sf, sf.oauth!.tokenUrl, { loginHost: 'evil.example' })).toThrow(ProviderUrlError);
  });

  it('quickbooks: the realmId callback parameter is kept on the connection', () => {
    expect(p('quickbooks').oauth!.callbackParams).toEqual(['realmId']);
  });

  it('google: email and profile granted as their userinfo URLs are not missing', () => {
    const granted = ['openid', 'https://www.googleapis.com/auth/userinfo.email', 'https://www.googleapis.com/auth/userinfo.profile'];
    expect(missingScopes(p('google').oauth!.defaultScopes, granted, p('google').oauth!.scopeAliases)).toEqual([]);
  });

  it('bitbucket: the granted scopes are read from `scopes`', () => {
    const t = processTokenResponse(p('bitbucket'), answer({ access_token: 'at', scopes: 'account repository' }), 'authorization_code', NOW);
    expect(t.ok && t.tokens.scopes).toEqual(['account', 'repository']);
  });

  it('zendesk: JSON token requests; the access token revoked with DELETE …/oauth/tokens/current.json as Bearer', () => {
    const def = p('zendesk');
    const req = buildTokenRequest(def, url(def, def.oauth!.tokenUrl, { subdomain: 'acme' }), code, CLIENT);
    expect(req.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(req.body!)).toMatchObject({
      grant_type: 'authorization_code',
      code: 'c-1',
      client_id: 'Iv1.client',
      code_verifier: 'v-1',
    });
    const rev = revocation('zendesk', 'zd-access');
    expect(rev).toEqual({
      url: 'https://acme.zendesk.com/api/v2/oauth/tokens/current.json',
      method: 'DELETE',
      headers: { Accept: 'application/json', Authorization: 'Bearer zd-access' },
    });
  });

  it('clickup: client_id, client_secret and code in the query string of a bodiless POST', () => {
    const def = p('clickup');
    const req = buildTokenRequest(def, def.oauth!.tokenUrl, code, CLIENT);
    expect(req.body).toBeUndefined();
    expect(new URL(req.url).searchParams.get('client_secret')).toBe('shh-secret');
    expect(new URL(req.url).searchParams.get('code')).toBe('c-1');
  });

  it('miro: v2 revocation with accessToken, clientId and clientSecret in JSON (token requests stay a form body, as Miro recommends)', () => {
    const def = p('miro');
    const req = buildTokenRequest(def, def.oauth!.tokenUrl, refresh, CLIENT);
    expect(new URLSearchParams(req.body).get('refresh_token')).toBe('r-1');
    expect(JSON.parse(revocation('miro', 'miro-at').body!)).toEqual({
      accessToken: 'miro-at',
      clientId: 'Iv1.client',
      clientSecret: 'shh-secret',
    });
  });

  it('shopify: JSON token requests asking for expiring offline tokens', () => {
    const def = p('shopify');
    const req = buildTokenRequest(def, url(def, def.oauth!.tokenUrl, { shop: 'acme' }), refresh, CLIENT);
    expect(req.url).toBe('https://acme.myshopify.com/admin/oauth/access_token');
    expect(JSON.parse(req.body!)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'r-1',
      expiring: '1',
      client_id: 'Iv1.client',
      client_secret: 'shh-secret',
    });
  });

  it('todoist: RFC 7009 revocation at api/v1/revoke, JSON, the client as HTTP Basic', () => {
    const rev = revocation('todoist', 'td-at');
    expect(rev.url).toBe('https://api.todoist.com/api/v1/revoke');
    expect(rev.headers.Authorization).toBe(`Basic ${Buffer.from('Iv1.client:shh-secret').toString('base64')}`);
    expect(JSON.parse(rev.body!)).toEqual({ token: 'td-at' });
  });

  it('linear: POST /oauth/revoke authenticated with the access token', () => {
    const rev = revocation('linear', 'lin-at');
    expect(rev).toEqual({
      url: 'https://api.linear.app/oauth/revoke',
      method: 'POST',
      headers: { Accept: 'application/json', Authorization: 'Bearer lin-at' },
    });
  });

  it('github: DELETE /applications/{client_id}/token with HTTP Basic and the access token in JSON', () => {
    const rev = revocation('github', 'gho_x');
    expect(rev.method).toBe('DELETE');
    expect(rev.url).toBe('https://api.github.com/applications/Iv1.client/token');
    expect(rev.headers.Authorization).toBe(`Basic ${Buffer.from('Iv1.client:shh-secret').toString('base64')}`);
    expect(JSON.parse(rev.body!)).toEqual({ access_token: 'gho_x' });
    expect(revokesAccessToken(p('github').oauth!.revocation!)).toBe(true);
  });

  it('dropbox: POST /2/auth/token/revoke with the access token as Bearer and no body', () => {
    expect(revocation('dropbox', 'sl.at')).toEqual({
      url: 'https://api.dropboxapi.com/2/auth/token/revoke',
      method: 'POST',
      headers: { Accept: 'application/json', Authorization: 'Bearer sl.at' },
    });
  });

  it('asana: PKCE', () => {
    expect(p('asana').oauth!.pkce).toBe(true);
  });

  it('intercom: US by default, EU and Australian workspaces on their regional hosts', () => {
    const def = p('intercom');
    expect(url(def, def.oauth!.authorizationUrl!)).toBe('https://app.intercom.com/oauth');
    expect(url(def, def.oauth!.tokenUrl, { appHost: 'app.eu.intercom.com', apiHost: 'api.eu.intercom.io' })).toBe(
      'https://api.eu.intercom.io/auth/eagle/token',
    );
    expect(url(def, def.oauth!.authorizationUrl!, { appHost: 'app.au.intercom.com' })).toBe('https://app.au.intercom.com/oauth');
    expect(() => checkConfigValues(def.configFields, { apiHost: 'api.evil.example' })).toThrow();
  });

  it('gitlab: gitlab.com by default, a self-managed base URL pinned on the integration, redirect_uri on refresh', () => {
    const def = p('gitlab');
    expect(url(def, def.oauth!.tokenUrl)).toBe('https://gitlab.com/oauth/token');
    const pinned = { baseUrl: 'https://gitlab.example.com' };
    expect(url(def, def.oauth!.authorizationUrl!, pinned)).toBe('https://gitlab.example.com/oauth/authorize');
    expect(url(def, def.oauth!.revocation!.url, pinned)).toBe('https://gitlab.example.com/oauth/revoke');
    expect(def.configFields.find((f) => f.name === 'baseUrl')?.scope).toBe('integration');
    const req = buildTokenRequest(def, url(def, def.oauth!.refreshTokenUrl, pinned), refresh, CLIENT);
    expect(new URLSearchParams(req.body).get('redirect_uri')).toBe(REDIRECT);
    expect(() => checkConfigValues(def.configFields, { baseUrl: 'http://gitlab.example.com' })).toThrow();
  });
});
