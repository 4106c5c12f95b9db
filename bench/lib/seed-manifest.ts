/**
 * What `npm run bench:seed` leaves beside a seeded store, so `npm run bench -- --seeded DIR`
 * can start OpenPipes on it with the same keys and knows whom to ask for.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fixture } from './fixture.ts';

export interface SeedManifest {
  accounts: number;
  apiKey: string;
  encryptionKeys: string;
  /** Absent: the SQLite store in the seed directory. */
  databaseUrl?: string;
  fixture: Fixture;
}

const file = (dir: string) => join(dir, 'bench-seed.json');

export const writeManifest = (dir: string, m: SeedManifest): void =>
  writeFileSync(file(dir), `${JSON.stringify(m, null, 2)}\n`, { mode: 0o600 });
export const readManifest = (dir: string): SeedManifest => JSON.parse(readFileSync(file(dir), 'utf8')) as SeedManifest;
