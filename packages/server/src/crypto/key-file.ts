import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring } from './keyring.ts';

const KEY_FILE_NAME = 'encryption-keys';

export const keyFilePath = (dataDir: string): string => join(dataDir, KEY_FILE_NAME);

/**
 * The zero-configuration keyring: a key file in the data dir, created with owner-only permissions
 * on first start (the data dir 0700 too, if it is new: docs/security.md §H). Production
 * deployments pass OPENPIPES_ENCRYPTION_KEYS instead.
 */
export function loadOrCreateKeyFile(dataDir: string): { keyring: Keyring; created: boolean; path: string } {
  const path = keyFilePath(dataDir);
  if (existsSync(path)) return { keyring: Keyring.parse(readFileSync(path, 'utf8').trim()), created: false, path };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const spec = Keyring.generateKeySpec(`k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`);
  writeFileSync(path, `${spec}\n`, { mode: 0o600, flag: 'wx' });
  return { keyring: Keyring.parse(spec), created: true, path };
}
