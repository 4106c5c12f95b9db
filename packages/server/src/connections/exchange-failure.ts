import type { ConnectionFailure } from '../events/event-recorder.ts';
import type { TokenOutcome } from '../oauth/token-response.ts';

type Failed = Exclude<TokenOutcome, { ok: true }>;

/**
 * The `connection_failed` event of a token request the provider did not grant (a code exchange
 * or a client-credentials install): the provider's own error only when it sent one.
 */
export function exchangeFailure(
  outcome: Failed,
  who: Pick<ConnectionFailure, 'user_id' | 'organization_id'>,
  refusedReason: string,
): ConnectionFailure {
  const refused = outcome.kind === 'invalid_grant' || outcome.kind === 'rejected';
  return {
    ...who,
    error_code: 'token_exchange_failed',
    error_reason: outcome.kind === 'temporary' ? `The provider was unavailable (${outcome.reason}).` : refusedReason,
    provider_error: refused ? outcome.error : null,
    provider_error_description: refused ? outcome.description : null,
  };
}
