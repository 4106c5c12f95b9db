import fc from 'fast-check';
import type { JsonSchema } from './route-inventory.ts';

/** Values the seeded store knows for a property name (`slug`, `user_id`, …), so generated requests reach deep code. */
export type Hints = (key: string) => readonly string[] | undefined;

const noHints: Hints = () => undefined;

/** Longest string a valid-shaped value gets when the schema sets no bound (keeps requests small and fast). */
const FREE_STRING_MAX = 40;

/** Strings that have broken parsers, routers and SQL before: traversal, encodings, unicode, NUL, markup. */
const NASTY_STRINGS = [
  '',
  '\u0000',
  'a\u0000b',
  '../../etc/passwd',
  '%2e%2e%2f%2e%2e%2f',
  '..%252f..%252f',
  '..\\..\\windows',
  "' OR 1=1 --",
  '"; DROP TABLE api_keys; --',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '\u202eevil',
  '\uFEFFbom',
  '\uD800',
  '\uDFFF\uD800',
  'ＡＢＣ',
  'İı',
  '😀'.repeat(300),
  'null',
  'true',
  '-1',
  '1e309',
  '__proto__',
  'constructor',
  'x'.repeat(10_000),
];

/** A string that fits `schema` (pattern, length bounds, enum), preferring values the store knows under `key`. */
function validString(schema: JsonSchema, key: string | undefined, hints: Hints): fc.Arbitrary<string> {
  const minLength: number = schema.minLength ?? 0;
  const maxLength: number | undefined = schema.maxLength;
  const base = schema.pattern
    ? fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length >= minLength && (maxLength === undefined || s.length <= maxLength))
    : fc.oneof(
        {
          weight: 4,
          arbitrary: fc.string({ minLength, maxLength: Math.max(minLength, Math.min(maxLength ?? FREE_STRING_MAX, FREE_STRING_MAX)) }),
        },
        // The exact boundary: the longest string the schema still accepts.
        { weight: 1, arbitrary: fc.constant('m'.repeat(maxLength ?? Math.max(minLength, 1))) },
      );
  const known = key === undefined ? undefined : hints(key);
  return known?.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: base }) : base;
}

/** A value the schema accepts (a valid-shaped request part). */
export function validValue(schema: JsonSchema, hints: Hints = noHints, key?: string): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...(schema.anyOf as JsonSchema[]).map((s) => validValue(s, hints, key)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  switch (schema.type) {
    case 'string':
      return validString(schema, key, hints);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validValue(schema.items ?? {}, hints, key), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
      });
    case 'object':
      return validObject(schema, hints);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Declared properties (required always, optional sometimes) plus a few free-form ones where the schema allows them. */
function validObject(schema: JsonSchema, hints: Hints): fc.Arbitrary<Record<string, unknown>> {
  const properties: Record<string, JsonSchema> = schema.properties ?? {};
  const declared = fc.record(Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, validValue(s, hints, name)])), {
    requiredKeys: (schema.required ?? []) as string[],
  });
  const free = freeFormValues(schema);
  if (!free) return declared;
  return fc
    .tuple(declared, fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), validValue(free, hints), { maxKeys: 3 }))
    .map(([d, extra]) => ({ ...extra, ...d }));
}

/** The schema of undeclared property values, when the object accepts any (patternProperties or additionalProperties). */
function freeFormValues(schema: JsonSchema): JsonSchema | undefined {
  const pattern = schema.patternProperties ? Object.values(schema.patternProperties as Record<string, JsonSchema>)[0] : undefined;
  if (pattern) return pattern;
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
}

/** Any JSON value, most of them of another type than the schema asks for. */
const wrongType = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, -0, 1e308),
    fc.string({ maxLength: 10 }),
    fc.jsonValue({ maxDepth: 3 }),
  );

/** A string built to hurt: boundary lengths around the schema's bounds, odd unicode, NUL bytes, known-bad inputs. */
function hostileString(schema: JsonSchema): fc.Arbitrary<string> {
  const bounds = [schema.maxLength, schema.maxLength === undefined ? undefined : schema.maxLength + 1, schema.minLength, 0, 1]
    .filter((n): n is number => typeof n === 'number' && n >= 0)
    .map((n) => 'b'.repeat(n));
  return fc.oneof(
    fc.constantFrom(...NASTY_STRINGS),
    fc.constantFrom(...bounds),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  );
}

/** Sets a key as an own, enumerable property even when it is `__proto__` (which `obj[key] =` would not). */
const withKey = (obj: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> =>
  Object.defineProperty({ ...obj }, key, { value, enumerable: true, configurable: true, writable: true });

/** Objects with some properties hostile, a required one dropped, or unknown (incl. prototype-poisoning) keys added. */
function hostileObject(schema: JsonSchema, hints: Hints): fc.Arbitrary<unknown> {
  const properties: Record<string, JsonSchema> = schema.properties ?? {};
  const names = Object.keys(properties);
  const mixed = fc.record(Object.fromEntries(names.map((name) => [name, hostileValue(properties[name]!, hints, name)])), {
    requiredKeys: [],
  });
  const valid = validObject(schema, hints);
  const arms: fc.Arbitrary<unknown>[] = [
    mixed,
    fc
      .tuple(
        valid,
        fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'unknown_field', ''), fc.string({ maxLength: 12 })),
        wrongType(),
      )
      .map(([o, k, v]) => withKey(o, k, v)),
  ];
  const required: string[] = schema.required ?? [];
  if (required.length) {
    arms.push(
      fc.tuple(valid, fc.constantFrom(...required)).map(([o, drop]) => {
        const copy = { ...o };
        delete copy[drop];
        return copy;
      }),
    );
  }
  return fc.oneof(...arms);
}

/**
 * A value that may break the schema anywhere: valid-shaped with hostile parts, the wrong type,
 * boundary-length or hostile strings, missing/extra fields. Roughly half of what it yields is valid.
 */
export function hostileValue(schema: JsonSchema, hints: Hints = noHints, key?: string): fc.Arbitrary<unknown> {
  const structural =
    schema.type === 'object'
      ? hostileObject(schema, hints)
      : schema.type === 'array'
        ? fc.array(hostileValue(schema.items ?? {}, hints, key), { maxLength: Math.min((schema.maxItems ?? 4) + 1, 6) })
        : hostileString(schema);
  return fc.oneof(
    { weight: 5, arbitrary: validValue(schema, hints, key) },
    { weight: 3, arbitrary: structural },
    { weight: 1, arbitrary: wrongType() },
  );
}
