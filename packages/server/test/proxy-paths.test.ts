/**
 * Issue 12: a proxied request reaches the provider's API base URL and nothing else. Hostile paths are
 * sent as raw bytes (Node's client would normalise some of them) to a listening server; each is
 * refused with 400 `proxy_path_refused` and neither the stub API nor the "evil" host gets a request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyTarget } from '../src/proxy/proxy-path.ts';
import { listenHarness } from './support/listen.ts';
import { sendRaw } from './support/raw-http.ts';
import { startStubApi, type StubApi } from './support/stub-api.ts';
import { startProxyRig, stopProxyRig, type ProxyRig } from './support/proxy-rig.ts';

const HOSTILE = [
  '//evil.example/x',
  '/@evil.example/x',
  '/http://evil.example/',
  '/https:/evil.example',
  '/%2F%2Fevil.example',
  '/a%2fb',
  '/..%2F..%2Fadmin',
  '/../admin',
  '/a/%2E%2E/%2e%2e/admin',
  '/a\\..\\admin',
  '/%5Cevil.example',
  '/a%00b',
  '/a%0d%0aHost:%20evil',
];

describe('proxy path checks', () => {
  let rig: ProxyRig;
  let evil: StubApi;
  let port: number;
  beforeAll(async () => {
    rig = await startProxyRig('sqlite', 'proxy-paths');
    evil = await startStubApi();
    port = (await listenHarness(rig.h)).port;
  }, 60_000);
  afterAll(async () => {
    await stopProxyRig(rig);
    await evil.close();
  });

  it.each(HOSTILE)('refuses %s with 400 proxy_path_refused, sending nothing', async (rest) => {
    rig.stub.answer((_req, res) => res.writeHead(200).end('reached'));
    const res = await sendRaw(
      port,
      `GET /proxy/acme${rest.replaceAll('evil.example', `127.0.0.1:${evil.port}`)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${rig.h.apiKey}\r\nOpenPipes-User-Id: user_proxy\r\nConnection: close\r\n\r\n`,
    );
    expect(res.status, res.body).toBe(400);
    expect(JSON.parse(res.body).code).toBe('proxy_path_refused');
    expect(res.headers['openpipes-proxy-source']).toBe('openpipes');
    expect(rig.stub.received).toEqual([]);
    expect(evil.received).toEqual([]);
  });

  it('headers cannot pick the host: Host, X-Forwarded-Host and an absolute-form request target reach the stub or nothing', async () => {
    rig.stub.answer((req, res) => res.writeHead(200).end(req.headers.host));
    const evilHost = `127.0.0.1:${evil.port}`;
    const send = (target: string, extra: string) =>
      sendRaw(
        port,
        `GET ${target} HTTP/1.1\r\nHost: ${evilHost}\r\n${extra}Authorization: Bearer ${rig.h.apiKey}\r\nOpenPipes-User-Id: user_proxy\r\nConnection: close\r\n\r\n`,
      );
    const viaHeaders = await send('/proxy/acme/me', `X-Forwarded-Host: ${evilHost}\r\nX-Original-URL: http://${evilHost}/\r\n`);
    expect(viaHeaders.status, viaHeaders.body).toBe(200);
    expect(viaHeaders.body).toBe(`127.0.0.1:${rig.stub.port}`);
    const absolute = await send(`http://${evilHost}/proxy/acme/me`, '');
    expect(absolute.status === 200 ? absolute.body : 'refused').not.toBe(evilHost);
    expect(evil.received).toEqual([]);
    expect(rig.stub.received.every((r) => r.headers.host === `127.0.0.1:${rig.stub.port}` && !('x-forwarded-host' in r.headers))).toBe(
      true,
    );
  });

  it('still passes ordinary paths, colons and encoded characters other than separators', async () => {
    rig.stub.answer((req, res) => res.writeHead(200).end(req.url));
    for (const [rest, seen] of [
      ['/models/gemini:generate', '/v1/models/gemini:generate'],
      ['/files/a%20b.txt?q=%2F', '/v1/files/a%20b.txt?q=%2F'],
      ['/', '/v1/'],
    ]) {
      const res = await rig.call('GET', `/proxy/acme${rest}`);
      expect(res.status, rest).toBe(200);
      expect(res.body).toBe(seen);
    }
  });
});

describe('proxyTarget', () => {
  it('joins base and rest with exactly one slash, whatever the base ends with', () => {
    expect(proxyTarget('https://api.example.com/v1', '/users/me', 'x=1').href).toBe('https://api.example.com/v1/users/me?x=1');
    expect(proxyTarget('https://api.example.com/v1/', '/users/me', null).href).toBe('https://api.example.com/v1/users/me');
    expect(proxyTarget('https://api.example.com', '/users', null).href).toBe('https://api.example.com/users');
    expect(proxyTarget('https://api.example.com/', '', null).href).toBe('https://api.example.com/');
    expect(proxyTarget('https://api.example.com/v1', '', '').href).toBe('https://api.example.com/v1');
  });

  it('refuses anything that leaves the base origin or path', () => {
    for (const rest of [
      '//evil.com',
      '/@evil.com',
      'evil',
      '/..',
      '/v2/../../x',
      '/%2e%2E/x',
      '/\\evil',
      '/a%2Fb',
      '/javascript:alert(1)',
    ]) {
      expect(() => proxyTarget('https://api.example.com/v1', rest, null), rest).toThrow(/proxied path is refused/);
    }
  });
});
