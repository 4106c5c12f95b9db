import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import sjson from 'secure-json-parse';
import { invalidJson } from '../core/errors.ts';
import { randomBytes } from 'node:crypto';
import { requireApiKey } from './auth.ts';
import type { AppDeps } from './deps.ts';
import { answerClientError, installErrorHandling } from './error-handler.ts';
import { installIdempotency } from './idempotency.ts';
import { DEFAULT_RATE_LIMITS, installRateLimits } from './rate-limits.ts';
import { installMetrics } from './metrics.ts';
import { installOpenApi } from './openapi.ts';
import { installProbes } from './probes.ts';
import { flowRoutes } from '../web/flow-routes.ts';
import { widgetPageRoutes } from '../web/widget-pages.ts';
import { redactUrl } from './log-redaction.ts';
import { responseHeaders } from './security-headers.ts';
import { DEFAULT_HTTP_TIMEOUTS, timeoutOptions } from './timeouts.ts';
import { dashboardRoutes } from '../dashboard/dashboard-routes.ts';
import { apiKeyConnectionRoutes } from './routes/api-key-connections.ts';
import { authorizeRoutes } from './routes/authorize.ts';
import { clientCredentialsRoutes } from './routes/client-credentials.ts';
import { vendingRoutes } from './routes/vending.ts';
import { proxyRoutes } from './routes/proxy.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { installCatalogLogos } from './routes/catalog-logo.ts';
import { connectedAccountRoutes } from './routes/connected-accounts.ts';
import { dataIntegrationRoutes } from './routes/data-integrations.ts';
import { eventRoutes } from './routes/events.ts';
import { orgConfigurationRoutes } from './routes/org-configurations.ts';
import { providerRoutes } from './routes/providers.ts';
import { webhookRoutes } from './routes/webhook-endpoints.ts';
import { widgetTokenRoutes } from './routes/widget-token.ts';
import { registerWidgetApi, type WidgetRoutes } from './widgets/widget-api.ts';
import { widgetAdminRoutes } from './widgets/widget-admin-routes.ts';
import { widgetMemberRoutes } from './widgets/widget-member-routes.ts';
import { widgetSessionRoutes } from './widgets/widget-session-routes.ts';

/** The widget route groups (widgets-api.md §5), each in its own file under widgets/. */
const WIDGET_ROUTES: readonly WidgetRoutes[] = [widgetSessionRoutes, widgetMemberRoutes, widgetAdminRoutes];

const BODY_LIMIT = 64 * 1024;

// Request ids: a random per-process prefix and a counter. Unique across processes without paying
// for randomness on every request (the vend path is measured).
const REQUEST_ID_PREFIX = `req_${randomBytes(6).toString('hex')}`;
let requestCounter = 0;
const nextRequestId = (): string => `${REQUEST_ID_PREFIX}${(++requestCounter).toString(36).padStart(8, '0')}`;

/** Builds the HTTP application from its dependencies; nothing here reads the environment. */
export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: deps.logLevel ?? 'silent',
      // Secrets only travel in bodies and the Authorization header; neither is logged.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      // Query values (the callback's code and state, the widgets' token) and flow links are never logged.
      serializers: { req: (req) => ({ method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip }) },
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    bodyLimit: BODY_LIMIT,
    ...timeoutOptions(deps.httpTimeouts ?? DEFAULT_HTTP_TIMEOUTS),
    clientErrorHandler: answerClientError,
    genReqId: nextRequestId,
    trustProxy: deps.trustProxy ?? false,
    requestIdHeader: false,
    routerOptions: { maxParamLength: 512, ignoreTrailingSlash: false },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false, useDefaults: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  installErrorHandling(app);
  const limits = installRateLimits(app, deps.rateLimits ?? DEFAULT_RATE_LIMITS);

  // The WorkOS SDK sends `Content-Type: application/json` on bodiless GET/DELETE requests: an empty
  // body is "no body", not bad JSON. Prototype-poisoning keys are rejected like Fastify's own parser.
  // JSON only: every other media type is refused with 415 (docs/security.md §17).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      done(invalidJson(), undefined);
    }
  });

  const headers = responseHeaders(deps.publicUrl);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id).headers(headers);
  });

  await installOpenApi(app, deps.publicUrl);
  installMetrics(app, deps.metrics, deps.metricsEndpoint);
  installProbes(app, () => deps.readiness());
  installCatalogLogos(app, deps.catalog);

  await app.register(flowRoutes(deps));
  await app.register(widgetPageRoutes(deps));
  await app.register(dashboardRoutes(deps), { prefix: '/dashboard' });
  await registerWidgetApi(app, deps, WIDGET_ROUTES);

  await app.register(async (api) => {
    api.addHook('onRequest', requireApiKey(deps.apiKeys, limits));
    installIdempotency(api, deps);
    for (const routes of [
      dataIntegrationRoutes,
      orgConfigurationRoutes,
      providerRoutes,
      connectedAccountRoutes,
      authorizeRoutes,
      vendingRoutes,
      apiKeyConnectionRoutes,
      clientCredentialsRoutes,
      catalogRoutes,
      eventRoutes,
      webhookRoutes,
      widgetTokenRoutes,
      proxyRoutes,
    ]) {
      await api.register(routes(deps));
    }
  });

  return app;
}
