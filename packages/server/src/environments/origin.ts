/** `https://app.example.com` from an origin written by a person; null when it is not a bare http(s) origin. */
export const parseOrigin = (raw: string): string | null => {
  try {
    const u = new URL(raw);
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password) return null;
    if (u.pathname !== '/' || u.search || u.hash) return null;
    return u.origin;
  } catch {
    return null;
  }
};
