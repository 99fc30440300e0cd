import type { FullOperationResponse, OperationOptions } from '@azure/core-client';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
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

/** API version of Microsoft.Network GETs by id (the one @azure/arm-network 36 speaks). */
export const NETWORK_API_VERSION = '2025-05-01';

/** What an ARM GET by id answered: the status and the parsed body (an error body for 4xx/5xx), never thrown for HTTP. */
export interface GetByIdResult {
  status: number;
  body: unknown;
}

/**
 * GETs any Microsoft.Network resource by its id through the connection's SDK pipeline (credential, retries, counting,
 * per-subscription limit). Used where the type is only known from a reference, so no typed SDK operation applies.
 */
export async function getById(conn: ArmConnection, id: string, signal?: AbortSignal): Promise<GetByIdResult> {
  const sub = /^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '';
  const request = createPipelineRequest({ url: `${conn.endpoint}${id}?api-version=${NETWORK_API_VERSION}`, method: 'GET', ...(signal ? { abortSignal: signal } : {}) });
  const res = await conn.limit(sub)(() => conn.generic().sendRequest(request));
  const parsed = (res as { parsedBody?: unknown }).parsedBody;
  let body: unknown = parsed;
  if (body === undefined && res.bodyAsText) {
    try {
      body = JSON.parse(res.bodyAsText);
    } catch {
      body = undefined;
    }
  }
  return { status: res.status, body };
}
