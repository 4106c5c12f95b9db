import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring, KeyringError } from './keyring.ts';

const KEY_FILE_NAME = 'encryption-keys';

export const keyFilePath = (dataDir: string): string => join(dataDir, KEY_FILE_NAME);

/** `k20250101`: a new key's id names the day it was made. */
const datedKid = (now: Date): string => `k${now.toISOString().slice(0, 10).replace(/-/g, '')}`;

/**
 * The zero-configuration keyring: a key file in the data dir, created with owner-only permissions
 * on first start (the data dir 0700 too, if it is new: docs/security.md §H). Production
 * deployments pass OPENPIPES_ENCRYPTION_KEYS instead.
 */
export function loadOrCreateKeyFile(dataDir: string): { keyring: Keyring; created: boolean; path: string } {
  const path = keyFilePath(dataDir);
  if (existsSync(path)) return { keyring: Keyring.parse(readFileSync(path, 'utf8').trim()), created: false, path };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const spec = Keyring.generateKeySpec(datedKid(new Date()));
  writeFileSync(path, `${spec}\n`, { mode: 0o600, flag: 'wx' });
  return { keyring: Keyring.parse(spec), created: true, path };
}

/** The key file's entries (`kid:base64key`), primary first. */
function readEntries(path: string): string[] {
  if (!existsSync(path)) throw new KeyringError(`there is no key file at ${path} (is OPENPIPES_DATA_DIR right?)`);
  const entries = readFileSync(path, 'utf8')
    .split(/[,\r\n]/)
    .map((e) => e.trim())
    .filter(Boolean);
  Keyring.parse(entries.join(','));
  return entries;
}

/** Replaces the key file in one step (write aside, rename), so a crash never leaves half a file. */
function writeEntries(path: string, entries: readonly string[]): Keyring {
  const keyring = Keyring.parse(entries.join(','));
  const next = `${path}.next`;
  writeFileSync(next, `${entries.join('\n')}\n`, { mode: 0o600 });
  renameSync(next, path);
  return keyring;
}

const kidOfEntry = (entry: string): string => entry.slice(0, entry.indexOf(':'));

/**
 * Key rotation, step 1 in key-file mode: a new random key appended (not primary), under an id
 * neither the file nor `taken` (ids the database has seen) uses.
 */
export function addKeyToFile(dataDir: string, taken: ReadonlySet<string>, now = new Date()): { kid: string; keyring: Keyring } {
  const path = keyFilePath(dataDir);
  const entries = readEntries(path);
  const used = new Set([...taken, ...entries.map(kidOfEntry)]);
  const base = datedKid(now);
  let kid = base;
  for (let n = 2; used.has(kid); n++) kid = `${base}_${n}`;
  return { kid, keyring: writeEntries(path, [...entries, Keyring.generateKeySpec(kid)]) };
}

/** Step 2: key `kid` moves first and becomes the primary; the others stay, so old values still open. */
export function promoteKeyInFile(dataDir: string, kid: string): Keyring {
  const path = keyFilePath(dataDir);
  const entries = readEntries(path);
  const entry = entries.find((e) => kidOfEntry(e) === kid);
  if (!entry) throw new KeyringError(`the key file ${path} has no key "${kid}" (openpipes keys status lists them)`);
  return writeEntries(path, [entry, ...entries.filter((e) => e !== entry)]);
}

/** The last step: a retired key taken out of the file (the caller checks nothing uses it). */
export function removeKeyFromFile(dataDir: string, kid: string): Keyring {
  const path = keyFilePath(dataDir);
  const entries = readEntries(path);
  if (!entries.some((e) => kidOfEntry(e) === kid)) throw new KeyringError(`the key file ${path} has no key "${kid}"`);
  if (kidOfEntry(entries[0]!) === kid) throw new KeyringError(`key "${kid}" is the primary key; promote another one first`);
  return writeEntries(
    path,
    entries.filter((e) => kidOfEntry(e) !== kid),
  );
}
