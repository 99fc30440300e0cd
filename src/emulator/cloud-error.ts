import type { ServerResponse } from 'node:http';

/** An ARM error response; thrown anywhere in a handler and rendered once as a CloudError body. */
export class CloudError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { target?: string; details?: unknown[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }

  /** The `{ error: { code, message, target?, details? } }` body ARM sends. */
  body(): { error: Record<string, unknown> } {
    const error: Record<string, unknown> = { code: this.code, message: this.message };
    if (this.extra.target) error.target = this.extra.target;
    if (this.extra.details) error.details = this.extra.details;
    return { error };
  }
}

/** 404 for a resource id that is not in the store. */
export function resourceNotFound(type: string, id: string): CloudError {
  const name = id.split('/').pop();
  return new CloudError(404, 'ResourceNotFound', `The Resource '${type}/${name}' under resource group was not found.`, {
    target: id,
  });
}

/** 400 for a body ARM cannot parse or that violates a service rule. */
export function badRequest(code: string, message: string, target?: string): CloudError {
  return new CloudError(400, code, message, target ? { target } : {});
}

/** Writes a JSON body with the standard ARM headers. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : body instanceof RawJson ? body.text : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-ms-request-id': cryptoId(),
    ...headers,
    'content-length': Buffer.byteLength(text).toString(),
  });
  res.end(text);
}

/** A body already serialised (Resource Graph pages are joined from cached row text instead of re-stringified). */
export class RawJson {
  constructor(readonly text: string) {}
}

let seq = 0;
function cryptoId(): string {
  seq += 1;
  return `emu-${process.pid}-${seq}`;
}
