import { sql, type Kysely } from 'kysely';

// Forward-only (security.md §23). Portable types only: text and integer mean the same on both.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('environments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('production', 'integer', (c) => c.notNull())
    .addColumn('allowed_return_origins', 'text', (c) => c.notNull())
    .addColumn('confirmation_screen', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull().unique())
    .addColumn('last4', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('custom_providers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('custom_providers_env_slug', ['environment_id', 'slug'])
    .execute();

  await db.schema
    .createTable('data_integrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('ownership', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('scopes', 'text')
    .addColumn('auth_method', 'text', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('credentials_type', 'text')
    .addColumn('client_id', 'text')
    .addColumn('client_secret', 'text')
    .addColumn('client_secret_last4', 'text')
    .addColumn('redirect_key', 'text', (c) => c.notNull().unique())
    .addColumn('custom_provider_id', 'text', (c) => c.references('custom_providers.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('data_integrations_env_slug_ownership', ['environment_id', 'slug', 'ownership'])
    .execute();
  await db.schema.createIndex('data_integrations_env_created').on('data_integrations').columns(['environment_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('org_configurations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer')
    .addColumn('scopes', 'text')
    .addColumn('config', 'text')
    .addColumn('client_id', 'text')
    .addColumn('client_secret', 'text')
    .addColumn('client_secret_last4', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('org_configurations_env_org_slug', ['environment_id', 'organization_id', 'slug'])
    .execute();

  await db.schema
    .createTable('connected_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('integration_id', 'text', (c) => c.notNull().references('data_integrations.id').onDelete('cascade'))
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('organization_id', 'text')
    .addColumn('owner_key', 'text', (c) => c.notNull())
    .addColumn('connection_role', 'text', (c) => c.notNull())
    .addColumn('auth_method', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('account_identifier', 'text')
    .addColumn('account_display_name', 'text')
    .addColumn('access_token', 'text')
    .addColumn('refresh_token', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('api_key', 'text')
    .addColumn('api_key_last4', 'text')
    .addColumn('client_id', 'text')
    .addColumn('client_secret', 'text')
    .addColumn('client_secret_last4', 'text')
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The owner's lookup index, and the guarantee that an owner shape has one compatibility slot
  // (a crash or a race can never leave two).
  await db.schema.createIndex('connected_accounts_owner').on('connected_accounts').columns(['integration_id', 'owner_key', 'connection_role']).execute();
  await db.schema
    .createIndex('connected_accounts_one_compatibility')
    .on('connected_accounts')
    .columns(['integration_id', 'owner_key'])
    .unique()
    .where(sql.ref('connection_role'), '=', 'compatibility')
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_env_id').on('events').columns(['environment_id', 'id']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('response', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['environment_id', 'route', 'idempotency_key'])
    .execute();
}
