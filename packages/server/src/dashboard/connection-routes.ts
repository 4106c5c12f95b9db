import { idPattern } from '../core/ids.ts';
import { Type } from 'typebox';
import type { AccountFilter, AccountState, ConnectedAccount } from '../domain/connected-account.ts';
import { connectionActivity } from './connection-activity.ts';
import type { DashboardApp, DashboardDeps } from './deps.ts';
import { allIntegrations } from './integration-view.ts';
import { environmentFrame, environmentSearch, given, minute } from './pages.ts';
import { sendPage } from './view.ts';

const PAGE_SIZE = 25;
const STATES: readonly AccountState[] = ['connected', 'needs_reauthorization', 'disconnected'];
const ID = idPattern('installation');

// Printable text only: a NUL would reach PostgreSQL, which refuses it in text (a 500, found by fuzzing).
const Field = Type.Optional(Type.String({ maxLength: 200, pattern: '^[^\\u0000-\\u001f\\u007f]*$' }));
const SearchQuery = Type.Object(
  {
    user: Field,
    organization: Field,
    provider: Field,
    state: Type.Optional(Type.Union([Type.Literal(''), ...STATES.map((s) => Type.Literal(s))])),
    before: Type.Optional(Type.String({ pattern: ID })),
  },
  { additionalProperties: false },
);

/** What a connection's stored secrets show: their last four characters where kept, else whether they are set. */
function credentialsHint(a: ConnectedAccount): string {
  if (a.auth_method === 'api_key') return a.api_key_last4 ? `API key …${a.api_key_last4}` : a.api_key ? 'API key set' : 'no API key';
  if (a.auth_method === 'client_credentials') {
    return a.client_secret_last4 ? `client secret …${a.client_secret_last4}` : a.client_secret ? 'client secret set' : 'no client secret';
  }
  return [a.access_token ? 'access token' : null, a.refresh_token ? 'refresh token' : null].filter(Boolean).join(' + ') || 'no tokens';
}

const accountLine = ({ account: a, slug }: { account: ConnectedAccount; slug: string }, now: number) => ({
  id: a.id,
  user: a.user_id ?? '—',
  organization: a.organization_id ?? '—',
  provider: slug,
  account: a.account_display_name ?? a.account_identifier ?? '',
  state: a.state.replace(/_/g, ' '),
  scopes: a.scopes.join(' ') || '—',
  credentials: credentialsHint(a),
  created: minute(a.created_at),
  updated: minute(a.updated_at),
  activity: connectionActivity(a, now),
});

/** GET /dashboard/environments/:name/connections: the environment's connected accounts, searched and paged. */
export function connectionRoutes(app: DashboardApp, deps: DashboardDeps): void {
  environmentSearch(app, deps, { path: '/connections', query: SearchQuery }, async (request, reply, env, q) => {
    const values = { user: given(q.user), organization: given(q.organization), provider: given(q.provider), state: given(q.state) };
    const filter: AccountFilter = {
      ...(values.user ? { userId: values.user } : {}),
      ...(values.organization ? { organizationId: values.organization } : {}),
      ...(values.provider ? { slug: values.provider } : {}),
      ...(values.state ? { state: values.state as AccountState } : {}),
    };
    const page = await deps.accounts.search(env.id, filter, q.before ?? null, PAGE_SIZE);
    const base = `/dashboard/environments/${encodeURIComponent(env.name)}/connections`;
    const search = new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
    const last = page.items[page.items.length - 1];
    if (last && page.hasMore) search.set('before', last.account.id);
    const slugs = [...new Set((await allIntegrations(deps.integrations, env.id)).map((i) => i.row.slug))].sort();
    return sendPage(reply, 'connections', {
      ...environmentFrame(request, env, 'Connections', 'connections'),
      values,
      providers: slugs,
      states: STATES.map((s) => ({ value: s, label: s.replace(/_/g, ' ') })),
      accounts: page.items.map((item) => accountLine(item, deps.clock.now())),
      firstHref: q.before ? `${base}?${new URLSearchParams([...search].filter(([k]) => k !== 'before'))}` : null,
      nextHref: last && page.hasMore ? `${base}?${search}` : null,
    });
  });
}
