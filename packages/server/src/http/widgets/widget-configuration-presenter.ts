import type { Integration } from '../../domain/integration.ts';
import type { OrgConfiguration } from '../../domain/org-configuration.ts';
import { effectiveSettings } from '../../integrations/effective-settings.ts';
import type { OrgConfigurationView } from '../../integrations/org-configuration-service.ts';
import { redirectUri } from '../../integrations/redirect-uri.ts';
import {
  availableScopesOf,
  credentialsTypeOf,
  defaultScopesOf,
  effectiveScopesOf,
  hasOrganizationApp,
  integrationTypeOf,
  widgetOwnershipOf,
} from '../../widgets/widget-facts.ts';
import { presentConfigFields } from './widget-config-field-presenter.ts';
import { presentProvider } from './widget-provider-presenter.ts';

/**
 * `DataIntegrationCredentials` (widgets-api.md §4.5): who supplies the OAuth app and, for
 * organization credentials, whether the organization has, with its secret as the last four only.
 */
export function presentCredentials(publicUrl: string, row: Integration, override: OrgConfiguration | null) {
  const credentialsType = credentialsTypeOf(row);
  return {
    credentialsType,
    hasCredentials: credentialsType === 'organization' && hasOrganizationApp(override),
    client_id: override?.client_id ?? null,
    redactedClientSecret: override?.client_secret_last4 ?? null,
    redirectUri: redirectUri(publicUrl, row),
  };
}

/** The settings part shared by W9 items and W11's `configuration` (§4.6, §4.7): effective values, never a secret. */
export function presentSettings(publicUrl: string, { integration, override }: OrgConfigurationView) {
  const { row, provider } = integration;
  const settings = effectiveSettings(row, override);
  return {
    enabled: settings.enabled,
    scopes: effectiveScopesOf(integration, settings),
    defaultScopes: defaultScopesOf(integration),
    availableScopes: availableScopesOf(integration),
    credentials: presentCredentials(publicUrl, row, override),
    configFields: presentConfigFields(provider.configFields),
    config: settings.config.visible(provider.configFields),
  };
}

/** `DataIntegrationConfiguration` (§4.6): an item of W9 and the answer of W10. */
export function presentConfiguration(publicUrl: string, view: OrgConfigurationView) {
  const { integration, override } = view;
  const { row } = integration;
  return {
    object: 'data_integration_configuration' as const,
    ...presentProvider(integration, publicUrl),
    integrationType: integrationTypeOf(integration),
    ownership: widgetOwnershipOf(row),
    ...presentSettings(publicUrl, view),
    authMethods: [row.auth_method],
    createdAt: override?.created_at ?? row.created_at,
    updatedAt: override?.updated_at ?? row.updated_at,
  };
}
