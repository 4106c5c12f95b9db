/** The landing page: what each section of the dashboard holds, with counts. */
export const overview = `<% layout('@layout') %>
<h1>Overview</h1>
<p>Signed in as <strong><%= it.operator.username %></strong>.</p>
<div class="cards">
<article>
<h2><a href="/dashboard/environments">Environments</a></h2>
<p><%= it.environmentCount %> environment<%= it.environmentCount === 1 ? '' : 's' %>. Each is a tenant boundary with its own
API keys, integrations, allowed return origins and confirmation-page setting.</p>
</article>
<article>
<h2>Integrations</h2>
<p><%= it.integrationCount %> integration<%= it.integrationCount === 1 ? '' : 's' %>, <%= it.enabledCount %> enabled.</p>
<ul>
<% for (const env of it.environments) { %>
<li><a href="/dashboard/environments/<%= env.name %>/integrations"><%= env.name %></a>: <%= env.integrations %></li>
<% } %>
</ul>
</article>
<article>
<h2>Provider catalog</h2>
<p><%= it.providerCount %> built-in providers, and custom OAuth providers defined per environment.</p>
<% if (it.defaultEnvironment) { %>
<p><a href="/dashboard/environments/<%= it.defaultEnvironment %>/providers">Browse the catalog</a></p>
<% } %>
</article>
</div>
<h2>Activity</h2>
<p class="muted">Vends and refreshes are counted in memory and written every 10 seconds; times are UTC.</p>
<div class="charts">
<% for (const c of it.charts) { %><%~ include('@chart', { chart: c }) %><% } %>
</div>
`;
