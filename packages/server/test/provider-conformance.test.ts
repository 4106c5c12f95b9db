import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinProviders } from '../src/catalog/builtin-providers.ts';
import { ProviderCatalog } from '../src/catalog/catalog.ts';
import type { FetchLike } from '../src/oauth/http-client.ts';
import { browse, openAndContinue } from './support/connect-flow.ts';
import { CookieJar } from './support/cookie-jar.ts';
import { expireAccount } from './support/expire-account.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { checkAuthorizationUrl, type ProviderFixture, startFixtureServer } from './support/provider-fixture.ts';

/**
 * Every built-in OAuth provider with a fixture (test/fixtures/providers/<slug>.ts, written from the provider's
 * own documentation) runs through the whole service: authorization URL, callback and code exchange, a vend
 * after expiry (refresh), and a delete (revocation), with every provider call sent to a local server that
 * behaves as the fixture says. Any request that disagrees with the fixture fails the provider's test.
 */
const FIXTURES_DIR = join(import.meta.dirname, 'fixtures/providers');
const fixtures: ProviderFixture[] = await Promise.all(
  readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map(async (name) => ((await import(join(FIXTURES_DIR, name))) as { default: ProviderFixture }).default),
);
const catalog = new ProviderCatalog(builtinProviders);
const oauthSlugs = catalog
  .list()
  .filter((p) => p.authMethods.includes('oauth'))
  .map((p) => p.slug);

/** Two scopes whatever the provider's defaults, so the separator shows. */
const SCOPES = ['scope.one', 'scope:two'];

describe('provider conformance: the catalog entries against their fixtures', () => {
  let h: Harness;
  let current: FetchLike = async () => {
    throw new Error('no fixture server for this request');
  };

  beforeAll(async () => {
    h = await startHarness('sqlite', { fetch: (url, init) => current(url, init) });
  });
  afterAll(() => h.close());

  it('every built-in OAuth entry has a fixture, and every fixture names a built-in OAuth entry', () => {
    const fixtureSlugs = fixtures.map((f) => f.slug).sort();
    expect(oauthSlugs.filter((slug) => !fixtureSlugs.includes(slug))).toEqual([]);
    expect(fixtureSlugs.filter((slug) => !oauthSlugs.includes(slug))).toEqual([]);
    for (const f of fixtures)
      expect(
        f.docs.every((url) => url.startsWith('https://')),
        f.slug,
      ).toBe(true);
  });

  for (const fixture of fixtures) {
    it(`${fixture.slug}: authorize, code exchange, refresh and revocation agree with the provider's documentation`, async () => {
      const { slug } = fixture;
      const client = { clientId: `${slug}-client-id`, clientSecret: `${slug}-client-secret` };
      const server = await startFixtureServer(fixture, client);
      current = server.fetch;
      const userId = `conformance_${slug}`;
      try {
        const created = await h.request('POST', '/data-integrations', {
          provider: slug,
          enabled: true,
          scopes: SCOPES,
          credentials: { type: 'custom', client_id: client.clientId, client_secret: client.clientSecret },
          ...(fixture.config ? { config: fixture.config } : {}),
        });
        expect(created.status, created.text).toBe(201);

        const authorized = await h.request('POST', `/data-integrations/${slug}/authorize`, { user_id: userId });
        expect(authorized.status, authorized.text).toBe(200);
        const jar = new CookieJar();
        const providerUrl = new URL(await openAndContinue(h, jar, authorized.body.url));
        server.problems.push(...checkAuthorizationUrl(fixture, providerUrl, SCOPES));

        const redirectUri = providerUrl.searchParams.get('redirect_uri') ?? '';
        server.expectExchange({ code: 'fixture-code', redirectUri, challenge: providerUrl.searchParams.get('code_challenge') });
        const callback = new URL(redirectUri);
        callback.searchParams.set('code', 'fixture-code');
        callback.searchParams.set('state', providerUrl.searchParams.get('state') ?? '');
        for (const [name, value] of Object.entries(fixture.callback ?? {})) callback.searchParams.set(name, value);
        const landed = await browse(h, jar, 'GET', callback.toString());
        expect(landed.status, landed.body).toBe(200);

        const first = await h.request('POST', `/data-integrations/${slug}/token`, { user_id: userId });
        expect(first.body.active, first.text).toBe(true);
        if (!JSON.stringify(fixture.token.response).includes(first.body.access_token.access_token))
          server.problems.push(`${slug}: the vended token is not the one the provider answered`);

        const account = await h.request('GET', `/user_management/users/${userId}/connected_accounts/${slug}`);
        for (const [name, value] of Object.entries(fixture.callback ?? {})) {
          if (account.body.config?.[name] !== value)
            server.problems.push(`${slug}: the callback parameter ${name} was not kept on the connection`);
        }

        if (fixture.refresh) {
          await expireAccount(h.db, account.body.id);
          const renewed = await h.request('POST', `/data-integrations/${slug}/token`, { user_id: userId });
          expect(renewed.body.active, renewed.text).toBe(true);
          if (!JSON.stringify(fixture.refresh.response).includes(renewed.body.access_token.access_token))
            server.problems.push(`${slug}: after expiry the vended token is not the refreshed one`);
        }

        const deleted = await h.request('DELETE', `/user_management/users/${userId}/connected_accounts/${slug}`);
        expect(deleted.status, deleted.text).toBe(204);
        if (fixture.revoke && !server.calls.includes('revoke'))
          server.problems.push(`${slug}: the provider documents revocation but deleting the connection revoked nothing`);
        if (fixture.refresh && !server.calls.includes('refresh')) server.problems.push(`${slug}: the expired token was not refreshed`);
        const known = fixture.knownDisagreements ?? [];
        expect(server.problems.filter((p) => !known.includes(p))).toEqual([]);
        expect(
          known.filter((p) => !server.problems.includes(p)),
          'fixed: drop it from knownDisagreements',
        ).toEqual([]);
      } finally {
        await server.close();
        await h.request('DELETE', `/data-integrations/${slug}`);
      }
    });
  }
});
