import type { SharedIntegration, WidgetIntegration } from '../../widgets/widget-directory.ts';
import {
  capabilitiesOf,
  credentialsTypeOf,
  disabledSourceOf,
  effectiveScopesOf,
  integrationTypeOf,
  isConfigured,
  pinnedConfig,
  widgetOwnershipOf,
} from '../../widgets/widget-facts.ts';
import { presentConfigFields } from './widget-config-field-presenter.ts';
import { presentSettings } from './widget-configuration-presenter.ts';
import { presentInstallation, presentSharedConnection } from './widget-installation-presenter.ts';
import { presentProvider } from './widget-provider-presenter.ts';

/**
 * `DataIntegration` (widgets-api.md §4.3): an item of W3 and the base of W11's. Provider-level
 * keys camelCase, the connection keys snake_case, exactly as the widget reads them.
 */
export function presentDataIntegration({ integration, settings, installation, activity }: WidgetIntegration, publicUrl: string) {
  const { row, provider } = integration;
  const current = installation && presentInstallation(installation, provider.configFields, activity);
  return {
    object: 'data_integration' as const,
    ...presentProvider(integration, publicUrl),
    integrationType: integrationTypeOf(integration),
    ownership: widgetOwnershipOf(row),
    credentialsType: credentialsTypeOf(row),
    scopes: effectiveScopesOf(integration, settings),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    installation: current,
    configFields: presentConfigFields(provider.configFields),
    config: pinnedConfig(settings.config, provider.configFields),
    authMethods: [row.auth_method],
    connected_accounts: current ? [current] : [],
  };
}

/** `SharedDataConnection` (§4.4): an item of W4; availability only, no secrets, no provider settings. */
export const presentSharedDataConnection = ({ integration, accounts }: SharedIntegration, publicUrl: string) => ({
  object: 'data_integration' as const,
  ...presentProvider(integration, publicUrl),
  ownership: 'organization' as const,
  connected_accounts: accounts.map(presentSharedConnection),
});

/**
 * `OrganizationDataIntegration` (§4.7): an item of W11 and the answer of W12, with the computed
 * `configuration` and `capabilities` (§12.6). `hasActingUser`: the token names a member (`sub`).
 */
export function presentOrganizationDataIntegration(publicUrl: string, item: WidgetIntegration, hasActingUser: boolean) {
  const { row } = item.integration;
  const configured = isConfigured(row, item.override);
  return {
    ...presentDataIntegration(item, publicUrl),
    configuration: {
      hasOverride: item.override !== null,
      rootEnabled: row.enabled,
      overrideEnabled: item.override?.enabled ?? null,
      disabledSource: disabledSourceOf(item.override, item.settings),
      configured,
      ...presentSettings(publicUrl, item),
    },
    capabilities: capabilitiesOf(item.settings.enabled, configured, hasActingUser),
  };
}
