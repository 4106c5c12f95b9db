import { describe, expect, it } from 'vitest';
import { builtinProviders } from '../src/catalog/builtin-providers.ts';
import { CatalogValidationError, ProviderCatalog, checkProviderEntry, resolveTemplate, templateFields } from '../src/catalog/catalog.ts';
import type { ProviderDefinition } from '../src/catalog/provider-definition.ts';
import { OAUTH_SOURCES, PENDING, rejection, validEntry, withOAuth } from './support/catalog-entries.ts';

const REQUIRED_SLUGS = [
  'github',
  'gitlab',
  'bitbucket',
  'slack',
  'google',
  'microsoft',
  'notion',
  'linear',
  'atlassian',
  'asana',
  'salesforce',
  'hubspot',
  'zoom',
  'dropbox',
  'box',
  'figma',
  'discord',
  'intercom',
  'zendesk',
  'shopify',
  'airtable',
  'clickup',
  'monday',
  'calendly',
  'miro',
  'pipedrive',
  'quickbooks',
  'xero',
  'snowflake',
  'todoist',
];

/** A realistic value for every config field a built-in provider declares; a new field must be added here. */
const SAMPLE_CONFIG: Record<string, string> = {
  tenant: 'common',
  subdomain: 'acme',
  shop: 'acme-store',
  account: 'xy12345.us-east-2.aws',
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  appId: 'ABC123XYZ0',
  domain: 'acme',
  oktaOrg: 'acme',
  tenant_domain: 'acme.us.auth0.com',
  pagerdutyApiHost: 'api.eu.pagerduty.com',
  loginHost: 'acme--uat.sandbox.my.salesforce.com',
  appHost: 'app.eu.intercom.com',
  apiHost: 'api.eu.intercom.io',
  baseUrl: 'https://gitlab.example.com',
  paypalWebHost: 'www.sandbox',
  paypalApiHost: 'api-m.sandbox',
  accountServer: 'account-d.docusign.com',
  baseUriHost: 'demo.docusign.net',
  smartsheetDomain: 'smartsheet.eu',
  gustoDomain: 'gusto-demo.com',
  instance: 'acme',
  companyDomain: 'acme',
  procoreLoginHost: 'login-sandbox.procore.com',
  procoreApiHost: 'sandbox.procore.com',
  clioHost: 'eu.app.clio.com',
};

/** Region and site hosts differ per provider, so their samples are keyed `<slug>.<field>`. */
const SAMPLE_CONFIG_BY_PROVIDER: Record<string, string> = {
  'datadog.host': 'api.us5.datadoghq.com',
  'zoho.domain': 'accounts.zoho.eu',
  'honeycomb.host': 'api.eu1.honeycomb.io',
  'mailgun.host': 'api.eu.mailgun.net',
  'newrelic.host': 'api.eu.newrelic.com',
  'posthog.host': 'eu.posthog.com',
};

/** The sample config of one provider: the shared values, overridden by its own. */
function sampleConfig(slug: string): Record<string, string> {
  const own = Object.entries(SAMPLE_CONFIG_BY_PROVIDER)
    .filter(([key]) => key.startsWith(`${slug}.`))
    .map(([key, value]) => [key.slice(slug.length + 1), value]);
  return { ...SAMPLE_CONFIG, ...Object.fromEntries(own) };
}

/** `${client_id}` (revocation URLs) is filled by the engine from the OAuth app, not from config. */
const withoutClientId = (url: string) => url.replaceAll('${client_id}', 'client0');

const URL_KEYS = ['authorizationUrl', 'tokenUrl', 'refreshTokenUrl', 'revocationUrl', 'apiBaseUrl'] as const;

const catalog = new ProviderCatalog(builtinProviders);

function provider(slug: string): ProviderDefinition {
  const def = catalog.get(slug);
  if (!def) throw new Error(`missing provider ${slug}`);
  return def;
}

describe('built-in catalog', () => {
  it('validates every entry on its own', () => {
    for (const entry of builtinProviders) {
      expect(() => checkProviderEntry(entry), entry.slug).not.toThrow();
    }
  });

  it('contains every required provider and nothing twice', () => {
    const slugs = catalog.list().map((def) => def.slug);
    for (const slug of REQUIRED_SLUGS) expect(slugs, slug).toContain(slug);
    expect(builtinProviders.length).toBeGreaterThanOrEqual(30);
    expect(new Set(builtinProviders.map((def) => def.slug)).size).toBe(builtinProviders.length);
    expect(catalog.list()).toHaveLength(builtinProviders.length);
  });

  it('lists entries sorted by slug', () => {
    const slugs = catalog.list().map((def) => def.slug);
    expect(slugs).toEqual([...slugs].sort());
  });

  it('looks entries up by slug', () => {
    expect(catalog.get('github')?.name).toBe('GitHub');
    expect(catalog.has('github')).toBe(true);
    expect(catalog.get('nope')).toBeNull();
    expect(catalog.has('nope')).toBe(false);
    expect(catalog.get('__proto__')).toBeNull();
  });

  it('hands out frozen copies that cannot change the catalog', () => {
    const def = provider('google');
    expect(Object.isFrozen(def)).toBe(true);
    expect(Object.isFrozen(def.authorizationParams)).toBe(true);
    expect(Object.isFrozen(def.defaultScopes)).toBe(true);
    expect(() => {
      (def.defaultScopes as string[]).push('x');
    }).toThrow(TypeError);
    expect(def).not.toBe(builtinProviders.find((entry) => entry.slug === 'google'));
  });

  it('has https docs and, for every oauth provider, authorization and token URLs', () => {
    for (const def of catalog.list()) {
      expect(def.docsUrl, def.slug).toMatch(/^https:\/\//);
      if (def.authMethods.includes('oauth')) {
        expect(def.authorizationUrl, def.slug).not.toBeNull();
        expect(def.tokenUrl, def.slug).not.toBeNull();
      }
      expect(def.revocationAuth === null, def.slug).toBe(def.revocationUrl === null);
    }
  });

  it('declares a config field for every placeholder, and every sample value matches its pattern', () => {
    for (const def of catalog.list()) {
      const declared = new Set(def.configFields.map((field) => field.name));
      for (const key of URL_KEYS) {
        const url = def[key];
        if (url === null) continue;
        for (const name of templateFields(withoutClientId(url))) expect(declared, `${def.slug}.${key}`).toContain(name);
      }
      for (const field of def.configFields) {
        const sample = sampleConfig(def.slug)[field.name];
        expect(sample, `${def.slug}: no sample value for ${field.name}`).toBeDefined();
        expect(new RegExp(field.pattern).test(sample as string), `${def.slug}.${field.name}`).toBe(true);
      }
    }
  });

  it('resolves every URL to an https URL without credentials or fragment', () => {
    let resolved = 0;
    for (const def of catalog.list()) {
      for (const key of URL_KEYS) {
        const template = def[key];
        if (template === null) continue;
        const url = new URL(resolveTemplate(withoutClientId(template), sampleConfig(def.slug)));
        expect(url.protocol, `${def.slug}.${key}`).toBe('https:');
        expect(url.username + url.password + url.hash, `${def.slug}.${key}`).toBe('');
        expect(url.href, `${def.slug}.${key}`).not.toContain('${');
        resolved += 1;
      }
    }
    expect(resolved).toBeGreaterThan(60);
  });

  it('templates Zendesk, Shopify, Snowflake and Microsoft hosts from declared fields', () => {
    const zendesk = provider('zendesk');
    expect(zendesk.configFields).toEqual([expect.objectContaining({ name: 'subdomain', scope: 'installation', required: true })]);
    expect(resolveTemplate(zendesk.authorizationUrl as string, { subdomain: 'acme' })).toBe(
      'https://acme.zendesk.com/oauth/authorizations/new',
    );

    const shopify = provider('shopify');
    expect(shopify.configFields).toEqual([expect.objectContaining({ name: 'shop', scope: 'installation' })]);
    expect(resolveTemplate(shopify.authorizationUrl as string, { shop: 'acme' })).toBe('https://acme.myshopify.com/admin/oauth/authorize');

    const snowflake = provider('snowflake');
    expect(snowflake.configFields).toEqual([expect.objectContaining({ name: 'account', scope: 'integration' })]);
    expect(resolveTemplate(snowflake.authorizationUrl as string, { account: 'myorg-acct' })).toBe(
      'https://myorg-acct.snowflakecomputing.com/oauth/authorize',
    );

    const tenant = provider('microsoft').configFields.find((field) => field.name === 'tenant');
    expect(tenant?.scope).toBe('integration');
    const tenantPattern = new RegExp(tenant?.pattern ?? '^$');
    for (const ok of ['common', 'organizations', 'contoso.onmicrosoft.com', '72f988bf-86f1-41af-91ab-2d7cd011db47']) {
      expect(tenantPattern.test(ok), ok).toBe(true);
    }
    for (const bad of ['evil.com/x', 'a@b', '../common', 'common/']) expect(tenantPattern.test(bad), bad).toBe(false);
  });

  it('rejects host-breaking values in every templated field', () => {
    for (const def of catalog.list()) {
      // A pinned base URL (kind baseUrl) is a whole URL by design; the outbound guard checks it.
      for (const field of def.configFields.filter((f) => f.kind !== 'baseUrl')) {
        const pattern = new RegExp(field.pattern);
        for (const bad of ['evil.com/', 'x@evil.com', 'x#', 'x?y=1', '', 'a b']) {
          expect(pattern.test(bad), `${def.slug}.${field.name} accepted ${JSON.stringify(bad)}`).toBe(false);
        }
      }
    }
  });
});

describe('provider quirks', () => {
  it('GitHub reports token errors inside HTTP 200 and issues non-expiring tokens', () => {
    const github = provider('github');
    expect(github.quirks.tokenErrorInOkResponse).toBe(true);
    expect(github.quirks.accessTokenNeverExpires).toBe(true);
    expect(github.tokenUrl).toBe('https://github.com/login/oauth/access_token');
  });

  it('Slack uses the v2 endpoints and a nested user token', () => {
    const slack = provider('slack');
    expect(slack.authorizationUrl).toBe('https://slack.com/oauth/v2/authorize');
    expect(slack.tokenUrl).toBe('https://slack.com/api/oauth.v2.access');
    expect(slack.revocationUrl).toBe('https://slack.com/api/auth.revoke');
    expect(slack.quirks.nestedUserToken).toBe(true);
    expect(slack.quirks.scopeResponseField).toBe('authed_user.scope');
    expect(slack.quirks.metadataFields).toEqual(expect.arrayContaining(['team', 'enterprise', 'bot_user_id']));
    expect(slack.scopeSeparator).toBe(',');
  });

  it('Notion authenticates with Basic and a JSON body and keeps workspace metadata', () => {
    const notion = provider('notion');
    expect(notion.clientAuth).toBe('client_secret_basic');
    expect(notion.tokenBodyContentType).toBe('application/json');
    expect(notion.quirks.metadataFields).toEqual(expect.arrayContaining(['workspace_id', 'workspace_name', 'bot_id']));
  });

  it('Salesforce keeps instance_url as metadata', () => {
    expect(provider('salesforce').quirks.metadataFields).toEqual(expect.arrayContaining(['instance_url', 'id', 'issued_at']));
  });

  it('Google asks for offline access and advertises its issuer and revocation endpoint', () => {
    const google = provider('google');
    expect(google.authorizationParams).toEqual({ access_type: 'offline', prompt: 'consent' });
    expect(google.revocationUrl).toBe('https://oauth2.googleapis.com/revoke');
    expect(google.issuer).toBe('https://accounts.google.com');
  });

  it('Airtable requires PKCE and Basic client authentication', () => {
    const airtable = provider('airtable');
    expect(airtable.pkce).toBe(true);
    expect(airtable.clientAuth).toBe('client_secret_basic');
  });

  it('keeps no secret in connection metadata', () => {
    for (const def of catalog.list()) {
      for (const field of def.quirks.metadataFields) expect(field, def.slug).not.toMatch(/token|secret/);
    }
  });
});

describe('ProviderCatalog rejects invalid entries', () => {
  it('accepts the valid fixture (so the cases below fail for their own reason)', () => {
    expect(new ProviderCatalog([validEntry()]).has('acme')).toBe(true);
  });

  it('rejects a URL that is not https', () => {
    const error = rejection([withOAuth({ tokenUrl: 'http://acme.example/oauth/token' })]);
    expect(error.message).toContain('"acme"');
    expect(error.slug).toBe('acme');
    expect(error.path).toBe('/oauth/tokenUrl');
    expect(error.message).toMatch(/https/);
  });

  it('accepts http only behind the named escape hatch', () => {
    const entry = withOAuth({ tokenUrl: 'http://localhost:3000/token' });
    expect(() => new ProviderCatalog([entry])).toThrow(CatalogValidationError);
    expect(new ProviderCatalog([entry], { allowInsecureProviderUrls: true }).has('acme')).toBe(true);
  });

  it('rejects a URL that does not parse', () => {
    const error = rejection([withOAuth({ authorizationUrl: 'acme.example/authorize' })]);
    expect(error.message).toContain('"acme"');
    expect(error.path).toBe('/oauth/authorizationUrl');
  });

  it('rejects a URL with credentials', () => {
    expect(rejection([withOAuth({ tokenUrl: 'https://user:pw@acme.example/token' })]).path).toBe('/oauth/tokenUrl');
  });

  it('rejects a placeholder naming an undeclared config field', () => {
    const error = rejection([withOAuth({ tokenUrl: 'https://${config.region}.acme.example/token' })]);
    expect(error.message).toContain('"acme"');
    expect(error.message).toContain('${config.region}');
    expect(error.path).toBe('/oauth/tokenUrl');
  });

  it('rejects a malformed placeholder', () => {
    expect(rejection([withOAuth({ tokenUrl: 'https://${env.HOME}.acme.example/token' })]).path).toBe('/oauth/tokenUrl');
    expect(rejection([withOAuth({ tokenUrl: 'https://$subdomain.acme.example/token' })]).path).toBe('/oauth/tokenUrl');
    expect(rejection([validEntry({ apiBaseUrl: 'https://${config.nope}.acme.example' })]).path).toBe('/apiBaseUrl');
  });

  it('rejects a placeholder naming an optional field', () => {
    const fields = [{ ...(validEntry().configFields as Record<string, unknown>[])[0], required: false }];
    const error = rejection([validEntry({ configFields: fields })]);
    expect(error.message).toMatch(/optional/);
  });

  it('rejects a field pattern that is unanchored or lets a value rewrite the URL', () => {
    const base = (validEntry().configFields as Record<string, unknown>[])[0];
    expect(rejection([validEntry({ configFields: [{ ...base, pattern: '[a-z]+' }] })]).path).toBe('/configFields/0/pattern');
    const permissive = rejection([validEntry({ configFields: [{ ...base, pattern: '^.+$' }] })]);
    expect(permissive.path).toBe('/configFields/0/pattern');
    expect(permissive.message).toContain('"acme"');
    expect(rejection([validEntry({ configFields: [{ ...base, pattern: '^([a-z$' }] })]).path).toBe('/configFields/0/pattern');
  });

  it('rejects a duplicate slug', () => {
    const error = rejection([validEntry(), validEntry({ name: 'Acme again' })]);
    expect(error.message).toContain('"acme"');
    expect(error.message).toMatch(/duplicate/);
  });

  it('rejects a missing required property, naming the slug and the property', () => {
    const entry = validEntry();
    delete (entry.oauth as Record<string, unknown>).tokenUrl;
    const error = rejection([entry]);
    expect(error.slug).toBe('acme');
    expect(error.message).toContain('"acme"');
    expect(error.message).toContain('tokenUrl');
    const noBase = validEntry();
    delete noBase.apiBaseUrl;
    expect(rejection([noBase]).message).toContain('apiBaseUrl');
  });

  it('rejects unknown properties, bad enum values and bad slugs', () => {
    expect(rejection([validEntry({ extra: true })]).message).toContain('"acme"');
    const badAuth = rejection([withOAuth({ clientAuth: 'private_key_jwt' })]);
    expect(badAuth.path).toBe('/oauth/clientAuth');
    expect(badAuth.message).toContain('"basic"');
    expect(rejection([withOAuth({ nested: true })]).path).toBe('/oauth/nested');
    expect(rejection([validEntry({ category: 'games' })]).path).toBe('/category');
    const badSlug = rejection([validEntry({ slug: 'Acme Corp' })]);
    expect(badSlug.slug).toBe('Acme Corp');
    expect(badSlug.path).toBe('/slug');
    expect(rejection([42]).slug).toBeNull();
  });

  it('rejects incoherent combinations', () => {
    expect(rejection([validEntry({ oauth: undefined })]).path).toBe('/oauth');
    expect(rejection([withOAuth({ authorizationUrl: null })]).path).toBe('/oauth/authorizationUrl');
    const rotation = { accessTokenNeverExpires: true, refreshTokenRotates: true };
    expect(rejection([withOAuth(rotation)]).path).toBe('/oauth/refreshTokenRotates');
    expect(
      rejection([withOAuth({ metadataFields: ['refresh_token'] }, { sources: { ...OAUTH_SOURCES, tokenResponse: PENDING } })]).path,
    ).toBe('/oauth/metadataFields/0');
    expect(rejection([withOAuth({ authorizationParams: { redirect_uri: 'https://evil.example' } })]).path).toBe(
      '/oauth/authorizationParams/redirect_uri',
    );
    expect(rejection([withOAuth({ callbackParams: ['code'] }, { sources: { ...OAUTH_SOURCES, callbackParams: PENDING } })]).path).toBe(
      '/oauth/callbackParams/0',
    );
  });

  it('names the offending slug even after valid entries', () => {
    const error = rejection([...builtinProviders, validEntry({ slug: 'broken', docsUrl: 'ftp://x' })]);
    expect(error.slug).toBe('broken');
    expect(error.message).toContain('"broken"');
  });
});

describe('resolveTemplate', () => {
  it('substitutes every placeholder verbatim and leaves static URLs alone', () => {
    expect(resolveTemplate('https://${config.a}.x.example/${config.b}/${config.a}', { a: 'one', b: 'two' })).toBe(
      'https://one.x.example/two/one',
    );
    expect(resolveTemplate('https://x.example/token', {})).toBe('https://x.example/token');
  });

  it('throws a clear error when a placeholder has no value', () => {
    expect(() => resolveTemplate('https://${config.subdomain}.zendesk.com/', {})).toThrow(
      /No value for placeholder \$\{config\.subdomain\}/,
    );
    expect(() => resolveTemplate('https://${config.subdomain}.zendesk.com/', { subdomain: '' })).toThrow(/No value/);
    expect(() => resolveTemplate('https://${config.toString}.x.example/', {})).toThrow(/No value/);
  });

  it('throws on a malformed placeholder', () => {
    expect(() => resolveTemplate('https://${subdomain}.x.example/', { subdomain: 'a' })).toThrow(/Malformed placeholder/);
  });
});
