import type { ConfigField } from '../catalog/provider-definition.ts';
import { missingConfig, validationFailed, type FieldError } from '../core/errors.ts';
import { checkOutboundUrl } from '../outbound/url-guard.ts';

const compiled = new Map<string, RegExp>();
const patternOf = (field: ConfigField): RegExp => {
  let re = compiled.get(field.pattern);
  if (!re) {
    re = new RegExp(field.pattern);
    compiled.set(field.pattern, re);
  }
  return re;
};

/**
 * Checks provider config values: only declared fields, each matching its pattern (§1.2).
 * `prefix` names the body field in errors (`config`).
 */
export function checkConfigValues(fields: readonly ConfigField[], values: Readonly<Record<string, string>>, prefix = 'config'): void {
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(values)) {
    const field = fields.find((f) => f.name === name);
    if (!field) errors.push({ field: `${prefix}.${name}`, code: 'undeclared_field' });
    else if (!patternOf(field).test(value)) errors.push({ field: `${prefix}.${name}`, code: 'invalid_format' });
  }
  if (errors.length > 0)
    throw validationFailed('The config has fields the provider does not declare or values in the wrong format.', errors);
}

/**
 * A connection's config at connect time: its own installation-scope values (checked) over the
 * values in force. Throws 422 naming every required field still missing.
 */
export function withInstallationConfig(
  fields: readonly ConfigField[],
  inForce: Readonly<Record<string, string>>,
  installation: Readonly<Record<string, string>>,
): Record<string, string> {
  checkConfigValues(
    fields.filter((f) => f.scope === 'installation'),
    installation,
  );
  const config = { ...inForce, ...installation };
  const missing = fields.filter((f) => f.required && !(f.name in config)).map((f) => f.name);
  if (missing.length > 0) throw missingConfig(missing);
  return config;
}

/** Only installation-scope values belong to a connection; pinned ones stay on the integration. */
export function installationValues(fields: readonly ConfigField[], config: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(config).filter(([k]) => fields.some((f) => f.name === k && f.scope === 'installation')));
}

/**
 * Base URLs an operator pins (`kind: 'baseUrl'`, self-managed GitLab) leave the catalog's host rule, so they
 * pass the outbound guard's configuration check instead (docs/security.md B: https, a public host, no
 * credentials); the guarded dispatcher checks the addresses again on every connection. Throws 422.
 */
export function checkBaseUrls(fields: readonly ConfigField[], values: Readonly<Record<string, string>>, allowInsecure: boolean): void {
  const errors: FieldError[] = [];
  const reasons: string[] = [];
  for (const field of fields) {
    const value = field.kind === 'baseUrl' && Object.hasOwn(values, field.name) ? values[field.name] : undefined;
    if (value === undefined) continue;
    const check = checkOutboundUrl(value, { allowInsecure, purpose: `config.${field.name}` });
    if (!check.ok) {
      errors.push({ field: `config.${field.name}`, code: check.code });
      reasons.push(check.reason);
    }
  }
  if (errors.length > 0) throw validationFailed(['The config has a base URL the service may not call.', ...reasons].join(' '), errors);
}
