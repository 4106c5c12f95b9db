/**
 * Searching bytes (a database file, a dump, logs, HTTP answers) for secrets the test planted, in
 * every form a leak could take. Used by secrets-at-rest.test.ts and resilience-secrets.test.ts.
 */
import { randomBytes } from 'node:crypto';

/** High-entropy values no schema, id or ciphertext could contain by chance. */
export const randomSecret = (): string => randomBytes(24).toString('base64url');
export const randomId = (prefix: string): string => `${prefix}_${randomBytes(8).toString('hex')}`;

/** The byte patterns a leaked value could take: UTF-8, UTF-16LE, base64 (both alphabets), hex. */
export const forms = (value: string): Record<string, Buffer> => {
  const utf8 = Buffer.from(value, 'utf8');
  return {
    utf8,
    utf16le: Buffer.from(value, 'utf16le'),
    base64: Buffer.from(utf8.toString('base64').replace(/=+$/, '')),
    base64url: Buffer.from(utf8.toString('base64url')),
    hex: Buffer.from(utf8.toString('hex')),
    HEX: Buffer.from(utf8.toString('hex').toUpperCase()),
  };
};

/** The forms of `value` that occur in `haystack`. */
export const leakedForms = (haystack: Buffer, value: string): string[] =>
  Object.entries(forms(value))
    .filter(([, needle]) => haystack.includes(needle))
    .map(([name]) => name);

/** `"<secret> as <form> in <haystack>"` for every hit of every secret in every haystack. */
export function findLeaks(haystacks: { name: string; bytes: Buffer }[], secrets: Record<string, string>): string[] {
  const leaks: string[] = [];
  for (const { name, bytes } of haystacks)
    for (const [secretName, secret] of Object.entries(secrets))
      for (const form of leakedForms(bytes, secret)) leaks.push(`${secretName} as ${form} in ${name}`);
  return leaks;
}
