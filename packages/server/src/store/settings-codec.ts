import type { Secret } from '../domain/secret.ts';
import type { ConfigWrite, StoredConfig } from '../domain/stored-config.ts';
import { type Encoders, flagOrNull, jsonOrNull, readFlagOrNull, readJsonOrNull } from './encoding.ts';
import type { Sealer, SealedAt } from './sealer.ts';

/** The settings an integration stores and an organization's override may replace (§1.4). */
interface SettingsWrite {
  enabled?: boolean | null;
  scopes?: readonly string[] | null;
  config?: ConfigWrite | null;
  client_secret?: string | null;
}

interface StoredSettings {
  enabled: number | null;
  scopes: string | null;
  config: string | null;
  client_secret: string | null;
}

/**
 * How integrations and overrides store their shared settings, in one place: an override's parts
 * may be null (not overridden), an integration's never are.
 */
export const settingsEncoders = (sealer: Sealer, at: SealedAt): Encoders<SettingsWrite> => ({
  enabled: flagOrNull,
  scopes: jsonOrNull,
  config: (config) => (config === null ? null : sealer.sealConfig(config, at)),
  client_secret: (secret) => sealer.sealNullable(secret, at, 'client_secret'),
});

export function decodeSettings(
  sealer: Sealer,
  at: SealedAt,
  row: StoredSettings,
): { enabled: boolean | null; scopes: string[] | null; config: StoredConfig | null; client_secret: Secret | null } {
  return {
    enabled: readFlagOrNull(row.enabled),
    scopes: readJsonOrNull<string[]>(row.scopes),
    config: row.config === null ? null : sealer.config(row.config, at),
    client_secret: sealer.secret(row.client_secret, at, 'client_secret'),
  };
}
