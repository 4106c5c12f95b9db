import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinProviders } from '../src/catalog/builtin-providers.ts';
import { ProviderCatalog } from '../src/catalog/catalog.ts';
import { renderProvidersDoc } from '../src/catalog/providers-doc.ts';

const catalog = new ProviderCatalog(builtinProviders);

describe('docs/providers.md', () => {
  it('is what `npm run docs:providers` generates from the catalog (regenerate it after changing an entry)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../../docs/providers.md'), 'utf8');
    expect(committed).toBe(renderProvidersDoc(catalog.list()));
  });

  it('lists every provider once, under its category, with its docs link', () => {
    const [doc = ''] = renderProvidersDoc(catalog.list()).split('## Facts not confirmed');
    for (const p of catalog.list()) {
      const rows = doc.split('\n').filter((line) => line.includes(`| \`${p.slug}\` |`));
      expect(rows, p.slug).toHaveLength(1);
      expect(rows[0], p.slug).toContain(`](${p.docsUrl})`);
    }
    // Bitbucket sits in the Developer tools table, after any row that sorts before it (e.g. Algolia).
    expect(doc).toMatch(/## Developer tools\n\n\| Provider[^\n]*\n[^\n]*\n(?:\|[^\n]*\n)*\| Bitbucket \| `bitbucket` \| OAuth \|/);
  });

  it('lists every fact an entry could not confirm, with the choice it made', () => {
    const [, section = ''] = renderProvidersDoc(catalog.list()).split('## Facts not confirmed');
    let count = 0;
    for (const p of catalog.list()) {
      for (const [fact, source] of Object.entries(p.sources)) {
        if (!source || !('unconfirmed' in source)) continue;
        count++;
        expect(section, `${p.slug} ${fact}`).toContain(`| \`${p.slug}\` | ${fact} |`);
      }
    }
    expect(count).toBeGreaterThan(0);
    expect(section).toContain(`${count} facts could not be confirmed`);
  });

  it('keeps a table intact when a name holds a pipe', () => {
    const [github] = catalog.list().filter((p) => p.slug === 'github');
    const doc = renderProvidersDoc([{ ...github!, name: 'Git|Hub' }]);
    expect(doc).toContain('| Git\\|Hub | `github` |');
  });
});
