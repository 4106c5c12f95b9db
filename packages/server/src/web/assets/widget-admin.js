/**
 * `<openpipes-admin>`: one organization's provider settings (W9), each saved with W10: enabled or
 * not, the requested scopes, and for providers whose organizations bring their own OAuth app, the
 * client id and a write-only secret (only its last four are ever shown) with the redirect URI to
 * register at the provider.
 */
import { field, h, notice, WidgetElement } from './widget-dom.js';

const ORGANIZATION = 'organization';

/** Which scopes the picker offers: the effective ones, the developer's defaults and the extra ones. */
const scopeChoices = (item) => [...new Set([...(item.scopes ?? []), ...item.defaultScopes, ...item.availableScopes])];

export class OpenPipesAdmin extends WidgetElement {
  async load() {
    try {
      this.items = (await this.call('GET', '/DataIntegrations/configurations')).data;
    } catch (error) {
      this.message = { kind: 'error', text: error.message };
      this.items ??= [];
    }
    this.render();
  }

  /** The form's draft for a provider, seeded from the server's answer. */
  row(item) {
    this.rows[item.slug] ??= {
      enabled: item.enabled,
      scopes: new Set(item.scopes ?? []),
      clientId: item.credentials.client_id ?? '',
      clientSecret: '',
      message: null,
      busy: false,
    };
    return this.rows[item.slug];
  }

  async save(item) {
    const row = this.row(item);
    const body = { enabled: row.enabled };
    if ((item.authMethods ?? []).includes('oauth')) body.scopes = [...row.scopes];
    if (item.credentials.credentialsType === ORGANIZATION) {
      const idChanged = row.clientId.trim() !== (item.credentials.client_id ?? '');
      if (row.clientSecret === '' && (idChanged || !item.credentials.hasCredentials)) {
        row.message = { kind: 'error', text: 'Enter the client secret together with the client ID.' };
        return this.render();
      }
      if (row.clientSecret !== '') Object.assign(body, { client_id: row.clientId.trim(), client_secret: row.clientSecret });
    }
    row.busy = true;
    this.render();
    try {
      const saved = await this.call('PUT', `/DataIntegrations/${item.slug}/configuration`, body);
      this.items = this.items.map((i) => (i.slug === item.slug ? saved : i));
      delete this.rows[item.slug];
      this.row(saved).message = { kind: 'ok', text: `${saved.name} settings saved.` };
    } catch (error) {
      Object.assign(row, { busy: false, message: { kind: 'error', text: error.message } });
      if (error.status === 404) await this.load();
    }
    this.render();
  }

  texts = { loading: 'Loading the integrations…', title: 'Integrations for your organization', empty: 'No integration is set up yet.' };

  itemView(item) {
    const row = this.row(item);
    const creds = item.credentials;
    const needsApp = creds.credentialsType === ORGANIZATION && !creds.hasCredentials;
    const status = !item.enabled ? ['Disabled', 'off'] : needsApp ? ['Needs your OAuth app', 'warn'] : ['Enabled', 'ok'];
    const key = (name) => `${name}:${item.slug}`;
    const text = (name, label, attributes, hint) =>
      field(label, { name, 'data-focus-key': key(name), autocomplete: 'off', ...attributes }, hint);
    return h(
      'article',
      { 'aria-busy': row.busy ? 'true' : null },
      h('header', {}, h('h2', {}, item.name), h('span', { class: `status ${status[1]}` }, status[0])),
      item.description ? h('p', { class: 'muted' }, item.description) : null,
      notice(row.message),
      h(
        'form',
        {
          'aria-label': `${item.name} settings`,
          onsubmit: (e) => {
            e.preventDefault();
            this.save(item);
          },
        },
        h(
          'label',
          {},
          h('input', {
            type: 'checkbox',
            role: 'switch',
            'data-focus-key': key('enabled'),
            checked: row.enabled,
            onchange: (e) => {
              row.enabled = e.target.checked;
            },
          }),
          `Enable ${item.name}`,
        ),
        (item.authMethods ?? []).includes('oauth') ? this.scopesView(item, row) : null,
        creds.credentialsType === ORGANIZATION
          ? h(
              'fieldset',
              {},
              h('legend', {}, 'Your OAuth app'),
              h('p', { class: 'muted' }, `Register this redirect URI in your ${item.name} OAuth app:`),
              h('code', { class: 'secret' }, creds.redirectUri),
              text('client_id', 'Client ID', { value: row.clientId, oninput: (e) => Object.assign(row, { clientId: e.target.value }) }),
              text(
                'client_secret',
                'Client secret',
                { type: 'password', value: row.clientSecret, oninput: (e) => Object.assign(row, { clientSecret: e.target.value }) },
                creds.redactedClientSecret
                  ? `A secret ending in ${creds.redactedClientSecret} is stored. Leave blank to keep it.`
                  : 'The secret is stored encrypted and never shown again.',
              ),
            )
          : null,
        h('button', { type: 'submit', disabled: row.busy, 'data-focus-key': key('save') }, `Save ${item.name}`),
      ),
    );
  }

  scopesView(item, row) {
    const choices = scopeChoices(item);
    if (choices.length === 0) return null;
    return h(
      'fieldset',
      {},
      h('legend', {}, 'Permissions requested'),
      ...choices.map((scope) =>
        h(
          'label',
          {},
          h('input', {
            type: 'checkbox',
            'data-focus-key': `scope:${scope}:${item.slug}`,
            checked: row.scopes.has(scope),
            onchange: (e) => (e.target.checked ? row.scopes.add(scope) : row.scopes.delete(scope)),
          }),
          scope,
        ),
      ),
    );
  }
}
