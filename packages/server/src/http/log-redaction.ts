const MASK = '[REDACTED]';

// The single-use link of an authorization flow (docs/security.md §8): whoever holds it can start
// the flow. Masked before `/authorize-redirect` on any spelling of the path, and wherever a path
// segment is long enough to be such a token (43 base64url characters; ids and slugs are shorter),
// so a mistyped path does not log it either.
const LINK_SEGMENT = /(\/data-integrations\/)[^/]*(?=\/authorize-redirect)/i;
const TOKEN_SEGMENT = /(^|\/)[A-Za-z0-9_-]{40,}(?=\/|$)/g;

/**
 * A URL as the request log records it: query parameter names only, never their values (the
 * provider's `code` and `state` on the callback, the widget `token`, and whatever a client put in a
 * query; an overlong name is masked too), and single-use links masked in the path.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  // A proxied call's query is the provider API's: not even its parameter names are logged.
  if (url.startsWith('/proxy/')) return (q === -1 ? url : url.slice(0, q)).replace(TOKEN_SEGMENT, `$1${MASK}`);
  const path = (q === -1 ? url : url.slice(0, q)).replace(LINK_SEGMENT, `$1${MASK}`).replace(TOKEN_SEGMENT, `$1${MASK}`);
  if (q === -1) return path;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const name = pair.split('=', 1)[0]!;
      // A name as long as a secret may be one (`?<token>`): parameter names we read are short.
      return `${name.length <= 32 ? name : MASK}=${MASK}`;
    });
  return `${path}?${names.join('&')}`;
}
