import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends bytes exactly as given (request line, headers, body) over a fresh socket and reads the
 * answer until the server closes it. Node's own client refuses what hostile clients send (NUL or
 * raw `..` in a path, invalid UTF-8 in a request line), so the fixed fuzz corpus goes through here.
 */
export function sendRaw(port: number, request: Buffer | string, timeoutMs = 10_000): Promise<RawResponse> {
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      fail(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', (e) => {
      // A reset after a complete answer (the server closing a connection it refused) is an answer.
      if (chunks.length === 0) {
        clearTimeout(timer);
        fail(e);
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const head = end < 0 ? text : text.slice(0, end);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      let body = end < 0 ? '' : Buffer.from(text.slice(end + 4), 'latin1').toString('utf8');
      // Chunked answers: join the chunks (the fuzz corpus only needs the JSON back).
      if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = body.replace(/(?:^|\r\n)[0-9a-f]+\r\n/gi, '').replace(/\r\n$/, '');
      ok({ status, headers, body });
    });
    socket.write(request);
  });
}

/** A request with `Connection: close` so the answer ends with the socket. */
export function rawRequest(method: string, target: string, headers: Record<string, string> = {}, body?: Buffer | string): Buffer {
  const bytes = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  if (bytes) lines.push(`Content-Length: ${bytes.length}`);
  // latin1 keeps each header character one byte: header bytes >0x7F are sent as given.
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return bytes ? Buffer.concat([head, bytes]) : head;
}
