import { describe, expect, it } from 'vitest';
import { checkProviderEntry } from '../src/catalog/catalog.ts';
import { literalHosts } from '../src/catalog/host-rules.ts';
import { OAUTH_SOURCES, PENDING, rejection, validEntry, withOAuth } from './support/catalog-entries.ts';

/** A host field listing literal hosts, one per data center, as Zoho's accounts servers (one per top-level domain). */
describe('catalog hosts: a host field that lists literal hosts', () => {
  const listField = (pattern: string) => ({
    name: 'domain',
    label: 'Data center host',
    description: 'The accounts host of the data center.',
    scope: 'installation',
    pattern,
    required: true,
    secret: false,
    kind: 'host',
  });
  const entry = (pattern: string, hosts = ['acme.com', 'acme.eu']) =>
    withOAuth(
      { authorizationUrl: 'https://${config.domain}/oauth/authorize', tokenUrl: 'https://${config.domain}/oauth/token' },
      {
        hosts,
        apiBaseUrl: 'https://api.acme.com/v1',
        configFields: [...(validEntry().configFields as unknown[]), listField(pattern)],
        sources: { ...OAUTH_SOURCES, hosts: PENDING },
      },
    );

  it('reads the hosts of an anchored list of escaped literals, and nothing else', () => {
    expect(literalHosts('^(?:accounts\\.acme\\.com|accounts\\.acme\\.eu)$')).toEqual(['accounts.acme.com', 'accounts.acme.eu']);
    expect(literalHosts('^(accounts\\.acme\\.com)$')).toEqual(['accounts.acme.com']);
    expect(literalHosts('^(?:accounts.acme.com|x\\.acme\\.eu)$')).toBeNull();
    expect(literalHosts('^(?:[a-z]+\\.acme\\.com)$')).toBeNull();
    expect(literalHosts('^(?:a\\.acme\\.com)|(evil\\.test)$')).toBeNull();
  });

  it('accepts the list when every host is under the entry hosts', () => {
    const checked = checkProviderEntry(entry('^(?:accounts\\.acme\\.com|accounts\\.acme\\.eu)$'));
    expect(checked.hosts).toEqual(['acme.com', 'acme.eu']);
  });

  it('refuses a list with one host outside the entry hosts, and an unescaped dot', () => {
    expect(rejection([entry('^(?:accounts\\.acme\\.com|accounts\\.evil\\.test)$')]).path).toBe('/oauth/authorizationUrl');
    expect(rejection([entry('^(?:accounts\\.acme\\.com|accounts.acme.eu)$')]).path).toBe('/oauth/authorizationUrl');
    expect(rejection([entry('^(?:accounts\\.acme\\.com)|(evil\\.test)$')]).path).toBe('/oauth/authorizationUrl');
  });
});
