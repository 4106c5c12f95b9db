/**
 * `<openpipes-connect>`: the end user's connections (W3), each with its status and the action that
 * fits. OAuth connects run in a popup (W5); the list is polled while it is open, so the row turns
 * "Connected" without a reload. API keys (W6) and client credentials (W7) are forms; disconnect is W8.
 */
import { field, h, notice, WidgetElement } from './widget-dom.js';

const POLL_MS = 1000;
const WATCH_LIMIT_MS = 10 * 60 * 1000;

const methodOf = (item) => item.installation?.auth_method ?? (item.authMethods ?? ['oauth'])[0] ?? 'oauth';
const missingScopes = (item) => (item.scopes ?? []).filter((s) => !(item.installation?.scopes ?? []).includes(s));
/** Installation fields the integration does not pin: the user supplies them (e.g. a Zendesk subdomain). */
const unpinned = (item) => (item.configFields ?? []).filter((f) => f.scope === 'installation' && !item.config?.[f.key]);

function statusOf(item) {
  const inst = item.installation;
  if (!inst) return { text: 'Not connected', kind: 'off' };
  if (inst.state !== 'connected') return { text: 'Needs reconnecting', kind: 'warn' };
  if (inst.auth_method === 'oauth' && missingScopes(item).length > 0) return { text: 'Missing permissions', kind: 'warn' };
  return { text: 'Connected', kind: 'ok' };
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "5 minutes ago", "yesterday"; under a minute "just now". */
function ago(iso) {
  const ms = Date.parse(iso) - Date.now();
  if (Math.abs(ms) < 60_000) return 'just now';
  const [unit, size] = UNITS.find(([, size]) => Math.abs(ms) >= size) ?? UNITS[2];
  return relative.format(Math.round(ms / size), unit);
}

/** What a failed health check means for the user (the connection's state already says when it is dead). */
const HEALTH_HINTS = {
  temporary_failure: 'The provider did not answer our last check; we will try again.',
  needs_reauthorization: 'The provider no longer accepts this connection: reconnect it.',
};

/** "Last used …" (the exact time in its title), and a hint when the last health check failed. */
function activityView(inst) {
  if (!inst) return null;
  const used = inst.last_used_at
    ? h('p', { class: 'activity muted', title: new Date(inst.last_used_at).toLocaleString() }, `Last used ${ago(inst.last_used_at)}`)
    : h('p', { class: 'activity muted' }, 'Not used yet');
  const hint = HEALTH_HINTS[inst.last_health_check_result];
  return [used, hint ? h('p', { class: 'activity hint' }, hint) : null];
}

export class OpenPipesConnect extends WidgetElement {
  disconnectedCallback() {
    clearInterval(this.watching?.timer);
  }

  row(slug) {
    this.rows[slug] ??= { mode: null, values: {}, message: null, busy: false };
    return this.rows[slug];
  }

  async load() {
    try {
      const { data } = await this.call('GET', '/DataIntegrations/mine');
      const changed = JSON.stringify(data) !== JSON.stringify(this.items);
      this.items = data;
      if (changed) this.render();
    } catch (error) {
      this.message = { kind: 'error', text: error.message };
      this.items ??= [];
      this.render();
    }
  }

  /** Runs one write for a row, showing its error there; a 404 means the list is stale. */
  async act(item, work, done) {
    const row = this.row(item.slug);
    row.busy = true;
    row.message = null;
    this.render();
    try {
      await work();
      Object.assign(row, { mode: null, values: {}, message: done ? { kind: 'ok', text: done } : null });
    } catch (error) {
      row.message = { kind: 'error', text: error.message };
      if (error.status === 404) await this.load();
    }
    row.busy = false;
    await this.load();
    this.render();
  }

  /** Opens the popup inside the click (so no blocker stops it), then points it at the flow. */
  async connect(item, config) {
    const row = this.row(item.slug);
    const popup = window.open('', `openpipes-${item.slug}`, 'popup,width=560,height=720');
    row.busy = true;
    row.message = null;
    this.render();
    try {
      // No handoff: this page severs the popup's opener (and may fall back to a plain link), so the
      // flow keeps R12's protection instead: a single-use link only this page saw, a CSRF-checked
      // Continue and a browser-bound callback.
      const { url } = await this.call('POST', `/DataIntegrations/${item.slug}/authorize`, { requireHandoff: false, config });
      row.mode = null;
      row.values = {};
      if (popup) {
        popup.opener = null;
        popup.location.href = url;
        row.message = { kind: 'info', text: `Finish connecting ${item.name} in the window that opened.` };
      } else {
        row.link = url;
        row.message = { kind: 'info', text: 'Your browser blocked the window. Use the link to continue.' };
      }
      this.watch(item, popup);
    } catch (error) {
      popup?.close();
      row.message = { kind: 'error', text: error.message };
    }
    row.busy = false;
    this.render();
  }

  /** Polls W3 until the row is connected anew, the popup is closed, or ten minutes have passed. */
  watch(item, popup) {
    clearInterval(this.watching?.timer);
    const before = item.installation?.updated_at ?? null;
    const started = Date.now();
    const tick = async () => {
      await this.load();
      const now = this.items?.find((i) => i.slug === item.slug);
      const done = now?.installation?.state === 'connected' && now.installation.updated_at !== before;
      if (done || popup?.closed || Date.now() - started > WATCH_LIMIT_MS) {
        clearInterval(timer);
        this.watching = null;
        const row = this.row(item.slug);
        row.link = null;
        row.message = done ? { kind: 'ok', text: `${item.name} is connected.` } : null;
        if (done) popup?.close();
        this.render();
      }
    };
    const timer = setInterval(tick, POLL_MS);
    this.watching = { timer };
  }

  texts = { loading: 'Loading your connections…', title: 'Connected accounts', empty: 'There is nothing to connect yet.' };

  itemView(item) {
    const row = this.row(item.slug);
    const status = statusOf(item);
    return h(
      'article',
      { 'aria-busy': row.busy ? 'true' : null },
      h('header', {}, h('h2', {}, item.name), h('span', { class: `status ${status.kind}` }, status.text)),
      item.description ? h('p', { class: 'muted' }, item.description) : null,
      activityView(item.installation),
      notice(row.message),
      row.link ? h('p', {}, h('a', { href: row.link, target: '_blank', rel: 'noreferrer' }, `Continue connecting ${item.name}`)) : null,
      row.mode ? this.formView(item, row) : this.actionsView(item, row, status),
    );
  }

  actionsView(item, row, status) {
    const button = (label, key, onclick, secondary) =>
      h(
        'button',
        {
          type: 'button',
          class: secondary ? 'secondary' : null,
          'aria-label': `${label} ${item.name}`,
          'data-focus-key': `${key}:${item.slug}`,
          disabled: row.busy,
          onclick,
        },
        label,
      );
    const open = (mode) => () => {
      row.mode = mode;
      this.render();
    };
    const method = methodOf(item);
    const start = () => (unpinned(item).length > 0 ? open('config')() : this.connect(item, undefined));
    const actions = [];
    if (method === 'oauth' && status.text !== 'Connected')
      actions.push(button(item.installation ? 'Reconnect' : 'Connect', 'connect', start));
    if (method === 'api_key') actions.push(button(item.installation ? 'Replace API key' : 'Add API key', 'key', open('api_key')));
    if (method === 'client_credentials')
      actions.push(button(item.installation ? 'Update credentials' : 'Add credentials', 'cc', open('client_credentials')));
    if (item.installation) actions.push(button('Disconnect', 'disconnect', open('disconnect'), true));
    return h('div', { class: 'actions' }, ...actions);
  }

  formView(item, row) {
    const input = (key, label, attributes, hint) =>
      field(
        label,
        {
          name: key,
          value: row.values[key] ?? '',
          'data-focus-key': `${key}:${item.slug}`,
          oninput: (e) => {
            row.values[key] = e.target.value;
          },
          ...attributes,
        },
        hint,
      );
    const close = () => {
      Object.assign(row, { mode: null, values: {} });
      this.render();
    };
    const cancel = h('button', { type: 'button', class: 'secondary', onclick: close }, 'Cancel');
    const form = (submitLabel, onsubmit, ...fields) =>
      h(
        'form',
        {
          'aria-label': `${submitLabel} ${item.name}`,
          onsubmit: (e) => {
            e.preventDefault();
            onsubmit();
          },
        },
        ...fields,
        h('div', { class: 'actions' }, h('button', { type: 'submit', disabled: row.busy }, submitLabel), cancel),
      );
    const secret = { type: 'password', autocomplete: 'off', required: true };
    switch (row.mode) {
      case 'config':
        return form(
          'Connect',
          () => this.connect(item, { ...row.values }),
          ...unpinned(item).map((f) =>
            input(f.key, f.label, { required: f.required, pattern: f.pattern, type: f.secret ? 'password' : 'text' }, f.description),
          ),
        );
      case 'api_key':
        return form(
          'Save API key',
          () => this.act(item, () => this.call('PUT', `/DataIntegrations/${item.slug}/api-key`, { secret: row.values.secret }), 'Saved.'),
          input('secret', `${item.name} API key`, secret),
        );
      case 'client_credentials':
        return form(
          'Save credentials',
          () =>
            this.act(
              item,
              () =>
                this.call('PUT', `/DataIntegrations/${item.slug}/client-credentials`, {
                  client_id: row.values.client_id,
                  client_secret: row.values.client_secret,
                }),
              'Saved.',
            ),
          input('client_id', 'Client ID', { required: true, autocomplete: 'off' }),
          input('client_secret', 'Client secret', secret),
        );
      default:
        return form(
          'Disconnect',
          () =>
            this.act(
              item,
              () => this.call('DELETE', `/DataIntegrations/installations/${item.installation.id}`),
              `${item.name} is disconnected.`,
            ),
          h('p', {}, `Disconnect ${item.name}? The application loses access to this account.`),
        );
    }
  }
}
