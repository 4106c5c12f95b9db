import type { ConfigField } from '../catalog/provider-definition.ts';
import { Keyring } from '../crypto/keyring.ts';
import type { Secret } from '../domain/secret.ts';
import { StoredConfig, type ConfigWrite } from '../domain/stored-config.ts';
import { json, readJson } from './encoding.ts';

/** Where a sealed value lives; the associated data that binds it there (docs/security.md §13). */
export interface SealedAt {
  environmentId: string;
  table: string;
  rowId: string;
}

const contextOf = (at: SealedAt, column: string): string => `${at.environmentId}|${at.table}|${column}|${at.rowId}`;

/** Opened values kept per process; bounded, and keyed by ciphertext and context together. */
const MEMO_LIMIT = 10_000;

/**
 * The one place that seals and opens stored secrets. Repositories hand it the row a value
 * belongs to; services never see a ciphertext or a context. Opened values are memoized by
 * (context, ciphertext): a sealed value never changes, so a token read again on the next vend
 * costs no decryption, while a row's new ciphertext (refresh, re-authorization) misses the memo.
 * The context is part of the key, so a ciphertext pasted into another row still fails to open.
 */
export class Sealer {
  private readonly memo = new Map<string, string>();

  constructor(private readonly keyring: Keyring) {}

  /** The key id new values are sealed with. */
  get primaryKid(): string {
    return this.keyring.primaryKid;
  }

  seal(value: string, at: SealedAt, column: string): string {
    return this.keyring.seal(value, contextOf(at, column));
  }

  sealNullable(value: string | null, at: SealedAt, column: string): string | null {
    return value === null ? null : this.seal(value, at, column);
  }

  open(sealed: string, at: SealedAt, column: string): string {
    const context = contextOf(at, column);
    const key = `${context}\u0000${sealed}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const value = this.keyring.open(sealed, context);
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(key, value);
    return value;
  }

  /** A sealed column as a domain secret, opened on demand. */
  secret(sealed: string | null, at: SealedAt, column: string): Secret | null {
    return sealed === null ? null : { open: () => this.open(sealed, at, column) };
  }

  /** A config map for storage: secret fields sealed in place, bound to the row and field. */
  sealConfig(write: ConfigWrite, at: SealedAt): string {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(write.values)) {
      out[name] = isSecret(write.fields, name) ? this.seal(value, at, `config.${name}`) : value;
    }
    return json(out);
  }

  /**
   * Key rotation: `sealed` opened and sealed again under the primary key, in the same context;
   * null when it is under the primary already. Not memoized: rotation opens each value once.
   */
  reseal(sealed: string, at: SealedAt, column: string): string | null {
    if (Keyring.kidOf(sealed) === this.keyring.primaryKid) return null;
    const context = contextOf(at, column);
    return this.keyring.seal(this.keyring.open(sealed, context), context);
  }

  /**
   * A stored config map with every sealed value resealed under the primary key (null: nothing
   * to do). `unreadable` counts values that look sealed but do not open; they are left as they are.
   */
  resealConfig(stored: string, at: SealedAt): { config: string | null; unreadable: number } {
    const values = readJson<Record<string, string>>(stored);
    let changed = false;
    let unreadable = 0;
    for (const [name, value] of Object.entries(values)) {
      if (typeof value !== 'string' || Keyring.kidOf(value) === null) continue;
      try {
        const next = this.reseal(value, at, `config.${name}`);
        if (next === null) continue;
        values[name] = next;
        changed = true;
      } catch {
        unreadable++;
      }
    }
    return { config: changed ? json(values) : null, unreadable };
  }

  config(stored: string, at: SealedAt): StoredConfig {
    return StoredConfig.of(readJson<Record<string, string>>(stored), (name, sealed) => this.open(sealed, at, `config.${name}`));
  }
}

const isSecret = (fields: readonly ConfigField[], name: string): boolean => fields.some((f) => f.name === name && f.secret);
