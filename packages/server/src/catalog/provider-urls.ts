import type { ProviderDefinition } from './provider-definition.ts';
import { resolveTemplate } from './templates.ts';

/** A provider URL that cannot be used: a placeholder without a value, or a host the entry does not allow. */
export class ProviderUrlError extends Error {
  override readonly name = 'ProviderUrlError';
}

const CLIENT_ID = '${client_id}';

/**
 * The config values a provider's URL templates see: `config` over each field's `default` (Salesforce's
 * production login host, gitlab.com), so a host variant stays optional and connections made before a
 * field existed keep resolving. Values must already have been checked against their field's pattern.
 */
export function withConfigDefaults(
  provider: Pick<ProviderDefinition, 'configFields'>,
  config: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of provider.configFields) if (field.default !== undefined) out[field.name] = field.default;
  return Object.assign(out, config);
}

/**
 * Resolves one of the provider's URL templates for a call: defaults filled, `${config.<field>}`
 * substituted, `${client_id}` (revocation URLs) URL-encoded into the path. The result must stay under
 * the entry's `hosts` (docs/security.md B: the catalog, not a typed value, decides where credentials go):
 * the catalog checked every pattern at load, and this checks the value actually used. A URL opened by a
 * `kind: 'baseUrl'` field (self-managed GitLab) is exempt; that value was checked by the outbound guard
 * when the operator pinned it, and the guarded dispatcher checks its addresses on every connection.
 * Custom providers have no `hosts`: their static URLs were checked when they were defined.
 *
 * @example
 * resolveProviderUrl(salesforce, salesforce.oauth!.tokenUrl, { loginHost: 'acme.my.salesforce.com' });
 * // → 'https://acme.my.salesforce.com/services/oauth2/token'
 * @throws ProviderUrlError when a placeholder has no value or the host leaves `hosts`.
 */
export function resolveProviderUrl(
  provider: Pick<ProviderDefinition, 'slug' | 'configFields' | 'hosts'>,
  template: string,
  config: Readonly<Record<string, string>>,
  clientId?: string,
): string {
  let withClient = template;
  if (template.includes(CLIENT_ID)) {
    if (clientId === undefined) throw new ProviderUrlError(`No client id for the ${CLIENT_ID} of a ${provider.slug} URL`);
    withClient = template.replaceAll(CLIENT_ID, encodeURIComponent(clientId));
  }
  let resolved: string;
  let url: URL;
  try {
    resolved = resolveTemplate(withClient, withConfigDefaults(provider, config));
    url = new URL(resolved);
  } catch (error) {
    throw new ProviderUrlError((error as Error).message);
  }
  const opener = /^\$\{config\.([a-zA-Z0-9_]+)\}/.exec(template)?.[1];
  const pinnedBase = provider.configFields.some((f) => f.name === opener && f.kind === 'baseUrl');
  if (!pinnedBase && provider.hosts.length > 0) {
    const host = url.hostname.toLowerCase();
    if (!provider.hosts.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) {
      throw new ProviderUrlError(`The ${provider.slug} URL host ${host} is not under ${provider.hosts.join(', ')}`);
    }
  }
  return resolved;
}
