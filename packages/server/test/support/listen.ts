import type { AddressInfo } from 'node:net';
import type { Harness } from './harness.ts';

/** The server of a harness, really listening on an ephemeral loopback port (for SDK-driven tests). */
export interface ListeningServer {
  host: string;
  port: number;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
}

/** Makes `h.app` listen on 127.0.0.1 with a free port; `h.close()` (which closes the app) stops it. */
export async function listenHarness(h: Harness): Promise<ListeningServer> {
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const address = h.app.server.address() as AddressInfo | string | null;
  if (address === null || typeof address === 'string') throw new Error(`unexpected server address: ${String(address)}`);
  return { host: '127.0.0.1', port: address.port, baseUrl: `http://127.0.0.1:${address.port}` };
}

/** The `x-request-id` format the server uses: `req_`, a per-process prefix and a counter. */
export const REQUEST_ID_PATTERN = /^req_[0-9a-f]{12}[0-9a-z]{8,}$/;
