/** An environment's events, newest first, each with its data as JSON. */
export const events = `<% layout('@layout') %>
<%~ include('@environmentTabs') %>
<h1>Events</h1>
<form method="get" action="/dashboard/environments/<%= it.environment.name %>/events" class="search" role="search">
<div class="fields">
<label>Event <select name="event">
<option value="">Any</option>
<% for (const name of it.names) { %><option value="<%= name %>"<% if (name === it.event) { %> selected<% } %>><%= name %></option><% } %>
</select></label>
</div>
<button type="submit">Filter</button>
</form>
<% if (it.events.length === 0) { %>
<p>No event<%= it.event ? ' of this kind' : '' %> yet.</p>
<% } %>
<% for (const e of it.events) { %>
<article class="event">
<header><strong><%= e.event %></strong> <small><%= e.created %> · <code><%= e.id %></code>
<% if (e.organization !== '—') { %> · organization <code><%= e.organization %></code><% } %></small></header>
<pre><code><%= e.data %></code></pre>
</article>
<% } %>
<%~ include('@pager') %>
`;
