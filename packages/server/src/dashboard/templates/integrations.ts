/** An environment's integrations, each with its state and an enable/disable button. */
export const integrations = `<% layout('@layout') %>
<%~ include('@environmentTabs') %>
<h1>Integrations</h1>
<% if (it.integrations.length === 0) { %>
<p>No integration yet. <a href="/dashboard/environments/<%= it.environment.name %>/providers">Add one from the catalog</a>.</p>
<% } else { %>
<div class="scroll">
<table class="stack">
<thead><tr><th scope="col">Provider</th><th scope="col">Slug</th><th scope="col">Connections of</th><th scope="col">Auth</th>
<th scope="col">State</th><th scope="col">Enabled</th></tr></thead>
<tbody>
<% for (const i of it.integrations) { %>
<tr>
<td data-label="Provider"><a href="<%= i.href %>"><%= i.name %></a></td>
<td data-label="Slug"><code><%= i.slug %></code></td>
<td data-label="Connections of"><%= i.ownershipLabel %></td>
<td data-label="Auth"><%= i.authMethod %></td>
<td data-label="State"><%= i.state %></td>
<td data-label="Enabled"><%= i.enabled ? 'yes' : 'no' %>
<form class="inline" method="post" action="<%= i.href %>/enabled">
<%~ include('@csrf') %>
<input type="hidden" name="enabled" value="<%= i.enabled ? 'off' : 'on' %>">
<input type="hidden" name="back" value="list">
<button type="submit" aria-label="<%= i.enabled ? 'Disable' : 'Enable' %> <%= i.name %> (<%= i.ownershipLabel %>)">
<%= i.enabled ? 'Disable' : 'Enable' %></button>
</form></td>
</tr>
<% } %>
</tbody>
</table>
</div>
<% } %>
<p><a href="/dashboard/environments/<%= it.environment.name %>/providers">Add an integration</a></p>
`;
