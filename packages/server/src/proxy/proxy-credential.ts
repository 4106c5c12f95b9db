import type { ApiKeySettings, ProviderDefinition } from '../catalog/provider-definition.ts';
import { proxyUnsupported } from '../core/errors.ts';
import type { AuthMethod } from '../domain/connected-account.ts';

/** How a connection's credential rides on a proxied request: headers to set, and a query parameter. */
export interface CredentialAttachment {
  headers: Record<string, string>;
  query: { name: string; value: string } | null;
}

const FIELD = /\$\{([^}]*)\}/g;

/**
 * The credential as the provider expects it. OAuth and client-credentials tokens, and the key of a
 * custom provider's API-key integration (which declares no presentation), go as `Authorization: Bearer`;
 * a built-in API-key provider's key goes as its catalog entry's `apiKey.presentation` (a header with an
 * optional scheme or value template, a query parameter, or Basic) plus its `extraHeaders`, each
 * `${field}` filled from the connection's config and `apiKey` (the stored key).
 *
 * @throws AppError 422 proxy_unsupported when a template names a value the connection does not have.
 */
export function attachCredential(
  provider: Pick<ProviderDefinition, 'slug' | 'apiKey'>,
  authMethod: AuthMethod,
  secret: string,
  config: Readonly<Record<string, string>>,
): CredentialAttachment {
  const key = provider.apiKey;
  if (authMethod !== 'api_key' || key === null) return { headers: { authorization: `Bearer ${secret}` }, query: null };
  const values: Record<string, string> = { ...config, apiKey: secret };
  const fill = (template: string) => fillTemplate(provider.slug, template, values);
  const headers: Record<string, string> = {};
  const p: ApiKeySettings['presentation'] = key.presentation;
  let query: CredentialAttachment['query'] = null;
  if (p.type === 'basic') {
    headers.authorization = `Basic ${Buffer.from(`${fill(p.username)}:${fill(p.password)}`).toString('base64')}`;
  } else if (p.type === 'header') {
    const value = p.value === undefined ? secret : fill(p.value);
    headers[p.name.toLowerCase()] = p.scheme === undefined ? value : `${p.scheme} ${value}`;
  } else {
    query = { name: p.name, value: p.value === undefined ? secret : fill(p.value) };
  }
  for (const [name, template] of Object.entries(key.extraHeaders ?? {})) headers[name.toLowerCase()] = fill(template);
  return { headers, query };
}

function fillTemplate(slug: string, template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(FIELD, (_placeholder, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined || value === '') {
      throw proxyUnsupported(`The ${slug} connection has no "${name}", which its API credential needs.`, `config.${name}`);
    }
    return value;
  });
}

/**
 * `target` with the credential's query parameter: any parameter of that name the caller sent is
 * dropped (the provider must see only ours), and the rest of the query is kept byte for byte.
 */
export function withCredentialQuery(target: URL, query: CredentialAttachment['query']): URL {
  if (query === null) return target;
  const kept = target.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && safeDecode(pair.split('=', 1)[0]!) !== query.name);
  kept.push(`${encodeURIComponent(query.name)}=${encodeURIComponent(query.value)}`);
  const out = new URL(target.href);
  out.search = `?${kept.join('&')}`;
  return out;
}

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s.replaceAll('+', ' '));
  } catch {
    return s;
  }
};
