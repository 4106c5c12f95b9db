import { validationFailed } from '../errors.ts';

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
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};
