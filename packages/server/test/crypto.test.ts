import { createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Keyring, KeyringError, secretContext } from '../src/crypto/keyring.ts';

/** docs/security.md §13 (AES-256-GCM, 12-byte IV, 16-byte tag, row-bound associated data) and §14 (kid, rotation). */

const key = (): Buffer => randomBytes(32);
const ring = (...kids: string[]): { keyring: Keyring; keys: Map<string, Buffer> } => {
  const keys = new Map(kids.map((kid) => [kid, key()] as const));
  return { keyring: new Keyring(kids.map((kid) => ({ kid, key: keys.get(kid)! }))), keys };
};
const AD = secretContext('env_A', 'data_integrations', 'client_secret', 'data_integration_1');
const SEALED = /^v1:([A-Za-z0-9_-]+):([A-Za-z0-9_-]+):([A-Za-z0-9_-]+)$/;

/** Flips one bit of one byte of the base64url part `index` (1-based: 2 = iv, 3 = body). */
const tamper = (sealed: string, index: 2 | 3, byte: number): string => {
  const parts = sealed.split(':');
  const bytes = Buffer.from(parts[index]!, 'base64url');
  const at = byte < 0 ? bytes.length + byte : byte;
  bytes[at] = bytes[at]! ^ 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join(':');
};

const thrown = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
};

describe('Keyring seal/open', () => {
  it('round-trips ASCII, Unicode, empty and long plaintexts', () => {
    const { keyring } = ring('k1');
    for (const plaintext of ['gho_16C7e42F292c6912E7710c838347Ae178B4a', 'pässwörd 🔑 秘密', '', 'x'.repeat(10_000)]) {
      const sealed = keyring.seal(plaintext, AD);
      expect(sealed).not.toContain(plaintext || '\u0000');
      expect(keyring.open(sealed, AD)).toBe(plaintext);
    }
  });

  it('produces v1:<kid>:<iv>:<body> with a 12-byte IV and a body of plaintext + 16-byte tag', () => {
    const { keyring } = ring('k1');
    const plaintext = 'client-secret-0123456789';
    const sealed = keyring.seal(plaintext, AD);
    const m = SEALED.exec(sealed);
    expect(m, sealed).not.toBeNull();
    expect(m![1]).toBe('k1');
    expect(Buffer.from(m![2]!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(m![3]!, 'base64url')).toHaveLength(Buffer.byteLength(plaintext) + 16);
    expect(Keyring.kidOf(sealed)).toBe('k1');
    expect(Keyring.kidOf('plaintext')).toBeNull();
  });

  it('is AES-256-GCM with the associated data: a standard decipher opens it', () => {
    const { keyring, keys } = ring('k1');
    const sealed = keyring.seal('independent check', AD);
    const [, , ivPart, bodyPart] = sealed.split(':');
    const iv = Buffer.from(ivPart!, 'base64url');
    const body = Buffer.from(bodyPart!, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keys.get('k1')!, iv);
    decipher.setAAD(Buffer.from(AD, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - 16));
    expect(Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8')).toBe(
      'independent check',
    );
  });

  it('uses a fresh random IV: two seals of the same plaintext differ in IV and body', () => {
    const { keyring } = ring('k1');
    const seen = new Set<string>();
    const ivs = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const sealed = keyring.seal('same plaintext', AD);
      seen.add(sealed);
      ivs.add(sealed.split(':')[2]!);
      expect(keyring.open(sealed, AD)).toBe('same plaintext');
    }
    expect(seen.size).toBe(50);
    expect(ivs.size).toBe(50);
  });

  it('binds a ciphertext to its row: other associated data (environment, table, column or id) does not open it', () => {
    const { keyring } = ring('k1');
    const sealed = keyring.seal('row-bound secret', secretContext('env_A', 'connected_accounts', 'access_token', 'data_installation_1'));
    const others = [
      secretContext('env_B', 'connected_accounts', 'access_token', 'data_installation_1'),
      secretContext('env_A', 'org_configurations', 'access_token', 'data_installation_1'),
      secretContext('env_A', 'connected_accounts', 'refresh_token', 'data_installation_1'),
      secretContext('env_A', 'connected_accounts', 'access_token', 'data_installation_2'),
      '',
    ];
    for (const ad of others) expect(() => keyring.open(sealed, ad), ad).toThrow();
    expect(keyring.open(sealed, secretContext('env_A', 'connected_accounts', 'access_token', 'data_installation_1'))).toBe(
      'row-bound secret',
    );
  });

  it('rejects a tampered IV, ciphertext byte or tag byte', () => {
    const { keyring } = ring('k1');
    const sealed = keyring.seal('do not tamper with me', AD);
    expect(keyring.open(sealed, AD)).toBe('do not tamper with me');
    for (const bad of [tamper(sealed, 2, 0), tamper(sealed, 3, 0), tamper(sealed, 3, 5), tamper(sealed, 3, -1), tamper(sealed, 3, -16)]) {
      expect(bad).not.toBe(sealed);
      expect(() => keyring.open(bad, AD)).toThrow();
    }
  });

  it('rejects malformed and truncated values with a KeyringError', () => {
    const { keyring } = ring('k1');
    const sealed = keyring.seal('secret', AD);
    const [v, kid, iv, body] = sealed.split(':');
    const cases = [
      'plain text',
      `v2:${kid}:${iv}:${body}`,
      `v1:${kid}:${iv}`,
      `v1:${kid}:${iv}:${body}:extra`,
      `v1:${kid}:${Buffer.from(iv!, 'base64url').subarray(0, 8).toString('base64url')}:${body}`,
      `${v}:${kid}:${iv}:${Buffer.from(body!, 'base64url').subarray(0, 15).toString('base64url')}`,
    ];
    for (const bad of cases) expect(() => keyring.open(bad, AD), bad).toThrow(KeyringError);
  });

  it('a key of another ring with the same kid does not open it', () => {
    const a = ring('k1').keyring;
    const b = ring('k1').keyring;
    expect(() => b.open(a.seal('secret', AD), AD)).toThrow();
  });
});

describe('Keyring rotation (§14)', () => {
  it('a ring [new, old] opens old ciphertexts and seals with the new primary', () => {
    const oldKey = key();
    const newKey = key();
    const before = new Keyring([{ kid: 'old', key: oldKey }]);
    const oldSealed = before.seal('sealed before rotation', AD);
    expect(Keyring.kidOf(oldSealed)).toBe('old');

    const rotated = new Keyring([
      { kid: 'new', key: newKey },
      { kid: 'old', key: oldKey },
    ]);
    expect(rotated.primaryKid).toBe('new');
    expect(rotated.kids()).toEqual(['new', 'old']);
    expect(rotated.open(oldSealed, AD)).toBe('sealed before rotation');
    const newSealed = rotated.seal('sealed after rotation', AD);
    expect(newSealed.startsWith('v1:new:')).toBe(true);
    expect(rotated.open(newSealed, AD)).toBe('sealed after rotation');

    // Re-encrypting with the new ring and retiring the old key keeps everything readable.
    const reSealed = rotated.seal(rotated.open(oldSealed, AD), AD);
    const retired = new Keyring([{ kid: 'new', key: newKey }]);
    expect(retired.open(reSealed, AD)).toBe('sealed before rotation');
    expect(retired.open(newSealed, AD)).toBe('sealed after rotation');
    // The old ring cannot open what the new primary sealed.
    expect(() => before.open(newSealed, AD)).toThrow(/"new"/);
  });

  it('an unknown kid fails with a message naming it', () => {
    const a = ring('k_2024_archive').keyring;
    const b = ring('k_current').keyring;
    const e = thrown(() => b.open(a.seal('secret', AD), AD));
    expect(e).toBeInstanceOf(KeyringError);
    expect(e.message).toContain('k_2024_archive');
    expect(b.has('k_2024_archive')).toBe(false);
    expect(b.has('k_current')).toBe(true);
  });
});

describe('Keyring.parse', () => {
  const b64 = (n: number) => randomBytes(n).toString('base64');

  it('parses kid:base64key lists (standard and url-safe base64); the first key is the primary', () => {
    const k1 = randomBytes(32);
    const k2 = randomBytes(32);
    const parsed = Keyring.parse(` k1:${k1.toString('base64')} , k2:${k2.toString('base64url')} `);
    expect(parsed.kids()).toEqual(['k1', 'k2']);
    expect(parsed.primaryKid).toBe('k1');
    // The parsed key is the given key: a ring built from the raw bytes opens what it seals.
    expect(new Keyring([{ kid: 'k1', key: k1 }]).open(parsed.seal('x', AD), AD)).toBe('x');
    const second = Keyring.parse(`k2:${k2.toString('base64')}`);
    expect(parsed.open(second.seal('y', AD), AD)).toBe('y');
  });

  it('generateKeySpec yields a spec parse accepts', () => {
    const spec = Keyring.generateKeySpec('k20250101');
    expect(spec).toMatch(/^k20250101:[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(spec.split(':')[1]!, 'base64')).toHaveLength(32);
    expect(Keyring.parse(spec).primaryKid).toBe('k20250101');
  });

  const cases: [string, string, RegExp][] = [
    ['not base64', 'k1:not*base64!', /"k1" is not base64/],
    ['wrong length (16 bytes)', `k1:${b64(16)}`, /"k1" must be 32 bytes.*got 16/],
    ['wrong length (33 bytes)', `k1:${b64(33)}`, /"k1" must be 32 bytes.*got 33/],
    ['duplicate kid', `k1:${b64(32)},k1:${b64(32)}`, /"k1" appears twice/],
    ['empty', '', /expected kid:base64key/],
    ['only separators', ' , ,', /expected kid:base64key/],
    ['missing kid', `:${b64(32)}`, /is not kid:base64key/],
    ['no colon', b64(32), /is not kid:base64key/],
    ['bad kid characters', `k 1:${b64(32)}`, /key id "k 1" must match/],
  ];
  it.each(cases)('rejects %s with a clear KeyringError', (_name, spec, message) => {
    const e = thrown(() => Keyring.parse(spec));
    expect(e).toBeInstanceOf(KeyringError);
    expect(e.message).toMatch(message);
  });

  it('does not echo a mis-sized key in its error message', () => {
    const secretKey = b64(16);
    const e = thrown(() => Keyring.parse(`k1:${secretKey}`));
    expect(e.message).toMatch(/"k1"/);
    expect(e.message).not.toContain(secretKey);
    expect(e.message).not.toContain(secretKey.slice(0, 8));
  });

  it('the constructor rejects an empty ring', () => {
    expect(() => new Keyring([])).toThrow(/empty/);
  });
});

/**
 * Assertions the requirements demand that the current src/ does not meet. Not executed (so the
 * suite stays green while src/ is being edited elsewhere); run one by moving it into an `it`.
 */
const FIXED_BUGS: { file: string; behaviour: string; expected: string; check: () => void }[] = [
  {
    file: 'src/crypto/keyring.ts (Keyring.parse)',
    behaviour:
      'an entry without "kid:" is reported as `entry "<first 12 characters>…" is not kid:base64key`, echoing 12 base64 characters (72 bits) of the key into the start-up error and logs',
    expected: 'the message names the problem (and the entry position) without echoing key material (docs/security.md §8, §13)',
    check: () => {
      const keyB64 = randomBytes(32).toString('base64');
      const e = thrown(() => Keyring.parse(keyB64));
      expect(e.message).toMatch(/not kid:base64key/);
      expect(e.message).not.toContain(keyB64.slice(0, 8));
    },
  },
];

describe('regressions', () => {
  for (const bug of FIXED_BUGS) it(bug.expected, bug.check);
});
