/**
 * `npm run demo`: OpenPipes on its embedded default (SQLite in a temporary directory), the local
 * demo OAuth provider (test/support/oidc-server.ts) registered as the custom provider `demo`, and a
 * tiny sample application whose page connects a user's account and then shows an access token its
 * backend fetched with `POST /data-integrations/demo/token`. Prints the one URL to open.
 *
 *   node --import tsx scripts/demo.ts [--port 8080] [--provider-port 9090] [--app-port 3000] [--connect auto|widget|link]
 *
 * Port 0 picks a free port. Everything listens on 127.0.0.1. `--connect`: `widget` embeds OpenPipes'
 * hosted connect widget (`<openpipes-widget>` from `/widgets/embed.js`, with an R33 widget token), `link`
 * has the sample backend mint an authorization link (R12) behind its own "Connect" button, `auto` (the
 * default) prefers the widget when this OpenPipes serves it. Ctrl-C stops everything and removes the
 * temporary directory.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../packages/server/src/app/config.ts';
import { boot, type Logger, type Runtime } from '../packages/server/src/app/main.ts';
import { startOidcServer, type OidcServer } from '../packages/server/test/support/oidc-server.ts';
import { randomApiKey, randomKeySpec } from '../packages/server/test/support/openpipes-process.ts';

const USAGE = `usage: node --import tsx scripts/demo.ts [--port 8080] [--provider-port 9090] [--app-port 3000]
       [--connect auto|widget|link]          (port 0 picks a free port)`;

/** The integration's slug, the sample app's signed-in user, and the OAuth client at the demo provider. */
const SLUG = 'demo';
const USER_ID = 'demo_user';
const CLIENT_ID = 'demo-client';
/** The host page's script of OpenPipes' hosted widgets (`<openpipes-widget>`, which frames `/widgets/pipes`). */
const WIDGET_EMBED = '/widgets/embed.js';

type ConnectMode = 'widget' | 'link';

class DemoError extends Error {}

function parsePort(flag: string, raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > 65535) throw new DemoError(`--${flag}: "${raw}" is not a port number (0-65535)`);
  return n;
}

/** A free port on 127.0.0.1 (OpenPipes' public URL, from which redirect URIs are built, must be known before it starts). */
function reservePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createNetServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

function listen(server: Server, port: number, flag: string): Promise<number> {
  return new Promise((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(e.code === 'EADDRINUSE' ? new DemoError(`--${flag}: 127.0.0.1:${port} is already in use; choose another port`) : e),
    );
    server.listen(port, '127.0.0.1', () => ok((server.address() as { port: number }).port));
  });
}

/** A JSON call to OpenPipes with the demo's API key; throws with the answer's message unless 2xx. */
async function callOpenPipes<T>(baseUrl: string, apiKey: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  const parsed = (await res.json().catch(() => ({}))) as T & { message?: string };
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${parsed.message ?? ''}`.trim());
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// The sample application: one page, and its backend's two calls to OpenPipes.

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `abcd••••••••wxyz (40 characters)`: enough to recognise a token, not enough to use it. */
const maskToken = (token: string): string =>
  token.length <= 12 ? '•'.repeat(token.length) : `${token.slice(0, 4)}${'•'.repeat(8)}${token.slice(-4)} (${token.length} characters)`;

interface TokenAnswer {
  active: boolean;
  error?: string;
  access_token?: { access_token: string; expires_at: string | null; scopes: string[] };
}

const APP_STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;line-height:1.5}
header{display:flex;justify-content:space-between;align-items:baseline;flex-wrap:wrap}
header{border-bottom:1px solid #d0d7de;margin-bottom:1.5rem;padding-bottom:.75rem}
h1{margin:0}h2{margin-top:0}
.card{border:1px solid #d0d7de;border-radius:.5rem;padding:1rem 1.25rem;margin:1rem 0}
.button{display:inline-block;background:#0969da;color:#fff;padding:.5rem 1rem;border-radius:.375rem;text-decoration:none}
code{overflow-wrap:anywhere}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dd{margin:0}
.muted{color:#59636e}`;

function appPage(connect: string, token: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sample app</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${APP_STYLE}</style></head>
<body><header><h1>Sample app</h1><span class="muted">Signed in as <strong>${USER_ID}</strong></span></header>
<section class="card" aria-label="Connected accounts">${connect}</section>
<section class="card" aria-labelledby="token-title"><h2 id="token-title">What the backend gets</h2>
<div id="token">${token}</div></section>
</body></html>`;
}

function tokenSection(answer: TokenAnswer): string {
  const at = answer.access_token;
  if (!answer.active || !at) {
    return `<p id="token-status">No token yet (<code>${escapeHtml(answer.error ?? 'inactive')}</code>): connect an account first.</p>`;
  }
  return `<p id="token-status">The backend asked OpenPipes for a token (<code>POST /data-integrations/${SLUG}/token</code>) and got:</p>
<dl><dt>Access token</dt><dd><code id="access-token">${escapeHtml(maskToken(at.access_token))}</code></dd>
<dt>Expires</dt><dd>${escapeHtml(at.expires_at ?? 'never')}</dd><dt>Scopes</dt><dd>${escapeHtml(at.scopes.join(' '))}</dd></dl>`;
}

interface SampleApp {
  server: Server;
  /** Set once OpenPipes is up. */
  attach(opts: { openPipesUrl: string; apiKey: string; mode: ConnectMode }): void;
}

function createSampleApp(): SampleApp {
  let target: { openPipesUrl: string; apiKey: string; mode: ConnectMode } | undefined;
  const send = (res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
    res.end(html);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!target) return send(res, 503, 'Starting…');
    const { openPipesUrl, apiKey, mode } = target;
    const op = <T>(path: string, body: unknown) => callOpenPipes<T>(openPipesUrl, apiKey, 'POST', path, body);
    const own = `http://${req.headers.host ?? '127.0.0.1'}`;
    const { pathname } = new URL(req.url ?? '/', own);
    if (req.method !== 'GET') return send(res, 405, 'Method not allowed');
    if (pathname === '/favicon.ico') return send(res, 204, '');
    if (pathname === '/connect') {
      // R12: a single-use link for this user; OpenPipes sends the browser back here afterwards.
      const { url } = await op<{ url: string }>(`/data-integrations/${SLUG}/authorize`, { user_id: USER_ID, return_to: `${own}/` });
      return send(res, 303, '', { location: url });
    }
    // R13: what the backend gets for this user now (the widget page polls this part).
    const answer = await op<TokenAnswer>(`/data-integrations/${SLUG}/token`, { user_id: USER_ID });
    if (pathname === '/token-section') return send(res, 200, tokenSection(answer));
    if (pathname !== '/') return send(res, 404, 'Not found');
    let connect: string;
    if (mode === 'widget') {
      // R33: a one-hour widget token for this user; embed.js frames OpenPipes' hosted connect widget with it.
      const { token } = await op<{ token: string }>('/widgets/token', { user_id: USER_ID });
      connect = `<div data-connect="widget"><openpipes-widget widget="pipes" token="${escapeHtml(token)}"></openpipes-widget></div>
<script src="${escapeHtml(openPipesUrl)}${WIDGET_EMBED}" defer></script>
<script>setInterval(async () => {
  const res = await fetch('/token-section');
  if (res.ok) document.getElementById('token').innerHTML = await res.text();
}, 2000);</script>`;
    } else if (answer.active) {
      connect = `<h2>Connected accounts</h2>
<p data-connect="link">Demo Identity: <strong>connected</strong>. <a href="/connect">Connect again</a></p>`;
    } else {
      connect = `<h2>Connected accounts</h2>
<p data-connect="link">Demo Identity: not connected.</p>
<p><a class="button" href="/connect">Connect Demo Identity</a></p>`;
    }
    send(res, 200, appPage(connect, tokenSection(answer)));
  };
  return {
    server: createServer((req, res) => {
      handle(req, res).catch((e: unknown) => send(res, 502, `<p>OpenPipes answered: ${escapeHtml((e as Error).message)}</p>`));
    }),
    attach: (opts) => {
      target = opts;
    },
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const parse = () =>
    parseArgs({
      options: {
        port: { type: 'string', default: '8080' },
        'provider-port': { type: 'string', default: '9090' },
        'app-port': { type: 'string', default: '3000' },
        connect: { type: 'string', default: 'auto' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
  let values: ReturnType<typeof parse>['values'];
  try {
    ({ values } = parse());
  } catch (e) {
    throw new DemoError((e as Error).message);
  }
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const connect = values.connect;
  if (connect !== 'auto' && connect !== 'widget' && connect !== 'link') throw new DemoError(`--connect: auto, widget or link`);
  const providerPort = parsePort('provider-port', values['provider-port']);
  const appPort = parsePort('app-port', values['app-port']);
  const port = parsePort('port', values.port) || (await reservePort());

  const dataDir = mkdtempSync(join(tmpdir(), 'openpipes-demo-'));
  const apiKey = randomApiKey();
  const sample = createSampleApp();
  let oidc: OidcServer | undefined;
  let runtime: Runtime | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      sample.server.closeAllConnections();
      await new Promise((done) => sample.server.close(done));
      await runtime?.close();
      await oidc?.close();
      rmSync(dataDir, { recursive: true, force: true });
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stdout.write('\nStopping the demo…\n');
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }

  try {
    const appOrigin = `http://127.0.0.1:${await listen(sample.server, appPort, 'app-port')}`;
    oidc = await startOidcServer({ port: providerPort, accessTokenTtlSeconds: 3600 }).catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'EADDRINUSE' ? new DemoError(`--provider-port: 127.0.0.1:${providerPort} is already in use`) : e;
    });
    const config = loadConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      OPENPIPES_DATA_DIR: dataDir,
      OPENPIPES_ENCRYPTION_KEYS: randomKeySpec(),
      OPENPIPES_API_KEY: apiKey,
      OPENPIPES_ALLOWED_RETURN_ORIGINS: appOrigin,
      OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS: 'true',
      OPENPIPES_LOG_LEVEL: 'warn',
    });
    const log: Logger = { info: (m) => process.stderr.write(`${m}\n`), warn: (m) => process.stderr.write(`warning: ${m}\n`) };
    runtime = await boot(config, log);
    await runtime.app.listen({ port: config.port, host: config.host }).catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'EADDRINUSE' ? new DemoError(`--port: 127.0.0.1:${config.port} is already in use; choose another port`) : e;
    });
    const openPipesUrl = config.publicUrl;

    // The integration first: its redirect URI is what the provider's client must allow.
    const clientSecret = randomBytes(24).toString('base64url');
    const integration = await callOpenPipes<{ redirect_uri: string }>(openPipesUrl, apiKey, 'POST', '/data-integrations', {
      provider: SLUG,
      enabled: true,
      description: 'The local demo OAuth provider: sign in with any name and any password.',
      scopes: ['openid', 'profile', 'read'],
      credentials: { type: 'custom', client_id: CLIENT_ID, client_secret: clientSecret },
      custom_provider: {
        name: 'Demo Identity',
        authorization_url: oidc.authorizationUrl,
        token_url: oidc.tokenUrl,
        revocation_url: oidc.revocationUrl,
        issuer: oidc.issuer,
      },
    });
    oidc.registerClient({ clientId: CLIENT_ID, clientSecret, redirectUris: [integration.redirect_uri] });

    const widgetPage = connect !== 'link' && (await fetch(`${openPipesUrl}${WIDGET_EMBED}`)).ok;
    if (connect === 'widget' && !widgetPage) throw new DemoError(`--connect widget: this OpenPipes does not serve ${WIDGET_EMBED} yet`);
    const mode: ConnectMode = widgetPage ? 'widget' : 'link';
    sample.attach({ openPipesUrl, apiKey, mode });

    process.stdout.write(`OpenPipes demo: OpenPipes (port ${new URL(openPipesUrl).port}, SQLite in ${dataDir}), the demo OAuth
provider "Demo Identity" (port ${oidc.port}) and a sample app (port ${new URL(appOrigin).port}) are running.
The sample app connects with ${mode === 'widget' ? "OpenPipes' hosted connect widget" : 'an authorization link'}. \
At the provider, sign in with any name and any password.

  Open ${appOrigin}/

Ctrl-C stops everything and deletes the data.
`);
  } catch (e) {
    await stop();
    throw e;
  }
}

main().catch((e: unknown) => {
  const known = e instanceof DemoError || e instanceof ConfigError;
  process.stderr.write(`demo: ${known ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  if (known) process.stderr.write(`\n${USAGE}\n`);
  process.exit(known ? 2 : 1);
});
