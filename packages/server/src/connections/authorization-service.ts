import type { ProviderCatalog } from '../catalog/catalog.ts';
import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import type { ConnectionIntent, Flow } from '../domain/flow.ts';
import type { Integration, Ownership } from '../domain/integration.ts';
import { ownerFromRequest } from '../domain/owner.ts';
import type { EnvironmentService } from '../environments/environment-service.ts';
import {
  integrationDisabled,
  integrationNotFound,
  notFound,
  nothingToAuthorize,
  organizationCredentialsMissing,
  returnToNotAllowed,
  validationFailed,
} from '../core/errors.ts';
import type { EventRecorder } from '../events/event-recorder.ts';
import { withInstallationConfig } from '../integrations/config-values.ts';
import { effectiveSettings } from '../integrations/effective-settings.ts';
import {
  loadProviderContext,
  providerEndpoint,
  type ProviderContext,
  type ProviderContextStore,
} from '../integrations/provider-context.ts';
import { loadIntegration } from '../integrations/provider-resolver.ts';
import { redirectUri } from '../integrations/redirect-uri.ts';
import { ID_PREFIX, newId } from '../core/ids.ts';
import { buildAuthorizationUrl } from '../oauth/authorization-url.ts';
import type { OAuthClient } from '../oauth/oauth-client.ts';
import { createPkce, randomToken, sha256Base64Url } from '../oauth/pkce.ts';
import type { Store } from '../store/store.ts';
import { type CallbackQuery, FlowCallback } from './flow-callback.ts';
import { type FlowPage, flowCookieName, matchesHash, usedLinkPage } from './flow-page.ts';
import { requestedScopes } from './requested-scopes.ts';
import { isAllowedReturnTo } from './return-to.ts';

export type { CallbackQuery } from './flow-callback.ts';
export type { FlowPage } from './flow-page.ts';

export interface AuthorizeInput {
  user_id: string;
  organization_id?: string | null;
  connection_owner?: Ownership;
  return_to?: string;
  config?: Record<string, string>;
  /** Extension (§10.8): `add` creates another connection, `reauthorize` renews `connected_account_id`. */
  connection_intent?: ConnectionIntent;
  connected_account_id?: string;
}

export type AuthorizationStore = ProviderContextStore & Pick<Store, 'transaction' | 'integrations' | 'accounts' | 'flows'>;

export interface AuthorizationServiceDeps {
  store: AuthorizationStore;
  catalog: ProviderCatalog;
  clock: Clock;
  publicUrl: string;
  oauth: OAuthClient;
  events: EventRecorder;
  environments: EnvironmentService;
  /** How long an authorization link and its flow live (≤ 10 minutes, docs/security.md §1). */
  flowTtlMs?: number;
}

const FLOW_TTL_MS = 10 * 60 * 1000;
const LINK_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const unknownLink: FlowPage = { kind: 'error', status: 404, title: 'Unknown link', message: 'This authorization link does not exist.' };

/**
 * The authorization-code flow (R12, the confirmation page, the callback). Each R12 call mints one
 * flow reachable through an opaque single-use link; the flow records everything the callback
 * needs, so nothing is taken from the callback request but the code, the state and `iss`.
 */
export class AuthorizationService {
  private readonly ttl: number;
  private readonly callbacks: FlowCallback;

  constructor(private readonly deps: AuthorizationServiceDeps) {
    this.ttl = Math.min(deps.flowTtlMs ?? FLOW_TTL_MS, FLOW_TTL_MS);
    this.callbacks = new FlowCallback(deps);
  }

  /**
   * R12: validates everything that can be checked now and returns the link to send the browser to.
   * With `handoff`, the flow is bound to the widget window that holds the returned token
   * (widgets-api.md §8.3): the confirmation page then waits for that window to hand it over.
   */
  async start(
    environmentId: string,
    slug: string,
    input: AuthorizeInput,
    options: { handoff?: boolean } = {},
  ): Promise<{ url: string; handoffToken?: string }> {
    const { store, clock } = this.deps;
    const ownerType = input.connection_owner ?? 'user';
    if (ownerType === 'organization' && !input.organization_id) {
      throw validationFailed('organization_id is required when connection_owner is "organization".', [
        { field: 'organization_id', code: 'required' },
      ]);
    }
    if ((input.connection_intent === 'reauthorize') !== (input.connected_account_id !== undefined)) {
      throw validationFailed('connection_intent "reauthorize" and connected_account_id go together.', [
        { field: 'connected_account_id', code: 'required_with_reauthorize' },
      ]);
    }
    const row = await store.integrations.bySlug(environmentId, slug, ownerType);
    if (!row) throw integrationNotFound(slug, ownerType);
    if (row.auth_method !== 'oauth') throw nothingToAuthorize(slug, row.auth_method);
    const orgId = input.organization_id ?? null;
    const context = await this.context(row, orgId, null);
    const { provider, override } = context;
    if (!effectiveSettings(row, override).enabled) throw integrationDisabled(slug, orgId);
    if (row.credentials_type === 'organization') {
      if (!orgId)
        throw validationFailed(`"${slug}" uses each organization's own OAuth app: organization_id is required.`, [
          { field: 'organization_id', code: 'required' },
        ]);
      if (!override?.client_id || !override.client_secret) throw organizationCredentialsMissing(orgId, slug);
    }
    if (!context.client) throw validationFailed(`"${slug}" has no OAuth app configured.`, [{ field: 'credentials', code: 'required' }]);

    if (input.return_to !== undefined) {
      const settings = await this.deps.environments.settings(environmentId);
      if (!isAllowedReturnTo(input.return_to, settings.allowedReturnOrigins)) {
        throw returnToNotAllowed(input.return_to, settings.name, settings.allowedReturnOrigins);
      }
    }
    const installation = input.config ?? {};
    withInstallationConfig(provider.configFields, context.config, installation);

    const owner = ownerFromRequest(ownerType, input.user_id, orgId);
    if (input.connected_account_id !== undefined) {
      const target = await store.accounts.byId(row.id, input.connected_account_id);
      if (!target || target.owner_key !== owner.key)
        throw notFound('No such connected account for this owner.', input.connected_account_id);
    }

    const now = clock.now();
    const link = randomToken();
    const handoffToken = options.handoff ? randomToken() : null;
    await store.flows.insert({
      handoff_hash: handoffToken === null ? null : sha256Base64Url(handoffToken),
      id: newId(ID_PREFIX.flow),
      environment_id: environmentId,
      integration_id: row.id,
      link_hash: sha256Base64Url(link),
      csrf_hash: '',
      owner,
      acting_user_id: input.user_id,
      connection_intent: input.connection_intent ?? null,
      connected_account_id: input.connected_account_id ?? null,
      return_to: input.return_to ?? null,
      config: { values: installation, fields: provider.configFields },
      scopes: requestedScopes(provider, row.scopes, override?.scopes ?? null),
      client_id: context.client.clientId,
      status: 'pending',
      expires_at: iso(now + this.ttl),
      created_at: iso(now),
    });
    const url = `${this.deps.publicUrl}/data-integrations/${link}/authorize-redirect`;
    return handoffToken === null ? { url } : { url, handoffToken };
  }

  /** GET of the link: the confirmation page, or straight on to the provider when it is turned off. */
  async open(link: string): Promise<FlowPage> {
    const found = await this.flowForLink(link);
    if ('kind' in found) return found;
    const { flow, integration } = found;
    const settings = await this.deps.environments.settings(flow.environment_id);
    const bound = flow.handoff_hash !== null;
    // A handoff-bound flow always shows the page: it must receive the opener's message first.
    if (!settings.confirmationScreen && !bound) return this.leave(flow, integration);
    // A fresh CSRF token per page view; only its hash is kept, and only the latest page works.
    const csrfToken = randomToken();
    await this.deps.store.flows.transition(flow, 'pending', iso(this.deps.clock.now()), { csrf_hash: sha256Base64Url(csrfToken) });
    const { owner } = flow;
    // Only the provider's name is shown: no override, client or config is needed (or opened) yet.
    const resolved = await loadIntegration(this.deps.store, this.deps.catalog, integration);
    if (!resolved) throw notFound(`Provider "${integration.slug}" is not available.`, integration.slug);
    return {
      kind: 'confirm',
      flowId: flow.id,
      providerName: resolved.provider.name,
      subject:
        owner.type === 'organization'
          ? `organization ${owner.organizationId}`
          : `user ${owner.userId}${owner.organizationId ? ` in organization ${owner.organizationId}` : ''}`,
      csrfToken,
      handoff: !bound ? 'none' : settings.confirmationScreen ? 'required' : 'auto',
    };
  }

  /** POST of the confirmation form (CSRF-checked): bind the flow to this browser and leave for the provider. */
  async confirm(
    link: string,
    csrfToken: string,
    handoff: { token?: string | undefined; openerOrigin?: string | undefined } = {},
  ): Promise<FlowPage> {
    const found = await this.flowForLink(link);
    if ('kind' in found) return found;
    if (found.flow.handoff_hash !== null && !(await this.handedOver(found.flow, handoff))) {
      return {
        kind: 'error',
        status: 403,
        title: 'Start again from the application',
        message: 'This connection must be continued from the window the application opened.',
      };
    }
    if (!found.flow.csrf_hash || !matchesHash(found.flow.csrf_hash, csrfToken)) {
      return {
        kind: 'error',
        status: 403,
        title: 'Please try again',
        message: 'This confirmation form has expired. Reload the page and press Continue again.',
      };
    }
    return this.leave(found.flow, found.integration);
  }

  /** The callback: state, browser, `iss`, then one code exchange, then one transaction. */
  callback(slug: string, redirectKey: string, query: CallbackQuery, cookies: Record<string, string>): Promise<FlowPage> {
    return this.callbacks.handle(slug, redirectKey, query, cookies);
  }

  /** The opener proved it holds the flow's handoff token, from one of the environment's allowed origins. */
  private async handedOver(flow: Flow, handoff: { token?: string | undefined; openerOrigin?: string | undefined }): Promise<boolean> {
    if (!flow.handoff_hash || !handoff.token || !handoff.openerOrigin) return false;
    if (!matchesHash(flow.handoff_hash, handoff.token)) return false;
    const settings = await this.deps.environments.settings(flow.environment_id);
    return settings.allowedReturnOrigins.includes(handoff.openerOrigin);
  }

  private async leave(flow: Flow, integration: Integration): Promise<FlowPage> {
    const { clock, store } = this.deps;
    const context = await this.context(integration, flow.owner.organizationId, flow);
    const state = randomToken();
    const browser = randomToken();
    const pkce = context.provider.pkce ? createPkce() : null;
    const now = clock.now();
    const moved = await store.flows.transition(flow, 'pending', iso(now), {
      status: 'redirected',
      state_hash: sha256Base64Url(state),
      browser_hash: sha256Base64Url(browser),
      code_verifier: pkce ? pkce.verifier : null,
    });
    if (!moved) return usedLinkPage;
    const location = buildAuthorizationUrl(context.provider, {
      authorizationUrl: providerEndpoint(context, 'authorization')!,
      clientId: flow.client_id,
      redirectUri: redirectUri(this.deps.publicUrl, integration),
      scopes: flow.scopes,
      state,
      codeChallenge: pkce?.challenge ?? null,
    });
    const maxAgeSeconds = Math.max(1, Math.floor((Date.parse(flow.expires_at) - now) / 1000));
    return { kind: 'redirect', location, cookie: { name: flowCookieName(flow.id), value: browser, maxAgeSeconds } };
  }

  private async flowForLink(link: string): Promise<{ flow: Flow; integration: Integration } | FlowPage> {
    if (!LINK_PATTERN.test(link)) return unknownLink;
    const flow = await this.deps.store.flows.byLinkHash(sha256Base64Url(link));
    if (!flow) return unknownLink;
    if (flow.status !== 'pending' || Date.parse(flow.expires_at) <= this.deps.clock.now()) return usedLinkPage;
    const integration = await this.deps.store.integrations.byId(flow.integration_id);
    return integration ? { flow, integration } : usedLinkPage;
  }

  private async context(row: Integration, organizationId: string | null, flow: Flow | null): Promise<ProviderContext> {
    const context = await loadProviderContext(this.deps.store, this.deps.catalog, row, organizationId, flow?.config ?? null);
    if (!context) throw notFound(`Provider "${row.slug}" is not available.`, row.slug);
    return context;
  }
}
