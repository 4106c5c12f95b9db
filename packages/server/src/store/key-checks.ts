import type { Kysely } from 'kysely';
import type { Keyring } from '../crypto/keyring.ts';
import type { Database } from './schema.ts';

/**
 * Records the check value of every key id the database has not seen yet, then returns the ids
 * whose key differs from the one first seen under them (docs/security.md §14). Without this, a
 * wrong key under a known id passed start-up and every vend then failed. Concurrent first starts
 * agree: the first insert wins and the others compare against it.
 */
export async function mismatchedKeyIds(db: Kysely<Database>, keyring: Keyring, now: string): Promise<string[]> {
  const kids = keyring.kids();
  const checks = new Map(kids.map((kid) => [kid, keyring.checkValue(kid)!]));
  await db
    .insertInto('key_checks')
    .values(kids.map((kid) => ({ kid, check_value: checks.get(kid)!, created_at: now })))
    .onConflict((oc) => oc.column('kid').doNothing())
    .execute();
  const stored = await db.selectFrom('key_checks').select(['kid', 'check_value']).where('kid', 'in', kids).execute();
  return stored.filter((row) => row.check_value !== checks.get(row.kid)).map((row) => row.kid);
}

/** Every key id the database has seen (a new key must not reuse one). */
export async function knownKeyIds(db: Kysely<Database>): Promise<Set<string>> {
  return new Set((await db.selectFrom('key_checks').select('kid').execute()).map((r) => r.kid));
}
