import { WidgetAccess, type WidgetAdmin } from '../../widgets/widget-access.ts';
import { WidgetConfigurations } from '../../widgets/widget-configurations.ts';
import { WidgetConnections } from '../../widgets/widget-connections.ts';
import { WidgetDirectory } from '../../widgets/widget-directory.ts';
import type { WidgetClaims } from '../../widgets/widget-token.ts';
import type { WidgetRoutes } from './widget-api.ts';
import { presentConfiguration } from './widget-configuration-presenter.ts';
import { guard } from './widget-guard.ts';
import { connectionRoutes } from './widget-connection-routes.ts';
import { presentOrganizationDataIntegration } from './widget-integration-presenter.ts';
import { ConfigurationBody, OrganizationAuthorizeBody } from './widget-schemas.ts';
import { SlugParams } from '../schemas/common.ts';

/** The acting member connects for the organization: it owns nothing, the organization does (§5 W13). */
const actingFor = (claims: WidgetClaims) => {
  const admin = WidgetAccess.actingAdmin(claims);
  return { environmentId: admin.environmentId, owner: admin.owner, userId: admin.actingUserId };
};

/**
 * W9–W16 (widgets-api.md §5): the organization admin widget `<PipesAdmin>`. Every route needs
 * `widgets:pipes:manage` and the token's `org_id`, which alone names the organization (never the
 * path or the body); W13–W15 also need the acting member (`sub`), else 422 `acting_user_required`.
 */
export const widgetAdminRoutes: WidgetRoutes = (app, deps) => {
  const { publicUrl } = deps;
  const directory = new WidgetDirectory(deps);
  const connections = new WidgetConnections({ ...deps, directory });
  const configurations = new WidgetConfigurations({ ...deps, directory });
  const admin = guard(WidgetAccess.admin);
  const organizationItem = (a: WidgetAdmin) => (item: Parameters<typeof presentOrganizationDataIntegration>[1]) =>
    presentOrganizationDataIntegration(publicUrl, item, a.actingUserId !== null);

  app.get('/DataIntegrations/configurations', { schema: { hide: true }, ...admin }, async (request) => {
    const { environmentId, organizationId } = WidgetAccess.admin(request.widget);
    return { data: (await configurations.list(environmentId, organizationId)).map((v) => presentConfiguration(publicUrl, v)) };
  });

  app.put(
    '/DataIntegrations/:slug/configuration',
    { schema: { hide: true, params: SlugParams, body: ConfigurationBody }, ...admin },
    async (request) => {
      const { environmentId, organizationId } = WidgetAccess.admin(request.widget);
      return presentConfiguration(
        publicUrl,
        await configurations.configure(environmentId, organizationId, request.params.slug, request.body),
      );
    },
  );

  app.get('/DataIntegrations/organization', { schema: { hide: true }, ...admin }, async (request) => {
    const a = WidgetAccess.admin(request.widget);
    return { data: (await directory.organization(a.environmentId, a.owner)).map(organizationItem(a)) };
  });

  app.put(
    '/DataIntegrations/:slug/organization/configuration',
    { schema: { hide: true, params: SlugParams, body: ConfigurationBody }, ...admin },
    async (request) => {
      const a = WidgetAccess.admin(request.widget);
      return organizationItem(a)(await configurations.configureShared(a.environmentId, a.owner, request.params.slug, request.body));
    },
  );

  connectionRoutes(app, deps, connections, {
    prefix: '/organization',
    authorizeBody: OrganizationAuthorizeBody,
    alwaysHandoff: true,
    actor: actingFor,
    owner: WidgetAccess.admin,
  });
};
