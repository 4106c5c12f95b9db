/**
 * The browser-facing routes, for the OpenAPI document only: they serve HTML and redirects rather
 * than JSON, so their route files hide them from the generated document and this table describes
 * them (tag "Browser routes"). Keyed by method and route pattern as registered.
 */
interface BrowserRoute {
  summary: string;
  description: string;
  responses: Record<number, string>;
  /** A form post's example fields (sent form-encoded). */
  form?: Record<string, string>;
  /** The 200 answer's media type and example when it is not an HTML page. */
  media?: { type: string; example: string };
}

const html = (example: string) => ({ content: { 'text/html': { schema: { type: 'string', examples: [example] } } } });
const PAGE = '<!doctype html><html lang="en">…</html>';

export const BROWSER_ROUTES: Record<string, BrowserRoute> = {
  'GET /data-integrations/:link/authorize-redirect': {
    summary: 'Open an authorization link',
    description:
      'The `authorize_url` R12 answers with: a single-use link to open in the end user’s browser. Shows the confirmation page, or redirects to the provider.',
    responses: {
      200: 'The confirmation page (HTML).',
      303: 'Redirect to the provider’s authorization page.',
      404: 'An error page: the link is unknown, used or expired.',
    },
  },
  'POST /data-integrations/:link/authorize-redirect': {
    summary: 'Confirm an authorization link',
    description: 'The confirmation page’s form (`csrf_token`, form-encoded); redirects to the provider.',
    responses: { 303: 'Redirect to the provider’s authorization page.', 400: 'An error page: the form is stale or forged.' },
    form: { csrf_token: 'the token from the confirmation page' },
  },
  'GET /data-integrations/:slug/:key/callback': {
    summary: 'Provider callback',
    description:
      'The `redirect_uri` to register with the provider. Exchanges the code, saves the connection, then returns the user to `return_to` or shows a success page.',
    responses: {
      200: 'The success page (HTML).',
      303: 'Redirect to the flow’s `return_to`.',
      400: 'An error page: the state is unknown, expired or used, or the provider refused.',
    },
  },
  'GET /widgets/pipes': {
    summary: 'Hosted connections widget',
    description: 'A page hosting the end user’s connections widget; open it with `?token=` (a widget token from `POST /widgets/token`).',
    responses: { 200: 'The widget page (HTML).', 403: 'The widget token is invalid or expired.' },
  },
  'GET /widgets/pipes-admin': {
    summary: 'Hosted administration widget',
    description: 'A page hosting the organization administrator’s widget; open it with `?token=`.',
    responses: { 200: 'The widget page (HTML).', 403: 'The widget token is invalid or expired.' },
  },
  'GET /catalog/providers/:slug/logo.svg': {
    summary: 'Logo of a built-in provider',
    description:
      'The SVG logo of a catalog provider (`logo_url` of `GET /catalog/providers`): its simple-icons brand icon, or a generated monogram. No API key: `<img>` elements load it. Cached for a week. An unknown slug answers 404 `entity_not_found` (JSON).',
    responses: { 200: 'The logo (`image/svg+xml`).' },
    media: {
      type: 'image/svg+xml',
      example:
        '<svg role="img" viewBox="0 0 24 24" xmlns="http://www.w3.org/2000/svg" fill="#181717"><title>GitHub</title><path d="…"/></svg>',
    },
  },
  'GET /dashboard/': {
    summary: 'Operator dashboard',
    description: 'The operator dashboard; redirects to the sign-in page without a session.',
    responses: { 200: 'The overview page (HTML).', 303: 'Redirect to `/dashboard/sign-in`.' },
  },
  'GET /dashboard/sign-in': {
    summary: 'Dashboard sign-in page',
    description: 'The operator sign-in form.',
    responses: { 200: 'The sign-in page (HTML).', 303: 'Already signed in: redirect to `/dashboard`.' },
  },
  'POST /dashboard/sign-in': {
    summary: 'Dashboard sign-in',
    description: 'The sign-in form (`username`, `password`, `csrf_token`, form-encoded).',
    responses: {
      303: 'Signed in: redirect to `/dashboard`.',
      401: 'The sign-in page again, with the error.',
      429: 'Too many attempts: the sign-in page again; retry after `Retry-After` seconds.',
    },
    form: { username: 'admin', password: 'correct horse battery staple', csrf_token: 'the token from the sign-in page' },
  },
};

/**
 * The documented form of a browser route: un-hidden, tagged, no API key, HTML answers, redirects
 * without a body, and a form post's body as form-encoded with its example.
 */
export function browserOperation(route: BrowserRoute, body: unknown): Record<string, unknown> {
  const response = Object.fromEntries(
    Object.entries(route.responses).map(([status, description]) => [
      status,
      status === '303'
        ? { type: 'null', description, headers: { location: { type: 'string', description: 'Where the browser goes next.' } } }
        : status === '200' && route.media
          ? { description, content: { [route.media.type]: { schema: { type: 'string', examples: [route.media.example] } } } }
          : { description, ...html(PAGE) },
    ]),
  );
  return {
    hide: false,
    tags: ['Browser routes'],
    summary: route.summary,
    description: route.description,
    security: [],
    response,
    ...(route.form && body
      ? { consumes: ['application/x-www-form-urlencoded'], body: { ...(body as object), examples: [route.form] } }
      : {}),
  };
}
