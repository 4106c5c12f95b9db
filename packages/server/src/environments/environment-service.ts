import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import { conflict, notFound, validationFailed } from '../core/errors.ts';
import { ID_PREFIX, newId } from '../core/ids.ts';
import type { Environment } from '../domain/environment.ts';
import type { Store } from '../store/store.ts';
import { parseOrigin } from './origin.ts';

export const DEFAULT_ENVIRONMENT = 'default';
const NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export interface EnvironmentSettings {
  /** For messages that say where to change a setting. */
  name: string;
  allowedReturnOrigins: string[];
  confirmationScreen: boolean;
}

const checkOrigin = (raw: string): string => {
  const origin = parseOrigin(raw);
  if (origin === null) {
    throw validationFailed(`"${raw}" is not an origin like https://app.example.com.`, [
      { field: 'allowed_return_origins', code: 'invalid_format' },
    ]);
  }
  return origin;
};

/** Environments are the tenant boundary: every object belongs to one, named by its API key. */
export class EnvironmentService {
  constructor(private readonly deps: { store: Pick<Store, 'environments'>; clock: Clock }) {}

  async create(name: string, options: { production?: boolean; allowedReturnOrigins?: readonly string[] } = {}): Promise<Environment> {
    if (!NAME_PATTERN.test(name))
      throw validationFailed('An environment name is lower-case letters, digits, "-" and "_".', [
        { field: 'name', code: 'invalid_format' },
      ]);
    if (await this.deps.store.environments.byName(name)) throw conflict(`Environment "${name}" already exists.`);
    const now = iso(this.deps.clock.now());
    const row: Environment = {
      id: newId(ID_PREFIX.environment),
      name,
      production: options.production ?? false,
      allowed_return_origins: [...new Set((options.allowedReturnOrigins ?? []).map(checkOrigin))],
      confirmation_screen: true,
      created_at: now,
      updated_at: now,
    };
    await this.deps.store.environments.insert(row);
    return row;
  }

  /** The default environment, created on first start; start-up origins are merged into it. */
  async ensureDefault(allowedReturnOrigins: readonly string[]): Promise<Environment> {
    const existing = await this.deps.store.environments.byName(DEFAULT_ENVIRONMENT);
    if (!existing) return this.create(DEFAULT_ENVIRONMENT, { allowedReturnOrigins });
    const current = existing.allowed_return_origins;
    const merged = [...new Set([...current, ...allowedReturnOrigins])];
    if (merged.length !== current.length) {
      const updated = { allowed_return_origins: merged, updated_at: iso(this.deps.clock.now()) };
      await this.deps.store.environments.update(existing.id, updated);
      return { ...existing, ...updated };
    }
    return existing;
  }

  async byName(name: string): Promise<Environment> {
    const row = await this.deps.store.environments.byName(name);
    if (!row) throw notFound(`Environment "${name}" does not exist.`, name);
    return row;
  }

  list(): Promise<Environment[]> {
    return this.deps.store.environments.list();
  }

  /** Changes an environment's browser-facing settings (the dashboard will use the same call). */
  async configure(name: string, patch: { allowedReturnOrigins?: readonly string[]; confirmationScreen?: boolean }): Promise<Environment> {
    const row = await this.byName(name);
    const update: Partial<Environment> & { updated_at: string } = { updated_at: iso(this.deps.clock.now()) };
    if (patch.allowedReturnOrigins !== undefined) update.allowed_return_origins = [...new Set(patch.allowedReturnOrigins.map(checkOrigin))];
    if (patch.confirmationScreen !== undefined) update.confirmation_screen = patch.confirmationScreen;
    await this.deps.store.environments.update(row.id, update);
    return { ...row, ...update };
  }

  /** An environment's allowed app origins; null when the environment does not exist. */
  async originsOf(environmentId: string): Promise<string[] | null> {
    return (await this.deps.store.environments.byId(environmentId))?.allowed_return_origins ?? null;
  }

  async settings(environmentId: string): Promise<EnvironmentSettings> {
    const row = await this.deps.store.environments.byId(environmentId);
    if (!row) throw notFound('Environment not found.', environmentId);
    return { name: row.name, allowedReturnOrigins: row.allowed_return_origins, confirmationScreen: row.confirmation_screen };
  }
}
