import { Transform, type TransformCallback } from 'node:stream';

/** The largest request body kept for a replay (one retry after a 401, or `OpenPipes-Retries`). */
export const REPLAY_LIMIT_BYTES = 64 * 1024;

/**
 * Passes a request body through unchanged while keeping a copy of its first 64 KiB, so a request
 * whose whole body fit can be sent again; a longer body is only streamed (never buffered), and the
 * request cannot be replayed.
 */
export class ReplayTap extends Transform {
  private chunks: Buffer[] = [];
  private size = 0;
  private ended = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size <= REPLAY_LIMIT_BYTES) this.chunks.push(chunk);
    else this.chunks = [];
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.ended = true;
    callback();
  }

  /** The whole body when it has been read to its end and fit the limit; null otherwise. */
  kept(): Buffer | null {
    return this.ended && this.size <= REPLAY_LIMIT_BYTES ? Buffer.concat(this.chunks) : null;
  }
}
