import { statSync } from 'node:fs';
import type { Config } from './config.ts';
import { keyFilePath } from '../crypto/key-file.ts';

/**
 * The files that hold secrets (sealed values and token hashes in the SQLite files, the key in the
 * key file) and the data dir around them: OpenPipes creates them for its user only (0600/0700).
 */
function secretPaths(config: Config): string[] {
  const paths = [config.dataDir];
  if (!config.encryptionKeys) paths.push(keyFilePath(config.dataDir));
  if (config.database.kind === 'sqlite' && config.database.path !== ':memory:') {
    const db = config.database.path;
    paths.push(db, `${db}-wal`, `${db}-shm`);
  }
  return paths;
}

/**
 * One warning per existing secret path that other users can read or enter. Modes are reported,
 * not changed: an operator may have opened them on purpose (a backup user's group), and a
 * start-up that quietly rewrites permissions hides the problem in every copy made before.
 */
export function openModeWarnings(config: Config): string[] {
  if (process.platform === 'win32') return [];
  const warnings: string[] = [];
  for (const path of secretPaths(config)) {
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(path);
    } catch {
      continue;
    }
    const mode = stats.mode & 0o777;
    if ((mode & 0o077) !== 0) {
      const wanted = stats.isDirectory() ? '700' : '600';
      warnings.push(`${path} is open to other users (mode ${mode.toString(8)}); it holds secrets: chmod ${wanted} it`);
    }
  }
  return warnings;
}
