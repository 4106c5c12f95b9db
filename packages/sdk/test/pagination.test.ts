import { describe, expect, it } from 'vitest';
import { AutoPaginatable, OpenPipesError } from '../src/index.js';
import { BASE_HEADERS, BASE_URL, makeClient, wireDataIntegration } from './helpers.js';

function page(ids: string[], after: string | null, before: string | null = null) {
  return {
    object: 'list',
    data: ids.map((id) => wireDataIntegration(id, id.replace('data_integration_', 'p'))),
    list_metadata: { before, after },
  };
}

describe('listDataIntegrations (R4) pagination', () => {
  it('returns the first page, then autoPagination follows `after` with limit=100 across 3 pages', async () => {
    const { op, calls } = makeClient([
      { body: page(['data_integration_1', 'data_integration_2'], 'data_integration_2') },
      { body: page(['data_integration_3', 'data_integration_4'], 'data_integration_4', 'data_integration_3') },
      { body: page(['data_integration_5'], null, 'data_integration_5') },
    ]);

    const first = await op.pipes.listDataIntegrations({ ownership: 'user', limit: 2, order: 'asc' });

    expect(first).toBeInstanceOf(AutoPaginatable);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe('GET');
    expect(calls[0]!.url).toBe(`${BASE_URL}/data-integrations?ownership=user&limit=2&order=asc`);
    expect(calls[0]!.headers).toStrictEqual(BASE_HEADERS);
    expect(first.object).toBe('list');
    expect(first.data.map((d) => d.id)).toStrictEqual(['data_integration_1', 'data_integration_2']);
    expect(first.data[0]!.integrationType).toBe('p1');
    expect(first.data[0]!.redirectUri).toBe('https://pipes.example.com/data-integrations/p1/dik_1/callback');
    expect(first.listMetadata).toStrictEqual({ before: null, after: 'data_integration_2' });

    const all = await first.autoPagination();

    expect(all.map((d) => d.id)).toStrictEqual([
      'data_integration_1',
      'data_integration_2',
      'data_integration_3',
      'data_integration_4',
      'data_integration_5',
    ]);
    expect(calls.map((c) => c.path)).toStrictEqual([
      '/data-integrations?ownership=user&limit=2&order=asc',
      '/data-integrations?ownership=user&limit=100&after=data_integration_2&order=asc',
      '/data-integrations?ownership=user&limit=100&after=data_integration_4&order=asc',
    ]);
  });

  it('defaults order to desc and iterates with for await', async () => {
    const { op, calls } = makeClient([
      { body: page(['data_integration_1'], 'data_integration_1') },
      { body: page(['data_integration_2'], 'data_integration_2') },
      { body: page(['data_integration_3'], null) },
    ]);
    const first = await op.pipes.listDataIntegrations();
    const seen: string[] = [];
    for await (const integration of first) seen.push(integration.id);
    expect(seen).toStrictEqual(['data_integration_1', 'data_integration_2', 'data_integration_3']);
    expect(calls.map((c) => c.path)).toStrictEqual([
      '/data-integrations?order=desc',
      '/data-integrations?limit=100&after=data_integration_1&order=desc',
      '/data-integrations?limit=100&after=data_integration_2&order=desc',
    ]);
  });

  it('does not fetch more when the first page has no `after`', async () => {
    const { op, calls } = makeClient([{ body: { object: 'list', data: [], list_metadata: { before: null, after: null } } }]);
    const first = await op.pipes.listDataIntegrations({ after: 'data_integration_0' });
    expect(await first.autoPagination()).toStrictEqual([]);
    expect(calls.map((c) => c.path)).toStrictEqual(['/data-integrations?after=data_integration_0&order=desc']);
  });

  it('stops with an error when the server repeats a cursor', async () => {
    const { op } = makeClient([
      { body: page(['data_integration_1'], 'data_integration_1') },
      { body: page(['data_integration_1'], 'data_integration_1') },
    ]);
    const first = await op.pipes.listDataIntegrations();
    const error = await first.autoPagination().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenPipesError);
    expect((error as OpenPipesError).code).toBe('pagination_loop');
  });
});

describe('events.listEvents (GET /events)', () => {
  const connected = {
    object: 'event',
    id: 'event_01',
    event: 'pipes.connected_account.connected',
    data: {
      object: 'connected_account',
      id: 'data_installation_1',
      data_integration_id: 'data_integration_1',
      provider_slug: 'github',
      user_id: 'user_1',
      organization_id: null,
      scopes: ['repo'],
      state: 'connected',
      created_at: '2024-01-15T10:30:00.000Z',
      updated_at: '2024-01-15T10:30:00.000Z',
    },
    created_at: '2024-01-15T10:30:00.123Z',
  };
  const failed = {
    object: 'event',
    id: 'event_02',
    event: 'pipes.connected_account.connection_failed',
    data: {
      object: 'connection_failed',
      data_integration_id: 'data_integration_1',
      provider_slug: 'github',
      user_id: 'user_1',
      organization_id: 'org_1',
      error_code: 'provider_error',
      error_reason: 'The user denied access',
      provider_error: 'access_denied',
      provider_error_description: null,
      created_at: '2024-01-15T10:31:00.000Z',
    },
    created_at: '2024-01-15T10:31:00.000Z',
  };
  const unknown = {
    object: 'event',
    id: 'event_03',
    event: 'something.else',
    data: { some_key: 1 },
    created_at: '2024-01-15T10:32:00.000Z',
    context: { trace_id: 'abc' },
  };

  it('sends comma-joined events and snake_case filters, deserializes events, and paginates', async () => {
    const { op, calls } = makeClient([
      { body: { object: 'list', data: [connected], list_metadata: { before: null, after: 'event_01' } } },
      { body: { object: 'list', data: [failed, unknown], list_metadata: { before: 'event_02', after: null } } },
    ]);

    const first = await op.events.listEvents({
      events: ['pipes.connected_account.connected', 'pipes.connected_account.connection_failed'],
      organizationId: 'org_1',
      rangeStart: new Date('2024-01-01T00:00:00.000Z'),
      rangeEnd: '2024-02-01T00:00:00.000Z',
      limit: 1,
      order: 'asc',
    });

    expect(calls[0]!.method).toBe('GET');
    expect(calls[0]!.url).toBe(
      `${BASE_URL}/events?events=pipes.connected_account.connected%2Cpipes.connected_account.connection_failed` +
        '&organization_id=org_1&range_start=2024-01-01T00%3A00%3A00.000Z&range_end=2024-02-01T00%3A00%3A00.000Z' +
        '&limit=1&order=asc',
    );
    expect(calls[0]!.headers).toStrictEqual(BASE_HEADERS);
    expect(first.data).toStrictEqual([
      {
        id: 'event_01',
        event: 'pipes.connected_account.connected',
        createdAt: '2024-01-15T10:30:00.123Z',
        context: undefined,
        data: {
          object: 'connected_account',
          id: 'data_installation_1',
          dataIntegrationId: 'data_integration_1',
          providerSlug: 'github',
          userId: 'user_1',
          organizationId: null,
          scopes: ['repo'],
          state: 'connected',
          createdAt: '2024-01-15T10:30:00.000Z',
          updatedAt: '2024-01-15T10:30:00.000Z',
        },
      },
    ]);

    const all = await first.autoPagination();
    expect(calls[1]!.path).toBe(
      '/events?events=pipes.connected_account.connected%2Cpipes.connected_account.connection_failed' +
        '&organization_id=org_1&range_start=2024-01-01T00%3A00%3A00.000Z&range_end=2024-02-01T00%3A00%3A00.000Z' +
        '&limit=100&after=event_01&order=asc',
    );
    expect(all.map((e) => e.id)).toStrictEqual(['event_01', 'event_02', 'event_03']);
    expect(all[1]).toStrictEqual({
      id: 'event_02',
      event: 'pipes.connected_account.connection_failed',
      createdAt: '2024-01-15T10:31:00.000Z',
      context: undefined,
      data: {
        object: 'connection_failed',
        dataIntegrationId: 'data_integration_1',
        providerSlug: 'github',
        userId: 'user_1',
        organizationId: 'org_1',
        errorCode: 'provider_error',
        errorReason: 'The user denied access',
        providerError: 'access_denied',
        providerErrorDescription: null,
        createdAt: '2024-01-15T10:31:00.000Z',
      },
    });
    // unknown events keep their raw payload
    expect(all[2]).toStrictEqual({
      id: 'event_03',
      event: 'something.else',
      createdAt: '2024-01-15T10:32:00.000Z',
      context: { trace_id: 'abc' },
      data: { some_key: 1 },
    });
  });

  it('sends a bare /events without options and no default order', async () => {
    const { op, calls } = makeClient([{ body: { object: 'list', data: [], list_metadata: { before: null, after: null } } }]);
    const result = await op.events.listEvents();
    expect(calls[0]!.url).toBe(`${BASE_URL}/events`);
    expect(result.listMetadata).toStrictEqual({ before: null, after: null });
  });

  it('sends a single event name as-is and drops an empty events list', async () => {
    const empty = { object: 'list', data: [], list_metadata: { before: null, after: null } };
    const { op, calls } = makeClient([{ body: empty }, { body: empty }]);
    await op.events.listEvents({ events: ['pipes.connected_account.disconnected'], after: 'event_9' });
    await op.events.listEvents({ events: [] });
    expect(calls[0]!.path).toBe('/events?events=pipes.connected_account.disconnected&after=event_9');
    expect(calls[1]!.path).toBe('/events');
  });
});
