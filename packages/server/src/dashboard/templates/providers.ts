/** The provider catalog, searchable, from the point of view of one environment (add an integration). */
export const providers = `<% layout('@layout') %>
<%~ include('@environmentTabs') %>
<h1>Add an integration</h1>
<form method="get" action="/dashboard/environments/<%= it.environment.name %>/providers" role="search">
<label for="q">Search the catalog by name or slug</label>
<input id="q" name="q" type="search" maxlength="100" value="<%= it.q %>">
<button type="submit">Search</button>
</form>
<p><a href="/dashboard/environments/<%= it.environment.name %>/integrations/new?custom=1">Define a custom OAuth provider</a>
<span class="muted">for a service that is not in the catalog.</span></p>
<p class="muted"><%= it.providers.length %> of <%= it.total %> providers.</p>
<div class="scroll">
<table class="stack">
<thead><tr><th scope="col">Provider</th><th scope="col">Slug</th><th scope="col">Description</th>
<th scope="col">Auth</th><th scope="col">In this environment</th></tr></thead>
<tbody>
<% for (const p of it.providers) { %>
<tr>
<td data-label="Provider"><img class="logo" src="<%= p.logoSrc %>" alt="" width="20" height="20" loading="lazy"> <strong><%= p.name %></strong></td>
<td data-label="Slug"><code><%= p.slug %></code></td>
<td data-label="Description" class="wrap"><%= p.description %></td>
<td data-label="Auth"><%= p.authMethods %></td>
<td data-label="In this environment"><% if (p.added.length > 0) { %><%= p.added %> · <% } %>
<a href="<%= p.addHref %>" aria-label="Add <%= p.name %>">Add</a></td>
</tr>
<% } %>
</tbody>
</table>
</div>
`;
