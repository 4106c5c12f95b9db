import type { AppError, ErrorCode, FieldError } from '../core/errors.ts';
import type { Problem } from './view.ts';

/** A heading for every error the services can answer with (the compiler checks none is missing). */
const TITLES: Record<ErrorCode, string> = {
  invalid_request: 'The form could not be read',
  validation_failed: 'Please correct the form',
  entity_not_found: 'Not found',
  unauthorized: 'Not signed in',
  integration_disabled: 'The integration is disabled',
  organization_credentials_missing: 'The organization has not supplied its OAuth app',
  conflict: 'This already exists',
  integration_already_exists: 'This integration already exists',
  webhook_endpoint_already_exists: 'This webhook endpoint already exists',
  invalid_widget_token: 'The widget token is not valid',
  acting_user_required: 'A member has to do this',
  idempotency_key_reused: 'This request was already made with other values',
  idempotency_key_in_progress: 'The same request is still in progress',
  account_selection_required: 'Choose one of the connections',
  unsupported_auth_method: 'Not possible with this authentication method',
  client_credentials_rejected: 'The provider refused these client credentials',
  payload_too_large: 'The form is too large',
  unsupported_media_type: 'The form could not be read',
  rate_limited: 'Too many requests',
  provider_unavailable: 'The provider is not answering',
  not_installed: 'No connection yet',
  needs_reauthorization: 'The connection needs re-authorization',
  proxy_unsupported: 'This integration cannot be proxied',
  proxy_path_refused: 'This path is refused',
  provider_unreachable: 'The provider cannot be reached',
  provider_timeout: 'The provider did not answer in time',
  server_error: 'Something went wrong',
};

/** Form labels of the fields services name (`credentials.client_secret` → "Client secret"). */
const LABELS: Record<string, string> = {
  name: 'Name',
  provider: 'Slug',
  'custom_provider.name': 'Name',
  'custom_provider.authorization_url': 'Authorization URL',
  'custom_provider.token_url': 'Token URL',
  'custom_provider.refresh_token_url': 'Refresh token URL',
  'custom_provider.revocation_url': 'Revocation URL',
  'custom_provider.issuer': 'Issuer',
  'custom_provider.api_base_url': 'API base URL',
  'credentials.client_id': 'Client ID',
  'credentials.client_secret': 'Client secret',
  credentials: 'OAuth app',
  auth_methods: 'Authentication',
  scopes: 'Scopes',
  description: 'Description',
  allowed_return_origins: 'Allowed return origins',
  origins: 'Allowed return origins',
};

const PHRASES: Record<string, string> = {
  required: 'required',
  not_allowed: 'not used with this authentication method',
  invalid_format: 'not in the expected format',
  invalid_url: 'not a valid URL',
  https_required: 'must start with https:// (http:// only with OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS=true, for local testing)',
  private_address: 'points at a loopback, private or other non-public address',
  internal_hostname: 'points at an internal host name',
  credentials_in_url: 'must not contain a user name or password',
  unsupported_scheme: 'must start with https://',
  placeholders_not_allowed: 'cannot contain config placeholders',
  too_long: 'too long',
  too_short: 'too short',
  unknown_field: 'not expected',
  invalid_type: 'of the wrong kind',
  invalid_value: 'not one of the choices',
  unsupported: 'not supported by this provider',
  exactly_one_required: 'choose exactly one',
  mutually_exclusive: 'cannot be combined with another field',
  one_of_required: 'one of these is required',
  undeclared_field: 'not a field of this provider',
};

const fieldLine = ({ field, code }: FieldError): string => {
  const config = /^config\.(.+)$/.exec(field);
  const label = LABELS[field] ?? (config ? `Setting ${config[1]}` : field);
  return `${label}: ${PHRASES[code] ?? code.replace(/_/g, ' ')}`;
};

/** What to show for a service error: its heading, its message, one line per field at fault. */
export function describeError(e: AppError): Problem {
  return { title: TITLES[e.code], message: e.message, fields: (e.errors ?? []).map(fieldLine) };
}

/** A problem of the dashboard's own (no service error behind it). */
export const problem = (title: string, message: string): Problem => ({ title, message, fields: [] });
