import { ServiceClient } from '@azure/core-client';
import { createPipelineRequest, RestError, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';

/** API version of the Resource Graph query API (stable; 2021-03-01 and 2022-10-01 answer the same shape). */
export const RESOURCE_GRAPH_API_VERSION = '2024-04-01';
/** ARG's page-size ceiling (`$top` 1–1000). */
export const RESOURCE_GRAPH_MAX_TOP = 1000;

/** One Resource Graph query page request. */
export interface GraphQuery {
  query: string;
  /** Subscription ids the query covers (REST callers must list them; ARG silently drops the unreadable ones). */
  subscriptions: string[];
  top?: number;
  skip?: number;
  skipToken?: string;
  signal?: AbortSignal;
}

/** One page of rows, with the paging and quota facts the reader plans the next requests from. */
export interface GraphPage {
  rows: Array<Record<string, unknown>>;
  /** Rows the whole query matches (all pages). */
  totalRecords: number;
  /** Rows on this page. */
  count: number;
  skipToken?: string;
  /** `x-ms-user-quota-remaining`: queries left in the current window, when the service says. */
  quotaRemaining?: number;
  /** `x-ms-user-quota-resets-after` in milliseconds, when the service says. */
  quotaResetsAfterMs?: number;
}

/** `hh:mm:ss` (ARG's quota reset header) → milliseconds; undefined when absent or malformed. */
export function parseResetsAfter(v: string | undefined): number | undefined {
  const m = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(v?.trim() ?? '');
  if (!m) return undefined;
  return Math.round(((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000);
}

function errorFrom(status: number, text: string, exchange: { request: PipelineRequest; response: PipelineResponse }): RestError {
  let code: string | undefined;
  let message = `Resource Graph answered HTTP ${status}`;
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string; details?: Array<{ code?: string; message?: string }> } };
    code = body.error?.code;
    const detail = body.error?.details?.find((d) => d.message)?.message;
    message = [body.error?.message, detail].filter(Boolean).join(' ') || message;
  } catch {
    // Not JSON (a proxy page): keep the status line.
  }
  return new RestError(message, { statusCode: status, ...(code ? { code } : {}), ...exchange });
}

/**
 * Sends one Resource Graph query page through the connection's SDK pipeline (credential, retries with Retry-After,
 * request counting, the emulator's CA) and returns its rows. Non-2xx answers throw a RestError like every SDK call,
 * so callers classify them the same way (403 forbidden, 429 throttled, …).
 */
export async function queryResourceGraph(client: ServiceClient, endpoint: string, q: GraphQuery): Promise<GraphPage> {
  const options: Record<string, unknown> = { resultFormat: 'objectArray', $top: Math.min(RESOURCE_GRAPH_MAX_TOP, Math.max(1, q.top ?? RESOURCE_GRAPH_MAX_TOP)) };
  if (q.skip) options.$skip = q.skip;
  if (q.skipToken) options.$skipToken = q.skipToken;
  const request = createPipelineRequest({
    url: `${endpoint}/providers/Microsoft.ResourceGraph/resources?api-version=${RESOURCE_GRAPH_API_VERSION}`,
    method: 'POST',
    body: JSON.stringify({ subscriptions: q.subscriptions, query: q.query, options }),
    ...(q.signal ? { abortSignal: q.signal } : {}),
  });
  request.headers.set('Content-Type', 'application/json');
  const res = await client.sendRequest(request);
  const text = res.bodyAsText ?? '';
  if (res.status < 200 || res.status >= 300) throw errorFrom(res.status, text, { request, response: res });
  let body: { data?: unknown; totalRecords?: unknown; count?: unknown; $skipToken?: unknown };
  try {
    // core-client's pipeline has already parsed a JSON body once: reuse it (a 1,000-row page is ~1.5 MB).
    body = ((res as { parsedBody?: unknown }).parsedBody ?? JSON.parse(text)) as typeof body;
  } catch {
    throw new RestError('Resource Graph answered with a body that is not JSON', { statusCode: res.status, code: 'InvalidResponse', request, response: res });
  }
  if (!Array.isArray(body.data)) {
    throw new RestError('Resource Graph answered without a `data` array (was resultFormat objectArray honoured?)', { statusCode: res.status, code: 'InvalidResponse', request, response: res });
  }
  const rows = body.data.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object' && !Array.isArray(r));
  const remaining = Number(res.headers.get('x-ms-user-quota-remaining'));
  const resets = parseResetsAfter(res.headers.get('x-ms-user-quota-resets-after'));
  return {
    rows,
    totalRecords: Number(body.totalRecords ?? rows.length),
    count: Number(body.count ?? rows.length),
    ...(typeof body.$skipToken === 'string' && body.$skipToken ? { skipToken: body.$skipToken } : {}),
    ...(Number.isFinite(remaining) && res.headers.has('x-ms-user-quota-remaining') ? { quotaRemaining: remaining } : {}),
    ...(resets !== undefined ? { quotaResetsAfterMs: resets } : {}),
  };
}
