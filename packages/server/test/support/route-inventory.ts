import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { FastifyInstance, RouteOptions } from 'fastify';

/** The parts of a route's validation schema a request is built from (plain JSON Schema; TypeBox emits it). */
export interface RouteSchemas {
  params?: JsonSchema;
  querystring?: JsonSchema;
  body?: JsonSchema;
}

export type JsonSchema = Record<string, any>;

/** One registered route: `url` as Fastify spells it (`/data-integrations/:slug/token`). */
export interface RouteSpec {
  method: string;
  url: string;
  schema: RouteSchemas;
}

/**
 * Every route `build` registers, with its schemas, seen through Fastify's own `onRoute` hook.
 * The app is built inside `createApp`, which a test cannot reach before routes are added; Fastify
 * publishes each new instance on the `fastify.initialization` diagnostics channel (the documented
 * entry point for instrumentation), where the hook is attached before the first route exists.
 * No production code learns about it.
 */
export async function captureRoutes<T>(build: () => Promise<T>): Promise<{ result: T; routes: RouteSpec[] }> {
  const routes: RouteSpec[] = [];
  let attached = false;
  const onInit = (message: unknown) => {
    // Only the first instance is the app; later ones (none today) would be unrelated servers.
    if (attached) return;
    attached = true;
    (message as { fastify: FastifyInstance }).fastify.addHook('onRoute', (route: RouteOptions) => {
      const s = (route.schema ?? {}) as RouteSchemas;
      for (const method of [route.method].flat()) {
        routes.push({
          method,
          url: route.url,
          schema: {
            ...(s.params ? { params: s.params } : {}),
            ...(s.querystring ? { querystring: s.querystring } : {}),
            ...(s.body ? { body: s.body } : {}),
          },
        });
      }
    });
  };
  subscribe('fastify.initialization', onInit);
  try {
    return { result: await build(), routes };
  } finally {
    unsubscribe('fastify.initialization', onInit);
  }
}
