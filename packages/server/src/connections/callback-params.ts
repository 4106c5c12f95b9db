/**
 * A kept callback value: 1–256 characters of URL-safe text, no spaces, quotes, angle brackets or
 * control characters. QuickBooks' realmId is digits; this leaves room for ids and host names while
 * keeping anything that could be markup or a header injection out of a connection's public config.
 */
const VALUE = /^[A-Za-z0-9._~:@/+=-]{1,256}$/;

/**
 * The callback parameters the catalog names (`oauth.callbackParams`), validated, to keep on the
 * connection as public config (QuickBooks sends the company id as `realmId`, not in the token response).
 * An absent parameter is skipped; one sent twice, or malformed, fails the callback: the value would be
 * stored and shown, and a provider that sends a documented parameter sends it once and well-formed.
 */
export function callbackParamValues(
  names: readonly string[],
  query: Readonly<Record<string, unknown>>,
): { ok: true; values: Record<string, string> } | { ok: false; reason: string } {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = Object.hasOwn(query, name) ? query[name] : undefined;
    if (value === undefined) continue;
    if (typeof value !== 'string' || !VALUE.test(value)) {
      return { ok: false, reason: `The callback parameter ${name} is not a single well-formed value.` };
    }
    values[name] = value;
  }
  return { ok: true, values };
}
