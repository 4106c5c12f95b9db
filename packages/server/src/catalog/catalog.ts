import { Compile } from 'typebox/compile';
import { checkEntryRules, type EntryRuleOptions } from './entry-rules.ts';
import { normalizeProviderEntry } from './provider-defaults.ts';
import { type ProviderDefinition, ProviderEntrySchema } from './provider-definition.ts';

export { resolveTemplate, templateFields } from './templates.ts';

const entryValidator = Compile(ProviderEntrySchema);

export type ProviderCatalogOptions = EntryRuleOptions;

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
 * Checks one entry (the input form, `ProviderEntry`) against the schema and the rules the schema cannot
 * express (`checkEntryRules`), then fills its defaults. Returns a deep-frozen normalized provider.
 *
 * @throws CatalogValidationError naming the slug and the failing path.
 */
export function checkProviderEntry(entry: unknown, options: ProviderCatalogOptions = {}): ProviderDefinition {
  const slugOf = (value: unknown): string | null => {
    if (typeof value !== 'object' || value === null) return null;
    const slug = (value as { slug?: unknown }).slug;
    return typeof slug === 'string' ? slug : null;
  };

  if (!entryValidator.Check(entry)) {
    const [path, detail] = describeSchemaErrors(entryValidator.Errors(entry));
    throw new CatalogValidationError(slugOf(entry), path, detail);
  }
  const fail = (path: string, detail: string): never => {
    throw new CatalogValidationError(entry.slug, path, detail);
  };
  const hosts = checkEntryRules(entry, options, fail);
  return deepFreeze(normalizeProviderEntry(structuredClone(entry), hosts));
}

type SchemaError = ReturnType<typeof entryValidator.Errors>[number];

/** The most specific schema error as `[path, detail]`, with union branches merged into one sentence. */
function describeSchemaErrors(errors: readonly SchemaError[]): [string, string] {
  // The deepest path is the most specific: a union reports each branch, then itself, at the same path.
  const deepest = errors.reduce((best, error) => (error.instancePath.length > best.length ? error.instancePath : best), '');
  const here = errors.filter((error) => error.instancePath === deepest);
  if (here.some((error) => error.schemaPath.endsWith('/additionalProperties'))) return [deepest, 'unknown property'];
  const alternatives = here.flatMap((error) => {
    if (error.keyword === 'const') return [JSON.stringify((error.params as { allowedValue?: unknown }).allowedValue)];
    if (error.keyword === 'type') return [String((error.params as { type?: unknown }).type)];
    if (error.keyword === 'enum')
      return ((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v));
    return [];
  });
  if (alternatives.length > 1) return [deepest, `must be one of ${alternatives.join(', ')}`];
  return [deepest, here[0]?.message ?? 'does not match the provider schema'];
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
      const def = checkProviderEntry(entry, options);
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
