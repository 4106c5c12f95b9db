import type { ProviderCatalog } from '../catalog/catalog.ts';
import { resolveTemplate } from '../catalog/catalog.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { secretContext } from '../crypto/keyring.ts';
import { configInForce } from '../integrations/config-in-force.ts';
import { loadIntegration } from '../integrations/provider-resolver.ts';
import type { OAuthClient } from '../oauth/oauth-client.ts';
import type { AccountRow } from '../store/accounts-repo.ts';
import type { IntegrationRow } from '../store/integrations-repo.ts';
import type { Store } from '../store/store.ts';
import { effectiveClient } from './effective-client.ts';

export interface RevocationLog {
  warn(data: Record<string, unknown>, msg: string): void;
}

/**
 * Revokes an OAuth grant at the provider before its connection is deleted (RFC 7009, refresh
 * token first: revoking it ends the whole grant at most providers). Best effort by design: a
 * provider that fails or has no endpoint never blocks the delete; failures are logged without
 * token material.
 */
export class Revoker {
  constructor(private readonly deps: { store: Store; keyring: Keyring; catalog: ProviderCatalog; oauth: OAuthClient; log: RevocationLog }) {}

  async revoke(account: AccountRow, integration: IntegrationRow): Promise<void> {
    if (account.auth_method !== 'oauth' || (account.refresh_token === null && account.access_token === null)) return;
    const { store, keyring, catalog, oauth, log } = this.deps;
    const resolved = await loadIntegration(store, catalog, integration);
    if (!resolved?.provider.revocationUrl) return;
    const override = account.organization_id ? await store.orgConfigurations.get(account.environment_id, account.organization_id, integration.slug) : null;
    const client = effectiveClient(keyring, integration, override);
    if (!client) return;
    const config = configInForce(keyring, resolved, override, { table: 'connected_accounts', environmentId: account.environment_id, rowId: account.id, stored: account.config });
    const useRefresh = account.refresh_token !== null;
    const sealed = (useRefresh ? account.refresh_token : account.access_token)!;
    const token = keyring.open(sealed, secretContext(account.environment_id, 'connected_accounts', useRefresh ? 'refresh_token' : 'access_token', account.id));
    try {
      const result = await oauth.revoke(resolved.provider, resolveTemplate(resolved.provider.revocationUrl, config), client, token, useRefresh ? 'refresh_token' : 'access_token');
      if (!result.ok) log.warn({ connected_account_id: account.id, provider: integration.slug, status: result.status, kind: result.kind }, 'revocation at the provider failed; deleting anyway');
    } catch (e) {
      log.warn({ connected_account_id: account.id, provider: integration.slug, error: (e as Error).name }, 'revocation at the provider failed; deleting anyway');
    }
  }
}
