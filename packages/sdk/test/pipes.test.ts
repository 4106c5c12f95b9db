import { describe, expect, it } from 'vitest';
import { OpenPipesError, type OpenPipes } from '../src/index.js';
import {
  BASE_HEADERS,
  BASE_URL,
  IDEMPOTENCY_KEY_RE,
  camelConnectedAccount,
  makeClient,
  wireConnectedAccount,
  wireDataIntegration,
} from './helpers.js';

const JSON_HEADERS = { ...BASE_HEADERS, 'Content-Type': 'application/json' };

describe('seed methods', () => {
  it('listProviders → GET R1 with query, camelCase providers', async () => {
    const { op, calls } = makeClient([
      {
        body: {
          object: 'list',
          data: [
            {
              object: 'data_provider',
              id: 'data_integration_1',
              name: 'GitHub',
              description: 'Code hosting',
              slug: 'github',
              integration_type: 'github',
              credentials_type: 'oauth2',
              scopes: ['repo', 'user:email'],
              auth_methods: ['oauth'],
              connection_owner: 'user',
              ownership: 'userland_user',
              created_at: '2024-01-15T10:30:00.000Z',
              updated_at: '2024-01-15T10:30:00.000Z',
              connected_account: { ...wireConnectedAccount, userland_user_id: 'user_1' },
              connected_accounts: [{ ...wireConnectedAccount, userland_user_id: 'user_1' }],
            },
            {
              object: 'data_provider',
              id: 'data_integration_2',
              name: 'Slack',
              description: null,
              slug: 'slack',
              integration_type: 'slack',
              credentials_type: 'oauth2',
              scopes: null,
              ownership: 'userland_user',
              created_at: '2024-01-15T10:30:00.000Z',
              updated_at: '2024-01-15T10:30:00.000Z',
              connected_account: null,
            },
          ],
        },
      },
    ]);

    const result = await op.pipes.listProviders({
      userId: 'user_1',
      organizationId: 'org_1',
      supportsMultipleConnections: false,
    });

    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe('GET');
    expect(calls[0]!.url).toBe(
      `${BASE_URL}/user_management/users/user_1/data_providers?organization_id=org_1&supports_multiple_connections=false`,
    );
    expect(calls[0]!.headers).toStrictEqual(BASE_HEADERS);
    expect(calls[0]!.rawBody).toBeUndefined();

    const embedded = { ...camelConnectedAccount, userlandUserId: 'user_1' };
    expect(result).toStrictEqual({
      object: 'list',
      data: [
        {
          object: 'data_provider',
          id: 'data_integration_1',
          name: 'GitHub',
          description: 'Code hosting',
          slug: 'github',
          integrationType: 'github',
          credentialsType: 'oauth2',
          scopes: ['repo', 'user:email'],
          authMethods: ['oauth'],
          connectionOwner: 'user',
          ownership: 'userland_user',
          createdAt: '2024-01-15T10:30:00.000Z',
          updatedAt: '2024-01-15T10:30:00.000Z',
          connectedAccount: embedded,
          connectedAccounts: [embedded],
        },
        {
          object: 'data_provider',
          id: 'data_integration_2',
          name: 'Slack',
          description: null,
          slug: 'slack',
          integrationType: 'slack',
          credentialsType: 'oauth2',
          scopes: null,
          authMethods: ['oauth'],
          ownership: 'userland_user',
          createdAt: '2024-01-15T10:30:00.000Z',
          updatedAt: '2024-01-15T10:30:00.000Z',
          connectedAccount: null,
        },
      ],
    });
  });

  it('listProviders is the same request as listUserDataProviders; encodes path segments, no empty query', async () => {
    const { op, calls } = makeClient([{ body: { object: 'list', data: [] } }, { body: { object: 'list', data: [] } }]);
    await op.pipes.listProviders({ userId: 'user/1 ü' });
    await op.pipes.listUserDataProviders({ userId: 'user/1 ü', supportsMultipleConnections: true });
    expect(calls[0]!.path).toBe('/user_management/users/user%2F1%20%C3%BC/data_providers');
    expect(calls[1]!.path).toBe('/user_management/users/user%2F1%20%C3%BC/data_providers?supports_multiple_connections=true');
  });

  it('listOrganizationProviders → GET R2, camelCase configurations, credentials only when present', async () => {
    const { op, calls } = makeClient([
      {
        body: {
          object: 'list',
          data: [
            {
              object: 'data_integration_configuration',
              id: 'data_integration_1',
              organization_id: 'org_1',
              slug: 'gitlab',
              name: 'GitLab',
              enabled: true,
              scopes: ['read_api'],
              config: { base_url: 'https://gitlab.acme.test' },
              created_at: '2024-01-15T10:30:00.000Z',
              updated_at: '2024-01-16T10:30:00.000Z',
              credentials: {
                credentials_type: 'organization',
                has_credentials: true,
                client_id: 'client_1',
                client_secret_last_four: 'alue',
                redirect_uri: 'https://pipes.example.com/data-integrations/gitlab/dik_1/callback',
              },
            },
            {
              object: 'data_integration_configuration',
              id: 'data_integration_2',
              organization_id: 'org_1',
              slug: 'slack',
              name: 'Slack',
              enabled: false,
              scopes: null,
              config: {},
              created_at: '2024-01-15T10:30:00.000Z',
              updated_at: '2024-01-15T10:30:00.000Z',
            },
          ],
        },
      },
    ]);

    const result = await op.pipes.listOrganizationProviders({ organizationId: 'org_1' });

    expect(calls[0]!.method).toBe('GET');
    expect(calls[0]!.url).toBe(`${BASE_URL}/organizations/org_1/data_integration_configurations`);
    expect(calls[0]!.headers).toStrictEqual(BASE_HEADERS);
    expect(result).toStrictEqual({
      object: 'list',
      data: [
        {
          object: 'data_integration_configuration',
          id: 'data_integration_1',
          organizationId: 'org_1',
          slug: 'gitlab',
          name: 'GitLab',
          enabled: true,
          scopes: ['read_api'],
          config: { base_url: 'https://gitlab.acme.test' },
          createdAt: '2024-01-15T10:30:00.000Z',
          updatedAt: '2024-01-16T10:30:00.000Z',
          credentials: {
            credentialsType: 'organization',
            hasCredentials: true,
            clientId: 'client_1',
            clientSecretLastFour: 'alue',
            redirectUri: 'https://pipes.example.com/data-integrations/gitlab/dik_1/callback',
          },
        },
        {
          object: 'data_integration_configuration',
          id: 'data_integration_2',
          organizationId: 'org_1',
          slug: 'slack',
          name: 'Slack',
          enabled: false,
          scopes: null,
          config: {},
          createdAt: '2024-01-15T10:30:00.000Z',
          updatedAt: '2024-01-15T10:30:00.000Z',
        },
      ],
    });
    expect('credentials' in result.data[1]!).toBe(false);
  });

  it('configureOrganizationProvider → PUT R3 with credentials and verbatim config', async () => {
    const wire = {
      object: 'data_integration_configuration',
      id: 'data_integration_1',
      organization_id: 'org_1',
      slug: 'gitlab',
      name: 'GitLab',
      enabled: true,
      scopes: ['read_api'],
      config: { base_url: 'https://gitlab.acme.test' },
      created_at: '2024-01-15T10:30:00.000Z',
      updated_at: '2024-01-16T10:30:00.000Z',
      credentials: {
        credentials_type: 'organization',
        has_credentials: true,
        client_id: 'client_1',
        client_secret_last_four: 'cret',
        redirect_uri: 'https://pipes.example.com/cb',
      },
    };
    const { op, calls } = makeClient([{ body: wire }]);

    const result = await op.pipes.configureOrganizationProvider({
      organizationId: 'org_1',
      provider: 'gitlab',
      enabled: true,
      scopes: ['read_api'],
      clientId: 'client_1',
      clientSecret: 'the-secret',
      config: { base_url: 'https://gitlab.acme.test', camelCaseKey: 'x' },
    });

    expect(calls[0]!.method).toBe('PUT');
    expect(calls[0]!.url).toBe(`${BASE_URL}/organizations/org_1/data_integration_configurations/gitlab`);
    expect(calls[0]!.headers).toStrictEqual(JSON_HEADERS);
    expect(calls[0]!.body).toStrictEqual({
      enabled: true,
      scopes: ['read_api'],
      client_id: 'client_1',
      client_secret: 'the-secret',
      config: { base_url: 'https://gitlab.acme.test', camelCaseKey: 'x' },
    });
    expect(result.organizationId).toBe('org_1');
    expect(result.credentials).toStrictEqual({
      credentialsType: 'organization',
      hasCredentials: true,
      clientId: 'client_1',
      clientSecretLastFour: 'cret',
      redirectUri: 'https://pipes.example.com/cb',
    });
  });

  it('configureOrganizationProvider sends enabled:null / scopes:null as JSON null and omits the rest', async () => {
    const { op, calls } = makeClient([
      {
        body: {
          object: 'data_integration_configuration',
          id: 'data_integration_2',
          organization_id: 'org 1',
          slug: 'slack',
          name: 'Slack',
          enabled: false,
          scopes: null,
          created_at: '2024-01-15T10:30:00.000Z',
          updated_at: '2024-01-15T10:30:00.000Z',
        },
      },
    ]);
    const result = await op.pipes.configureOrganizationProvider({
      organizationId: 'org 1',
      provider: 'provider/slug',
      enabled: null,
      scopes: null,
    });
    expect(calls[0]!.path).toBe('/organizations/org%201/data_integration_configurations/provider%2Fslug');
    expect(calls[0]!.rawBody).toBe('{"enabled":null,"scopes":null}');
    expect(calls[0]!.headers['Idempotency-Key']).toBeUndefined();
    expect(result.config).toStrictEqual({});
    expect(result.scopes).toBeNull();
  });

  it('deleteOrganizationProviderConfiguration → DELETE, resolves to undefined on 204', async () => {
    const { op, calls } = makeClient([{ status: 204 }]);
    const result = await op.pipes.deleteOrganizationProviderConfiguration({ organizationId: 'org_1', provider: 'gitlab' });
    expect(result).toBeUndefined();
    expect(calls[0]!.method).toBe('DELETE');
    expect(calls[0]!.url).toBe(`${BASE_URL}/organizations/org_1/data_integration_configurations/gitlab`);
    expect(calls[0]!.headers).toStrictEqual(BASE_HEADERS);
    expect(calls[0]!.rawBody).toBeUndefined();
  });
});

describe('data integrations', () => {
  it('getDataIntegration accepts a slug or { slug } and returns camelCase with ISO string timestamps', async () => {
    const wire = {
      ...wireDataIntegration('data_integration_1', 'acme'),
      auth_methods: undefined,
      custom_provider: {
        name: 'Acme',
        authorization_url: 'https://acme.test/authorize',
        token_url: 'https://acme.test/token',
        refresh_token_url: null,
        pkce_enabled: true,
        request_scope_separator: ' ',
        scopes_required: false,
        client_secret_required: true,
        additional_authorization_parameters: { access_type: 'offline', promptMode: 'consent' },
        token_body_content_type: 'application/x-www-form-urlencoded',
        authenticate_via: 'basic_auth_header',
      },
    };
    const { op, calls } = makeClient([{ body: wire }, { body: wire }]);
    const a = await op.pipes.getDataIntegration('acme');
    const b = await op.pipes.getDataIntegration({ slug: 'acme' });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toStrictEqual(['GET /data-integrations/acme', 'GET /data-integrations/acme']);
    expect(b).toStrictEqual(a);
    expect(a).toStrictEqual({
      object: 'data_integration',
      id: 'data_integration_1',
      slug: 'acme',
      integrationType: 'acme',
      ownership: 'user',
      description: 'Production app',
      enabled: true,
      state: 'valid',
      scopes: ['repo'],
      redirectUri: 'https://pipes.example.com/data-integrations/acme/dik_1/callback',
      authMethods: ['oauth'],
      credentials: { type: 'custom', clientId: 'Iv1.abc', redactedClientSecret: 'wxyz' },
      installation: null,
      config: { account_name: 'myorg' },
      customProvider: {
        name: 'Acme',
        authorizationUrl: 'https://acme.test/authorize',
        tokenUrl: 'https://acme.test/token',
        refreshTokenUrl: null,
        pkceEnabled: true,
        requestScopeSeparator: ' ',
        scopesRequired: false,
        clientSecretRequired: true,
        additionalAuthorizationParameters: { access_type: 'offline', promptMode: 'consent' },
        tokenBodyContentType: 'application/x-www-form-urlencoded',
        authenticateVia: 'basic_auth_header',
      },
      createdAt: '2024-01-15T10:30:00.000Z',
      updatedAt: '2024-01-16T10:30:00.000Z',
    });
    expect(typeof a.createdAt).toBe('string');
  });

  it('createDataIntegration → POST R5 with nested snake_case body, maps untouched, Idempotency-Key', async () => {
    const wire = {
      ...wireDataIntegration('data_integration_9', 'acme_api'),
      auth_methods: ['api_key'],
      credentials: null,
      redirect_uri: '',
      installation: {
        id: 'data_installation_9',
        connection_role: 'compatibility',
        account_identifier: null,
        account_display_name: null,
        user_id: 'user_1',
        organization_id: 'org_1',
        api_key_last_4: 'cdef',
      },
    };
    const { op, calls } = makeClient([{ status: 201, body: wire }]);
    const result = await op.pipes.createDataIntegration({
      provider: 'acme_api',
      ownership: 'user',
      description: null,
      enabled: true,
      scopes: null,
      authMethods: ['api_key'],
      config: { account_name: 'myorg', someCamel: 'v' },
      apiKey: { secret: 'sk-abcdef', userId: 'user_1', organizationId: 'org_1' },
      customProvider: {
        name: 'Acme API',
        pkceEnabled: false,
        additionalAuthorizationParameters: { access_type: 'offline', promptMode: 'x' },
        authenticateVia: 'request_body',
      },
    });

    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.url).toBe(`${BASE_URL}/data-integrations`);
    const { 'Idempotency-Key': key, ...rest } = calls[0]!.headers;
    expect(rest).toStrictEqual(JSON_HEADERS);
    expect(key).toMatch(IDEMPOTENCY_KEY_RE);
    expect(calls[0]!.body).toStrictEqual({
      provider: 'acme_api',
      ownership: 'user',
      description: null,
      enabled: true,
      scopes: null,
      auth_methods: ['api_key'],
      config: { account_name: 'myorg', someCamel: 'v' },
      api_key: { secret: 'sk-abcdef', user_id: 'user_1', organization_id: 'org_1' },
      custom_provider: {
        name: 'Acme API',
        pkce_enabled: false,
        additional_authorization_parameters: { access_type: 'offline', promptMode: 'x' },
        authenticate_via: 'request_body',
      },
    });
    expect(result.installation).toStrictEqual({
      id: 'data_installation_9',
      connectionRole: 'compatibility',
      accountIdentifier: null,
      accountDisplayName: null,
      userId: 'user_1',
      organizationId: 'org_1',
      apiKeyLast4: 'cdef',
    });
    expect(result.credentials).toBeNull();
    expect(result.authMethods).toStrictEqual(['api_key']);
  });

  it('two POSTs get different automatic Idempotency-Keys; a caller key is used verbatim', async () => {
    const wire = wireDataIntegration('data_integration_1');
    const { op, calls } = makeClient([{ body: wire }, { body: wire }, { body: wire }]);
    await op.pipes.createDataIntegration({ provider: 'github' });
    await op.pipes.createDataIntegration({ provider: 'github' });
    await op.pipes.createDataIntegration({ provider: 'github' }, { idempotencyKey: 'my-key-1' });
    expect(calls[0]!.headers['Idempotency-Key']).not.toBe(calls[1]!.headers['Idempotency-Key']);
    expect(calls[2]!.headers['Idempotency-Key']).toBe('my-key-1');
  });

  it('updateOrganizationDataIntegration → PUT R10 body without slug', async () => {
    const { op, calls } = makeClient([{ body: wireDataIntegration('data_integration_1') }]);
    await op.pipes.updateOrganizationDataIntegration({
      slug: 'github',
      scopes: null,
      credentials: { type: 'custom', clientId: 'Iv1.new', clientSecret: 's3cret' },
    });
    expect(calls[0]!.method).toBe('PUT');
    expect(calls[0]!.path).toBe('/data-integrations/github/organization');
    expect(calls[0]!.body).toStrictEqual({
      scopes: null,
      credentials: { type: 'custom', client_id: 'Iv1.new', client_secret: 's3cret' },
    });
  });

  it('deleteDataIntegration → DELETE R8 resolves to undefined (body ignored)', async () => {
    const { op, calls } = makeClient([{ status: 200, text: 'ignored, not json' }]);
    await expect(op.pipes.deleteDataIntegration('github')).resolves.toBeUndefined();
    expect(calls[0]!.method).toBe('DELETE');
    expect(calls[0]!.url).toBe(`${BASE_URL}/data-integrations/github`);
    expect(calls[0]!.headers).toStrictEqual(BASE_HEADERS);
  });

  it('refuses path parameters that are empty or dot segments without sending anything', async () => {
    const { op, calls } = makeClient([]);
    await expect(op.pipes.getDataIntegration('..')).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(op.pipes.getDataIntegration('')).rejects.toBeInstanceOf(OpenPipesError);
    expect(calls).toHaveLength(0);
  });
});

describe('authorization and vending', () => {
  it('authorizeDataIntegration → POST R12', async () => {
    const { op, calls } = makeClient([{ body: { url: 'https://pipes.example.com/data-integrations/tok/authorize-redirect' } }]);
    const result = await op.pipes.authorizeDataIntegration({
      slug: 'zendesk',
      userId: 'user_1',
      organizationId: 'org_1',
      connectionOwner: 'organization',
      returnTo: 'https://app.test/done',
      config: { subdomain: 'acme' },
    });
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.path).toBe('/data-integrations/zendesk/authorize');
    expect(calls[0]!.body).toStrictEqual({
      user_id: 'user_1',
      organization_id: 'org_1',
      connection_owner: 'organization',
      return_to: 'https://app.test/done',
      config: { subdomain: 'acme' },
    });
    expect(calls[0]!.headers['Idempotency-Key']).toMatch(IDEMPOTENCY_KEY_RE);
    expect(result).toStrictEqual({ url: 'https://pipes.example.com/data-integrations/tok/authorize-redirect' });
  });

  it('getAccessToken (R13) active → { active: true, accessToken }', async () => {
    const { op, calls } = makeClient([
      {
        body: {
          active: true,
          access_token: {
            object: 'access_token',
            access_token: 'gho_abc',
            expires_at: '2025-12-31T23:59:59.000Z',
            scopes: ['repo', 'user:email'],
            missing_scopes: ['read:org'],
          },
        },
      },
    ]);
    const result = await op.pipes.getAccessToken({
      provider: 'github',
      userId: 'user_1',
      organizationId: null,
      connectedAccountId: 'data_installation_01',
      connectionOwner: 'user',
      supportsMultipleConnections: true,
    });
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.url).toBe(`${BASE_URL}/data-integrations/github/token`);
    const { 'Idempotency-Key': key, ...rest } = calls[0]!.headers;
    expect(rest).toStrictEqual(JSON_HEADERS);
    expect(key).toMatch(IDEMPOTENCY_KEY_RE);
    expect(calls[0]!.body).toStrictEqual({
      user_id: 'user_1',
      organization_id: null,
      connected_account_id: 'data_installation_01',
      connection_owner: 'user',
      supports_multiple_connections: true,
    });
    expect(result).toStrictEqual({
      active: true,
      accessToken: {
        object: 'access_token',
        accessToken: 'gho_abc',
        expiresAt: '2025-12-31T23:59:59.000Z',
        scopes: ['repo', 'user:email'],
        missingScopes: ['read:org'],
      },
    });
    if (result.active) expect(result.accessToken.accessToken).toBe('gho_abc');
  });

  it.each(['not_installed', 'needs_reauthorization'] as const)('getAccessToken (R13) inactive → %s', async (reason) => {
    const { op, calls } = makeClient([{ body: { active: false, error: reason } }]);
    const result = await op.pipes.getAccessToken({ provider: 'github', userId: 'user_1' });
    expect(calls[0]!.rawBody).toBe('{"user_id":"user_1"}');
    expect(result).toStrictEqual({ active: false, error: reason });
  });

  it('getAccessToken rejects a non-boolean `active`', async () => {
    const { op } = makeClient([{ body: { active: 'yes' } }]);
    await expect(op.pipes.getAccessToken({ provider: 'github', userId: 'user_1' })).rejects.toMatchObject({
      name: 'OpenPipesError',
      code: 'invalid_response',
    });
  });

  const credentialCases = [
    {
      name: 'oauth',
      wire: {
        object: 'credential',
        auth_method: 'oauth',
        value: 'gho_abc',
        expires_at: null,
        scopes: ['repo'],
        missing_scopes: [],
        config: { sub_domain: 'acme' },
      },
      camel: {
        object: 'credential',
        authMethod: 'oauth',
        value: 'gho_abc',
        config: { sub_domain: 'acme' },
        expiresAt: null,
        scopes: ['repo'],
        missingScopes: [],
      },
    },
    {
      name: 'api_key',
      wire: { object: 'credential', auth_method: 'api_key', value: 'sk-live-123', config: {} },
      camel: { object: 'credential', authMethod: 'api_key', value: 'sk-live-123', config: {} },
    },
    {
      name: 'client_credentials',
      wire: {
        object: 'credential',
        auth_method: 'client_credentials',
        value: 'eyJ.token',
        expires_at: '2025-01-01T00:00:00.000Z',
        scopes: ['api'],
        missing_scopes: ['refresh_token'],
        metadata: { instance_url: 'https://acme.my.salesforce.com', tokenType: 'Bearer' },
      },
      camel: {
        object: 'credential',
        authMethod: 'client_credentials',
        value: 'eyJ.token',
        expiresAt: '2025-01-01T00:00:00.000Z',
        scopes: ['api'],
        missingScopes: ['refresh_token'],
        metadata: { instance_url: 'https://acme.my.salesforce.com', tokenType: 'Bearer' },
      },
    },
  ];

  it.each(credentialCases)('createDataIntegrationCredential (R14) $name', async ({ wire, camel }) => {
    const { op, calls } = makeClient([{ body: { active: true, credential: wire } }]);
    const result = await op.pipes.createDataIntegrationCredential({
      slug: 'salesforce',
      userId: 'user_1',
      organizationId: 'org_1',
      connectionOwner: 'organization',
    });
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.url).toBe(`${BASE_URL}/data-integrations/salesforce/credentials`);
    expect(calls[0]!.headers['Content-Type']).toBe('application/json');
    expect(calls[0]!.headers['Idempotency-Key']).toMatch(IDEMPOTENCY_KEY_RE);
    expect(calls[0]!.body).toStrictEqual({
      user_id: 'user_1',
      organization_id: 'org_1',
      connection_owner: 'organization',
    });
    expect(result).toStrictEqual({ active: true, credential: camel });
  });

  it('createDataIntegrationCredential (R14) inactive and unknown auth_method', async () => {
    const { op } = makeClient([
      { body: { active: false, error: 'needs_reauthorization' } },
      { body: { active: true, credential: { object: 'credential', auth_method: 'saml', value: 'x' } } },
    ]);
    await expect(op.pipes.createDataIntegrationCredential({ slug: 'github', userId: 'user_1' })).resolves.toStrictEqual({
      active: false,
      error: 'needs_reauthorization',
    });
    await expect(op.pipes.createDataIntegrationCredential({ slug: 'github', userId: 'user_1' })).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });
});

describe('API-key and client-credentials connections', () => {
  it('createDataIntegrationApiKey → POST R15', async () => {
    const wire = { ...wireConnectedAccount, auth_method: 'api_key', api_key_last_4: 'cdef', config: {} };
    const { op, calls } = makeClient([{ status: 201, body: wire }]);
    const result = await op.pipes.createDataIntegrationApiKey({
      slug: 'openai',
      userId: 'user_1',
      secret: 'sk-abcdef',
      connectionIntent: 'add',
    });
    expect(`${calls[0]!.method} ${calls[0]!.path}`).toBe('POST /data-integrations/openai/api-key');
    expect(calls[0]!.body).toStrictEqual({ user_id: 'user_1', secret: 'sk-abcdef', connection_intent: 'add' });
    expect(result.authMethod).toBe('api_key');
    expect(result.apiKeyLast4).toBe('cdef');
  });

  it('updateDataIntegrationClientCredentials → PUT R18 without automatic Idempotency-Key', async () => {
    const wire = {
      ...wireConnectedAccount,
      auth_method: 'client_credentials',
      client_id: 'cid',
      client_secret_last_4: 'wxyz',
    };
    const { op, calls } = makeClient([{ body: wire }]);
    const result = await op.pipes.updateDataIntegrationClientCredentials({
      slug: 'salesforce',
      userId: 'user_1',
      connectedAccountId: 'data_installation_01',
      connectionIntent: 'reauthorize',
      clientId: 'cid',
      clientSecret: 'csecret',
      config: { instance: 'acme', myKey: 'v' },
    });
    expect(`${calls[0]!.method} ${calls[0]!.path}`).toBe('PUT /data-integrations/salesforce/client-credentials');
    expect(calls[0]!.headers).toStrictEqual(JSON_HEADERS);
    expect(calls[0]!.body).toStrictEqual({
      user_id: 'user_1',
      connected_account_id: 'data_installation_01',
      connection_intent: 'reauthorize',
      client_id: 'cid',
      client_secret: 'csecret',
      config: { instance: 'acme', myKey: 'v' },
    });
    expect(result.clientId).toBe('cid');
    expect(result.clientSecretLast4).toBe('wxyz');
  });
});

describe('connected accounts', () => {
  it('createUserConnectedAccount (R20 import) → POST with organization_id query and token body', async () => {
    const { op, calls } = makeClient([{ status: 201, body: wireConnectedAccount }]);
    const result = await op.pipes.createUserConnectedAccount({
      userId: 'user_1',
      slug: 'github',
      organizationId: 'org_1',
      accessToken: 'gho_abc',
      refreshToken: 'ghr_def',
      expiresAt: new Date('2025-06-01T12:00:00Z'),
      scopes: ['repo'],
      state: 'connected',
      connectionIntent: 'add',
    });
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.url).toBe(`${BASE_URL}/user_management/users/user_1/connected_accounts/github?organization_id=org_1`);
    const { 'Idempotency-Key': key, ...rest } = calls[0]!.headers;
    expect(rest).toStrictEqual(JSON_HEADERS);
    expect(key).toMatch(IDEMPOTENCY_KEY_RE);
    expect(calls[0]!.body).toStrictEqual({
      access_token: 'gho_abc',
      refresh_token: 'ghr_def',
      expires_at: '2025-06-01T12:00:00.000Z',
      scopes: ['repo'],
      state: 'connected',
      connection_intent: 'add',
    });
    expect(result).toStrictEqual(camelConnectedAccount);
  });

  it('createUserConnectedAccount without tokens sends {} and accepts a string expiresAt', async () => {
    const { op, calls } = makeClient([{ body: wireConnectedAccount }, { body: wireConnectedAccount }]);
    await op.pipes.createUserConnectedAccount({ userId: 'user_1', slug: 'github' });
    await op.pipes.createUserConnectedAccount({
      userId: 'user_1',
      slug: 'github',
      accessToken: 'a',
      expiresAt: '2030-01-01T00:00:00.000Z',
    });
    expect(calls[0]!.path).toBe('/user_management/users/user_1/connected_accounts/github');
    expect(calls[0]!.rawBody).toBe('{}');
    expect(calls[1]!.body).toStrictEqual({ access_token: 'a', expires_at: '2030-01-01T00:00:00.000Z' });
  });

  it('getUserConnectedAccount (R19) → GET with selector query', async () => {
    const { op, calls } = makeClient([{ body: { ...wireConnectedAccount, auth_method: undefined, config: undefined } }]);
    const result = await op.pipes.getUserConnectedAccount({
      userId: 'user_1',
      slug: 'github',
      supportsMultipleConnections: true,
      connectedAccountId: 'data_installation_01',
    });
    expect(calls[0]!.path).toBe(
      '/user_management/users/user_1/connected_accounts/github?supports_multiple_connections=true&connected_account_id=data_installation_01',
    );
    expect(result.authMethod).toBe('oauth');
    expect('config' in result).toBe(false);
    expect('lastUsedAt' in result).toBe(false);
  });

  it('getUserConnectedAccount camelCases the activity and health extensions, nulls kept', async () => {
    const { op } = makeClient([
      {
        body: {
          ...wireConnectedAccount,
          last_refreshed_at: '2025-06-01T12:00:00.000Z',
          last_used_at: null,
          last_health_check_at: '2025-06-01T12:00:00.000Z',
          last_health_check_result: 'temporary_failure',
        },
      },
    ]);
    const result = await op.pipes.getUserConnectedAccount({ userId: 'user_1', slug: 'github' });
    expect(result).toStrictEqual({
      ...camelConnectedAccount,
      lastRefreshedAt: '2025-06-01T12:00:00.000Z',
      lastUsedAt: null,
      lastHealthCheckAt: '2025-06-01T12:00:00.000Z',
      lastHealthCheckResult: 'temporary_failure',
    });
  });

  it('deleteUserConnectedAccount (R22) → DELETE with query, resolves to undefined', async () => {
    const { op, calls } = makeClient([{ status: 204 }]);
    const result = await op.pipes.deleteUserConnectedAccount({
      userId: 'user_1',
      slug: 'github',
      organizationId: 'org_1',
      connectedAccountId: 'data_installation_01',
    });
    expect(result).toBeUndefined();
    expect(calls[0]!.method).toBe('DELETE');
    expect(calls[0]!.url).toBe(
      `${BASE_URL}/user_management/users/user_1/connected_accounts/github?organization_id=org_1&connected_account_id=data_installation_01`,
    );
    expect(calls[0]!.headers).toStrictEqual(BASE_HEADERS);
  });

  it('updateOrganizationConnectedAccount (R26) → PUT with selector query and user_id in the body', async () => {
    const wire = { ...wireConnectedAccount, user_id: null, organization_id: 'org_1' };
    const { op, calls } = makeClient([{ body: wire }]);
    const result = await op.pipes.updateOrganizationConnectedAccount({
      organizationId: 'org_1',
      slug: 'github',
      userId: 'user_1',
      connectedAccountId: 'data_installation_01',
      connectionIntent: 'reauthorize',
      state: 'needs_reauthorization',
    });
    expect(calls[0]!.method).toBe('PUT');
    expect(calls[0]!.path).toBe(
      '/organizations/org_1/connected_accounts/github?connected_account_id=data_installation_01&connection_intent=reauthorize',
    );
    expect(calls[0]!.body).toStrictEqual({ state: 'needs_reauthorization', user_id: 'user_1' });
    expect(result.userId).toBeNull();
    expect(result.organizationId).toBe('org_1');
  });
});

describe('catalog', () => {
  const wireProvider = {
    object: 'catalog_provider',
    slug: 'zendesk',
    name: 'Zendesk',
    description: 'Support tickets',
    auth_methods: ['oauth'],
    default_scopes: ['read'],
    scope_separator: ' ',
    pkce: false,
    docs_url: 'https://developer.zendesk.com',
    config_fields: [
      {
        name: 'subdomain',
        label: 'Subdomain',
        description: 'Your Zendesk subdomain',
        scope: 'installation',
        required: true,
        secret: false,
        pattern: '^[a-z0-9-]+$',
      },
    ],
  };
  const camelProvider = {
    object: 'catalog_provider',
    slug: 'zendesk',
    name: 'Zendesk',
    description: 'Support tickets',
    authMethods: ['oauth'],
    defaultScopes: ['read'],
    scopeSeparator: ' ',
    pkce: false,
    docsUrl: 'https://developer.zendesk.com',
    configFields: [
      {
        name: 'subdomain',
        label: 'Subdomain',
        description: 'Your Zendesk subdomain',
        scope: 'installation',
        required: true,
        secret: false,
        pattern: '^[a-z0-9-]+$',
      },
    ],
  };

  it('listProviders → GET /catalog/providers', async () => {
    const { op, calls } = makeClient([{ body: { object: 'list', data: [wireProvider] } }]);
    const result = await op.catalog.listProviders();
    expect(`${calls[0]!.method} ${calls[0]!.url}`).toBe(`GET ${BASE_URL}/catalog/providers`);
    expect(calls[0]!.headers).toStrictEqual(BASE_HEADERS);
    expect(result).toStrictEqual({ object: 'list', data: [camelProvider] });
  });

  it('getProvider → GET /catalog/providers/:slug', async () => {
    const { op, calls } = makeClient([{ body: wireProvider }]);
    const result = await op.catalog.getProvider('zendesk');
    expect(`${calls[0]!.method} ${calls[0]!.path}`).toBe('GET /catalog/providers/zendesk');
    expect(result).toStrictEqual(camelProvider);
  });
});

describe('route table (R1–R27 + extensions)', () => {
  const ca = wireConnectedAccount;
  const di = wireDataIntegration('data_integration_1');
  const list = { object: 'list', data: [] };
  type Case = [string, (op: OpenPipes) => Promise<unknown>, string, string, unknown];
  const cases: Case[] = [
    [
      'R1 listUserDataProviders',
      (op) => op.pipes.listUserDataProviders({ userId: 'u' }),
      'GET',
      '/user_management/users/u/data_providers',
      list,
    ],
    [
      'R2 listOrganizationProviders',
      (op) => op.pipes.listOrganizationProviders({ organizationId: 'o' }),
      'GET',
      '/organizations/o/data_integration_configurations',
      list,
    ],
    [
      'R3 configureOrganizationProvider',
      (op) => op.pipes.configureOrganizationProvider({ organizationId: 'o', provider: 'p', enabled: true }),
      'PUT',
      '/organizations/o/data_integration_configurations/p',
      {
        object: 'data_integration_configuration',
        id: 'i',
        organization_id: 'o',
        slug: 'p',
        name: 'P',
        enabled: true,
        scopes: null,
        config: {},
        created_at: 't',
        updated_at: 't',
      },
    ],
    [
      'R3x deleteOrganizationProviderConfiguration',
      (op) => op.pipes.deleteOrganizationProviderConfiguration({ organizationId: 'o', provider: 'p' }),
      'DELETE',
      '/organizations/o/data_integration_configurations/p',
      undefined,
    ],
    [
      'R4 listDataIntegrations',
      (op) => op.pipes.listDataIntegrations(),
      'GET',
      '/data-integrations?order=desc',
      { ...list, list_metadata: { before: null, after: null } },
    ],
    ['R5 createDataIntegration', (op) => op.pipes.createDataIntegration({ provider: 's' }), 'POST', '/data-integrations', di],
    ['R6 getDataIntegration', (op) => op.pipes.getDataIntegration('s'), 'GET', '/data-integrations/s', di],
    ['R7 updateDataIntegration', (op) => op.pipes.updateDataIntegration({ slug: 's', enabled: false }), 'PUT', '/data-integrations/s', di],
    ['R8 deleteDataIntegration', (op) => op.pipes.deleteDataIntegration({ slug: 's' }), 'DELETE', '/data-integrations/s', undefined],
    [
      'R9 getOrganizationDataIntegration',
      (op) => op.pipes.getOrganizationDataIntegration({ slug: 's' }),
      'GET',
      '/data-integrations/s/organization',
      di,
    ],
    [
      'R10 updateOrganizationDataIntegration',
      (op) => op.pipes.updateOrganizationDataIntegration({ slug: 's', enabled: true }),
      'PUT',
      '/data-integrations/s/organization',
      di,
    ],
    [
      'R11 deleteOrganizationDataIntegration',
      (op) => op.pipes.deleteOrganizationDataIntegration('s'),
      'DELETE',
      '/data-integrations/s/organization',
      undefined,
    ],
    [
      'R12 authorizeDataIntegration',
      (op) => op.pipes.authorizeDataIntegration({ slug: 's', userId: 'u' }),
      'POST',
      '/data-integrations/s/authorize',
      { url: 'https://x' },
    ],
    [
      'R13 getAccessToken',
      (op) => op.pipes.getAccessToken({ provider: 's', userId: 'u' }),
      'POST',
      '/data-integrations/s/token',
      { active: false, error: 'not_installed' },
    ],
    [
      'R14 createDataIntegrationCredential',
      (op) => op.pipes.createDataIntegrationCredential({ slug: 's', userId: 'u' }),
      'POST',
      '/data-integrations/s/credentials',
      { active: false, error: 'not_installed' },
    ],
    [
      'R15 createDataIntegrationApiKey',
      (op) => op.pipes.createDataIntegrationApiKey({ slug: 's', userId: 'u', secret: 'k', connectionIntent: 'add' }),
      'POST',
      '/data-integrations/s/api-key',
      ca,
    ],
    [
      'R16 updateDataIntegrationApiKey',
      (op) => op.pipes.updateDataIntegrationApiKey({ slug: 's', userId: 'u', secret: 'k' }),
      'PUT',
      '/data-integrations/s/api-key',
      ca,
    ],
    [
      'R17 createDataIntegrationClientCredential',
      (op) =>
        op.pipes.createDataIntegrationClientCredential({
          slug: 's',
          userId: 'u',
          clientId: 'c',
          clientSecret: 'x',
          connectionIntent: 'add',
        }),
      'POST',
      '/data-integrations/s/client-credentials',
      ca,
    ],
    [
      'R18 updateDataIntegrationClientCredentials',
      (op) => op.pipes.updateDataIntegrationClientCredentials({ slug: 's', userId: 'u', clientId: 'c', clientSecret: 'x' }),
      'PUT',
      '/data-integrations/s/client-credentials',
      ca,
    ],
    [
      'R19 getUserConnectedAccount',
      (op) => op.pipes.getUserConnectedAccount({ userId: 'u', slug: 's' }),
      'GET',
      '/user_management/users/u/connected_accounts/s',
      ca,
    ],
    [
      'R20 createUserConnectedAccount',
      (op) => op.pipes.createUserConnectedAccount({ userId: 'u', slug: 's' }),
      'POST',
      '/user_management/users/u/connected_accounts/s',
      ca,
    ],
    [
      'R21 updateUserConnectedAccount',
      (op) => op.pipes.updateUserConnectedAccount({ userId: 'u', slug: 's', scopes: ['a'] }),
      'PUT',
      '/user_management/users/u/connected_accounts/s',
      ca,
    ],
    [
      'R22 deleteUserConnectedAccount',
      (op) => op.pipes.deleteUserConnectedAccount({ userId: 'u', slug: 's' }),
      'DELETE',
      '/user_management/users/u/connected_accounts/s',
      undefined,
    ],
    [
      'R23 listOrganizationDataProviders',
      (op) => op.pipes.listOrganizationDataProviders({ organizationId: 'o', supportsMultipleConnections: true }),
      'GET',
      '/organizations/o/data_providers?supports_multiple_connections=true',
      list,
    ],
    [
      'R24 getOrganizationConnectedAccount',
      (op) => op.pipes.getOrganizationConnectedAccount({ organizationId: 'o', slug: 's' }),
      'GET',
      '/organizations/o/connected_accounts/s',
      ca,
    ],
    [
      'R25 createOrganizationConnectedAccount',
      (op) => op.pipes.createOrganizationConnectedAccount({ organizationId: 'o', slug: 's', userId: 'u' }),
      'POST',
      '/organizations/o/connected_accounts/s',
      ca,
    ],
    [
      'R26 updateOrganizationConnectedAccount',
      (op) => op.pipes.updateOrganizationConnectedAccount({ organizationId: 'o', slug: 's', userId: 'u' }),
      'PUT',
      '/organizations/o/connected_accounts/s',
      ca,
    ],
    [
      'R27 deleteOrganizationConnectedAccount',
      (op) => op.pipes.deleteOrganizationConnectedAccount({ organizationId: 'o', slug: 's' }),
      'DELETE',
      '/organizations/o/connected_accounts/s',
      undefined,
    ],
  ];

  it.each(cases)('%s', async (_name, call, method, path, body) => {
    const { op, calls } = makeClient([body === undefined ? { status: 204 } : { body }]);
    const result = await call(op);
    expect(calls).toHaveLength(1);
    expect(`${calls[0]!.method} ${calls[0]!.path}`).toBe(`${method} ${path}`);
    expect('Idempotency-Key' in calls[0]!.headers).toBe(method === 'POST');
    expect('Content-Type' in calls[0]!.headers).toBe(method === 'POST' || method === 'PUT');
    if (method === 'DELETE') expect(result).toBeUndefined();
    else expect(result).toBeDefined();
  });
});
