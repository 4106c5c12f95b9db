import type { ProviderCatalog } from '../catalog/catalog.ts';
import { resolveTemplate } from '../catalog/catalog.ts';
import type { ConnectedAccount } from '../domain/connected-account.ts';
import type { Integration } from '../domain/integration.ts';
import { loadProviderContext, type ProviderContextStore } from '../integrations/provider-context.ts';
import type { OAuthClient } from '../oauth/oauth-client.ts';

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
  constructor(private readonly deps: { store: ProviderContextStore; catalog: ProviderCatalog; oauth: OAuthClient; log: RevocationLog }) {}

  async revoke(account: ConnectedAccount, integration: Integration): Promise<void> {
    const sealed = account.refresh_token ?? account.access_token;
    if (account.auth_method !== 'oauth' || sealed === null) return;
    const { store, catalog, oauth, log } = this.deps;
    const context = await loadProviderContext(store, catalog, integration, account.organization_id, account.config);
    if (!context?.provider.revocationUrl || !context.client) return;
    const hint = account.refresh_token !== null ? 'refresh_token' : 'access_token';
    const failed = (data: Record<string, unknown>) =>
      log.warn(
        { connected_account_id: account.id, provider: integration.slug, ...data },
        'revocation at the provider failed; deleting anyway',
      );
    try {
      const result = await oauth.revoke(
        context.provider,
        resolveTemplate(context.provider.revocationUrl, context.config),
        context.client,
        sealed.open(),
        hint,
      );
      if (!result.ok) failed({ status: result.status, kind: result.kind });
    } catch (e) {
      failed({ error: (e as Error).name });
    }
  }
}
