/**
 * Issue 12 item 3: the proxy never logs bodies, credentials or query strings. Proxied calls (with a
 * secret in the query, in both bodies and in the provider's headers, and a 401 that renews the token)
 * run with the log at `info`; the captured log holds none of those secrets, and records each call's
 * method, path (slug included, no query), status and duration. Logging does not depend on the store: SQLite.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.ts';
import { redactUrl } from '../src/http/log-redaction.ts';
import { SLUG, USER, startProxyRig, stopProxyRig, type ProxyRig } from './support/proxy-rig.ts';

describe('the proxy leaves no secret in the request log', () => {
  let rig: ProxyRig;
  let app: FastifyInstance;
  const lines: string[] = [];

  beforeAll(async () => {
    rig = await startProxyRig('sqlite', 'proxy-log');
    app = await createApp({ ...rig.h.deps, logLevel: 'info', logStream: { write: (line: string) => lines.push(line) } });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await stopProxyRig(rig);
  });

  it('query values and names, bodies, tokens and the API key: 0 hits; method, path, status and duration: logged', async () => {
    let calls = 0;
    rig.stub.answer((_req, res) => {
      calls++;
      // The first answer refuses the token: the proxy renews it and replays.
      if (calls === 1) return void res.writeHead(401).end('provider-401-body-secret');
      res.writeHead(200, { 'x-provider-token': 'provider-header-secret' }).end('provider-response-body-secret');
    });
    const res = await app.inject({
      method: 'POST',
      url: `/proxy/${SLUG}/items?api_secret_param=query-value-secret`,
      headers: { authorization: `Bearer ${rig.h.apiKey}`, 'openpipes-user-id': USER, 'content-type': 'application/json' },
      payload: '{"card":"request-body-secret"}',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toBe('provider-response-body-secret');
    expect(calls).toBe(2);
    const renewed = rig.stub.received[1]!.headers.authorization!.slice('Bearer '.length);
    expect(renewed).not.toBe(rig.tokens.access_token);

    const log = lines.join('\n');
    for (const secret of [
      'query-value-secret',
      'api_secret_param',
      'request-body-secret',
      'provider-response-body-secret',
      'provider-401-body-secret',
      'provider-header-secret',
      rig.h.apiKey,
      rig.tokens.access_token,
      rig.tokens.refresh_token,
      renewed,
    ]) {
      expect(log.includes(secret), `log holds ${secret.slice(0, 12)}…`).toBe(false);
    }
    const entries = lines.map((l) => JSON.parse(l));
    const incoming = entries.find((e) => e.req?.url?.startsWith(`/proxy/${SLUG}/`));
    expect(incoming.req).toMatchObject({ method: 'POST', url: `/proxy/${SLUG}/items` });
    const done = entries.find((e) => e.reqId === incoming.reqId && e.res);
    expect(done.res.statusCode).toBe(200);
    expect(typeof done.responseTime).toBe('number');
  });

  it('redactUrl drops a proxied query entirely, and keeps masking long segments', () => {
    expect(redactUrl('/proxy/acme/users?token=abc&x=1')).toBe('/proxy/acme/users');
    expect(redactUrl(`/proxy/acme/${'a'.repeat(43)}/x?y=1`)).toBe('/proxy/acme/[REDACTED]/x');
    expect(redactUrl('/data-integrations?limit=5')).toBe('/data-integrations?limit=[REDACTED]');
  });
});
