import type { FullOperationResponse, OperationOptions } from '@azure/core-client';

/** Options every SDK list call gets: the raw-response hook and the caller's abort signal. */
export type RawOptions = OperationOptions;

/** What an SDK list method returns: a paged iterator (most) or a single `{value}` promise (ER gateways/connections). */
export type SdkListResult = AsyncIterable<unknown> | PromiseLike<unknown>;

/** Result of one raw list: the untouched `value` items of every page, and how many pages (requests) it took. */
export interface RawListResult {
  items: Array<Record<string, unknown>>;
  pages: number;
}

/**
 * Runs one SDK list operation and returns the RAW ARM bodies of every page (`properties` nested, exactly as sent),
 * never the SDK's flattened models. It tells the SDK not to map successful responses at all (at 10,000 resources that
 * mapping was ~2 s of CPU), takes non-paged `{value}` calls and an abort signal, and counts pages.
 */
export async function listRaw(call: (options: RawOptions) => SdkListResult, signal?: AbortSignal): Promise<RawListResult> {
  const items: Array<Record<string, unknown>> = [];
  let pages = 0;
  const options: RawOptions = {
    ...(signal ? { abortSignal: signal } : {}),
    // Skip the SDK's model mapping on success (parsedBody stays the server's JSON, and paging still follows its
    // nextLink); error responses are still mapped, so 403/404/429 keep arriving as RestErrors.
    requestOptions: { shouldDeserialize: (res) => res.status < 200 || res.status >= 300 },
    onResponse: (raw: FullOperationResponse) => {
      if (raw.status < 200 || raw.status >= 300) return;
      pages += 1;
      const body = raw.parsedBody as { value?: unknown } | undefined;
      if (Array.isArray(body?.value)) {
        for (const v of body.value) if (v && typeof v === 'object' && !Array.isArray(v)) items.push(v as Record<string, unknown>);
      }
    },
  };
  const result = call(options);
  if (Symbol.asyncIterator in (result as object)) {
    const pagesIter = result as AsyncIterable<unknown> & { byPage?: () => AsyncIterable<unknown> };
    // Walk pages, not items: the SDK's per-item objects are not used, only the raw page bodies.
    for await (const _page of pagesIter.byPage ? pagesIter.byPage() : pagesIter) void _page;
  } else {
    await result;
  }
  return { items, pages };
}
