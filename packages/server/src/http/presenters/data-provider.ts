import type { ProviderListItem } from '../../connections/provider-listing.ts';
import { presentEmbeddedAccount } from './connected-account.ts';

const CREDENTIALS_TYPE = { oauth: 'oauth2', api_key: 'api_key', client_credentials: 'client_credentials' } as const;

/** `DataProvider` (§3.3) for one owner. */
export function presentDataProvider({ integration, settings, owner, compatibility, accounts }: ProviderListItem) {
  const { row, provider } = integration;
  return {
    object: 'data_provider' as const,
    id: row.id,
    name: provider.name,
    description: row.description ?? (provider.description || null),
    slug: row.slug,
    integration_type: row.slug,
    credentials_type: CREDENTIALS_TYPE[row.auth_method],
    scopes: settings.scopes,
    auth_methods: [row.auth_method],
    connection_owner: owner.type,
    ownership: owner.type === 'user' ? ('userland_user' as const) : ('organization' as const),
    created_at: row.created_at,
    updated_at: row.updated_at,
    connected_account: compatibility && presentEmbeddedAccount(compatibility, provider.configFields),
    connected_accounts: accounts.map((a) => presentEmbeddedAccount(a, provider.configFields)),
  };
}
