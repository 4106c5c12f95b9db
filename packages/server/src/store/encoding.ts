/**
 * How domain values are stored, in one place: booleans as 0/1, lists and maps as JSON text.
 * Both dialects store them alike, so a row reads the same from SQLite and PostgreSQL.
 */
export const flag = (value: boolean): number => (value ? 1 : 0);
export const flagOrNull = (value: boolean | null): number | null => (value === null ? null : flag(value));
export const readFlag = (value: number): boolean => value === 1;
export const readFlagOrNull = (value: number | null): boolean | null => (value === null ? null : readFlag(value));

export const json = (value: unknown): string => JSON.stringify(value);
export const jsonOrNull = (value: unknown): string | null => (value === null ? null : json(value));
export const readJson = <T>(text: string): T => JSON.parse(text) as T;
export const readJsonOrNull = <T>(text: string | null): T | null => (text === null ? null : readJson<T>(text));

/** How each field of a write is stored; a field without an encoder is stored as it is. */
export type Encoders<C> = { [K in keyof C]?: (value: Exclude<C[K], undefined>) => unknown };

/** The columns a write sets: each field it defines, encoded. Fields left undefined keep their value. */
export function encodeChanges<C extends object, Columns>(changes: C, encoders: Encoders<C>): Columns {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const encode = encoders[key as keyof C] as ((v: unknown) => unknown) | undefined;
    out[key] = encode ? encode(value) : value;
  }
  return out as Columns;
}
