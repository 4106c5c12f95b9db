import { builtinProviders } from '../catalog/builtin-providers.ts';
import { ProviderCatalog } from '../catalog/catalog.ts';
import { factKey, providerFacts } from '../catalog/provider-facts.ts';
import type { Source } from '../catalog/provider-definition.ts';
import { type AppError, providerNotFound } from '../core/errors.ts';

interface ProviderCommandDeps {
  out: (text: string) => void;
  table: (rows: Record<string, string>[]) => string;
  usage: (message: string) => AppError;
}

const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
const cited = (source: Source | null): string =>
  source === null
    ? '(default)'
    : 'url' in source
      ? `${source.url} (checked ${source.checked})`
      : `unconfirmed: ${source.unconfirmed} (checked ${source.checked})`;

/**
 * `openpipes providers list` (the catalog as a table) and `openpipes providers show SLUG` (one entry's
 * facts, each with its source: the same as `GET /catalog/providers/:slug`).
 */
export function providerCommand(sub: string | undefined, arg: string | undefined, { out, table, usage }: ProviderCommandDeps): number {
  const catalog = new ProviderCatalog(builtinProviders);
  if (sub === 'list') {
    const rows = catalog.list().map((p) => ({
      slug: p.slug,
      name: p.name,
      category: p.category ?? '',
      auth: p.authMethods.join(','),
      pkce: p.pkce ? 'yes' : 'no',
      config: p.configFields.map((f) => f.name).join(','),
    }));
    out(table(rows));
    return 0;
  }
  if (sub !== 'show') throw usage('usage: openpipes providers list | openpipes providers show SLUG');
  if (!arg) throw usage('usage: openpipes providers show SLUG');
  const p = catalog.get(arg);
  if (!p) throw providerNotFound(arg);
  out(`${p.name} (${p.slug}), ${p.category}: ${p.description}`);
  out(`docs: ${p.docsUrl}`);
  out(`auth: ${p.authMethods.join(', ')}`);
  out(`logo: ${p.logo === null ? 'monogram' : `simple-icons ${p.logo}`}`);
  if (p.configFields.length > 0)
    out(`config: ${p.configFields.map((f) => `${f.name} (${f.scope}${f.kind ? `, ${f.kind}` : ''})`).join(', ')}`);
  out('');
  out(table(providerFacts(p).map((fact) => ({ fact: factKey(fact.name), value: shown(fact.value), source: cited(fact.source) }))));
  return 0;
}
