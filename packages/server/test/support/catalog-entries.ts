import { expect } from 'vitest';
import { CatalogValidationError, ProviderCatalog } from '../../src/catalog/catalog.ts';

/** Catalog entries in the input form (`ProviderEntry`) for the catalog tests: one valid entry and variants. */

export const PENDING = { unconfirmed: 'Test entry: not a real provider.', checked: '2026-11-29' };
/** Sources for every fact a minimal OAuth entry must source. */
export const OAUTH_SOURCES = Object.fromEntries(
  [
    'authorizationUrl',
    'tokenUrl',
    'pkce',
    'clientAuth',
    'tokenRequestEncoding',
    'scopeSeparator',
    'defaultScopes',
    'tokenLifetime',
    'refreshToken',
    'revocation',
    'apiBaseUrl',
  ].map((fact) => [fact, PENDING]),
);

/** A valid minimal entry (the input form) to derive broken variants from. */
export function validEntry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    slug: 'acme',
    name: 'Acme',
    description: 'Acme test provider.',
    category: 'crm',
    docsUrl: 'https://acme.example/docs',
    authMethods: ['oauth'],
    apiBaseUrl: 'https://api.acme.example/v1',
    configFields: [
      {
        name: 'subdomain',
        label: 'Subdomain',
        description: 'The account subdomain.',
        scope: 'installation',
        pattern: '^[a-z0-9]+$',
        required: true,
        secret: false,
      },
    ],
    oauth: {
      authorizationUrl: 'https://${config.subdomain}.acme.example/oauth/authorize',
      tokenUrl: 'https://${config.subdomain}.acme.example/oauth/token',
      defaultScopes: ['read'],
    },
    sources: { ...OAUTH_SOURCES },
    ...overrides,
  };
}

/** `validEntry()` with `changes` merged into its `oauth` block. */
export const withOAuth = (changes: Record<string, unknown>, overrides: Record<string, unknown> = {}) =>
  validEntry({ oauth: { ...(validEntry().oauth as object), ...changes }, ...overrides });

/** The error a catalog of `entries` is refused with (fails the test when it is accepted). */
export function rejection(entries: unknown[]): CatalogValidationError {
  try {
    new ProviderCatalog(entries);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogValidationError);
    return error as CatalogValidationError;
  }
  throw new Error('catalog accepted an invalid entry');
}
