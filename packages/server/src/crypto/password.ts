import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt (memory-hard, built into Node). N = 2^16, r = 8 uses 128·N·r =
 * 64 MiB per hash, about a tenth of a second here; p = 1. The stored string carries its
 * parameters, so stronger ones can be adopted later without breaking existing hashes:
 * `$scrypt$ln=16,r=8,p=1$<salt>$<hash>` (base64, PHC string format).
 */
export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  ln: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { ln: 16, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

const derive = (password: string, salt: Buffer, { ln, r, p }: ScryptParams, length: number): Promise<Buffer> =>
  new Promise((ok, fail) => {
    const N = 2 ** ln;
    // Node's default memory cap (32 MiB) is below what these parameters need.
    scrypt(password.normalize('NFC'), salt, length, { N, r, p, maxmem: 2 * 128 * N * r * p }, (err, key) => (err ? fail(err) : ok(key)));
  });

const b64 = (b: Buffer): string => b.toString('base64').replace(/=+$/, '');

/** A new salted hash of `password` in the stored format. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, params, KEY_LENGTH);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

/** Whether `password` matches `stored`; false (never a throw) for a malformed stored string. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = FORMAT.exec(stored);
  if (!m) return false;
  const params = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (params.ln < 10 || params.ln > 20 || params.r < 1 || params.p < 1) return false;
  const expected = Buffer.from(m[5]!, 'base64');
  if (expected.length < 16) return false;
  const actual = await derive(password, Buffer.from(m[4]!, 'base64'), params, expected.length);
  return timingSafeEqual(actual, expected);
}
