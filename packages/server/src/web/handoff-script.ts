/**
 * The confirmation page's handoff (widgets-api.md §8.3), served as `/pipes/handoff.js`. It takes
 * a message only from the window that opened this one, naming this page's link as
 * `redirectToken` and carrying a `handoffToken`; it then fills the form, answers that window's
 * origin (never `*`), and enables Continue — or submits at once when the application turned the
 * confirmation screen off. The server still checks the token and that the origin is allowed.
 */
export const HANDOFF_SCRIPT = `(() => {
  const form = document.querySelector('form[data-handoff]');
  if (!form) return;
  const link = location.pathname.split('/')[2];
  let handed = false;
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (handed || event.source !== window.opener || !data || data.redirectToken !== link || typeof data.handoffToken !== 'string') return;
    handed = true;
    form.elements.handoff_token.value = data.handoffToken;
    form.elements.opener_origin.value = event.origin;
    event.source.postMessage({ redirectToken: link }, event.origin);
    const wait = form.querySelector('[data-handoff-wait]');
    if (wait) wait.remove();
    form.querySelector('button').disabled = false;
    if (form.dataset.handoff === 'auto') form.submit();
  });
})();
`;
