import { Compile } from 'typebox/compile';
import { type ProviderDefinition, ProviderDefinitionSchema, RESERVED_OAUTH_PARAMS } from './provider-definition.ts';

const definitionValidator = Compile(ProviderDefinitionSchema);

const URL_FIELDS = ['authorizationUrl', 'tokenUrl', 'refreshTokenUrl', 'revocationUrl'] as const;
type UrlField = (typeof URL_FIELDS)[number];

const PLACEHOLDER = /\$\{([^}]*)\}/g;
const CONFIG_REFERENCE = /^config\.([a-z][a-zA-Z0-9_]{0,63})$/;
/** Stand-in value used to check that a templated URL parses once resolved. */
const SAMPLE_VALUE = 'sample0';
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

export interface ProviderCatalogOptions {
  /**
   * Accept `http://` endpoints. For tests against a local authorization server only;
   * never set from production configuration.
   */
  allowInsecureProviderUrls?: boolean;
}

/** A catalog entry is malformed; thrown at construction so a bad catalog never starts serving. */
export class CatalogValidationError extends Error {
  constructor(
    /** The entry's slug, or `null` when the entry has no usable slug. */
    readonly slug: string | null,
    /** JSON pointer into the entry (`/configFields/0/pattern`), or `''` for the whole entry. */
    readonly path: string,
    detail: string,
  ) {
    super(`Provider ${slug === null ? '(no slug)' : `"${slug}"`} is invalid at ${path === '' ? '/' : path}: ${detail}`);
    this.name = 'CatalogValidationError';
  }
}

/**
 * Substitutes every `${config.<field>}` in `url` with `config[field]`, verbatim.
 * Values must already have been checked against the field's pattern.
 *
 * @example
 * resolveTemplate('https://${config.subdomain}.zendesk.com/oauth/tokens', { subdomain: 'acme' });
 * // → 'https://acme.zendesk.com/oauth/tokens'
 * @throws Error when a placeholder is malformed or has no (or an empty) value.
 */
export function resolveTemplate(url: string, config: Readonly<Record<string, string>>): string {
  return url.replace(PLACEHOLDER, (placeholder, reference: string) => {
    const match = CONFIG_REFERENCE.exec(reference);
    if (!match) throw new Error(`Malformed placeholder ${placeholder} in ${url}`);
    const name = match[1] as string;
    const value = Object.hasOwn(config, name) ? config[name] : undefined;
    if (typeof value !== 'string' || value === '') {
      throw new Error(`No value for placeholder ${placeholder} in ${url}`);
    }
    return value;
  });
}

/** The config field names referenced by `${config.<field>}` placeholders in `url`. */
export function templateFields(url: string): string[] {
  const names: string[] = [];
  for (const [placeholder, reference] of url.matchAll(PLACEHOLDER)) {
    const match = CONFIG_REFERENCE.exec(reference ?? '');
    if (!match) throw new Error(`Malformed placeholder ${placeholder}`);
    names.push(match[1] as string);
  }
  return names;
}

/**
 * Checks one entry against the schema and the rules the schema cannot express
 * (placeholders, https, auth-method coherence). Returns a deep-frozen copy.
 *
 * @throws CatalogValidationError naming the slug and the failing path.
 */
export function checkProviderDefinition(entry: unknown, options: ProviderCatalogOptions = {}): ProviderDefinition {
  const slugOf = (value: unknown): string | null => {
    if (typeof value !== 'object' || value === null) return null;
    const slug = (value as { slug?: unknown }).slug;
    return typeof slug === 'string' ? slug : null;
  };

  if (!definitionValidator.Check(entry)) {
    const [path, detail] = describeSchemaErrors(definitionValidator.Errors(entry));
    throw new CatalogValidationError(slugOf(entry), path, detail);
  }
  const def = entry;
  const fail = (path: string, detail: string): never => {
    throw new CatalogValidationError(def.slug, path, detail);
  };

  const fields = new Map<string, { index: number; required: boolean; regex: RegExp }>();
  for (const [index, field] of def.configFields.entries()) {
    if (fields.has(field.name)) fail(`/configFields/${index}/name`, `duplicate config field "${field.name}"`);
    if (!field.pattern.startsWith('^') || !field.pattern.endsWith('$')) {
      fail(`/configFields/${index}/pattern`, 'pattern must be anchored with ^ and $');
    }
    let regex: RegExp;
    try {
      regex = new RegExp(field.pattern);
    } catch (error) {
      fail(`/configFields/${index}/pattern`, `not a valid regular expression (${(error as Error).message})`);
      continue;
    }
    fields.set(field.name, { index, required: field.required, regex });
  }

  for (const key of URL_FIELDS) {
    const template = def[key];
    if (template === null) continue;
    checkUrl(key, template, fields, options, fail);
  }

  if (def.authMethods.includes('oauth') && (def.authorizationUrl === null || def.tokenUrl === null)) {
    fail('/authMethods', 'oauth needs both authorizationUrl and tokenUrl');
  }
  if (def.authMethods.includes('client_credentials') && def.tokenUrl === null) {
    fail('/authMethods', 'client_credentials needs tokenUrl');
  }
  if (def.refreshTokenUrl !== null && def.tokenUrl === null) fail('/refreshTokenUrl', 'set without tokenUrl');
  if ((def.revocationUrl === null) !== (def.revocationAuth === null)) {
    fail('/revocationAuth', 'must be set exactly when revocationUrl is set');
  }
  if (def.quirks.accessTokenNeverExpires && def.quirks.refreshTokenRotates) {
    fail('/quirks/refreshTokenRotates', 'a provider without refresh tokens cannot rotate them');
  }
  def.quirks.metadataFields.forEach((field, index) => {
    if (SECRET_RESPONSE_FIELDS.has(field)) fail(`/quirks/metadataFields/${index}`, `"${field}" is a secret`);
  });
  for (const params of ['authorizationParams', 'tokenParams'] as const) {
    for (const name of Object.keys(def[params])) {
      if (RESERVED_OAUTH_PARAMS.has(name)) fail(`/${params}/${name}`, 'is set by the OAuth client and cannot be overridden');
    }
  }

  return deepFreeze(structuredClone(def));
}

type SchemaError = ReturnType<typeof definitionValidator.Errors>[number];

/** The most specific schema error as `[path, detail]`, with union branches merged into one sentence. */
function describeSchemaErrors(errors: readonly SchemaError[]): [string, string] {
  // The deepest path is the most specific: a union reports each branch, then itself, at the same path.
  const deepest = errors.reduce((best, error) => (error.instancePath.length > best.length ? error.instancePath : best), '');
  const here = errors.filter((error) => error.instancePath === deepest);
  if (here.some((error) => error.schemaPath.endsWith('/additionalProperties'))) return [deepest, 'unknown property'];
  const alternatives = here.flatMap((error) => {
    if (error.keyword === 'const') return [JSON.stringify((error.params as { allowedValue?: unknown }).allowedValue)];
    if (error.keyword === 'type') return [String((error.params as { type?: unknown }).type)];
    return [];
  });
  if (alternatives.length > 1) return [deepest, `must be one of ${alternatives.join(', ')}`];
  return [deepest, here[0]?.message ?? 'does not match the provider schema'];
}

function checkUrl(
  key: UrlField,
  template: string,
  fields: ReadonlyMap<string, { index: number; required: boolean; regex: RegExp }>,
  options: ProviderCatalogOptions,
  fail: (path: string, detail: string) => never,
): void {
  const path = `/${key}`;
  let names: string[];
  try {
    names = templateFields(template);
  } catch (error) {
    fail(path, (error as Error).message);
    return;
  }
  if (template.replace(PLACEHOLDER, '').includes('$')) fail(path, 'contains a "$" outside a ${config.<field>} placeholder');
  const sample: Record<string, string> = {};
  for (const name of names) {
    const field = fields.get(name);
    if (!field) {
      fail(path, `placeholder \${config.${name}} names no declared config field`);
      return;
    }
    if (!field.required) fail(path, `placeholder \${config.${name}} names an optional field, so the URL could not always resolve`);
    const accepted = URL_BREAKING_PROBES.find((probe) => field.regex.test(probe));
    if (accepted !== undefined) {
      fail(`/configFields/${field.index}/pattern`, `accepts ${JSON.stringify(accepted)}, which could rewrite ${key}`);
    }
    sample[name] = SAMPLE_VALUE;
  }
  let url: URL;
  try {
    url = new URL(resolveTemplate(template, sample));
  } catch {
    fail(path, 'is not an absolute URL');
    return;
  }
  const allowed = options.allowInsecureProviderUrls ? ['https:', 'http:'] : ['https:'];
  if (!allowed.includes(url.protocol)) fail(path, `must use https (got ${url.protocol})`);
  if (url.username !== '' || url.password !== '') fail(path, 'must not contain credentials');
  if (url.hash !== '') fail(path, 'must not contain a fragment');
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The provider catalog: validated, frozen, looked up by slug.
 *
 * @example
 * const catalog = new ProviderCatalog(builtinProviders);
 * catalog.get('github')?.tokenUrl; // 'https://github.com/login/oauth/access_token'
 */
export class ProviderCatalog {
  readonly #bySlug = new Map<string, ProviderDefinition>();
  readonly #sorted: readonly ProviderDefinition[];

  /** @throws CatalogValidationError on the first invalid or duplicate entry. */
  constructor(entries: readonly unknown[], options: ProviderCatalogOptions = {}) {
    entries.forEach((entry, index) => {
      const def = checkProviderDefinition(entry, options);
      if (this.#bySlug.has(def.slug)) {
        throw new CatalogValidationError(def.slug, '/slug', `duplicate slug (entry #${index})`);
      }
      this.#bySlug.set(def.slug, def);
    });
    this.#sorted = Object.freeze([...this.#bySlug.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)));
  }

  get(slug: string): ProviderDefinition | null {
    return this.#bySlug.get(slug) ?? null;
  }

  has(slug: string): boolean {
    return this.#bySlug.has(slug);
  }

  /** Every entry, sorted by slug. */
  list(): readonly ProviderDefinition[] {
    return this.#sorted;
  }
}
