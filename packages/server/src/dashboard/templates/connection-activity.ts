/**
 * A connection's activity cell (issue 12): last refreshed, last used and the last health check, one
 * line each in one column (the connections table is already wide). Relative times, the absolute
 * one in the title; a check gets a badge saying what it found. One wrapping element: on a phone the
 * cell is a flex row next to its label.
 */
export const activityCell = `<td data-label="Activity" class="activity"><div>
<div><span class="muted">Refreshed</span> <% if (it.refreshed.title) { %><span title="<%= it.refreshed.title %>"><%= it.refreshed.text %></span><% } else { %><%= it.refreshed.text %><% } %></div>
<div><span class="muted">Used</span> <% if (it.used.title) { %><span title="<%= it.used.title %>"><%= it.used.text %></span><% } else { %><%= it.used.text %><% } %></div>
<div><span class="muted">Checked</span> <% if (it.health.tone) { %><span title="<%= it.health.title %>"><%= it.health.text %></span> <span class="badge <%= it.health.tone %>"><%= it.health.result %></span><% } else { %><%= it.health.text %><% } %></div>
</div></td>
`;
