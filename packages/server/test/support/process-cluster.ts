/**
 * Several `openpipes serve` processes on one fresh PostgreSQL database (the deployment the
 * resilience suites exercise), sharing an API key, the encryption keys and the public URL of the
 * harness (https://pipes.test, so connect-flow-http.ts can map its links to a listening process).
 * Rate limits are off: these suites send thousands of requests from one address on purpose.
 */
import pg from 'pg';
import { PUBLIC_URL } from './harness.ts';
import type { OidcServer } from './oidc-server.ts';
import { randomApiKey, randomKeySpec, spawnOpenPipes, type OpenPipesProcess } from './openpipes-process.ts';
import { createTestDatabase } from './postgres.ts';

export interface Cluster {
  processes: OpenPipesProcess[];
  apiKey: string;
  dbUrl: string;
  dbName: string;
  /** A direct connection to the database, to set up expiries and to inspect what was committed. */
  sql: pg.Client;
  /** One more process on the same database; `env` adds to or overrides the cluster's variables. */
  spawn(env?: Record<string, string>): Promise<OpenPipesProcess>;
  close(): Promise<void>;
}

export async function startCluster(count: number, opts: { apiKey?: string; env?: Record<string, string> } = {}): Promise<Cluster> {
  const db = await createTestDatabase();
  const apiKey = opts.apiKey ?? randomApiKey();
  const base = {
    OPENPIPES_DATABASE_URL: db.url,
    OPENPIPES_ENCRYPTION_KEYS: randomKeySpec('k1'),
    OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS: 'true',
    OPENPIPES_PUBLIC_URL: PUBLIC_URL,
    OPENPIPES_RATE_LIMIT_API_PER_MINUTE: '0',
    OPENPIPES_RATE_LIMIT_BROWSER_PER_MINUTE: '0',
    ...opts.env,
  };
  const spawned: OpenPipesProcess[] = [];
  const spawn = async (env: Record<string, string> = {}) => {
    // Generous: on a loaded two-core machine a start (tsx compiling the server) can exceed 30 s.
    const p = await spawnOpenPipes({ apiKey, env: { ...base, ...env }, startTimeoutMs: 120_000 });
    spawned.push(p);
    return p;
  };
  const processes: OpenPipesProcess[] = [];
  // One at a time: the first migrates the database, the others find it migrated.
  for (let i = 0; i < count; i++) processes.push(await spawn());
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  return {
    processes,
    apiKey,
    dbUrl: db.url,
    dbName: db.name,
    sql,
    spawn,
    async close() {
      await Promise.all(spawned.map((p) => p.stop()));
      await sql.end().catch(() => undefined);
      await db.drop();
    },
  };
}

/** R5 body of a custom OAuth integration at the test authorization server (`<clientId>-secret` as its secret). */
export const oidcIntegrationBody = (
  slug: string,
  oidc: Pick<OidcServer, 'authorizationUrl' | 'tokenUrl' | 'revocationUrl' | 'issuer'>,
  clientId: string,
  scopes: string[],
) => ({
  provider: slug,
  enabled: true,
  scopes,
  credentials: { type: 'custom', client_id: clientId, client_secret: `${clientId}-secret` },
  custom_provider: {
    name: `${slug} Identity`,
    authorization_url: oidc.authorizationUrl,
    token_url: oidc.tokenUrl,
    revocation_url: oidc.revocationUrl,
    issuer: oidc.issuer,
  },
});

/** Marks connections' access tokens expired a minute ago, as time passing would. */
export async function expireAll(sql: pg.Client, where: { userIds: string[] }): Promise<number> {
  const res = await sql.query('UPDATE connected_accounts SET expires_at = $1 WHERE user_id = ANY($2)', [
    new Date(Date.now() - 60_000).toISOString(),
    where.userIds,
  ]);
  return res.rowCount ?? 0;
}
