/** A provider response as the pure processing steps see it: already read, nothing left to await. */
export interface ReceivedResponse {
  status: number;
  headers: { get(name: string): string | null };
  bodyText: string;
}

/** A JSON object or a form-decoded body. */
export type ResponseFields = Record<string, unknown>;

// A form-encoded body is one line of `name=value` pairs: no whitespace or markup (that is an HTML page).
const FORM_BODY = /^[^\s<>{}"]*=[^\s<>{}"]*$/;

/**
 * The body as an object: JSON when it parses to an object, else `application/x-www-form-urlencoded`
 * (GitHub's default without `Accept: application/json`), else `null`.
 *
 * @example
 * parseResponseBody('{"access_token":"x"}');                  // { access_token: 'x' }
 * parseResponseBody('access_token=x&scope=repo%2Cuser');      // { access_token: 'x', scope: 'repo,user' }
 * parseResponseBody('<html>Bad gateway</html>');              // null
 */
export function parseResponseBody(bodyText: string): ResponseFields | null {
  const text = bodyText.trim();
  if (text === '') return null;
  if (text.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(text);
      return isObject(value) ? value : null;
    } catch {
      return null;
    }
  }
  if (!FORM_BODY.test(text)) return null;
  const fields: ResponseFields = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (name === '' || name === '__proto__' || Object.hasOwn(fields, name)) continue;
    fields[name] = value;
  }
  return fields;
}

/** True for a non-null, non-array object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value at a dot path (`'team.id'`) of a parsed body, own properties only; `undefined` when absent.
 *
 * @example
 * readPath({ team: { id: 'T1' } }, 'team.id'); // 'T1'
 */
export function readPath(fields: unknown, path: string): unknown {
  let current: unknown = fields;
  for (const key of path.split('.')) {
    if (!isObject(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * Seconds to wait from a `Retry-After` header: delta-seconds or an HTTP-date (RFC 9110 §10.2.3),
 * `null` when absent or unreadable.
 *
 * @example
 * parseRetryAfter('7', Date.now()); // 7
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:30 GMT')); // 30
 */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  // Only something that looks like an HTTP-date: Date.parse accepts far too much.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * An OAuth `error` code as safe to log and store: RFC 6749 §5.2 limits it to printable ASCII without
 * `"` and `\`; anything else, or more than 100 characters, becomes `'invalid_error_code'`.
 */
export function safeErrorCode(value: string): string {
  return /^[\x20\x21\x23-\x5b\x5d-\x7e]{1,100}$/.test(value) ? value : 'invalid_error_code';
}

/** An `error_description` cut to 500 characters with control characters removed; `null` when absent. */
export function safeDescription(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: provider text is stripped of control characters before it is stored.
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 500);
}

/**
 * `text` with every occurrence of each secret (of 4+ characters) replaced by `[redacted]`: a provider may
 * echo what it was sent into an error description.
 */
export function redactSecrets(text: string, secrets: Iterable<string | null | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (typeof secret === 'string' && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}
