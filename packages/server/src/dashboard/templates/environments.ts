/** Every environment, and a form to create one. */
export const environments = `<% layout('@layout') %>
<h1>Environments</h1>
<div class="scroll">
<table class="stack">
<thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Return origins</th>
<th scope="col">Confirmation page</th><th scope="col">Created</th></tr></thead>
<tbody>
<% for (const env of it.environments) { %>
<tr>
<td data-label="Name"><a href="/dashboard/environments/<%= env.name %>"><%= env.name %></a></td>
<td data-label="Kind"><%= env.production ? 'production' : 'test' %></td>
<td data-label="Return origins"><%= env.allowed_return_origins.length %></td>
<td data-label="Confirmation page"><%= env.confirmation_screen ? 'on' : 'off' %></td>
<td data-label="Created"><%= env.created_at.slice(0, 10) %></td>
</tr>
<% } %>
</tbody>
</table>
</div>
<h2>New environment</h2>
<form method="post" action="/dashboard/environments">
<%~ include('@csrf') %>
<label for="name">Name</label>
<input id="name" name="name" required maxlength="63" pattern="[a-z0-9][a-z0-9_\\-]{0,62}" value="<%= it.values.name %>"
 aria-describedby="name-help">
<small id="name-help">Lower-case letters, digits, "-" and "_", e.g. staging.</small>
<label><input type="checkbox" name="production" value="on"<% if (it.values.production) { %> checked<% } %>>
Production (its API keys start with sk_live_)</label>
<button type="submit">Create environment</button>
</form>
`;

/** Tabs shared by the pages of one environment. */
export const environmentTabs = `<nav aria-label="breadcrumb"><ul>
<li><a href="/dashboard/environments">Environments</a></li><li><%= it.environment.name %></li>
</ul></nav>
<nav class="tabs" aria-label="Environment"><ul>
<% for (const tab of it.tabs) { %>
<li><a href="<%= tab.href %>"<% if (tab.current) { %> aria-current="page"<% } %>><%= tab.label %></a></li>
<% } %>
</ul></nav>
`;

/** One environment's browser-facing settings. */
export const environment = `<% layout('@layout') %>
<%~ include('@environmentTabs') %>
<h1>Environment <%= it.environment.name %></h1>
<p class="muted"><%= it.environment.production ? 'Production' : 'Test' %> environment,
created <%= it.environment.created_at.slice(0, 10) %>.</p>
<form method="post" action="/dashboard/environments/<%= it.environment.name %>/settings">
<%~ include('@csrf') %>
<label for="origins">Allowed return origins</label>
<textarea id="origins" name="origins" rows="4" maxlength="8000" aria-describedby="origins-help"><%= it.values.origins %></textarea>
<small id="origins-help">One origin a line, like https://app.example.com. After connecting an account, the browser may
only be sent back to these.</small>
<label><input type="checkbox" name="confirmation_screen" value="on" role="switch"<% if (it.values.confirmation_screen) { %> checked<% } %>
 aria-describedby="confirm-help">
Confirmation page</label>
<small id="confirm-help">On: an authorization link first shows a Continue button, so a link previewer that opens it
cannot use it up.</small>
<button type="submit">Save settings</button>
</form>
`;
