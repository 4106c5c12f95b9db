/** An environment's webhook endpoints with their health. */
export const webhooks = `<% layout('@layout') %>
<%~ include('@environmentTabs') %>
<h1>Webhooks</h1>
<% if (it.endpoints.length === 0) { %>
<p>No webhook endpoint yet. Endpoints are created with the API (<code>POST /webhook_endpoints</code>)
or <code>openpipes webhooks</code>.</p>
<% } else { %>
<div class="scroll">
<table class="stack">
<thead><tr><th scope="col">Endpoint</th><th scope="col">Health</th><th scope="col">Status</th><th scope="col">Events</th></tr></thead>
<tbody>
<% for (const e of it.endpoints) { %>
<tr>
<td data-label="Endpoint"><a href="<%= e.href %>"><code class="uri"><%= e.url %></code></a></td>
<td data-label="Health"><%= e.failing ? '⚠ ' : '' %><%= e.health %></td>
<td data-label="Status"><%= e.status %></td>
<td data-label="Events" class="wrap"><%= e.events %></td>
</tr><% } %>
</tbody></table>
</div>
<% } %>
`;

/** One endpoint's latest deliveries, each with every attempt and a Resend button. */
export const webhookEndpoint = `<% layout('@layout') %>
<%~ include('@environmentTabs') %>
<h1>Webhook deliveries</h1>
<dl class="facts">
<dt>Endpoint</dt><dd><code class="uri"><%= it.endpoint.url %></code></dd>
<dt>Health</dt><dd><%= it.endpoint.health %></dd>
</dl>
<% if (it.deliveries.length === 0) { %>
<p>No delivery yet.</p>
<% } else { %>
<p class="muted">The latest <%= it.shown %> deliveries, newest first.</p>
<% } %>
<% for (const d of it.deliveries) { %>
<article class="delivery">
<header><strong><%= d.status %></strong> <small>event <code><%= d.eventId %></code> · queued <%= d.created %>
<% if (d.next) { %> · next attempt <%= d.next %><% } %></small>
<form class="inline" method="post" action="<%= it.action %>/deliveries/<%= d.id %>/resend">
<%~ include('@csrf') %>
<button type="submit" aria-label="Resend delivery <%= d.id %>">Resend</button>
</form></header>
<% if (d.attempts.length === 0) { %>
<p class="muted">Not attempted yet.</p>
<% } else { %>
<ol class="attempts" aria-label="Attempts">
<% for (const a of d.attempts) { %>
<li><%= a.at %> · <strong><%= a.result %></strong> · <%= a.durationMs %> ms<% if (a.error) { %> · <%= a.error %><% } %></li>
<% } %>
</ol>
<% } %>
</article>
<% } %>
`;
