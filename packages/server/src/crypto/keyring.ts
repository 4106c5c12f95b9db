import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';

/**
 * AES-256-GCM keyring (docs/security.md §13–14). Ciphertexts read `v1:<kid>:<iv>:<ciphertext+tag>`
 * (base64url parts) so any key still in the ring can open them and the primary seals new ones.
 * The associated data binds a ciphertext to its row, so one row's secret cannot be pasted into
 * another row and still open.
 */
export interface KeyringKey {
  kid: string;
  key: Buffer;
}

const KID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export class KeyringError extends Error {
  override name = 'KeyringError';
}

export class Keyring {
  // KeyObjects, imported once: handing raw bytes to createCipheriv re-imports the key every call,
  // which was a measurable share of the vend path.
  private readonly keys: Map<string, KeyObject>;
  readonly primaryKid: string;

  constructor(keys: readonly KeyringKey[]) {
    if (keys.length === 0) throw new KeyringError('the keyring is empty');
    this.keys = new Map();
    for (const { kid, key } of keys) {
      if (!KID_PATTERN.test(kid)) throw new KeyringError(`key id "${kid}" must match ${KID_PATTERN.source}`);
      if (key.length !== 32) throw new KeyringError(`key "${kid}" must be 32 bytes (base64 of 32 random bytes), got ${key.length}`);
      if (this.keys.has(kid)) throw new KeyringError(`key id "${kid}" appears twice`);
      this.keys.set(kid, createSecretKey(key));
    }
    this.primaryKid = keys[0]!.kid;
  }

  /** Parses `kid1:base64key,kid2:base64key` (commas or line breaks between keys); the first key is the primary. */
  static parse(spec: string): Keyring {
    const entries = spec
      .split(/[,\r\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (entries.length === 0) throw new KeyringError('expected kid:base64key[,kid:base64key…]');
    return new Keyring(
      entries.map((entry, index) => {
        const colon = entry.indexOf(':');
        // Never echo the entry: without its kid it may be nothing but key material.
        if (colon <= 0) throw new KeyringError(`entry ${index + 1} is not kid:base64key`);
        const b64 = entry.slice(colon + 1);
        if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(b64)) throw new KeyringError(`key "${entry.slice(0, colon)}" is not base64`);
        return { kid: entry.slice(0, colon), key: Buffer.from(b64, 'base64') };
      }),
    );
  }

  static generateKeySpec(kid: string): string {
    return `${kid}:${randomBytes(32).toString('base64')}`;
  }

  has(kid: string): boolean {
    return this.keys.has(kid);
  }

  kids(): string[] {
    return [...this.keys.keys()];
  }

  seal(plaintext: string, associatedData: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.primaryKid)!, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `v1:${this.primaryKid}:${iv.toString('base64url')}:${body.toString('base64url')}`;
  }

  open(sealed: string, associatedData: string): string {
    const parts = sealed.split(':');
    if (parts.length !== 4 || parts[0] !== 'v1') throw new KeyringError('not a sealed value');
    const key = this.keys.get(parts[1]!);
    if (!key) throw new KeyringError(`key "${parts[1]}" is not in the keyring`);
    const iv = Buffer.from(parts[2]!, 'base64url');
    const body = Buffer.from(parts[3]!, 'base64url');
    if (iv.length !== 12 || body.length < 16) throw new KeyringError('sealed value is truncated');
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
  }

  /**
   * A key for another purpose (e.g. signing widget tokens), derived with HKDF-SHA256 from key
   * `kid` (default: the primary), so it rotates with the keyring and every process sharing the
   * keyring derives the same one. Null when `kid` is not in the ring.
   */
  derive(info: string, kid: string = this.primaryKid): { kid: string; key: Buffer } | null {
    const base = this.keys.get(kid);
    if (!base) return null;
    return { kid, key: Buffer.from(hkdfSync('sha256', base, Buffer.alloc(0), info, 32)) };
  }

  /**
   * A value that tells whether key `kid` is the one a database first saw under that id
   * (docs/security.md §14): an HMAC of a fixed label under a key derived for this purpose only,
   * so it reveals nothing about the key itself nor about any value sealed with it.
   */
  checkValue(kid: string): string | null {
    const derived = this.derive('openpipes key check v1', kid);
    return derived && createHmac('sha256', derived.key).update('openpipes key check').digest('base64url');
  }

  /** The key id a sealed value was made with, without opening it. */
  static kidOf(sealed: string): string | null {
    const parts = sealed.split(':');
    return parts.length === 4 && parts[0] === 'v1' ? parts[1]! : null;
  }
}

/** Associated data naming the row a secret belongs to (docs/security.md §13). */
export const secretContext = (environmentId: string, table: string, column: string, rowId: string): string =>
  `${environmentId}|${table}|${column}|${rowId}`;
