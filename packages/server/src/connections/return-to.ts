/**
 * `return_to` must land on one of the environment's allowed origins (docs/security.md §7; spec §10.12).
 * Strict on purpose: the raw string must itself start with the allowed origin, so parser
 * leniencies (`https:app.example.com`, backslashes, userinfo, tabs) can never produce a URL that
 * a browser reads differently from us.
 */
export function isAllowedReturnTo(raw: string, allowedOrigins: readonly string[]): boolean {
  if (raw.length === 0 || raw.length > 2048) return false;
  // Printable ASCII only: control characters, spaces and backslashes are parser tricks, and
  // anything beyond ASCII cannot go into the redirect's Location header as written (it answered
  // 500 once); a URL that needs it can be sent percent-encoded.
  if (!/^[\x21-\x7e]+$/.test(raw) || raw.includes('\\')) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username || url.password) return false;
  const origin = url.origin;
  if (!allowedOrigins.includes(origin)) return false;
  const lower = raw.toLowerCase();
  return lower === origin || lower.startsWith(`${origin}/`) || lower.startsWith(`${origin}?`) || lower.startsWith(`${origin}#`);
}

/** `return_to` with OAuth error parameters added (the original query is kept). */
export function withError(returnTo: string, error: string, description: string | null): string {
  const url = new URL(returnTo);
  url.searchParams.set('error', error);
  if (description) url.searchParams.set('error_description', description);
  return url.toString();
}
