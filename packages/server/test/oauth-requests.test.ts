import { describe, expect, it } from 'vitest';
import { builtinProviders } from '../src/catalog/builtin-providers.ts';
import { ProviderCatalog, resolveTemplate } from '../src/catalog/catalog.ts';
import type { ProviderDefinition } from '../src/catalog/provider-definition.ts';
import { CUSTOM_PROVIDER_DEFAULTS, customToDefinition } from '../src/integrations/custom-provider.ts';
import { buildAuthorizationUrl } from '../src/oauth/authorization-url.ts';
import { formEncode, type OutboundRequest } from '../src/oauth/client-auth.ts';
import { createPkce, randomToken, sha256Base64Url } from '../src/oauth/pkce.ts';
import { buildRevocationRequest } from '../src/oauth/revocation-request.ts';
import { buildTokenRequest } from '../src/oauth/token-request.ts';

const catalog = new ProviderCatalog(builtinProviders);

function provider(slug: string): ProviderDefinition {
  const def = catalog.get(slug);
  if (!def) throw new Error(`missing provider ${slug}`);
  return def;
}

const REDIRECT = 'https://pipes.example.com/oauth/callback/int_01';
const STATE = 'st_4vJ9v2n0d3Yc0q9n8m7l6k5j4h3g2f1e';
const CLIENT = { clientId: 'client-123', clientSecret: 'secret-456' };

function authorize(slug: string, scopes: readonly string[], config: Record<string, string> = {}) {
  const def = provider(slug);
  const challenge = sha256Base64Url('verifier-for-tests');
  const url = buildAuthorizationUrl(def, {
    authorizationUrl: resolveTemplate(def.authorizationUrl as string, config),
    clientId: CLIENT.clientId,
    redirectUri: REDIRECT,
    scopes,
    state: STATE,
    codeChallenge: def.pkce ? challenge : null,
  });
  const parsed = new URL(url);
  return { origin: `${parsed.origin}${parsed.pathname}`, params: Object.fromEntries(parsed.searchParams), raw: url, challenge };
}

const formBody = (req: OutboundRequest): Record<string, string> => Object.fromEntries(new URLSearchParams(req.body ?? ''));
const jsonBody = (req: OutboundRequest): unknown => JSON.parse(req.body ?? 'null');
const basicOf = (req: OutboundRequest): string | null => {
  const header = req.headers.Authorization;
  if (header === undefined) return null;
  expect(header).toMatch(/^Basic [A-Za-z0-9+/]+=*$/);
  return Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
};

describe('PKCE and random tokens', () => {
  it('matches the RFC 7636 appendix B vector', () => {
    expect(sha256Base64Url('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('creates a 43-character verifier (32 bytes) whose S256 challenge matches, fresh each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const { verifier, challenge } = createPkce();
      expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(challenge).toBe(sha256Base64Url(verifier));
      seen.add(verifier);
    }
    expect(seen.size).toBe(50);
  });

  it('randomToken is base64url of the requested number of bytes', () => {
    expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(randomToken(16), 'base64url')).toHaveLength(16);
  });
});

describe('buildAuthorizationUrl', () => {
  it('GitHub: the standard parameters with PKCE, scopes space-joined', () => {
    const { origin, params, challenge } = authorize('github', ['read:user', 'repo']);
    expect(origin).toBe('https://github.com/login/oauth/authorize');
    expect(params).toEqual({
      response_type: 'code',
      client_id: 'client-123',
      redirect_uri: REDIRECT,
      scope: 'read:user repo',
      state: STATE,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
  });

  it('Google: adds access_type=offline and prompt=consent', () => {
    const { origin, params, challenge } = authorize('google', ['openid', 'email', 'https://www.googleapis.com/auth/drive.readonly']);
    expect(origin).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(params).toEqual({
      response_type: 'code',
      client_id: 'client-123',
      redirect_uri: REDIRECT,
      scope: 'openid email https://www.googleapis.com/auth/drive.readonly',
      state: STATE,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      access_type: 'offline',
      prompt: 'consent',
    });
  });

  it('Slack: user scopes go in user_scope (comma-joined), never in scope', () => {
    const { origin, params, raw } = authorize('slack', ['users:read', 'chat:write']);
    expect(origin).toBe('https://slack.com/oauth/v2/authorize');
    expect(params.user_scope).toBe('users:read,chat:write');
    expect(params).not.toHaveProperty('scope');
    expect(Object.keys(params).sort()).toEqual(['client_id', 'redirect_uri', 'response_type', 'state', 'user_scope'].sort());
    expect(raw).toContain('user_scope=users%3Aread%2Cchat%3Awrite');
  });

  it('Notion: no scopes, no PKCE (not supported), owner=user', () => {
    const { origin, params } = authorize('notion', []);
    expect(origin).toBe('https://api.notion.com/v1/oauth/authorize');
    expect(params).toEqual({
      response_type: 'code',
      client_id: 'client-123',
      redirect_uri: REDIRECT,
      state: STATE,
      owner: 'user',
    });
  });

  it('Zendesk: the templated host is resolved and PKCE is sent', () => {
    const { origin, params, challenge } = authorize('zendesk', ['read', 'write'], { subdomain: 'acme' });
    expect(origin).toBe('https://acme.zendesk.com/oauth/authorizations/new');
    expect(params).toEqual({
      response_type: 'code',
      client_id: 'client-123',
      redirect_uri: REDIRECT,
      scope: 'read write',
      state: STATE,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
  });

  it('omits scope when there are none and PKCE params when no challenge is given', () => {
    const def = provider('github');
    const url = new URL(
      buildAuthorizationUrl(def, {
        authorizationUrl: def.authorizationUrl as string,
        clientId: 'c',
        redirectUri: REDIRECT,
        scopes: [],
        state: STATE,
        codeChallenge: null,
      }),
    );
    expect([...url.searchParams.keys()].sort()).toEqual(['client_id', 'redirect_uri', 'response_type', 'state']);
  });

  it('keeps query parameters already in the authorization URL', () => {
    const def = customToDefinition(
      'acme',
      {
        ...CUSTOM_PROVIDER_DEFAULTS,
        name: 'Acme',
        authorization_url: 'https://id.acme.example/authorize?tenant=t1&realm=x',
        token_url: 'https://id.acme.example/token',
      },
      'oauth',
    );
    const url = new URL(
      buildAuthorizationUrl(def, {
        authorizationUrl: def.authorizationUrl as string,
        clientId: 'c',
        redirectUri: REDIRECT,
        scopes: ['a', 'b'],
        state: STATE,
        codeChallenge: 'ch',
      }),
    );
    expect(url.searchParams.get('tenant')).toBe('t1');
    expect(url.searchParams.get('realm')).toBe('x');
    expect(url.searchParams.get('scope')).toBe('a b');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('custom providers: additional parameters are added, and may not override ours', () => {
    const base = {
      ...CUSTOM_PROVIDER_DEFAULTS,
      name: 'Acme',
      authorization_url: 'https://id.acme.example/authorize',
      token_url: 'https://id.acme.example/token',
    };
    const p = {
      authorizationUrl: 'https://id.acme.example/authorize',
      clientId: 'c',
      redirectUri: REDIRECT,
      scopes: [],
      state: STATE,
      codeChallenge: null,
    };
    const ok = customToDefinition('acme', { ...base, additional_authorization_parameters: { audience: 'api' } }, 'oauth');
    expect(new URL(buildAuthorizationUrl(ok, p)).searchParams.get('audience')).toBe('api');
    for (const name of ['state', 'redirect_uri', 'client_id', 'response_type', 'scope', 'code_challenge', 'code_challenge_method']) {
      const bad = customToDefinition('acme', { ...base, additional_authorization_parameters: { [name]: 'evil' } }, 'oauth');
      expect(() => buildAuthorizationUrl(bad, p), name).toThrow(/cannot set/);
    }
  });
});

describe('buildTokenRequest', () => {
  const code = { grantType: 'authorization_code' as const, code: 'code-abc', redirectUri: REDIRECT, codeVerifier: 'verifier-xyz' };

  it('GitHub: Accept json, form body with client credentials in it', () => {
    const def = provider('github');
    const req = buildTokenRequest(def, def.tokenUrl as string, code, CLIENT);
    expect(req.url).toBe('https://github.com/login/oauth/access_token');
    expect(req.method).toBe('POST');
    expect(req.headers).toEqual({ Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(formBody(req)).toEqual({
      grant_type: 'authorization_code',
      code: 'code-abc',
      redirect_uri: REDIRECT,
      code_verifier: 'verifier-xyz',
      client_id: 'client-123',
      client_secret: 'secret-456',
    });
  });

  it('Notion: Basic auth and a JSON body without client credentials', () => {
    const def = provider('notion');
    const req = buildTokenRequest(def, def.tokenUrl as string, { ...code, codeVerifier: null }, CLIENT);
    expect(req.headers['Content-Type']).toBe('application/json');
    expect(req.headers.Accept).toBe('application/json');
    expect(basicOf(req)).toBe('client-123:secret-456');
    expect(jsonBody(req)).toEqual({ grant_type: 'authorization_code', code: 'code-abc', redirect_uri: REDIRECT });
  });

  it('Slack: Basic auth with a form body', () => {
    const def = provider('slack');
    const req = buildTokenRequest(def, def.tokenUrl as string, code, CLIENT);
    expect(basicOf(req)).toBe('client-123:secret-456');
    expect(formBody(req)).toEqual({
      grant_type: 'authorization_code',
      code: 'code-abc',
      redirect_uri: REDIRECT,
      code_verifier: 'verifier-xyz',
    });
  });

  it('client auth "both": the Basic header and the credentials in the body', () => {
    const slack = provider('slack');
    const def: ProviderDefinition = { ...slack, oauth: { ...slack.oauth!, clientAuth: 'both' } };
    const req = buildTokenRequest(def, def.tokenUrl as string, code, CLIENT);
    expect(basicOf(req)).toBe('client-123:secret-456');
    expect(formBody(req)).toMatchObject({ client_id: 'client-123', client_secret: 'secret-456' });
  });

  it('Basic credentials are form-encoded before base64 (RFC 6749 §2.3.1)', () => {
    const def = provider('notion');
    const req = buildTokenRequest(
      def,
      def.tokenUrl as string,
      { grantType: 'refresh_token', refreshToken: 'r' },
      { clientId: 'a:b', clientSecret: 'p@ss word+/%' },
    );
    expect(basicOf(req)).toBe('a%3Ab:p%40ss+word%2B%2F%25');
    expect(formEncode('a:b')).toBe('a%3Ab');
  });

  it('Basic without a secret sends client_id in the body and no Authorization header', () => {
    const def = provider('notion');
    const req = buildTokenRequest(
      def,
      def.tokenUrl as string,
      { grantType: 'refresh_token', refreshToken: 'r-1' },
      { clientId: 'pub', clientSecret: null },
    );
    expect(req.headers).not.toHaveProperty('Authorization');
    expect(jsonBody(req)).toEqual({ grant_type: 'refresh_token', refresh_token: 'r-1', client_id: 'pub' });
  });

  it('client_secret_post without a secret omits client_secret', () => {
    const def = provider('google');
    const req = buildTokenRequest(
      def,
      def.tokenUrl as string,
      { grantType: 'refresh_token', refreshToken: 'r-1' },
      { clientId: 'pub', clientSecret: null },
    );
    expect(formBody(req)).toEqual({ grant_type: 'refresh_token', refresh_token: 'r-1', client_id: 'pub' });
  });

  it('refresh at Google: form body with the refresh token and client credentials', () => {
    const def = provider('google');
    const req = buildTokenRequest(def, def.tokenUrl as string, { grantType: 'refresh_token', refreshToken: '1//0g-refresh' }, CLIENT);
    expect(req.url).toBe('https://oauth2.googleapis.com/token');
    expect(formBody(req)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: '1//0g-refresh',
      client_id: 'client-123',
      client_secret: 'secret-456',
    });
  });

  it('client_credentials: scope joined with the provider separator, omitted when empty', () => {
    const def = customToDefinition(
      'machine',
      {
        ...CUSTOM_PROVIDER_DEFAULTS,
        name: 'Machine',
        token_url: 'https://auth.machine.example/token',
        request_scope_separator: ',',
        authenticate_via: 'basic_auth_header',
      },
      'client_credentials',
    );
    const req = buildTokenRequest(
      def,
      'https://auth.machine.example/token',
      { grantType: 'client_credentials', scopes: ['read', 'write'] },
      CLIENT,
    );
    expect(formBody(req)).toEqual({ grant_type: 'client_credentials', scope: 'read,write' });
    expect(basicOf(req)).toBe('client-123:secret-456');
    const none = buildTokenRequest(def, 'https://auth.machine.example/token', { grantType: 'client_credentials', scopes: [] }, CLIENT);
    expect(formBody(none)).toEqual({ grant_type: 'client_credentials' });
  });

  it('adds tokenParams, and refuses ones that override the client', () => {
    const base = provider('google');
    const withParams: ProviderDefinition = { ...base, oauth: { ...base.oauth!, tokenParams: { audience: 'https://api.example' } } };
    expect(formBody(buildTokenRequest(withParams, 'https://oauth2.googleapis.com/token', code, CLIENT)).audience).toBe(
      'https://api.example',
    );
    const bad: ProviderDefinition = { ...base, oauth: { ...base.oauth!, tokenParams: { grant_type: 'password' } } };
    expect(() => buildTokenRequest(bad, 'https://oauth2.googleapis.com/token', code, CLIENT)).toThrow(/cannot set "grant_type"/);
  });
});

describe('buildRevocationRequest', () => {
  const revocationOf = (slug: string) => provider(slug).oauth!.revocation!;

  it('Google: RFC 7009 form body with the token and hint, and no client credentials (the endpoint takes none)', () => {
    const req = buildRevocationRequest(
      revocationOf('google'),
      'https://oauth2.googleapis.com/revoke',
      '1//0g-refresh',
      'refresh_token',
      CLIENT,
    );
    expect(req.url).toBe('https://oauth2.googleapis.com/revoke');
    expect(req.method).toBe('POST');
    expect(req.headers).toEqual({ Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(formBody(req)).toEqual({ token: '1//0g-refresh', token_type_hint: 'refresh_token' });
  });

  it('Notion: JSON body with the token only, the client as HTTP Basic', () => {
    const req = buildRevocationRequest(
      revocationOf('notion'),
      'https://api.notion.com/v1/oauth/revoke',
      'ntn_access',
      'access_token',
      CLIENT,
    );
    expect(basicOf(req)).toBe('client-123:secret-456');
    expect(req.headers['Content-Type']).toBe('application/json');
    expect(jsonBody(req)).toEqual({ token: 'ntn_access' });
  });
});
