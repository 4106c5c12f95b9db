import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stub API received: what the provider would have seen. */
export interface StubRequest {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  headers: IncomingHttpHeaders;
  /** Bytes of body received. */
  bodyBytes: number;
  /** The body, when it is at most 1 MiB (larger ones are only counted). */
  body: Buffer | null;
}

/** Answers one request; `n` counts the requests so far (0 for the first). */
export type StubHandler = (req: StubRequest, res: ServerResponse, n: number) => void;

export interface StubApi {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  received: StubRequest[];
  /** Replaces the handler and forgets what was received. */
  answer(handler: StubHandler): void;
  close(): Promise<void>;
}

const KEEP_LIMIT = 1024 * 1024;

/**
 * A provider API on 127.0.0.1 for the proxy tests: it records every request (headers, and the body up
 * to 1 MiB, counting the rest without keeping it) and answers with the current handler (default: 200
 * with a JSON echo of method and URL).
 */
export async function startStubApi(): Promise<StubApi> {
  const echo: StubHandler = (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ method: req.method, url: req.url }));
  };
  let handler = echo;
  const received: StubRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on('data', (c: Buffer) => {
      bytes += c.length;
      if (bytes <= KEEP_LIMIT) chunks.push(c);
    });
    req.on('end', () => {
      const recorded: StubRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        bodyBytes: bytes,
        body: bytes <= KEEP_LIMIT ? Buffer.concat(chunks) : null,
      };
      received.push(recorded);
      handler(recorded, res, received.length - 1);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    received,
    answer(next) {
      handler = next;
      received.length = 0;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
