import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, OpenPipes, TimeoutError } from '../src/index.js';
import { API_KEY, BASE_URL } from './helpers.js';

interface Sent {
  url: string;
  init: RequestInit & { duplex?: string };
}

/** A fetch answering each call with `answer`, recording what was sent. */
function client(answer: (sent: Sent) => Response | Promise<Response>, timeoutMs = 1_000) {
  const sent: Sent[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const call = { url, init };
    sent.push(call);
    return answer(call);
  };
  const op = new OpenPipes(API_KEY, { baseUrl: BASE_URL, fetch: fetch as never, timeoutMs });
  return { op, sent };
}

const headersOf = (s: Sent | undefined) => new Headers(s?.init.headers);

describe('op.proxy', () => {
  it('sends the call to /proxy/:slug/path with the API key, the connection headers and the query', async () => {
    const { op, sent } = client(() => new Response('[]', { status: 200, headers: { 'OpenPipes-Proxy-Source': 'provider' } }));
    const res = await op.proxy.get('github', '/user/repos', {
      userId: 'user_1',
      organizationId: 'org_1',
      connectionOwner: 'organization',
      connectedAccountId: 'data_installation_1',
      query: { per_page: 5, page: null },
      headers: { Accept: 'application/vnd.github+json' },
      retries: 2,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('[]');
    expect(sent[0]?.url).toBe(`${BASE_URL}/proxy/github/user/repos?per_page=5`);
    expect(sent[0]?.init.method).toBe('GET');
    const h = headersOf(sent[0]);
    expect(h.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(h.get('openpipes-user-id')).toBe('user_1');
    expect(h.get('openpipes-organization-id')).toBe('org_1');
    expect(h.get('openpipes-connection-owner')).toBe('organization');
    expect(h.get('openpipes-connected-account-id')).toBe('data_installation_1');
    expect(h.get('openpipes-retries')).toBe('2');
    expect(h.get('accept')).toBe('application/vnd.github+json');
  });

  it('a caller cannot replace the API key or the connection headers through `headers`', async () => {
    const { op, sent } = client(() => new Response(null, { status: 204 }));
    await op.proxy.request({
      provider: 'github',
      path: '/x',
      method: 'delete',
      userId: 'user_1',
      headers: { authorization: 'Bearer other', 'openpipes-user-id': 'someone_else', 'OpenPipes-Connected-Account-Id': 'x' },
    });
    const h = headersOf(sent[0]);
    expect(sent[0]?.init.method).toBe('DELETE');
    expect(h.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(h.get('openpipes-user-id')).toBe('user_1');
    expect(h.has('openpipes-connected-account-id')).toBe(false);
  });

  it('post sends `json` as JSON and a stream as a half-duplex stream', async () => {
    const { op, sent } = client(() => new Response('{}', { status: 201 }));
    await op.proxy.post('notion', '/v1/pages', { userId: 'u', json: { title: 'a' } });
    expect(sent[0]?.init.body).toBe('{"title":"a"}');
    expect(headersOf(sent[0]).get('content-type')).toBe('application/json');
    const stream = new Blob(['chunk']).stream();
    await op.proxy.post('notion', '/v1/files', { userId: 'u', body: stream });
    expect(sent[1]?.init.body).toBe(stream);
    expect(sent[1]?.init.duplex).toBe('half');
  });

  it("the provider's errors come back as the Response; OpenPipes' own refusals throw its errors", async () => {
    const provider404 = client(
      () => new Response('{"message":"Not Found"}', { status: 404, headers: { 'OpenPipes-Proxy-Source': 'provider' } }),
    );
    const res = await provider404.op.proxy.get('github', '/repos/x/y', { userId: 'u' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'Not Found' });

    const own = (status: number, code: string) =>
      client(
        () =>
          new Response(JSON.stringify({ code, message: 'from OpenPipes' }), {
            status,
            headers: { 'OpenPipes-Proxy-Source': 'openpipes', 'Content-Type': 'application/json' },
          }),
      ).op.proxy.get('github', '/user', { userId: 'u' });
    await expect(own(404, 'not_installed')).rejects.toBeInstanceOf(NotFoundError);
    await expect(own(409, 'account_selection_required')).rejects.toMatchObject({ code: 'account_selection_required' });
    await expect(own(409, 'account_selection_required')).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses a path that does not start with "/" before sending anything', async () => {
    const { op, sent } = client(() => new Response(''));
    await expect(op.proxy.get('github', 'https://evil.example/', { userId: 'u' })).rejects.toThrow(/path starting with/);
    expect(sent).toHaveLength(0);
  });

  it('times out waiting for the headers only', async () => {
    const { op } = client(
      (s) =>
        new Promise<Response>((_, reject) => {
          s.init.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
      50,
    );
    await expect(op.proxy.get('github', '/slow', { userId: 'u' })).rejects.toBeInstanceOf(TimeoutError);
  });
});
