/**
 * The widgets API as OpenPipes' hosted widgets call it: same origin, the widget token as a Bearer,
 * and every failure turned into a sentence an end user can act on.
 */

const FALLBACK = {
  0: 'OpenPipes could not be reached. Check your connection and try again.',
  400: 'The request was not accepted. Please check the values and try again.',
  403: 'Your session has expired or does not allow this. Reload the application to continue.',
  404: 'This provider or connection no longer exists. The list has been refreshed.',
  409: 'Something changed at the same time. Please try again.',
  413: 'The values are too long.',
  415: 'The request was not accepted. Please try again.',
  422: 'Please check the values and try again.',
  429: 'Too many requests. Please wait a minute and try again.',
  503: 'The provider is not reachable right now. Please try again later.',
};

/** A failed call: the HTTP status (0 when the network failed) and the message to show. */
export class WidgetApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The server's own message for business errors; fixed texts for token, network and server failures. */
export function messageFor(status, body) {
  const own = body && typeof body.message === 'string' && body.message.trim() !== '' ? body.message : null;
  if (own && status !== 403 && status >= 400 && status < 500) return own;
  if (FALLBACK[status]) return FALLBACK[status];
  return status >= 500 ? 'OpenPipes ran into a problem. Please try again later.' : 'The request failed. Please try again.';
}

/** A caller bound to one widget token: `call(method, path, body?)` resolves to the JSON answer. */
export function createClient(token, widgetType) {
  return async function call(method, path, body) {
    let response;
    try {
      response = await fetch(`/_widgets${path}`, {
        method,
        cache: 'no-store',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'workos-widgets-version': '1',
          'workos-widgets-type': widgetType,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new WidgetApiError(0, messageFor(0, null));
    }
    let payload = null;
    try {
      payload = await response.json();
    } catch {
      payload = null;
    }
    if (response.ok && payload !== null) return payload;
    throw new WidgetApiError(response.status, messageFor(response.ok ? 500 : response.status, payload));
  };
}

/**
 * The token the host handed over in `?token=` or `#token=`: read once, kept in memory only, and
 * removed from the address bar (and so from history, bookmarks and screenshots).
 */
export function takeToken(location, history) {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  const fromQuery = new URLSearchParams(location.search).get('token');
  if (fromHash !== null || fromQuery !== null) history.replaceState(null, '', location.pathname);
  return fromHash ?? fromQuery;
}
