/** A claimed Idempotency-Key (§10.15) and, once its request finished, the stored answer. */
export interface IdempotencyRecord {
  environment_id: string;
  /** The API key that claimed it, for the per-key bound; null on rows claimed before keys were recorded. */
  api_key_id: string | null;
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
  /** The API key's rows created at or after `since`, counted up to `cap` (enough to compare with a bound). */
  countSince(apiKeyId: string, since: string, cap: number): Promise<number>;
  /** When the API key's oldest row created at or after `since` was created; null when there is none. */
  oldestSince(apiKeyId: string, since: string): Promise<string | null>;
}
