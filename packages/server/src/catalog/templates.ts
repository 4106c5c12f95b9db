export const PLACEHOLDER = /\$\{([^}]*)\}/g;
const CONFIG_REFERENCE = /^config\.([a-z][a-zA-Z0-9_]{0,63})$/;

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
