import { isIP } from 'node:net';
import { isForbiddenAddress, isInternalHostname } from './address-policy.ts';

/**
 * The configuration-time check of a URL a tenant gives us (a webhook endpoint, a custom
 * provider's token URL): refuse at once what can never be a legitimate public destination, with
 * a reason the caller can turn into a 422. It asks no DNS on purpose: a name's answer can change
 * after this check (DNS rebinding), so the answer that counts is the one checked when connecting,
 * by `createGuardedDispatcher`. This check only makes the obvious mistakes and probes fail early.
 */

export type OutboundUrlCode =
  | 'invalid_url'
  | 'unsupported_scheme'
  | 'https_required'
  | 'credentials_in_url'
  | 'private_address'
  | 'internal_hostname';

export type OutboundUrlCheck = { ok: true; url: URL } | { ok: false; code: OutboundUrlCode; reason: string };

export interface OutboundUrlOptions {
  /** `OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS=true`: allows `http:` and local or internal hosts (local testing). */
  allowInsecure: boolean;
  /** What the URL is for, as a noun phrase that fits "The … must …", e.g. `webhook endpoint URL`. */
  purpose: string;
}

const INSECURE_FLAG = 'OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS=true';

/**
 * Checks `raw` and returns the parsed URL, or a code and one sentence saying what to change.
 * Reasons name the host at most, never the whole URL: a query string may carry a secret.
 */
export function checkOutboundUrl(raw: string, opts: OutboundUrlOptions): OutboundUrlCheck {
  const { allowInsecure, purpose } = opts;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('invalid_url', `The ${purpose} must be an absolute URL such as https://api.example.com/path.`);
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse('unsupported_scheme', `The ${purpose} must start with https:// (it starts with ${url.protocol}//).`);
  }
  if (url.protocol === 'http:' && !allowInsecure) {
    return refuse(
      'https_required',
      `The ${purpose} must use https://; plain http:// is accepted only with ${INSECURE_FLAG}, for local testing.`,
    );
  }
  // Userinfo would be sent as Basic credentials and logged wherever the URL is; secrets belong in
  // the configuration fields made for them.
  if (url.username !== '' || url.password !== '') {
    return refuse(
      'credentials_in_url',
      `The ${purpose} must not contain a user name or password before the host; remove the "user:password@" part.`,
    );
  }

  // WHATWG parsing has already normalised every IPv4 spelling (`2130706433`, `0x7f.1`, `127.1`,
  // a trailing dot) to dotted decimal and lower-cased the name, so one check covers them all.
  // IPv6 hosts keep their brackets in `hostname`.
  const host = url.hostname;
  const literal = host.startsWith('[') ? host.slice(1, -1) : host;
  if (isIP(literal) !== 0) {
    if (isForbiddenAddress(literal) && !allowInsecure) {
      return refuse(
        'private_address',
        `The ${purpose} points at ${host}, which is a loopback, private, link-local or otherwise non-public address; use a public address, or set ${INSECURE_FLAG} for local testing only.`,
      );
    }
  } else if (isInternalHostname(host) && !allowInsecure) {
    return refuse(
      'internal_hostname',
      `The ${purpose} points at ${host}, which is an internal host name; use a public host name, or set ${INSECURE_FLAG} for local testing only.`,
    );
  }
  return { ok: true, url };
}

const refuse = (code: OutboundUrlCode, reason: string): OutboundUrlCheck => ({ ok: false, code, reason });
