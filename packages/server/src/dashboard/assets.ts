import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { DASHBOARD_CSS } from './templates/dashboard-css.ts';

interface Asset {
  /** The route inside the dashboard (registered under /dashboard). */
  route: string;
  body: Buffer;
}

const asset = (name: string, body: Buffer): Asset => {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { route: `/assets/${name}.${hash}.css`, body };
};

/**
 * The stylesheets: Pico's classless build, read from its package (node_modules) and served by
 * OpenPipes itself, and the dashboard's few rules of its own. Their URLs carry a hash of the
 * content, so they are cached for a year and a new version is a new URL.
 */
const PICO = asset('pico.classless', readFileSync(createRequire(import.meta.url).resolve('@picocss/pico/css/pico.classless.min.css')));
const SITE = asset('dashboard', Buffer.from(DASHBOARD_CSS));

/** The stylesheet URLs pages link to. */
export const STYLESHEETS = { pico: `/dashboard${PICO.route}`, site: `/dashboard${SITE.route}` } as const;

/** Serves the stylesheets (no session needed: they hold nothing private). */
export function assetRoutes(app: FastifyInstance): void {
  for (const { route, body } of [PICO, SITE]) {
    app.get(route, { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(body),
    );
  }
}
