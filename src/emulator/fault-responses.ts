import type { ServerResponse } from 'node:http';
import type { MalformedAs } from './faults.js';

/** The ways an answer can go wrong on the wire after the emulator has worked out the right one. */
export type WireFault = { kind: 'slow-body'; bytesPerSecond: number } | { kind: 'truncate' } | { kind: 'malformed'; as: MalformedAs };

const PROXY_PAGE = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>corporate-proxy</center></body></html>\n';

/**
 * Sends `text` (the real JSON answer) the faulty way: trickled a few bytes at a time, cut off halfway with the
 * connection closed, or replaced by broken JSON, a text/plain copy, or a proxy's HTML error page.
 */
export function sendFaulty(res: ServerResponse, fault: WireFault, status: number, text: string, headers: Record<string, string>): void {
  const json = { 'content-type': 'application/json; charset=utf-8', ...headers };
  if (fault.kind === 'malformed') {
    if (fault.as === 'html') return void writeWhole(res, 502, { 'content-type': 'text/html' }, PROXY_PAGE);
    if (fault.as === 'content-type') return void writeWhole(res, status, { ...headers, 'content-type': 'text/plain' }, text || '{}');
    const broken = `${(text || '{"value":[{"id":"x"}]}').slice(0, Math.max(1, Math.floor((text || '{"value":[').length / 2)))}\u0000}}`;
    return void writeWhole(res, status, json, broken);
  }
  const bytes = Buffer.from(text || '{}');
  res.writeHead(status, { ...json, 'content-length': String(bytes.length) });
  if (fault.kind === 'truncate') {
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
    return;
  }
  // slow-body: a chunk every 100 ms at the given rate, until the body is out or the client gives up.
  const per = Math.max(1, Math.round(fault.bytesPerSecond / 10));
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed || res.socket?.destroyed) return void clearInterval(timer);
    res.write(bytes.subarray(sent, sent + per));
    sent += per;
    if (sent >= bytes.length) {
      clearInterval(timer);
      res.end();
    }
  }, 100);
  res.on('close', () => clearInterval(timer));
}

function writeWhole(res: ServerResponse, status: number, headers: Record<string, string>, text: string): void {
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}
