import type { ProviderCatalog } from '../catalog/catalog.ts';
import { resolveProviderUrl } from '../catalog/provider-urls.ts';
import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import type { ConnectedAccount } from '../domain/connected-account.ts';
import { lastFour } from '../domain/secret.ts';
import { clientCredentialsRejected, notFound, providerUnavailable } from '../core/errors.ts';
import type { EventRecorder } from '../events/event-recorder.ts';
import { withInstallationConfig } from '../integrations/config-values.ts';
import { loadProviderContext, type ProviderContextStore } from '../integrations/provider-context.ts';
import type { OAuthClient } from '../oauth/oauth-client.ts';
import type { Store } from '../store/store.ts';
import { exchangeFailure, FORBIDDEN_PROVIDER_ADDRESS } from './exchange-failure.ts';
import { requestedScopes } from './requested-scopes.ts';
import { saveConnection } from './save-connection.ts';
import { findSaveTarget, type SaveTargetInput } from './save-target.ts';

export interface ClientCredentialsInput extends SaveTargetInput {
  client_id: string;
  client_secret: string;
  config?: Record<string, string>;
  connection_intent?: 'add' | 'reauthorize';
}

export interface ClientCredentialsDeps {
  store: ProviderContextStore & Pick<Store, 'transaction' | 'integrations' | 'accounts'>;
  catalog: ProviderCatalog;
  clock: Clock;
  oauth: OAuthClient;
  events: EventRecorder;
}

/**
 * Client-credentials connections (R17, R18). The tenant's client id and secret are tried against
 * the provider before anything is stored: a connection that cannot mint a token is refused (and
 * recorded as `connection_failed`), one that can starts with its first token.
 */
export class ClientCredentialsConnections {
  constructor(private readonly deps: ClientCredentialsDeps) {}

  async save(
    environmentId: string,
    slug: string,
    input: ClientCredentialsInput,
    mode: 'add' | 'upsert',
  ): Promise<{ account: ConnectedAccount; created: boolean }> {
    const { store, catalog, clock, oauth, events } = this.deps;
    // Validate and locate first (no provider call for a request that is wrong anyway).
    const probe = await findSaveTarget(store, environmentId, slug, input, mode, 'client_credentials');
    const context = await loadProviderContext(store, catalog, probe.integration, probe.owner.organizationId, null);
    const tokenUrl = context?.provider.oauth?.tokenUrl;
    if (!context || !tokenUrl) throw notFound(`Provider "${slug}" has no token endpoint.`, slug);
    const { provider } = context;
    const installation = input.config ?? {};
    const config = withInstallationConfig(provider.configFields, context.config, installation);

    const outcome = await oauth.clientCredentials(
      provider,
      resolveProviderUrl(provider, tokenUrl, config),
      { clientId: input.client_id, clientSecret: input.client_secret },
      requestedScopes(provider, probe.integration.scopes, null),
    );
    if (!outcome.ok) {
      const who = { user_id: input.user_id, organization_id: probe.owner.organizationId };
      await store.transaction((tx) =>
        events.connectionFailed(tx, probe.integration, exchangeFailure(outcome, who, 'The provider refused the client credentials.')),
      );
      if (outcome.kind === 'temporary')
        throw providerUnavailable(
          outcome.retryAfterSeconds ?? 5,
          outcome.reason === 'forbidden_address' ? FORBIDDEN_PROVIDER_ADDRESS : 'The provider did not answer; retry shortly.',
        );
      throw clientCredentialsRejected();
    }

    const t = outcome.tokens;
    const { account, target } = await saveConnection(
      store,
      events,
      (tx) => findSaveTarget(tx, environmentId, slug, input, mode, 'client_credentials'),
      ({ integration }) => ({
        client_id: input.client_id,
        client_secret: input.client_secret,
        client_secret_last4: lastFour(input.client_secret),
        access_token: t.accessToken,
        refresh_token: null,
        expires_at: t.expiresAt,
        scopes: t.scopes ?? requestedScopes(provider, integration.scopes, null),
        metadata: t.metadata,
        config: { values: installation, fields: provider.configFields },
        state: 'connected',
        updated_at: iso(clock.now()),
      }),
    );
    return { account, created: target.existing === null };
  }
}
