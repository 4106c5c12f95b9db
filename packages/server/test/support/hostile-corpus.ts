import type { FuzzCredentials } from './fuzz-request.ts';
import { rawRequest } from './raw-http.ts';

export interface CorpusEntry {
  name: string;
  /** The request exactly as it goes on the wire. */
  bytes: Buffer;
  /** The request's method (HEAD answers have no body to check). */
  method: string;
  /** A browser page, which may answer an error with HTML. */
  htmlAllowed?: true;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const LONG = 'p'.repeat(10_000);

/** `depth` nested arrays, then as many nested objects: 2 × depth levels of JSON. */
const deepJson = (depth: number): string => `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
const deepObject = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/**
 * The fixed part of the fuzz corpus (issue 10, item 8): requests no schema-driven generator makes
 * because they break the transport or the parsers before any schema applies. Each is sent over a
 * real socket; the answer must be a documented status with a JSON `code` (or an HTML page for the
 * browser pages).
 */
export function hostileCorpus(creds: FuzzCredentials): CorpusEntry[] {
  const api = { authorization: `Bearer ${creds.apiKey}` };
  const apiJson = { ...api, ...JSON_TYPE };
  const entries: CorpusEntry[] = [];
  const add = (name: string, method: string, target: string, headers: Record<string, string>, body?: Buffer | string, htmlAllowed?: true) =>
    entries.push({ name, method, bytes: rawRequest(method, target, headers, body), ...(htmlAllowed ? { htmlAllowed } : {}) });
  /** A request to a browser page (dashboard, authorization flow), which may answer with HTML. */
  const page = (name: string, method: string, target: string, headers: Record<string, string>, body?: Buffer | string) =>
    add(name, method, target, headers, body, true);

  // Oversized bodies (limit 64 KiB for JSON; the forms have smaller ones).
  add('JSON body of 70 KiB', 'POST', '/data-integrations', apiJson, JSON.stringify({ provider: 'x'.repeat(70 * 1024) }));
  add('JSON body of 1 MiB on the vend path', 'POST', '/data-integrations/acme/token', apiJson, `{"user_id":"${'u'.repeat(1024 * 1024)}"}`);
  page(
    'form body of 70 KiB to the dashboard',
    'POST',
    '/dashboard/sign-in',
    { 'content-type': 'application/x-www-form-urlencoded' },
    `a=${'x'.repeat(70 * 1024)}`,
  );

  // Wrong content types.
  for (const type of [
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'application/json; charset=utf-16le',
    'application/jsonx',
  ])
    add(`content type ${type}`, 'POST', '/data-integrations', { ...api, 'content-type': type }, '{"provider":"notion"}');
  add('JSON body with no content type', 'POST', '/data-integrations', api, '{"provider":"notion"}');

  // Unknown fields, prototype poisoning.
  add('unknown field', 'POST', '/data-integrations', apiJson, '{"provider":"notion","is_admin":true}');
  add('__proto__ key', 'POST', '/data-integrations', apiJson, '{"provider":"notion","__proto__":{"polluted":1}}');
  add(
    'nested __proto__ key',
    'PUT',
    '/organizations/org_1/data_integration_configurations/github',
    apiJson,
    '{"config":{"__proto__":{"x":"1"}}}',
  );
  add(
    'constructor.prototype key',
    'POST',
    '/data-integrations/acme/token',
    apiJson,
    '{"user_id":"user_1","constructor":{"prototype":{"x":1}}}',
  );
  add(
    '__proto__ in a widget body',
    'PUT',
    '/_widgets/DataIntegrations/acme/configuration',
    { authorization: `Bearer ${creds.widgetToken}`, ...JSON_TYPE },
    '{"__proto__":{"enabled":true}}',
  );
  page(
    '__proto__ in a dashboard form',
    'POST',
    '/dashboard/environments',
    { cookie: creds.dashboardCookie, 'content-type': 'application/x-www-form-urlencoded' },
    '__proto__=x&constructor=y&name=z',
  );

  // NUL bytes.
  add('NUL (%00) in a path parameter', 'GET', '/data-integrations/ac%00me', api);
  add('raw NUL byte in the path', 'GET', '/data-integrations/ac\u0000me', api);
  add('NUL in the query', 'GET', '/user_management/users/user_1/data_providers?organization_id=org%00_1', api);
  add('NUL in a JSON string', 'POST', '/data-integrations/acme/token', apiJson, '{"user_id":"user_1\\u0000"}');
  add('raw NUL byte in the body', 'POST', '/data-integrations/acme/token', apiJson, '{"user_id":"user_1\u0000"}');
  add('NUL in a header value', 'GET', '/data-integrations', { authorization: `Bearer ${creds.apiKey}\u0000` });

  // 10,000-character parameters.
  add('10,000-character path parameter', 'GET', `/data-integrations/${LONG}`, api);
  add('10,000-character user id', 'GET', `/user_management/users/${LONG}/data_providers`, api);
  add('10,000-character query value', 'GET', `/data-integrations?before=${LONG}`, api);
  add('10,000-character JSON value', 'POST', '/data-integrations/acme/token', apiJson, JSON.stringify({ user_id: LONG }));
  add('10,000-character widget path parameter', 'DELETE', `/_widgets/DataIntegrations/installations/${LONG}`, {
    authorization: `Bearer ${creds.widgetToken}`,
  });
  page('10,000-character dashboard path', 'GET', `/dashboard/environments/${LONG}`, { cookie: creds.dashboardCookie });
  page(
    '10,000-character callback code',
    'GET',
    `/data-integrations/acme/dik_00000000000000000000000000/callback?code=${LONG}&state=${LONG}`,
    {},
  );

  // Encoded traversal.
  for (const target of [
    '/data-integrations/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/data-integrations/..%252f..%252fetc',
    '/data-integrations/../../etc/passwd',
    '/catalog/providers/%2e%2e',
    '/widgets/assets/3c70285f96fd4a4f/..%2f..%2fpackage.json',
    '/widgets/assets/3c70285f96fd4a4f/%2e%2e%2f%2e%2e%2fapp%2fconfig.ts',
    '/dashboard/assets/..%2f..%2fpackage.json',
  ])
    page(`traversal ${target}`, 'GET', target, api);

  // Deep JSON (10,000 levels).
  add('10,000 nested arrays in a body', 'POST', '/data-integrations', apiJson, deepJson(10_000));
  add('10,000 nested objects in a body', 'POST', '/data-integrations/acme/token', apiJson, deepObject(10_000));
  add(
    '10,000 nested objects in free-form config',
    'PUT',
    '/organizations/org_1/data_integration_configurations/github',
    apiJson,
    `{"config":${deepObject(10_000)}}`,
  );
  add(
    '10,000 nested objects to a route without a body schema',
    'POST',
    '/webhook_deliveries/whd_00000000000000000000000000/resend',
    apiJson,
    deepObject(10_000),
  );
  add('100,000 nested arrays', 'POST', '/data-integrations', apiJson, deepJson(100_000));

  // Duplicate query parameters.
  add('duplicate limit', 'GET', '/data-integrations?limit=10&limit=20', api);
  add('duplicate organization_id', 'GET', '/user_management/users/user_1/data_providers?organization_id=org_1&organization_id=org_2', api);
  page('duplicate callback state', 'GET', '/data-integrations/acme/dik_00000000000000000000000000/callback?state=a&state=b&code=c', {});
  add('query array syntax', 'GET', '/data-integrations?limit[]=10&order[x]=asc', api);

  // Invalid UTF-8.
  add(
    'invalid UTF-8 in a JSON body',
    'POST',
    '/data-integrations/acme/token',
    apiJson,
    Buffer.from([...Buffer.from('{"user_id":"'), 0xff, 0xfe, 0xc3, ...Buffer.from('"}')]),
  );
  add('invalid UTF-8 percent-encoded in the path', 'GET', '/data-integrations/%ff%fe', api);
  add('invalid UTF-8 percent-encoded in the query', 'GET', '/data-integrations?before=%c3%28', api);
  add('invalid UTF-8 raw in the path', 'GET', `/data-integrations/${Buffer.from([0xc3, 0x28]).toString('latin1')}`, api);
  add('broken percent-encoding', 'GET', '/data-integrations/%zz%', api);
  add('overlong UTF-8 encoding of /', 'GET', '/data-integrations/%c0%af', api);
  page(
    'invalid UTF-8 in a form',
    'POST',
    '/dashboard/sign-in',
    { 'content-type': 'application/x-www-form-urlencoded' },
    Buffer.from([0x61, 0x3d, 0xff, 0xfe]),
  );

  // Bad Authorization headers.
  for (const value of [
    '',
    'Bearer',
    'Bearer ',
    'bearer',
    `bearer ${creds.apiKey}x`,
    'Basic dXNlcjpwYXNz',
    `Bearer ${creds.apiKey} ${creds.apiKey}`,
    `Bearer ${'k'.repeat(8000)}`,
    'Bearer \u00ff\u00fe',
    `Token ${creds.apiKey}`,
  ])
    add(`Authorization "${value.slice(0, 30)}"`, 'GET', '/data-integrations', { authorization: value });
  add('two Authorization headers', 'GET', '/data-integrations', { authorization: 'Bearer a', Authorization: `Bearer ${creds.apiKey}` });
  add('widget token as an API key', 'GET', '/data-integrations', { authorization: `Bearer ${creds.widgetToken}` });
  add('API key as a widget token', 'GET', '/_widgets/DataIntegrations/mine', {
    authorization: `Bearer ${creds.apiKey}`,
    'workos-widgets-version': '1',
  });
  page('forged dashboard cookie', 'GET', '/dashboard/environments', { cookie: '__Host-openpipes_session=AAAA%00' });

  // Methods and request-line oddities.
  add('unknown method', 'FROB', '/data-integrations', api);
  add('absolute-form target', 'GET', 'http://evil.example/data-integrations', api);
  add('asterisk target', 'OPTIONS', '*', api);
  add('header of 20 KiB', 'GET', '/data-integrations', { ...api, 'x-big': 'h'.repeat(20 * 1024) });
  return entries;
}
