import { Type } from 'typebox';
import type { ProviderDefinition } from '../catalog/provider-definition.ts';
import { connectionActivity } from './connection-activity.ts';
import type { AuthMethod, ConnectedAccount } from '../domain/connected-account.ts';
import type { Integration, Ownership } from '../domain/integration.ts';
import { lastFour } from '../domain/secret.ts';
import type { CustomProviderInput, CustomProviderWire } from '../integrations/custom-provider.ts';
import type { CreateIntegrationInput, CredentialsInput, IntegrationService } from '../integrations/integration-service.ts';
import { integrationState } from '../integrations/integration-service.ts';
import type { ResolvedIntegration } from '../integrations/provider-resolver.ts';
import { redirectUri } from '../integrations/redirect-uri.ts';

/** The integration form as posted: every field a string (checkboxes "on" when ticked), config fields as `config_<name>`. */
export type IntegrationForm = Record<string, string | undefined>;

/** Every integration form's schema: strings only, each bounded; the service checks what they mean. */
export const IntegrationFormBody = Type.Object({ csrf_token: Type.String() }, { additionalProperties: Type.String({ maxLength: 4000 }) });

export const OWNERSHIP_LABEL: Record<Ownership, string> = { user: 'users', organization: 'organizations' };

export const integrationPath = (environment: string, row: Pick<Integration, 'ownership' | 'slug'>): string =>
  `/dashboard/environments/${encodeURIComponent(environment)}/integrations/${row.ownership}/${encodeURIComponent(row.slug)}`;

/** Every integration of an environment, oldest first (the dashboard lists them whole). */
export async function allIntegrations(integrations: IntegrationService, environmentId: string): Promise<ResolvedIntegration[]> {
  const out: ResolvedIntegration[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await integrations.list(environmentId, { limit: 100, order: 'asc', after, before: null, ownership: null });
    out.push(...page.items);
    if (!page.hasMore || page.items.length === 0) return out;
    after = page.items[page.items.length - 1]!.row.id;
  }
}

/** "Set, ends in …a1b2", "Set" or "Not set": never the secret. */
export function secretHint(row: Integration): string {
  if (row.client_secret === null) return 'Not set';
  const last = lastFour(row.client_secret.open());
  return last ? `Set, ends in …${last}` : 'Set';
}

/** One line of the integrations table. */
export const integrationLine = (environment: string, { row, provider }: ResolvedIntegration) => ({
  name: provider.name,
  slug: row.slug,
  ownershipLabel: OWNERSHIP_LABEL[row.ownership],
  authMethod: row.auth_method,
  state: integrationState(row),
  enabled: row.enabled,
  href: integrationPath(environment, row),
});

/** What the integration page shows about it. */
export const integrationDetail = (publicUrl: string, environment: string, resolved: ResolvedIntegration) => ({
  ...integrationLine(environment, resolved),
  description: resolved.row.description,
  redirectUri: redirectUri(publicUrl, resolved.row),
  secretHint: resolved.row.auth_method === 'oauth' ? secretHint(resolved.row) : 'Not used',
  isCustom: resolved.custom !== null,
});

/** The scope field's help: what an empty field means for this provider. */
export const scopesHelp = (provider: ProviderDefinition | null): string =>
  provider && provider.defaultScopes.length > 0
    ? `Empty: the provider's defaults (${provider.defaultScopes.join(' ')}).`
    : 'Empty: none requested.';

const text = (value: string | undefined): string => (value ?? '').trim();
const orNull = (value: string | undefined): string | null => text(value) || null;

/** Scopes typed with spaces or commas between them; empty means the provider's defaults (null). */
export const scopesOf = (value: string | undefined): string[] | null => {
  const scopes = text(value)
    .split(/[\s,]+/)
    .filter(Boolean);
  return scopes.length > 0 ? scopes : null;
};

/** The OAuth app fields; undefined when none was filled in (nothing to change). */
export function credentialsOf(form: IntegrationForm): CredentialsInput | undefined {
  if (form.credentials_type === 'organization') return { type: 'organization' };
  const clientId = text(form.client_id);
  const secret = form.client_secret ?? '';
  if (clientId === '' && secret === '') return form.credentials_type === 'custom' ? { type: 'custom' } : undefined;
  return { type: 'custom', ...(clientId ? { client_id: clientId } : {}), ...(secret ? { client_secret: secret } : {}) };
}

/** A custom provider's definition from its form fields (blank URLs are absent). */
export const customProviderOf = (form: IntegrationForm): CustomProviderInput => ({
  name: text(form.name),
  authorization_url: orNull(form.authorization_url),
  token_url: orNull(form.token_url),
  revocation_url: orNull(form.revocation_url),
  issuer: orNull(form.issuer),
  api_base_url: orNull(form.api_base_url),
  pkce_enabled: form.pkce_enabled === 'on',
});

/** What the create form asks the integration service for. */
export function createInputOf(form: IntegrationForm, custom: boolean, configNames: readonly string[]): CreateIntegrationInput {
  const authMethod = (form.auth_method ?? 'oauth') as AuthMethod;
  const config: Record<string, string> = {};
  for (const name of configNames) {
    const value = text(form[`config_${name}`]);
    if (value) config[name] = value;
  }
  // Other methods take no OAuth app: typed in anyway, it goes to the service, which says so.
  const typed = text(form.client_id) !== '' || (form.client_secret ?? '') !== '';
  const credentials = authMethod === 'oauth' || typed ? credentialsOf(form) : undefined;
  return {
    provider: text(form.provider),
    ownership: form.ownership === 'organization' ? 'organization' : 'user',
    auth_methods: [authMethod],
    description: orNull(form.description),
    enabled: form.enabled === 'on',
    scopes: scopesOf(form.scopes),
    config,
    ...(credentials ? { credentials } : {}),
    ...(custom ? { custom_provider: customProviderOf(form) } : {}),
  };
}

/** The form values of a custom provider's fields, from its stored definition. */
export const customProviderValues = (def: CustomProviderWire | null) => ({
  name: def?.name ?? '',
  authorization_url: def?.authorization_url ?? '',
  token_url: def?.token_url ?? '',
  revocation_url: def?.revocation_url ?? '',
  issuer: def?.issuer ?? '',
  api_base_url: def?.api_base_url ?? '',
  pkce_enabled: def?.pkce_enabled ?? true,
});

/** One line of an integration's latest connections, its activity relative to `now` (epoch ms). */
export const connectionLine = (a: ConnectedAccount, now: number) => ({
  user: a.user_id ?? '—',
  organization: a.organization_id ?? '—',
  account: a.account_display_name ?? a.account_identifier ?? '',
  state: a.state.replace(/_/g, ' '),
  created: a.created_at.slice(0, 16).replace('T', ' '),
  activity: connectionActivity(a, now),
});
