import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinProviders } from '../src/catalog/builtin-providers.ts';
import { ProviderCatalog } from '../src/catalog/catalog.ts';
import type { ProviderDefinition } from '../src/catalog/provider-definition.ts';
import { CUSTOM_PROVIDER_DEFAULTS, customToDefinition } from '../src/integrations/custom-provider.ts';
import { type FetchLike, MAX_RESPONSE_BYTES, OAuthHttpClient } from '../src/oauth/http-client.ts';
import { OAuthClient } from '../src/oauth/oauth-client.ts';
import { parseRetryAfter } from '../src/oauth/response-body.ts';
import { processRevocationResponse } from '../src/oauth/revocation-request.ts';
import { processTokenResponse, type TokenOutcome, type TokenSet } from '../src/oauth/token-response.ts';

const catalog = new ProviderCatalog(builtinProviders);

function provider(slug: string): ProviderDefinition {
  const def = catalog.get(slug);
  if (!def) throw new Error(`missing provider ${slug}`);
  return def;
}

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const inSeconds = (s: number): string => new Date(NOW + s * 1000).toISOString();

function headersOf(h: Record<string, string>): { get(name: string): string | null } {
  const lower = new Map(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
  return { get: (name) => lower.get(name.toLowerCase()) ?? null };
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

function res(status: number, body: unknown, headers: Record<string, string> = JSON_TYPE) {
  return { status, headers: headersOf(headers), bodyText: typeof body === 'string' ? body : JSON.stringify(body) };
}

function tokens(outcome: TokenOutcome): TokenSet {
  if (!outcome.ok) throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
  return outcome.tokens;
}

const custom = customToDefinition(
  'acme',
  {
    ...CUSTOM_PROVIDER_DEFAULTS,
    name: 'Acme',
    authorization_url: 'https://id.acme.example/authorize',
    token_url: 'https://id.acme.example/token',
  },
  'oauth',
);

describe('GitHub (errors in a 200, form-encoded by default)', () => {
  const github = provider('github');

  it('200 bad_verification_code → invalid_grant', () => {
    const body = {
      error: 'bad_verification_code',
      error_description: 'The code passed is incorrect or expired.',
      error_uri:
        'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code',
    };
    expect(processTokenResponse(github, res(200, body), 'authorization_code', NOW)).toEqual({
      ok: false,
      kind: 'invalid_grant',
      error: 'bad_verification_code',
      description: 'The code passed is incorrect or expired.',
    });
  });

  it('200 bad_refresh_token → invalid_grant', () => {
    const body = {
      error: 'bad_refresh_token',
      error_description: 'The refresh token passed is incorrect or expired.',
      error_uri: 'https://docs.github.com/',
    };
    expect(processTokenResponse(github, res(200, body), 'refresh_token', NOW)).toMatchObject({
      ok: false,
      kind: 'invalid_grant',
      error: 'bad_refresh_token',
    });
  });

  it('200 incorrect_client_credentials / redirect_uri_mismatch → rejected (configuration)', () => {
    for (const error of ['incorrect_client_credentials', 'redirect_uri_mismatch', 'unverified_user_email']) {
      const body = {
        error,
        error_description: 'The client_id and/or client_secret passed are incorrect.',
        error_uri: 'https://docs.github.com/',
      };
      expect(processTokenResponse(github, res(200, body), 'authorization_code', NOW)).toEqual({
        ok: false,
        kind: 'rejected',
        error,
        description: 'The client_id and/or client_secret passed are incorrect.',
        status: 200,
      });
    }
  });

  it('200 form-encoded success (no Accept header honoured): scopes split on commas', () => {
    const body = 'access_token=gho_16C7e42F292c6912E7710c838347Ae178B4a&scope=repo%2Cuser&token_type=bearer';
    const outcome = processTokenResponse(
      github,
      res(200, body, { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }),
      'authorization_code',
      NOW,
    );
    expect(tokens(outcome)).toEqual({
      accessToken: 'gho_16C7e42F292c6912E7710c838347Ae178B4a',
      refreshToken: null,
      expiresAt: null,
      scopes: ['repo', 'user'],
      tokenType: 'bearer',
      metadata: {},
    });
  });

  it('200 form-encoded error → invalid_grant', () => {
    const body =
      'error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.&error_uri=https%3A%2F%2Fdocs.github.com%2F';
    expect(
      processTokenResponse(github, res(200, body, { 'content-type': 'application/x-www-form-urlencoded' }), 'authorization_code', NOW),
    ).toEqual({
      ok: false,
      kind: 'invalid_grant',
      error: 'bad_verification_code',
      description: 'The code passed is incorrect or expired.',
    });
  });

  it('GitHub App refresh with expiring user tokens', () => {
    const body = {
      access_token: 'ghu_16C7e42F292c6912E7710c838347Ae178B4a',
      expires_in: 28800,
      refresh_token: 'ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498',
      refresh_token_expires_in: 15811200,
      scope: '',
      token_type: 'bearer',
    };
    expect(tokens(processTokenResponse(github, res(200, body), 'refresh_token', NOW))).toEqual({
      accessToken: 'ghu_16C7e42F292c6912E7710c838347Ae178B4a',
      refreshToken: 'ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498',
      expiresAt: inSeconds(28800),
      scopes: [],
      tokenType: 'bearer',
      metadata: {},
    });
  });

  it('the same form body as numeric strings (expires_in="28800")', () => {
    const body = 'access_token=ghu_abc&expires_in=28800&refresh_token=ghr_def&refresh_token_expires_in=15811200&scope=&token_type=bearer';
    const set = tokens(processTokenResponse(github, res(200, body, {}), 'refresh_token', NOW));
    expect(set.expiresAt).toBe(inSeconds(28800));
    expect(set.refreshToken).toBe('ghr_def');
  });
});

describe('Slack (nested user token, {ok:false} errors)', () => {
  const slack = provider('slack');

  const userInstall = {
    ok: true,
    app_id: 'A0KRD7HC3',
    authed_user: {
      id: 'U1234ABCD',
      scope: 'users:read,chat:write',
      access_token: 'xoxe.xoxp-1-Mi0yLTEyMzQ1Njc4OTAxMi0xMjM0NTY3ODkwMTI',
      token_type: 'user',
      refresh_token: 'xoxe-1-My0xLTEyMzQ1Njc4OTAxMi0xMjM0NTY3ODkwMTItYWJj',
      expires_in: 43200,
    },
    scope: 'commands,incoming-webhook',
    token_type: 'bot',
    access_token: 'xoxe.xoxb-1-MS0yLTEyMzQ1Njc4OTAxMi0xMjM0NTY3ODkwMTI',
    bot_user_id: 'U0KRQLJ9H',
    refresh_token: 'xoxe-1-bot-refresh-My0xLTEyMzQ1Njc4OTAxMi0',
    expires_in: 43200,
    team: { id: 'T9TK3CUKW', name: 'Slack Softball Team' },
    enterprise: null,
    is_enterprise_install: false,
  };

  it('oauth.v2.access with a user token: authed_user is chosen, scopes from authed_user.scope, team in metadata', () => {
    const set = tokens(processTokenResponse(slack, res(200, userInstall), 'authorization_code', NOW));
    expect(set).toEqual({
      accessToken: 'xoxe.xoxp-1-Mi0yLTEyMzQ1Njc4OTAxMi0xMjM0NTY3ODkwMTI',
      refreshToken: 'xoxe-1-My0xLTEyMzQ1Njc4OTAxMi0xMjM0NTY3ODkwMTItYWJj',
      expiresAt: inSeconds(43200),
      scopes: ['users:read', 'chat:write'],
      tokenType: 'user',
      metadata: {
        team: { id: 'T9TK3CUKW', name: 'Slack Softball Team' },
        enterprise: null,
        bot_user_id: 'U0KRQLJ9H',
        app_id: 'A0KRD7HC3',
        is_enterprise_install: false,
      },
    });
    expect(JSON.stringify(set.metadata)).not.toContain('xox');
  });

  it('refresh of a rotated user token answers at the top level', () => {
    const body = {
      ok: true,
      app_id: 'A0KRD7HC3',
      access_token: 'xoxe.xoxp-1-Mi0yLTEyMzQ1Njc4OTAxMi0xMjM0NTY3ODkwMTI-new',
      expires_in: 43200,
      refresh_token: 'xoxe-1-My0xLTEyMzQ1Njc4OTAxMi0xMjM0NTY3ODkwMTItnew',
      token_type: 'user',
      scope: 'users:read,chat:write',
      team: { id: 'T9TK3CUKW', name: 'Slack Softball Team' },
      enterprise: null,
      is_enterprise_install: false,
    };
    const set = tokens(processTokenResponse(slack, res(200, body), 'refresh_token', NOW));
    expect(set.accessToken).toBe(body.access_token);
    expect(set.refreshToken).toBe(body.refresh_token);
    expect(set.scopes).toEqual(['users:read', 'chat:write']);
    expect(set.tokenType).toBe('user');
    expect(set.metadata.team).toEqual({ id: 'T9TK3CUKW', name: 'Slack Softball Team' });
  });

  it('bot-only install (no user token): the top-level token is used', () => {
    const { authed_user: _ignored, ...rest } = userInstall;
    const set = tokens(processTokenResponse(slack, res(200, { ...rest, authed_user: { id: 'U1234ABCD' } }), 'authorization_code', NOW));
    expect(set.accessToken).toBe(userInstall.access_token);
    expect(set.tokenType).toBe('bot');
    expect(set.scopes).toEqual(['commands', 'incoming-webhook']);
  });

  it('{ok:false} errors: dead grants, rate limits, configuration', () => {
    const slackRes = (error: string, headers: Record<string, string> = JSON_TYPE) => res(200, { ok: false, error }, headers);
    for (const error of ['invalid_refresh_token', 'invalid_grant', 'token_revoked', 'token_expired']) {
      expect(processTokenResponse(slack, slackRes(error), 'refresh_token', NOW), error).toEqual({
        ok: false,
        kind: 'invalid_grant',
        error,
        description: null,
      });
    }
    expect(processTokenResponse(slack, slackRes('invalid_code'), 'authorization_code', NOW)).toMatchObject({
      kind: 'invalid_grant',
      error: 'invalid_code',
    });
    expect(processTokenResponse(slack, slackRes('token_expired'), 'authorization_code', NOW)).toMatchObject({
      kind: 'rejected',
      error: 'token_expired',
    });
    expect(processTokenResponse(slack, slackRes('ratelimited', { ...JSON_TYPE, 'retry-after': '30' }), 'refresh_token', NOW)).toEqual({
      ok: false,
      kind: 'temporary',
      reason: 'rate_limited',
      status: 200,
      retryAfterSeconds: 30,
    });
    expect(processTokenResponse(slack, slackRes('internal_error'), 'refresh_token', NOW)).toMatchObject({
      kind: 'temporary',
      reason: 'server_error',
    });
    for (const error of ['invalid_client_id', 'bad_client_secret', 'bad_redirect_uri', 'oauth_authorization_url_mismatch']) {
      expect(processTokenResponse(slack, slackRes(error), 'authorization_code', NOW), error).toEqual({
        ok: false,
        kind: 'rejected',
        error,
        description: null,
        status: 200,
      });
    }
    expect(processTokenResponse(slack, res(200, { ok: false }), 'refresh_token', NOW)).toMatchObject({
      kind: 'rejected',
      error: 'unknown_error',
    });
  });
});

describe('Notion, Salesforce, Google success shapes', () => {
  it('Notion: workspace and bot fields in metadata, request_id not', () => {
    const body = {
      access_token: 'ntn_4b6d1f0f4b2a3c9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e',
      token_type: 'bearer',
      refresh_token: 'nrt_2c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d',
      bot_id: 'b3414d65-9d49-4a8f-9c62-7c2b4d1f0e3a',
      workspace_name: 'Acme HQ',
      workspace_icon: 'https://s3-us-west-2.amazonaws.com/public.notion-static.com/acme.png',
      workspace_id: '3c1b9e4a-2f7d-4e8b-a6c5-1d0f9e8b7a6c',
      owner: { type: 'user', user: { object: 'user', id: '6a2b8c4d-1e3f-4a5b-9c7d-8e0f1a2b3c4d' } },
      duplicated_template_id: null,
      request_id: '8f0e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
    };
    const set = tokens(processTokenResponse(provider('notion'), res(200, body), 'authorization_code', NOW));
    expect(set).toEqual({
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      expiresAt: null,
      scopes: null,
      tokenType: 'bearer',
      metadata: {
        workspace_id: body.workspace_id,
        workspace_name: 'Acme HQ',
        workspace_icon: body.workspace_icon,
        bot_id: body.bot_id,
        owner: body.owner,
        duplicated_template_id: null,
      },
    });
  });

  it('Salesforce: no expires_in → the two-hour session lifetime; instance_url, id, issued_at kept; id_token not', () => {
    const body = {
      access_token: '00DB0000000TfcR!AQQAQFhoK8vTMg_rKA.esrJ2bCs.OOIjJgl.9Cx6O7KqjZmHMLOyVb.U61BU9tm4xRusf7d3fD1P9oefzqS6i9sJMPWj48IK',
      refresh_token: '5Aep861rEpScxnNE66jGO6gqeJ82V9wEMn6I8CvVYhLiAAxfXgHzEfXhnSbHN2YgMYNiPjt6lGHHP0VRRj1gqQE',
      signature: 'SSSbLO/gBhmmyNUvN18ODBDFYHzakxOMgqYtu+hDPsc=',
      scope: 'refresh_token api',
      id_token: 'eyJraWQiOiIyMjAiLCJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdF9oYXNoIjoiIn0.c2ln',
      instance_url: 'https://yourInstance.my.salesforce.com',
      id: 'https://login.salesforce.com/id/00DB0000000TfcRMAS/005B0000005Bk90IAC',
      token_type: 'Bearer',
      issued_at: '1558553873237',
    };
    expect(tokens(processTokenResponse(provider('salesforce'), res(200, body), 'authorization_code', NOW))).toEqual({
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      expiresAt: new Date(NOW + 7200_000).toISOString(),
      scopes: ['refresh_token', 'api'],
      tokenType: 'Bearer',
      metadata: { instance_url: 'https://yourInstance.my.salesforce.com', id: body.id, issued_at: '1558553873237' },
    });
  });

  it('Google refresh without a refresh_token → refreshToken null (the caller keeps the old one)', () => {
    const body = {
      access_token: 'ya29.a0AfB_byC-4nZQp8xv3Rk9mX2LqT7wH1sJdE0uYfGiO',
      expires_in: 3599,
      scope: 'https://www.googleapis.com/auth/drive.readonly openid https://www.googleapis.com/auth/userinfo.email',
      token_type: 'Bearer',
      id_token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMTAxNjk0ODQ0NzQzODYyNzYzMzQifQ.c2ln',
    };
    expect(tokens(processTokenResponse(provider('google'), res(200, body), 'refresh_token', NOW))).toEqual({
      accessToken: body.access_token,
      refreshToken: null,
      expiresAt: inSeconds(3599),
      scopes: ['https://www.googleapis.com/auth/drive.readonly', 'openid', 'https://www.googleapis.com/auth/userinfo.email'],
      tokenType: 'Bearer',
      metadata: {},
    });
  });
});

describe('standard error and transport-level statuses', () => {
  const google = provider('google');

  it('400 invalid_grant → invalid_grant', () => {
    expect(
      processTokenResponse(
        google,
        res(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }),
        'refresh_token',
        NOW,
      ),
    ).toEqual({
      ok: false,
      kind: 'invalid_grant',
      error: 'invalid_grant',
      description: 'Token has been expired or revoked.',
    });
  });

  it('401 invalid_client and 400 invalid_scope → rejected with status', () => {
    expect(
      processTokenResponse(
        google,
        res(401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' }),
        'refresh_token',
        NOW,
      ),
    ).toEqual({
      ok: false,
      kind: 'rejected',
      error: 'invalid_client',
      description: 'The OAuth client was not found.',
      status: 401,
    });
    expect(processTokenResponse(google, res(400, { error: 'invalid_scope' }), 'client_credentials', NOW)).toEqual({
      ok: false,
      kind: 'rejected',
      error: 'invalid_scope',
      description: null,
      status: 400,
    });
  });

  it('4xx without a parseable error → rejected http_<status>', () => {
    expect(
      processTokenResponse(google, res(403, '<html><body>Forbidden</body></html>', { 'content-type': 'text/html' }), 'refresh_token', NOW),
    ).toEqual({
      ok: false,
      kind: 'rejected',
      error: 'http_403',
      description: null,
      status: 403,
    });
    expect(processTokenResponse(google, res(404, ''), 'refresh_token', NOW)).toMatchObject({ kind: 'rejected', error: 'http_404' });
  });

  it('500 and 503 → temporary server_error (with Retry-After when given)', () => {
    expect(
      processTokenResponse(google, res(500, '<html>Internal Server Error</html>', { 'content-type': 'text/html' }), 'refresh_token', NOW),
    ).toEqual({
      ok: false,
      kind: 'temporary',
      reason: 'server_error',
      status: 500,
      retryAfterSeconds: null,
    });
    expect(
      processTokenResponse(google, res(503, { error: 'temporarily_unavailable' }, { 'retry-after': '120' }), 'refresh_token', NOW),
    ).toEqual({
      ok: false,
      kind: 'temporary',
      reason: 'server_error',
      status: 503,
      retryAfterSeconds: 120,
    });
  });

  it('400 temporarily_unavailable → temporary, not rejected', () => {
    expect(processTokenResponse(google, res(400, { error: 'temporarily_unavailable' }), 'refresh_token', NOW)).toMatchObject({
      kind: 'temporary',
      reason: 'server_error',
      status: 400,
    });
  });

  it('429 with Retry-After: 7 → rate_limited 7; HTTP-date form too', () => {
    expect(processTokenResponse(google, res(429, { error: 'rate_limit_exceeded' }, { 'retry-after': '7' }), 'refresh_token', NOW)).toEqual({
      ok: false,
      kind: 'temporary',
      reason: 'rate_limited',
      status: 429,
      retryAfterSeconds: 7,
    });
    const date = new Date(NOW + 90_000).toUTCString();
    expect(processTokenResponse(google, res(429, '', { 'retry-after': date }), 'refresh_token', NOW)).toMatchObject({
      retryAfterSeconds: 90,
    });
    expect(processTokenResponse(google, res(429, ''), 'refresh_token', NOW)).toMatchObject({ retryAfterSeconds: null });
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter(new Date(NOW - 5000).toUTCString(), NOW)).toBe(0);
  });

  it('HTML 200 body → malformed, with no body text in detail', () => {
    const html = '<!DOCTYPE html><html><head><title>Sign in</title></head><body>access_token=leaked</body></html>';
    const outcome = processTokenResponse(google, res(200, html, { 'content-type': 'text/html; charset=UTF-8' }), 'authorization_code', NOW);
    expect(outcome).toEqual({
      ok: false,
      kind: 'malformed',
      status: 200,
      detail: 'the body is neither a JSON object nor form-encoded (content-type text/html)',
    });
  });

  it('2xx without a string access_token → malformed', () => {
    for (const body of [{ token_type: 'Bearer' }, { access_token: 12345 }, { access_token: '' }, '[]', '"x"']) {
      const outcome = processTokenResponse(google, res(200, body), 'authorization_code', NOW);
      expect(outcome.ok === false && outcome.kind, JSON.stringify(body)).toBe('malformed');
    }
  });

  it('garbage expires_in → malformed; 0 → no expiry', () => {
    expect(processTokenResponse(google, res(200, { access_token: 'a', expires_in: 'soon' }), 'refresh_token', NOW)).toMatchObject({
      kind: 'malformed',
      detail: 'expires_in is not a non-negative number',
    });
    expect(processTokenResponse(google, res(200, { access_token: 'a', expires_in: -5 }), 'refresh_token', NOW)).toMatchObject({
      kind: 'malformed',
    });
    expect(tokens(processTokenResponse(google, res(200, { access_token: 'a', expires_in: 0 }), 'refresh_token', NOW)).expiresAt).toBeNull();
  });

  it('an error in a 200 from a provider without the quirk is malformed, not trusted', () => {
    const outcome = processTokenResponse(custom, res(200, { error: 'invalid_grant' }), 'refresh_token', NOW);
    expect(outcome).toEqual({
      ok: false,
      kind: 'malformed',
      status: 200,
      detail: 'a 200 response carries error "invalid_grant" and no access_token',
    });
  });

  it('a redirect from the token endpoint is rejected', () => {
    expect(
      processTokenResponse(google, res(302, '', { location: 'https://accounts.google.com/ServiceLogin' }), 'refresh_token', NOW),
    ).toMatchObject({ kind: 'rejected', error: 'http_302', status: 302 });
  });

  it('scopes: array as-is, scopeResponseField dot path, mixed separators', () => {
    expect(
      tokens(processTokenResponse(custom, res(200, { access_token: 'a', scope: ['read', 'write'] }), 'refresh_token', NOW)).scopes,
    ).toEqual(['read', 'write']);
    expect(
      tokens(processTokenResponse(custom, res(200, { access_token: 'a', scope: 'read, write  admin' }), 'refresh_token', NOW)).scopes,
    ).toEqual(['read', 'write', 'admin']);
    const dotted: ProviderDefinition = { ...custom, oauth: { ...custom.oauth!, scopeSeparator: '+', scopeResponseField: 'grant.scopes' } };
    expect(
      tokens(processTokenResponse(dotted, res(200, { access_token: 'a', grant: { scopes: 'a+b' } }), 'refresh_token', NOW)).scopes,
    ).toEqual(['a', 'b']);
  });

  it('client_credentials keeps every non-token top-level field as metadata, without secrets', () => {
    const machine = customToDefinition(
      'machine',
      { ...CUSTOM_PROVIDER_DEFAULTS, name: 'Machine', token_url: 'https://auth.machine.example/token' },
      'client_credentials',
    );
    const body = {
      access_token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWNoaW5lIn0.c2ln',
      token_type: 'Bearer',
      expires_in: 86400,
      scope: 'read:orders write:orders',
      id_token: 'eyJ.id.token',
      refresh_token: 'rt-should-not-appear',
      api_domain: 'https://api.eu.machine.example',
      tenant: { id: 'tn_42', region: 'eu', client_secret: 'nested-secret' },
    };
    const bodyText = JSON.stringify(body).replace('"tenant":{', '"__proto__":{"polluted":true},"tenant":{"__proto__":{"polluted":true},');
    const set = tokens(processTokenResponse(machine, { status: 200, headers: headersOf(JSON_TYPE), bodyText }, 'client_credentials', NOW));
    expect(set.accessToken).toBe(body.access_token);
    expect(set.expiresAt).toBe(inSeconds(86400));
    expect(set.scopes).toEqual(['read:orders', 'write:orders']);
    expect(set.refreshToken).toBe('rt-should-not-appear');
    expect(Object.keys(set.metadata).sort()).toEqual(['api_domain', 'tenant']);
    expect(set.metadata.api_domain).toBe('https://api.eu.machine.example');
    expect(set.metadata.tenant).toEqual({ id: 'tn_42', region: 'eu' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(set.metadata)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(set.metadata.tenant)).toBe(Object.prototype);
    expect(Object.assign({}, set.metadata)).not.toHaveProperty('polluted');
    expect(JSON.stringify(set.metadata)).not.toMatch(/rt-should-not-appear|nested-secret|eyJ/);
  });
});

describe('processRevocationResponse', () => {
  it('2xx is success, with or without a body (RFC 7009 §2.2)', () => {
    expect(processRevocationResponse(res(200, ''))).toEqual({ ok: true });
    expect(processRevocationResponse(res(200, {}))).toEqual({ ok: true });
    expect(processRevocationResponse(res(204, ''))).toEqual({ ok: true });
    expect(processRevocationResponse(res(200, { ok: true, revoked: true }))).toEqual({ ok: true });
  });

  it('a token that is already unusable counts as revoked', () => {
    expect(processRevocationResponse(res(400, { error: 'invalid_token', error_description: 'Token expired or revoked' }))).toEqual({
      ok: true,
    });
    expect(processRevocationResponse(res(200, { ok: false, error: 'token_revoked' }))).toEqual({ ok: true });
    // Slack also says invalid_auth for a token auth.revoke cannot take, so it is not read as "already revoked".
    expect(processRevocationResponse(res(200, { ok: false, error: 'invalid_auth' }))).toEqual({
      ok: false,
      kind: 'rejected',
      status: 200,
      detail: 'http_200 invalid_auth',
    });
  });

  it('429, 503 and other 5xx are temporary; other errors are rejected', () => {
    expect(processRevocationResponse(res(503, '', { 'retry-after': '10' }))).toEqual({
      ok: false,
      kind: 'temporary',
      status: 503,
      detail: 'http_503',
    });
    expect(processRevocationResponse(res(500, ''))).toMatchObject({ ok: false, kind: 'temporary', status: 500 });
    expect(processRevocationResponse(res(429, ''))).toMatchObject({ ok: false, kind: 'temporary', status: 429 });
    expect(processRevocationResponse(res(401, { error: 'invalid_client' }))).toEqual({
      ok: false,
      kind: 'rejected',
      status: 401,
      detail: 'http_401 invalid_client',
    });
    expect(processRevocationResponse(res(400, { error: 'unsupported_token_type' }))).toEqual({
      ok: false,
      kind: 'rejected',
      status: 400,
      detail: 'http_400 unsupported_token_type',
    });
    expect(processRevocationResponse(res(404, '<html>Not found</html>'))).toEqual({
      ok: false,
      kind: 'rejected',
      status: 404,
      detail: 'http_404',
    });
    expect(processRevocationResponse(res(200, { ok: false, error: 'ratelimited' }))).toMatchObject({ ok: false, kind: 'temporary' });
    expect(processRevocationResponse(res(200, { ok: false, error: 'invalid_client_id' }))).toMatchObject({
      ok: false,
      kind: 'rejected',
      detail: 'http_200 invalid_client_id',
    });
  });
});

// ---------------------------------------------------------------------------------------------------------

interface Call {
  url: string;
  init: Parameters<FetchLike>[1];
}

function fakeFetch(respond: (call: Call) => Promise<Awaited<ReturnType<FetchLike>>> | Awaited<ReturnType<FetchLike>>) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    const call = { url, init };
    calls.push(call);
    return respond(call);
  };
  return { fetch, calls };
}

const answer = (status: number, body: unknown, headers: Record<string, string> = JSON_TYPE) => ({
  status,
  headers: headersOf(headers),
  text: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
});

const SECRETS = {
  clientSecret: 'cs_9f8e7d6c5b4a3928',
  code: 'code_1a2b3c4d5e6f7a8b',
  verifier: 'verifier_0123456789abcdefghijklmnopqrstuvwxyzAB',
  refreshToken: 'rt_55aa66bb77cc88dd99ee',
  accessToken: 'at_11ff22ee33dd44cc55bb',
};
const CLIENT = { clientId: 'client-123', clientSecret: SECRETS.clientSecret };

function expectNoSecrets(value: unknown): void {
  const text = JSON.stringify(value);
  for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
}

describe('OAuthClient with an injected fetch', () => {
  const github = provider('github');
  const google = provider('google');
  const tokenUrl = 'https://oauth2.googleapis.com/token';

  it('exchanges a code: POST, redirect manual, a deadline signal, and the built body', async () => {
    const { fetch, calls } = fakeFetch(() => answer(200, { access_token: SECRETS.accessToken, token_type: 'bearer', scope: 'repo' }));
    const client = new OAuthClient(new OAuthHttpClient({ fetch, timeoutMs: 5000 }), () => NOW);
    const outcome = await client.exchangeCode(github, github.tokenUrl as string, CLIENT, {
      code: SECRETS.code,
      redirectUri: 'https://pipes.example.com/cb',
      codeVerifier: SECRETS.verifier,
    });
    expect(tokens(outcome)).toMatchObject({ accessToken: SECRETS.accessToken, scopes: ['repo'] });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe('https://github.com/login/oauth/access_token');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.redirect).toBe('manual');
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
    expect(call?.init.headers.Accept).toBe('application/json');
    expect(Object.fromEntries(new URLSearchParams(call?.init.body))).toMatchObject({ code: SECRETS.code, code_verifier: SECRETS.verifier });
  });

  it('refresh and client credentials go through the same path; expiry counts from when we asked', async () => {
    let now = NOW;
    const { fetch, calls } = fakeFetch(() => {
      now += 2000; // the provider takes two seconds
      return answer(200, { access_token: SECRETS.accessToken, expires_in: 3600, token_type: 'Bearer' });
    });
    const client = new OAuthClient(new OAuthHttpClient({ fetch, timeoutMs: 5000 }), () => now);
    expect(tokens(await client.refresh(google, tokenUrl, CLIENT, SECRETS.refreshToken)).expiresAt).toBe(inSeconds(3600));
    const machine = customToDefinition(
      'machine',
      { ...CUSTOM_PROVIDER_DEFAULTS, name: 'M', token_url: 'https://auth.machine.example/token' },
      'client_credentials',
    );
    expect(tokens(await client.clientCredentials(machine, 'https://auth.machine.example/token', CLIENT, ['a', 'b'])).accessToken).toBe(
      SECRETS.accessToken,
    );
    expect(Object.fromEntries(new URLSearchParams(calls[0]?.init.body))).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: SECRETS.refreshToken,
    });
    expect(Object.fromEntries(new URLSearchParams(calls[1]?.init.body))).toMatchObject({ grant_type: 'client_credentials', scope: 'a b' });
  });

  it('a fetch that waits on the abort signal → temporary timeout after ≈ timeoutMs', async () => {
    const { fetch } = fakeFetch(
      ({ init }) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
        }),
    );
    const client = new OAuthClient(new OAuthHttpClient({ fetch, timeoutMs: 50 }), () => NOW);
    const started = performance.now();
    const outcome = await client.refresh(google, tokenUrl, CLIENT, SECRETS.refreshToken);
    const elapsed = performance.now() - started;
    expect(outcome).toEqual({ ok: false, kind: 'temporary', reason: 'timeout', status: null, retryAfterSeconds: null });
    expect(elapsed).toBeGreaterThanOrEqual(40);
    expect(elapsed).toBeLessThan(1000);
  });

  it('a fetch that ignores the signal, or a body that never ends, still times out', async () => {
    const hang = fakeFetch(() => new Promise(() => {}));
    const http = new OAuthHttpClient({ fetch: hang.fetch, timeoutMs: 50 });
    expect(await http.send({ url: tokenUrl, method: 'POST', headers: {}, body: '' })).toEqual({
      ok: false,
      reason: 'timeout',
      detail: 'TimeoutError',
    });
    const slowBody = fakeFetch(() => ({ status: 200, headers: headersOf({}), text: () => new Promise<string>(() => {}) }));
    const started = performance.now();
    expect(
      await new OAuthHttpClient({ fetch: slowBody.fetch, timeoutMs: 50 }).send({ url: tokenUrl, method: 'POST', headers: {}, body: '' }),
    ).toMatchObject({ ok: false, reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a thrown network error → temporary network; the detail names the error code only', async () => {
    const { fetch } = fakeFetch(() => {
      const cause = Object.assign(new Error(`connect ECONNREFUSED 10.0.0.1:443 while sending ${SECRETS.refreshToken}`), {
        code: 'ECONNREFUSED',
      });
      throw new TypeError(`fetch failed (client_secret=${SECRETS.clientSecret})`, { cause });
    });
    const http = new OAuthHttpClient({ fetch, timeoutMs: 1000 });
    const sent = await http.send({ url: tokenUrl, method: 'POST', headers: {}, body: `refresh_token=${SECRETS.refreshToken}` });
    expect(sent).toEqual({ ok: false, reason: 'network', detail: 'TypeError:ECONNREFUSED' });
    const outcome = await new OAuthClient(http, () => NOW).refresh(google, tokenUrl, CLIENT, SECRETS.refreshToken);
    expect(outcome).toEqual({ ok: false, kind: 'temporary', reason: 'network', status: null, retryAfterSeconds: null });
  });

  it('refuses non-https URLs unless allowInsecure', async () => {
    const { fetch, calls } = fakeFetch(() => answer(200, { access_token: SECRETS.accessToken }));
    const strict = new OAuthHttpClient({ fetch, timeoutMs: 1000 });
    expect(await strict.send({ url: 'http://oauth.example/token', method: 'POST', headers: {}, body: '' })).toEqual({
      ok: false,
      reason: 'network',
      detail: 'insecure_url',
    });
    expect(await strict.send({ url: 'ftp://oauth.example/token', method: 'POST', headers: {}, body: '' })).toMatchObject({
      detail: 'insecure_url',
    });
    expect(await strict.send({ url: 'not a url', method: 'POST', headers: {}, body: '' })).toMatchObject({ detail: 'invalid_url' });
    const outcome = await new OAuthClient(strict, () => NOW).refresh(google, 'http://oauth.example/token', CLIENT, SECRETS.refreshToken);
    expect(outcome).toMatchObject({ ok: false, kind: 'temporary', reason: 'network' });
    expect(calls).toHaveLength(0);
    const lax = new OAuthHttpClient({ fetch, timeoutMs: 1000, allowInsecure: true });
    expect(await lax.send({ url: 'http://127.0.0.1:9/token', method: 'POST', headers: {}, body: '' })).toMatchObject({
      ok: true,
      status: 200,
    });
    expect(calls).toHaveLength(1);
  });

  it('caps the body at 1 MiB (declared length, text, or stream)', async () => {
    const big = 'x'.repeat(MAX_RESPONSE_BYTES + 1);
    const viaText = fakeFetch(() => answer(200, big, {}));
    expect(await new OAuthHttpClient({ fetch: viaText.fetch }).send({ url: tokenUrl, method: 'POST', headers: {}, body: '' })).toEqual({
      ok: false,
      reason: 'network',
      detail: 'response_too_large',
    });
    const declared = fakeFetch(() => answer(200, '{}', { 'content-length': String(MAX_RESPONSE_BYTES + 1) }));
    expect(
      await new OAuthHttpClient({ fetch: declared.fetch }).send({ url: tokenUrl, method: 'POST', headers: {}, body: '' }),
    ).toMatchObject({ detail: 'response_too_large' });
    let cancelled = false;
    let served = 0;
    const chunk = new Uint8Array(64 * 1024);
    const streamed = fakeFetch(() => ({
      status: 200,
      headers: headersOf({}),
      text: async () => {
        throw new Error('text() must not be used when a stream is available');
      },
      body: {
        getReader: () => ({
          read: async () => {
            served += chunk.byteLength;
            return { done: false, value: chunk };
          },
          cancel: async () => {
            cancelled = true;
          },
        }),
      },
    }));
    expect(
      await new OAuthHttpClient({ fetch: streamed.fetch }).send({ url: tokenUrl, method: 'POST', headers: {}, body: '' }),
    ).toMatchObject({ detail: 'response_too_large' });
    expect(cancelled).toBe(true);
    expect(served).toBeLessThanOrEqual(MAX_RESPONSE_BYTES + chunk.byteLength);
  });

  it('revokes: success, and transport failures as temporary', async () => {
    const ok = fakeFetch(() => answer(200, ''));
    const client = new OAuthClient(new OAuthHttpClient({ fetch: ok.fetch }), () => NOW);
    expect(await client.revoke(google, google.revocationUrl as string, CLIENT, SECRETS.refreshToken, 'refresh_token')).toEqual({
      ok: true,
    });
    expect(Object.fromEntries(new URLSearchParams(ok.calls[0]?.init.body))).toMatchObject({
      token: SECRETS.refreshToken,
      token_type_hint: 'refresh_token',
    });
    const down = fakeFetch(() => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND oauth2.googleapis.com'), { code: 'ENOTFOUND' });
    });
    const failing = new OAuthClient(new OAuthHttpClient({ fetch: down.fetch }), () => NOW);
    expect(await failing.revoke(google, google.revocationUrl as string, CLIENT, SECRETS.refreshToken, 'refresh_token')).toEqual({
      ok: false,
      kind: 'temporary',
      status: null,
      detail: 'network: Error:ENOTFOUND',
    });
  });

  it('token values never appear in any failure outcome, even when a provider echoes what it was sent', async () => {
    type Sent = Record<string, string>;
    // A provider can only echo what the request carried: the code, verifier, refresh token or client secret.
    const echo = (status: number, body: (sent: Sent) => unknown, headers: Record<string, string> = JSON_TYPE) =>
      fakeFetch(({ init }) => answer(status, body(Object.fromEntries(new URLSearchParams(init.body))), headers)).fetch;
    const grantOf = (sent: Sent): string => sent.refresh_token ?? sent.code ?? sent.token ?? '';
    const cases: FetchLike[] = [
      echo(400, (sent) => ({ error: 'invalid_grant', error_description: `Grant ${grantOf(sent)} is expired` })),
      echo(401, (sent) => ({ error: 'invalid_client', error_description: `client_secret ${sent.client_secret} does not match` })),
      echo(400, (sent) => ({
        error: 'invalid_request',
        error_description: `code ${sent.code} / code_verifier ${sent.code_verifier} mismatch`,
      })),
      echo(400, (sent) => ({ error: `bad_${grantOf(sent)}` })),
      echo(200, (sent) => `<html>${SECRETS.accessToken} ${grantOf(sent)}</html>`, { 'content-type': 'text/html' }),
      echo(200, () => ({ token: SECRETS.accessToken })),
      echo(200, (sent) => ({ access_token: SECRETS.accessToken, expires_in: grantOf(sent) })),
      echo(200, () => `access_token=&refresh_token=${SECRETS.refreshToken}`, {}),
      echo(500, () => ({ error: 'server_error', access_token: SECRETS.accessToken })),
      echo(429, () => ({ access_token: SECRETS.accessToken }), { 'retry-after': 'x' }),
      async (_url, init) => {
        throw new Error(`boom ${init.body ?? ''}`);
      },
    ];
    const outcomes: unknown[] = [];
    for (const fetch of cases) {
      const client = new OAuthClient(new OAuthHttpClient({ fetch, timeoutMs: 1000 }), () => NOW);
      const refreshed = await client.refresh(google, tokenUrl, CLIENT, SECRETS.refreshToken);
      const exchanged = await client.exchangeCode(google, tokenUrl, CLIENT, {
        code: SECRETS.code,
        redirectUri: 'https://pipes.example.com/cb',
        codeVerifier: SECRETS.verifier,
      });
      const revoked = await client.revoke(google, google.revocationUrl as string, CLIENT, SECRETS.refreshToken, 'refresh_token');
      for (const outcome of [refreshed, exchanged, revoked]) {
        if (!outcome.ok) outcomes.push(outcome);
      }
    }
    expect(outcomes.length).toBeGreaterThanOrEqual(20);
    expectNoSecrets(outcomes);
    expect(outcomes).toContainEqual({
      ok: false,
      kind: 'invalid_grant',
      error: 'invalid_grant',
      description: 'Grant [redacted] is expired',
    });
  });
});

describe('OAuthHttpClient against a real local server with the global fetch', () => {
  let server: Server;
  let base = '';
  let slowHits = 0;

  beforeAll(async () => {
    server = createServer((req, reply) => {
      if (req.url === '/redirect') {
        reply.writeHead(302, { location: `${base}/token` }).end();
      } else if (req.url === '/token') {
        reply
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ access_token: 'local-token', token_type: 'bearer' }));
      } else if (req.url === '/slow') {
        slowHits++;
        setTimeout(() => reply.writeHead(200).end('{}'), 10_000).unref();
      } else if (req.url === '/huge') {
        reply.writeHead(200, { 'content-type': 'application/json' });
        const chunk = 'x'.repeat(64 * 1024);
        let sent = 0;
        const pump = (): void => {
          while (sent < 4 * MAX_RESPONSE_BYTES) {
            sent += chunk.length;
            if (!reply.write(chunk)) {
              reply.once('drain', pump);
              return;
            }
          }
          reply.end();
        };
        pump();
      } else {
        reply.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const http = (timeoutMs = 5000) => new OAuthHttpClient({ fetch, timeoutMs, allowInsecure: true });

  it('works with the global fetch and does not follow redirects', async () => {
    const client = new OAuthClient(http(), () => NOW);
    expect(tokens(await client.refresh(provider('google'), `${base}/token`, CLIENT, 'r')).accessToken).toBe('local-token');
    expect(await client.refresh(provider('google'), `${base}/redirect`, CLIENT, 'r')).toMatchObject({
      ok: false,
      kind: 'rejected',
      error: 'http_302',
    });
  });

  it('times out on a slow server', async () => {
    const started = performance.now();
    expect(await http(200).send({ url: `${base}/slow`, method: 'POST', headers: {}, body: '' })).toEqual({
      ok: false,
      reason: 'timeout',
      detail: 'TimeoutError',
    });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(slowHits).toBe(1);
  });

  it('stops reading a body past 1 MiB', async () => {
    expect(await http().send({ url: `${base}/huge`, method: 'POST', headers: {}, body: '' })).toEqual({
      ok: false,
      reason: 'network',
      detail: 'response_too_large',
    });
  });

  it('a refused connection is a network failure naming the code', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await http().send({ url: `http://127.0.0.1:${port}/token`, method: 'POST', headers: {}, body: '' })).toEqual({
      ok: false,
      reason: 'network',
      detail: 'TypeError:ECONNREFUSED',
    });
  });
});
