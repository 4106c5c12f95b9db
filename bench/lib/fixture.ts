/**
 * What the benchmarks measure against, built through the public API of a running OpenPipes (so
 * every stored value is exactly what the server itself writes): integrations, a user's
 * connections in an organization, and that organization's overrides.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './process.ts';

export type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; text: string }>;

export function apiClient(base: string, apiKey: string): Call {
  return async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, text: await res.text() };
  };
}

export async function must(call: Call, method: string, path: string, body?: unknown): Promise<string> {
  const res = await call(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${res.text}`);
  return res.text;
}

const builtinSlugs = (): string[] =>
  readdirSync(join(root, 'packages/server/src/catalog/providers'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .sort();

/**
 * `count` enabled integrations with custom (environment-wide) credentials: the built-in providers
 * that need nothing more, then custom providers (`bench-NN`) to make up the count.
 */
export async function createIntegrations(call: Call, count: number): Promise<string[]> {
  const slugs: string[] = [];
  for (const provider of builtinSlugs()) {
    if (slugs.length >= count) break;
    const res = await call('POST', '/data-integrations', {
      provider,
      enabled: true,
      credentials: { type: 'custom', client_id: `bench-${provider}`, client_secret: `bench-secret-${provider}` },
    });
    if (res.status === 201) slugs.push(provider);
  }
  for (let i = 0; slugs.length < count; i++) {
    const slug = `bench-${String(i).padStart(2, '0')}`;
    await must(call, 'POST', '/data-integrations', {
      provider: slug,
      enabled: true,
      credentials: { type: 'custom', client_id: `bench-${slug}`, client_secret: `bench-secret-${slug}` },
      custom_provider: {
        name: `Bench ${i}`,
        authorization_url: 'https://auth.bench.test/authorize',
        token_url: 'https://auth.bench.test/token',
      },
    });
    slugs.push(slug);
  }
  return slugs;
}

/** Imports a valid access token for `userId` in `organizationId` on each slug. */
export async function connectUser(call: Call, userId: string, organizationId: string, slugs: readonly string[]): Promise<void> {
  for (const slug of slugs) {
    await must(call, 'POST', `/user_management/users/${userId}/connected_accounts/${slug}?organization_id=${organizationId}`, {
      access_token: `tok_${randomBytes(18).toString('hex')}`,
    });
  }
}

/** An organization override row per slug (`enabled` stated explicitly, so each is a stored override). */
export async function overrideOrganization(call: Call, organizationId: string, slugs: readonly string[]): Promise<void> {
  for (const slug of slugs) {
    await must(call, 'PUT', `/organizations/${organizationId}/data_integration_configurations/${slug}`, { enabled: true });
  }
}

/** The fixture the side-by-side bench needs: R1's user has 30 integrations, 5 connections, 5 overrides. */
export interface Fixture {
  userId: string;
  organizationId: string;
  /** A slug the user is connected to (the vend target). */
  vendSlug: string;
  /** Where R3 writes go (an organization of its own, so R1/R2 keep their shape). */
  writeOrganizationId: string;
  writeSlug: string;
}

/** Over integrations made by createIntegrations (at least 8 of them). */
export async function buildFixture(call: Call, slugs: readonly string[]): Promise<Fixture> {
  const fixture: Fixture = {
    userId: 'user_bench',
    organizationId: 'org_bench',
    vendSlug: slugs[0]!,
    writeOrganizationId: 'org_bench_writes',
    writeSlug: slugs[1]!,
  };
  await connectUser(call, fixture.userId, fixture.organizationId, slugs.slice(0, 5));
  // Overrides that keep all 30 enabled for R1's count: re-enabling is still an override row.
  await overrideOrganization(call, fixture.organizationId, slugs.slice(5, 8));
  return fixture;
}
