/**
 * Serialized answers of the provider listings, kept per request while the stamp they were built
 * at holds (`Listing.stamp`, connections/provider-listing.ts: the versions of every row the answer
 * shows, bumped by the database in the transaction of each change). A request whose stamp matches
 * is answered with the stored bytes; any change, from any process, changes the stamp. Bounded by
 * total size; the least recently used answers go first.
 */
export class AnswerCache {
  private readonly entries = new Map<string, { stamp: string; body: string }>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  async get(key: string, stamp: string, build: () => Promise<string>): Promise<string> {
    const hit = this.entries.get(key);
    if (hit?.stamp === stamp) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.body;
    }
    const body = await build();
    this.put(key, stamp, body);
    return body;
  }

  private put(key: string, stamp: string, body: string): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.length;
    }
    if (body.length > this.maxBytes) return;
    this.entries.set(key, { stamp, body });
    this.bytes += body.length;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.body.length;
    }
  }
}
