/**
 * The host-suffix rule of the catalog: every URL of an entry resolves, whatever valid config values are
 * substituted, to a host equal to or under one of the entry's `hosts` (docs/security.md B: provider URLs
 * are fixed by the catalog, never by a value an installer types).
 */

/**
 * Second-level public suffixes seen in provider domains. Not the full Public Suffix List: enough to derive
 * `zoho.com.au` rather than `com.au`, and to refuse a bare public suffix as an entry's `hosts`.
 */
const MULTI_LABEL_PUBLIC_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'com.au',
  'net.au',
  'org.au',
  'co.nz',
  'co.jp',
  'ne.jp',
  'co.in',
  'com.br',
  'com.cn',
  'com.mx',
  'com.sg',
  'com.hk',
  'com.tr',
  'co.kr',
  'co.za',
  'com.ar',
  'co.id',
  'com.my',
]);

/** A host suffix that names a public suffix rather than a provider (refused in `hosts`). */
export const isPublicSuffix = (host: string): boolean => !host.includes('.') || MULTI_LABEL_PUBLIC_SUFFIXES.has(host);

/** The registrable domain of `host`: `api.zoho.com.au` → `zoho.com.au`; a single label or an IP address as is. */
export function registrableSuffix(host: string): string {
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return host;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const lastTwo = labels.slice(-2).join('.');
  return MULTI_LABEL_PUBLIC_SUFFIXES.has(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}

/** The host part of a URL template (placeholders kept), without a port; `null` when it has no `scheme://`. */
export function hostTemplate(template: string): string | null {
  const match = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)/.exec(template);
  if (!match) return null;
  const authority = (match[1] as string).replace(/^.*@/, '');
  // Host names are case-insensitive, placeholder names are not (`${config.loginHost}` names a field).
  return authority
    .replace(/:\d*$/, '')
    .split(/(\$\{[^}]*\})/)
    .map((part, index) => (index % 2 === 1 ? part : part.toLowerCase()))
    .join('');
}

/** The literal end of a host template after its last placeholder (the whole host when it has none). */
export const literalTail = (host: string): string => host.slice(host.lastIndexOf('}') + 1);

/** The suffix the literal part of `host` pins, or `null` when a placeholder is the whole host. */
export function derivedSuffix(host: string): string | null {
  const tail = literalTail(host);
  const labels = tail.split('.');
  // `${config.x}-api.example.com`: the first label is partly the placeholder's value.
  const literal = (tail === host ? labels : labels.slice(1)).filter((label) => label !== '').join('.');
  return literal === '' ? null : registrableSuffix(literal);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A `|` outside every group lets one alternative escape the suffix the pattern ends with. */
function hasTopLevelAlternation(pattern: string): boolean {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
}

/** Whether every value `pattern` accepts ends with `.suffix` for one of `suffixes` (checked structurally). */
export const patternPinsSuffix = (pattern: string, suffixes: readonly string[]): boolean =>
  !hasTopLevelAlternation(pattern) && suffixes.some((suffix) => pattern.endsWith(`${escapeRegExp(`.${suffix}`)}$`));

/**
 * The host names a pattern that is a plain list accepts (`^(?:eu\.example\.com|example\.com)$` gives both
 * names), or `null` when it is anything more than literal alternatives.
 */
export function literalAlternatives(pattern: string): string[] | null {
  let body = pattern.replace(/^\^/, '').replace(/\$$/, '');
  if (body.startsWith('(?:') && body.endsWith(')')) body = body.slice(3, -1);
  else if (body.startsWith('(') && body.endsWith(')')) body = body.slice(1, -1);
  if (!/^(?:[a-z0-9-]|\\\.|\|)+$/.test(body)) return null;
  const names = body.split('|').map((name) => name.replaceAll('\\.', '.'));
  return names.every((name) => /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(name)) ? names : null;
}

/** A `kind: 'host'` field that ends a host template: the literal text before it and the field's pattern. */
export interface TrailingHostField {
  prefix: string;
  pattern: string;
}

/**
 * Why the host template `host` may leave `suffixes`, or `null` when it cannot. `hostField` is the
 * `kind: 'host'` field whose placeholder ends the host, if any: its pattern must then pin a suffix, or
 * list host names that, after `prefix`, are all under `suffixes`.
 */
export function hostEscape(host: string, suffixes: readonly string[], hostField: TrailingHostField | null): string | null {
  const under = (name: string) => suffixes.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
  if (!host.includes('${')) return under(host) ? null : `host ${host} is not under ${suffixes.join(', ')}`;
  const tail = literalTail(host);
  if (suffixes.some((suffix) => tail.endsWith(`.${suffix}`))) return null;
  if (tail === '' && hostField !== null) {
    if (patternPinsSuffix(hostField.pattern, suffixes)) return null;
    const names = literalAlternatives(hostField.pattern);
    if (names?.every((name) => under(`${hostField.prefix}${name}`))) return null;
    return `the host field's pattern must end with an escaped ".<suffix>$" of one of ${suffixes.join(', ')} (no top-level "|"), or list host names all under them`;
  }
  return `host ${host} may resolve outside ${suffixes.join(', ')}${tail === '' ? ' (a placeholder that ends the host needs a config field of kind "host")' : ''}`;
}
