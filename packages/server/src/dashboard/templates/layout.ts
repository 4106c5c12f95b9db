/** The frame of every dashboard page: stylesheets, main navigation, messages, the page's body. */
export const layout = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title><%= it.title %> · OpenPipes</title>
<link rel="stylesheet" href="<%= it.stylesheets.pico %>">
<link rel="stylesheet" href="<%= it.stylesheets.site %>">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
<nav aria-label="Main">
<ul><li><strong>OpenPipes</strong></li></ul>
<% if (it.operator) { %>
<ul>
<li><a href="/dashboard"<% if (it.section === 'overview') { %> aria-current="page"<% } %>>Overview</a></li>
<li><a href="/dashboard/environments"<% if (it.section === 'environments') { %> aria-current="page"<% } %>>Environments</a></li>
<li><form class="inline" method="post" action="/dashboard/sign-out">
<input type="hidden" name="csrf_token" value="<%= it.operator.csrfToken %>">
<button type="submit" aria-label="Sign out <%= it.operator.username %>">Sign out</button>
</form></li>
</ul>
<% } %>
</nav>
</header>
<main id="main">
<%~ include('@messages') %>
<%~ it.body %>
</main>
</body>
</html>
`;

/** The notice after a change and the problem with the last submission, if any. */
export const messages = `<% if (it.notice) { %>
<div class="notice" role="status"><p><%= it.notice %></p></div>
<% } %>
<% if (it.problem) { %>
<div class="problem" role="alert">
<h2><%= it.problem.title %></h2>
<%~ include('@problemDetails', { details: it.problem }) %>
</div>
<% } %>
`;

/** A problem's message and the fields at fault. */
export const problemDetails = `<p><%= it.details.message %></p>
<% if (it.details.fields.length > 0) { %>
<ul><% for (const line of it.details.fields) { %><li><%= line %></li><% } %></ul>
<% } %>
`;

/** A page that only says what went wrong (404, 403, 429, 500). */
export const problemPage = `<% layout('@layout') %>
<div role="alert">
<h1><%= it.failure.title %></h1>
<%~ include('@problemDetails', { details: it.failure }) %>
</div>
<p><a href="<%= it.operator ? '/dashboard' : '/dashboard/sign-in' %>"><%= it.operator ? 'Back to the dashboard' : 'Sign in' %></a></p>
`;

/** The hidden field every form of a signed-in page carries. */
export const csrf = `<input type="hidden" name="csrf_token" value="<%= it.operator.csrfToken %>">`;
