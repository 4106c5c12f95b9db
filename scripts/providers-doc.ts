/**
 * Writes docs/providers.md from the built-in catalog (`npm run docs:providers`). Run it after adding
 * or changing an entry; `packages/server/test/providers-doc.test.ts` fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinProviders } from '../packages/server/src/catalog/builtin-providers.ts';
import { ProviderCatalog } from '../packages/server/src/catalog/catalog.ts';
import { renderProvidersDoc } from '../packages/server/src/catalog/providers-doc.ts';

const target = resolve(import.meta.dirname, '../docs/providers.md');
const providers = new ProviderCatalog(builtinProviders).list();
writeFileSync(target, renderProvidersDoc(providers));
console.log(`docs/providers.md: ${providers.length} providers`);
