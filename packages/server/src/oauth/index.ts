/** The provider-facing OAuth client: pure request builders and response processors, and their composition. */
export { buildAuthorizationUrl, type AuthorizationUrlParams } from './authorization-url.ts';
export { applyClientAuth, formEncode, type ClientCredentials, type OutboundRequest } from './client-auth.ts';
export {
  MAX_RESPONSE_BYTES,
  OAuthHttpClient,
  type FetchLike,
  type HttpFailure,
  type HttpResponse,
  type OAuthHttpClientOptions,
} from './http-client.ts';
export { OAuthClient } from './oauth-client.ts';
export { createPkce, randomToken, sha256Base64Url } from './pkce.ts';
export {
  isObject,
  parseResponseBody,
  parseRetryAfter,
  readPath,
  redactSecrets,
  safeDescription,
  safeErrorCode,
  type ReceivedResponse,
  type ResponseFields,
} from './response-body.ts';
export { buildRevocationRequest, processRevocationResponse, type RevocationOutcome } from './revocation-request.ts';
export { buildTokenRequest, type TokenGrant } from './token-request.ts';
export { processTokenResponse, type TokenOutcome, type TokenSet } from './token-response.ts';
