import type { FullOperationResponse, OperationOptions } from '@azure/core-client';
import type { ArmResource } from './arm-resource.js';
import type { ArmConnection } from './clients.js';

/** A paged SDK call (listAll, list(rg)...) taking per-call options. */
export type PagedCall = (options: OperationOptions) => { byPage(): AsyncIterableIterator<unknown[]> };

/** The JSON body exactly as the server sent it (core-client replaces parsedBody with the flattened SDK model). */
export function rawBody(raw: FullOperationResponse): unknown {
  if (typeof raw.bodyAsText === 'string' && raw.bodyAsText !== '') {
    try {
      return JSON.parse(raw.bodyAsText);
    } catch {
      return raw.parsedBody;
    }
  }
  return raw.parsedBody;
}

/** Runs a paged SDK call to the end and returns the RAW ARM bodies of every page (`properties` nested, nothing dropped). */
export async function rawList(call: PagedCall): Promise<ArmResource[]> {
  const out: ArmResource[] = [];
  const options: OperationOptions = {
    onResponse: (raw) => {
      const body = rawBody(raw) as { value?: unknown } | undefined;
      if (body && Array.isArray(body.value)) out.push(...(body.value as ArmResource[]));
    },
  };
  for await (const _page of call(options).byPage()) {
    // Pages are consumed for their side effect: onResponse already captured the raw bodies.
  }
  return out;
}

/** Runs a single-resource SDK call and returns the RAW body (and the SDK result, if the caller wants it). */
export async function rawGet<T = unknown>(call: (options: OperationOptions) => Promise<T>): Promise<ArmResource> {
  let body: unknown;
  await call({ onResponse: (raw) => void (body = rawBody(raw)) });
  return body as ArmResource;
}

/** Per-call options that send If-Match (the v36 ExpressRoute/VNG/VPN operations have no ifMatch option). */
export function ifMatchOptions(etag: string | undefined): OperationOptions {
  return etag ? { requestOptions: { customHeaders: { 'If-Match': etag } } } : {};
}

/** Per-call LRO options: the connection's poll interval (2 s against Azure, a few ms in tests). */
export function lroOptions(conn: Pick<ArmConnection, 'pollIntervalMs'>): { updateIntervalInMs: number } {
  return { updateIntervalInMs: conn.pollIntervalMs };
}
