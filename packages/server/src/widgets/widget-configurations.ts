import { integrationNotFound } from '../core/errors.ts';
import type { Owner } from '../domain/owner.ts';
import type { IntegrationService } from '../integrations/integration-service.ts';
import type { ConfigureInput, OrgConfigurationService, OrgConfigurationView } from '../integrations/org-configuration-service.ts';
import type { ResolvedIntegration } from '../integrations/provider-resolver.ts';
import type { WidgetDirectory, WidgetIntegration } from './widget-directory.ts';
import { defaultScopesOf } from './widget-facts.ts';

export interface WidgetConfigurationsDeps {
  orgConfigurations: Pick<OrgConfigurationService, 'list' | 'configure'>;
  integrations: Pick<IntegrationService, 'get'>;
  directory: Pick<WidgetDirectory, 'organization'>;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((s) => right.has(s));
};

/**
 * The admin dialog echoes unchanged values; stored as they are, they would pin the organization
 * to today's developer settings. So (§5 W10) an `enabled` equal to the root's, and `scopes` equal
 * as a set to the default scopes, are stored as null: inherit.
 */
function inheritUnchanged(integration: ResolvedIntegration, input: ConfigureInput): ConfigureInput {
  const out = { ...input };
  if (input.enabled === integration.row.enabled) out.enabled = null;
  if (input.scopes && sameSet(input.scopes, defaultScopesOf(integration))) out.scopes = null;
  return out;
}

/**
 * The organization's provider settings as the admin widget edits them (W9, W10, W12), on R2/R3.
 *
 * §12.7 (overrides keyed by ownership) is not done: OpenPipes keeps one override per
 * (organization, slug), applied to both roots. W10 edits it through the primary root (the
 * user-owned one when both exist, as R3), and W12 edits the same override, normalised against the
 * organization-owned root. Where a provider has both roots, the member policy and the shared
 * connection therefore share their settings.
 */
export class WidgetConfigurations {
  constructor(private readonly deps: WidgetConfigurationsDeps) {}

  /** W9: R2's set, one item per slug, disabled ones included. */
  list(environmentId: string, organizationId: string): Promise<OrgConfigurationView[]> {
    return this.deps.orgConfigurations.list(environmentId, organizationId);
  }

  /** W10: R3 on the primary root, with the inherit normalisation. */
  async configure(environmentId: string, organizationId: string, slug: string, input: ConfigureInput): Promise<OrgConfigurationView> {
    const view = (await this.list(environmentId, organizationId)).find((v) => v.integration.row.slug === slug);
    if (!view) throw integrationNotFound(slug);
    return this.deps.orgConfigurations.configure(environmentId, organizationId, slug, inheritUnchanged(view.integration, input));
  }

  /** W12: the organization-owned root's settings (404 without one); answers its W11 item. */
  async configureShared(environmentId: string, owner: Owner, slug: string, input: ConfigureInput): Promise<WidgetIntegration> {
    const root = await this.deps.integrations.get(environmentId, slug, 'organization');
    await this.deps.orgConfigurations.configure(environmentId, owner.organizationId!, slug, inheritUnchanged(root, input));
    const item = (await this.deps.directory.organization(environmentId, owner)).find((i) => i.integration.row.id === root.row.id);
    if (!item) throw integrationNotFound(slug, 'organization');
    return item;
  }
}
