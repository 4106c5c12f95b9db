/**
 * A token endpoint whose every answer the test scripts: `POST /token` (and `POST /revoke`, always
 * 200) on 127.0.0.1. Complements fault-token-server.ts for shapes it does not produce, e.g. a
 * refresh answer WITHOUT a refresh_token (RFC 6749 §6: the client keeps the old one).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ScriptedRequest {
  path: string;
  /** performance.now() when the request had been read. */
  at: number;
  /** The form body, parsed. */
  form: URLSearchParams;
}

export interface ScriptedAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Answer this late (a slow provider); `Infinity` never answers (until `close()`). */
  delayMs?: number;
}

export interface ScriptedTokenServer {
  url: string;
  tokenUrl: string;
  revocationUrl: string;
  /** Replaces the responder of `POST /token`; gets the 1-based number of the token request. */
  respond(fn: (req: ScriptedRequest, n: number) => ScriptedAnswer): void;
  /** Every request received, in order. */
  requests: ScriptedRequest[];
  count(path?: string): number;
  close(): Promise<void>;
}

/** Default answer: a fresh access token, one hour, and NO refresh_token. */
export const accessTokenOnly = (_req: ScriptedRequest, n: number): ScriptedAnswer => ({
  status: 200,
  body: { access_token: `scripted-at-${n}`, token_type: 'bearer', expires_in: 3600, scope: 'read' },
});

/** POST /data-integrations for a custom provider `scripted` served by `server` (scopes `read`). */
export const scriptedIntegration = (server: Pick<ScriptedTokenServer, 'url' | 'tokenUrl' | 'revocationUrl'>) => ({
  provider: 'scripted',
  enabled: true,
  scopes: ['read'],
  credentials: { type: 'custom', client_id: 'scripted-client', client_secret: 'scripted-secret' },
  custom_provider: {
    name: 'Scripted',
    authorization_url: `${server.url}/authorize`,
    token_url: server.tokenUrl,
    revocation_url: server.revocationUrl,
  },
});

export async function startScriptedTokenServer(
  initial: (req: ScriptedRequest, n: number) => ScriptedAnswer = accessTokenOnly,
): Promise<ScriptedTokenServer> {
  let responder = initial;
  let tokenRequests = 0;
  const requests: ScriptedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const entry = { path, at: performance.now(), form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')) };
      requests.push(entry);
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        const text = body === undefined ? '' : JSON.stringify(body);
        res.writeHead(status, {
          'content-type': 'application/json',
          'cache-control': 'no-store',
          'content-length': String(Buffer.byteLength(text)),
          ...headers,
        });
        res.end(text);
      };
      if (req.method !== 'POST') return send(405, { error: 'method_not_allowed' });
      if (path === '/revoke') return send(200, undefined);
      if (path !== '/token') return send(404, { error: 'not_found' });
      const answer = responder(entry, ++tokenRequests);
      const delayMs = answer.delayMs ?? 0;
      if (delayMs === Number.POSITIVE_INFINITY) return;
      if (delayMs > 0) setTimeout(() => !res.destroyed && send(answer.status, answer.body, answer.headers), delayMs).unref();
      else send(answer.status, answer.body, answer.headers);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closed: Promise<void> | undefined;
  return {
    url,
    tokenUrl: `${url}/token`,
    revocationUrl: `${url}/revoke`,
    respond(fn) {
      responder = fn;
    },
    requests,
    count(path) {
      return path === undefined ? requests.length : requests.filter((r) => r.path === path).length;
    },
    close() {
      closed ??= new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      });
      return closed;
    },
  };
}
