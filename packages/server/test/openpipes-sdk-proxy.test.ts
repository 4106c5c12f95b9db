/**
 * `op.proxy` of our own SDK against a really listening OpenPipes and a local stub provider API
 * (issue 12 item 4): the provider's answers come back as `Response`s whatever their status, a
 * streamed upload arrives whole, and OpenPipes' own refusals throw the SDK's errors.
 */
import { NotFoundError, OpenPipes } from '@openpipes/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { listenHarness } from './support/listen.ts';
import { startStubApi, type StubApi } from './support/stub-api.ts';

/** The stub's echo of what it received. */
interface Echo {
  method: string;
  url: string;
  authorization: string | undefined;
  bytes: number;
}

describe.each(DIALECTS)('@openpipes/node proxy against OpenPipes on %s', (dialect) => {
  let h: Harness;
  let op: OpenPipes;
  let stub: StubApi;
  const token = 'stub-access-token-5150';

  beforeAll(async () => {
    stub = await startStubApi();
    // What the provider received, echoed; 404 under /api/missing.
    stub.answer((req, res) => {
      const missing = req.url.startsWith('/api/missing');
      res.writeHead(missing ? 404 : 200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          missing
            ? { message: 'Not Found' }
            : { method: req.method, url: req.url, authorization: req.headers.authorization, bytes: req.bodyBytes },
        ),
      );
    });
    h = await startHarness(dialect, { allowInsecureProviderUrls: true });
    const { baseUrl } = await listenHarness(h);
    op = new OpenPipes(h.apiKey, { baseUrl, maxRetries: 0 });
    const created = await h.request('POST', '/data-integrations', {
      provider: 'stubapi',
      enabled: true,
      credentials: { type: 'custom', client_id: 'cid', client_secret: 'stub-client-secret' },
      custom_provider: {
        name: 'Stub API',
        authorization_url: 'https://auth.stub.test/authorize',
        token_url: 'https://auth.stub.test/token',
        api_base_url: `${stub.origin}/api`,
      },
    });
    expect(created.status, created.text).toBe(201);
    const imported = await h.request('POST', '/user_management/users/user_1/connected_accounts/stubapi', { access_token: token });
    expect(imported.status, imported.text).toBe(201);
  });
  afterAll(async () => {
    await h?.close();
    await stub?.close();
  });

  it('get: the credential is attached and the answer is the provider’s', async () => {
    const res = await op.proxy.get('stubapi', '/items', { userId: 'user_1', query: { page: 2 } });
    expect(res.status).toBe(200);
    expect(res.headers.get('openpipes-proxy-source')).toBe('provider');
    const body = (await res.json()) as Echo;
    expect(body).toMatchObject({ method: 'GET', url: '/api/items?page=2', authorization: `Bearer ${token}` });
  });

  it("post streams a body; the provider's 404 is a Response, not an exception", async () => {
    const chunks = Array.from({ length: 64 }, () => new Uint8Array(16 * 1024).fill(7));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.pop();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const posted = await op.proxy.post('stubapi', '/upload', {
      userId: 'user_1',
      body: stream,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(posted.status).toBe(200);
    expect(((await posted.json()) as Echo).bytes).toBe(64 * 16 * 1024);
    const missing = await op.proxy.get('stubapi', '/missing/thing', { userId: 'user_1' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'Not Found' });
  });

  it('the custom provider shows its API base URL (camelCased) to the SDK', async () => {
    const integration = await op.pipes.getDataIntegration('stubapi');
    expect(integration.customProvider?.apiBaseUrl).toBe(`${stub.origin}/api`);
  });

  it('no connection for the user: NotFoundError from OpenPipes, and the provider is not called', async () => {
    const before = stub.received.length;
    const error = await op.proxy.get('stubapi', '/items', { userId: 'nobody' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe('not_installed');
    expect(stub.received.length).toBe(before);
  });
});
