import type { Secret } from './secret.ts';
import type { ConfigWrite, StoredConfig } from './stored-config.ts';

/** One organization's override of an integration (§1.4): each part, when set, wins. */
export interface OrgConfiguration {
  id: string;
  environment_id: string;
  slug: string;
  organization_id: string;
  enabled: boolean | null;
  scopes: string[] | null;
  config: StoredConfig | null;
  client_id: string | null;
  client_secret: Secret | null;
  client_secret_last4: string | null;
  created_at: string;
  updated_at: string;
}

/** What a write changes on an override; the client secret in plaintext. */
export interface OrgConfigurationChanges {
  enabled?: boolean | null;
  scopes?: readonly string[] | null;
  config?: ConfigWrite | null;
  client_id?: string | null;
  client_secret?: string | null;
  client_secret_last4?: string | null;
  updated_at: string;
}

export type NewOrgConfiguration = Pick<OrgConfiguration, 'id' | 'environment_id' | 'slug' | 'organization_id' | 'created_at'> &
  OrgConfigurationChanges;
