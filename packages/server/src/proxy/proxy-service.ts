import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Dispatcher, request } from 'undici';
import type { ProviderCatalog } from '../catalog/catalog.ts';
import { ProviderUrlError, resolveProviderUrl } from '../catalog/provider-urls.ts';
import type { RefreshCoordinator } from '../connections/refresh-coordinator.ts';
import type { VendInput, VendingService } from '../connections/vending-service.ts';
import {
  AppError,
  integrationNotFound,
  providerTimeout,
  providerUnreachable,
  proxyNeedsReauthorization,
  proxyNotInstalled,
  proxyUnsupported,
} from '../core/errors.ts';
import type { Telemetry } from '../core/telemetry.ts';
import { ownerFromRequest } from '../domain/owner.ts';
import { providerContextOf, type ProviderContextStore } from '../integrations/provider-context.ts';
import type { Store } from '../store/store.ts';
import { attachCredential, withCredentialQuery } from './proxy-credential.ts';
import { forwardedRequestHeaders, forwardedResponseHeaders } from './proxy-headers.ts';
import { checkProxyPath, proxyTarget } from './proxy-path.ts';
import { isIdempotent, isRetryableStatus, retryDelayMs } from './proxy-retries.ts';
import { ProviderSettingsCache } from './provider-settings-cache.ts';
import { ReplayTap } from './replay-body.ts';

/** A provider that sends no response headers within this is answered with 504 `provider_timeout`. */
export const PROXY_TIMEOUT_MS = 30_000;

export interface ProxyCall {
  environmentId: string;
  slug: string;
  selection: VendInput;
  /** `OpenPipes-Retries` (0–5). */
  retries: number;
  method: string;
  /** The path after `/proxy/<slug>`, as sent (possibly empty). */
  rest: string;
  /** The raw query string without `?`, or null. */
  query: string | null;
  headers: IncomingHttpHeaders;
  /** The incoming body, streamed; null when the request has none. */
  body: Readable | null;
}

export interface ProxyAnswer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Readable;
}

export interface ProxyServiceDeps {
  vending: Pick<VendingService, 'proxyCredential'>;
  refresh: Pick<RefreshCoordinator, 'renew'>;
  store: ProviderContextStore & Pick<Store, 'integrations'>;
  catalog: ProviderCatalog;
  /** The guarded dispatcher (src/outbound): the only way out. */
  dispatcher: Dispatcher;
  telemetry: Telemetry;
  timeoutMs?: number;
}

/**
 * Issue 12's proxy: a caller's request sent to the provider's API with the connection's credential.
 * The connection is the vend's (same selection, renewal, counting); bodies stream both ways; a 401
 * gets one renewal through the refresh coordinator and one retry when the request can be replayed;
 * `OpenPipes-Retries` retries idempotent requests on 429/502/503/504 and failed connections.
 */
export class ProxyService {
  private readonly settings: ProviderSettingsCache;

  constructor(private readonly deps: ProxyServiceDeps) {
    this.settings = new ProviderSettingsCache({ store: deps.store, catalog: deps.catalog });
  }

  async forward(call: ProxyCall): Promise<ProxyAnswer> {
    checkProxyPath(call.rest);
    const credential = await this.deps.vending.proxyCredential(call.environmentId, call.slug, call.selection);
    if (!credential.active) {
      throw credential.error === 'not_installed' ? proxyNotInstalled(call.slug) : proxyNeedsReauthorization(call.slug);
    }
    const { account } = credential;
    const { provider, config } = await this.providerFor(call, credential.settingsVersion, account.config);
    const template = provider.apiBaseUrl;
    if (template === null) {
      throw proxyUnsupported(`"${call.slug}" has no API base URL to proxy to (a custom provider declares one as api_base_url).`, 'slug');
    }
    let base: string;
    try {
      base = resolveProviderUrl(provider, template, config);
    } catch (e) {
      if (!(e instanceof ProviderUrlError)) throw e;
      throw proxyUnsupported(`The API base URL of "${call.slug}" cannot be resolved for this connection: ${e.message}.`, 'config');
    }
    const target = proxyTarget(base, call.rest, call.query);

    let secret = credential.secret;
    const attach = (s: string) => attachCredential(provider, account.auth_method, s, config);
    let attachment = attach(secret);
    const url = withCredentialQuery(target, attachment.query).href;
    const forwarded = forwardedRequestHeaders(call.headers);

    const tap = call.body ? new ReplayTap() : null;
    if (call.body && tap) pipeline(call.body, tap).catch(() => undefined);
    // A request can be sent again when it had no body, or its whole body was kept (≤ 64 KiB).
    const replay = (): { ok: boolean; body: Buffer | undefined } => {
      if (!tap) return { ok: true, body: undefined };
      const kept = tap.kept();
      return kept === null ? { ok: false, body: undefined } : { ok: true, body: kept };
    };

    const retryable = isIdempotent(call.method);
    let body: Readable | Buffer | undefined = tap ?? undefined;
    let retriesLeft = retryable ? call.retries : 0;
    let renewedOnce = account.auth_method === 'api_key';
    for (;;) {
      let answer: Dispatcher.ResponseData;
      try {
        answer = await request(url, {
          method: call.method as Dispatcher.HttpMethod,
          headers: { ...forwarded, ...attachment.headers },
          body: body ?? null,
          dispatcher: this.deps.dispatcher,
          headersTimeout: this.deps.timeoutMs ?? PROXY_TIMEOUT_MS,
        });
      } catch (e) {
        const failure = this.failure(e);
        const again = replay();
        if (retriesLeft > 0 && again.ok && failure.code === 'provider_unreachable') {
          const wait = retryDelayMs(call.retries - retriesLeft, undefined, Date.now()) ?? 0;
          retriesLeft--;
          body = again.body;
          this.deps.telemetry.proxyRetry(call.slug, 'retry');
          await sleep(wait);
          continue;
        }
        throw failure;
      }

      if (answer.statusCode === 401 && !renewedOnce) {
        renewedOnce = true;
        const again = replay();
        if (again.ok) {
          const renewed = await this.deps.refresh.renew(account, { kind: 'rejected', accessToken: secret });
          if (renewed.kind === 'token' && renewed.accessToken !== secret) {
            await answer.body.dump();
            secret = renewed.accessToken;
            attachment = attach(secret);
            body = again.body;
            this.deps.telemetry.proxyRetry(call.slug, 'renewed_token');
            continue;
          }
        }
      }

      if (retriesLeft > 0 && isRetryableStatus(answer.statusCode)) {
        const again = replay();
        const header = answer.headers['retry-after'];
        const wait = retryDelayMs(call.retries - retriesLeft, Array.isArray(header) ? header[0] : header, Date.now());
        if (again.ok && wait !== null) {
          await answer.body.dump();
          retriesLeft--;
          body = again.body;
          this.deps.telemetry.proxyRetry(call.slug, 'retry');
          await sleep(wait);
          continue;
        }
      }
      this.deps.telemetry.proxied(call.slug, 'provider', `${Math.floor(answer.statusCode / 100)}xx`);
      return { status: answer.statusCode, headers: forwardedResponseHeaders(answer.headers), body: answer.body };
    }
  }

  /** Counts an answer OpenPipes gave itself on a proxy route (an error before or instead of the provider's). */
  countOwnAnswer(slug: string, status: number): void {
    this.deps.telemetry.proxied(slug, 'openpipes', `${Math.floor(status / 100)}xx`);
  }

  /** The provider and the config values its templates see, for the integration the vend read. */
  private async providerFor(call: ProxyCall, version: number, own: Parameters<typeof providerContextOf>[1]) {
    const s = call.selection;
    const owner = ownerFromRequest(s.connection_owner, s.user_id, s.organization_id);
    const settings = await this.settings.get(call.environmentId, version, call.slug, owner.type, owner.organizationId);
    if (!settings) throw integrationNotFound(call.slug, owner.type);
    return providerContextOf(settings, own);
  }

  /** Why no answer came: 504 when the provider sent no headers in time, else 502; never the URL (its query may hold a key). */
  private failure(e: unknown): AppError {
    if (e instanceof AppError) return e;
    const code = (e as { code?: unknown }).code;
    if (code === 'UND_ERR_HEADERS_TIMEOUT') return providerTimeout(Math.round((this.deps.timeoutMs ?? PROXY_TIMEOUT_MS) / 1000));
    if (code === 'forbidden_address') {
      return providerUnreachable('The provider’s API host resolves to an address OpenPipes never connects to (a private or local one).');
    }
    return providerUnreachable(`The provider’s API could not be reached${typeof code === 'string' ? ` (${code})` : ''}.`);
  }
}
