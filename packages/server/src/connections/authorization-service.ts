import { timingSafeEqual } from 'node:crypto';
import type { ProviderCatalog } from '../catalog/catalog.ts';
import { resolveTemplate } from '../catalog/catalog.ts';
import type { ProviderDefinition } from '../catalog/provider-definition.ts';
import type { Clock } from '../clock.ts';
import { iso } from '../clock.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { secretContext } from '../crypto/keyring.ts';
import type { EnvironmentService } from '../environments/environment-service.ts';
import { AppError, notFound, validationFailed } from '../errors.ts';
import type { ConnectionFailure, EventRecorder } from '../events/event-recorder.ts';
import { checkConfigValues, missingRequiredFields } from '../integrations/config-values.ts';
import { effectiveSettings } from '../integrations/effective-settings.ts';
import { loadIntegration, type ResolvedIntegration } from '../integrations/provider-resolver.ts';
import { configInForce } from '../integrations/config-in-force.ts';
import { sealConfig } from '../integrations/sealed-config.ts';
import { redirectUri } from '../integrations/redirect-uri.ts';
import { ID_PREFIX, newId } from '../ids.ts';
import { buildAuthorizationUrl } from '../oauth/authorization-url.ts';
import type { OAuthClient } from '../oauth/oauth-client.ts';
import { createPkce, randomToken, sha256Base64Url } from '../oauth/pkce.ts';
import type { TokenSet } from '../oauth/token-response.ts';
import type { AccountRow } from '../store/accounts-repo.ts';
import type { FlowRow } from '../store/flows-repo.ts';
import type { IntegrationRow, OrgConfigurationRow } from '../store/integrations-repo.ts';
import type { Store } from '../store/store.ts';
import { retryOnUniqueViolation } from '../store/unique-violation.ts';
import { blankAccountRow } from './account-row.ts';
import { roleForNewConnection } from './account-selection.ts';
import { effectiveClient } from './effective-client.ts';
import { ownerFromRequest } from './owner.ts';
import { requestedScopes } from './requested-scopes.ts';
import { isAllowedReturnTo, withError } from './return-to.ts';

export interface AuthorizeInput {
  user_id: string;
  organization_id?: string | null;
  connection_owner?: 'user' | 'organization';
  return_to?: string;
  config?: Record<string, string>;
  /** Extension (§10.8): `add` creates another connection, `reauthorize` renews `connected_account_id`. */
  connection_intent?: 'add' | 'reauthorize';
  connected_account_id?: string;
}

/** What the browser-facing routes show or do next. */
export type FlowPage =
  | { kind: 'confirm'; flowId: string; providerName: string; subject: string; csrfToken: string }
  | { kind: 'redirect'; location: string; cookie?: { name: string; value: string; maxAgeSeconds: number } }
  | { kind: 'error'; status: number; title: string; message: string }
  | { kind: 'success'; providerName: string };

export interface CallbackQuery {
  code?: string;
  state?: string;
  iss?: string;
  error?: string;
  error_description?: string;
}

export interface AuthorizationServiceDeps {
  store: Store;
  keyring: Keyring;
  catalog: ProviderCatalog;
  clock: Clock;
  publicUrl: string;
  oauth: OAuthClient;
  events: EventRecorder;
  environments: EnvironmentService;
  /** How long an authorization link and its flow live (≤ 10 minutes, security.md §1). */
  flowTtlMs?: number;
}

const FLOW_TTL_MS = 10 * 60 * 1000;
export const flowCookieName = (flowId: string): string => `op_flow_${flowId.slice(ID_PREFIX.flow.length)}`;

const sameHash = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The authorization-code flow (R12, the confirmation page, the callback). Each R12 call mints one
 * flow reachable through an opaque single-use link; the flow records everything the callback
 * needs, so nothing is taken from the callback request but the code, the state and `iss`.
 */
export class AuthorizationService {
  private readonly ttl: number;

  constructor(private readonly deps: AuthorizationServiceDeps) {
    this.ttl = Math.min(deps.flowTtlMs ?? FLOW_TTL_MS, FLOW_TTL_MS);
  }

  /** R12: validates everything that can be checked now and returns the link to send the browser to. */
  async start(environmentId: string, slug: string, input: AuthorizeInput): Promise<{ url: string }> {
    const { store, keyring, clock } = this.deps;
    const ownerType = input.connection_owner ?? 'user';
    if (ownerType === 'organization' && !input.organization_id) {
      throw validationFailed('organization_id is required when connection_owner is "organization".', [{ field: 'organization_id', code: 'required' }]);
    }
    if ((input.connection_intent === 'reauthorize') !== (input.connected_account_id !== undefined)) {
      throw validationFailed('connection_intent "reauthorize" and connected_account_id go together.', [{ field: 'connected_account_id', code: 'required_with_reauthorize' }]);
    }
    const resolved = await this.integration(store, environmentId, slug, ownerType);
    const { row, provider } = resolved;
    if (row.auth_method !== 'oauth') {
      throw new AppError(422, 'unsupported_auth_method', `"${slug}" uses ${row.auth_method}; there is nothing to authorize in a browser.`, [{ field: 'slug', code: 'unsupported_auth_method' }]);
    }
    const orgId = input.organization_id ?? null;
    const override = orgId ? await store.orgConfigurations.get(environmentId, orgId, slug) : null;
    if (!effectiveSettings(row, override).enabled) {
      throw new AppError(403, 'integration_disabled', `"${slug}" is not enabled${orgId ? ` for organization ${orgId}` : ''}.`);
    }
    if (row.credentials_type === 'organization') {
      if (!orgId) throw validationFailed(`"${slug}" uses each organization's own OAuth app: organization_id is required.`, [{ field: 'organization_id', code: 'required' }]);
      if (!override?.client_id || !override.client_secret) {
        throw new AppError(403, 'organization_credentials_missing', `Organization ${orgId} has not supplied its OAuth app for "${slug}" yet.`);
      }
    }
    const client = effectiveClient(keyring, row, override);
    if (!client) throw validationFailed(`"${slug}" has no OAuth app configured.`, [{ field: 'credentials', code: 'required' }]);

    if (input.return_to !== undefined) {
      const settings = await this.deps.environments.settings(environmentId);
      if (!isAllowedReturnTo(input.return_to, settings.allowedReturnOrigins)) {
        throw validationFailed('return_to must be a URL on one of the environment’s allowed origins.', [{ field: 'return_to', code: 'not_allowed' }]);
      }
    }
    const installationConfig = input.config ?? {};
    checkConfigValues(provider.configFields.filter((f) => f.scope === 'installation'), installationConfig);
    const allConfig = { ...configInForce(this.deps.keyring, resolved, override, null), ...installationConfig };
    const missing = missingRequiredFields(provider.configFields, allConfig);
    if (missing.length > 0) throw validationFailed(`Missing config: ${missing.join(', ')}.`, missing.map((f) => ({ field: `config.${f}`, code: 'required' })));

    const owner = ownerFromRequest(ownerType, input.user_id, orgId);
    if (input.connected_account_id !== undefined) {
      const target = await store.accounts.byId(row.id, input.connected_account_id);
      if (!target || target.owner_key !== owner.key) throw notFound('No such connected account for this owner.', input.connected_account_id);
    }

    const now = clock.now();
    const link = randomToken();
    const id = newId(ID_PREFIX.flow);
    const flow: FlowRow = {
      id,
      environment_id: environmentId,
      integration_id: row.id,
      link_hash: sha256Base64Url(link),
      csrf_hash: '',
      state_hash: null,
      browser_hash: null,
      code_verifier: null,
      owner_type: owner.type,
      user_id: owner.userId,
      organization_id: owner.organizationId,
      owner_key: owner.key,
      acting_user_id: input.user_id,
      connection_intent: input.connection_intent ?? null,
      connected_account_id: input.connected_account_id ?? null,
      return_to: input.return_to ?? null,
      config: sealConfig(keyring, provider.configFields, installationConfig, { environmentId, table: 'flows', rowId: id }),
      scopes: JSON.stringify(requestedScopes(provider, row.scopes, override?.scopes ?? null)),
      client_id: client.clientId,
      status: 'pending',
      expires_at: iso(now + this.ttl),
      created_at: iso(now),
      updated_at: iso(now),
    };
    await store.flows.insert(flow);
    return { url: `${this.deps.publicUrl}/data-integrations/${link}/authorize-redirect` };
  }

  /** GET of the link: the confirmation page, or straight on to the provider when it is turned off. */
  async open(link: string): Promise<FlowPage> {
    const found = await this.flowForLink(link);
    if ('kind' in found) return found;
    const { flow, integration } = found;
    const settings = await this.deps.environments.settings(flow.environment_id);
    if (!settings.confirmationScreen) return this.leave(flow, integration);
    // A fresh CSRF token per page view; only its hash is kept, and only the latest page works.
    const csrfToken = randomToken();
    await this.deps.store.flows.transition(flow.id, 'pending', iso(this.deps.clock.now()), { csrf_hash: sha256Base64Url(csrfToken) });
    return {
      kind: 'confirm',
      flowId: flow.id,
      providerName: integration.provider.name,
      subject: flow.owner_type === 'organization' ? `organization ${flow.organization_id}` : `user ${flow.user_id}${flow.organization_id ? ` in organization ${flow.organization_id}` : ''}`,
      csrfToken,
    };
  }

  /** POST of the confirmation form (CSRF-checked): bind the flow to this browser and leave for the provider. */
  async confirm(link: string, csrfToken: string): Promise<FlowPage> {
    const found = await this.flowForLink(link);
    if ('kind' in found) return found;
    if (!found.flow.csrf_hash || !sameHash(found.flow.csrf_hash, sha256Base64Url(csrfToken))) {
      return { kind: 'error', status: 403, title: 'Please try again', message: 'This confirmation form has expired. Reload the page and press Continue again.' };
    }
    return this.leave(found.flow, found.integration);
  }

  /** The callback: state, browser, `iss`, then one code exchange, then one transaction. */
  async callback(slug: string, redirectKey: string, query: CallbackQuery, cookies: Record<string, string>): Promise<FlowPage> {
    const { store, clock } = this.deps;
    const integrationRow = await store.integrations.byRedirectKey(redirectKey);
    if (!integrationRow || integrationRow.slug !== slug) return { kind: 'error', status: 404, title: 'Unknown callback', message: 'This callback address does not belong to any integration.' };
    const integration = await this.resolve(store, integrationRow);
    const flow = query.state ? await store.flows.byStateHash(sha256Base64Url(query.state)) : null;
    const now = clock.now();

    // A state we did not issue, or issued for another integration (a code sent to the wrong
    // callback), is refused before any token request.
    if (!flow || flow.integration_id !== integrationRow.id) {
      await this.fail(integrationRow, null, { error_code: 'invalid_callback', error_reason: 'Unknown, replayed or misdirected state.' });
      return { kind: 'error', status: 400, title: 'This link is not valid', message: 'The authorization response did not match a connection in progress. Start again from the application.' };
    }
    const cookie = cookies[flowCookieName(flow.id)];
    if (!cookie || !flow.browser_hash || !sameHash(flow.browser_hash, sha256Base64Url(cookie))) {
      await this.fail(integrationRow, flow, { error_code: 'invalid_callback', error_reason: 'The callback came from another browser.' });
      return { kind: 'error', status: 400, title: 'Wrong browser', message: 'Finish connecting in the browser where you started.' };
    }
    if (flow.status !== 'redirected') {
      await this.fail(integrationRow, flow, { error_code: 'invalid_callback', error_reason: 'The authorization response was already used.' });
      return { kind: 'error', status: 400, title: 'Already used', message: 'This authorization response was already used. Start again from the application.' };
    }
    if (Date.parse(flow.expires_at) <= now) {
      await this.finishFailed(integrationRow, flow, { error_code: 'authorization_expired', error_reason: 'The authorization took longer than 10 minutes.' });
      return this.failurePage(flow, 'authorization_expired', 'The authorization expired. Please try again.');
    }
    // RFC 9207: an `iss` that is sent must name the provider we sent the user to. It is required
    // only where the operator declared it on a custom provider; built-in issuers are compared when
    // the provider sends one (not every provider that has an issuer sends it on callbacks).
    const requiredIssuer = integration.custom?.issuer ?? null;
    const expectedIssuer = requiredIssuer ?? (integration.custom ? null : integration.provider.issuer);
    const issuerWrong = query.iss !== undefined ? expectedIssuer !== null && query.iss !== expectedIssuer : requiredIssuer !== null;
    if (issuerWrong) {
      await this.finishFailed(integrationRow, flow, { error_code: 'invalid_callback', error_reason: 'The iss parameter does not name this provider (RFC 9207).' });
      return { kind: 'error', status: 400, title: 'Unexpected issuer', message: 'The response did not come from the expected provider.' };
    }
    if (query.error !== undefined) {
      await this.finishFailed(integrationRow, flow, {
        error_code: 'provider_error',
        error_reason: 'The provider returned an error.',
        provider_error: query.error.slice(0, 200),
        provider_error_description: query.error_description?.slice(0, 500) ?? null,
      });
      return this.failurePage(flow, query.error.slice(0, 200), query.error_description?.slice(0, 500) ?? null);
    }
    if (!query.code) {
      await this.finishFailed(integrationRow, flow, { error_code: 'invalid_callback', error_reason: 'The callback carried no code.' });
      return this.failurePage(flow, 'invalid_callback', 'The provider sent no authorization code.');
    }
    // Claim the flow: a code is redeemed once, even if the callback is hit twice at once.
    if (!(await store.flows.transition(flow.id, 'redirected', iso(now), { status: 'exchanging' }))) {
      return { kind: 'error', status: 400, title: 'Already used', message: 'This authorization response was already used.' };
    }
    const override = flow.organization_id ? await store.orgConfigurations.get(flow.environment_id, flow.organization_id, integrationRow.slug) : null;
    const client = effectiveClient(this.deps.keyring, integrationRow, override);
    const config = this.flowConfig(integration, override, flow);
    const outcome =
      client && client.clientId === flow.client_id && integration.provider.tokenUrl
        ? await this.deps.oauth.exchangeCode(integration.provider, resolveTemplate(integration.provider.tokenUrl, config), client, {
            code: query.code,
            redirectUri: redirectUri(this.deps.publicUrl, integrationRow),
            codeVerifier: flow.code_verifier ? this.deps.keyring.open(flow.code_verifier, secretContext(flow.environment_id, 'flows', 'code_verifier', flow.id)) : null,
          })
        : null;
    if (!outcome || !outcome.ok) {
      const reason = !outcome ? 'The OAuth app changed during the authorization.' : outcome.kind === 'temporary' ? `The provider was unavailable (${outcome.reason}).` : 'The provider refused the authorization code.';
      await this.finishFailed(integrationRow, flow, {
        error_code: 'token_exchange_failed',
        error_reason: reason,
        provider_error: outcome && (outcome.kind === 'invalid_grant' || outcome.kind === 'rejected') ? outcome.error : null,
        provider_error_description: outcome && (outcome.kind === 'invalid_grant' || outcome.kind === 'rejected') ? outcome.description : null,
      });
      return this.failurePage(flow, 'token_exchange_failed', reason);
    }
    await this.saveConnection(integration, flow, outcome.tokens, config);
    if (flow.return_to) return { kind: 'redirect', location: flow.return_to };
    return { kind: 'success', providerName: integration.provider.name };
  }

  /** Creates or re-authorizes the connection, in one transaction with its event and the flow's end. */
  private async saveConnection(integration: ResolvedIntegration, flow: FlowRow, tokens: TokenSet, config: Record<string, string>): Promise<void> {
    const write = () =>
      this.deps.store.transaction(async (tx) => {
        const { row } = integration;
        const now = iso(this.deps.clock.now());
        let existing: AccountRow | null = null;
        if (flow.connection_intent === 'reauthorize' && flow.connected_account_id) existing = await tx.accounts.byId(row.id, flow.connected_account_id);
        else if (flow.connection_intent !== 'add') existing = await tx.accounts.compatibility(row.id, flow.owner_key);
        const owner = { type: flow.owner_type, userId: flow.user_id, organizationId: flow.organization_id, key: flow.owner_key };
        const base = existing ?? blankAccountRow(row, owner, await roleForNewConnection(tx, row.id, owner, flow.connection_intent === 'add'), now);
        const ctx = (column: string) => secretContext(base.environment_id, 'connected_accounts', column, base.id);
        const account: AccountRow = {
          ...base,
          access_token: this.deps.keyring.seal(tokens.accessToken, ctx('access_token')),
          refresh_token: tokens.refreshToken === null ? null : this.deps.keyring.seal(tokens.refreshToken, ctx('refresh_token')),
          expires_at: tokens.expiresAt,
          scopes: JSON.stringify(tokens.scopes ?? (JSON.parse(flow.scopes) as string[])),
          metadata: Object.keys(tokens.metadata).length > 0 ? JSON.stringify(tokens.metadata) : null,
          config: sealConfig(this.deps.keyring, integration.provider.configFields, pickInstallation(integration.provider, config), {
            environmentId: base.environment_id,
            table: 'connected_accounts',
            rowId: base.id,
          }),
          state: 'connected',
          refresh_lock_until: null,
          updated_at: now,
        };
        if (existing) await tx.accounts.update(account.id, account);
        else await tx.accounts.insert(account);
        await this.deps.events.transition(tx, existing?.state ?? null, account, row);
        await tx.flows.finish(flow.id, 'completed', now);
      });
    // Two flows of one owner finishing together may both create the compatibility connection.
    await retryOnUniqueViolation(write);
  }

  private async leave(flow: FlowRow, integration: ResolvedIntegration): Promise<FlowPage> {
    const { keyring, clock, store } = this.deps;
    const state = randomToken();
    const browser = randomToken();
    const pkce = integration.provider.pkce ? createPkce() : null;
    const now = clock.now();
    const moved = await store.flows.transition(flow.id, 'pending', iso(now), {
      status: 'redirected',
      state_hash: sha256Base64Url(state),
      browser_hash: sha256Base64Url(browser),
      code_verifier: pkce ? keyring.seal(pkce.verifier, secretContext(flow.environment_id, 'flows', 'code_verifier', flow.id)) : null,
    });
    if (!moved) return { kind: 'error', status: 410, title: 'Link already used', message: 'This authorization link was already used or has expired. Start again from the application.' };
    const override = flow.organization_id ? await store.orgConfigurations.get(flow.environment_id, flow.organization_id, integration.row.slug) : null;
    const config = this.flowConfig(integration, override, flow);
    const location = buildAuthorizationUrl(integration.provider, {
      authorizationUrl: resolveTemplate(integration.provider.authorizationUrl!, config),
      clientId: flow.client_id,
      redirectUri: redirectUri(this.deps.publicUrl, integration.row),
      scopes: JSON.parse(flow.scopes) as string[],
      state,
      codeChallenge: pkce?.challenge ?? null,
    });
    const maxAgeSeconds = Math.max(1, Math.floor((Date.parse(flow.expires_at) - now) / 1000));
    return { kind: 'redirect', location, cookie: { name: flowCookieName(flow.id), value: browser, maxAgeSeconds } };
  }

  private async flowForLink(link: string): Promise<{ flow: FlowRow; integration: ResolvedIntegration } | FlowPage> {
    const gone: FlowPage = { kind: 'error', status: 410, title: 'Link expired', message: 'This authorization link was already used or has expired. Start again from the application.' };
    if (!/^[A-Za-z0-9_-]{43}$/.test(link)) return { kind: 'error', status: 404, title: 'Unknown link', message: 'This authorization link does not exist.' };
    const flow = await this.deps.store.flows.byLinkHash(sha256Base64Url(link));
    if (!flow) return { kind: 'error', status: 404, title: 'Unknown link', message: 'This authorization link does not exist.' };
    if (flow.status !== 'pending' || Date.parse(flow.expires_at) <= this.deps.clock.now()) return gone;
    const row = await this.deps.store.integrations.byId(flow.integration_id);
    if (!row) return gone;
    return { flow, integration: await this.resolve(this.deps.store, row) };
  }

  private async integration(store: Store, environmentId: string, slug: string, ownership: 'user' | 'organization'): Promise<ResolvedIntegration> {
    const row = await store.integrations.bySlug(environmentId, slug, ownership);
    if (!row) throw notFound(`No ${ownership}-owned data integration for "${slug}".`, slug);
    return this.resolve(store, row);
  }

  private async resolve(store: Store, row: IntegrationRow): Promise<ResolvedIntegration> {
    const resolved = await loadIntegration(store, this.deps.catalog, row);
    if (!resolved) throw notFound(`Provider "${row.slug}" is not available.`, row.slug);
    return resolved;
  }

  private flowConfig(integration: ResolvedIntegration, override: OrgConfigurationRow | null, flow: FlowRow): Record<string, string> {
    return configInForce(this.deps.keyring, integration, override, { table: 'flows', environmentId: flow.environment_id, rowId: flow.id, stored: flow.config });
  }

  private failurePage(flow: FlowRow, error: string, description: string | null): FlowPage {
    if (flow.return_to) return { kind: 'redirect', location: withError(flow.return_to, error, description) };
    return { kind: 'error', status: 400, title: 'The connection did not complete', message: description ?? error };
  }

  private async finishFailed(integration: IntegrationRow, flow: FlowRow, failure: Omit<ConnectionFailure, 'user_id' | 'organization_id' | 'provider_error' | 'provider_error_description'> & Partial<ConnectionFailure>): Promise<void> {
    await this.deps.store.transaction(async (tx) => {
      await tx.flows.finish(flow.id, 'failed', iso(this.deps.clock.now()));
      await this.deps.events.connectionFailed(tx, integration, this.failure(flow, failure));
    });
  }

  private async fail(integration: IntegrationRow, flow: FlowRow | null, failure: Omit<ConnectionFailure, 'user_id' | 'organization_id' | 'provider_error' | 'provider_error_description'>): Promise<void> {
    await this.deps.store.transaction((tx) => this.deps.events.connectionFailed(tx, integration, this.failure(flow, failure)));
  }

  private failure(flow: FlowRow | null, f: Partial<ConnectionFailure> & Pick<ConnectionFailure, 'error_code'>): ConnectionFailure {
    return {
      user_id: flow ? flow.acting_user_id : null,
      organization_id: flow?.organization_id ?? null,
      error_code: f.error_code,
      error_reason: f.error_reason ?? null,
      provider_error: f.provider_error ?? null,
      provider_error_description: f.provider_error_description ?? null,
    };
  }
}

/** Only installation-scope values belong to the connection; pinned ones stay on the integration. */
const pickInstallation = (provider: ProviderDefinition, config: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(config).filter(([k]) => provider.configFields.some((f) => f.name === k && f.scope === 'installation')));
