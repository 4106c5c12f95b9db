import { closestName } from '../core/closest-name.ts';
import type { FieldError } from '../core/errors.ts';

/** What Ajv reports for one failed keyword (Fastify passes it on as `error.validation`). */
export interface AjvError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
}

/** What the validation error path adds: more field errors, and a sentence for the message. */
export interface Suggestion {
  errors: FieldError[];
  hint: string;
}

// Field names differ most often in case and separators (`userId`, `user-id` for `user_id`).
const normalized = (name: string): string => name.toLowerCase().replace(/[_-]/g, '');

/**
 * The known field `name` was most likely meant to be: the same but for case, `_` and `-`, or a
 * typo of at most one edit (two for names of 6+ characters); null when nothing is that close.
 */
const closestField = (name: string, known: readonly string[]): string | null =>
  closestName(name, known, normalized(name).length >= 6 ? 2 : 1, normalized);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a JSON pointer (`/credentials/client_id`, `#/properties/x`), or undefined. */
function at(root: unknown, pointer: string): unknown {
  const parts = pointer.replace(/^#/, '').split('/').slice(1);
  let node = root;
  for (const raw of parts) {
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/**
 * For an unknown field, the known one it resembles; for a missing required field, an unknown
 * field sent instead (`userId` for `user_id`), named as an error of its own. `schema` is the one
 * that failed (the route's body, query or params schema) and `data` what was sent.
 */
export function suggestFields(e: AjvError, schema: unknown, data: unknown, field: (key: string) => string): Suggestion | null {
  if (e.keyword !== 'additionalProperties' && e.keyword !== 'required') return null;
  const parent = at(schema, e.schemaPath.replace(/\/[^/]*$/, ''));
  const known = isObject(parent) && isObject(parent.properties) ? Object.keys(parent.properties) : [];
  if (e.keyword === 'additionalProperties') {
    const unknown = String(e.params.additionalProperty);
    const meant = closestField(unknown, known);
    return meant ? { errors: [], hint: `${field(unknown)} is not a field here: did you mean ${field(meant)}?` } : null;
  }
  const missing = String(e.params.missingProperty);
  const sent = at(data, e.instancePath);
  if (!isObject(sent)) return null;
  const typo = Object.keys(sent).find((key) => !known.includes(key) && closestField(key, [missing]) !== null);
  return typo === undefined
    ? null
    : {
        errors: [{ field: field(typo), code: 'unknown_field' }],
        hint: `${field(typo)} was sent instead: did you mean ${field(missing)}?`,
      };
}
