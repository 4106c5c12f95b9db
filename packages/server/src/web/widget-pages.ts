import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Eta } from 'eta';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

/** What the pages need: the token's environment and the environments' allowed app origins. */
export interface WidgetPageDeps {
  widgetTokenVerifier: { verify(token: string): { env: string } | null };
  environments: {
    originsOf(environmentId: string): Promise<readonly string[] | null>;
    list(): Promise<readonly { allowed_return_origins: readonly string[] }[]>;
  };
}

const ASSET_DIR = new URL('./assets/', import.meta.url);
const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

/**
 * The hosted widgets' files: our modules and stylesheet, and Pico's classless stylesheet read from
 * its package. They share one directory named by a hash of all their contents, so the modules'
 * relative imports keep working, every file is cached for good, and a new version is a new URL.
 */
const FILES = new Map<string, Buffer>([
  ['pico.classless.min.css', readFileSync(createRequire(import.meta.url).resolve('@picocss/pico/css/pico.classless.min.css'))],
  ...['widget.css', 'widget-api.js', 'widget-dom.js', 'widget-connect.js', 'widget-admin.js', 'widget-app.js'].map(
    (name) => [name, readFileSync(new URL(name, ASSET_DIR))] as const,
  ),
]);
const VERSION = createHash('sha256')
  .update(Buffer.concat([...FILES.values()]))
  .digest('hex')
  .slice(0, 16);
export const WIDGET_ASSETS = `/widgets/assets/${VERSION}`;
const EMBED = readFileSync(new URL('embed.js', ASSET_DIR));

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title><%= it.title %></title>
<link rel="stylesheet" href="<%= it.assets %>/pico.classless.min.css">
<link rel="stylesheet" href="<%= it.assets %>/widget.css">
<script type="module" src="<%= it.assets %>/widget-app.js"></script>
</head>
<body>
<main>
<% if (it.problem) { %><div class="problem" role="alert"><p><%= it.problem %></p></div>
<% } else if (it.widget === 'pipes') { %><openpipes-connect></openpipes-connect>
<% } else { %><openpipes-admin></openpipes-admin>
<% } %>
<noscript><p>This page needs JavaScript to list and connect your accounts.</p></noscript>
</main>
</body>
</html>
`;
const eta = new Eta({ autoEscape: true, useWith: false, varName: 'it', cache: true });
eta.loadTemplate('@page', PAGE);

const WIDGETS = { pipes: 'Connected accounts', 'pipes-admin': 'Organization integrations' } as const;
type Widget = keyof typeof WIDGETS;

/** The strict policy of every widget page; only the allowed app origins may frame it. */
export const widgetPageCsp = (frameAncestors: readonly string[]): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');

/**
 * The hosted widgets (`/widgets/pipes`, `/widgets/pipes-admin`): a page that loads the web component,
 * which reads the widget token from `?token=` or `#token=`, drops it from the address bar and calls
 * the widgets API with it. A token in the query is verified here, so that only its environment's
 * origins may frame the page; `#token=` never reaches the server, so the union of every
 * environment's origins applies (as for the widget CORS preflight). `/widgets/embed.js` is the host
 * page's script; its URL is stable, so it is revalidated on every use.
 */
export const widgetPageRoutes =
  (deps: WidgetPageDeps): FastifyPluginAsync =>
  async (app) => {
    const allOrigins = async () => [...new Set((await deps.environments.list()).flatMap((e) => e.allowed_return_origins))];

    const send = (reply: FastifyReply, widget: Widget, origins: readonly string[], problem: string | null) =>
      reply
        .code(problem ? 403 : 200)
        .headers({
          'cache-control': 'no-store',
          'referrer-policy': 'no-referrer',
          'content-security-policy': widgetPageCsp(origins),
        })
        .type('text/html; charset=utf-8')
        .send(eta.render('@page', { title: WIDGETS[widget], widget, assets: WIDGET_ASSETS, problem }));

    for (const widget of Object.keys(WIDGETS) as Widget[]) {
      app.get<{ Querystring: { token?: string } }>(`/widgets/${widget}`, { schema: { hide: true } }, async (request, reply) => {
        const token = request.query.token;
        if (typeof token !== 'string') return send(reply, widget, await allOrigins(), null);
        const claims = deps.widgetTokenVerifier.verify(token);
        const origins = claims ? await deps.environments.originsOf(claims.env) : null;
        if (!origins) return send(reply, widget, await allOrigins(), 'This link has expired. Reopen it from the application.');
        return send(reply, widget, origins, null);
      });
    }

    app.get<{ Params: { name: string } }>(`${WIDGET_ASSETS}/:name`, { schema: { hide: true } }, async (request, reply) => {
      const body = FILES.get(request.params.name);
      // An unknown file is an unknown route: the same JSON 404 as everywhere else.
      if (!body) return reply.callNotFound();
      return reply
        .type(TYPES[request.params.name.split('.').pop()!]!)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(body);
    });

    // Loaded cross-origin by the host page (a classic or module script needs no CORS for that).
    app.get('/widgets/embed.js', { schema: { hide: true } }, async (_request, reply) =>
      reply.type(TYPES.js!).header('cache-control', 'no-cache').send(EMBED),
    );
  };
