import type { Category, ProviderDefinition } from './provider-definition.ts';

/** Headings of `docs/providers.md`, in the order the file lists them. */
const CATEGORY_TITLES: Record<Category, string> = {
  crm: 'CRM and sales',
  support: 'Customer support',
  communication: 'Communication and meetings',
  'calendar-email': 'Calendar and email',
  files: 'Files and storage',
  'project-management': 'Project management',
  'docs-design': 'Documents and design',
  accounting: 'Accounting',
  'hr-payroll': 'HR and payroll',
  ecommerce: 'E-commerce',
  payments: 'Payments',
  marketing: 'Marketing',
  social: 'Social',
  developer: 'Developer tools',
  cloud: 'Cloud and data',
  ai: 'AI',
  messaging: 'Messaging and email delivery',
  monitoring: 'Monitoring',
  analytics: 'Analytics',
  productivity: 'Productivity',
  identity: 'Identity',
};

const AUTH_LABELS = { oauth: 'OAuth', api_key: 'API key', client_credentials: 'client credentials' } as const;

/** Markdown table cell text: pipes and line breaks would end the cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** How many of the facts the entry must source cite the provider's documentation (the rest are `unconfirmed`). */
function documented(def: ProviderDefinition): string {
  const facts = Object.entries(def.sources).filter(([, source]) => source !== undefined);
  const cited = facts.filter(([, source]) => source && 'url' in source).length;
  return `${cited}/${facts.length}`;
}

/**
 * `docs/providers.md`, generated from the catalog (`npm run docs:providers`): every built-in provider
 * grouped by category. `test/providers-doc.test.ts` fails when the committed file differs.
 */
export function renderProvidersDoc(providers: readonly ProviderDefinition[]): string {
  const lines = [
    '# Built-in providers',
    '',
    '<!-- Generated from packages/server/src/catalog by `npm run docs:providers`; do not edit by hand. -->',
    '',
    `OpenPipes ships ${providers.length} built-in providers, one file each in`,
    '`packages/server/src/catalog/providers/`. Every fact an entry states (endpoints, PKCE, client',
    'authentication, encodings, token lifetime, refresh, revocation, hosts, API base URL, API-key',
    "presentation) carries its source: a page of the provider's own documentation checked on a given",
    'day, or a note saying the documentation does not state it and what the entry chose instead.',
    '`GET /catalog/providers/:slug` and `openpipes providers show SLUG` print them; "Sourced" below',
    'counts the facts backed by a documentation page out of those the entry sources.',
    '',
  ];
  for (const [category, title] of Object.entries(CATEGORY_TITLES) as [Category, string][]) {
    const group = providers.filter((p) => p.category === category).sort((a, b) => a.name.localeCompare(b.name, 'en'));
    if (group.length === 0) continue;
    lines.push(`## ${title}`, '', '| Provider | Slug | Auth | Sourced | Documentation |', '| --- | --- | --- | --- | --- |');
    for (const p of group) {
      const auth = p.authMethods.map((m) => AUTH_LABELS[m]).join(', ');
      lines.push(`| ${cell(p.name)} | \`${p.slug}\` | ${auth} | ${documented(p)} | [docs](${p.docsUrl}) |`);
    }
    lines.push('');
  }
  lines.push(...unconfirmedSection(providers));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Every fact an entry could not confirm from the provider's documentation, with what it chose instead. */
function unconfirmedSection(providers: readonly ProviderDefinition[]): string[] {
  const rows: string[] = [];
  for (const p of [...providers].sort((a, b) => a.slug.localeCompare(b.slug, 'en'))) {
    for (const [fact, source] of Object.entries(p.sources)) {
      if (source && 'unconfirmed' in source) rows.push(`| \`${p.slug}\` | ${fact} | ${cell(source.unconfirmed)} |`);
    }
  }
  if (rows.length === 0) return [];
  return [
    '## Facts not confirmed',
    '',
    `${rows.length} facts could not be confirmed from a page of the provider's own documentation; each`,
    'entry uses the conservative choice its note names.',
    '',
    '| Slug | Fact | What was chosen, and why |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ];
}
