/** An environment's API keys: a new key shown once, the list (last four, last use), revoke. */
export const apiKeys = `<% layout('@layout') %>
<%~ include('@environmentTabs') %>
<h1>API keys</h1>
<% if (it.newKey) { %>
<div class="notice" role="status">
<p>Your new key <strong><%= it.newKey.name %></strong>. It is shown this once: copy it now.</p>
<p><code class="secret"><%= it.newKey.key %></code></p>
</div>
<% } %>
<div class="scroll">
<table class="stack">
<thead><tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Created</th><th scope="col">Last used</th>
<th scope="col">Status</th></tr></thead>
<tbody>
<% for (const key of it.keys) { %>
<tr>
<td data-label="Name"><%= key.name %></td>
<td data-label="Key"><code>…<%= key.last4 %></code></td>
<td data-label="Created"><%= key.created_at.slice(0, 16).replace('T', ' ') %></td>
<td data-label="Last used"><%= key.last_used_at ? key.last_used_at.slice(0, 16).replace('T', ' ') : 'never' %></td>
<td data-label="Status"><% if (key.revoked_at) { %>revoked <%= key.revoked_at.slice(0, 10) %><% } else { %>
<form class="inline" method="post" action="/dashboard/environments/<%= it.environment.name %>/api-keys/<%= key.id %>/revoke">
<%~ include('@csrf') %>
<button type="submit" aria-label="Revoke key <%= key.name %> ending in <%= key.last4 %>">Revoke</button>
</form><% } %></td>
</tr>
<% } %>
</tbody>
</table>
</div>
<h2>New API key</h2>
<form method="post" action="/dashboard/environments/<%= it.environment.name %>/api-keys">
<%~ include('@csrf') %>
<label for="key-name">Name</label>
<input id="key-name" name="name" required maxlength="100" aria-describedby="key-name-help">
<small id="key-name-help">What the key is for, e.g. "backend production".</small>
<button type="submit">Create API key</button>
</form>
`;
