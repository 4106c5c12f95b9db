import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProviderEntry } from '../src/catalog/catalog.ts';
import { factKey, providerFacts } from '../src/catalog/provider-facts.ts';
import { PENDING, validEntry } from './support/catalog-entries.ts';
import { startHarness, type Harness } from './support/harness.ts';

describe('providerFacts', () => {
  it('lists every OAuth fact with its source, null where the entry keeps the default', () => {
    const def = checkProviderEntry(validEntry());
    const facts = new Map(providerFacts(def).map((f) => [factKey(f.name), f]));
    expect([...facts.keys()]).toEqual([
      'authorization_url',
      'token_url',
      'refresh_token_url',
      'pkce',
      'client_auth',
      'token_request_encoding',
      'redirect_uri_on_refresh',
      'scope_separator',
      'default_scopes',
      'scope_aliases',
      'token_lifetime',
      'refresh_token',
      'revocation',
      'callback_params',
      'token_response',
      'issuer',
      'hosts',
      'api_base_url',
    ]);
    expect(facts.get('token_url')).toEqual({
      name: 'tokenUrl',
      value: 'https://${config.subdomain}.acme.example/oauth/token',
      source: PENDING,
    });
    expect(facts.get('redirect_uri_on_refresh')).toMatchObject({ value: false, source: null });
    expect(facts.get('token_lifetime')?.value).toEqual({ lifetime_seconds: null, never_expires: false });
  });

  it('gives an API-key entry its key presentation and no OAuth facts', () => {
    const def = checkProviderEntry(
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
              pattern: '^[a-z0-9]{8,64}$',
              required: true,
              secret: true,
            },
          ],
          presentation: { type: 'header', name: 'x-api-key' },
          extraHeaders: { 'Anthropic-Version': '2023-06-01' },
        },
        sources: { apiKey: PENDING, apiBaseUrl: PENDING },
      }),
    );
    const facts = providerFacts(def);
    expect(facts.map((f) => factKey(f.name))).toEqual(['hosts', 'api_base_url', 'api_key']);
    expect(facts[2]).toMatchObject({
      value: {
        fields: [{ name: 'apiKey', secret: true, kind: 'text', scope: 'installation' }],
        presentation: { type: 'header', name: 'x-api-key' },
        extra_headers: { 'Anthropic-Version': '2023-06-01' },
      },
      source: PENDING,
    });
  });
});

describe('GET /catalog/providers/:slug', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(() => h.close());

  it("answers the entry's facts, each with its source", async () => {
    const res = await h.request('GET', '/catalog/providers/slack');
    expect(res.status).toBe(200);
    const body = res.body as { facts: Record<string, { value: unknown; source: unknown }> } & Record<string, unknown>;
    expect(body).toMatchObject({ slug: 'slack', category: 'communication', api_base_url: 'https://slack.com/api' });
    expect(body.facts.token_url).toEqual({
      value: 'https://slack.com/api/oauth.v2.access',
      source: expect.objectContaining({ checked: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) }),
    });
    expect(body.facts.scope_separator?.value).toBe(',');
    expect(body.facts.token_response?.value).toMatchObject({ nested_user_token: true, scope_field: 'authed_user.scope' });
    expect(body.facts.hosts).toEqual({ value: ['slack.com'], source: null });
  });

  it('answers 404 entity_not_found for an unknown slug, and needs an API key', async () => {
    const res = await h.request('GET', '/catalog/providers/nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'entity_not_found', entity_id: 'nope' });
    expect((await h.app.inject({ method: 'GET', url: '/catalog/providers/slack' })).statusCode).toBe(401);
  });
});
