/**
 * A secret as the store holds it: sealed, and opened only when a caller needs the plaintext
 * (docs/security.md §13). Reading a row never decrypts anything by itself.
 */
export interface Secret {
  open(): string;
}
