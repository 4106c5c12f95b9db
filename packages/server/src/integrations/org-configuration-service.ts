import type { ProviderCatalog } from '../catalog/catalog.ts';
import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import { integrationNotFound, notFound, validationFailed, type FieldError } from '../core/errors.ts';
import { ID_PREFIX, newId } from '../core/ids.ts';
import type { OrgConfiguration, OrgConfigurationChanges } from '../domain/org-configuration.ts';
import { lastFour } from '../domain/secret.ts';
import type { Store } from '../store/store.ts';
import { checkConfigValues } from './config-values.ts';
import { primaryPerSlug } from './effective-settings.ts';
import { resolveIntegrations, type ResolvedIntegration } from './provider-resolver.ts';

export interface ConfigureInput {
  enabled?: boolean | null;
  scopes?: string[] | null;
  client_id?: string;
  client_secret?: string;
  config?: Record<string, string>;
}

export interface OrgConfigurationView {
  integration: ResolvedIntegration;
  override: OrgConfiguration | null;
}

/** One organization's overrides of the environment's providers (R2, R3 and the §10.2 DELETE). */
export class OrgConfigurationService {
  constructor(
    private readonly deps: {
      store: Pick<Store, 'transaction' | 'integrations' | 'customProviders' | 'orgConfigurations'>;
      catalog: ProviderCatalog;
      clock: Clock;
    },
  ) {}

  /** R2: three queries whatever the number of providers. */
  async list(environmentId: string, organizationId: string): Promise<OrgConfigurationView[]> {
    const { store, catalog } = this.deps;
    const [rows, customRows, overrides] = await Promise.all([
      store.integrations.listAll(environmentId),
      store.customProviders.listAll(environmentId),
      store.orgConfigurations.listForOrganization(environmentId, organizationId),
    ]);
    const bySlug = new Map(overrides.map((o) => [o.slug, o]));
    return primaryPerSlug(resolveIntegrations(catalog, rows, customRows)).map((integration) => ({
      integration,
      override: bySlug.get(integration.row.slug) ?? null,
    }));
  }

  async configure(environmentId: string, organizationId: string, slug: string, input: ConfigureInput): Promise<OrgConfigurationView> {
    const { clock } = this.deps;
    return this.deps.store.transaction(async (tx) => {
      const integration = await this.primary(tx, environmentId, slug);
      const orgCredentials = integration.row.credentials_type === 'organization';
      const errors: FieldError[] = [];
      const hasConfig = input.config !== undefined;
      if (input.enabled === undefined && input.scopes === undefined && input.client_id === undefined && !(hasConfig && orgCredentials)) {
        errors.push(
          { field: 'enabled', code: 'one_of_required' },
          { field: 'scopes', code: 'one_of_required' },
          { field: 'client_id', code: 'one_of_required' },
        );
      }
      if (input.client_id !== undefined && input.client_secret === undefined) errors.push({ field: 'client_secret', code: 'required' });
      if (input.client_secret !== undefined && input.client_id === undefined) errors.push({ field: 'client_id', code: 'required' });
      if (!orgCredentials) {
        if (input.client_id !== undefined) errors.push({ field: 'client_id', code: 'not_allowed' });
        if (input.client_secret !== undefined) errors.push({ field: 'client_secret', code: 'not_allowed' });
        if (hasConfig) errors.push({ field: 'config', code: 'not_allowed' });
      }
      if (errors.length > 0) throw validationFailed('The configuration is not valid for this provider.', dedupe(errors));
      if (input.config) checkConfigValues(integration.provider.configFields, input.config);

      const now = iso(clock.now());
      const existing = await tx.orgConfigurations.get(environmentId, organizationId, slug);
      const changes: OrgConfigurationChanges = { updated_at: now };
      if (input.enabled !== undefined) changes.enabled = input.enabled;
      if (input.scopes !== undefined) changes.scopes = input.scopes;
      if (input.client_id !== undefined && input.client_secret !== undefined) {
        changes.client_id = input.client_id;
        changes.client_secret = input.client_secret;
        changes.client_secret_last4 = lastFour(input.client_secret);
      }
      if (input.config !== undefined) changes.config = { values: input.config, fields: integration.provider.configFields };
      const override = existing
        ? await tx.orgConfigurations.update(existing, changes)
        : await tx.orgConfigurations.insert({
            id: newId(ID_PREFIX.orgConfiguration),
            environment_id: environmentId,
            slug,
            organization_id: organizationId,
            created_at: now,
            ...changes,
          });
      return { integration, override };
    });
  }

  async remove(environmentId: string, organizationId: string, slug: string): Promise<void> {
    await this.deps.store.transaction(async (tx) => {
      const existing = await tx.orgConfigurations.get(environmentId, organizationId, slug);
      if (!existing) throw notFound(`Organization "${organizationId}" has no configuration for "${slug}".`, slug);
      await tx.orgConfigurations.delete(existing.id);
    });
  }

  private async primary(
    tx: Pick<Store, 'integrations' | 'customProviders'>,
    environmentId: string,
    slug: string,
  ): Promise<ResolvedIntegration> {
    const [rows, customRow] = await Promise.all([
      tx.integrations.allBySlug(environmentId, slug),
      tx.customProviders.bySlug(environmentId, slug),
    ]);
    const primary = primaryPerSlug(resolveIntegrations(this.deps.catalog, rows, customRow ? [customRow] : []))[0];
    if (!primary) throw integrationNotFound(slug);
    return primary;
  }
}

const dedupe = (errors: FieldError[]): FieldError[] => {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (seen.has(e.field)) return false;
    seen.add(e.field);
    return true;
  });
};
