import type { Integration } from '../domain/integration.ts';

/**
 * The callback URL to register at the provider: built from configuration (never from request
 * headers) and distinct per integration (mix-up defence, docs/security.md §3–4). Empty for
 * integrations without a browser flow.
 */
export const redirectUri = (publicUrl: string, row: Pick<Integration, 'auth_method' | 'slug' | 'redirect_key'>): string =>
  row.auth_method === 'oauth' ? `${publicUrl}/data-integrations/${encodeURIComponent(row.slug)}/${row.redirect_key}/callback` : '';
