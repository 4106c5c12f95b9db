import type { IncomingHttpHeaders } from 'node:http';

// RFC 9110 §7.6.1: meaningful for one connection only, never passed on by a proxy.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'proxy-connection']);

// Ours, or about the caller's side of the connection: the provider must never see them. `Authorization`
// is the caller's OpenPipes API key; cookies and forwarding headers describe the caller, not the request.
const NOT_FORWARDED = new Set(['authorization', 'host', 'cookie', 'forwarded', 'x-real-ip', 'expect']);

type HeaderValue = string | string[] | number | undefined;

/** The tokens a `Connection` header lists: hop-by-hop too (RFC 9110 §7.6.1). */
function connectionTokens(value: HeaderValue): Set<string> {
  const raw = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
  return new Set(
    raw
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  );
}

const isHopByHop = (name: string, listed: Set<string>) => HOP_BY_HOP.has(name) || name.startsWith('proxy-') || listed.has(name);

/**
 * The caller's headers as the provider gets them: everything but hop-by-hop headers, the caller's
 * `Authorization`, every `OpenPipes-*`, `Host` (the provider's is set from the target URL), cookies,
 * `Forwarded`, `X-Forwarded-*`, `X-Real-IP` and `Expect` (Node answers `100-continue` itself).
 * `Content-Length` passes, so a provider that refuses chunked uploads gets the length it wants.
 */
export function forwardedRequestHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const listed = connectionTokens(headers.connection);
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (isHopByHop(lower, listed) || NOT_FORWARDED.has(lower) || lower.startsWith('openpipes-') || lower.startsWith('x-forwarded-'))
      continue;
    out[lower] = value;
  }
  return out;
}

/**
 * The provider's headers as the caller gets them: all but hop-by-hop ones. `Set-Cookie` passes: it is
 * part of the provider's answer, and OpenPipes keeps no cookie jar (the caller decides what to do
 * with it).
 */
export function forwardedResponseHeaders(headers: Record<string, HeaderValue>): Record<string, string | string[]> {
  const listed = connectionTokens(headers.connection);
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (isHopByHop(lower, listed)) continue;
    out[lower] = typeof value === 'number' ? String(value) : value;
  }
  return out;
}
