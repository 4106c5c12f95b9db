/**
 * Headers every response carries (docs/security.md §H), computed once per app so the vend path
 * only copies a fixed set:
 * - `nosniff`: a browser never runs a JSON body or a text file as script or style;
 * - HSTS when the public URL is https: the browser then never talks to OpenPipes over plain http.
 *   No `includeSubDomains`: other hosts under the same domain are not ours to decide for.
 */
export function responseHeaders(publicUrl: string): Readonly<Record<string, string>> {
  return Object.freeze({
    'x-content-type-options': 'nosniff',
    ...(publicUrl.startsWith('https://') ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  });
}
