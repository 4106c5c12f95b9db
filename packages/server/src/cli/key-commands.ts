import { keySource, loadKeyring, openStore, type Logger } from '../app/main.ts';
import type { Config } from '../app/config.ts';
import { addKeyToFile, keyFilePath, promoteKeyInFile, removeKeyFromFile } from '../crypto/key-file.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { AppError } from '../core/errors.ts';
import { progressBar } from './progress-bar.ts';

export interface KeyCommandContext {
  config: Config;
  log: Logger;
  out: (line: string) => void;
  table: (rows: Record<string, string>[]) => string;
  usage: (message: string) => AppError;
  /** Where the progress bar goes (standard error). */
  progress: NodeJS.WriteStream;
}

export interface KeyCommandOptions {
  'batch-size'?: string | undefined;
  'max-batches'?: string | undefined;
}

const DEFAULT_BATCH_SIZE = 500;

/** Runs `fn` on the store opened with `keyring` (start-up checks included), then closes it. */
async function withKeyStore<T>(
  ctx: KeyCommandContext,
  keyring: Keyring,
  fn: (store: Awaited<ReturnType<typeof openStore>>['store']) => Promise<T>,
): Promise<T> {
  const { store, close } = await openStore(ctx.config, keyring);
  try {
    return await fn(store);
  } finally {
    await close();
  }
}

const positiveInt = (ctx: KeyCommandContext, name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw ctx.usage(`--${name} takes a whole number of at least 1, got "${raw}"`);
  return n;
};

/**
 * `openpipes keys …`: encryption-key rotation (README "Rotating the encryption key",
 * docs/security.md §14). add/promote/remove edit the key file; with OPENPIPES_ENCRYPTION_KEYS the
 * operator edits the variable instead, and these commands say how.
 */
export async function keyCommand(
  sub: string | undefined,
  arg: string | undefined,
  values: KeyCommandOptions,
  ctx: KeyCommandContext,
): Promise<number> {
  const { config, out } = ctx;
  const fileMode = !config.encryptionKeys;
  const quiet = { ...ctx.log, warn: () => undefined };
  const keyring = loadKeyring(config, quiet);
  switch (sub) {
    case 'status': {
      const usage = await withKeyStore(ctx, keyring, (store) => store.keyUsage());
      out(
        `Keys from ${keySource(config)}: ${keyring
          .kids()
          .map((k) => (k === keyring.primaryKid ? `${k} (primary)` : k))
          .join(', ')}`,
      );
      out(
        ctx.table(
          usage
            .sort((a, b) => a.table.localeCompare(b.table) || a.kid.localeCompare(b.kid))
            .map((u) => ({ table: u.table, key_id: u.kid, values: String(u.values) })),
        ),
      );
      const old = usage.filter((u) => u.kid !== keyring.primaryKid).reduce((n, u) => n + u.values, 0);
      out(
        old === 0
          ? `Every sealed value uses the primary key ${keyring.primaryKid}.`
          : `${old} sealed value(s) use another key than the primary; run openpipes keys reencrypt.`,
      );
      return 0;
    }
    case 'add': {
      if (!fileMode)
        throw ctx.usage(
          'OPENPIPES_ENCRYPTION_KEYS is set: add the new key to it after the primary (kid:base64 of 32 random bytes), restart every process, then move it first',
        );
      const taken = await withKeyStore(ctx, keyring, (store) => store.knownKeyIds());
      const { kid, keyring: next } = addKeyToFile(config.dataDir, taken);
      await withKeyStore(ctx, next, async () => undefined); // records the new key's check value
      out(
        `Added key ${kid} to ${keyFilePath(config.dataDir)} (not primary). Restart every OpenPipes process, then run: openpipes keys promote ${kid}`,
      );
      return 0;
    }
    case 'promote': {
      if (!arg) throw ctx.usage('usage: openpipes keys promote KEY_ID');
      if (!fileMode) throw ctx.usage(`OPENPIPES_ENCRYPTION_KEYS is set: move ${arg} first in it, then restart every process`);
      const next = promoteKeyInFile(config.dataDir, arg);
      await withKeyStore(ctx, next, async () => undefined);
      out(`Key ${arg} is now the primary key. Restart every OpenPipes process, then run: openpipes keys reencrypt`);
      return 0;
    }
    case 'reencrypt': {
      const batchSize = positiveInt(ctx, 'batch-size', values['batch-size']) ?? DEFAULT_BATCH_SIZE;
      const maxBatches = positiveInt(ctx, 'max-batches', values['max-batches']);
      const bar = progressBar(ctx.progress);
      const r = await withKeyStore(ctx, keyring, (store) =>
        store
          .reencryptor()
          .run({ batchSize, ...(maxBatches !== undefined ? { maxBatches } : {}) }, (p) => bar.update(p.table, p.done, p.total)),
      );
      bar.end();
      out(
        `Re-sealed ${r.resealed} row(s) of ${r.rows} under ${keyring.primaryKid}; ${r.unreadable} unreadable value(s), ${r.conflicts} row(s) changed meanwhile.`,
      );
      if (!r.complete) out('Stopped after --max-batches; run openpipes keys reencrypt again to continue where it stopped.');
      else if (r.conflicts > 0) out('Run openpipes keys reencrypt again for the rows that changed meanwhile.');
      return r.unreadable > 0 ? 1 : 0;
    }
    case 'remove': {
      if (!arg) throw ctx.usage('usage: openpipes keys remove KEY_ID');
      if (!keyring.has(arg)) throw ctx.usage(`there is no key ${arg} in ${keySource(config)}`);
      if (arg === keyring.primaryKid) throw ctx.usage(`key ${arg} is the primary key; make another key primary first`);
      const used = (await withKeyStore(ctx, keyring, (store) => store.keyUsage()))
        .filter((u) => u.kid === arg)
        .reduce((n, u) => n + u.values, 0);
      if (used > 0)
        throw ctx.usage(`key ${arg} still seals ${used} value(s); run openpipes keys reencrypt first (openpipes keys status shows them)`);
      if (!fileMode) {
        out(`Nothing uses ${arg} any more: take it out of OPENPIPES_ENCRYPTION_KEYS and restart every process.`);
        return 0;
      }
      removeKeyFromFile(config.dataDir, arg);
      out(`Removed key ${arg} from ${keyFilePath(config.dataDir)}. Restart every OpenPipes process.`);
      return 0;
    }
    default:
      throw ctx.usage('usage: openpipes keys status|add|promote KEY_ID|reencrypt [--batch-size N] [--max-batches N]|remove KEY_ID');
  }
}
