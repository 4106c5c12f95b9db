import type { ConfigField } from '../catalog/provider-definition.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { secretContext } from '../crypto/keyring.ts';

/**
 * Config maps are stored as JSON text; values of fields the provider marks secret are sealed in
 * place (bound to row and field), so the JSON can be read without the keyring for everything else.
 */
export function sealConfig(
  keyring: Keyring,
  fields: readonly ConfigField[],
  values: Readonly<Record<string, string>>,
  ctx: { environmentId: string; table: string; rowId: string },
): string {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const secret = fields.some((f) => f.name === name && f.secret);
    out[name] = secret ? keyring.seal(value, secretContext(ctx.environmentId, ctx.table, `config.${name}`, ctx.rowId)) : value;
  }
  return JSON.stringify(out);
}

export function openConfig(
  keyring: Keyring,
  fields: readonly ConfigField[],
  stored: string | null,
  ctx: { environmentId: string; table: string; rowId: string },
): Record<string, string> {
  if (stored === null) return {};
  const values = JSON.parse(stored) as Record<string, string>;
  for (const f of fields) {
    const v = values[f.name];
    if (f.secret && v !== undefined) values[f.name] = keyring.open(v, secretContext(ctx.environmentId, ctx.table, `config.${f.name}`, ctx.rowId));
  }
  return values;
}

/** Non-secret values only, without opening anything: what responses may show. */
export function publicConfig(fields: readonly ConfigField[], stored: string | null): Record<string, string> {
  if (stored === null) return {};
  const values = JSON.parse(stored) as Record<string, string>;
  for (const f of fields) if (f.secret) delete values[f.name];
  return values;
}
