import { engineFields, oauthSettings } from '../catalog/provider-defaults.ts';
import { type ProviderDefinition, RESERVED_OAUTH_PARAMS } from '../catalog/provider-definition.ts';
import { validationFailed, type FieldError } from '../core/errors.ts';
import { checkOutboundUrl } from '../outbound/url-guard.ts';

/** A custom provider as stored and as answered (§3.1 `DataIntegrationCustomProvider`, all keys). */
export interface CustomProviderWire {
  name: string;
  authorization_url: string | null;
  token_url: string | null;
  refresh_token_url: string | null;
  /** Extension to the WorkOS shape: RFC 7009 endpoint so disconnects can revoke. */
  revocation_url: string | null;
  /** Extension: the RFC 9207 `iss` the provider sends on callbacks; when set, the callback must carry it. */
  issuer: string | null;
  pkce_enabled: boolean;
  request_scope_separator: string;
  scopes_required: boolean;
  client_secret_required: boolean;
  additional_authorization_parameters: Record<string, string>;
  token_body_content_type: string;
  authenticate_via: 'request_body' | 'basic_auth_header';
  /** Extension: where `/proxy/<slug>/…` sends calls (issue 12); null: this integration cannot be proxied. */
  api_base_url: string | null;
}

export type CustomProviderInput = Partial<CustomProviderWire>;

export const CUSTOM_PROVIDER_DEFAULTS: Omit<CustomProviderWire, 'name'> = {
  authorization_url: null,
  token_url: null,
  refresh_token_url: null,
  revocation_url: null,
  issuer: null,
  pkce_enabled: true,
  request_scope_separator: ' ',
  scopes_required: false,
  client_secret_required: true,
  additional_authorization_parameters: {},
  token_body_content_type: 'application/x-www-form-urlencoded',
  authenticate_via: 'request_body',
  api_base_url: null,
};

const URL_FIELDS = ['authorization_url', 'token_url', 'refresh_token_url', 'revocation_url', 'api_base_url'] as const;
const TOKEN_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'application/json']);

/**
 * Checks a complete custom provider definition for the integration's auth method: URLs are
 * static (no `${config…}`), pass the outbound guard (absolute https to a public host, see
 * `checkOutboundUrl`; http and local hosts only behind the named escape hatch), carry no fragment,
 * and are present or absent as the method needs. Throws 422 naming every field at fault; the
 * message repeats the guard's reasons, which name the escape hatch where it would help.
 *
 * The authorization URL is checked like the others although only the user's browser visits it:
 * a provider whose authorization server is internal has an internal token endpoint too, and one
 * rule for every provider URL is easier to state and to trust (docs/security.md B).
 */
export function checkCustomProvider(
  def: CustomProviderWire,
  authMethod: 'oauth' | 'api_key' | 'client_credentials',
  allowInsecureProviderUrls: boolean,
): void {
  const errors: FieldError[] = [];
  const reasons: string[] = [];
  for (const field of URL_FIELDS) {
    const value = def[field];
    if (value === null) continue;
    const path = `custom_provider.${field}`;
    if (value.includes('${')) {
      errors.push({ field: path, code: 'placeholders_not_allowed' });
      continue;
    }
    const check = checkOutboundUrl(value, { allowInsecure: allowInsecureProviderUrls, purpose: path });
    if (!check.ok) {
      errors.push({ field: path, code: check.code });
      reasons.push(check.reason);
    } else if (check.url.hash !== '') {
      errors.push({ field: path, code: 'invalid_url' });
      reasons.push(`The ${path} must not contain a fragment ("#…").`);
    } else if (field === 'api_base_url' && check.url.search !== '') {
      // The proxy appends the caller's path and query to it: a query of its own would end up in the middle.
      errors.push({ field: path, code: 'invalid_url' });
      reasons.push(`The ${path} must not contain a query ("?…").`);
    }
  }
  if (authMethod === 'oauth') {
    if (def.authorization_url === null) errors.push({ field: 'custom_provider.authorization_url', code: 'required' });
    if (def.token_url === null) errors.push({ field: 'custom_provider.token_url', code: 'required' });
  } else if (authMethod === 'client_credentials') {
    if (def.token_url === null) errors.push({ field: 'custom_provider.token_url', code: 'required' });
  } else {
    if (def.authorization_url !== null) errors.push({ field: 'custom_provider.authorization_url', code: 'not_allowed' });
    if (def.token_url !== null) errors.push({ field: 'custom_provider.token_url', code: 'not_allowed' });
  }
  // The OAuth client sets these itself; one set here broke the flow at its first use (a 500).
  for (const name of Object.keys(def.additional_authorization_parameters)) {
    if (RESERVED_OAUTH_PARAMS.has(name))
      errors.push({ field: `custom_provider.additional_authorization_parameters.${name}`, code: 'reserved_parameter' });
  }
  if (!TOKEN_CONTENT_TYPES.has(def.token_body_content_type)) {
    errors.push({ field: 'custom_provider.token_body_content_type', code: 'unsupported' });
  }
  if (errors.length > 0) throw validationFailed(['The custom provider definition is invalid.', ...reasons].join(' '), errors);
}

export const mergeCustomProvider = (
  base: CustomProviderWire | Omit<CustomProviderWire, 'name'>,
  patch: CustomProviderInput,
): CustomProviderWire => {
  const merged = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) merged[k] = v;
  return merged as unknown as CustomProviderWire;
};

/** The custom definition seen through the same shape as a built-in catalog entry (defaults from the catalog's). */
export function customToDefinition(
  slug: string,
  def: CustomProviderWire,
  authMethod: ProviderDefinition['authMethods'][number],
): ProviderDefinition {
  const auth = def.authenticate_via === 'basic_auth_header' ? 'basic' : 'body';
  const oauth =
    def.token_url === null
      ? null
      : oauthSettings({
          authorizationUrl: def.authorization_url,
          tokenUrl: def.token_url,
          ...(def.refresh_token_url === null ? {} : { refreshTokenUrl: def.refresh_token_url }),
          pkce: def.pkce_enabled,
          clientAuth: auth,
          tokenRequestEncoding: def.token_body_content_type === 'application/json' ? 'json' : 'form',
          scopeSeparator: def.request_scope_separator,
          authorizationParams: def.additional_authorization_parameters,
          issuer: def.issuer ?? null,
          revocation: def.revocation_url === null ? null : { url: def.revocation_url, auth },
        });
  return {
    slug,
    name: def.name,
    description: '',
    docsUrl: '',
    category: null,
    logo: null,
    authMethods: [authMethod],
    apiBaseUrl: def.api_base_url,
    hosts: [],
    configFields: [],
    apiKey: null,
    sources: {},
    ...engineFields(oauth),
  };
}
