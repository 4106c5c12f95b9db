import { WidgetAccess } from '../../widgets/widget-access.ts';
import { WidgetConnections } from '../../widgets/widget-connections.ts';
import { WidgetDirectory } from '../../widgets/widget-directory.ts';
import type { WidgetRoutes } from './widget-api.ts';
import { connectionRoutes } from './widget-connection-routes.ts';
import { guard } from './widget-guard.ts';
import { presentDataIntegration, presentSharedDataConnection } from './widget-integration-presenter.ts';
import { AuthorizeBody } from './widget-schemas.ts';

/**
 * W3–W8 (widgets-api.md §5): the member widget `<Pipes>`. Every route but W4 needs a token that
 * names a user; the connections read and written are always those of owner `u|sub|org_id`.
 */
export const widgetMemberRoutes: WidgetRoutes = (app, deps) => {
  const directory = new WidgetDirectory(deps);

  app.get('/DataIntegrations/mine', { schema: { hide: true }, ...guard(WidgetAccess.member) }, async (request) => {
    const { environmentId, owner } = WidgetAccess.member(request.widget);
    return { data: (await directory.mine(environmentId, owner)).map((item) => presentDataIntegration(item, deps.publicUrl)) };
  });

  // Any valid token; without an organization there is nothing shared, and the section hides itself.
  app.get('/DataIntegrations/shared-connections', { schema: { hide: true } }, async (request) => {
    const { environmentId, owner } = WidgetAccess.sharedOwner(request.widget);
    return {
      data: owner ? (await directory.shared(environmentId, owner)).map((item) => presentSharedDataConnection(item, deps.publicUrl)) : [],
    };
  });

  connectionRoutes(app, deps, new WidgetConnections({ ...deps, directory }), {
    prefix: '',
    authorizeBody: AuthorizeBody,
    alwaysHandoff: false,
    actor: WidgetAccess.member,
    owner: WidgetAccess.member,
  });
};
