/** A tenant boundary: everything an API key touches belongs to its environment. */
export interface Environment {
  id: string;
  name: string;
  production: boolean;
  allowed_return_origins: string[];
  confirmation_screen: boolean;
  created_at: string;
  updated_at: string;
}

/** An API key as stored: its digest and last four characters, never the key. */
export interface ApiKey {
  id: string;
  environment_id: string;
  name: string;
  digest: string;
  last4: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
