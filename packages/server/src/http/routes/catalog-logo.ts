import type { FastifyInstance } from 'fastify';
import type { ProviderCatalog } from '../../catalog/catalog.ts';
import { providerLogoSvg } from '../../catalog/logos.ts';
import { isSlug } from '../../catalog/provider-definition.ts';
import { providerNotFound } from '../../core/errors.ts';

/** Logos change only with an upgrade of the `simple-icons` package: a week is long enough to spare the server, short enough to pick up a new one. */
const LOGO_CACHE = 'public, max-age=604800';
/** The SVG is served as a document when opened directly: nothing in it may load or run (docs/security.md J). */
const LOGO_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/**
 * `GET /catalog/providers/:slug/logo.svg`: a built-in provider's logo, without an API key. Its readers are
 * `<img>` elements (the dashboard's catalog, the widgets' `iconUrl` on the customer's own origin) that
 * cannot send one, and it only ever answers a public brand mark from the `simple-icons` package or a
 * generated monogram, chosen by a catalog slug: nothing from user input reaches the SVG.
 */
export function installCatalogLogos(app: FastifyInstance, catalog: ProviderCatalog): void {
  app.get<{ Params: { slug: string } }>('/catalog/providers/:slug/logo.svg', { schema: { hide: true } }, async (request, reply) => {
    const { slug } = request.params;
    const provider = isSlug(slug) ? catalog.get(slug) : null;
    if (!provider) throw providerNotFound(slug);
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('cache-control', LOGO_CACHE)
      .header('content-security-policy', LOGO_CSP)
      .send(providerLogoSvg(provider));
  });
}
