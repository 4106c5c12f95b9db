import { proxyPathRefused } from '../core/errors.ts';

// What a proxied path may not contain, judged on the path as the caller sent it and again with
// `%2F`, `%5C` and `%2E` decoded, since a provider (or a framework in front of it) may decode them.
const ENCODED_SEPARATOR = /%(?:2f|5c)/i;
const ENCODED_DOT = /%2e/gi;
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;
const hasControl = (s: string): boolean => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
// An absolute URL where a path should start: `http://…`, `https:/…`, `file:`, `javascript:` and the like.
const SCHEME_AT_START = /^\/?[a-z][a-z0-9+.-]*:(?:\/|\\|$)|^\/?(?:https?|file|ftp|wss?|data|javascript|mailto):/i;

/**
 * The URL a proxied request goes to: the provider's API base URL, then `rest` (the caller's path after
 * `/proxy/<slug>`, exactly as sent, possibly empty) joined by exactly one `/`, then the caller's raw
 * query string. The request may only ever reach the base URL's origin, under its path
 * (docs/security.md, "The proxy"): the path is refused (400 `proxy_path_refused`) when it holds a
 * `..` segment (also as `%2E%2E`), a backslash, an encoded slash or backslash (`%2F`, `%5C`: refused
 * outright rather than interpreted), a control character or NUL (also encoded), starts with `//` or
 * with an absolute URL; and the URL the WHATWG parser builds must keep the base's origin and path.
 *
 * @example
 * proxyTarget('https://api.example.com/v1', '/users/me', 'x=1').href // → 'https://api.example.com/v1/users/me?x=1'
 * @throws AppError 400 proxy_path_refused
 */
export function proxyTarget(base: string, rest: string, query: string | null): URL {
  checkProxyPath(rest);
  const baseUrl = new URL(base);
  const basePath = baseUrl.pathname.replace(/\/+$/, '');
  const joined = `${baseUrl.origin}${basePath}${rest === '' ? '' : rest}${query === null || query === '' ? '' : `?${query}`}`;
  let target: URL;
  try {
    target = new URL(joined);
  } catch {
    throw proxyPathRefused('it does not make a valid URL with the API base URL');
  }
  const underBase = target.pathname === basePath || target.pathname.startsWith(`${basePath}/`) || basePath === '';
  if (target.origin !== baseUrl.origin || !underBase || target.username !== '' || target.password !== '') {
    throw proxyPathRefused("it would leave the provider's API base URL");
  }
  return target;
}

/** The checks of `proxyTarget` that need no base URL: run before anything else costs a query. */
export function checkProxyPath(rest: string): void {
  if (rest !== '' && !rest.startsWith('/')) throw proxyPathRefused('it must start with "/"');
  if (rest.startsWith('//')) throw proxyPathRefused('it starts with "//"');
  if (rest.includes('\\')) throw proxyPathRefused('it contains a backslash');
  if (ENCODED_SEPARATOR.test(rest)) throw proxyPathRefused('it contains an encoded slash or backslash (%2F, %5C)');
  if (hasControl(rest) || ENCODED_CONTROL.test(rest)) throw proxyPathRefused('it contains a control character');
  if (rest.split('/', 2)[1]?.includes('@')) throw proxyPathRefused('its first segment contains "@"');
  if (SCHEME_AT_START.test(rest)) throw proxyPathRefused('it starts with an absolute URL');
  const decoded = rest.replace(ENCODED_DOT, '.');
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw proxyPathRefused('it contains a "." or ".." segment');
  }
}
