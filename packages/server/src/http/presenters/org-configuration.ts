import { effectiveSettings } from '../../integrations/effective-settings.ts';
import type { OrgConfigurationView } from '../../integrations/org-configuration-service.ts';
import { redirectUri } from '../../integrations/redirect-uri.ts';

/** `DataIntegrationConfiguration` (§3.4): effective values; the org secret only as its last four. */
export function presentOrgConfiguration(publicUrl: string, organizationId: string, { integration, override }: OrgConfigurationView) {
  const { row, provider } = integration;
  const settings = effectiveSettings(row, override);
  return {
    object: 'data_integration_configuration' as const,
    id: row.id,
    organization_id: organizationId,
    slug: row.slug,
    name: provider.name,
    enabled: settings.enabled,
    scopes: settings.scopes,
    config: settings.config.visible(provider.configFields),
    created_at: override?.created_at ?? row.created_at,
    updated_at: override?.updated_at ?? row.updated_at,
    ...(row.credentials_type === 'organization'
      ? {
          credentials: {
            credentials_type: 'organization' as const,
            has_credentials: override?.client_id != null && override.client_secret != null,
            client_id: override?.client_id ?? null,
            client_secret_last_four: override?.client_secret_last4 ?? null,
            redirect_uri: redirectUri(publicUrl, row),
          },
        }
      : {}),
  };
}
