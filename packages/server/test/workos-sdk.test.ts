/**
 * Conformance: the official WorkOS Node SDK (`@workos-inc/node` 11.0.0) against a really
 * listening OpenPipes server. Every `workos.pipes` method that maps to R1, R4–R11, R15/R16,
 * R19–R27 is called and its camelCase result checked, plus `workos.events.listEvents` and the
 * SDK's status → exception mapping (spec §2.4, §10.1).
 */
import {
  BadRequestException,
  ConflictException,
  NotFoundException,
  UnauthorizedException,
  UnprocessableEntityException,
  WorkOS,
  type ConnectedAccount,
  type DataIntegration,
} from '@workos-inc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { PUBLIC_URL, startHarness, type Harness } from './support/harness.ts';
import { listenHarness, REQUEST_ID_PATTERN } from './support/listen.ts';

/** The twelve built-in providers created first (all OAuth, no declared config fields). */
const BUILTIN_SLUGS = [
  'github',
  'gitlab',
  'slack',
  'notion',
  'linear',
  'asana',
  'figma',
  'dropbox',
  'box',
  'zoom',
  'discord',
  'miro',
] as const;
/** Created without `enabled` (default false) so they stay out of the user listing. */
const DISABLED = new Set(['discord']);
/** gitlab: each organization brings its own OAuth app. */
const ORG_CREDENTIALS = new Set(['gitlab']);
const secretFor = (slug: string) => `${slug}-client-secret-${slug.length}Q${slug.slice(-3).toUpperCase()}`;
const last4 = (s: string) => s.slice(-4);

const DATE_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const INTEGRATION_ID = /^data_integration_[0-9A-Z]{26}$/;
const INSTALLATION_ID = /^data_installation_[0-9A-Z]{26}$/;
const EVENT_ID = /^event_[0-9A-Z]{26}$/;

describe.each(DIALECTS)('WorkOS Node SDK 11 against OpenPipes on %s', (dialect) => {
  let h: Harness;
  let workos: WorkOS;
  let port: number;
  /** Everything the suite creates, by a readable key (e.g. `github`, `github@org`). */
  const integrations = new Map<string, DataIntegration>();
  const accounts: Record<string, ConnectedAccount> = {};
  /** Every secret sent to the server: none may come back in any result. */
  const secretsSent: string[] = [];

  const expectNoSecrets = (value: unknown) => {
    const json = JSON.stringify(value);
    for (const s of secretsSent) expect(json).not.toContain(s);
  };

  beforeAll(async () => {
    h = await startHarness(dialect);
    ({ port } = await listenHarness(h));
    workos = new WorkOS(h.apiKey, { apiHostname: '127.0.0.1', port, https: false });
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('data integrations (R4–R11)', () => {
    it('createDataIntegration (R5): twelve built-in providers, custom and organization credentials', async () => {
      for (const slug of BUILTIN_SLUGS) {
        const orgCreds = ORG_CREDENTIALS.has(slug);
        const secret = secretFor(slug);
        if (!orgCreds) secretsSent.push(secret);
        const created = await workos.pipes.createDataIntegration({
          provider: slug,
          description: `${slug} for tests`,
          ...(DISABLED.has(slug) ? {} : { enabled: true }),
          ...(slug === 'slack' ? { scopes: ['channels:read', 'chat:write'] } : {}),
          credentials: orgCreds ? { type: 'organization' } : { type: 'custom', clientId: `${slug}-client-id`, clientSecret: secret },
        });
        expect(created).toMatchObject({
          object: 'data_integration',
          slug,
          integrationType: slug,
          ownership: 'user',
          description: `${slug} for tests`,
          enabled: !DISABLED.has(slug),
          state: 'valid',
          scopes: slug === 'slack' ? ['channels:read', 'chat:write'] : null,
          authMethods: ['oauth'],
          customProvider: null,
          credentials: orgCreds
            ? { type: 'organization', clientId: null, redactedClientSecret: null }
            : { type: 'custom', clientId: `${slug}-client-id`, redactedClientSecret: last4(secret) },
        });
        expect(created.id).toMatch(INTEGRATION_ID);
        expect(created.redirectUri).toMatch(new RegExp(`^${PUBLIC_URL}/data-integrations/${slug}/dik_[0-9A-Z]{26}/callback$`));
        expect(created.createdAt).toBeInstanceOf(Date);
        expect(created.updatedAt).toBeInstanceOf(Date);
        expect(Number.isNaN(created.createdAt.getTime())).toBe(false);
        expect(Math.abs(created.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
        expect(created.installation ?? null).toBeNull();
        expectNoSecrets(created);
        integrations.set(slug, created);
      }
      expect(new Set([...integrations.values()].map((i) => i.id)).size).toBe(BUILTIN_SLUGS.length);
    });

    it('createDataIntegration (R5): a custom OAuth provider definition, with the response defaults', async () => {
      const secret = 'acme-crm-secret-value-7Z9K';
      secretsSent.push(secret);
      const created = await workos.pipes.createDataIntegration({
        provider: 'acme-crm',
        enabled: true,
        scopes: ['contacts.read'],
        credentials: { type: 'custom', clientId: 'acme-client', clientSecret: secret },
        customProvider: {
          name: 'Acme CRM',
          authorizationUrl: 'https://crm.acme.example/oauth/authorize',
          tokenUrl: 'https://crm.acme.example/oauth/token',
          requestScopeSeparator: ',',
          additionalAuthorizationParameters: { prompt: 'consent' },
          authenticateVia: 'basic_auth_header',
        },
      });
      expect(created).toMatchObject({
        object: 'data_integration',
        slug: 'acme-crm',
        ownership: 'user',
        enabled: true,
        state: 'valid',
        scopes: ['contacts.read'],
        authMethods: ['oauth'],
        credentials: { type: 'custom', clientId: 'acme-client', redactedClientSecret: '7Z9K' },
        customProvider: {
          name: 'Acme CRM',
          authorizationUrl: 'https://crm.acme.example/oauth/authorize',
          tokenUrl: 'https://crm.acme.example/oauth/token',
          refreshTokenUrl: null,
          pkceEnabled: true,
          requestScopeSeparator: ',',
          scopesRequired: false,
          clientSecretRequired: true,
          additionalAuthorizationParameters: { prompt: 'consent' },
          authenticateVia: 'basic_auth_header',
        },
      });
      expect(typeof created.customProvider?.tokenBodyContentType).toBe('string');
      expect(created.redirectUri).toMatch(new RegExp(`^${PUBLIC_URL}/data-integrations/acme-crm/dik_[0-9A-Z]{26}/callback$`));
      expect(created.createdAt).toBeInstanceOf(Date);
      expectNoSecrets(created);
      integrations.set('acme-crm', created);
    });

    it('createDataIntegration (R5): organization-owned roots via ownership (built-in and the custom slug)', async () => {
      const secret = 'github-org-secret-4R2D';
      secretsSent.push(secret);
      const githubOrg = await workos.pipes.createDataIntegration({
        provider: 'github',
        ownership: 'organization',
        enabled: true,
        credentials: { type: 'custom', clientId: 'gh-org-client', clientSecret: secret },
      });
      expect(githubOrg).toMatchObject({
        object: 'data_integration',
        slug: 'github',
        integrationType: 'github',
        ownership: 'organization',
        enabled: true,
        state: 'valid',
        credentials: { type: 'custom', clientId: 'gh-org-client', redactedClientSecret: '4R2D' },
        customProvider: null,
      });
      expect(githubOrg.id).toMatch(INTEGRATION_ID);
      expect(githubOrg.id).not.toBe(integrations.get('github')!.id);
      expect(githubOrg.createdAt).toBeInstanceOf(Date);
      integrations.set('github@org', githubOrg);

      // An already-defined custom slug without custom_provider: the other ownership's root, sharing the definition.
      const crmSecret = 'acme-crm-org-secret-PQ88';
      secretsSent.push(crmSecret);
      const crmOrg = await workos.pipes.createDataIntegration({
        provider: 'acme-crm',
        ownership: 'organization',
        enabled: true,
        credentials: { type: 'custom', clientId: 'acme-org-client', clientSecret: crmSecret },
      });
      expect(crmOrg).toMatchObject({ slug: 'acme-crm', ownership: 'organization', credentials: { redactedClientSecret: 'PQ88' } });
      expect(crmOrg.customProvider).toEqual(integrations.get('acme-crm')!.customProvider);
      expectNoSecrets([githubOrg, crmOrg]);
      integrations.set('acme-crm@org', crmOrg);
    });

    it('createDataIntegration (R5): an api_key custom provider with only a name', async () => {
      const created = await workos.pipes.createDataIntegration({
        provider: 'acme-keys',
        enabled: true,
        description: 'Acme API keys',
        authMethods: ['api_key'],
        customProvider: { name: 'Acme Keys' },
      });
      expect(created).toMatchObject({
        object: 'data_integration',
        slug: 'acme-keys',
        ownership: 'user',
        enabled: true,
        state: 'valid',
        authMethods: ['api_key'],
        redirectUri: '',
        credentials: null,
        customProvider: { name: 'Acme Keys', authorizationUrl: null, tokenUrl: null },
      });
      expect(created.installation ?? null).toBeNull();
      integrations.set('acme-keys', created);
    });

    it('listDataIntegrations (R4): autoPagination() returns every integration once', async () => {
      const all = await (await workos.pipes.listDataIntegrations()).autoPagination();
      expect(all).toHaveLength(integrations.size);
      expect(new Set(all.map((i) => i.id))).toEqual(new Set([...integrations.values()].map((i) => i.id)));
      for (const item of all) {
        expect(item.object).toBe('data_integration');
        expect(item.createdAt).toBeInstanceOf(Date);
        expect(item.updatedAt).toBeInstanceOf(Date);
        const created = [...integrations.values()].find((i) => i.id === item.id)!;
        expect(item).toMatchObject({
          slug: created.slug,
          ownership: created.ownership,
          enabled: created.enabled,
          scopes: created.scopes,
          credentials: created.credentials,
          customProvider: created.customProvider,
          redirectUri: created.redirectUri,
        });
        expect(item.createdAt.getTime()).toBe(created.createdAt.getTime());
      }
      expectNoSecrets(all);
    });

    it('listDataIntegrations (R4): limit pages with after / before cursors, and the ownership filter', async () => {
      const first = await workos.pipes.listDataIntegrations({ limit: 5, order: 'asc' });
      expect(first.data).toHaveLength(5);
      expect(first.listMetadata.after).toBe(first.data[4]!.id);
      // With an explicit limit, autoPagination() returns just that page (SDK behaviour).
      expect((await first.autoPagination()).map((i) => i.id)).toEqual(first.data.map((i) => i.id));

      const seen = first.data.map((i) => i.id);
      let page = first;
      let pages = 1;
      while (page.listMetadata.after) {
        const next = await workos.pipes.listDataIntegrations({ limit: 5, order: 'asc', after: page.listMetadata.after });
        expect(next.data.length).toBeGreaterThan(0);
        expect(next.data.length).toBeLessThanOrEqual(5);
        seen.push(...next.data.map((i) => i.id));
        page = next;
        pages++;
        expect(pages).toBeLessThan(10);
      }
      expect(pages).toBe(Math.ceil(integrations.size / 5));
      expect(new Set(seen).size).toBe(integrations.size);
      // asc: oldest first, so the first created integration leads.
      expect(seen[0]).toBe(integrations.get('github')!.id);

      const second = await workos.pipes.listDataIntegrations({ limit: 5, order: 'asc', after: first.listMetadata.after! });
      expect(second.listMetadata.before).toBe(second.data[0]!.id);
      const back = await workos.pipes.listDataIntegrations({ limit: 5, order: 'asc', before: second.listMetadata.before! });
      expect(back.data.map((i) => i.id)).toEqual(first.data.map((i) => i.id));

      const desc = await workos.pipes.listDataIntegrations({ limit: 3 });
      expect(desc.data.map((i) => i.id)).toEqual([...seen].reverse().slice(0, 3));

      const orgOwned = await (await workos.pipes.listDataIntegrations({ ownership: 'organization' })).autoPagination();
      expect(orgOwned.map((i) => i.id).sort()).toEqual([integrations.get('github@org')!.id, integrations.get('acme-crm@org')!.id].sort());
      expect(orgOwned.every((i) => i.ownership === 'organization')).toBe(true);
    });

    it('getDataIntegration (R6) returns the user-owned root', async () => {
      for (const key of ['github', 'gitlab', 'acme-crm', 'acme-keys']) {
        const created = integrations.get(key)!;
        const got = await workos.pipes.getDataIntegration({ slug: created.slug });
        expect(got).toEqual(created);
      }
    });

    it('updateDataIntegration (R7): description, enabled, scopes, credential rotation, scopes reset, custom definition', async () => {
      const before = integrations.get('github')!;
      const rotated = 'github-rotated-secret-WXYZ';
      secretsSent.push(rotated);
      const updated = await workos.pipes.updateDataIntegration({
        slug: 'github',
        description: 'Production GitHub app',
        scopes: ['repo', 'read:org'],
        credentials: { type: 'custom', clientId: 'gh-client-2', clientSecret: rotated },
      });
      expect(updated).toMatchObject({
        id: before.id,
        slug: 'github',
        ownership: 'user',
        description: 'Production GitHub app',
        enabled: true,
        scopes: ['repo', 'read:org'],
        credentials: { type: 'custom', clientId: 'gh-client-2', redactedClientSecret: 'WXYZ' },
        redirectUri: before.redirectUri,
      });
      expect(updated.createdAt.getTime()).toBe(before.createdAt.getTime());
      expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
      expectNoSecrets(updated);

      const reset = await workos.pipes.updateDataIntegration({ slug: 'github', scopes: null, description: null });
      expect(reset).toMatchObject({
        scopes: null,
        description: null,
        credentials: { clientId: 'gh-client-2', redactedClientSecret: 'WXYZ' },
      });
      expect(await workos.pipes.getDataIntegration({ slug: 'github' })).toMatchObject({ scopes: null, description: null });
      integrations.set('github', reset);

      const toggled = await workos.pipes.updateDataIntegration({ slug: 'zoom', enabled: false });
      expect(toggled.enabled).toBe(false);
      const back = await workos.pipes.updateDataIntegration({ slug: 'zoom', enabled: true });
      expect(back.enabled).toBe(true);

      const crm = await workos.pipes.updateDataIntegration({
        slug: 'acme-crm',
        customProvider: { name: 'Acme CRM v2', pkceEnabled: false },
      });
      expect(crm.customProvider).toMatchObject({
        name: 'Acme CRM v2',
        pkceEnabled: false,
        authorizationUrl: 'https://crm.acme.example/oauth/authorize',
        requestScopeSeparator: ',',
      });
      // The definition is shared with the organization-owned root.
      expect((await workos.pipes.getOrganizationDataIntegration({ slug: 'acme-crm' })).customProvider).toEqual(crm.customProvider);
      integrations.set('acme-crm', crm);
    });

    it('getOrganizationDataIntegration (R9) / updateOrganizationDataIntegration (R10) address the organization-owned root', async () => {
      const created = integrations.get('github@org')!;
      const got = await workos.pipes.getOrganizationDataIntegration({ slug: 'github' });
      expect(got).toEqual(created);

      const rotated = 'github-org-rotated-LM55';
      secretsSent.push(rotated);
      const updated = await workos.pipes.updateOrganizationDataIntegration({
        slug: 'github',
        description: 'Shared GitHub org connection',
        scopes: ['read:org'],
        credentials: { type: 'custom', clientId: 'gh-org-client-2', clientSecret: rotated },
      });
      expect(updated).toMatchObject({
        id: created.id,
        ownership: 'organization',
        description: 'Shared GitHub org connection',
        scopes: ['read:org'],
        enabled: true,
        credentials: { type: 'custom', clientId: 'gh-org-client-2', redactedClientSecret: 'LM55' },
      });
      expectNoSecrets(updated);
      // The user-owned root is untouched.
      expect(await workos.pipes.getDataIntegration({ slug: 'github' })).toMatchObject({
        id: integrations.get('github')!.id,
        ownership: 'user',
        scopes: null,
      });
      integrations.set('github@org', updated);
    });

    it('deleteOrganizationDataIntegration (R11) removes only the organization-owned root', async () => {
      await expect(workos.pipes.deleteOrganizationDataIntegration({ slug: 'acme-crm' })).resolves.toBeUndefined();
      await expect(workos.pipes.getOrganizationDataIntegration({ slug: 'acme-crm' })).rejects.toBeInstanceOf(NotFoundException);
      // The custom definition survives: the user-owned root still references it.
      expect((await workos.pipes.getDataIntegration({ slug: 'acme-crm' })).customProvider?.name).toBe('Acme CRM v2');
      integrations.delete('acme-crm@org');
    });

    it('deleteDataIntegration (R8) removes the user-owned root', async () => {
      await expect(workos.pipes.deleteDataIntegration({ slug: 'miro' })).resolves.toBeUndefined();
      await expect(workos.pipes.getDataIntegration({ slug: 'miro' })).rejects.toBeInstanceOf(NotFoundException);
      integrations.delete('miro');
      const all = await (await workos.pipes.listDataIntegrations()).autoPagination();
      expect(all.map((i) => i.id).sort()).toEqual([...integrations.values()].map((i) => i.id).sort());
    });
  });

  describe('user connected accounts and provider listing (R1, R19–R22)', () => {
    const accessToken = 'gho_user1_access_token_AAAA';
    const refreshToken = 'ghr_user1_refresh_token_BBBB';

    it('createUserConnectedAccount (R20) imports accessToken + refreshToken + expiresAt', async () => {
      secretsSent.push(accessToken, refreshToken);
      const expiresAt = new Date(Date.now() + 3_600_000);
      const acct = await workos.pipes.createUserConnectedAccount({
        userId: 'user_1',
        slug: 'github',
        accessToken,
        refreshToken,
        expiresAt,
        scopes: ['repo', 'read:user'],
      });
      expect(acct).toMatchObject({
        object: 'connected_account',
        connectionRole: 'compatibility',
        userId: 'user_1',
        organizationId: null,
        scopes: ['repo', 'read:user'],
        authMethod: 'oauth',
        apiKeyLast4: null,
        state: 'connected',
      });
      expect(acct.id).toMatch(INSTALLATION_ID);
      expect(acct.createdAt).toMatch(DATE_ISO);
      expect(acct.updatedAt).toMatch(DATE_ISO);
      expectNoSecrets(acct);
      accounts.github = acct;

      // An org-scoped user connection (access token only ⇒ connected, non-expiring).
      const slackToken = 'xoxp-user1-orgA-token-CCCC';
      secretsSent.push(slackToken);
      const slack = await workos.pipes.createUserConnectedAccount({
        userId: 'user_1',
        slug: 'slack',
        organizationId: 'org_a',
        accessToken: slackToken,
      });
      expect(slack).toMatchObject({
        userId: 'user_1',
        organizationId: 'org_a',
        state: 'connected',
        authMethod: 'oauth',
        connectionRole: 'compatibility',
      });
      expectNoSecrets(slack);
      accounts.slackOrgA = slack;
    });

    it('getUserConnectedAccount (R19) returns the compatibility connection', async () => {
      const got = await workos.pipes.getUserConnectedAccount({ userId: 'user_1', slug: 'github' });
      expect(got).toEqual(accounts.github);
      const scoped = await workos.pipes.getUserConnectedAccount({ userId: 'user_1', slug: 'slack', organizationId: 'org_a' });
      expect(scoped).toEqual(accounts.slackOrgA);
      // Owner shape matters: the user's unscoped slack connection does not exist.
      await expect(workos.pipes.getUserConnectedAccount({ userId: 'user_1', slug: 'slack' })).rejects.toBeInstanceOf(NotFoundException);
    });

    it('listUserDataProviders (R1): enabled user-owned integrations, connectedAccount filled for the imported account', async () => {
      const list = await workos.pipes.listUserDataProviders({ userId: 'user_1' });
      expect(list.object).toBe('list');
      const bySlug = Object.fromEntries(list.data.map((d) => [d.slug, d]));
      const expected = [...integrations.values()].filter((i) => i.ownership === 'user' && i.enabled).map((i) => i.slug);
      expect(Object.keys(bySlug).sort()).toEqual(expected.sort());
      expect(bySlug.discord).toBeUndefined();
      const gh = bySlug.github!;
      expect(gh).toMatchObject({
        object: 'data_provider',
        id: integrations.get('github')!.id,
        name: 'GitHub',
        slug: 'github',
        integrationType: 'github',
        credentialsType: 'oauth2',
        authMethods: ['oauth'],
        connectionOwner: 'user',
        ownership: 'userland_user',
      });
      expect(gh.connectedAccount).toMatchObject({
        object: 'connected_account',
        id: accounts.github!.id,
        userId: 'user_1',
        userlandUserId: 'user_1',
        organizationId: null,
        state: 'connected',
        scopes: ['repo', 'read:user'],
      });
      expect(gh.connectedAccounts?.map((a) => a.id)).toEqual([accounts.github!.id]);
      expect(gh.createdAt).toMatch(DATE_ISO);
      expect(bySlug.slack!.connectedAccount).toBeNull();
      expect(bySlug.slack!.scopes).toEqual(['channels:read', 'chat:write']);
      expect(bySlug['acme-keys']).toMatchObject({
        name: 'Acme Keys',
        credentialsType: 'api_key',
        authMethods: ['api_key'],
        connectedAccount: null,
      });
      expect(bySlug['acme-crm']).toMatchObject({ name: 'Acme CRM v2', credentialsType: 'oauth2' });
      expectNoSecrets(list);
    });

    it('listUserDataProviders (R1) with organizationId: the org-scoped connection and the org’s effective settings', async () => {
      // An organization override (R3, not an SDK v11 route) enables discord for org_a only.
      expect(
        (await h.request('PUT', '/organizations/org_a/data_integration_configurations/discord', { enabled: true, scopes: ['identify'] }))
          .status,
      ).toBe(200);
      const list = await workos.pipes.listUserDataProviders({ userId: 'user_1', organizationId: 'org_a' });
      const bySlug = Object.fromEntries(list.data.map((d) => [d.slug, d]));
      expect(bySlug.slack!.connectedAccount).toMatchObject({
        id: accounts.slackOrgA!.id,
        userId: 'user_1',
        userlandUserId: 'user_1',
        organizationId: 'org_a',
        state: 'connected',
      });
      expect(bySlug.github!.connectedAccount).toBeNull();
      expect(bySlug.discord).toMatchObject({ slug: 'discord', scopes: ['identify'], connectedAccount: null });
      expect((await workos.pipes.listUserDataProviders({ userId: 'user_1' })).data.some((d) => d.slug === 'discord')).toBe(false);
    });

    it('updateUserConnectedAccount (R21) changes the state', async () => {
      const updated = await workos.pipes.updateUserConnectedAccount({ userId: 'user_1', slug: 'github', state: 'needs_reauthorization' });
      expect(updated).toMatchObject({
        id: accounts.github!.id,
        state: 'needs_reauthorization',
        userId: 'user_1',
        scopes: ['repo', 'read:user'],
      });
      expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(accounts.github!.updatedAt));
      expect((await workos.pipes.getUserConnectedAccount({ userId: 'user_1', slug: 'github' })).state).toBe('needs_reauthorization');

      const newToken = 'gho_user1_access_token_DDDD';
      secretsSent.push(newToken);
      const reconnected = await workos.pipes.updateUserConnectedAccount({
        userId: 'user_1',
        slug: 'github',
        accessToken: newToken,
        refreshToken,
        expiresAt: new Date(Date.now() + 7_200_000),
        scopes: ['repo'],
        state: 'connected',
      });
      expect(reconnected).toMatchObject({ id: accounts.github!.id, state: 'connected', scopes: ['repo'] });
      expectNoSecrets([updated, reconnected]);
      accounts.github = reconnected;
    });

    it('deleteUserConnectedAccount (R22) removes the connection', async () => {
      await expect(workos.pipes.deleteUserConnectedAccount({ userId: 'user_1', slug: 'github' })).resolves.toBeUndefined();
      await expect(workos.pipes.getUserConnectedAccount({ userId: 'user_1', slug: 'github' })).rejects.toBeInstanceOf(NotFoundException);
      const gh = (await workos.pipes.listUserDataProviders({ userId: 'user_1' })).data.find((d) => d.slug === 'github')!;
      expect(gh.connectedAccount).toBeNull();
      await expect(
        workos.pipes.deleteUserConnectedAccount({ userId: 'user_1', slug: 'slack', organizationId: 'org_a' }),
      ).resolves.toBeUndefined();
      await expect(
        workos.pipes.getUserConnectedAccount({ userId: 'user_1', slug: 'slack', organizationId: 'org_a' }),
      ).rejects.toBeInstanceOf(NotFoundException);
    });
  });

  describe('organization connected accounts and provider listing (R23–R27)', () => {
    it('createOrganizationConnectedAccount (R25) imports a shared connection with no user owner', async () => {
      const accessToken = 'gho_orgA_access_EEEE';
      const refreshToken = 'ghr_orgA_refresh_FFFF';
      secretsSent.push(accessToken, refreshToken);
      const acct = await workos.pipes.createOrganizationConnectedAccount({
        organizationId: 'org_a',
        slug: 'github',
        userId: 'user_admin',
        accessToken,
        refreshToken,
        expiresAt: new Date(Date.now() + 3_600_000),
        scopes: ['read:org'],
      });
      expect(acct).toMatchObject({
        object: 'connected_account',
        userId: null,
        organizationId: 'org_a',
        scopes: ['read:org'],
        state: 'connected',
        authMethod: 'oauth',
        connectionRole: 'compatibility',
      });
      expect(acct.id).toMatch(INSTALLATION_ID);
      expectNoSecrets(acct);
      accounts.githubOrgA = acct;
    });

    it('getOrganizationConnectedAccount (R24)', async () => {
      expect(await workos.pipes.getOrganizationConnectedAccount({ organizationId: 'org_a', slug: 'github' })).toEqual(accounts.githubOrgA);
      await expect(workos.pipes.getOrganizationConnectedAccount({ organizationId: 'org_b', slug: 'github' })).rejects.toBeInstanceOf(
        NotFoundException,
      );
    });

    it('listOrganizationDataProviders (R23) lists organization-owned integrations with the org’s connection', async () => {
      const list = await workos.pipes.listOrganizationDataProviders({ organizationId: 'org_a' });
      expect(list.object).toBe('list');
      expect(list.data.map((d) => d.slug)).toEqual(['github']);
      const gh = list.data[0]!;
      expect(gh).toMatchObject({
        object: 'data_provider',
        id: integrations.get('github@org')!.id,
        name: 'GitHub',
        description: 'Shared GitHub org connection',
        scopes: ['read:org'],
        connectionOwner: 'organization',
        ownership: 'organization',
        credentialsType: 'oauth2',
      });
      expect(gh.connectedAccount).toMatchObject({
        id: accounts.githubOrgA!.id,
        userId: null,
        userlandUserId: null,
        organizationId: 'org_a',
        state: 'connected',
      });
      const other = await workos.pipes.listOrganizationDataProviders({ organizationId: 'org_b' });
      expect(other.data.map((d) => [d.slug, d.connectedAccount])).toEqual([['github', null]]);
      expectNoSecrets([list, other]);
    });

    it('updateOrganizationConnectedAccount (R26) changes the state', async () => {
      const updated = await workos.pipes.updateOrganizationConnectedAccount({
        organizationId: 'org_a',
        slug: 'github',
        userId: 'user_admin',
        state: 'needs_reauthorization',
      });
      expect(updated).toMatchObject({ id: accounts.githubOrgA!.id, userId: null, organizationId: 'org_a', state: 'needs_reauthorization' });
      expect((await workos.pipes.getOrganizationConnectedAccount({ organizationId: 'org_a', slug: 'github' })).state).toBe(
        'needs_reauthorization',
      );
    });

    it('deleteOrganizationConnectedAccount (R27) removes it', async () => {
      await expect(workos.pipes.deleteOrganizationConnectedAccount({ organizationId: 'org_a', slug: 'github' })).resolves.toBeUndefined();
      await expect(workos.pipes.getOrganizationConnectedAccount({ organizationId: 'org_a', slug: 'github' })).rejects.toBeInstanceOf(
        NotFoundException,
      );
      const list = await workos.pipes.listOrganizationDataProviders({ organizationId: 'org_a' });
      expect(list.data.find((d) => d.slug === 'github')!.connectedAccount).toBeNull();
    });
  });

  describe('API-key connections (R15, R16)', () => {
    it('createDataIntegrationApiKey (R15) creates the compatibility connection, then a standard one', async () => {
      const secret = 'ak_live_first_secret_9876';
      secretsSent.push(secret);
      const acct = await workos.pipes.createDataIntegrationApiKey({ slug: 'acme-keys', userId: 'user_1', secret, connectionIntent: 'add' });
      expect(acct).toMatchObject({
        object: 'connected_account',
        connectionRole: 'compatibility',
        userId: 'user_1',
        organizationId: null,
        authMethod: 'api_key',
        apiKeyLast4: '9876',
        state: 'connected',
      });
      expect(acct.id).toMatch(INSTALLATION_ID);
      expectNoSecrets(acct);
      accounts.apiKey = acct;

      // §10.8: multiple connections are supported, so a second `add` is a standard connection.
      const second = 'ak_live_second_secret_1111';
      secretsSent.push(second);
      const another = await workos.pipes.createDataIntegrationApiKey({
        slug: 'acme-keys',
        userId: 'user_1',
        secret: second,
        connectionIntent: 'add',
      });
      expect(another).toMatchObject({ connectionRole: 'standard', authMethod: 'api_key', apiKeyLast4: '1111', userId: 'user_1' });
      expect(another.id).not.toBe(acct.id);
      expectNoSecrets(another);
      accounts.apiKeyStandard = another;

      const listed = (await workos.pipes.listUserDataProviders({ userId: 'user_1' })).data.find((d) => d.slug === 'acme-keys')!;
      expect(listed.connectedAccount).toMatchObject({ id: acct.id, authMethod: 'api_key', apiKeyLast4: '9876' });
      const plural = (await workos.pipes.listUserDataProviders({ userId: 'user_1', supportsMultipleConnections: true })).data.find(
        (d) => d.slug === 'acme-keys',
      )!;
      expect(plural.connectedAccounts?.map((a) => a.id).sort()).toEqual([acct.id, another.id].sort());
    });

    it('updateDataIntegrationApiKey (R16) rotates the compatibility connection, or an exact one', async () => {
      const rotated = 'ak_live_rotated_secret_5555';
      secretsSent.push(rotated);
      const acct = await workos.pipes.updateDataIntegrationApiKey({ slug: 'acme-keys', userId: 'user_1', secret: rotated });
      expect(acct).toMatchObject({
        id: accounts.apiKey!.id,
        connectionRole: 'compatibility',
        authMethod: 'api_key',
        apiKeyLast4: '5555',
        state: 'connected',
      });
      expectNoSecrets(acct);

      const exact = 'ak_live_exact_secret_2468';
      secretsSent.push(exact);
      const std = await workos.pipes.updateDataIntegrationApiKey({
        slug: 'acme-keys',
        userId: 'user_1',
        secret: exact,
        connectedAccountId: accounts.apiKeyStandard!.id,
        connectionIntent: 'reauthorize',
      });
      expect(std).toMatchObject({ id: accounts.apiKeyStandard!.id, connectionRole: 'standard', apiKeyLast4: '2468' });
      expect((await workos.pipes.getUserConnectedAccount({ userId: 'user_1', slug: 'acme-keys' })).apiKeyLast4).toBe('5555');

      // Upsert without an existing connection creates the compatibility one.
      const fresh = 'ak_live_user2_secret_1357';
      secretsSent.push(fresh);
      const created = await workos.pipes.updateDataIntegrationApiKey({ slug: 'acme-keys', userId: 'user_2', secret: fresh });
      expect(created).toMatchObject({ userId: 'user_2', connectionRole: 'compatibility', apiKeyLast4: '1357', state: 'connected' });
      expectNoSecrets([std, created]);
    });
  });

  describe('events (R28)', () => {
    it('listEvents returns the connected / disconnected events recorded by the operations above', async () => {
      const list = await workos.events.listEvents({
        events: ['pipes.connected_account.connected', 'pipes.connected_account.disconnected'],
        limit: 100,
      });
      expect(Array.isArray(list.data)).toBe(true);
      for (const e of list.data) {
        expect(['pipes.connected_account.connected', 'pipes.connected_account.disconnected']).toContain(e.event);
        expect(e.id).toMatch(EVENT_ID);
        expect(e.createdAt).toMatch(DATE_ISO);
      }
      const find = (event: string, id: string) =>
        list.data
          .filter((e) => e.event === event && (e.data as { id?: string }).id === id)
          .map((e) => e.data as unknown as Record<string, unknown>);

      const ghConnected = find('pipes.connected_account.connected', accounts.github!.id);
      expect(ghConnected.length).toBeGreaterThanOrEqual(1);
      expect(ghConnected[0]).toMatchObject({
        object: 'connected_account',
        id: accounts.github!.id,
        dataIntegrationId: integrations.get('github')!.id,
        providerSlug: 'github',
        userId: 'user_1',
        organizationId: null,
        state: 'connected',
      });
      expect(find('pipes.connected_account.disconnected', accounts.github!.id)).toEqual([
        expect.objectContaining({
          providerSlug: 'github',
          userId: 'user_1',
          state: 'disconnected',
          dataIntegrationId: integrations.get('github')!.id,
        }),
      ]);

      expect(find('pipes.connected_account.connected', accounts.slackOrgA!.id)).toEqual([
        expect.objectContaining({ providerSlug: 'slack', userId: 'user_1', organizationId: 'org_a', state: 'connected' }),
      ]);
      expect(find('pipes.connected_account.disconnected', accounts.slackOrgA!.id)).toHaveLength(1);

      expect(find('pipes.connected_account.connected', accounts.githubOrgA!.id)).toEqual([
        expect.objectContaining({
          providerSlug: 'github',
          userId: null,
          organizationId: 'org_a',
          dataIntegrationId: integrations.get('github@org')!.id,
        }),
      ]);
      expect(find('pipes.connected_account.disconnected', accounts.githubOrgA!.id)).toEqual([
        expect.objectContaining({ userId: null, organizationId: 'org_a', state: 'disconnected' }),
      ]);

      expect(find('pipes.connected_account.connected', accounts.apiKey!.id).length).toBeGreaterThanOrEqual(1);
      expect(find('pipes.connected_account.connected', accounts.apiKeyStandard!.id).length).toBeGreaterThanOrEqual(1);
      expectNoSecrets(list);

      // The filter is honoured: only disconnected events.
      const disconnected = await workos.events.listEvents({ events: ['pipes.connected_account.disconnected'], limit: 100 });
      expect(disconnected.data.length).toBe(3);
      expect(disconnected.data.every((e) => e.event === 'pipes.connected_account.disconnected')).toBe(true);
      // organization filter
      const orgA = await workos.events.listEvents({ events: ['pipes.connected_account.connected'], organizationId: 'org_a', limit: 100 });
      expect(orgA.data.map((e) => (e.data as { id: string }).id).sort()).toEqual([accounts.slackOrgA!.id, accounts.githubOrgA!.id].sort());
    });
  });

  describe('error mapping (§2.4, §10.1)', () => {
    const expectRequestId = (err: unknown) => {
      expect((err as { requestID?: string }).requestID).toMatch(REQUEST_ID_PATTERN);
    };
    const caught = async (p: Promise<unknown>): Promise<unknown> => {
      try {
        await p;
      } catch (err) {
        return err;
      }
      throw new Error('expected the SDK call to throw');
    };

    it('401: a wrong API key → UnauthorizedException', async () => {
      const wrong = new WorkOS('sk_test_not_a_real_key', { apiHostname: '127.0.0.1', port, https: false });
      for (const call of [
        () => wrong.pipes.getDataIntegration({ slug: 'github' }),
        () => wrong.pipes.listUserDataProviders({ userId: 'user_1' }),
        () => wrong.events.listEvents({ events: ['pipes.connected_account.connected'] }),
      ]) {
        const err = await caught(call());
        expect(err).toBeInstanceOf(UnauthorizedException);
        expect((err as UnauthorizedException).status).toBe(401);
        expectRequestId(err);
      }
    });

    it('404: unknown slug / missing connection → NotFoundException with code entity_not_found', async () => {
      for (const call of [
        () => workos.pipes.getDataIntegration({ slug: 'no-such-provider' }),
        () => workos.pipes.updateDataIntegration({ slug: 'no-such-provider', enabled: true }),
        () => workos.pipes.deleteDataIntegration({ slug: 'no-such-provider' }),
        () => workos.pipes.getOrganizationDataIntegration({ slug: 'slack' }),
        () => workos.pipes.getUserConnectedAccount({ userId: 'user_nobody', slug: 'github' }),
        () => workos.pipes.createUserConnectedAccount({ userId: 'user_1', slug: 'no-such-provider', accessToken: 'x' }),
      ]) {
        const err = await caught(call());
        expect(err).toBeInstanceOf(NotFoundException);
        expect((err as NotFoundException).status).toBe(404);
        expect((err as NotFoundException).code).toBe('entity_not_found');
        expectRequestId(err);
      }
    });

    it('409: duplicate createDataIntegration → ConflictException with our code', async () => {
      const dup = await caught(
        workos.pipes.createDataIntegration({ provider: 'slack', credentials: { type: 'custom', clientId: 'x', clientSecret: 'y' } }),
      );
      expect(dup).toBeInstanceOf(ConflictException);
      expect((dup as ConflictException).status).toBe(409);
      expect((dup as ConflictException).code).toBe('integration_already_exists');
      expectRequestId(dup);

      const shadow = await caught(
        workos.pipes.createDataIntegration({
          provider: 'salesforce',
          credentials: { type: 'custom', clientId: 'x', clientSecret: 'y' },
          customProvider: { name: 'Fake', authorizationUrl: 'https://fake.example/a', tokenUrl: 'https://fake.example/t' },
        }),
      );
      expect(shadow).toBeInstanceOf(ConflictException);
      expect((shadow as ConflictException).code).toBe('conflict');
    });

    it('422: import with accessToken + expiresAt but no refreshToken → UnprocessableEntityException', async () => {
      const err = await caught(
        workos.pipes.createUserConnectedAccount({
          userId: 'user_3',
          slug: 'github',
          accessToken: 'gho_expiring_no_refresh',
          expiresAt: new Date(Date.now() + 60_000),
        }),
      );
      expect(err).toBeInstanceOf(UnprocessableEntityException);
      expect((err as UnprocessableEntityException).status).toBe(422);
      expect((err as UnprocessableEntityException).code).toBe('validation_failed');
      expectRequestId(err);
      await expect(workos.pipes.getUserConnectedAccount({ userId: 'user_3', slug: 'github' })).rejects.toBeInstanceOf(NotFoundException);

      const noToken = await caught(
        workos.pipes.createUserConnectedAccount({ userId: 'user_3', slug: 'github', expiresAt: new Date(Date.now() + 60_000) }),
      );
      expect(noToken).toBeInstanceOf(UnprocessableEntityException);
      const orgImport = await caught(
        workos.pipes.createOrganizationConnectedAccount({
          organizationId: 'org_c',
          slug: 'github',
          userId: 'user_admin',
          accessToken: 'gho_x',
          expiresAt: new Date(Date.now() + 60_000),
        }),
      );
      expect(orgImport).toBeInstanceOf(UnprocessableEntityException);
    });

    it('400: wrong types (cast past the SDK types) and over-long ids → BadRequestException with code and errors', async () => {
      for (const call of [
        () =>
          workos.pipes.createDataIntegration({
            provider: 'todoist',
            enabled: 'yes' as unknown as boolean,
            credentials: { type: 'custom', clientId: 'x', clientSecret: 'y' },
          }),
        () => workos.pipes.updateDataIntegration({ slug: 'github', scopes: 'repo' as unknown as string[] }),
        () => workos.pipes.listUserDataProviders({ userId: 'u'.repeat(200) }),
        () => workos.pipes.createUserConnectedAccount({ userId: 'user_1', slug: 'github', accessToken: 42 as unknown as string }),
      ]) {
        const err = await caught(call());
        expect(err).toBeInstanceOf(BadRequestException);
        const bad = err as BadRequestException;
        expect(bad.status).toBe(400);
        expect(bad.code).toBe('invalid_request');
        expect(Array.isArray(bad.errors)).toBe(true);
        expect(bad.errors!.length).toBeGreaterThan(0);
        expectRequestId(err);
      }
      // Nothing was created by the rejected request.
      await expect(workos.pipes.getDataIntegration({ slug: 'todoist' })).rejects.toBeInstanceOf(NotFoundException);
    });
  });

  describe('selectors, import variants and retries as the SDK sends them', () => {
    it('R19/R22 with supportsMultipleConnections (sent as "true"/"false") and connectedAccountId', async () => {
      const compat = await workos.pipes.getUserConnectedAccount({
        userId: 'user_1',
        slug: 'acme-keys',
        supportsMultipleConnections: false,
      });
      expect(compat).toMatchObject({ id: accounts.apiKey!.id, connectionRole: 'compatibility' });
      const exact = await workos.pipes.getUserConnectedAccount({
        userId: 'user_1',
        slug: 'acme-keys',
        supportsMultipleConnections: true,
        connectedAccountId: accounts.apiKeyStandard!.id,
      });
      expect(exact).toMatchObject({ id: accounts.apiKeyStandard!.id, connectionRole: 'standard', apiKeyLast4: '2468' });

      await expect(
        workos.pipes.deleteUserConnectedAccount({
          userId: 'user_1',
          slug: 'acme-keys',
          supportsMultipleConnections: true,
          connectedAccountId: accounts.apiKeyStandard!.id,
        }),
      ).resolves.toBeUndefined();
      await expect(
        workos.pipes.getUserConnectedAccount({ userId: 'user_1', slug: 'acme-keys', connectedAccountId: accounts.apiKeyStandard!.id }),
      ).rejects.toBeInstanceOf(NotFoundException);
      // The compatibility connection is untouched.
      expect((await workos.pipes.getUserConnectedAccount({ userId: 'user_1', slug: 'acme-keys' })).id).toBe(accounts.apiKey!.id);
    });

    it('R20 variants: no tokens ⇒ needs_reauthorization, re-import replaces (same id), connectionIntent add ⇒ standard', async () => {
      const none = await workos.pipes.createUserConnectedAccount({ userId: 'user_4', slug: 'notion' });
      expect(none).toMatchObject({ userId: 'user_4', state: 'needs_reauthorization', connectionRole: 'compatibility', scopes: [] });

      const token = 'secret_notion_user4_GGGG';
      secretsSent.push(token);
      const replaced = await workos.pipes.createUserConnectedAccount({
        userId: 'user_4',
        slug: 'notion',
        accessToken: token,
        scopes: ['read_content'],
      });
      expect(replaced).toMatchObject({ id: none.id, state: 'connected', connectionRole: 'compatibility', scopes: ['read_content'] });

      const addToken = 'secret_notion_user4_HHHH';
      secretsSent.push(addToken);
      const added = await workos.pipes.createUserConnectedAccount({
        userId: 'user_4',
        slug: 'notion',
        accessToken: addToken,
        connectionIntent: 'add',
      });
      expect(added).toMatchObject({ userId: 'user_4', state: 'connected', connectionRole: 'standard' });
      expect(added.id).not.toBe(none.id);

      const reauth = await workos.pipes.updateUserConnectedAccount({
        userId: 'user_4',
        slug: 'notion',
        connectedAccountId: added.id,
        connectionIntent: 'reauthorize',
        state: 'needs_reauthorization',
      });
      expect(reauth).toMatchObject({ id: added.id, state: 'needs_reauthorization' });
      expect((await workos.pipes.getUserConnectedAccount({ userId: 'user_4', slug: 'notion' })).state).toBe('connected');
      expectNoSecrets([none, replaced, added, reauth]);

      const events = await workos.events.listEvents({ events: ['pipes.connected_account.reauthorization_needed'], limit: 100 });
      const ids = events.data.map((e) => (e.data as { id: string }).id);
      expect(ids).toContain(none.id);
      expect(ids).toContain(added.id);
      expect(ids).toContain(accounts.github!.id);
      expect(events.data.every((e) => e.event === 'pipes.connected_account.reauthorization_needed')).toBe(true);
    });

    it('R25 with connectionIntent add on the organization root', async () => {
      const t1 = 'gho_orgD_first_IIII';
      const t2 = 'gho_orgD_second_JJJJ';
      secretsSent.push(t1, t2);
      const first = await workos.pipes.createOrganizationConnectedAccount({
        organizationId: 'org_d',
        slug: 'github',
        userId: 'user_admin',
        accessToken: t1,
        connectionIntent: 'add',
      });
      expect(first).toMatchObject({ organizationId: 'org_d', userId: null, connectionRole: 'compatibility', state: 'connected' });
      const second = await workos.pipes.createOrganizationConnectedAccount({
        organizationId: 'org_d',
        slug: 'github',
        userId: 'user_admin',
        accessToken: t2,
        connectionIntent: 'add',
      });
      expect(second).toMatchObject({ organizationId: 'org_d', userId: null, connectionRole: 'standard' });
      const plural = await workos.pipes.listOrganizationDataProviders({ organizationId: 'org_d', supportsMultipleConnections: true });
      const gh = plural.data.find((d) => d.slug === 'github')!;
      expect(gh.connectedAccount?.id).toBe(first.id);
      expect(gh.connectedAccounts?.map((a) => a.id).sort()).toEqual([first.id, second.id].sort());
      const single = await workos.pipes.listOrganizationDataProviders({ organizationId: 'org_d' });
      expect(single.data.find((d) => d.slug === 'github')!.connectedAccounts?.map((a) => a.id)).toEqual([first.id]);
      await expect(
        workos.pipes.deleteOrganizationConnectedAccount({ organizationId: 'org_d', slug: 'github', connectedAccountId: second.id }),
      ).resolves.toBeUndefined();
      expect((await workos.pipes.getOrganizationConnectedAccount({ organizationId: 'org_d', slug: 'github' })).id).toBe(first.id);
    });

    it('a POST the SDK sends twice with its Idempotency-Key (a retry after a lost answer) creates one connection and answers the same', async () => {
      const seen: { key: string | null; status: number; body: string }[] = [];
      const replaying: typeof fetch = async (input, init) => {
        const method = init?.method ?? 'GET';
        if (method !== 'POST') return fetch(input, init);
        const headers = new Headers(init?.headers);
        const lost = await fetch(input, init);
        seen.push({ key: headers.get('idempotency-key'), status: lost.status, body: await lost.text() });
        const retried = await fetch(input, init);
        const text = await retried.text();
        seen.push({ key: headers.get('idempotency-key'), status: retried.status, body: text });
        return new Response(text, { status: retried.status, headers: retried.headers });
      };
      const retrying = new WorkOS(h.apiKey, { apiHostname: '127.0.0.1', port, https: false, fetchFn: replaying });
      const secret = 'ak_live_idem_secret_8642';
      secretsSent.push(secret);
      const acct = await retrying.pipes.createDataIntegrationApiKey({
        slug: 'acme-keys',
        userId: 'user_idem',
        secret,
        connectionIntent: 'add',
      });
      expect(seen).toHaveLength(2);
      expect(seen[0]!.key).toMatch(/^retry-[0-9a-f-]{36}$/);
      expect(seen[1]!.key).toBe(seen[0]!.key);
      expect(seen[0]!.status).toBe(201);
      expect(seen[1]!.status).toBe(201);
      expect(JSON.parse(seen[1]!.body)).toEqual(JSON.parse(seen[0]!.body));
      expect(acct).toMatchObject({ userId: 'user_idem', connectionRole: 'compatibility', apiKeyLast4: '8642' });
      const plural = (await workos.pipes.listUserDataProviders({ userId: 'user_idem', supportsMultipleConnections: true })).data.find(
        (d) => d.slug === 'acme-keys',
      )!;
      expect(plural.connectedAccounts?.map((a) => a.id)).toEqual([acct.id]);
    });

    it('percent-encoded path ids (§2.1) and listEvents({ events: [] }) (sent as "events=", no filter)', async () => {
      const userId = 'google-oauth2:1234.5_x';
      const token = 'secret_notion_encoded_KKKK';
      secretsSent.push(token);
      const acct = await workos.pipes.createUserConnectedAccount({
        userId,
        slug: 'notion',
        organizationId: 'org:eu.1',
        accessToken: token,
      });
      expect(acct).toMatchObject({ userId, organizationId: 'org:eu.1', state: 'connected' });
      expect(await workos.pipes.getUserConnectedAccount({ userId, slug: 'notion', organizationId: 'org:eu.1' })).toEqual(acct);
      const listed = (await workos.pipes.listUserDataProviders({ userId, organizationId: 'org:eu.1' })).data.find(
        (d) => d.slug === 'notion',
      )!;
      expect(listed.connectedAccount?.id).toBe(acct.id);

      const all = await workos.events.listEvents({ events: [], limit: 100 });
      const kinds = new Set(all.data.map((e) => e.event));
      expect(kinds.has('pipes.connected_account.connected')).toBe(true);
      expect(kinds.has('pipes.connected_account.disconnected')).toBe(true);
      expect(kinds.has('pipes.connected_account.reauthorization_needed')).toBe(true);
    });

    it('R5 with an apiKey block answers the installation; R7 with apiKey upserts a tenant', async () => {
      const secret = 'ak_vault_first_tenant_3141';
      secretsSent.push(secret);
      const created = await workos.pipes.createDataIntegration({
        provider: 'acme-vault',
        enabled: true,
        authMethods: ['api_key'],
        customProvider: { name: 'Acme Vault' },
        apiKey: { secret, userId: 'user_7', organizationId: 'org_7' },
      });
      expect(created).toMatchObject({ slug: 'acme-vault', authMethods: ['api_key'], credentials: null, redirectUri: '' });
      expect(created.installation).toMatchObject({
        connectionRole: 'compatibility',
        userId: 'user_7',
        organizationId: 'org_7',
        apiKeyLast4: '3141',
      });
      expect(created.installation!.id).toMatch(INSTALLATION_ID);
      expectNoSecrets(created);
      // installation is never answered on get / list.
      expect((await workos.pipes.getDataIntegration({ slug: 'acme-vault' })).installation ?? null).toBeNull();
      const scoped = await workos.pipes.getUserConnectedAccount({ userId: 'user_7', slug: 'acme-vault', organizationId: 'org_7' });
      expect(scoped).toMatchObject({ id: created.installation!.id, authMethod: 'api_key', apiKeyLast4: '3141' });

      const rotated = 'ak_vault_rotated_tenant_2718';
      secretsSent.push(rotated);
      const updated = await workos.pipes.updateDataIntegration({
        slug: 'acme-vault',
        description: 'vault',
        apiKey: { secret: rotated, userId: 'user_7', organizationId: 'org_7' },
      });
      expect(updated.description).toBe('vault');
      expectNoSecrets(updated);
      expect(
        (await workos.pipes.getUserConnectedAccount({ userId: 'user_7', slug: 'acme-vault', organizationId: 'org_7' })).apiKeyLast4,
      ).toBe('2718');
    });

    it('more error mappings: R5 validation (422), unknown built-in (404), events filter (422) and range (400)', async () => {
      const caught = async (p: Promise<unknown>) =>
        p.then(
          () => {
            throw new Error('expected the SDK call to throw');
          },
          (err: unknown) => err,
        );
      const noCreds = await caught(workos.pipes.createDataIntegration({ provider: 'todoist' }));
      expect(noCreds).toBeInstanceOf(UnprocessableEntityException);
      expect((noCreds as UnprocessableEntityException).code).toBe('validation_failed');

      const insecure = await caught(
        workos.pipes.createDataIntegration({
          provider: 'plain-http',
          credentials: { type: 'custom', clientId: 'x', clientSecret: 'y' },
          customProvider: { name: 'Plain', authorizationUrl: 'http://plain.example/a', tokenUrl: 'http://plain.example/t' },
        }),
      );
      expect(insecure).toBeInstanceOf(UnprocessableEntityException);

      const unknown = await caught(
        workos.pipes.createDataIntegration({
          provider: 'not-a-provider',
          credentials: { type: 'custom', clientId: 'x', clientSecret: 'y' },
        }),
      );
      expect(unknown).toBeInstanceOf(NotFoundException);
      expect((unknown as NotFoundException).code).toBe('entity_not_found');

      const connectedNoTokens = await caught(
        workos.pipes.createUserConnectedAccount({ userId: 'user_5', slug: 'notion', state: 'connected' }),
      );
      expect(connectedNoTokens).toBeInstanceOf(UnprocessableEntityException);

      const badEvent = await caught(workos.events.listEvents({ events: ['dsync.user.created'] }));
      expect(badEvent).toBeInstanceOf(UnprocessableEntityException);
      expect((badEvent as UnprocessableEntityException).code).toBe('validation_failed');

      const badRange = await caught(workos.events.listEvents({ events: ['pipes.connected_account.connected'], rangeStart: 'not-a-date' }));
      expect(badRange).toBeInstanceOf(BadRequestException);
      expect((badRange as BadRequestException).code).toBe('invalid_request');
    });
  });
});
