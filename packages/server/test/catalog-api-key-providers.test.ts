import { describe, expect, it } from 'vitest';
import { API_KEY_PATTERN } from '../src/catalog/api-key-fields.ts';
import { builtinProviders } from '../src/catalog/builtin-providers.ts';
import { ProviderCatalog } from '../src/catalog/catalog.ts';
import type { ProviderDefinition } from '../src/catalog/provider-definition.ts';
import { resolveTemplate } from '../src/catalog/templates.ts';

const catalog = new ProviderCatalog(builtinProviders);
const apiKeyProviders = catalog.list().filter((def) => def.authMethods.includes('api_key'));

function provider(slug: string): ProviderDefinition {
  const def = catalog.get(slug);
  if (!def?.apiKey) throw new Error(`missing API-key provider ${slug}`);
  return def;
}

/**
 * How each provider's documentation says the key is presented, written from the docs (see the
 * `sources` of each entry), independently of the entries: header name and scheme, query parameter, or
 * the Basic user name / password templates.
 */
const DOCUMENTED: Record<string, string> = {
  openai: 'header Authorization Bearer',
  anthropic: 'header x-api-key',
  gemini: 'header x-goog-api-key',
  mistral: 'header Authorization Bearer',
  cohere: 'header Authorization Bearer',
  groq: 'header Authorization Bearer',
  together: 'header Authorization Bearer',
  replicate: 'header Authorization Bearer',
  huggingface: 'header Authorization Bearer',
  perplexity: 'header Authorization Bearer',
  elevenlabs: 'header xi-api-key',
  deepgram: 'header Authorization Token',
  twilio: 'basic ${keySid} ${apiKey}',
  sendgrid: 'header Authorization Bearer',
  mailgun: 'basic api ${apiKey}',
  postmark: 'header X-Postmark-Server-Token',
  resend: 'header Authorization Bearer',
  vonage: 'basic ${apiKeyId} ${apiKey}',
  brevo: 'header api-key',
  telnyx: 'header Authorization Bearer',
  plivo: 'basic ${authId} ${apiKey}',
  datadog: 'header DD-API-KEY',
  newrelic: 'header API-Key',
  sentry: 'header Authorization Bearer',
  honeycomb: 'header X-Honeycomb-Team',
  algolia: 'header X-Algolia-API-Key',
  pinecone: 'header Api-Key',
  freshdesk: 'basic ${apiKey} X',
  shortcut: 'header Shortcut-Token',
  cloudflare: 'header Authorization Bearer',
  posthog: 'header Authorization Bearer',
  lemonsqueezy: 'header Authorization Bearer',
  paddle: 'header Authorization Bearer',
  mapbox: 'query access_token',
  clockify: 'header X-Api-Key',
  toggl: 'basic ${apiKey} api_token',
};

/** API-key providers whose entry also offers the provider's documented OAuth flow (its conformance fixture covers it). */
const ALSO_OAUTH = new Set(['sentry']);

function describePresentation(def: ProviderDefinition): string {
  const p = def.apiKey?.presentation;
  if (!p) return 'none';
  if (p.type === 'basic') return `basic ${p.username} ${p.password}`;
  if (p.type === 'query') return `query ${p.name}`;
  return ['header', p.name, p.scheme].filter(Boolean).join(' ');
}

describe('API-key providers', () => {
  it('ships every provider of the API-key list, presented as its documentation says', () => {
    expect(apiKeyProviders.map((def) => def.slug).sort()).toEqual(expect.arrayContaining(Object.keys(DOCUMENTED).sort()));
    for (const [slug, documented] of Object.entries(DOCUMENTED)) expect(describePresentation(provider(slug)), slug).toBe(documented);
  });

  it('is API-key only (unless it also documents OAuth): an https API base and a secret field named apiKey', () => {
    for (const def of apiKeyProviders.filter((entry) => entry.slug in DOCUMENTED)) {
      if (ALSO_OAUTH.has(def.slug)) {
        expect(def.authMethods, def.slug).toEqual(['oauth', 'api_key']);
        expect(def.tokenUrl, def.slug).toMatch(/^https:\/\//);
      } else {
        expect(def.authMethods, def.slug).toEqual(['api_key']);
        expect([def.authorizationUrl, def.tokenUrl], def.slug).toEqual([null, null]);
      }
      expect(def.apiBaseUrl, def.slug).toMatch(/^https:\/\//);
      const key = def.apiKey?.fields.find((field) => field.name === 'apiKey');
      expect(key, def.slug).toMatchObject({ secret: true, required: true, scope: 'installation', pattern: API_KEY_PATTERN });
    }
  });

  it('accepts the key formats providers issue and refuses what could break a header, a query or a Basic pair', () => {
    const key = new RegExp(API_KEY_PATTERN);
    const issued = [
      'sk-proj-AbC_123-xyz',
      'sk-ant-api03-AbCdEf_gh-IJ',
      'pdl_live_apikey_01gtgztp8f4kek3yd4g1wrksa3_q6TGTJyvoIz7LDtXT65bX7_AQO',
      'pk.eyJ1IjoiYWNtZSJ9.AbC-dEf_gh',
      '1971800d4d82861d8f2c1651fea4d212',
      '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',
      'a1b2c3d4-e5f6-7890-abcd-ef0123456789',
    ];
    for (const value of issued) expect(key.test(value), value).toBe(true);
    for (const value of ['', 'short', 'key with space', 'user:pass', 'abc\r\nX-Evil: 1', 'abcdefgh#frag', 'abcdefgh&x=1']) {
      expect(key.test(value), JSON.stringify(value)).toBe(false);
    }
  });

  it('offers exactly the documented regional hosts and resolves the API base on each', () => {
    const regions: Record<string, [string[], string]> = {
      mailgun: [['api.mailgun.net', 'api.eu.mailgun.net'], 'https://api.eu.mailgun.net'],
      newrelic: [['api.newrelic.com', 'api.eu.newrelic.com'], 'https://api.eu.newrelic.com/graphql'],
      honeycomb: [['api.honeycomb.io', 'api.eu1.honeycomb.io'], 'https://api.eu1.honeycomb.io'],
      posthog: [['us.posthog.com', 'eu.posthog.com'], 'https://eu.posthog.com/api'],
      datadog: [
        ['api.datadoghq.com', 'api.us3.datadoghq.com', 'api.us5.datadoghq.com', 'api.ap1.datadoghq.com', 'api.ap2.datadoghq.com'],
        'https://api.ap2.datadoghq.com',
      ],
    };
    for (const [slug, [documented, lastBase]] of Object.entries(regions)) {
      const def = provider(slug);
      const field = def.configFields.find((candidate) => candidate.kind === 'host');
      expect(field, slug).toMatchObject({ name: 'host', required: true, secret: false });
      const pattern = new RegExp(field?.pattern ?? '^$');
      for (const host of documented) expect(pattern.test(host), `${slug} ${host}`).toBe(true);
      const last = documented.at(-1) as string;
      for (const bad of [`x.${last}`, `${last}.evil.com`, 'evil.com', `api-${last}`])
        expect(pattern.test(bad), `${slug} ${bad}`).toBe(false);
      expect(resolveTemplate(def.apiBaseUrl as string, { host: last }), slug).toBe(lastBase);
    }
  });

  it('puts account identifiers where the providers expect them', () => {
    const twilio = provider('twilio');
    expect(resolveTemplate(twilio.apiBaseUrl as string, { accountSid: 'AC0123456789abcdef0123456789abcdef' })).toBe(
      'https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef',
    );
    expect(resolveTemplate(provider('algolia').apiBaseUrl as string, { appId: 'ABC123XYZ0' })).toBe('https://ABC123XYZ0.algolia.net');
    expect(resolveTemplate(provider('freshdesk').apiBaseUrl as string, { domain: 'acme' })).toBe('https://acme.freshdesk.com/api/v2');
    expect(provider('algolia').apiKey?.extraHeaders).toEqual({ 'X-Algolia-Application-Id': '${applicationId}' });
    expect(provider('datadog').apiKey?.extraHeaders).toEqual({ 'DD-APPLICATION-KEY': '${applicationKey}' });
  });

  it('sends the version and media-type headers the APIs require', () => {
    expect(provider('anthropic').apiKey?.extraHeaders).toEqual({ 'anthropic-version': '2023-06-01' });
    expect(provider('lemonsqueezy').apiKey?.extraHeaders).toEqual({
      Accept: 'application/vnd.api+json',
      'Content-Type': 'application/vnd.api+json',
    });
  });
});
