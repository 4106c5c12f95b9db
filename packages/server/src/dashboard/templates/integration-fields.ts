/** The custom provider's definition (new integration, and its settings later). */
export const customProviderFields = `<label for="cp-name">Name</label>
<input id="cp-name" name="name" required maxlength="100" value="<%= it.values.name %>">
<label for="cp-authorization-url">Authorization URL</label>
<input id="cp-authorization-url" name="authorization_url" type="url" maxlength="2000" value="<%= it.values.authorization_url %>">
<label for="cp-token-url">Token URL</label>
<input id="cp-token-url" name="token_url" type="url" maxlength="2000" value="<%= it.values.token_url %>">
<label for="cp-revocation-url">Revocation URL <span class="muted">(optional, RFC 7009)</span></label>
<input id="cp-revocation-url" name="revocation_url" type="url" maxlength="2000" value="<%= it.values.revocation_url %>">
<label for="cp-issuer">Issuer <span class="muted">(optional: callbacks must then carry it as iss)</span></label>
<input id="cp-issuer" name="issuer" type="url" maxlength="2000" value="<%= it.values.issuer %>">
<label for="cp-api-base-url">API base URL <span class="muted">(optional: where the proxy sends API calls)</span></label>
<input id="cp-api-base-url" name="api_base_url" type="url" maxlength="2000" value="<%= it.values.api_base_url %>">
<label><input type="checkbox" name="pkce_enabled" value="on"<% if (it.values.pkce_enabled) { %> checked<% } %>> PKCE (S256)</label>
`;

/** Client ID and the write-only client secret of an OAuth integration. */
export const credentialsFields = `<fieldset>
<legend>Whose OAuth app</legend>
<label><input type="radio" name="credentials_type" value="custom"<% if (it.values.credentials_type !== 'organization') { %> checked<% } %>>
One OAuth app for everyone (enter it below)</label>
<label><input type="radio" name="credentials_type" value="organization"
<% if (it.values.credentials_type === 'organization') { %> checked<% } %>>
Each organization brings its own OAuth app</label>
</fieldset>
<label for="client-id">Client ID</label>
<input id="client-id" name="client_id" maxlength="1000" autocomplete="off" value="<%= it.values.client_id %>">
<label for="client-secret">Client secret</label>
<input id="client-secret" name="client_secret" type="password" maxlength="4000" autocomplete="new-password"
 aria-describedby="client-secret-help">
<small id="client-secret-help"><%= it.secretHelp %></small>
`;
