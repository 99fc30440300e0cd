import type { FullOperationResponse, OperationOptions } from '@azure/core-client';
import type { ArmResource } from './arm-resource.js';
import { listRaw, type RawOptions, type SdkListResult } from './raw-list.js';
import type { ArmConnection } from './clients.js';


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

/** The raw ARM bodies of every page of a list call (see listRaw, which also counts pages and takes a signal). */
export async function rawList(call: (options: RawOptions) => SdkListResult): Promise<ArmResource[]> {
  return (await listRaw(call)).items as ArmResource[];
}

/**
 * Runs a single-resource SDK call and returns the RAW body. Like listRaw it tells the SDK not to map a successful
 * response (live status polls this every few seconds: mapping and then re-parsing the text was work done twice).
 */
export async function rawGet<T = unknown>(call: (options: OperationOptions) => Promise<T>): Promise<ArmResource> {
  let body: unknown;
  await call({
    requestOptions: { shouldDeserialize: (res) => res.status < 200 || res.status >= 300 },
    onResponse: (raw) => void (body = raw.parsedBody ?? rawBody(raw)),
  });
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
