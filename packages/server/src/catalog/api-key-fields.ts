import type { ConfigField } from './provider-definition.ts';

/**
 * Characters of the keys and tokens API-key providers issue (hex, base64 and base64url, JWT-style dots,
 * prefixes such as `sk-`, `pdl_live_`): nothing that could break a header value, split a Basic
 * `user:password` pair (no colon) or need escaping beyond URL encoding in a query parameter.
 */
export const API_KEY_PATTERN = '^[A-Za-z0-9._~+/=-]{8,1024}$';

/**
 * The connection's key: the secret the tenant supplies, named `apiKey` in every entry so that
 * presentations read `${apiKey}` and the API's single `secret` maps to one field.
 *
 * @example
 * fields: [apiKeyField('OpenAI API key', 'A project secret key from the OpenAI dashboard.')]
 */
export function apiKeyField(label: string, description: string): ConfigField {
  return secretField('apiKey', label, description);
}

/** A second secret a provider needs beside the key (Datadog's application key). */
export function secretField(name: string, label: string, description: string): ConfigField {
  return { name, label, description, scope: 'installation', pattern: API_KEY_PATTERN, required: true, secret: true };
}

/**
 * A non-secret identifier supplied with the key (account SID, application ID, helpdesk subdomain),
 * validated by `pattern` before it reaches a URL, a header or a Basic user name.
 */
export function accountIdField(name: string, label: string, description: string, pattern: string): ConfigField {
  return { name, label, description, scope: 'installation', pattern, required: true, secret: false };
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A region or site host picked from those the provider documents: `<label>.<suffix>` for one of
 * `labels`. The pattern ends with the escaped suffix and keeps its alternatives inside a group, the shape
 * the catalog's host rule accepts for a whole-host placeholder (it can never leave `suffix`).
 *
 * @example
 * hostChoiceField('apiHost', 'Region', 'US or EU.', ['api', 'api.eu'], 'mailgun.net')
 * // pattern '^(?:api|api\\.eu)\\.mailgun\\.net$': api.mailgun.net or api.eu.mailgun.net
 */
export function hostChoiceField(name: string, label: string, description: string, labels: readonly string[], suffix: string): ConfigField {
  const pattern = `^(?:${labels.map(escapeRegExp).join('|')})${escapeRegExp(`.${suffix}`)}$`;
  return { name, label, description, scope: 'installation', pattern, required: true, secret: false, kind: 'host' };
}
