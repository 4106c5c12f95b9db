/**
 * A misbehaving OAuth token endpoint for failure-path tests: a tiny node:http server on 127.0.0.1
 * whose answers are switched with `setMode()`.
 *
 * Paths: `POST /token` (token endpoint) and `POST /revoke` (revocation endpoint); anything else is 404.
 *
 * | mode               | /token                                                           | /revoke              |
 * |--------------------|------------------------------------------------------------------|----------------------|
 * | `ok`               | 200 `{access_token:'fault-at-<n>', token_type:'bearer', expires_in:3600, refresh_token:'fault-rt-<n>', scope:'read'}` | 200 (empty body) |
 * | `server_error`     | 500 `{"error":"server_error"}`                                   | same                 |
 * | `timeout`          | never answers (until `close()`, which destroys the sockets)      | same                 |
 * | `dropped`          | reads the request, then closes the connection without answering | same                 |
 * | `rate_limited`     | 429 + `Retry-After: 5`, `{"error":"rate_limited"}`               | same                 |
 * | `invalid_grant`    | 400 `{"error":"invalid_grant"}`                                  | same                 |
 * | `github_error_200` | 200 `{"error":"bad_refresh_token","error_description":"…"}`      | same                 |
 *
 * `<n>` counts the successful ('ok') token responses, starting at 1.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultMode = 'ok' | 'server_error' | 'timeout' | 'dropped' | 'rate_limited' | 'invalid_grant' | 'github_error_200';

export interface FaultRequest {
  method: string;
  path: string;
  body: string;
  headers: IncomingHttpHeaders;
}

export interface FaultTokenServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  tokenUrl: string;
  revocationUrl: string;
  readonly mode: FaultMode;
  setMode(mode: FaultMode): void;
  /** Every request received, in order (recorded once its body has been read). */
  requests: FaultRequest[];
  /** Number of requests received (for one path, e.g. '/token', if given). */
  count(path?: string): number;
  close(): Promise<void>;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export async function startFaultTokenServer(initialMode: FaultMode = 'ok'): Promise<FaultTokenServer> {
  let mode: FaultMode = initialMode;
  let issued = 0;
  const requests: FaultRequest[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();

  const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { ...JSON_HEADERS, 'content-length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  };

  const answerFault = (res: ServerResponse): boolean => {
    switch (mode) {
      case 'server_error':
        sendJson(res, 500, { error: 'server_error', error_description: 'fault server: simulated failure' });
        return true;
      case 'timeout':
        hanging.add(res);
        res.once('close', () => hanging.delete(res));
        return true;
      case 'dropped':
        res.socket?.destroy();
        return true;
      case 'rate_limited':
        sendJson(res, 429, { error: 'rate_limited', error_description: 'fault server: slow down' }, { 'retry-after': '5' });
        return true;
      case 'invalid_grant':
        sendJson(res, 400, { error: 'invalid_grant', error_description: 'fault server: grant revoked' });
        return true;
      case 'github_error_200':
        sendJson(res, 200, {
          error: 'bad_refresh_token',
          error_description: 'The refresh token passed is incorrect or expired.',
          error_uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors',
        });
        return true;
      case 'ok':
        return false;
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      requests.push({ method: req.method ?? 'GET', path, body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      if (path !== '/token' && path !== '/revoke') return sendJson(res, 404, { error: 'not_found' });
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'method_not_allowed' });
      if (answerFault(res)) return;
      if (path === '/revoke') {
        res.writeHead(200, { 'cache-control': 'no-store', 'content-length': '0' });
        res.end();
        return;
      }
      issued++;
      sendJson(res, 200, {
        access_token: `fault-at-${issued}`,
        token_type: 'bearer',
        expires_in: 3600,
        refresh_token: `fault-rt-${issued}`,
        scope: 'read',
      });
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  let closed: Promise<void> | undefined;
  return {
    url,
    tokenUrl: `${url}/token`,
    revocationUrl: `${url}/revoke`,
    get mode() {
      return mode;
    },
    setMode(next: FaultMode) {
      mode = next;
    },
    requests,
    count(path?: string) {
      return path === undefined ? requests.length : requests.filter((r) => r.path === path).length;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const res of hanging) res.destroy();
        hanging.clear();
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}
