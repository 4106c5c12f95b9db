import type { Clock } from '../core/clock.ts';
import { iso } from '../core/clock.ts';
import { conflict, notFound, validationFailed } from '../core/errors.ts';
import { ID_PREFIX, newId } from '../core/ids.ts';
import { hashPassword, verifyPassword } from '../crypto/password.ts';
import type { Operator } from '../domain/operator.ts';
import type { Store } from '../store/store.ts';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 1024;

/** The operator `OPENPIPES_ADMIN_PASSWORD` signs in as. */
export const ADMIN_USERNAME = 'admin';

/** Why a password is refused, or null when it is acceptable. */
export const passwordProblem = (password: string): string | null =>
  password.length < PASSWORD_MIN_LENGTH
    ? `must be at least ${PASSWORD_MIN_LENGTH} characters long`
    : password.length > PASSWORD_MAX_LENGTH
      ? `must be at most ${PASSWORD_MAX_LENGTH} characters long`
      : null;

const checkPassword = (password: string): void => {
  const problem = passwordProblem(password);
  if (problem) {
    const code = password.length < PASSWORD_MIN_LENGTH ? 'too_short' : 'too_long';
    throw validationFailed(`The password ${problem}.`, [{ field: 'password', code }]);
  }
};

/** Operator accounts: created from the CLI or from OPENPIPES_ADMIN_PASSWORD; passwords hashed with scrypt. */
export class OperatorService {
  constructor(private readonly deps: { store: Pick<Store, 'operators'>; clock: Clock }) {}

  async create(username: string, password: string): Promise<Operator> {
    if (!USERNAME.test(username)) {
      throw validationFailed('A username is letters, digits, ".", "_", "-" and "@" (at most 64).', [
        { field: 'username', code: 'invalid_format' },
      ]);
    }
    checkPassword(password);
    if (await this.deps.store.operators.byUsername(username)) throw conflict(`Operator "${username}" already exists.`);
    const now = iso(this.deps.clock.now());
    const operator: Operator = {
      id: newId(ID_PREFIX.operator),
      username,
      password_hash: await hashPassword(password),
      created_at: now,
      updated_at: now,
    };
    await this.deps.store.operators.insert(operator);
    return operator;
  }

  /** Replaces an operator's password and ends every session they have. */
  async setPassword(username: string, password: string): Promise<void> {
    checkPassword(password);
    const operator = await this.deps.store.operators.byUsername(username);
    if (!operator) throw notFound(`No operator "${username}".`, username);
    await this.deps.store.operators.setPasswordHash(operator.id, await hashPassword(password), iso(this.deps.clock.now()));
    await this.deps.store.operators.deleteSessionsOf(operator.id);
  }

  /** Makes `username` sign in with `password` (OPENPIPES_ADMIN_PASSWORD at start-up): created, or its password replaced. */
  async ensure(username: string, password: string): Promise<'created' | 'updated' | 'unchanged'> {
    const existing = await this.deps.store.operators.byUsername(username);
    if (!existing) {
      await this.create(username, password);
      return 'created';
    }
    if (await verifyPassword(password, existing.password_hash)) return 'unchanged';
    await this.setPassword(username, password);
    return 'updated';
  }

  list(): Promise<Operator[]> {
    return this.deps.store.operators.list();
  }
}
