/**
 * The bulk rows of `npm run bench:seed`: copies of a template connection, each with its own id,
 * owner and freshly sealed tokens (the associated data binds each ciphertext to its row, so none
 * can be shared). Built in worker threads (lib/seed-worker.ts) while the main thread inserts.
 */
import { randomBytes } from 'node:crypto';
import { ID_PREFIX, newId } from '../../packages/server/src/core/ids.ts';
import { Keyring } from '../../packages/server/src/crypto/keyring.ts';
import type { ConnectedAccountsTable } from '../../packages/server/src/store/schema.ts';
import { Sealer } from '../../packages/server/src/store/sealer.ts';

export interface SeedShape {
  template: ConnectedAccountsTable;
  integrationIds: string[];
  organizations: number;
  encryptionKeys: string;
}

// Each user holds this many connections (distinct integrations), so N accounts are N/5 users.
export const PER_USER = 5;

export function rowBuilder(shape: SeedShape): (from: number, to: number) => ConnectedAccountsTable[] {
  const sealer = new Sealer(Keyring.parse(shape.encryptionKeys));
  const { template, integrationIds, organizations } = shape;
  if (integrationIds.length < PER_USER) throw new Error(`seeding needs at least ${PER_USER} integrations`);
  // A user's k-th connection is on integration (user + k·stride) mod n: PER_USER distinct ones.
  const stride = Math.floor(integrationIds.length / PER_USER);
  const now = new Date().toISOString();
  const expiresAt = new Date(Date.now() + 365 * 86_400_000).toISOString();
  return (from, to) => {
    // One draw of randomness per batch, sliced per token: 36 bytes (two 18-byte tokens) a row.
    const entropy = randomBytes((to - from) * 36).toString('hex');
    const rows: ConnectedAccountsTable[] = [];
    for (let i = from; i < to; i++) {
      const user = Math.floor(i / PER_USER);
      const organization = `org_${user % organizations}`;
      const id = newId(ID_PREFIX.installation);
      const at = { environmentId: template.environment_id, table: 'connected_accounts', rowId: id };
      const o = (i - from) * 72;
      rows.push({
        ...template,
        id,
        integration_id: integrationIds[(user + (i % PER_USER) * stride) % integrationIds.length]!,
        user_id: `user_${user}`,
        organization_id: organization,
        owner_key: `u|user_${user}|${organization}`,
        access_token: sealer.seal(`tok_${entropy.slice(o, o + 36)}`, at, 'access_token'),
        refresh_token: sealer.seal(`ref_${entropy.slice(o + 36, o + 72)}`, at, 'refresh_token'),
        expires_at: expiresAt,
        created_at: now,
        updated_at: now,
      });
    }
    return rows;
  };
}
