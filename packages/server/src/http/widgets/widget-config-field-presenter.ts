import type { ConfigField } from '../../catalog/provider-definition.ts';

/**
 * `DataIntegrationConfigField` (widgets-api.md §4.2): the catalog's descriptors, camelCase, in
 * catalog order. The catalog has no `example`, `default` or `patternFlags`; they are left out.
 */
export const presentConfigFields = (fields: readonly ConfigField[]) =>
  fields.map((f, order) => ({
    key: f.name,
    label: f.label,
    required: f.required,
    scope: f.scope,
    description: f.description,
    pattern: f.pattern,
    order,
    secret: f.secret,
  }));
