/**
 * The browser-facing pages of the authorization flow: plain HTML, no JavaScript, no third-party
 * resources (docs/security.md §6), so they work everywhere and leak nothing through Referer.
 */
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const layout = (title: string, body: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${esc(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;background:#f5f6fa;color:#1d2330;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:12px;box-shadow:0 2px 12px #0001;padding:2rem 2.5rem;max-width:28rem}
h1{font-size:1.35rem;margin:0 0 .75rem}button{font:inherit;background:#2450d6;color:#fff;border:0;border-radius:8px;padding:.6rem 1.4rem;cursor:pointer}
button:focus{outline:3px solid #9bb3ff}.muted{color:#5b6275;font-size:.9rem}</style></head>
<body><main>${body}</main></body></html>`;

export function confirmPage(p: {
  providerName: string;
  subject: string;
  csrfToken: string;
  action: string;
  handoff: 'none' | 'required' | 'auto';
}): string {
  // A handoff-bound flow waits for the window that opened it (widgets-api.md §8.3): the script
  // fills the two hidden fields and enables Continue; a copied link never gets that far.
  const bound = p.handoff !== 'none';
  const handoff = bound
    ? `<input type="hidden" name="handoff_token" value=""><input type="hidden" name="opener_origin" value="">
<p class="muted" data-handoff-wait>Open this from the application.</p>`
    : '';
  return layout(
    `Connect ${p.providerName}`,
    `<h1>Connect ${esc(p.providerName)}</h1>
<p>You are about to connect an account at ${esc(p.providerName)} for <strong>${esc(p.subject)}</strong>.</p>
<p class="muted">You will be sent to ${esc(p.providerName)} to sign in and approve access.</p>
<form method="post" action="${esc(p.action)}"${bound ? ` data-handoff="${p.handoff}"` : ''}>
<input type="hidden" name="csrf_token" value="${esc(p.csrfToken)}">${handoff}
<button type="submit"${bound ? ' disabled' : ''}>Continue</button>
</form>${bound ? '<script src="/pipes/handoff.js"></script>' : ''}`,
  );
}

export const successPage = (providerName: string): string =>
  layout(
    `${providerName} connected`,
    `<h1>${esc(providerName)} is connected</h1><p>You can close this window and return to the application.</p>`,
  );

/** P1: where WorkOS's widgets open their popup before they know the flow's URL (widgets-api.md §8.3). */
export const redirectingPage = (): string =>
  layout('Redirecting…', '<h1>Redirecting…</h1><p>Connecting your account. This window will move on by itself.</p>');

export const errorPage = (title: string, message: string): string => layout(title, `<h1>${esc(title)}</h1><p>${esc(message)}</p>`);

/** Headers for every flow page: never cached, never framed, no Referer to the provider or back. */
export const FLOW_PAGE_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

// No form-action directive: browsers apply it to the redirect that follows the POST, and the
// provider's origin is not known to the page.
export const FLOW_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
