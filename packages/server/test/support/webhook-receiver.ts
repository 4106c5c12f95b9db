import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
  /** The request path: each test's endpoint has its own. */
  path: string;
  /** The event id in the body, for counting attempts per event. */
  eventId: string;
  /** When the whole request had arrived (ms since the epoch). */
  at: number;
  /** When the request began to arrive, and when the answer was sent (null until then, or never: hang). */
  startedAt: number;
  answeredAt: number | null;
  /** The status answered (null until answered). */
  status: number | null;
  /** The sender's TCP port (which connection, hence which process, sent it). */
  remotePort: number;
}

export interface ReceiverBehaviour {
  /** Fail (500) this many attempts of every event before answering 200. */
  failFirst?: number;
  /** Never answer (the sender's timeout must end the attempt). */
  hang?: boolean;
  /** Answer this many milliseconds after the request arrived (a slow receiver). */
  delayMs?: number;
}

/** A webhook receiver on 127.0.0.1 for tests: records every request and answers as told. */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  behaviour: ReceiverBehaviour = {};
  private readonly server: Server;
  private readonly hanging = new Set<import('node:http').ServerResponse>();
  private readonly delayed = new Set<NodeJS.Timeout>();

  private constructor() {
    this.server = createServer((req, res) => {
      const startedAt = Date.now();
      const remotePort = req.socket.remotePort ?? 0;
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        body += chunk;
      });
      req.on('end', () => {
        let eventId = '';
        try {
          eventId = String((JSON.parse(body) as { id?: unknown }).id ?? '');
        } catch {
          eventId = '';
        }
        const path = req.url ?? '';
        const record: ReceivedDelivery = {
          headers: req.headers,
          body,
          path,
          eventId,
          at: Date.now(),
          startedAt,
          answeredAt: null,
          status: null,
          remotePort,
        };
        this.received.push(record);
        if (this.behaviour.hang) {
          this.hanging.add(res);
          return;
        }
        const seen = this.received.filter((r) => r.eventId === eventId && r.path === path).length;
        const status = seen <= (this.behaviour.failFirst ?? 0) ? 500 : 200;
        const answer = () => {
          record.answeredAt = Date.now();
          record.status = status;
          res.statusCode = status;
          res.end(status === 200 ? 'ok' : 'not yet');
        };
        const delayMs = this.behaviour.delayMs ?? 0;
        if (delayMs <= 0) return answer();
        const timer = setTimeout(() => {
          this.delayed.delete(timer);
          answer();
        }, delayMs);
        this.delayed.add(timer);
      });
    });
    // Longer than the sender's idle timeout, so the client always closes an idle connection
    // first. Otherwise, when the test process blocks (spawnSync of the CLI) past both timers, the
    // server may close a socket the sender is about to reuse, and an attempt fails for the test's
    // sake alone.
    this.server.keepAliveTimeout = 60_000;
  }

  static async start(): Promise<WebhookReceiver> {
    const r = new WebhookReceiver();
    await new Promise<void>((ok) => r.server.listen(0, '127.0.0.1', () => ok()));
    return r;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  /** Attempts received per event id, in arrival order of each event's first attempt. */
  firstAttemptOrder(path: string): string[] {
    const seen: string[] = [];
    for (const r of this.at(path)) if (!seen.includes(r.eventId)) seen.push(r.eventId);
    return seen;
  }

  /** What one endpoint (path) received. */
  at(path: string): ReceivedDelivery[] {
    return this.received.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    for (const timer of this.delayed) clearTimeout(timer);
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }
}
