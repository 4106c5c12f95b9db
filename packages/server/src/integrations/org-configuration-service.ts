import type { ProviderCatalog } from '../catalog/catalog.ts';
import type { Clock } from '../clock.ts';
import { iso } from '../clock.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { secretContext } from '../crypto/keyring.ts';
import { notFound, validationFailed, type FieldError } from '../errors.ts';
import { ID_PREFIX, newId } from '../ids.ts';
import type { OrgConfigurationRow } from '../store/integrations-repo.ts';
import type { Store } from '../store/store.ts';
import { checkConfigValues } from './config-values.ts';
import { primaryPerSlug } from './effective-settings.ts';
import { resolveIntegrations, type ResolvedIntegration } from './provider-resolver.ts';
import { sealConfig } from './sealed-config.ts';

export interface ConfigureInput {
  enabled?: boolean | null;
  scopes?: string[] | null;
  client_id?: string;
  client_secret?: string;
  config?: Record<string, string>;
}

export interface OrgConfigurationView {
  integration: ResolvedIntegration;
  override: OrgConfigurationRow | null;
}

/** One organization's overrides of the environment's providers (R2, R3 and the §10.2 DELETE). */
export class OrgConfigurationService {
  constructor(private readonly deps: { store: Store; catalog: ProviderCatalog; keyring: Keyring; clock: Clock }) {}

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
    const { keyring, clock } = this.deps;
    return this.deps.store.transaction(async (tx) => {
      const integration = await this.primary(tx, environmentId, slug);
      const orgCredentials = integration.row.credentials_type === 'organization';
      const errors: FieldError[] = [];
      const hasConfig = input.config !== undefined;
      if (input.enabled === undefined && input.scopes === undefined && input.client_id === undefined && !(hasConfig && orgCredentials)) {
        errors.push({ field: 'enabled', code: 'one_of_required' }, { field: 'scopes', code: 'one_of_required' }, { field: 'client_id', code: 'one_of_required' });
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
      const row: OrgConfigurationRow = existing ?? {
        id: newId(ID_PREFIX.orgConfiguration),
        environment_id: environmentId,
        slug,
        organization_id: organizationId,
        enabled: null,
        scopes: null,
        config: null,
        client_id: null,
        client_secret: null,
        client_secret_last4: null,
        created_at: now,
        updated_at: now,
      };
      const next: OrgConfigurationRow = { ...row, updated_at: now };
      if (input.enabled !== undefined) next.enabled = input.enabled === null ? null : input.enabled ? 1 : 0;
      if (input.scopes !== undefined) next.scopes = input.scopes === null ? null : JSON.stringify(input.scopes);
      if (input.client_id !== undefined && input.client_secret !== undefined) {
        next.client_id = input.client_id;
        next.client_secret = keyring.seal(input.client_secret, secretContext(environmentId, 'org_configurations', 'client_secret', row.id));
        next.client_secret_last4 = input.client_secret.slice(-4);
      }
      if (input.config !== undefined) {
        next.config = sealConfig(keyring, integration.provider.configFields, input.config, { environmentId, table: 'org_configurations', rowId: row.id });
      }
      if (existing) await tx.orgConfigurations.update(row.id, next);
      else await tx.orgConfigurations.insert(next);
      return { integration, override: next };
    });
  }

  async remove(environmentId: string, organizationId: string, slug: string): Promise<void> {
    await this.deps.store.transaction(async (tx) => {
      const existing = await tx.orgConfigurations.get(environmentId, organizationId, slug);
      if (!existing) throw notFound(`Organization "${organizationId}" has no configuration for "${slug}".`, slug);
      await tx.orgConfigurations.delete(existing.id);
    });
  }

  private async primary(tx: Store, environmentId: string, slug: string): Promise<ResolvedIntegration> {
    const [rows, customRow] = await Promise.all([tx.integrations.allBySlug(environmentId, slug), tx.customProviders.bySlug(environmentId, slug)]);
    const primary = primaryPerSlug(resolveIntegrations(this.deps.catalog, rows, customRow ? [customRow] : []))[0];
    if (!primary) throw notFound(`No data integration for "${slug}" in this environment.`, slug);
    return primary;
  }
}

const dedupe = (errors: FieldError[]): FieldError[] => {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)));
};
