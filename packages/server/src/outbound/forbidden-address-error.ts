/**
 * Why an outbound connection was not made: the host resolved to (or was) an address the service
 * must never reach (see `isForbiddenAddress`). It names the host and the address only, never the
 * URL, whose path or query may carry a secret; undici's `fetch` reports it as the `cause` of its
 * `TypeError: fetch failed`.
 */
export class ForbiddenAddressError extends Error {
  readonly code = 'forbidden_address';

  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      host === address
        ? `Refused to connect to ${address}: it is a loopback, private, link-local or otherwise non-public address (OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS=true allows it, for local testing only).`
        : `Refused to connect to ${host}: it resolves to ${address}, a loopback, private, link-local or otherwise non-public address (OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS=true allows it, for local testing only).`,
    );
    this.name = 'ForbiddenAddressError';
  }
}
