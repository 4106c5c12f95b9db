import { describe, expect, it } from 'vitest';
import { builtinProviders } from '../src/catalog/builtin-providers.ts';
import { checkProviderEntry, ProviderCatalog } from '../src/catalog/catalog.ts';
import { CATEGORIES } from '../src/catalog/provider-definition.ts';
import { OAUTH_SOURCES, PENDING, rejection, validEntry, withOAuth } from './support/catalog-entries.ts';

const apiKeyEntry = (overrides: Record<string, unknown> = {}) =>
  validEntry({
    authMethods: ['api_key'],
    configFields: [],
    oauth: undefined,
    apiKey: {
      fields: [
        {
          name: 'apiKey',
          label: 'API key',
          description: 'The key.',
          scope: 'installation',
          pattern: '^[A-Za-z0-9_-]{10,200}$',
          required: true,
          secret: true,
        },
      ],
      presentation: { type: 'header', name: 'Authorization', scheme: 'Bearer' },
      extraHeaders: { 'Acme-Version': '2024-01-01' },
    },
    sources: { apiKey: PENDING, apiBaseUrl: PENDING },
    ...overrides,
  });

describe('catalog format: defaults', () => {
  it('fills every default of the oauth block in one place and maps it onto the engine fields', () => {
    const def = checkProviderEntry(validEntry());
    expect(def.oauth).toMatchObject({
      pkce: false,
      clientAuth: 'body',
      tokenRequestEncoding: 'form',
      redirectUriOnRefresh: false,
      scopeSeparator: ' ',
      scopeAliases: {},
      tokenLifetimeSeconds: null,
      callbackParams: [],
      revocation: null,
      refreshTokenUrl: 'https://${config.subdomain}.acme.example/oauth/token',
    });
    expect(def).toMatchObject({
      clientAuth: 'client_secret_post',
      tokenBodyContentType: 'application/x-www-form-urlencoded',
      refreshTokenUrl: null,
      revocationUrl: null,
      revocationAuth: null,
      logo: null,
      apiKey: null,
      category: 'crm',
      hosts: ['acme.example'],
    });
  });

  it('maps basic, both, json and an RFC 7009 revocation', () => {
    const basic = checkProviderEntry(
      withOAuth({
        clientAuth: 'basic',
        tokenRequestEncoding: 'json',
        revocation: { url: 'https://acme.example/revoke', auth: 'basic', encoding: 'json' },
      }),
    );
    expect(basic).toMatchObject({
      clientAuth: 'client_secret_basic',
      tokenBodyContentType: 'application/json',
      revocationAuth: 'client_secret_basic',
      revocationBodyContentType: 'application/json',
    });
    const both = checkProviderEntry(withOAuth({ clientAuth: 'both', revocation: { url: 'https://acme.example/revoke' } }));
    expect(both.clientAuth).toBe('client_secret_both');
    expect(both.oauth?.revocation).toEqual({
      url: 'https://acme.example/revoke',
      method: 'POST',
      auth: 'body',
      encoding: 'form',
      tokenField: 'token',
      body: {},
    });
    expect(both.revocationAuth).toBe('client_secret_post');
  });

  it('carries an API-key entry through with no OAuth engine fields', () => {
    const def = checkProviderEntry(apiKeyEntry());
    expect(def.oauth).toBeNull();
    expect(def.apiKey?.presentation).toEqual({ type: 'header', name: 'Authorization', scheme: 'Bearer' });
    expect(def).toMatchObject({ authorizationUrl: null, tokenUrl: null, defaultScopes: [], pkce: false });
  });
});

describe('catalog format: sources', () => {
  it('requires a source for every required fact', () => {
    const { pkce: _, ...rest } = OAUTH_SOURCES;
    const error = rejection([validEntry({ sources: rest })]);
    expect(error.path).toBe('/sources/pkce');
    expect(error.message).toMatch(/doc\(url\) or unconfirmed\(note\)/);
    expect(rejection([apiKeyEntry({ sources: { apiBaseUrl: PENDING } })]).path).toBe('/sources/apiKey');
  });

  it('requires a source for a non-default fact, not for a default one', () => {
    expect(rejection([withOAuth({ issuer: 'https://acme.example' })]).path).toBe('/sources/issuer');
    expect(rejection([withOAuth({ scopeAliases: { read: ['r'] } })]).path).toBe('/sources/scopeAliases');
    expect(rejection([validEntry({ hosts: ['acme.example'] })]).path).toBe('/sources/hosts');
    expect(() => checkProviderEntry(withOAuth({ issuer: null, pkce: false }))).not.toThrow();
  });

  it('does not ask a client_credentials-only entry for an authorization URL source', () => {
    const { authorizationUrl: _, ...rest } = OAUTH_SOURCES;
    const entry = withOAuth({ authorizationUrl: null }, { authMethods: ['client_credentials'], sources: rest });
    expect(checkProviderEntry(entry).authorizationUrl).toBeNull();
  });

  it('refuses a third-party catalog, a date that does not exist or lies ahead, and unknown fact names', () => {
    const withSource = (source: unknown, fact = 'pkce') => validEntry({ sources: { ...OAUTH_SOURCES, [fact]: source } });
    expect(() => checkProviderEntry(withSource({ url: 'https://docs.acme.example/oauth', checked: '2026-11-29' }))).not.toThrow();
    expect(rejection([withSource({ url: 'https://www.nango.dev/docs/acme', checked: '2026-11-29' })]).path).toBe('/sources/pkce/url');
    expect(rejection([withSource({ unconfirmed: 'Not documented.', checked: '2026-02-30' })]).path).toBe('/sources/pkce/checked');
    expect(rejection([withSource({ unconfirmed: 'Not documented.', checked: '2999-01-01' })]).message).toMatch(/future/);
    expect(rejection([withSource({ url: 'http://acme.example/docs', checked: '2026-11-29' })]).path).toBe('/sources/pkce/url');
    expect(rejection([withSource(PENDING, 'scopes')]).path).toBe('/sources/scopes');
  });
});

describe('catalog format: hosts', () => {
  const hostField = (pattern: string, kind = 'host') => ({
    name: 'instance',
    label: 'Instance host',
    description: 'The instance host name.',
    scope: 'integration',
    pattern,
    required: true,
    secret: false,
    kind,
  });
  const withHosts = (oauth: Record<string, unknown>, overrides: Record<string, unknown> = {}) =>
    withOAuth(oauth, { hosts: ['acme.example'], sources: { ...OAUTH_SOURCES, hosts: PENDING }, ...overrides });

  it('refuses a URL outside the declared hosts', () => {
    expect(rejection([withHosts({ tokenUrl: 'https://acme.evil.example/token' })]).path).toBe('/oauth/tokenUrl');
    expect(rejection([withHosts({}, { apiBaseUrl: 'https://api.acme.example.evil.test' })]).path).toBe('/apiBaseUrl');
    expect(rejection([withHosts({ tokenUrl: 'https://${config.subdomain}acme.example/token' })]).path).toBe('/oauth/tokenUrl');
  });

  it('refuses a public suffix as hosts', () => {
    expect(rejection([withHosts({}, { hosts: ['co.uk'] })]).path).toBe('/hosts/0');
  });

  it('accepts a whole-host placeholder only from a host field whose pattern pins a suffix', () => {
    const pinned = hostField('^[a-z0-9-]{1,63}\\.my\\.acme\\.example$');
    const entry = (field: unknown) =>
      withHosts(
        { tokenUrl: 'https://${config.instance}/oauth/token' },
        { configFields: [...(validEntry().configFields as unknown[]), field] },
      );
    expect(checkProviderEntry(entry(pinned)).hosts).toEqual(['acme.example']);
    expect(rejection([entry(hostField('^[a-z0-9-]{1,63}\\.evil\\.test$'))]).path).toBe('/oauth/tokenUrl');
    expect(rejection([entry(hostField('^evil\\.test|[a-z]+\\.acme\\.example$'))]).path).toBe('/oauth/tokenUrl');
    expect(rejection([entry({ ...pinned, kind: 'text' })]).path).toBe('/oauth/tokenUrl');
  });

  it('accepts a host field that ends the host when its pattern lists host names under hosts', () => {
    const site = hostField('^(?:datadoghq\\.com|datadoghq\\.eu)$');
    const entry = (field: unknown, hosts: string[]) =>
      withOAuth(
        {},
        {
          apiBaseUrl: 'https://api.${config.instance}/api/v1',
          hosts,
          configFields: [...(validEntry().configFields as unknown[]), field],
          sources: { ...OAUTH_SOURCES, hosts: PENDING },
        },
      );
    expect(checkProviderEntry(entry(site, ['acme.example', 'datadoghq.com', 'datadoghq.eu'])).hosts).toContain('datadoghq.eu');
    expect(rejection([entry(site, ['acme.example', 'datadoghq.com'])]).path).toBe('/apiBaseUrl');
    expect(rejection([entry(hostField('^(?:datadoghq\\.com|[a-z]+)$'), ['acme.example', 'datadoghq.com'])]).path).toBe('/apiBaseUrl');
  });

  it('exempts a base URL pinned on the integration, and only that', () => {
    const base = hostField('^https://[a-z0-9.-]{1,200}$', 'baseUrl');
    const entry = (field: unknown, tokenUrl = '${config.instance}/oauth/token') =>
      withHosts({ tokenUrl }, { configFields: [...(validEntry().configFields as unknown[]), field] });
    expect(checkProviderEntry(entry(base)).tokenUrl).toBe('${config.instance}/oauth/token');
    expect(rejection([entry({ ...base, scope: 'installation' })]).path).toBe('/configFields/1/scope');
    expect(rejection([entry(base, 'https://acme.example/${config.instance}')]).path).toBe('/oauth/tokenUrl');
  });

  it('allows ${client_id} in the path of a revocation URL only', () => {
    const revocation = {
      url: 'https://api.acme.example/applications/${client_id}/token',
      method: 'DELETE',
      auth: 'basic',
      encoding: 'json',
      tokenField: 'access_token',
    };
    expect(checkProviderEntry(withOAuth({ revocation })).oauth?.revocation?.method).toBe('DELETE');
    expect(rejection([withOAuth({ tokenUrl: 'https://acme.example/${client_id}/token' })]).path).toBe('/oauth/tokenUrl');
    expect(rejection([withOAuth({ revocation: { url: 'https://${client_id}.acme.example/revoke' } })]).path).toBe('/oauth/revocation/url');
  });
});

describe('catalog format: API keys', () => {
  it('refuses templates naming unknown fields, a key without a secret, and a block the auth methods do not use', () => {
    const key = apiKeyEntry().apiKey as Record<string, unknown>;
    expect(
      rejection([apiKeyEntry({ apiKey: { ...key, presentation: { type: 'basic', username: '${apiKey}', password: '${secret}' } } })]).path,
    ).toBe('/apiKey/presentation/password');
    const fields = (key.fields as Record<string, unknown>[]).map((f) => ({ ...f, secret: false }));
    expect(rejection([apiKeyEntry({ apiKey: { ...key, fields } })]).path).toBe('/apiKey/fields');
    expect(rejection([validEntry({ apiKey: key })]).path).toBe('/apiKey');
  });
});

describe('catalog format: built-in entries', () => {
  it('give every entry a category and an apiBaseUrl key', () => {
    const catalog = new ProviderCatalog(builtinProviders);
    for (const def of catalog.list()) {
      expect(CATEGORIES, def.slug).toContain(def.category);
      // A self-managed base URL (GitLab) opens its templates; it is https by its field's pattern.
      expect(def.apiBaseUrl === null || /^(https:\/\/|\$\{config\.)/.test(def.apiBaseUrl), def.slug).toBe(true);
      expect(def.hosts.length, def.slug).toBeGreaterThan(0);
    }
  });
});

describe('catalog format: config defaults and revocation templates (issue 11, engine)', () => {
  const field = (changes: Record<string, unknown>) => ({
    name: 'subdomain',
    label: 'Subdomain',
    description: 'The account subdomain.',
    scope: 'installation',
    pattern: '^[a-z0-9]+$',
    required: false,
    secret: false,
    ...changes,
  });

  it('an optional placeholder field needs a default, and the default must match the pattern', () => {
    expect(rejection([validEntry({ configFields: [field({})] })]).path).toBe('/oauth/authorizationUrl');
    const ok = checkProviderEntry(validEntry({ configFields: [field({ default: 'www' })] }));
    expect(ok.configFields[0]?.default).toBe('www');
    expect(rejection([validEntry({ configFields: [field({ default: 'Not Valid' })] })]).path).toBe('/configFields/0/default');
    expect(rejection([validEntry({ configFields: [field({ default: 'www', secret: true })] })]).path).toBe('/configFields/0/default');
  });

  it('a revocation body may name the client id and secret, nothing else', () => {
    const revocation = (body: Record<string, string>) =>
      withOAuth({ revocation: { url: 'https://acme.example/revoke', body } }, { sources: { ...OAUTH_SOURCES } });
    expect(() => checkProviderEntry(revocation({ clientId: '${client_id}', clientSecret: '${client_secret}' }))).not.toThrow();
    expect(rejection([revocation({ other: '${config.subdomain}' })]).path).toBe('/oauth/revocation/body/other');
  });
});
