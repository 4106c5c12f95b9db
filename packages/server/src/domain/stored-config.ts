import type { ConfigField } from '../catalog/provider-definition.ts';

/** One stored config map and how to open its sealed values. */
interface ConfigLayer {
  values: Readonly<Record<string, string>>;
  open(field: string, sealed: string): string;
}

/**
 * A provider config map as stored on a row: values of fields the provider marks secret are
 * sealed in place, everything else is readable without the keyring. Layers stack (an
 * organization's values over the integration's), the last one winning per field.
 */
export class StoredConfig {
  static readonly EMPTY = new StoredConfig([]);

  private constructor(private readonly layers: readonly ConfigLayer[]) {}

  static of(values: Readonly<Record<string, string>>, open: ConfigLayer['open']): StoredConfig {
    return new StoredConfig([{ values, open }]);
  }

  /** This config with `other`'s values taking precedence. */
  under(other: StoredConfig | null): StoredConfig {
    return other ? new StoredConfig([...this.layers, ...other.layers]) : this;
  }

  /** Non-secret values only, nothing opened: what responses may show. */
  visible(fields: readonly ConfigField[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const layer of this.layers) Object.assign(out, layer.values);
    for (const f of fields) if (f.secret) delete out[f.name];
    return out;
  }

  /** Every value, secret ones opened: what fills a provider's URL templates. */
  open(fields: readonly ConfigField[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const layer of this.layers) {
      for (const [name, value] of Object.entries(layer.values)) {
        out[name] = fields.some((f) => f.name === name && f.secret) ? layer.open(name, value) : value;
      }
    }
    return out;
  }
}

/** Config values to store, and the provider fields that say which of them to seal. */
export interface ConfigWrite {
  values: Readonly<Record<string, string>>;
  fields: readonly ConfigField[];
}
