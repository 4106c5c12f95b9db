import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import { notFound } from '../core/errors.ts';
import { ID_PREFIX, newId } from '../core/ids.ts';
import type { ApiKey, Environment } from '../domain/environment.ts';
import type { Store } from '../store/store.ts';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const base62 = (bytes: Buffer): string => {
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  while (n > 0n) {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out;
};

/** Six base62 characters of a SHA-256 over the body: lets scanners and support spot a mistyped key offline. */
const checksum = (body: string): string => base62(createHash('sha256').update(body).digest().subarray(0, 5)).padStart(6, '0').slice(-6);

const digestApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** A fresh key: prefix, 256 random bits in base62, checksum (docs/security.md §15). */
function generateApiKey(production: boolean): string {
  const body = `${production ? 'sk_live_' : 'sk_test_'}${base62(randomBytes(32)).padStart(43, '0')}`;
  return `${body}${checksum(body)}`;
}

/** True when a key in our generated format carries a wrong checksum (a typo; no lookup needed). */
function hasBadChecksum(key: string): boolean {
  const m = /^(sk_(?:live|test)_[0-9A-Za-z]{43})([0-9A-Za-z]{6})$/.exec(key);
  return m !== null && checksum(m[1]!) !== m[2];
}

export interface Principal {
  environmentId: string;
  apiKeyId: string;
}

interface CacheEntry {
  principal: Principal | null;
  until: number;
}

/** How long a key lookup is trusted: bounds how late a revocation made by another process bites. */
const CACHE_TTL_MS = 5_000;
const LAST_USED_EVERY_MS = 60_000;

/**
 * API keys are stored as SHA-256 digests (high-entropy keys need no slow hash) with their last four
 * characters. Lookups are cached briefly; `last_used_at` is written at most once a minute per key,
 * off the request path.
 */
export class ApiKeyService {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly lastTouched = new Map<string, number>();

  constructor(private readonly deps: { store: Pick<Store, 'apiKeys'>; clock: Clock; cacheTtlMs?: number }) {}

  async create(environment: Environment, name = 'default'): Promise<{ key: string; row: ApiKey }> {
    const key = generateApiKey(environment.production);
    return { key, row: await this.register(environment.id, key, name) };
  }

  /** Registers a key chosen outside (OPENPIPES_API_KEY); idempotent. */
  async register(environmentId: string, key: string, name: string): Promise<ApiKey> {
    const digest = digestApiKey(key);
    const existing = await this.deps.store.apiKeys.byDigest(digest);
    if (existing) return existing;
    const row: ApiKey = {
      id: newId(ID_PREFIX.apiKey),
      environment_id: environmentId,
      name,
      digest,
      last4: key.slice(-4),
      created_at: iso(this.deps.clock.now()),
      last_used_at: null,
      revoked_at: null,
    };
    await this.deps.store.apiKeys.insert(row);
    return row;
  }

  list(environmentId?: string): Promise<ApiKey[]> {
    return this.deps.store.apiKeys.list(environmentId);
  }

  async revoke(id: string): Promise<void> {
    if (!(await this.deps.store.apiKeys.revoke(id, iso(this.deps.clock.now())))) throw notFound(`No active API key "${id}".`, id);
    this.cache.clear();
  }

  /** The environment a bearer key speaks for, or null. */
  async authenticate(key: string): Promise<Principal | null> {
    if (!key.startsWith('sk_') || key.length < 32 || key.length > 256) return null;
    const now = this.deps.clock.now();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) {
      if (cached.principal) this.touch(cached.principal.apiKeyId, now);
      return cached.principal;
    }
    // The checksum spares the database a lookup for mistyped keys; a cached key needs neither.
    if (hasBadChecksum(key)) return null;
    const row = await this.deps.store.apiKeys.byDigest(digestApiKey(key));
    const principal = row && row.revoked_at === null ? { environmentId: row.environment_id, apiKeyId: row.id } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { principal, until: now + (this.deps.cacheTtlMs ?? CACHE_TTL_MS) });
    if (principal) this.touch(principal.apiKeyId, now);
    return principal;
  }

  private touch(apiKeyId: string, now: number): void {
    const last = this.lastTouched.get(apiKeyId) ?? 0;
    if (now - last < LAST_USED_EVERY_MS) return;
    this.lastTouched.set(apiKeyId, now);
    this.deps.store.apiKeys.touch(apiKeyId, iso(now)).catch(() => this.lastTouched.delete(apiKeyId));
  }
}
