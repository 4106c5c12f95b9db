/** A person who runs OpenPipes and signs in to the dashboard (not an API key, not an end user). */
export interface Operator {
  id: string;
  username: string;
  /** `$scrypt$ln=…,r=…,p=…$salt$hash` (crypto/password.ts); never the password. */
  password_hash: string;
  created_at: string;
  updated_at: string;
}

/**
 * A signed-in dashboard session. The browser holds a random token; only its SHA-256 is stored
 * (`id`), so a copy of the database cannot be replayed as a cookie.
 */
export interface DashboardSession {
  id: string;
  operator_id: string;
  /** Keys the CSRF token every dashboard form carries. */
  csrf_secret: string;
  created_at: string;
  /** Refreshed at most once a minute; the session ends after the idle limit without a request. */
  last_seen_at: string;
  /** The absolute end, however active the session is. */
  expires_at: string;
}

/** How long a dashboard session lives: ended after an hour without a request, and after 12 hours in any case. */
export const SESSION_LIMITS = { idleMs: 60 * 60 * 1000, absoluteMs: 12 * 60 * 60 * 1000 } as const;
