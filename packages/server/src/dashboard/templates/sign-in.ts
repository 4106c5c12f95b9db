/** Sign-in: username and password; the token is the sign-in form's own CSRF token (double-submitted cookie). */
export const signIn = `<% layout('@layout') %>
<article class="narrow">
<h1>Sign in</h1>
<form method="post" action="/dashboard/sign-in">
<input type="hidden" name="csrf_token" value="<%= it.signInToken %>">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required maxlength="64" value="<%= it.username %>" autofocus>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024">
<button type="submit">Sign in</button>
</form>
<p class="muted">Operators are created with <code>openpipes admin create NAME</code>, or as <code>admin</code> from
<code>OPENPIPES_ADMIN_PASSWORD</code>.</p>
</article>
`;
