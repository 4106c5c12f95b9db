import type { AuthMethod } from './connected-account.ts';
import type { Secret } from './secret.ts';
import type { ConfigWrite, StoredConfig } from './stored-config.ts';

export type Ownership = 'user' | 'organization';
export type CredentialsType = 'custom' | 'organization';

/** An environment's integration of one provider (a data integration). */
export interface Integration {
  id: string;
  environment_id: string;
  slug: string;
  ownership: Ownership;
  description: string | null;
  enabled: boolean;
  /** null: the provider's default scopes. */
  scopes: string[] | null;
  auth_method: AuthMethod;
  config: StoredConfig;
  credentials_type: CredentialsType | null;
  client_id: string | null;
  client_secret: Secret | null;
  client_secret_last4: string | null;
  redirect_key: string;
  custom_provider_id: string | null;
  /**
   * OpenPipes' own setting (not in the WorkOS shape): the access-token lifetime to assume when a token
   * response has no `expires_in`, over the provider's (e.g. a Salesforce org with a shorter session
   * timeout); null: the provider's.
   */
  token_lifetime_seconds: number | null;
  created_at: string;
  updated_at: string;
}

/** What a write changes on an integration; the client secret in plaintext. */
export interface IntegrationChanges {
  description?: string | null;
  enabled?: boolean;
  scopes?: readonly string[] | null;
  config?: ConfigWrite;
  credentials_type?: CredentialsType | null;
  client_id?: string | null;
  client_secret?: string | null;
  client_secret_last4?: string | null;
  token_lifetime_seconds?: number | null;
  updated_at: string;
}

export type NewIntegration = Pick<
  Integration,
  'id' | 'environment_id' | 'slug' | 'ownership' | 'auth_method' | 'redirect_key' | 'custom_provider_id' | 'created_at'
> &
  IntegrationChanges;
