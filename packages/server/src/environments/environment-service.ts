import type { Clock } from '../clock.ts';
import { iso } from '../clock.ts';
import { conflict, notFound, validationFailed } from '../errors.ts';
import { ID_PREFIX, newId } from '../ids.ts';
import type { EnvironmentRow } from '../store/environments-repo.ts';
import type { Store } from '../store/store.ts';

export const DEFAULT_ENVIRONMENT = 'default';
const NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export interface EnvironmentSettings {
  allowedReturnOrigins: string[];
  confirmationScreen: boolean;
}

/** Environments are the tenant boundary: every object belongs to one, named by its API key. */
export class EnvironmentService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  async create(name: string, options: { production?: boolean; allowedReturnOrigins?: readonly string[] } = {}): Promise<EnvironmentRow> {
    if (!NAME_PATTERN.test(name)) throw validationFailed('An environment name is lower-case letters, digits, "-" and "_".', [{ field: 'name', code: 'invalid_format' }]);
    if (await this.deps.store.environments.byName(name)) throw conflict('conflict', `Environment "${name}" already exists.`);
    const now = iso(this.deps.clock.now());
    const row: EnvironmentRow = {
      id: newId(ID_PREFIX.environment),
      name,
      production: options.production ? 1 : 0,
      allowed_return_origins: JSON.stringify(options.allowedReturnOrigins ?? []),
      confirmation_screen: 1,
      created_at: now,
      updated_at: now,
    };
    await this.deps.store.environments.insert(row);
    return row;
  }

  /** The default environment, created on first start; start-up origins are merged into it. */
  async ensureDefault(allowedReturnOrigins: readonly string[]): Promise<EnvironmentRow> {
    const existing = await this.deps.store.environments.byName(DEFAULT_ENVIRONMENT);
    if (!existing) return this.create(DEFAULT_ENVIRONMENT, { allowedReturnOrigins });
    const current = JSON.parse(existing.allowed_return_origins) as string[];
    const merged = [...new Set([...current, ...allowedReturnOrigins])];
    if (merged.length !== current.length) {
      const updated = { allowed_return_origins: JSON.stringify(merged), updated_at: iso(this.deps.clock.now()) };
      await this.deps.store.environments.update(existing.id, updated);
      return { ...existing, ...updated };
    }
    return existing;
  }

  async byName(name: string): Promise<EnvironmentRow> {
    const row = await this.deps.store.environments.byName(name);
    if (!row) throw notFound(`Environment "${name}" does not exist.`, name);
    return row;
  }

  list(): Promise<EnvironmentRow[]> {
    return this.deps.store.environments.list();
  }

  /** Changes an environment's browser-facing settings (the dashboard will use the same call). */
  async configure(name: string, patch: { allowedReturnOrigins?: readonly string[]; confirmationScreen?: boolean }): Promise<EnvironmentRow> {
    const row = await this.byName(name);
    const update: Partial<EnvironmentRow> = { updated_at: iso(this.deps.clock.now()) };
    if (patch.allowedReturnOrigins !== undefined) update.allowed_return_origins = JSON.stringify([...new Set(patch.allowedReturnOrigins)]);
    if (patch.confirmationScreen !== undefined) update.confirmation_screen = patch.confirmationScreen ? 1 : 0;
    await this.deps.store.environments.update(row.id, update);
    return { ...row, ...update };
  }

  async settings(environmentId: string): Promise<EnvironmentSettings> {
    const row = await this.deps.store.environments.byId(environmentId);
    if (!row) throw notFound('Environment not found.', environmentId);
    return { allowedReturnOrigins: JSON.parse(row.allowed_return_origins) as string[], confirmationScreen: row.confirmation_screen === 1 };
  }
}
