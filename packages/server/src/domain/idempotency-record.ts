/** A claimed Idempotency-Key (§10.15) and, once its request finished, the stored answer. */
export interface IdempotencyRecord {
  environment_id: string;
  route: string;
  idempotency_key: string;
  body_hash: string;
  status: number | null;
  response: string | null;
  created_at: string;
}

/** Where claims and stored answers live; the store provides it. */
export interface IdempotencyLedger {
  get(environmentId: string, route: string, key: string): Promise<IdempotencyRecord | null>;
  /** False when another request holds the key already. */
  claim(record: IdempotencyRecord): Promise<boolean>;
  complete(environmentId: string, route: string, key: string, status: number, response: string): Promise<void>;
  release(environmentId: string, route: string, key: string): Promise<void>;
  /** The environment's rows created at or after `since`, counted up to `cap` (enough to compare with a bound). */
  countSince(environmentId: string, since: string, cap: number): Promise<number>;
  /** When the environment's oldest row created at or after `since` was created; null when there is none. */
  oldestSince(environmentId: string, since: string): Promise<string | null>;
}
