import type { ProviderCatalog } from '../catalog/catalog.ts';
import type { ConnectedAccount } from '../domain/connected-account.ts';
import type { Integration } from '../domain/integration.ts';
import { loadProviderContext, providerEndpoint, type ProviderContextStore } from '../integrations/provider-context.ts';
import type { OAuthClient } from '../oauth/oauth-client.ts';
import { revokesAccessToken } from '../oauth/revocation-request.ts';

export interface RevocationLog {
  warn(data: Record<string, unknown>, msg: string): void;
}

/**
 * Revokes an OAuth grant at the provider before its connection is deleted, the way the provider
 * documents it (`oauth.revocation`; RFC 7009 by default, refresh token first: revoking it ends the whole
 * grant at most providers; the access token where the endpoint takes that one). Best effort by design:
 * a provider that fails or has no endpoint never blocks the delete; failures are logged without token
 * material.
 */
export class Revoker {
  constructor(private readonly deps: { store: ProviderContextStore; catalog: ProviderCatalog; oauth: OAuthClient; log: RevocationLog }) {}

  async revoke(account: ConnectedAccount, integration: Integration): Promise<void> {
    if (account.auth_method !== 'oauth' || (account.refresh_token ?? account.access_token) === null) return;
    const { store, catalog, oauth, log } = this.deps;
    const failed = (data: Record<string, unknown>) =>
      log.warn(
        { connected_account_id: account.id, provider: integration.slug, ...data },
        'revocation at the provider failed; deleting anyway',
      );
    try {
      const context = await loadProviderContext(store, catalog, integration, account.organization_id, account.config);
      const revocation = context?.provider.oauth?.revocation;
      if (!context || !revocation || !context.client) return;
      const byAccess = revokesAccessToken(revocation);
      const sealed = byAccess ? account.access_token : (account.refresh_token ?? account.access_token);
      if (sealed === null) return;
      const hint = !byAccess && account.refresh_token !== null ? 'refresh_token' : 'access_token';
      const endpoint = providerEndpoint(context, 'revocation');
      if (endpoint === null) return;
      const result = await oauth.revoke(context.provider, endpoint, context.client, sealed.open(), hint);
      if (!result.ok) failed({ status: result.status, kind: result.kind });
    } catch (e) {
      failed({ error: (e as Error).name });
    }
  }
}
