import { sql, type Kysely } from 'kysely';
import { createIndex, createTable } from './table.ts';

// Forward-only (docs/security.md §23). Portable types only: text and integer mean the same on both.
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'environments')`
    id text key
    name text! unique
    production integer!
    allowed_return_origins text!
    confirmation_screen integer!
    @timestamps
  `.execute();

  await createTable(db, 'api_keys')`
    @tenant
    name text!
    digest text! unique
    last4 text!
    created_at text!
    last_used_at text
    revoked_at text
  `.execute();

  await createTable(db, 'custom_providers')`
    @tenant
    slug text!
    definition text!
    @timestamps
    @unique custom_providers_env_slug: environment_id, slug
  `.execute();

  await createTable(db, 'data_integrations')`
    @tenant
    slug text!
    ownership text!
    description text
    enabled integer!
    scopes text
    auth_method text!
    config text!
    credentials_type text
    client_id text
    client_secret text
    client_secret_last4 text
    redirect_key text! unique
    custom_provider_id text -> custom_providers.id
    @timestamps
    @unique data_integrations_env_slug_ownership: environment_id, slug, ownership
  `.execute();
  await createIndex(db, 'data_integrations_env_created', 'data_integrations', ['environment_id', 'created_at', 'id']).execute();

  await createTable(db, 'org_configurations')`
    @tenant
    slug text!
    organization_id text!
    enabled integer
    scopes text
    config text
    client_id text
    client_secret text
    client_secret_last4 text
    @timestamps
    @unique org_configurations_env_org_slug: environment_id, organization_id, slug
  `.execute();

  await createTable(db, 'connected_accounts')`
    @tenant
    integration_id text! -> data_integrations.id cascade
    @owner
    connection_role text!
    auth_method text!
    state text!
    scopes text!
    account_identifier text
    account_display_name text
    access_token text
    refresh_token text
    expires_at text
    api_key text
    api_key_last4 text
    client_id text
    client_secret text
    client_secret_last4 text
    config text!
    metadata text
    @timestamps
  `.execute();
  // The owner's lookup index, and the guarantee that an owner shape has one compatibility slot
  // (a crash or a race can never leave two).
  await createIndex(db, 'connected_accounts_owner', 'connected_accounts', ['integration_id', 'owner_key', 'connection_role']).execute();
  await db.schema
    .createIndex('connected_accounts_one_compatibility')
    .on('connected_accounts')
    .columns(['integration_id', 'owner_key'])
    .unique()
    .where(sql.ref('connection_role'), '=', 'compatibility')
    .execute();

  await createTable(db, 'events')`
    @tenant
    event text!
    organization_id text
    data text!
    created_at text!
  `.execute();
  await createIndex(db, 'events_env_id', 'events', ['environment_id', 'id']).execute();

  await createTable(db, 'idempotency_keys')`
    environment_id text! -> environments.id cascade
    route text!
    idempotency_key text!
    body_hash text!
    status integer
    response text
    created_at text!
    @primary idempotency_keys_pk: environment_id, route, idempotency_key
  `.execute();
}
