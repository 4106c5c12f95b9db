import type { ConnectionFailure } from '../events/event-recorder.ts';
import type { TokenOutcome } from '../oauth/token-response.ts';

type Failed = Exclude<TokenOutcome, { ok: true }>;

/**
 * Why a provider call was not even sent: its host is (or resolves to) a loopback, private or other
 * non-public address (docs/security.md B). Said to the tenant without the address itself.
 */
export const FORBIDDEN_PROVIDER_ADDRESS =
  "The provider's endpoint is at a loopback, private, link-local or otherwise non-public address, so the request was not sent (OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS=true allows it, for local testing only).";

/** The words for a `temporary` outcome, in events and error answers. */
const unavailableReason = (outcome: Extract<Failed, { kind: 'temporary' }>): string =>
  outcome.reason === 'forbidden_address' ? FORBIDDEN_PROVIDER_ADDRESS : `The provider was unavailable (${outcome.reason}).`;

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
    error_reason: outcome.kind === 'temporary' ? unavailableReason(outcome) : refusedReason,
    provider_error: refused ? outcome.error : null,
    provider_error_description: refused ? outcome.description : null,
  };
}
