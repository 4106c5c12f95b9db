import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import type { Keyring } from '../crypto/keyring.ts';

/** The one permission the Pipes widgets check: the organization admin widget. */
export const PIPES_MANAGE = 'widgets:pipes:manage';

/** What a widget token says (widgets-api.md §7.4). */
export interface WidgetClaims {
  /** The environment the token speaks for. */
  env: string;
  /** The user the widget acts for, when there is one. */
  sub?: string;
  /** The organization, when there is one. */
  org_id?: string;
  permissions: string[];
  iat: number;
  exp: number;
  jti: string;
}

const HKDF_INFO = 'openpipes widget token v1';
const LIFETIME_SECONDS = 3600;
const LEEWAY_SECONDS = 5;

/**
 * JSON the widgets' `atob` can read (§7.3): ASCII only, and `>`, `?`, `~` and DEL escaped, so
 * the base64url of the payload never contains `-` or `_` (which `atob` refuses).
 */
const atobSafeJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[\u003e\u003f\u007e-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const b64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/**
 * Widget tokens: compact HS256 JWS signed with a key derived from the keyring (so every process
 * sharing the keyring verifies, and rotation follows it). Only OpenPipes verifies them; they are
 * accepted on the widget routes alone, never where an API key is expected (docs/security.md F).
 */
export class WidgetTokens {
  constructor(
    private readonly keyring: Keyring,
    private readonly clock: Clock,
  ) {}

  mint(claims: Pick<WidgetClaims, 'env' | 'sub' | 'org_id' | 'permissions'>): { token: string; claims: WidgetClaims } {
    const signing = this.keyring.derive(HKDF_INFO);
    if (!signing) throw new Error('the keyring has no primary key');
    const iat = Math.floor(this.clock.now() / 1000);
    const full: WidgetClaims = {
      env: claims.env,
      ...(claims.sub !== undefined ? { sub: claims.sub } : {}),
      ...(claims.org_id !== undefined ? { org_id: claims.org_id } : {}),
      permissions: [...new Set(claims.permissions)],
      iat,
      exp: iat + LIFETIME_SECONDS,
      jti: `wtok_${randomBytes(16).toString('hex')}`,
    };
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: signing.kid }));
    const payload = b64url(atobSafeJson(full));
    // Fail closed: a payload the widgets cannot decode would break them in the browser.
    if (!/^[A-Za-z0-9]+$/.test(payload)) throw new Error('widget token payload is not atob-safe');
    const signature = createHmac('sha256', signing.key).update(`${header}.${payload}`).digest('base64url');
    return { token: `${header}.${payload}.${signature}`, claims: full };
  }

  /** The claims of a token this keyring signed that has not expired; null for anything else. */
  verify(token: string): WidgetClaims | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [header, payload, signature] = parts as [string, string, string];
    const head = parseJson(header);
    if (head?.alg !== 'HS256' || head.typ !== 'JWT' || typeof head.kid !== 'string') return null;
    const signing = this.keyring.derive(HKDF_INFO, head.kid);
    if (!signing) return null;
    const expected = createHmac('sha256', signing.key).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const claims = parseJson(payload);
    if (!claims || typeof claims.env !== 'string' || !Array.isArray(claims.permissions) || typeof claims.exp !== 'number') return null;
    if (!claims.permissions.every((p) => typeof p === 'string')) return null;
    if (claims.sub !== undefined && typeof claims.sub !== 'string') return null;
    if (claims.org_id !== undefined && typeof claims.org_id !== 'string') return null;
    if (claims.exp + LEEWAY_SECONDS <= this.clock.now() / 1000) return null;
    return claims as unknown as WidgetClaims;
  }
}

function parseJson(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
