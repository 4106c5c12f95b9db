import type { ProviderCatalog } from '../catalog/catalog.ts';
import { resolveTemplate } from '../catalog/catalog.ts';
import type { Clock } from '../clock.ts';
import { iso } from '../clock.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { secretContext } from '../crypto/keyring.ts';
import { AppError, notFound } from '../errors.ts';
import type { EventRecorder } from '../events/event-recorder.ts';
import { checkConfigValues, missingRequiredFields } from '../integrations/config-values.ts';
import { configInForce } from '../integrations/config-in-force.ts';
import { loadIntegration } from '../integrations/provider-resolver.ts';
import { sealConfig } from '../integrations/sealed-config.ts';
import type { OAuthClient } from '../oauth/oauth-client.ts';
import type { AccountRow } from '../store/accounts-repo.ts';
import type { Store } from '../store/store.ts';
import { blankAccountRow } from './account-row.ts';
import { roleForNewConnection } from './account-selection.ts';
import { requestedScopes } from './requested-scopes.ts';
import { findSaveTarget, type SaveTargetInput } from './save-target.ts';
import { retryOnUniqueViolation } from '../store/unique-violation.ts';

export interface ClientCredentialsInput extends SaveTargetInput {
  client_id: string;
  client_secret: string;
  config?: Record<string, string>;
  connection_intent?: 'add' | 'reauthorize';
}

/**
 * Client-credentials connections (R17, R18). The tenant's client id and secret are tried against
 * the provider before anything is stored: a connection that cannot mint a token is refused (and
 * recorded as `connection_failed`), one that can starts with its first token.
 */
export class ClientCredentialsConnections {
  constructor(private readonly deps: { store: Store; keyring: Keyring; catalog: ProviderCatalog; clock: Clock; oauth: OAuthClient; events: EventRecorder }) {}

  async save(environmentId: string, slug: string, input: ClientCredentialsInput, mode: 'add' | 'upsert'): Promise<{ account: AccountRow; created: boolean }> {
    const { store, keyring, catalog, clock, oauth, events } = this.deps;
    // Validate and locate first (no provider call for a request that is wrong anyway).
    const probe = await findSaveTarget(store, environmentId, slug, input, mode, 'client_credentials');
    const resolved = await loadIntegration(store, catalog, probe.integration);
    const tokenUrl = resolved?.provider.tokenUrl;
    if (!resolved || !tokenUrl) throw notFound(`Provider "${slug}" has no token endpoint.`, slug);
    const { provider } = resolved;
    const installation = input.config ?? {};
    checkConfigValues(provider.configFields.filter((f) => f.scope === 'installation'), installation);
    const override = probe.owner.organizationId ? await store.orgConfigurations.get(environmentId, probe.owner.organizationId, slug) : null;
    const config = { ...configInForce(keyring, resolved, override, null), ...installation };
    const missing = missingRequiredFields(provider.configFields, config);
    if (missing.length > 0) throw new AppError(422, 'validation_failed', `Missing config: ${missing.join(', ')}.`, missing.map((f) => ({ field: `config.${f}`, code: 'required' })));

    const outcome = await oauth.clientCredentials(
      provider,
      resolveTemplate(tokenUrl, config),
      { clientId: input.client_id, clientSecret: input.client_secret },
      requestedScopes(provider, probe.integration.scopes, null),
    );
    if (!outcome.ok) {
      await store.transaction((tx) =>
        events.connectionFailed(tx, probe.integration, {
          user_id: input.user_id,
          organization_id: probe.owner.organizationId,
          error_code: 'token_exchange_failed',
          error_reason: outcome.kind === 'temporary' ? `The provider was unavailable (${outcome.reason}).` : 'The provider refused the client credentials.',
          provider_error: outcome.kind === 'invalid_grant' || outcome.kind === 'rejected' ? outcome.error : null,
          provider_error_description: outcome.kind === 'invalid_grant' || outcome.kind === 'rejected' ? outcome.description : null,
        }),
      );
      if (outcome.kind === 'temporary') {
        throw new AppError(503, 'provider_unavailable', 'The provider did not answer; retry shortly.', undefined, { retry_after: outcome.retryAfterSeconds ?? 5 });
      }
      throw new AppError(422, 'client_credentials_rejected', 'The provider refused these client credentials.', [{ field: 'client_secret', code: 'rejected_by_provider' }]);
    }

    return retryOnUniqueViolation(() => store.transaction(async (tx) => {
      const { integration, owner, existing } = await findSaveTarget(tx, environmentId, slug, input, mode, 'client_credentials');
      const now = iso(clock.now());
      const base = existing ?? blankAccountRow(integration, owner, await roleForNewConnection(tx, integration.id, owner, mode === 'add'), now);
      const ctx = (column: string) => secretContext(base.environment_id, 'connected_accounts', column, base.id);
      const t = outcome.tokens;
      const account: AccountRow = {
        ...base,
        client_id: input.client_id,
        client_secret: keyring.seal(input.client_secret, ctx('client_secret')),
        client_secret_last4: input.client_secret.slice(-4),
        access_token: keyring.seal(t.accessToken, ctx('access_token')),
        refresh_token: null,
        expires_at: t.expiresAt,
        scopes: JSON.stringify(t.scopes ?? requestedScopes(provider, integration.scopes, null)),
        metadata: JSON.stringify(t.metadata),
        config: sealConfig(keyring, provider.configFields, installation, { environmentId, table: 'connected_accounts', rowId: base.id }),
        state: 'connected',
        updated_at: now,
      };
      if (existing) await tx.accounts.update(account.id, account);
      else await tx.accounts.insert(account);
      await events.transition(tx, existing?.state ?? null, account, integration);
      return { account, created: existing === null };
    }));
  }
}
