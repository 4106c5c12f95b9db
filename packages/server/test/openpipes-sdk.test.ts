/**
 * Conformance: our own SDK (`@openpipes/node`) against a really listening OpenPipes server,
 * for the three seed operations (spec §4 R1/R2/R3, §5, §10.2–10.4) and the SDK's error classes.
 */
import {
  BadRequestError,
  NotFoundError,
  OpenPipes,
  OpenPipesError,
  UnauthorizedError,
  UnprocessableEntityError,
  type DataIntegrationConfiguration,
} from '@openpipes/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { PUBLIC_URL, startHarness, type Harness } from './support/harness.ts';
import { listenHarness, REQUEST_ID_PATTERN } from './support/listen.ts';

const DATE_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const INTEGRATION_ID = /^data_integration_[0-9A-Z]{26}$/;

describe.each(DIALECTS)('@openpipes/node seed methods against OpenPipes on %s', (dialect) => {
  let h: Harness;
  let baseUrl: string;
  let op: OpenPipes;
  const ids: Record<string, string> = {};
  let slackAccountId: string;
  /** Every secret sent to the server: none may come back in any result. */
  const secretsSent = ['slack-env-secret-4321', 'github-env-secret-8765', 'xoxp-user1-token-0001'];
  const expectNoSecrets = (value: unknown) => {
    const json = JSON.stringify(value);
    for (const s of secretsSent) expect(json).not.toContain(s);
  };

  beforeAll(async () => {
    h = await startHarness(dialect);
    ({ baseUrl } = await listenHarness(h));
    op = new OpenPipes(h.apiKey, { baseUrl, maxRetries: 0 });
    const create = async (key: string, body: Record<string, unknown>) => {
      const res = await h.request('POST', '/data-integrations', body);
      expect(res.status, res.text).toBe(201);
      ids[key] = res.body.id;
    };
    await create('gitlab', { provider: 'gitlab', enabled: true, credentials: { type: 'organization' } });
    await create('slack', {
      provider: 'slack',
      enabled: true,
      scopes: ['channels:read'],
      credentials: { type: 'custom', client_id: 'slack-cid', client_secret: secretsSent[0] },
    });
    await create('github', { provider: 'github', credentials: { type: 'custom', client_id: 'gh-cid', client_secret: secretsSent[1] } });
    await create('notion@org', { provider: 'notion', ownership: 'organization', enabled: true, credentials: { type: 'organization' } });
    const imported = await h.request('POST', '/user_management/users/user_1/connected_accounts/slack', {
      access_token: secretsSent[2],
      scopes: ['channels:read'],
    });
    expect(imported.status, imported.text).toBe(201);
    slackAccountId = imported.body.id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('listProviders({ userId }): enabled user-owned providers with the user’s connected account, camelCase', async () => {
    const list = await op.pipes.listProviders({ userId: 'user_1' });
    expect(list.object).toBe('list');
    const bySlug = Object.fromEntries(list.data.map((d) => [d.slug, d]));
    // github is disabled in the environment; notion is organization-owned.
    expect(Object.keys(bySlug).sort()).toEqual(['gitlab', 'slack']);
    expect(bySlug.slack).toMatchObject({
      object: 'data_provider',
      id: ids.slack,
      name: 'Slack',
      slug: 'slack',
      integrationType: 'slack',
      credentialsType: 'oauth2',
      scopes: ['channels:read'],
      authMethods: ['oauth'],
      connectionOwner: 'user',
      ownership: 'userland_user',
    });
    expect(bySlug.slack!.createdAt).toMatch(DATE_ISO);
    expect(bySlug.slack!.connectedAccount).toMatchObject({
      object: 'connected_account',
      id: slackAccountId,
      userId: 'user_1',
      organizationId: null,
      state: 'connected',
      scopes: ['channels:read'],
      authMethod: 'oauth',
      connectionRole: 'compatibility',
    });
    expect(bySlug.gitlab).toMatchObject({ id: ids.gitlab, name: 'GitLab', connectedAccount: null, scopes: null });
    expectNoSecrets(list);
    // The seed name and the SDK v11 name answer the same.
    expect(await op.pipes.listUserDataProviders({ userId: 'user_1' })).toEqual(list);
    // A user without connections still sees the providers.
    const other = await op.pipes.listProviders({ userId: 'user_2' });
    expect(other.data.map((d) => [d.slug, d.connectedAccount]).sort()).toEqual([
      ['gitlab', null],
      ['slack', null],
    ]);
  });

  it('listOrganizationProviders({ organizationId }): effective settings, credentials only for organization-credential providers', async () => {
    const list = await op.pipes.listOrganizationProviders({ organizationId: 'org_1' });
    expect(list.object).toBe('list');
    const bySlug = Object.fromEntries(list.data.map((d) => [d.slug, d]));
    expect(Object.keys(bySlug).sort()).toEqual(['github', 'gitlab', 'notion', 'slack']);
    expect(bySlug.gitlab).toEqual({
      object: 'data_integration_configuration',
      id: ids.gitlab,
      organizationId: 'org_1',
      slug: 'gitlab',
      name: 'GitLab',
      enabled: true,
      scopes: null,
      config: {},
      createdAt: expect.stringMatching(DATE_ISO),
      updatedAt: expect.stringMatching(DATE_ISO),
      credentials: {
        credentialsType: 'organization',
        hasCredentials: false,
        clientId: null,
        clientSecretLastFour: null,
        redirectUri: expect.stringMatching(new RegExp(`^${PUBLIC_URL}/data-integrations/gitlab/dik_[0-9A-Z]{26}/callback$`)),
      },
    });
    expect(bySlug.slack).toMatchObject({ id: ids.slack, enabled: true, scopes: ['channels:read'], config: {} });
    expect('credentials' in bySlug.slack!).toBe(false);
    expect(bySlug.github).toMatchObject({ id: ids.github, enabled: false, scopes: null });
    expect(bySlug.notion).toMatchObject({ id: ids['notion@org'], enabled: true });
    for (const item of list.data) expect(item.id).toMatch(INTEGRATION_ID);
    expectNoSecrets(list);
  });

  it('configureOrganizationProvider: enabled, scopes and the org’s own OAuth app; the secret only ever comes back as its last four', async () => {
    const clientSecret = 'org1-gitlab-client-secret-Z9Y8';
    secretsSent.push(clientSecret);
    const configured = await op.pipes.configureOrganizationProvider({
      organizationId: 'org_1',
      provider: 'gitlab',
      enabled: true,
      scopes: ['read_api', 'read_user'],
      clientId: 'client_org1',
      clientSecret,
    });
    expect(configured).toMatchObject({
      object: 'data_integration_configuration',
      id: ids.gitlab,
      organizationId: 'org_1',
      slug: 'gitlab',
      name: 'GitLab',
      enabled: true,
      scopes: ['read_api', 'read_user'],
      config: {},
      credentials: { credentialsType: 'organization', hasCredentials: true, clientId: 'client_org1', clientSecretLastFour: 'Z9Y8' },
    });
    expect(configured.credentials?.clientSecretLastFour).toBe(clientSecret.slice(-4));
    expect(configured.updatedAt).toMatch(DATE_ISO);
    expect(JSON.stringify(configured)).not.toContain(clientSecret);
    expectNoSecrets(configured);

    // The listing reflects it, still without the secret; another organization is unaffected.
    const list = await op.pipes.listOrganizationProviders({ organizationId: 'org_1' });
    const gitlab = list.data.find((d) => d.slug === 'gitlab') as DataIntegrationConfiguration;
    expect(gitlab).toEqual(configured);
    expectNoSecrets(list);
    const other = (await op.pipes.listOrganizationProviders({ organizationId: 'org_2' })).data.find((d) => d.slug === 'gitlab')!;
    expect(other).toMatchObject({ scopes: null, credentials: { hasCredentials: false, clientId: null, clientSecretLastFour: null } });

    // The user listing for that organization uses the effective scopes.
    const forOrg = await op.pipes.listProviders({ userId: 'user_1', organizationId: 'org_1' });
    expect(forOrg.data.find((d) => d.slug === 'gitlab')!.scopes).toEqual(['read_api', 'read_user']);
    expectNoSecrets(forOrg);

    // New credentials replace the old ones.
    const rotated = 'org1-gitlab-rotated-secret-K7J6';
    secretsSent.push(rotated);
    const again = await op.pipes.configureOrganizationProvider({
      organizationId: 'org_1',
      provider: 'gitlab',
      clientId: 'client_org1_v2',
      clientSecret: rotated,
    });
    expect(again.credentials).toMatchObject({ hasCredentials: true, clientId: 'client_org1_v2', clientSecretLastFour: 'K7J6' });
    expect(again.scopes).toEqual(['read_api', 'read_user']);
    expectNoSecrets(again);
  });

  it('configureOrganizationProvider: per-organization enablement changes what listProviders shows, and null inherits again', async () => {
    const on = await op.pipes.configureOrganizationProvider({
      organizationId: 'org_1',
      provider: 'github',
      enabled: true,
      scopes: ['repo'],
    });
    expect(on).toMatchObject({ slug: 'github', enabled: true, scopes: ['repo'] });
    expect('credentials' in on).toBe(false);
    const off = await op.pipes.configureOrganizationProvider({ organizationId: 'org_1', provider: 'slack', enabled: false });
    expect(off).toMatchObject({ slug: 'slack', enabled: false, scopes: ['channels:read'] });

    const forOrg = await op.pipes.listProviders({ userId: 'user_1', organizationId: 'org_1' });
    expect(forOrg.data.map((d) => d.slug).sort()).toEqual(['github', 'gitlab']);
    expect(forOrg.data.find((d) => d.slug === 'github')!.scopes).toEqual(['repo']);
    expect((await op.pipes.listProviders({ userId: 'user_1' })).data.map((d) => d.slug).sort()).toEqual(['gitlab', 'slack']);

    const reset = await op.pipes.configureOrganizationProvider({
      organizationId: 'org_1',
      provider: 'github',
      enabled: null,
      scopes: null,
    });
    expect(reset).toMatchObject({ enabled: false, scopes: null });
  });

  describe('errors', () => {
    const caught = async (p: Promise<unknown>): Promise<OpenPipesError> => {
      try {
        await p;
      } catch (err) {
        expect(err).toBeInstanceOf(OpenPipesError);
        return err as OpenPipesError;
      }
      throw new Error('expected the SDK call to throw');
    };
    const expectRequestId = (err: OpenPipesError) => {
      expect(typeof err.requestId).toBe('string');
      expect(err.requestId!.length).toBeGreaterThan(0);
      expect(err.requestId).toMatch(REQUEST_ID_PATTERN);
    };

    it('401: a wrong API key → UnauthorizedError', async () => {
      const wrong = new OpenPipes('sk_test_not_a_real_key', { baseUrl, maxRetries: 0 });
      for (const call of [
        () => wrong.pipes.listProviders({ userId: 'user_1' }),
        () => wrong.pipes.listOrganizationProviders({ organizationId: 'org_1' }),
        () => wrong.pipes.configureOrganizationProvider({ organizationId: 'org_1', provider: 'gitlab', enabled: false }),
      ]) {
        const err = await caught(call());
        expect(err).toBeInstanceOf(UnauthorizedError);
        expect(err.status).toBe(401);
        expect(err.code).toBe('unauthorized');
        expectRequestId(err);
      }
      // Nothing changed.
      expect((await op.pipes.listOrganizationProviders({ organizationId: 'org_1' })).data.find((d) => d.slug === 'gitlab')!.enabled).toBe(
        true,
      );
    });

    it('404: a provider with no integration → NotFoundError with code entity_not_found', async () => {
      const err = await caught(op.pipes.configureOrganizationProvider({ organizationId: 'org_1', provider: 'zoom', enabled: true }));
      expect(err).toBeInstanceOf(NotFoundError);
      expect(err.status).toBe(404);
      expect(err.code).toBe('entity_not_found');
      expectRequestId(err);
    });

    it('422: rule violations → UnprocessableEntityError naming the field', async () => {
      const cases: [Parameters<OpenPipes['pipes']['configureOrganizationProvider']>[0], string][] = [
        [{ organizationId: 'org_1', provider: 'gitlab', clientId: 'only-the-id' }, 'client_secret'],
        [{ organizationId: 'org_1', provider: 'slack', clientId: 'x', clientSecret: 'not-for-custom-credentials' }, 'client_id'],
        [{ organizationId: 'org_1', provider: 'gitlab' }, 'enabled'],
      ];
      for (const [options, field] of cases) {
        const err = await caught(op.pipes.configureOrganizationProvider(options));
        expect(err, JSON.stringify(options)).toBeInstanceOf(UnprocessableEntityError);
        expect(err.status).toBe(422);
        expect(err.code).toBe('validation_failed');
        expect(err.errors.map((e) => e.field)).toContain(field);
        expectRequestId(err);
        expect(JSON.stringify(err.body)).not.toContain('not-for-custom-credentials');
      }
    });

    it('400: an over-long user id → BadRequestError with code invalid_request', async () => {
      const err = await caught(op.pipes.listProviders({ userId: 'u'.repeat(200) }));
      expect(err).toBeInstanceOf(BadRequestError);
      expect(err.status).toBe(400);
      expect(err.code).toBe('invalid_request');
      expect(err.errors.length).toBeGreaterThan(0);
      expectRequestId(err);
    });

    it('every request id is distinct', async () => {
      const a = await caught(op.pipes.configureOrganizationProvider({ organizationId: 'org_1', provider: 'zoom', enabled: true }));
      const b = await caught(op.pipes.configureOrganizationProvider({ organizationId: 'org_1', provider: 'zoom', enabled: true }));
      expect(a.requestId).not.toBe(b.requestId);
    });
  });
});
