import type { ProviderCatalog } from '../catalog/catalog.ts';
import { withConfigDefaults } from '../catalog/provider-urls.ts';
import type { Clock } from '../core/clock.ts';
import { faultPoint } from '../core/fault-points.ts';
import { iso } from '../core/clock.ts';
import type { Flow } from '../domain/flow.ts';
import type { Integration } from '../domain/integration.ts';
import type { ConnectionFailure, EventRecorder } from '../events/event-recorder.ts';
import { installationValues } from '../integrations/config-values.ts';
import {
  loadProviderContext,
  providerEndpoint,
  type ProviderContext,
  type ProviderContextStore,
} from '../integrations/provider-context.ts';
import { redirectUri } from '../integrations/redirect-uri.ts';
import type { OAuthClient } from '../oauth/oauth-client.ts';
import { sha256Base64Url } from '../oauth/pkce.ts';
import type { TokenSet } from '../oauth/token-response.ts';
import type { Store } from '../store/store.ts';
import { exchangeFailure } from './exchange-failure.ts';
import { type FlowPage, flowCookieName, matchesHash } from './flow-page.ts';
import { callbackParamValues } from './callback-params.ts';
import { saveConnection } from './save-connection.ts';
import { withError } from './return-to.ts';
import { UnmatchedCallbacks, unmatchedReason } from './unmatched-callbacks.ts';

export interface CallbackQuery {
  code?: string;
  state?: string;
  iss?: string;
  error?: string;
  error_description?: string;
  /** Provider-specific parameters (QuickBooks' `realmId`): only the ones the catalog names are read. */
  [param: string]: unknown;
}

export interface FlowCallbackDeps {
  store: ProviderContextStore & Pick<Store, 'transaction' | 'integrations' | 'flows'>;
  catalog: ProviderCatalog;
  clock: Clock;
  publicUrl: string;
  oauth: OAuthClient;
  events: EventRecorder;
}

type Failure = Pick<ConnectionFailure, 'error_code'> & Partial<ConnectionFailure>;

const alreadyUsed = (message: string): FlowPage => ({ kind: 'error', status: 400, title: 'Already used', message });

/**
 * The provider's redirect back (docs/security.md §1, §4, §5): the state must be one we issued for
 * this integration, to this browser, unused and unexpired; a sent `iss` must name the provider.
 * Then the code is redeemed once, and the connection, its event and the flow's end are written in
 * one transaction. Every failure is recorded as `connection_failed`, except that callbacks with an
 * unknown state are only counted past the first a minute (UnmatchedCallbacks).
 */
export class FlowCallback {
  private readonly unmatched: UnmatchedCallbacks;

  constructor(private readonly deps: FlowCallbackDeps) {
    this.unmatched = new UnmatchedCallbacks(deps.clock);
  }

  async handle(slug: string, redirectKey: string, query: CallbackQuery, cookies: Record<string, string>): Promise<FlowPage> {
    const { store, clock } = this.deps;
    const integration = await store.integrations.byRedirectKey(redirectKey);
    if (!integration || integration.slug !== slug)
      return {
        kind: 'error',
        status: 404,
        title: 'Unknown callback',
        message: 'This callback address does not belong to any integration.',
      };
    const flow = query.state ? await store.flows.byStateHash(sha256Base64Url(query.state)) : null;
    const now = clock.now();

    // A state we did not issue, or issued for another integration (a code sent to the wrong
    // callback), is refused before any token request.
    if (!flow || flow.integration_id !== integration.id) {
      const unrecorded = this.unmatched.note(integration.id);
      if (unrecorded !== null)
        await this.record(integration, null, { error_code: 'invalid_callback', error_reason: unmatchedReason(unrecorded) });
      return {
        kind: 'error',
        status: 400,
        title: 'This link is not valid',
        message: 'The authorization response did not match a connection in progress. Start again from the application.',
      };
    }
    const cookie = cookies[flowCookieName(flow.id)];
    if (!cookie || !flow.browser_hash || !matchesHash(flow.browser_hash, cookie)) {
      await this.record(integration, flow, { error_code: 'invalid_callback', error_reason: 'The callback came from another browser.' });
      return { kind: 'error', status: 400, title: 'Wrong browser', message: 'Finish connecting in the browser where you started.' };
    }
    if (flow.status !== 'redirected') {
      await this.record(integration, flow, {
        error_code: 'invalid_callback',
        error_reason: 'The authorization response was already used.',
      });
      return alreadyUsed('This authorization response was already used. Start again from the application.');
    }
    if (Date.parse(flow.expires_at) <= now) {
      await this.finishFailed(integration, flow, {
        error_code: 'authorization_expired',
        error_reason: 'The authorization took longer than 10 minutes.',
      });
      return this.failurePage(flow, 'authorization_expired', 'The authorization expired. Please try again.');
    }
    const context = await loadProviderContext(store, this.deps.catalog, integration, flow.owner.organizationId, flow.config);
    if (!context) {
      await this.finishFailed(integration, flow, { error_code: 'invalid_callback', error_reason: 'The provider is no longer available.' });
      return this.failurePage(flow, 'invalid_callback', 'The provider is no longer available.');
    }
    if (issuerMismatch(context, query.iss)) {
      await this.finishFailed(integration, flow, {
        error_code: 'invalid_callback',
        error_reason: 'The iss parameter does not name this provider (RFC 9207).',
      });
      return { kind: 'error', status: 400, title: 'Unexpected issuer', message: 'The response did not come from the expected provider.' };
    }
    if (query.error !== undefined) {
      const error = query.error.slice(0, 200);
      const description = query.error_description?.slice(0, 500) ?? null;
      await this.finishFailed(integration, flow, {
        error_code: 'provider_error',
        error_reason: 'The provider returned an error.',
        provider_error: error,
        provider_error_description: description,
      });
      return this.failurePage(flow, error, description);
    }
    if (!query.code) {
      await this.finishFailed(integration, flow, { error_code: 'invalid_callback', error_reason: 'The callback carried no code.' });
      return this.failurePage(flow, 'invalid_callback', 'The provider sent no authorization code.');
    }
    const kept = callbackParamValues(context.provider.oauth?.callbackParams ?? [], query);
    if (!kept.ok) {
      await this.finishFailed(integration, flow, { error_code: 'invalid_callback', error_reason: kept.reason });
      return this.failurePage(flow, 'invalid_callback', kept.reason);
    }
    // Claim the flow: a code is redeemed once, even if the callback is hit twice at once.
    if (!(await store.flows.transition(flow, 'redirected', iso(now), { status: 'exchanging' }))) {
      return alreadyUsed('This authorization response was already used.');
    }
    faultPoint('callback.after_state_consumed');
    const { client, provider } = context;
    const tokenUrl = providerEndpoint(context, 'token');
    const outcome =
      client && client.clientId === flow.client_id && tokenUrl
        ? await this.deps.oauth.exchangeCode(provider, tokenUrl, client, {
            code: query.code,
            redirectUri: redirectUri(this.deps.publicUrl, integration),
            codeVerifier: flow.code_verifier?.open() ?? null,
          })
        : null;
    if (!outcome?.ok) {
      const reason = outcome ? null : 'The OAuth app changed during the authorization.';
      const failure = outcome
        ? exchangeFailure(outcome, who(flow), 'The provider refused the authorization code.')
        : {
            ...who(flow),
            error_code: 'token_exchange_failed' as const,
            error_reason: reason,
            provider_error: null,
            provider_error_description: null,
          };
      await this.finishFailed(integration, flow, failure);
      return this.failurePage(flow, 'token_exchange_failed', failure.error_reason);
    }
    faultPoint('callback.after_exchange');
    await this.connect(context, flow, outcome.tokens, kept.values);
    if (flow.return_to) return { kind: 'redirect', location: flow.return_to };
    return { kind: 'success', providerName: provider.name };
  }

  /** Creates or re-authorizes the connection, in one transaction with its event and the flow's end. */
  private async connect(context: ProviderContext, flow: Flow, tokens: TokenSet, fromCallback: Record<string, string>): Promise<void> {
    const { row: integration, provider } = context;
    const now = iso(this.deps.clock.now());
    await saveConnection(
      this.deps.store,
      this.deps.events,
      async (tx) => {
        const intent = flow.connection_intent;
        let existing = null;
        if (intent === 'reauthorize' && flow.connected_account_id)
          existing = await tx.accounts.byId(integration.id, flow.connected_account_id);
        else if (intent !== 'add') existing = await tx.accounts.compatibility(integration.id, flow.owner.key);
        return { integration, owner: flow.owner, existing, adding: intent === 'add' };
      },
      () => ({
        access_token: tokens.accessToken,
        refresh_token: tokens.refreshToken,
        expires_at: tokens.expiresAt,
        scopes: tokens.scopes ?? flow.scopes,
        metadata: Object.keys(tokens.metadata).length > 0 ? tokens.metadata : null,
        // Callback parameters the catalog names (QuickBooks' realmId) join the connection's public config.
        config: {
          values: { ...installationValues(provider.configFields, context.config), ...fromCallback },
          fields: provider.configFields,
        },
        state: 'connected',
        updated_at: now,
      }),
      async (tx) => {
        await tx.flows.finish(flow.id, 'completed', now);
        faultPoint('callback.in_commit');
      },
    );
  }

  private failurePage(flow: Flow, error: string, description: string | null): FlowPage {
    if (flow.return_to) return { kind: 'redirect', location: withError(flow.return_to, error, description) };
    return { kind: 'error', status: 400, title: 'The connection did not complete', message: description ?? error };
  }

  /** Ends the flow as failed and records why, together. */
  private async finishFailed(integration: Integration, flow: Flow, failure: Failure): Promise<void> {
    await this.deps.store.transaction(async (tx) => {
      await tx.flows.finish(flow.id, 'failed', iso(this.deps.clock.now()));
      await this.deps.events.connectionFailed(tx, integration, failureOf(flow, failure));
    });
  }

  private async record(integration: Integration, flow: Flow | null, failure: Failure): Promise<void> {
    await this.deps.store.transaction((tx) => this.deps.events.connectionFailed(tx, integration, failureOf(flow, failure)));
  }
}

const who = (flow: Flow | null): Pick<ConnectionFailure, 'user_id' | 'organization_id'> => ({
  user_id: flow ? flow.acting_user_id : null,
  organization_id: flow?.owner.organizationId ?? null,
});

const failureOf = (flow: Flow | null, f: Failure): ConnectionFailure => ({
  ...who(flow),
  error_code: f.error_code,
  error_reason: f.error_reason ?? null,
  provider_error: f.provider_error ?? null,
  provider_error_description: f.provider_error_description ?? null,
});

/**
 * RFC 9207: an `iss` that is sent must name the provider we sent the user to. It is required
 * only where the operator declared it on a custom provider; built-in issuers are compared when the
 * provider sends one (not every provider that has an issuer sends it on callbacks).
 */
function issuerMismatch(context: ProviderContext, iss: unknown): boolean {
  const required = context.custom?.issuer ?? null;
  const expected = required ?? (context.custom ? null : builtinIssuer(context));
  return iss !== undefined ? expected !== null && iss !== expected : required !== null;
}

/**
 * The catalog's issuer, except where the integration pins a base URL other than the field's default
 * (self-managed GitLab): that instance is its own issuer, so its base URL is what a sent `iss` must name.
 */
function builtinIssuer(context: ProviderContext): string | null {
  const { provider, config } = context;
  const base = provider.configFields.find((f) => f.kind === 'baseUrl');
  const pinned = base ? withConfigDefaults(provider, config)[base.name] : undefined;
  if (base && pinned !== undefined && pinned !== base.default) return pinned.replace(/\/+$/, '');
  return provider.oauth?.issuer ?? null;
}
