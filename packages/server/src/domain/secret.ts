/**
 * A secret as the store holds it: sealed, and opened only when a caller needs the plaintext
 * (docs/security.md §13). Reading a row never decrypts anything by itself.
 */
export interface Secret {
  open(): string;
}

/** A secret shorter than this shows no last four: for a short one they are most of it (docs/security.md §13). */
export const LAST_FOUR_MIN_LENGTH = 12;

/**
 * The hint the API and dashboard show for a secret (`api_key_last_4`, `redacted_client_secret`, …):
 * its last four characters when it has at least LAST_FOUR_MIN_LENGTH, otherwise null. A short
 * secret is still accepted (providers choose their formats); only its hint is withheld.
 */
export const lastFour = (secret: string): string | null => (secret.length >= LAST_FOUR_MIN_LENGTH ? secret.slice(-4) : null);
