import { idPattern } from '../../core/ids.ts';
import { SLUG_PATTERN } from '../../catalog/provider-definition.ts';
import * as EX from './examples.ts';
import { Type, type TSchema } from 'typebox';
import { ERROR_CODES } from '../../core/errors.ts';

/** §10.16: users and organizations are the application's opaque identifiers. */
export const IDENTIFIER_PATTERN = '^[A-Za-z0-9_\\-:.]{1,128}$';
/** RFC 6749 §3.3 scope-token characters. */
const SCOPE_PATTERN = '^[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,256}$';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A connected account's id (`data_installation_…`). */
export const AccountId = Type.String({ pattern: idPattern('installation') });

export const Identifier = (description: string) => Type.String({ pattern: IDENTIFIER_PATTERN, description });
export const Slug = Type.String({ pattern: SLUG_PATTERN, description: 'Provider slug, e.g. `github`.', examples: ['github'] });
export const Scopes = Type.Array(Type.String({ pattern: SCOPE_PATTERN }), { maxItems: 100 });
export const ConfigMap = Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 1000 }), {
  maxProperties: 50,
  description: 'Provider-declared config values.',
});
export const Timestamp = Type.String({ description: 'ISO-8601 UTC timestamp with milliseconds.' });
export const BooleanString = Type.Enum(['true', 'false'], { description: 'A boolean, as the string `true` or `false`.' });
/** A secret supplied by a client: write-only, never echoed. */
export const SecretString = (description: string) => Type.String({ minLength: 1, maxLength: 4096, description });
export const ClientId = Type.String({ minLength: 1, maxLength: 512 });

export const SlugParams = Type.Object({ slug: Slug }, { additionalProperties: false });
export const UserSlugParams = Type.Object({ user_id: Identifier('The user.'), slug: Slug }, { additionalProperties: false });
export const OrgParams = Type.Object({ organization_id: Identifier('The organization.') }, { additionalProperties: false });
export const OrgSlugParams = Type.Object({ organization_id: Identifier('The organization.'), slug: Slug }, { additionalProperties: false });
export const UserParams = Type.Object({ user_id: Identifier('The user.') }, { additionalProperties: false });

export const ErrorBody = Type.Object(
  {
    code: Type.Enum([...ERROR_CODES], { description: 'What went wrong; one of a closed set.' }),
    message: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), code: Type.String() }))),
    entity_id: Type.Optional(Type.String()),
  },
  { title: 'ErrorBody', description: 'Every error answer has this JSON body.', examples: [EX.ERROR] },
);

export const ListMetadata = Type.Object(
  { before: Nullable(Type.String()), after: Nullable(Type.String()) },
  { title: 'ListMetadata', description: 'Cursors for the previous and next page (null: no more that way).' },
);

/** Standard error answers for a route, for the OpenAPI document. */
export const errorResponses = (...statuses: number[]): Record<number, typeof ErrorBody> =>
  Object.fromEntries([401, ...statuses].map((s) => [s, ErrorBody]));

/** Routes without query parameters still refuse unknown ones (docs/security.md §17). */
export const NoQuery = Type.Object({}, { additionalProperties: false });
