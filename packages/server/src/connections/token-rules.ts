import { validationFailed } from '../core/errors.ts';

export interface TokenSet {
  accessToken: string | null;
  refreshToken: string | null;
  expiresAt: string | null;
}

export type AccountState = 'connected' | 'needs_reauthorization';

/**
 * The import/update token combination rules (§6.5 R20 and §10.10). Returns the state the
 * account ends in; throws 422 naming the field for combinations that cannot work.
 */
export function checkTokenSet(tokens: TokenSet, explicitState: AccountState | undefined): AccountState {
  const { accessToken, refreshToken, expiresAt } = tokens;
  if (expiresAt !== null && accessToken === null) {
    throw validationFailed('expires_at needs an access_token.', [{ field: 'expires_at', code: 'requires_access_token' }]);
  }
  if (accessToken !== null && expiresAt !== null && refreshToken === null) {
    throw validationFailed('An expiring access_token needs a refresh_token.', [{ field: 'refresh_token', code: 'required' }]);
  }
  const usable = accessToken !== null || refreshToken !== null;
  if (explicitState === 'connected' && !usable) {
    throw validationFailed('state "connected" needs an access_token or a refresh_token.', [{ field: 'state', code: 'tokens_required' }]);
  }
  return explicitState ?? (usable ? 'connected' : 'needs_reauthorization');
}

/** A request-side timestamp, normalised to our ISO form; null when it does not parse. */
export const normaliseTimestamp = (value: string): string | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', , oh = '0', om = '0'] = m;
  // Date.parse rolls impossible dates over (Feb 30 → Mar 2); refuse them instead of storing a surprise.
  const daysInMonth = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > daysInMonth) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59 || Number(oh) > 23 || Number(om) > 59) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};
