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
    for (const ops of Object.values<Record<string, any>>(doc.paths)) {
      for (const op of Object.values<any>(ops)) {
        for (const [status, response] of Object.entries<any>(op.responses ?? {})) {
          if (Number(status) < 400) continue;
          errorResponses++;
          const code = response.content['application/json'].schema.properties.code;
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
