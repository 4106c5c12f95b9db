import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/core/errors.ts';
import { startHarness, type Harness } from './support/harness.ts';

const SRC = join(import.meta.dirname, '..', 'src');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cts|js)$/.test(e.name) ? [path] : [];
  });

describe('the closed error set', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(() => h.close());

  it('lists each code once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('documents exactly ERROR_CODES as the error schema’s code enum', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    const enums = new Set<string>();
    let errorResponses = 0;
    for (const [path, ops] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const op of Object.values<any>(ops)) {
        for (const [status, response] of Object.entries<any>(op.responses ?? {})) {
          // Browser routes answer errors as HTML pages; /ready's 503 is its own documented body.
          if (Number(status) < 400 || op.tags?.includes('Browser routes') || path === '/ready') continue;
          errorResponses++;
          const schema = response.content['application/json'].schema;
          expect(schema, `${path} ${status}`).toEqual({ $ref: '#/components/schemas/ErrorBody' });
          const body = doc.components.schemas.ErrorBody;
          const code = body.properties.code;
          expect(code.enum, `${status} code enum`).toEqual([...ERROR_CODES]);
          enums.add(JSON.stringify(code.enum));
        }
      }
    }
    expect(errorResponses).toBeGreaterThan(0);
    expect(enums.size).toBe(1);
  });

  it('answers with a code from the set (unknown route, missing API key)', async () => {
    for (const [url, status] of [
      ['/no-such-route', 404],
      ['/data-integrations', 401],
    ] as const) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(status);
      expect(ERROR_CODES).toContain(res.json().code);
    }
  });

  it('builds every AppError through a named constructor in errors.ts', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files
      .filter((f) => relative(SRC, f) !== 'core/errors.ts')
      .filter((f) => /new\s+AppError\s*\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
    expect(readFileSync(join(SRC, 'core/errors.ts'), 'utf8')).toMatch(/new AppError\(/);
  });
});

describe('errors a newcomer can act on', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite', { allowedReturnOrigins: ['https://app.example.com'] });
    const created = await h.request('POST', '/data-integrations', {
      provider: 'github',
      enabled: true,
      credentials: { type: 'custom', client_id: 'client-id', client_secret: 'client-secret-value' },
    });
    expect(created.status, created.text).toBe(201);
  });
  afterAll(() => h.close());

  it('a key sent without "Bearer " gets 401 saying to send Authorization: Bearer sk_…, without echoing it', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/data-integrations', headers: { authorization: h.apiKey } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthorized');
    expect(res.json().message).toContain('Authorization: Bearer sk_');
    expect(res.body).not.toContain(h.apiKey);
    // A wrong key with the right scheme is still plainly "not valid".
    const wrong = await h.app.inject({ method: 'GET', url: '/data-integrations', headers: { authorization: 'Bearer sk_wrong' } });
    expect(wrong.json().message).toBe('The API key is not valid.');
  });

  it('userId instead of user_id: the 400 names both the missing field and the near-miss sent instead', async () => {
    const res = await h.request('POST', '/data-integrations/github/token', { userId: 'user_1' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
    expect(res.body.message).toBe('The request body is invalid: user_id required. userId was sent instead: did you mean user_id?');
    expect(res.body.errors).toEqual([
      { field: 'user_id', code: 'required' },
      { field: 'userId', code: 'unknown_field' },
    ]);
  });

  it('an unknown field next to the required ones is refused as before, with the closest known field suggested', async () => {
    const res = await h.request('POST', '/data-integrations/github/token', { user_id: 'user_1', organisation_id: 'org_1' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'organisation_id', code: 'unknown_field' }]);
    expect(res.body.message).toContain('did you mean organization_id?');
    const nested = await h.request('POST', '/data-integrations', {
      provider: 'gitlab',
      credentials: { type: 'custom', clientId: 'x', client_secret: 'y' },
    });
    expect(nested.status).toBe(400);
    expect(nested.body.errors).toEqual([{ field: 'credentials.clientId', code: 'unknown_field' }]);
    expect(nested.body.message).toContain('did you mean credentials.client_id?');
    const query = await h.request('GET', '/data-integrations?limt=5');
    expect(query.status).toBe(400);
    expect(query.body.errors).toEqual([{ field: 'limt', code: 'unknown_field' }]);
    expect(query.body.message).toBe(
      'The request query string is invalid: limt unknown_field. limt is not a field here: did you mean limit?',
    );
    // Nothing close: no suggestion, same answer as before.
    const far = await h.request('POST', '/data-integrations/github/token', { user_id: 'user_1', zzz: 1 });
    expect(far.body.message).toBe('The request body is invalid: zzz unknown_field.');
  });

  it('an unknown provider or integration points to GET /catalog/providers and GET /data-integrations', async () => {
    const create = await h.request('POST', '/data-integrations', { provider: 'githib' });
    expect(create.status).toBe(404);
    expect(create.body).toMatchObject({ code: 'entity_not_found', entity_id: 'githib' });
    expect(create.body.message).toContain('GET /catalog/providers');
    const catalog = await h.request('GET', '/catalog/providers/githib');
    expect(catalog.status).toBe(404);
    expect(catalog.body.message).toContain('GET /catalog/providers');
    const vend = await h.request('POST', '/data-integrations/gitlab/token', { user_id: 'user_1' });
    expect(vend.status).toBe(404);
    expect(vend.body.message).toContain('GET /data-integrations');
    expect(vend.body.message).toContain('GET /catalog/providers');
  });

  it('a refused return_to says how to allow its origin (dashboard, CLI, OPENPIPES_ALLOWED_RETURN_ORIGINS)', async () => {
    const res = await h.request('POST', '/data-integrations/github/authorize', {
      user_id: 'user_1',
      return_to: 'https://other.example.com/done',
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual([{ field: 'return_to', code: 'not_allowed' }]);
    const message: string = res.body.message;
    expect(message).toContain('https://app.example.com');
    expect(message).toContain('To allow https://other.example.com');
    expect(message).toContain('Environments → default');
    expect(message).toContain('openpipes environments set default --return-origin');
    expect(message).toContain('OPENPIPES_ALLOWED_RETURN_ORIGINS');
  });
});
