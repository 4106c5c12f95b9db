import type { Kysely } from 'kysely';
import type { DashboardSession, Operator } from '../domain/operator.ts';
import type { Database } from './schema.ts';

/** Operator accounts (a unique username, a password hash) and their dashboard sessions, keyed by the SHA-256 of the browser's token. */
export class OperatorsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async byUsername(username: string): Promise<Operator | null> {
    return (await this.db.selectFrom('operators').selectAll().where('username', '=', username).executeTakeFirst()) ?? null;
  }

  async byId(id: string): Promise<Operator | null> {
    return (await this.db.selectFrom('operators').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  list(): Promise<Operator[]> {
    return this.db.selectFrom('operators').selectAll().orderBy('username').execute();
  }

  async insert(operator: Operator): Promise<void> {
    await this.db.insertInto('operators').values(operator).execute();
  }

  async setPasswordHash(id: string, passwordHash: string, at: string): Promise<void> {
    await this.db.updateTable('operators').set({ password_hash: passwordHash, updated_at: at }).where('id', '=', id).execute();
  }

  async session(id: string): Promise<DashboardSession | null> {
    return (await this.db.selectFrom('dashboard_sessions').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async insertSession(session: DashboardSession): Promise<void> {
    await this.db.insertInto('dashboard_sessions').values(session).execute();
  }

  async touchSession(id: string, at: string): Promise<void> {
    await this.db.updateTable('dashboard_sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('dashboard_sessions').where('id', '=', id).execute();
  }

  /** Ends every session of an operator (a password change). */
  async deleteSessionsOf(operatorId: string): Promise<void> {
    await this.db.deleteFrom('dashboard_sessions').where('operator_id', '=', operatorId).execute();
  }

  /** Removes sessions past their absolute end or idle since `idleBefore`. */
  async purgeSessions(now: string, idleBefore: string): Promise<void> {
    await this.db
      .deleteFrom('dashboard_sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)]))
      .execute();
  }
}
