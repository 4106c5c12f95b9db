import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinProviders } from '../src/catalog/builtin-providers.ts';
import { ProviderCatalog } from '../src/catalog/catalog.ts';
import { hasSimpleIcon, monogramSvg, providerLogoSvg, simpleIconSvg } from '../src/catalog/logos.ts';
import { presentProvider } from '../src/http/widgets/widget-provider-presenter.ts';
import type { ResolvedIntegration } from '../src/integrations/provider-resolver.ts';
import { PUBLIC_URL, startHarness, type Harness } from './support/harness.ts';

const catalog = new ProviderCatalog(builtinProviders);

describe('catalog logos', () => {
  it('names only icons the installed simple-icons has', () => {
    for (const def of catalog.list()) if (def.logo !== null) expect(hasSimpleIcon(def.logo), `${def.slug}: ${def.logo}`).toBe(true);
    expect(catalog.list().filter((def) => def.logo !== null).length).toBeGreaterThan(20);
    expect(simpleIconSvg('no-such-brand-at-all')).toBeNull();
    expect(simpleIconSvg('../package')).toBeNull();
  });

  it('colours a simple-icons icon with its brand colour', () => {
    const svg = providerLogoSvg(catalog.get('gitlab')!);
    expect(svg).toMatch(/^<svg fill="#FC6D26" /);
    expect(svg).toContain('<title>GitLab</title>');
  });

  it('draws an escaped monogram for a provider without an icon', () => {
    const slack = catalog.get('slack')!;
    expect(slack.logo).toBeNull();
    expect(providerLogoSvg(slack)).toContain('>S</text>');
    const hostile = monogramSvg('<img src=x onerror=alert(1)>&', 'x');
    expect(hostile).not.toMatch(/<img|onerror=alert\(1\)>/);
    expect(hostile).toContain('<title>&lt;img src=x onerror=alert(1)&gt;&amp;</title>');
    expect(hostile).toContain('>I</text>');
    expect(monogramSvg('42matters', 'a')).toContain('>4</text>');
    // The colour depends on the slug only, so a provider keeps its colour.
    expect(monogramSvg('A', 'same')).toBe(monogramSvg('A', 'same'));
  });
});

describe('GET /catalog/providers/:slug/logo.svg', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(() => h.close());

  it('serves the SVG without an API key, cached, and unable to run anything', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/catalog/providers/github/logo.svg' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=604800');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toContain('<title>GitHub</title>');
    const monogram = await h.app.inject({ method: 'GET', url: '/catalog/providers/salesforce/logo.svg' });
    expect(monogram.body).toContain('>S</text>');
  });

  it('answers 404 in the API error shape for an unknown slug', async () => {
    for (const slug of ['nope', 'Bad%20Slug', '..%2F..%2Fpackage']) {
      const res = await h.app.inject({ method: 'GET', url: `/catalog/providers/${slug}/logo.svg` });
      expect(res.statusCode, slug).toBe(404);
      expect(res.json()).toMatchObject({ code: 'entity_not_found' });
    }
  });

  it('gives each catalog entry its logo URL and category', async () => {
    const list = await h.request('GET', '/catalog/providers');
    const github = (list.body as { data: Record<string, unknown>[] }).data.find((p) => p.slug === 'github');
    expect(github).toMatchObject({ category: 'developer', logo_url: `${PUBLIC_URL}/catalog/providers/github/logo.svg` });
  });
});

describe('widget icons', () => {
  const resolved = (slug: string, custom: unknown = null) =>
    ({
      row: { id: 'data_integration_1', slug, description: null },
      provider: catalog.get(slug) ?? { name: 'Custom', description: '' },
      custom,
    }) as unknown as ResolvedIntegration;

  it('gives a built-in provider the widget has no icon for an https iconUrl, and nothing else', () => {
    expect(presentProvider(resolved('todoist'), 'https://pipes.example')).toMatchObject({
      iconUrl: 'https://pipes.example/catalog/providers/todoist/logo.svg',
    });
    expect(presentProvider(resolved('todoist'), 'http://localhost:8080')).not.toHaveProperty('iconUrl');
    const github = presentProvider(resolved('github'), 'https://pipes.example');
    expect(github).toMatchObject({ iconSlug: 'github' });
    expect(github).not.toHaveProperty('iconUrl');
    expect(presentProvider(resolved('acme', {}), 'https://pipes.example')).not.toHaveProperty('iconUrl');
  });
});
