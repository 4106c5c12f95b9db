import type { TSchema } from 'typebox';
import type { Owner } from '../../domain/owner.ts';
import type { WidgetActor, WidgetConnections } from '../../widgets/widget-connections.ts';
import type { WidgetClaims } from '../../widgets/widget-token.ts';
import type { AppDeps } from '../deps.ts';
import type { RouteApp } from '../routes/route-plugin.ts';
import { guard } from './widget-guard.ts';
import { presentInstallation } from './widget-installation-presenter.ts';
import { ApiKeyBody, ClientCredentialsBody, InstallationParams } from './widget-schemas.ts';
import { SlugParams } from '../schemas/common.ts';

/** What differs between the member's connection routes (W5–W8) and the organization's (W13–W16). */
export interface ConnectionSide {
  /** `''` for the member's paths, `/organization` for the shared ones. */
  prefix: '' | '/organization';
  authorizeBody: TSchema;
  /** W13 always binds its flow to the opening window; W5 only when the widget asks. */
  alwaysHandoff: boolean;
  /** Who connects and for which owner; throws 403/422 per §7.5 when the token may not. */
  actor: (claims: WidgetClaims) => WidgetActor;
  /** Whose connection a DELETE may remove; throws 403 per §7.5 when the token may not. */
  owner: (claims: WidgetClaims) => { environmentId: string; owner: Owner };
}

/**
 * The four connection routes of one side (widgets-api.md §5): authorize (W5/W13), API key
 * (W6/W14), client credentials (W7/W15), disconnect (W8/W16). The same service calls serve both
 * sides; only the paths, the authorize body and the owner the token yields differ.
 */
export function connectionRoutes(app: RouteApp, deps: AppDeps, connections: WidgetConnections, side: ConnectionSide): void {
  const { prefix, actor, owner } = side;
  const fieldsOf = (slug: string) => deps.catalog.get(slug)?.configFields ?? [];
  const acting = guard(actor);

  app.post<{ Params: { slug: string }; Body: { config?: Record<string, string>; requireHandoff?: boolean } }>(
    `/DataIntegrations/:slug${prefix}/authorize`,
    { schema: { hide: true, params: SlugParams, body: side.authorizeBody }, ...acting },
    // W5 binds the flow to the opener when asked (`requireHandoff`), W13 always (§4.8, §8.3).
    async (request) =>
      connections.authorize(
        actor(request.widget),
        request.params.slug,
        request.body.config,
        side.alwaysHandoff || request.body.requireHandoff === true,
      ),
  );

  app.put(
    `/DataIntegrations/:slug${prefix}/api-key`,
    { schema: { hide: true, params: SlugParams, body: ApiKeyBody }, ...acting },
    async (request) => {
      const { slug } = request.params;
      const saved = await connections.saveApiKey(actor(request.widget), slug, request.body.secret);
      return presentInstallation(saved, fieldsOf(slug), saved);
    },
  );

  app.put(
    `/DataIntegrations/:slug${prefix}/client-credentials`,
    { schema: { hide: true, params: SlugParams, body: ClientCredentialsBody }, ...acting },
    async (request) => {
      const { slug } = request.params;
      const saved = await connections.saveClientCredentials(actor(request.widget), slug, request.body);
      return presentInstallation(saved, fieldsOf(slug), saved);
    },
  );

  // 200 with a JSON body, never 204: the widget parses every success (§2.2).
  app.delete(
    `/DataIntegrations${prefix}/installations/:installationId`,
    { schema: { hide: true, params: InstallationParams }, ...guard(owner) },
    async (request) => {
      const whose = owner(request.widget);
      await connections.disconnect(whose.environmentId, whose.owner, request.params.installationId);
      return { success: true };
    },
  );
}
