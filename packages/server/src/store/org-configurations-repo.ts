import type { Kysely, Selectable } from 'kysely';
import type { NewOrgConfiguration, OrgConfiguration, OrgConfigurationChanges } from '../domain/org-configuration.ts';
import { encodeChanges } from './encoding.ts';
import { decodeSettings, settingsEncoders } from './settings-codec.ts';
import type { Sealer, SealedAt } from './sealer.ts';
import { updateById } from './update-by-id.ts';
import type { Database, OrgConfigurationsTable } from './schema.ts';

type OrgConfigurationRow = Selectable<OrgConfigurationsTable>;
type OrgConfigurationColumns = Partial<Omit<OrgConfigurationRow, 'id' | 'environment_id'>>;

const TABLE = 'org_configurations';

/** An override sets nothing until a write says otherwise: every part falls back to the integration. */
const UNSET = { enabled: null, scopes: null, config: null, client_id: null, client_secret: null, client_secret_last4: null } as const;

/** Organizations' overrides: rows in, domain overrides out; the client secret sealed here. */
export class OrgConfigurationsRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sealer: Sealer,
  ) {}

  async get(environmentId: string, organizationId: string, slug: string): Promise<OrgConfiguration | null> {
    const row = await this.db
      .selectFrom(TABLE)
      .selectAll()
      .where((eb) => eb.and({ environment_id: environmentId, organization_id: organizationId, slug }))
      .executeTakeFirst();
    return row ? this.toDomain(row) : null;
  }

  async listForOrganization(environmentId: string, organizationId: string): Promise<OrgConfiguration[]> {
    const rows = await this.db
      .selectFrom(TABLE)
      .selectAll()
      .where((eb) => eb.and({ environment_id: environmentId, organization_id: organizationId }))
      .execute();
    return rows.map((r) => this.toDomain(r));
  }

  /** Creates an override; returns it as stored. */
  async insert(o: NewOrgConfiguration): Promise<OrgConfiguration> {
    const { id, environment_id, slug, organization_id, created_at, updated_at } = o;
    const row: OrgConfigurationRow = {
      ...UNSET,
      id,
      environment_id,
      slug,
      organization_id,
      created_at,
      updated_at,
      ...this.columns(sealedAt(o), o),
    };
    await this.db.insertInto(TABLE).values(row).execute();
    return this.toDomain(row);
  }

  /** Applies `changes`; returns the override as stored afterwards. */
  async update(o: Pick<OrgConfiguration, 'id' | 'environment_id'>, changes: OrgConfigurationChanges): Promise<OrgConfiguration> {
    return this.toDomain(await updateById(this.db, TABLE, o.id, this.columns(sealedAt(o), changes)));
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom(TABLE).where('id', '=', id).execute();
  }

  async deleteForSlug(environmentId: string, slug: string): Promise<void> {
    await this.db.deleteFrom(TABLE).where('environment_id', '=', environmentId).where('slug', '=', slug).execute();
  }

  private columns(at: SealedAt, c: OrgConfigurationChanges): OrgConfigurationColumns {
    return encodeChanges<OrgConfigurationChanges, OrgConfigurationColumns>(c, settingsEncoders(this.sealer, at));
  }

  private toDomain(row: OrgConfigurationRow): OrgConfiguration {
    return { ...row, ...decodeSettings(this.sealer, sealedAt(row), row) };
  }
}

const sealedAt = (row: { id: string; environment_id: string }): SealedAt => ({
  environmentId: row.environment_id,
  table: TABLE,
  rowId: row.id,
});
