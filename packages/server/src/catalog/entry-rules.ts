import { derivedSuffix, hostEscape, hostTemplate, isPublicSuffix, type TrailingHostField } from './host-rules.ts';
import { type ConfigField, type ProviderEntry, RESERVED_OAUTH_PARAMS } from './provider-definition.ts';
import { checkSources } from './source-rules.ts';
import { PLACEHOLDER, resolveTemplate, templateFields } from './templates.ts';

type Fail = (path: string, detail: string) => never;

export interface EntryRuleOptions {
  /** Accept `http://` endpoints and skip the host-suffix rule: tests against a local server only. */
  allowInsecureProviderUrls?: boolean;
}

interface FieldInfo {
  path: string;
  field: ConfigField;
  regex: RegExp;
}

/** Stand-in value used to check that a templated URL parses once resolved. */
const SAMPLE_VALUE = 'sample0';
const SAMPLE_BASE_URL = 'https://base.example';
/** Values a placeholder's field pattern must reject, or a config value could rewrite the URL. */
const URL_BREAKING_PROBES = ['', 'a/b', 'a@b', 'a?b', 'a#b', 'a\\b', 'a b', 'a:b', 'a%2Fb'];
/** Token-response fields that are secrets and must never be copied into connection metadata. */
const SECRET_RESPONSE_FIELDS = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'authed_user.access_token',
  'authed_user.refresh_token',
]);
/** Callback parameters that are secrets or protocol state, never kept on a connection. */
const PROTOCOL_CALLBACK_PARAMS = new Set(['code', 'state', 'error', 'error_description', 'error_uri', 'iss']);
const CLIENT_ID = '${client_id}';
const CLIENT_SECRET = '${client_secret}';
const FIELD_REFERENCE = /\$\{([^}]*)\}/g;

function collectFields(entry: ProviderEntry, fail: Fail): Map<string, FieldInfo> {
  const fields = new Map<string, FieldInfo>();
  const add = (list: readonly ConfigField[], prefix: string) =>
    list.forEach((field, index) => {
      const path = `${prefix}/${index}`;
      if (fields.has(field.name)) fail(`${path}/name`, `duplicate config field "${field.name}"`);
      if (!field.pattern.startsWith('^') || !field.pattern.endsWith('$')) fail(`${path}/pattern`, 'pattern must be anchored with ^ and $');
      try {
        fields.set(field.name, { path, field, regex: new RegExp(field.pattern) });
      } catch (error) {
        fail(`${path}/pattern`, `not a valid regular expression (${(error as Error).message})`);
      }
      if (field.default !== undefined) {
        if (field.secret) fail(`${path}/default`, 'a secret field has no default');
        if (!new RegExp(field.pattern).test(field.default)) fail(`${path}/default`, 'does not match the pattern');
      }
    });
  add(entry.configFields ?? [], '/configFields');
  add(entry.apiKey?.fields ?? [], '/apiKey/fields');
  return fields;
}

interface UrlCheck {
  path: string;
  template: string;
  /** `${client_id}` may appear after the host (revocation URLs). */
  clientId: boolean;
}

/** The entry's URL templates with their JSON paths. */
function urlsOf(entry: ProviderEntry): UrlCheck[] {
  const urls: UrlCheck[] = [];
  const o = entry.oauth;
  if (o?.authorizationUrl) urls.push({ path: '/oauth/authorizationUrl', template: o.authorizationUrl, clientId: false });
  if (o) urls.push({ path: '/oauth/tokenUrl', template: o.tokenUrl, clientId: false });
  if (o?.refreshTokenUrl) urls.push({ path: '/oauth/refreshTokenUrl', template: o.refreshTokenUrl, clientId: false });
  if (o?.revocation) urls.push({ path: '/oauth/revocation/url', template: o.revocation.url, clientId: true });
  if (entry.apiBaseUrl !== null) urls.push({ path: '/apiBaseUrl', template: entry.apiBaseUrl, clientId: false });
  return urls;
}

/** Checks one URL template; returns its host template, or `null` when a pinned base URL makes it exempt. */
function checkUrl(check: UrlCheck, fields: ReadonlyMap<string, FieldInfo>, options: EntryRuleOptions, fail: Fail): string | null {
  const { path } = check;
  let template = check.template;
  if (template.includes(CLIENT_ID)) {
    const host = hostTemplate(template) ?? '';
    if (!check.clientId || host.includes(CLIENT_ID)) fail(path, '${client_id} is only allowed in the path of a revocation URL');
    template = template.replaceAll(CLIENT_ID, 'client0');
  }
  let names: string[] = [];
  try {
    names = templateFields(template);
  } catch (error) {
    fail(path, (error as Error).message);
  }
  if (template.replace(PLACEHOLDER, '').includes('$')) fail(path, 'contains a "$" outside a ${config.<field>} placeholder');
  const sample: Record<string, string> = {};
  let exempt = false;
  for (const name of names) {
    const info = fields.get(name);
    if (!info || info.path.startsWith('/apiKey')) return fail(path, `placeholder \${config.${name}} names no declared config field`);
    const { field } = info;
    if (!field.required && field.default === undefined)
      fail(path, `placeholder \${config.${name}} names an optional field without a default, so the URL could not always resolve`);
    if (field.kind === 'baseUrl') {
      const rest = template.slice(`\${config.${name}}`.length);
      if (!template.startsWith(`\${config.${name}}`) || !(rest === '' || rest.startsWith('/'))) {
        fail(path, `a baseUrl field must open the URL: \${config.${name}}/…`);
      }
      if (field.scope !== 'integration') fail(`${info.path}/scope`, 'a baseUrl field is pinned on the integration');
      if (!field.pattern.startsWith('^https://')) fail(`${info.path}/pattern`, 'a baseUrl pattern must start with ^https://');
      sample[name] = SAMPLE_BASE_URL;
      exempt = true;
      continue;
    }
    const accepted = URL_BREAKING_PROBES.find((probe) => info.regex.test(probe));
    if (accepted !== undefined) fail(`${info.path}/pattern`, `accepts ${JSON.stringify(accepted)}, which could rewrite ${path.slice(1)}`);
    sample[name] = SAMPLE_VALUE;
  }
  let url: URL;
  try {
    url = new URL(resolveTemplate(template, sample));
  } catch {
    return fail(path, 'is not an absolute URL');
  }
  const allowed = options.allowInsecureProviderUrls ? ['https:', 'http:'] : ['https:'];
  if (!allowed.includes(url.protocol)) fail(path, `must use https (got ${url.protocol})`);
  if (url.username !== '' || url.password !== '') fail(path, 'must not contain credentials');
  if (url.hash !== '') fail(path, 'must not contain a fragment');
  return exempt ? null : hostTemplate(template);
}

/** The `kind: 'host'` field whose placeholder ends `host` (after literal text only), if any. */
function trailingHostField(host: string, fields: ReadonlyMap<string, FieldInfo>): TrailingHostField | null {
  const match = /^([a-z0-9.-]*)\$\{config\.([a-zA-Z0-9_]+)\}$/.exec(host);
  const info = match ? fields.get(match[2] as string) : undefined;
  return info?.field.kind === 'host' ? { prefix: match?.[1] ?? '', pattern: info.field.pattern } : null;
}

/** Checks URLs and the host-suffix rule; returns the entry's `hosts` (explicit or derived). */
function checkUrls(entry: ProviderEntry, fields: ReadonlyMap<string, FieldInfo>, options: EntryRuleOptions, fail: Fail): string[] {
  const checked = urlsOf(entry).map((check) => ({ check, host: checkUrl(check, fields, options, fail) }));
  entry.hosts?.forEach((host, index) => {
    if (isPublicSuffix(host)) fail(`/hosts/${index}`, `${host} is a public suffix, not a provider's domain`);
  });
  const derived = new Set<string>();
  for (const { host } of checked) {
    const suffix = host === null ? null : derivedSuffix(host);
    if (suffix !== null) derived.add(suffix);
  }
  const hosts = entry.hosts ?? [...derived].sort();
  if (options.allowInsecureProviderUrls) return hosts;
  for (const { check, host } of checked) {
    if (host === null) continue;
    const outside = hostEscape(host, hosts, trailingHostField(host, fields));
    if (outside !== null) fail(check.path, outside);
  }
  return hosts;
}

function checkOAuth(entry: ProviderEntry, fail: Fail): void {
  const o = entry.oauth;
  const needsOAuth = entry.authMethods.includes('oauth') || entry.authMethods.includes('client_credentials');
  if (needsOAuth && !o) fail('/oauth', 'required when authMethods has oauth or client_credentials');
  if (!needsOAuth && o) fail('/oauth', 'only allowed when authMethods has oauth or client_credentials');
  if (!o) return;
  if (entry.authMethods.includes('oauth') && o.authorizationUrl === null)
    fail('/oauth/authorizationUrl', 'oauth needs an authorization URL');
  if (o.accessTokenNeverExpires && o.refreshTokenRotates)
    fail('/oauth/refreshTokenRotates', 'a provider without refresh tokens cannot rotate them');
  if (o.accessTokenNeverExpires && (o.tokenLifetimeSeconds ?? null) !== null) {
    fail('/oauth/tokenLifetimeSeconds', 'contradicts accessTokenNeverExpires');
  }
  (o.metadataFields ?? []).forEach((field, index) => {
    if (SECRET_RESPONSE_FIELDS.has(field)) fail(`/oauth/metadataFields/${index}`, `"${field}" is a secret`);
  });
  (o.callbackParams ?? []).forEach((param, index) => {
    if (PROTOCOL_CALLBACK_PARAMS.has(param)) fail(`/oauth/callbackParams/${index}`, `"${param}" is protocol state, not account config`);
  });
  for (const params of ['authorizationParams', 'tokenParams'] as const) {
    for (const name of Object.keys(o[params] ?? {})) {
      if (RESERVED_OAUTH_PARAMS.has(name)) fail(`/oauth/${params}/${name}`, 'is set by the OAuth client and cannot be overridden');
    }
  }
  for (const [name, value] of Object.entries(o.revocation?.body ?? {})) {
    if (value.replaceAll(CLIENT_ID, '').replaceAll(CLIENT_SECRET, '').includes('$'))
      fail(`/oauth/revocation/body/${name}`, 'may hold ${client_id} and ${client_secret}, no other placeholder');
  }
}

function checkApiKey(entry: ProviderEntry, fail: Fail): void {
  const key = entry.apiKey;
  if (entry.authMethods.includes('api_key') !== (key !== undefined)) fail('/apiKey', 'must be set exactly when authMethods has api_key');
  if (!key) return;
  key.fields.forEach((field, index) => {
    if (field.scope !== 'installation') fail(`/apiKey/fields/${index}/scope`, 'API-key fields are supplied per connection (installation)');
    if (field.kind !== undefined && field.kind !== 'text') fail(`/apiKey/fields/${index}/kind`, 'API-key fields are plain text');
  });
  if (!key.fields.some((field) => field.secret)) fail('/apiKey/fields', 'needs a secret field (the key)');
  const names = new Set(key.fields.map((field) => field.name));
  const checkTemplate = (path: string, template: string) => {
    for (const [placeholder, name] of template.matchAll(FIELD_REFERENCE)) {
      if (!names.has(name ?? '')) fail(path, `${placeholder} names no field of apiKey.fields`);
    }
    if (template.replace(FIELD_REFERENCE, '').includes('$')) fail(path, 'contains a "$" outside a ${<field>} placeholder');
  };
  const p = key.presentation;
  if (p.type === 'basic') {
    checkTemplate('/apiKey/presentation/username', p.username);
    checkTemplate('/apiKey/presentation/password', p.password);
  } else if (p.value !== undefined) checkTemplate('/apiKey/presentation/value', p.value);
  for (const [name, value] of Object.entries(key.extraHeaders ?? {})) checkTemplate(`/apiKey/extraHeaders/${name}`, value);
}

/**
 * The rules the schema cannot express: placeholders, https, the host-suffix rule, auth-method
 * coherence, sources. Returns the entry's `hosts` (explicit or derived).
 */
export function checkEntryRules(entry: ProviderEntry, options: EntryRuleOptions, fail: Fail): string[] {
  const fields = collectFields(entry, fail);
  checkOAuth(entry, fail);
  checkApiKey(entry, fail);
  const hosts = checkUrls(entry, fields, options, fail);
  checkSources(entry, fail);
  return hosts;
}
