/** One integration: what to register at the provider, and its settings, OAuth app and custom definition. */
export const integration = `<% layout('@layout') %>
<%~ include('@environmentTabs') %>
<h1><%= it.integration.name %></h1>
<% if (it.integration.description) { %><p><%= it.integration.description %></p><% } %>
<dl class="facts">
<dt>Slug</dt><dd><code><%= it.integration.slug %></code></dd>
<dt>Connections belong to</dt><dd><%= it.integration.ownershipLabel %></dd>
<dt>Authentication</dt><dd><%= it.integration.authMethod %></dd>
<dt>State</dt><dd><%= it.integration.state %></dd>
<dt>Enabled</dt><dd><%= it.integration.enabled ? 'yes' : 'no' %></dd>
<% if (it.integration.redirectUri) { %>
<dt>Redirect URI</dt><dd><code class="uri"><%= it.integration.redirectUri %></code>
<br><small>Register it at the provider as this app's callback.</small></dd>
<% } %>
<dt>Client secret</dt><dd><%= it.integration.secretHint %></dd>
</dl>
<form method="post" action="<%= it.integration.href %>/enabled">
<%~ include('@csrf') %>
<input type="hidden" name="enabled" value="<%= it.integration.enabled ? 'off' : 'on' %>">
<button type="submit"><%= it.integration.enabled ? 'Disable' : 'Enable' %> integration</button>
</form>
<h2>Settings</h2>
<form method="post" action="<%= it.integration.href %>/settings">
<%~ include('@csrf') %>
<label for="description">Description</label>
<input id="description" name="description" maxlength="500" value="<%= it.values.description %>">
<label for="scopes">Scopes</label>
<input id="scopes" name="scopes" maxlength="4000" value="<%= it.values.scopes %>" aria-describedby="scopes-help">
<small id="scopes-help">Separated by spaces. <%= it.scopesHelp %></small>
<button type="submit">Save settings</button>
</form>
<% if (it.integration.authMethod === 'oauth') { %>
<h2>OAuth app</h2>
<form method="post" action="<%= it.integration.href %>/credentials">
<%~ include('@csrf') %>
<%~ include('@credentialsFields') %>
<button type="submit">Save OAuth app</button>
</form>
<% } %>
<% if (it.integration.isCustom) { %>
<h2>Custom provider</h2>
<form method="post" action="<%= it.integration.href %>/provider">
<%~ include('@csrf') %>
<%~ include('@customProviderFields') %>
<button type="submit">Save provider</button>
</form>
<% } %>
<h2>Latest connections</h2>
<% if (it.connections.length === 0) { %>
<p class="muted">No account is connected yet.</p>
<% } else { %>
<div class="scroll">
<table class="stack">
<thead><tr><th scope="col">User</th><th scope="col">Organization</th><th scope="col">Account</th><th scope="col">State</th>
<th scope="col">Connected</th><th scope="col">Activity</th></tr></thead>
<tbody>
<% for (const c of it.connections) { %>
<tr>
<td data-label="User"><%= c.user %></td>
<td data-label="Organization"><%= c.organization %></td>
<td data-label="Account"><%= c.account %></td>
<td data-label="State"><%= c.state %></td>
<td data-label="Connected"><%= c.created %></td>
<%~ include('@activityCell', c.activity) %>
</tr>
<% } %>
</tbody></table></div>
<% } %>
`;
