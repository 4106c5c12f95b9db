import { isAbsolute, resolve } from 'node:path';
import ipaddr from 'ipaddr.js';
import { DEFAULT_IDEMPOTENCY_MAX_KEYS } from '../http/idempotency-bound.ts';
import { DEFAULT_RATE_LIMITS, type RateLimits, type TrustProxy } from '../http/rate-limits.ts';
import { parseOrigin } from '../environments/origin.ts';
import { passwordProblem } from '../operators/operator-service.ts';
import { closestName } from '../core/closest-name.ts';
import { FAULT_POINTS, type FaultPoint } from '../core/fault-points.ts';
import { DEFAULT_HTTP_TIMEOUTS, type HttpTimeouts } from '../http/timeouts.ts';

/**
 * Every variable the service reads: add a new one here, or start-up warns that it is unknown
 * (`unknownVariableWarnings`). PORT and HOST have no prefix and are not checked.
 */
export const KNOWN_VARIABLES: readonly string[] = [
  'OPENPIPES_DATA_DIR',
  'OPENPIPES_DATABASE_URL',
  'OPENPIPES_ENCRYPTION_KEYS',
  'OPENPIPES_API_KEY',
  'OPENPIPES_ADMIN_PASSWORD',
  'OPENPIPES_PUBLIC_URL',
  'OPENPIPES_ALLOWED_RETURN_ORIGINS',
  'OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS',
  'OPENPIPES_LOG_LEVEL',
  'OPENPIPES_REFRESH_MARGIN_SECONDS',
  'OPENPIPES_REFRESH_IN_DOUBT_SECONDS',
  'OPENPIPES_WEBHOOK_RETRY_BASE_SECONDS',
  'OPENPIPES_WEBHOOK_TIMEOUT_SECONDS',
  'OPENPIPES_REQUEST_TIMEOUT_SECONDS',
  'OPENPIPES_HEADERS_TIMEOUT_SECONDS',
  'OPENPIPES_KEEP_ALIVE_TIMEOUT_SECONDS',
  'OPENPIPES_RATE_LIMIT_API_PER_MINUTE',
  'OPENPIPES_RATE_LIMIT_BROWSER_PER_MINUTE',
  'OPENPIPES_IDEMPOTENCY_MAX_KEYS',
  'OPENPIPES_TRUST_PROXY',
  'OPENPIPES_METRICS',
  'OPENPIPES_METRICS_TOKEN',
  'OPENPIPES_HEALTH_SCHEDULER',
  'OPENPIPES_HEALTH_LEAD_SECONDS',
  'OPENPIPES_HEALTH_CHECK_HOURS',
  'OPENPIPES_HEALTH_CONCURRENCY_PER_PROVIDER',
  // Read by the test suite and its helpers, which may pass their environment on to the binary.
  'OPENPIPES_UPDATE_SCREENSHOTS',
  'OPENPIPES_CHROMIUM',
];

/** The test suite's knobs, a family of variables the suite may pass on to the binary. */
export const KNOWN_VARIABLE_PREFIXES: readonly string[] = ['OPENPIPES_TEST_'];

/** pino's levels; anything else would make the logger throw at start-up. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Typed, validated configuration. `loadConfig` is the only reader of process.env in the server
 * (main.ts passes it in); every problem is reported as one line naming the variable.
 */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database: { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string };
  readonly dataDir: string;
  /** `kid:base64,…`, or null to use (and create) the key file in the data dir. */
  readonly encryptionKeys: string | null;
  readonly apiKey: string | null;
  /** The password of the `admin` dashboard operator, ensured at start-up; null to manage operators with the CLI only. */
  readonly adminPassword: string | null;
  readonly publicUrl: string;
  readonly allowedReturnOrigins: readonly string[];
  readonly allowInsecureProviderUrls: boolean;
  readonly production: boolean;
  readonly logLevel: string;
  /** Tokens expiring within this margin are refreshed before they are vended. */
  readonly refreshMarginMs: number;
  /** After a refresh whose outcome is unknown (timeout, lost connection), no other refresh of that connection for this long; 0: off. */
  readonly refreshInDoubtMs: number;
  /** Wait before a failed webhook delivery's first retry; later ones double it (§11.3.1). */
  readonly webhookRetryBaseMs: number;
  /** Deadline of one webhook delivery attempt. */
  readonly webhookTimeoutMs: number;
  /** Inbound request deadlines (slow or stalled clients are cut off). */
  readonly httpTimeouts: HttpTimeouts;
  /** Requests per minute per API key and per client address; 0 turns one off. */
  readonly rateLimits: RateLimits;
  /** Live Idempotency-Key rows per API key; 0 for no bound. */
  readonly idempotencyMaxKeys: number;
  /** Which proxies' X-Forwarded-For gives the client address. */
  readonly trustProxy: TrustProxy;
  /** `/metrics` (OPENPIPES_METRICS=true), behind OPENPIPES_METRICS_TOKEN when set; null: off. */
  readonly metrics: { readonly token: string | null } | null;
  /** The proactive health scheduler (OPENPIPES_HEALTH_*); null when OPENPIPES_HEALTH_SCHEDULER is not "true". */
  readonly healthScheduler: HealthSchedulerConfig | null;
  /** OPENPIPES_TEST_FAULT_POINT, honoured only when NODE_ENV=test (core/fault-points.ts); null otherwise. */
  readonly testFaultPoint: FaultPoint | null;
}

export interface HealthSchedulerConfig {
  /** Tokens expiring within this are renewed ahead of use. */
  readonly leadMs: number;
  /** Connections with a refresh token (and client-credentials ones) are renewed at least this often. */
  readonly intervalMs: number;
  /** Renewals in flight per provider at most. */
  readonly concurrencyPerProvider: number;
  /**
   * The lease's length and the tick, normally the scheduler's defaults (absent); shortened only by
   * OPENPIPES_TEST_HEALTH_LEASE_SECONDS under NODE_ENV=test, so the two-process test need not wait a minute.
   */
  readonly leaseMs?: number;
  readonly tickMs?: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const parsePort = (raw: string | undefined): number => {
  if (raw === undefined || raw === '') return 8080;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 0 || n > 65535) throw new ConfigError('PORT', `"${raw}" is not a port number (0-65535)`);
  return n;
};

const parseDatabase = (raw: string | undefined, dataDir: string, cwd: string): Config['database'] => {
  if (raw === undefined || raw === '') return { kind: 'sqlite', path: resolve(dataDir, 'openpipes.db') };
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError('OPENPIPES_DATABASE_URL', 'is not a valid postgres:// URL');
    }
    return { kind: 'postgres', url: raw };
  }
  if (raw.startsWith('sqlite:')) {
    const path = raw.replace(/^sqlite:(\/\/)?/, '');
    if (!path) throw new ConfigError('OPENPIPES_DATABASE_URL', 'sqlite: URL has no file path');
    return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(cwd, path) };
  }
  if (/^[a-z]+:\/\//i.test(raw)) {
    throw new ConfigError('OPENPIPES_DATABASE_URL', 'must be a file path, a sqlite: URL or a postgres:// URL');
  }
  return { kind: 'sqlite', path: isAbsolute(raw) ? raw : resolve(cwd, raw) };
};

export function loadConfig(env: Env, cwd: string = process.cwd()): Config {
  const port = parsePort(env.PORT);
  const host = env.HOST || '127.0.0.1';
  const dataDir = resolve(cwd, env.OPENPIPES_DATA_DIR || './data');
  const database = parseDatabase(env.OPENPIPES_DATABASE_URL, dataDir, cwd);
  const production = env.NODE_ENV === 'production';

  const encryptionKeys = env.OPENPIPES_ENCRYPTION_KEYS?.trim() || null;
  if (!encryptionKeys && production) {
    throw new ConfigError('OPENPIPES_ENCRYPTION_KEYS', 'is required when NODE_ENV=production (kid:base64key[,kid:base64key…])');
  }

  const apiKey = env.OPENPIPES_API_KEY || null;
  if (apiKey !== null && (!apiKey.startsWith('sk_') || apiKey.length < 32)) {
    throw new ConfigError('OPENPIPES_API_KEY', 'must start with "sk_" and be at least 32 characters long');
  }

  const adminPassword = env.OPENPIPES_ADMIN_PASSWORD || null;
  const passwordIssue = adminPassword === null ? null : passwordProblem(adminPassword);
  if (passwordIssue) throw new ConfigError('OPENPIPES_ADMIN_PASSWORD', passwordIssue);

  let publicUrl = env.OPENPIPES_PUBLIC_URL || `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  try {
    const u = new URL(publicUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    if (u.search || u.hash) throw new Error();
    publicUrl = u.href.replace(/\/+$/, '');
  } catch {
    throw new ConfigError('OPENPIPES_PUBLIC_URL', `"${publicUrl}" is not an http(s) URL without query or fragment`);
  }

  const allowedReturnOrigins: string[] = [];
  for (const raw of (env.OPENPIPES_ALLOWED_RETURN_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const origin = parseOrigin(raw);
    if (!origin) throw new ConfigError('OPENPIPES_ALLOWED_RETURN_ORIGINS', `"${raw}" is not an origin like https://app.example.com`);
    allowedReturnOrigins.push(origin);
  }

  const insecure = env.OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS;
  if (insecure !== undefined && insecure !== '' && insecure !== 'true' && insecure !== 'false') {
    throw new ConfigError('OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS', 'must be "true" or "false"');
  }

  const marginRaw = env.OPENPIPES_REFRESH_MARGIN_SECONDS;
  if (marginRaw !== undefined && marginRaw !== '' && (!/^\d{1,5}$/.test(marginRaw) || Number(marginRaw) > 86_400)) {
    throw new ConfigError('OPENPIPES_REFRESH_MARGIN_SECONDS', `"${marginRaw}" is not a number of seconds from 0 to 86400`);
  }

  // 60 s: the WorkOS SDK honours Retry-After only up to 60 s (docs/reliability.md, "A provider that never answers").
  const refreshInDoubtMs = seconds(env, 'OPENPIPES_REFRESH_IN_DOUBT_SECONDS', 60, 0, 3600) * 1000;
  const webhookRetryBaseMs = seconds(env, 'OPENPIPES_WEBHOOK_RETRY_BASE_SECONDS', 60, 0.01, 86_400) * 1000;
  const webhookTimeoutMs = seconds(env, 'OPENPIPES_WEBHOOK_TIMEOUT_SECONDS', 15, 0.1, 60) * 1000;

  const logLevel = env.OPENPIPES_LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(logLevel)) {
    const hint = closestName(logLevel, LOG_LEVELS, 2);
    throw new ConfigError(
      'OPENPIPES_LOG_LEVEL',
      `"${logLevel}" is not a log level (${LOG_LEVELS.join(', ')})${hint ? `; did you mean "${hint}"?` : ''}`,
    );
  }
  const metrics = parseMetrics(env);
  const refreshMarginMs = marginRaw ? Number(marginRaw) * 1000 : 5 * 60 * 1000;
  const healthScheduler = parseHealthScheduler(env, refreshMarginMs);
  const testFaultPoint = parseFaultPoint(env);

  return Object.freeze({
    port,
    host,
    database,
    dataDir,
    encryptionKeys,
    apiKey,
    adminPassword,
    publicUrl,
    allowedReturnOrigins: Object.freeze(allowedReturnOrigins),
    allowInsecureProviderUrls: insecure === 'true',
    production,
    logLevel,
    refreshMarginMs,
    refreshInDoubtMs,
    webhookRetryBaseMs,
    webhookTimeoutMs,
    httpTimeouts: httpTimeouts(env),
    rateLimits: Object.freeze({
      apiPerMinute: count(env, 'OPENPIPES_RATE_LIMIT_API_PER_MINUTE', DEFAULT_RATE_LIMITS.apiPerMinute),
      browserPerMinute: count(env, 'OPENPIPES_RATE_LIMIT_BROWSER_PER_MINUTE', DEFAULT_RATE_LIMITS.browserPerMinute),
    }),
    idempotencyMaxKeys: count(env, 'OPENPIPES_IDEMPOTENCY_MAX_KEYS', DEFAULT_IDEMPOTENCY_MAX_KEYS),
    trustProxy: parseTrustProxy(env.OPENPIPES_TRUST_PROXY),
    metrics,
    healthScheduler,
    testFaultPoint,
  });
}

/**
 * The resilience suite's crash switch. Outside NODE_ENV=test the variable is ignored whatever it
 * says, so a production process can never be made to kill itself by its environment.
 */
function parseFaultPoint(env: Env): FaultPoint | null {
  const raw = env.OPENPIPES_TEST_FAULT_POINT;
  if (env.NODE_ENV !== 'test' || raw === undefined || raw === '') return null;
  const point = FAULT_POINTS.find((p) => p === raw);
  if (!point) throw new ConfigError('OPENPIPES_TEST_FAULT_POINT', `"${raw}" is not one of ${FAULT_POINTS.join(', ')}`);
  return point;
}

/** A whole number from 0 (off) to a billion. */
function count(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,10}$/.test(raw) || Number(raw) > 1e9)
    throw new ConfigError(name, `"${raw}" is not a whole number from 0 (off) to 1000000000`);
  return Number(raw);
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `false` (default), `true`, or comma-separated addresses, CIDR ranges and proxy-addr's names. No hop
 * count: Fastify ignores X-Forwarded-For entirely with one (it cannot check the nearest peer).
 */
function parseTrustProxy(raw: string | undefined): TrustProxy {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  const entries = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    // Plain notation only: ipaddr.js would also read "2" as 0.0.0.2, which someone meaning two hops did not ask for.
    const valid =
      PROXY_NAMES.has(entry) ||
      (entry.includes('/')
        ? ipaddr.IPv4.isValidCIDRFourPartDecimal(entry) || ipaddr.IPv6.isValidCIDR(entry)
        : ipaddr.IPv4.isValidFourPartDecimal(entry) || ipaddr.IPv6.isValid(entry));
    if (!valid)
      throw new ConfigError(
        'OPENPIPES_TRUST_PROXY',
        `"${entry}" is not true, false, an address, a CIDR range or one of loopback, linklocal, uniquelocal (hop counts are not supported)`,
      );
  }
  return entries;
}

function httpTimeouts(env: Env): HttpTimeouts {
  const d = DEFAULT_HTTP_TIMEOUTS;
  const requestMs = seconds(env, 'OPENPIPES_REQUEST_TIMEOUT_SECONDS', d.requestMs / 1000, 0.1, 3600) * 1000;
  // Unset, the headers deadline follows a shorter request deadline down; set, it may not exceed it.
  const headersMs = seconds(env, 'OPENPIPES_HEADERS_TIMEOUT_SECONDS', Math.min(d.headersMs, requestMs) / 1000, 0.1, 3600) * 1000;
  if (headersMs > requestMs)
    throw new ConfigError('OPENPIPES_HEADERS_TIMEOUT_SECONDS', 'must not exceed OPENPIPES_REQUEST_TIMEOUT_SECONDS (the whole request)');
  const keepAliveMs = seconds(env, 'OPENPIPES_KEEP_ALIVE_TIMEOUT_SECONDS', d.keepAliveMs / 1000, 0.1, 3600) * 1000;
  return Object.freeze({ requestMs, headersMs, keepAliveMs });
}

/**
 * One warning line per `OPENPIPES_*` variable the service does not know (a typo is otherwise
 * silently ignored), naming the closest known variable when one is near.
 */
export function unknownVariableWarnings(env: Env): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith('OPENPIPES_') && !KNOWN_VARIABLES.includes(name))
    .filter((name) => !KNOWN_VARIABLE_PREFIXES.some((prefix) => name.startsWith(prefix)))
    .map((name) => {
      const hint = closestName(name, KNOWN_VARIABLES);
      return `${name} is not a variable OpenPipes reads; it is ignored${hint ? ` (did you mean ${hint}?)` : ''}`;
    });
}

const parseMetrics = (env: Env): Config['metrics'] => {
  const on = env.OPENPIPES_METRICS;
  if (on !== undefined && on !== '' && on !== 'true' && on !== 'false')
    throw new ConfigError('OPENPIPES_METRICS', 'must be "true" or "false"');
  const token = env.OPENPIPES_METRICS_TOKEN || null;
  if (token !== null && on !== 'true') throw new ConfigError('OPENPIPES_METRICS_TOKEN', 'is set but OPENPIPES_METRICS is not "true"');
  if (token !== null && !/^[\x21-\x7e]{16,256}$/.test(token))
    throw new ConfigError('OPENPIPES_METRICS_TOKEN', 'must be 16 to 256 visible ASCII characters (no spaces)');
  return on === 'true' ? { token } : null;
};

/**
 * OPENPIPES_HEALTH_*: every value is checked even while the scheduler is off, so turning it on
 * later cannot reveal a typo. With the scheduler on, the lead time must exceed the refresh margin:
 * within the margin a vend renews the token itself, so a lead no longer than it renews nothing ahead of use.
 */
function parseHealthScheduler(env: Env, refreshMarginMs: number): HealthSchedulerConfig | null {
  const on = env.OPENPIPES_HEALTH_SCHEDULER;
  if (on !== undefined && on !== '' && on !== 'true' && on !== 'false')
    throw new ConfigError('OPENPIPES_HEALTH_SCHEDULER', 'must be "true" or "false"');
  const leadMs = seconds(env, 'OPENPIPES_HEALTH_LEAD_SECONDS', 900, 1, 86_400) * 1000;
  if (on === 'true' && leadMs <= refreshMarginMs)
    throw new ConfigError(
      'OPENPIPES_HEALTH_LEAD_SECONDS',
      `must exceed OPENPIPES_REFRESH_MARGIN_SECONDS (${refreshMarginMs / 1000}): within the margin vends renew tokens themselves`,
    );
  const hours = env.OPENPIPES_HEALTH_CHECK_HOURS;
  if (hours !== undefined && hours !== '' && (!/^\d+(\.\d+)?$/.test(hours) || Number(hours) < 0.01 || Number(hours) > 8760))
    throw new ConfigError('OPENPIPES_HEALTH_CHECK_HOURS', `"${hours}" is not a number of hours from 0.01 to 8760`);
  const intervalMs = (hours ? Number(hours) : 24) * 3_600_000;
  const concurrency = count(env, 'OPENPIPES_HEALTH_CONCURRENCY_PER_PROVIDER', 4);
  if (concurrency < 1 || concurrency > 1000)
    throw new ConfigError('OPENPIPES_HEALTH_CONCURRENCY_PER_PROVIDER', `"${concurrency}" is not a whole number from 1 to 1000`);
  if (on !== 'true') return null;
  const testLease = env.NODE_ENV === 'test' && env.OPENPIPES_TEST_HEALTH_LEASE_SECONDS;
  if (!testLease) return Object.freeze({ leadMs, intervalMs, concurrencyPerProvider: concurrency });
  const leaseMs = seconds(env, 'OPENPIPES_TEST_HEALTH_LEASE_SECONDS', 60, 0.5, 3600) * 1000;
  return Object.freeze({ leadMs, intervalMs, concurrencyPerProvider: concurrency, leaseMs, tickMs: leaseMs / 4 });
}

/** A duration in seconds (decimals allowed, for short schedules in development and tests). */
function seconds(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || n < min || n > max)
    throw new ConfigError(name, `"${raw}" is not a number of seconds from ${min} to ${max}`);
  return n;
}
