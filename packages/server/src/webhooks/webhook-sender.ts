import { signatureHeader } from './webhook-signature.ts';

/** The fetch the sender uses; the production one refuses private addresses on connect. */
export type WebhookFetch = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; redirect: 'manual'; signal: AbortSignal },
) => Promise<{ status: number; body?: { cancel(): Promise<void> } | null }>;

export interface SendResult {
  ok: boolean;
  status: number | null;
  durationMs: number;
  /** Why it failed, in our words; the receiver's body and headers are never kept. */
  error: string | null;
}

const USER_AGENT = 'OpenPipes-Webhooks/1';

/**
 * One delivery attempt (§11.3.1): a POST of the exact body, signed now, answered by any 2xx
 * within the timeout. Redirects are not followed; everything else is a failure with a reason.
 */
export async function sendWebhook(
  fetch: WebhookFetch,
  attempt: { url: string; secret: string; body: string; timeoutMs: number },
  now: () => number,
): Promise<SendResult> {
  const started = now();
  const headers = {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'workos-signature': signatureHeader(attempt.secret, attempt.body, started),
  };
  try {
    const res = await fetch(attempt.url, {
      method: 'POST',
      headers,
      body: attempt.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(attempt.timeoutMs),
    });
    // The receiver's answer is not read: only its status matters.
    await res.body?.cancel().catch(() => undefined);
    const ok = res.status >= 200 && res.status < 300;
    return { ok, status: res.status, durationMs: now() - started, error: ok ? null : `the endpoint answered ${res.status}` };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; name?: string } };
    const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
    const reason = timedOut
      ? `no answer within ${attempt.timeoutMs} ms`
      : err.name === 'ForbiddenAddressError' || err.cause?.name === 'ForbiddenAddressError'
        ? 'the endpoint resolves to a private or internal address'
        : `connection failed (${err.cause?.code ?? err.name})`;
    return { ok: false, status: null, durationMs: now() - started, error: reason };
  }
}
