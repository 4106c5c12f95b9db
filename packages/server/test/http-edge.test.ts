/**
 * The HTTP edge (docs/security.md §H): request deadlines on a real socket, the headers every
 * answer carries (nosniff, HSTS behind an https public URL), and the API documentation unframeable.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.ts';
import { startHarness, type Harness } from './support/harness.ts';

/**
 * Writes `head` (and `partialBody`) on a raw socket and never finishes the request; resolves with
 * what the server answered and when it closed the socket, or `closedAfterMs: null` if it was still
 * open after `giveUpMs`.
 */
function stall(port: number, head: string, giveUpMs: number): Promise<{ answer: string; closedAfterMs: number | null }> {
  return new Promise((done) => {
    const started = Date.now();
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    socket.setEncoding('utf8');
    socket.on('data', (d) => (answer += d));
    socket.on('error', () => undefined);
    const timer = setTimeout(() => {
      socket.destroy();
      done({ answer, closedAfterMs: null });
    }, giveUpMs);
    socket.on('close', () => {
      clearTimeout(timer);
      done({ answer, closedAfterMs: Date.now() - started });
    });
  });
}

describe('request deadlines on a listening server', () => {
  let h: Harness;
  let app: FastifyInstance;
  let port: number;
  const REQUEST_MS = 800;

  beforeAll(async () => {
    h = await startHarness('sqlite');
    app = await createApp({ ...h.deps, httpTimeouts: { requestMs: REQUEST_MS, headersMs: REQUEST_MS / 2, keepAliveMs: REQUEST_MS } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  const partialPost = (auth: string) =>
    `POST /data-integrations HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"provider":`;

  it.each([
    ['with a valid API key', () => `Authorization: Bearer ${h.apiKey}\r\n`],
    ['without authentication', () => ''],
  ])('a body that stops after 12 of 100 bytes is cut off within the request deadline, %s', async (_label, auth) => {
    const { answer, closedAfterMs } = await stall(port, partialPost(auth()), REQUEST_MS + 4_000);
    expect(closedAfterMs, 'the socket stayed open').not.toBeNull();
    expect(closedAfterMs!).toBeLessThan(REQUEST_MS + 1_500);
    // With a key the route never ran (408 or a bare close); without one the 401 went out first.
    expect(answer).not.toMatch(/^HTTP\/1\.1 20/);
  });

  it('headers that never end are cut off within the headers deadline', async () => {
    const { closedAfterMs } = await stall(port, 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a', REQUEST_MS + 4_000);
    expect(closedAfterMs, 'the socket stayed open').not.toBeNull();
    expect(closedAfterMs!).toBeLessThan(REQUEST_MS / 2 + 1_500);
  });

  it('an idle keep-alive connection is closed after the keep-alive deadline; a complete request is answered', async () => {
    const { answer, closedAfterMs } = await stall(port, 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', REQUEST_MS + 4_000);
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(closedAfterMs, 'the socket stayed open').not.toBeNull();
    expect(closedAfterMs!).toBeLessThan(REQUEST_MS + 1_500);
  });
});

describe('headers on every answer', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(async () => {
    await h?.close();
  });

  const answers = async (app: FastifyInstance) => [
    await app.inject({ method: 'GET', url: '/health' }),
    await app.inject({
      method: 'POST',
      url: '/data-integrations/github/token',
      headers: { authorization: `Bearer ${h.apiKey}` },
      payload: { user_id: 'u' },
    }),
    await app.inject({ method: 'GET', url: '/data-integrations' }),
    await app.inject({ method: 'GET', url: '/no/such/route' }),
    await app.inject({ method: 'POST', url: '/data-integrations', headers: { 'content-type': 'text/plain' }, payload: 'x' }),
    await app.inject({ method: 'GET', url: '/openapi.json' }),
    await app.inject({ method: 'GET', url: '/docs' }),
    await app.inject({ method: 'GET', url: '/dashboard/sign-in' }),
    await app.inject({ method: 'GET', url: '/widgets/pipes' }),
    await app.inject({ method: 'GET', url: '/widgets/embed.js' }),
    await app.inject({ method: 'GET', url: '/pipes/redirecting' }),
    await app.inject({ method: 'GET', url: `/data-integrations/${'A'.repeat(43)}/authorize-redirect` }),
  ];

  it('X-Content-Type-Options: nosniff and, with an https public URL, Strict-Transport-Security on every answer', async () => {
    const all = await answers(h.app);
    expect(new Set(all.map((r) => r.statusCode)).size).toBeGreaterThanOrEqual(3);
    for (const res of all) {
      expect(res.headers['x-content-type-options'], `${res.statusCode} ${res.body.slice(0, 80)}`).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    }
  });

  it('no HSTS when the public URL is plain http', async () => {
    const app = await createApp({ ...h.deps, publicUrl: 'http://127.0.0.1:8080' });
    try {
      for (const res of await answers(app)) {
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
    } finally {
      await app.close();
    }
  });

  it('/docs may not be framed; the widget pages keep their own frame-ancestors', async () => {
    const docs = await h.app.inject({ method: 'GET', url: '/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['x-frame-options']).toBe('DENY');
    expect(docs.headers['content-security-policy']).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
    const widget = await h.app.inject({ method: 'GET', url: '/widgets/pipes' });
    expect(widget.headers['x-frame-options']).toBeUndefined();
    expect(widget.headers['content-security-policy']).toContain('frame-ancestors https://app.example.com');
  });
});
