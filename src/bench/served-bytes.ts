/**
 * Counts, at the server, the body bytes of every response it sends, as sent (compressed when the
 * server compresses). The benchmark's search figure used the browser's own report for each request,
 * and Chromium reports nothing for what a worker loads: Pagefind's worker script (about 12 KB
 * compressed) was counted as 0 bytes. Counted here, every request made by the page, its workers or
 * its fetches is in the total, whichever part of the browser made it.
 */
import type { Server } from 'node:http';

export interface ServedFile {
  /** The path asked for, without the query. */
  path: string;
  bytes: number;
}

export interface ServedBytes {
  /** Everything served since the last call, in the order the responses finished; starts afresh. */
  take(): ServedFile[];
}

const length = (chunk: unknown, encoding?: unknown): number =>
  chunk === undefined || chunk === null || typeof chunk === 'function' ? 0 : typeof chunk === 'string' ? Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : (chunk as Uint8Array).byteLength;

export function countServedBytes(server: Server): ServedBytes {
  let served: ServedFile[] = [];
  // Installed before the server's own handler, so the first byte it writes is seen.
  server.prependListener('request', (req, res) => {
    const file: ServedFile = { path: (req.url ?? '/').split('?')[0] ?? '/', bytes: 0 };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    res.write = ((...args: unknown[]) => {
      file.bytes += length(args[0], args[1]);
      return write(...args);
    }) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      file.bytes += length(args[0], args[1]);
      return end(...args);
    }) as typeof res.end;
    res.on('finish', () => served.push(file));
  });
  return {
    take() {
      const out = served;
      served = [];
      return out;
    },
  };
}
