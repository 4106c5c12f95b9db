/**
 * A route's documented schema from its group's tags: a summary, then the rest (params, query,
 * body, responses) as given. The generic keeps each schema's own type, so handlers stay typed.
 */
export const schemaFor =
  (tags: readonly string[]) =>
  <S extends object>(summary: string, rest: S) => ({ schema: { tags: [...tags], summary, ...rest } });
