/** A URL as it may be logged: the value of every `token` query parameter replaced. */
export const redactUrl = (url: string): string => url.replace(/([?&]token=)[^&#]*/gi, '$1[REDACTED]');
