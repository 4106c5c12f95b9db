/**
 * A local OAuth 2.0 / OpenID Connect authorization server for trying OpenPipes end to end
 * (README walk-through). It is oidc-provider 8.8.1 with in-memory storage and a login page that
 * accepts any login name with any password.
 *
 *   node --import tsx scripts/demo-provider.ts --port 9090 \
 *     --redirect-uri http://localhost:8080/oauth/callback \
 *     [--client-id demo-client] [--client-secret demo-secret] \
 *     [--auth-method client_secret_post|client_secret_basic] [--access-token-ttl 3600]
 *
 * --redirect-uri may be repeated. Runs until Ctrl-C. Everything is lost when it stops.
 */
import { parseArgs } from 'node:util';
import { startOidcServer, type TokenEndpointAuthMethod } from '../packages/server/test/support/oidc-server.ts';

const USAGE = `usage: node --import tsx scripts/demo-provider.ts --redirect-uri <uri> [--redirect-uri <uri> ...]
       [--port 9090] [--client-id demo-client] [--client-secret demo-secret]
       [--auth-method client_secret_post|client_secret_basic] [--access-token-ttl 3600]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function parsePositiveInt(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) fail(`--${name} must be an integer, got ${JSON.stringify(value)}`);
  const n = Number(value);
  if (n < min || n > max) fail(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

async function main(): Promise<void> {
  const parse = () =>
    parseArgs({
      options: {
        port: { type: 'string', default: '9090' },
        'redirect-uri': { type: 'string', multiple: true },
        'client-id': { type: 'string', default: 'demo-client' },
        'client-secret': { type: 'string', default: 'demo-secret' },
        'auth-method': { type: 'string', default: 'client_secret_post' },
        'access-token-ttl': { type: 'string', default: '3600' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  let values: ReturnType<typeof parse>['values'];
  try {
    ({ values } = parse());
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  const port = parsePositiveInt('port', values.port, 0, 65535);
  const accessTokenTtlSeconds = parsePositiveInt('access-token-ttl', values['access-token-ttl'], 1, 86_400);
  const redirectUris = values['redirect-uri'] ?? [];
  if (redirectUris.length === 0) fail('--redirect-uri is required (the OpenPipes OAuth callback URL)');
  for (const uri of redirectUris) {
    try {
      new URL(uri);
    } catch {
      fail(`--redirect-uri is not an absolute URL: ${uri}`);
    }
  }
  const authMethod = values['auth-method'];
  if (authMethod !== 'client_secret_post' && authMethod !== 'client_secret_basic') {
    fail(`--auth-method must be client_secret_post or client_secret_basic, got ${authMethod}`);
  }
  const clientId = values['client-id'];
  const clientSecret = values['client-secret'];
  if (!clientId || !clientSecret) fail('--client-id and --client-secret must not be empty');

  let server: Awaited<ReturnType<typeof startOidcServer>>;
  try {
    server = await startOidcServer({
      port,
      accessTokenTtlSeconds,
      refreshTokenTtlSeconds: 30 * 24 * 60 * 60,
      clients: [
        {
          clientId,
          clientSecret,
          redirectUris,
          tokenEndpointAuthMethod: authMethod as TokenEndpointAuthMethod,
          grantTypes: ['authorization_code', 'refresh_token', 'client_credentials'],
        },
      ],
    });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'EADDRINUSE') fail(`port ${port} on 127.0.0.1 is already in use`);
    throw err;
  }

  process.stdout.write(`Demo OAuth authorization server (oidc-provider) listening on ${server.issuer}

  Issuer / discovery:     ${server.issuer}/.well-known/openid-configuration
  Authorization URL:      ${server.authorizationUrl}
  Token URL:              ${server.tokenUrl}
  Revocation URL:         ${server.revocationUrl}
  Userinfo URL:           ${server.userinfoUrl}

  Client ID:              ${clientId}
  Client secret:          ${clientSecret}
  Client authentication:  ${authMethod}
  Redirect URI(s):        ${redirectUris.join(', ')}
  Scopes:                 openid offline_access profile email read write
  PKCE:                   S256 (optional)
  Access token lifetime:  ${accessTokenTtlSeconds} s (refresh tokens rotate on every use)

Sign in with ANY login name and ANY password; the login name becomes the user's subject (sub).
Data is kept in memory only. Press Ctrl-C to stop.
`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal} received, stopping...\n`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`demo-provider: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
