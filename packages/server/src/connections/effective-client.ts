import type { Keyring } from '../crypto/keyring.ts';
import { secretContext } from '../crypto/keyring.ts';
import type { ClientCredentials } from '../oauth/token-request.ts';
import type { IntegrationRow, OrgConfigurationRow } from '../store/integrations-repo.ts';

/**
 * The OAuth app a connection uses: the integration's own, or, for organization-credential
 * providers, the organization's (§1.4). Null when the app is not configured yet.
 */
export function effectiveClient(keyring: Keyring, integration: IntegrationRow, override: OrgConfigurationRow | null): ClientCredentials | null {
  if (integration.credentials_type === 'organization') {
    if (!override?.client_id || !override.client_secret) return null;
    return {
      clientId: override.client_id,
      clientSecret: keyring.open(override.client_secret, secretContext(override.environment_id, 'org_configurations', 'client_secret', override.id)),
    };
  }
  if (!integration.client_id) return null;
  return {
    clientId: integration.client_id,
    clientSecret:
      integration.client_secret === null
        ? null
        : keyring.open(integration.client_secret, secretContext(integration.environment_id, 'data_integrations', 'client_secret', integration.id)),
  };
}
