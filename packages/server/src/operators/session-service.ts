import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword } from '../crypto/password.ts';
import { type DashboardSession, type Operator, SESSION_LIMITS } from '../domain/operator.ts';
import type { Store } from '../store/store.ts';
import { FailureThrottle } from './failure-throttle.ts';

/** Failed sign-ins per username before it is refused for the rest of the window. */
const USERNAME_FAILURES = { max: 5, windowMs: 15 * 60 * 1000 } as const;
/** `last_seen_at` is written at most this often per session (not on every request). */
const TOUCH_EVERY_MS = 60_000;

export interface SignedIn {
  operator: Operator;
  session: DashboardSession;
  /** The value of every form's `csrf_token` field in this session. */
  csrfToken: string;
}

export type SignInResult =
  | { ok: true; token: string; operator: Operator }
  | { ok: false; reason: 'wrong_credentials' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A constant-time comparison of two short strings (CSRF tokens). */
export const sameToken = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Dashboard sign-in and sessions. The browser holds a 256-bit random token; the store keeps its
 * SHA-256, the operator, a CSRF secret, and the idle and absolute ends (domain/operator.ts).
 */
export class OperatorSessions {
  private readonly throttle: FailureThrottle;
  /** Verified against when the username is unknown, so both cases take as long. */
  private decoy: Promise<string> | null = null;

  constructor(private readonly deps: { store: Pick<Store, 'operators'>; clock: Clock }) {
    this.throttle = new FailureThrottle({ ...USERNAME_FAILURES, clock: deps.clock });
  }

  async signIn(username: string, password: string): Promise<SignInResult> {
    const key = username.toLowerCase();
    const retryAfterMs = this.throttle.retryAfterMs(key);
    if (retryAfterMs > 0) return { ok: false, reason: 'throttled', retryAfterMs };
    const operator = await this.deps.store.operators.byUsername(username);
    this.decoy ??= hashPassword(randomBytes(16).toString('hex'), DEFAULT_SCRYPT);
    const valid = await verifyPassword(password, operator?.password_hash ?? (await this.decoy));
    if (!operator || !valid) {
      this.throttle.fail(key);
      return { ok: false, reason: 'wrong_credentials' };
    }
    this.throttle.clear(key);
    const token = randomBytes(32).toString('base64url');
    const now = this.deps.clock.now();
    await this.deps.store.operators.insertSession({
      id: digest(token),
      operator_id: operator.id,
      csrf_secret: randomBytes(32).toString('base64url'),
      created_at: iso(now),
      last_seen_at: iso(now),
      expires_at: iso(now + SESSION_LIMITS.absoluteMs),
    });
    return { ok: true, token, operator };
  }

  /** The operator a session token belongs to, or null when it is unknown, idle too long or past its end. */
  async authenticate(token: string): Promise<SignedIn | null> {
    if (token.length < 32 || token.length > 64) return null;
    const operators = this.deps.store.operators;
    const session = await operators.session(digest(token));
    if (!session) return null;
    const now = this.deps.clock.now();
    if (Date.parse(session.expires_at) <= now || Date.parse(session.last_seen_at) + SESSION_LIMITS.idleMs <= now) {
      await operators.deleteSession(session.id);
      return null;
    }
    const operator = await operators.byId(session.operator_id);
    if (!operator) return null;
    if (now - Date.parse(session.last_seen_at) >= TOUCH_EVERY_MS) await operators.touchSession(session.id, iso(now));
    return { operator, session, csrfToken: this.csrfToken(session) };
  }

  async signOut(token: string): Promise<void> {
    await this.deps.store.operators.deleteSession(digest(token));
  }

  /** Whether a submitted form's `csrf_token` belongs to this session. */
  checkCsrf(session: DashboardSession, submitted: unknown): boolean {
    return typeof submitted === 'string' && sameToken(submitted, this.csrfToken(session));
  }

  private csrfToken(session: DashboardSession): string {
    return createHmac('sha256', session.csrf_secret).update('dashboard-form').digest('base64url');
  }
}
