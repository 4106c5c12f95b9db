/**
 * A stacked bar chart as inline SVG (no script): its accessible name is the summary; the numbers
 * are also a table for screen readers, and the legend gives each series' total.
 */
export const chart = `<figure class="chart" id="<%= it.chart.id %>">
<figcaption><strong><%= it.chart.title %></strong></figcaption>
<% if (it.chart.empty) { %>
<p class="muted">None in this period.</p>
<% } else { %>
<% const a = it.chart.axis %>
<svg viewBox="0 0 <%= it.chart.width %> <%= it.chart.height %>" role="img" aria-label="<%= it.chart.summary %>">
<line x1="<%= a.left %>" y1="<%= a.bottom %>" x2="<%= a.right %>" y2="<%= a.bottom %>"></line>
<line x1="<%= a.left %>" y1="<%= a.top %>" x2="<%= a.right %>" y2="<%= a.top %>"></line>
<text x="<%= a.left - 4 %>" y="<%= a.top + 4 %>" text-anchor="end"><%= a.max %></text>
<text x="<%= a.left - 4 %>" y="<%= a.bottom %>" text-anchor="end">0</text>
<% for (const b of it.chart.bars) { %>
<rect class="s<%= b.series %>" x="<%= b.x %>" y="<%= b.y %>" width="<%= b.width %>" height="<%= b.height %>">
<title><%= b.label %></title></rect>
<% } %>
<% for (const t of it.chart.ticks) { %>
<text x="<%= t.x %>" y="<%= it.chart.height - 4 %>" text-anchor="middle"><%= t.text %></text>
<% } %>
</svg>
<% } %>
<ul class="legend" aria-hidden="true">
<% for (const l of it.chart.legend) { %><li><span class="swatch s<%= l.series %>"></span><%= l.name %>: <%= l.total %></li><% } %>
</ul>
<% if (!it.chart.empty) { %>
<div class="sr-only"><table>
<caption><%= it.chart.title %></caption>
<thead><tr><th scope="col"><%= it.chart.table.heading %></th>
<% for (const c of it.chart.table.columns) { %><th scope="col"><%= c %></th><% } %></tr></thead>
<tbody>
<% for (const r of it.chart.table.rows) { %>
<tr><th scope="row"><%= r.label %></th><% for (const v of r.values) { %><td><%= v %></td><% } %></tr>
<% } %>
</tbody>
</table></div>
<% } %>
</figure>
`;
