import type { ConfigField, FactName, ProviderDefinition, Source } from './provider-definition.ts';

/** One fact of a catalog entry as it is shown (API, CLI): its value in wire terms and where it is documented. */
export interface ProviderFact {
  name: FactName;
  value: unknown;
  /** `null` when the entry keeps the default and so sources nothing for it. */
  source: Source | null;
}

const field = (f: ConfigField) => ({
  name: f.name,
  label: f.label,
  scope: f.scope,
  required: f.required,
  secret: f.secret,
  kind: f.kind ?? 'text',
  pattern: f.pattern,
});

/**
 * Every fact of `provider` with its source, in the catalog format's order: the OAuth facts (when it has
 * an `oauth` block), hosts and API base URL, then the API-key presentation (when it has an `apiKey`
 * block). Values use snake_case keys, as the API answers them; map keys that are names (scopes,
 * parameters, headers) are kept as they are.
 */
export function providerFacts(provider: ProviderDefinition): ProviderFact[] {
  const facts: [FactName, unknown][] = [];
  const o = provider.oauth;
  if (o) {
    const r = o.revocation;
    facts.push(
      ['authorizationUrl', o.authorizationUrl],
      ['tokenUrl', o.tokenUrl],
      ['refreshTokenUrl', o.refreshTokenUrl],
      ['pkce', o.pkce],
      ['clientAuth', o.clientAuth],
      ['tokenRequestEncoding', o.tokenRequestEncoding],
      ['redirectUriOnRefresh', o.redirectUriOnRefresh],
      ['scopeSeparator', o.scopeSeparator],
      ['defaultScopes', o.defaultScopes],
      ['scopeAliases', o.scopeAliases],
      ['tokenLifetime', { lifetime_seconds: o.tokenLifetimeSeconds, never_expires: o.accessTokenNeverExpires }],
      ['refreshToken', { supported: !o.accessTokenNeverExpires, rotates: o.refreshTokenRotates }],
      ['revocation', r && { url: r.url, method: r.method, auth: r.auth, encoding: r.encoding, token_field: r.tokenField, body: r.body }],
      ['callbackParams', o.callbackParams],
      [
        'tokenResponse',
        {
          error_in_ok_response: o.tokenErrorInOkResponse,
          nested_user_token: o.nestedUserToken,
          scope_field: o.scopeResponseField,
          metadata_fields: o.metadataFields,
        },
      ],
      ['issuer', o.issuer],
    );
  }
  facts.push(['hosts', provider.hosts], ['apiBaseUrl', provider.apiBaseUrl]);
  const key = provider.apiKey;
  if (key) {
    facts.push(['apiKey', { fields: key.fields.map(field), presentation: key.presentation, extra_headers: key.extraHeaders ?? {} }]);
  }
  return facts.map(([name, value]) => ({ name, value, source: provider.sources[name] ?? null }));
}

/** `tokenUrl` → `token_url`: the wire name of a fact. */
export const factKey = (name: FactName): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
