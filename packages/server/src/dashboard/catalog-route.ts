import { Type } from 'typebox';
import { logoPath } from '../catalog/logos.ts';
import type { DashboardApp, DashboardDeps } from './deps.ts';
import { allIntegrations, OWNERSHIP_LABEL } from './integration-view.ts';
import { environmentFrame, environmentSearch } from './pages.ts';
import { sendPage } from './view.ts';

const SearchQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false });

/** GET /dashboard/environments/:name/providers: the built-in catalog, searchable by name or slug, each with an Add link. */
export function catalogRoute(app: DashboardApp, deps: DashboardDeps): void {
  environmentSearch(app, deps, { path: '/providers', query: SearchQuery }, async (request, reply, env, query) => {
    const q = (query.q ?? '').trim();
    const needle = q.toLowerCase();
    const all = deps.catalog.list();
    const added = new Map<string, string[]>();
    for (const { row } of await allIntegrations(deps.integrations, env.id)) {
      added.set(row.slug, [...(added.get(row.slug) ?? []), `added for ${OWNERSHIP_LABEL[row.ownership]}`]);
    }
    const base = `/dashboard/environments/${encodeURIComponent(env.name)}`;
    const providers = all
      .filter((p) => needle === '' || p.name.toLowerCase().includes(needle) || p.slug.includes(needle))
      .map((p) => ({
        slug: p.slug,
        name: p.name,
        logoSrc: logoPath(p.slug),
        description: p.description,
        authMethods: p.authMethods.join(', '),
        added: (added.get(p.slug) ?? []).join(', '),
        addHref: `${base}/integrations/new?provider=${encodeURIComponent(p.slug)}`,
      }));
    return sendPage(reply, 'providers', {
      ...environmentFrame(request, env, 'Add integration', 'providers'),
      q,
      providers,
      total: all.length,
    });
  });
}
