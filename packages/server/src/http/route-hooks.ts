/** A route option's hooks as a list (Fastify takes one function or an array), to append one of ours. */
export const toArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
