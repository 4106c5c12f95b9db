import { createHash, randomBytes } from 'node:crypto';

/**
 * `bytes` cryptographically random bytes, base64url-encoded without padding.
 *
 * @example
 * randomToken();   // 43 characters, 256 bits: fit for `state` and PKCE verifiers
 * randomToken(16); // 22 characters, 128 bits
 */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * base64url(SHA-256(`s`)) without padding: the PKCE S256 transform (RFC 7636 §4.2).
 *
 * @example
 * sha256Base64Url('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'); // 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
 */
export function sha256Base64Url(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64url');
}

/**
 * A fresh PKCE pair: a verifier of 32 random bytes (43 base64url characters, RFC 7636 §4.1,
 * docs/security.md §2) and its S256 challenge. `plain` is never offered.
 *
 * @example
 * const { verifier, challenge } = createPkce();
 * // authorize with code_challenge=challenge&code_challenge_method=S256; redeem with code_verifier=verifier
 */
export function createPkce(): { verifier: string; challenge: string } {
  const verifier = randomToken(32);
  return { verifier, challenge: sha256Base64Url(verifier) };
}
