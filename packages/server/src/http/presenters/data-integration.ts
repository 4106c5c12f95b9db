import type { ResolvedIntegration } from '../../integrations/provider-resolver.ts';
import { integrationState } from '../../integrations/integration-service.ts';
import type { ConnectedAccount } from '../../domain/connected-account.ts';
import { redirectUri } from '../../integrations/redirect-uri.ts';

export function presentDataIntegration(
  publicUrl: string,
  { row, provider, custom }: ResolvedIntegration,
  installation?: ConnectedAccount | null,
) {
  return {
    object: 'data_integration' as const,
    id: row.id,
    slug: row.slug,
    integration_type: row.slug,
    ownership: row.ownership,
    description: row.description,
    enabled: row.enabled,
    state: integrationState(row),
    scopes: row.scopes,
    redirect_uri: redirectUri(publicUrl, row),
    auth_methods: [row.auth_method],
    credentials:
      row.auth_method === 'oauth' && row.credentials_type !== null
        ? { type: row.credentials_type, client_id: row.client_id, redacted_client_secret: row.client_secret_last4 }
        : null,
    ...(installation === undefined
      ? {}
      : {
          installation: installation && {
            id: installation.id,
            connection_role: installation.connection_role,
            account_identifier: installation.account_identifier,
            account_display_name: installation.account_display_name,
            user_id: installation.user_id,
            organization_id: installation.organization_id,
            api_key_last_4: installation.api_key_last4,
          },
        }),
    config: row.config.visible(provider.configFields),
    custom_provider: custom,
    token_lifetime_seconds: row.token_lifetime_seconds,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
