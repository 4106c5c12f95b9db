import type { ConfigField } from '../catalog/provider-definition.ts';
import { validationFailed, type FieldError } from '../errors.ts';

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
  if (errors.length > 0) throw validationFailed('The config has fields the provider does not declare or values in the wrong format.', errors);
}

/** Required installation fields not already pinned: what a connect-time `config` must supply. */
export function missingRequiredFields(fields: readonly ConfigField[], values: Readonly<Record<string, string>>): string[] {
  return fields.filter((f) => f.required && !(f.name in values)).map((f) => f.name);
}

/** Values a response may disclose: declared and not secret. */
export function disclosableConfig(fields: readonly ConfigField[], values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (v !== undefined && !f.secret) out[f.name] = v;
  }
  return out;
}
