import { createHmac } from 'node:crypto';

/**
 * The `WorkOS-Signature` header for one attempt (§11.3.2): `t=<ms>, v1=<hex>`, an HMAC-SHA256 of
 * `<ms>.<body>` keyed with the endpoint's secret as given (prefix included). Every attempt is
 * signed afresh, right before sending, because receivers refuse timestamps older than 3 minutes.
 *
 * @example
 * signatureHeader('whsec_…', body, Date.now()) // 't=1700000000000, v1=3b93db…'
 */
export function signatureHeader(secret: string, body: string, timestampMs: number): string {
  const ts = String(Math.trunc(timestampMs));
  const v1 = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${ts}.${body}`, 'utf8').digest('hex');
  return `t=${ts}, v1=${v1}`;
}
