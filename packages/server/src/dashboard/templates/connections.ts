/** An environment's connected accounts: a search form, one page of results, links to the next page. */
export const connections = `<% layout('@layout') %>
<%~ include('@environmentTabs') %>
<h1>Connections</h1>
<form method="get" action="/dashboard/environments/<%= it.environment.name %>/connections" class="search" role="search">
<div class="fields">
<label>User ID
<input name="user" maxlength="200" value="<%= it.values.user %>"></label>
<label>Organization ID
<input name="organization" maxlength="200" value="<%= it.values.organization %>"></label>
<label>Provider <select name="provider">
<option value="">Any</option>
<% for (const slug of it.providers) { %>
<option value="<%= slug %>"<% if (slug === it.values.provider) { %> selected<% } %>><%= slug %></option>
<% } %>
</select></label>
<label>State <select name="state">
<option value="">Any</option>
<% for (const s of it.states) { %>
<option value="<%= s.value %>"<% if (s.value === it.values.state) { %> selected<% } %>><%= s.label %></option>
<% } %>
</select></label>
</div>
<button type="submit">Search</button>
</form>
<% if (it.accounts.length > 0) { %>
<div class="scroll">
<table class="stack dense">
<thead><tr><th scope="col">User</th><th scope="col">Organization</th><th scope="col">Provider</th><th scope="col">Account</th>
<th scope="col">State</th><th scope="col">Scopes</th><th scope="col">Credentials</th>
<th scope="col">Created / updated</th><th scope="col">Activity</th></tr></thead>
<tbody>
<% for (const a of it.accounts) { %>
<tr>
<td data-label="User"><code><%= a.user %></code></td>
<td data-label="Organization"><code><%= a.organization %></code></td>
<td data-label="Provider"><%= a.provider %></td>
<td data-label="Account"><%= a.account %></td>
<td data-label="State"><%= a.state %></td>
<td data-label="Scopes" class="wrap narrow-wrap"><%= a.scopes %></td>
<td data-label="Credentials" class="wrap narrow-wrap"><%= a.credentials %></td>
<td data-label="Created / updated"><%= a.created %><br><%= a.updated %></td>
<%~ include('@activityCell', a.activity) %>
</tr>
<% } %>
</tbody>
</table>
</div>
<% } else { %>
<p>No connection matches.</p>
<% } %>
<%~ include('@pager') %>
`;

/** Links to the first and the next page of a list. */
export const pager = `<% if (it.firstHref || it.nextHref) { %>
<nav aria-label="Pages"><ul>
<% if (it.firstHref) { %><li><a href="<%= it.firstHref %>">Newest</a></li><% } %>
<% if (it.nextHref) { %><li><a href="<%= it.nextHref %>" rel="next">Older</a></li><% } %>
</ul></nav>
<% } %>
`;
