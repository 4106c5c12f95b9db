/** Creating an integration: for a catalog provider, or with a custom provider definition. */
export const integrationNew = `<% layout('@layout') %>
<%~ include('@environmentTabs') %>
<h1><%= it.heading %></h1>
<% if (it.provider) { %><p class="muted"><%= it.provider.description %></p><% } %>
<form method="post" action="/dashboard/environments/<%= it.environment.name %>/integrations">
<%~ include('@csrf') %>
<% if (it.provider) { %>
<input type="hidden" name="provider" value="<%= it.provider.slug %>">
<% } else { %>
<label for="provider">Slug</label>
<input id="provider" name="provider" required maxlength="63" pattern="[a-z0-9][a-z0-9_\\-]{0,62}" value="<%= it.values.provider %>"
 aria-describedby="provider-help">
<small id="provider-help">The name your code uses for it, e.g. acme: lower-case letters, digits, "-" and "_".</small>
<h2>Provider</h2>
<%~ include('@customProviderFields') %>
<h2>Integration</h2>
<% } %>
<label for="ownership">Connections belong to</label>
<select id="ownership" name="ownership">
<option value="user"<% if (it.values.ownership !== 'organization') { %> selected<% } %>>users</option>
<option value="organization"<% if (it.values.ownership === 'organization') { %> selected<% } %>>organizations</option>
</select>
<label for="auth-method">Authentication</label>
<select id="auth-method" name="auth_method">
<% for (const m of it.authMethods) { %>
<option value="<%= m %>"<% if (it.values.auth_method === m) { %> selected<% } %>><%= m %></option>
<% } %>
</select>
<label for="description">Description <span class="muted">(optional)</span></label>
<input id="description" name="description" maxlength="500" value="<%= it.values.description %>">
<label for="scopes">Scopes</label>
<input id="scopes" name="scopes" maxlength="4000" value="<%= it.values.scopes %>" aria-describedby="scopes-help">
<small id="scopes-help">Separated by spaces. <%= it.scopesHelp %></small>
<% for (const f of it.configFields) { %>
<label for="config-<%= f.name %>"><%= f.label %><% if (!f.required) { %> <span class="muted">(optional)</span><% } %></label>
<input id="config-<%= f.name %>" name="config_<%= f.name %>" maxlength="500" value="<%= f.value %>"<% if (f.required) { %> required<% } %>
 aria-describedby="config-<%= f.name %>-help">
<small id="config-<%= f.name %>-help"><%= f.description %></small>
<% } %>
<h2>OAuth app <span class="muted">(OAuth only)</span></h2>
<%~ include('@credentialsFields') %>
<hr>
<label><input type="checkbox" name="enabled" value="on" role="switch"<% if (it.values.enabled) { %> checked<% } %>> Enabled</label>
<button type="submit">Create integration</button>
</form>
`;
