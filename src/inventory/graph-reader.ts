import type { ArmConnection } from '../arm/clients.js';
import { queryResourceGraph, RESOURCE_GRAPH_MAX_TOP, type GraphPage } from '../arm/resource-graph.js';
import { sleep } from '../sleep.js';
import { armBodyFromRow, familyQuery } from './graph-query.js';
import type { ArmResource } from './types.js';

/** Subscriptions per query: ARG's throttling guidance batches subscriptions into one query (its sample uses 100). */
export const GRAPH_SUBSCRIPTION_BATCH = 100;

/** Counts the benchmark and tests compare with the plan. */
export interface GraphReadStats {
  /** Query pages sent (each one costs a query from the ARG quota). */
  pages: number;
  /** Times a page waited for the quota window to reset. */
  quotaWaits: number;
}


/**
 * ARG's per-user query quota as the service reports it (`x-ms-user-quota-remaining` / `-resets-after`, domain.md
 * 9.3). Pages are taken from a local count so parallel pages never overrun a window; when it runs out, the next page
 * waits for the reset instead of collecting 429s.
 */
class GraphQuota {
  private remaining: number | undefined;
  private windowSize = 0;
  private resetAt = 0;
  private refilledFor = -1;
  waits = 0;

  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (this.remaining === undefined || this.remaining > 0) {
        if (this.remaining !== undefined) this.remaining -= 1;
        return;
      }
      this.waits += 1;
      await sleep(Math.max(10, this.resetAt - Date.now()), signal);
      // One refill per reset: later waiters wait for an answer from the new window to say when it resets.
      if (this.remaining === 0 && Date.now() >= this.resetAt && this.refilledFor !== this.resetAt) {
        this.refilledFor = this.resetAt;
        this.remaining = this.windowSize;
      }
    }
  }

  update(page: GraphPage): void {
    if (page.quotaRemaining === undefined) return;
    this.windowSize = Math.max(this.windowSize, page.quotaRemaining + 1);
    this.remaining = Math.min(this.remaining ?? page.quotaRemaining, page.quotaRemaining);
    if (page.quotaResetsAfterMs !== undefined) this.resetAt = Math.max(this.resetAt, Date.now() + page.quotaResetsAfterMs);
  }
}

/** Options of one Resource Graph read. */
export interface GraphReadOptions {
  signal?: AbortSignal;
  /** Called after every page with pages done and pages known so far (the total grows once page 1 says how many rows). */
  onPage?: (done: number, total: number) => void;
  /** Called with each page's bodies as it arrives, so dependent reads (hub route tables, permissions) start early. */
  onRows?: (rows: ArmResource[]) => void;
  stats?: GraphReadStats;
  query?: string;
  /** Rows per page (default and ARG maximum 1,000; tests use small pages to exercise paging). */
  pageSize?: number;
}

/**
 * Reads every row of the family query for these subscriptions: page 1 of each subscription batch at once, then — the
 * first page tells the total — every remaining page at once by `$skip` (the query is ordered by id, so pages are
 * stable), never more at a time than the quota allows. Errors propagate: the caller decides between an issue and
 * falling back to ARM lists.
 */
export async function readGraphRows(conn: ArmConnection, subscriptionIds: readonly string[], opts: GraphReadOptions = {}): Promise<ArmResource[]> {
  const client = conn.generic();
  const query = opts.query ?? familyQuery();
  const top = Math.min(RESOURCE_GRAPH_MAX_TOP, Math.max(1, opts.pageSize ?? RESOURCE_GRAPH_MAX_TOP));
  const quota = new GraphQuota();
  const stats = opts.stats ?? { pages: 0, quotaWaits: 0 };
  let done = 0;
  let known = 0;
  const fetchPage = async (subscriptions: string[], skip: number): Promise<GraphPage & { bodies: ArmResource[] }> => {
    await quota.take(opts.signal);
    const page = await queryResourceGraph(client, conn.resourceGraphEndpoint, { query, subscriptions, top, ...(skip ? { skip } : {}), ...(opts.signal ? { signal: opts.signal } : {}) });
    quota.update(page);
    stats.pages += 1;
    done += 1;
    const bodies: ArmResource[] = [];
    for (const row of page.rows) {
      const body = armBodyFromRow(row);
      if (body) bodies.push(body);
    }
    opts.onPage?.(done, known);
    opts.onRows?.(bodies);
    return { ...page, bodies };
  };
  const batches: string[][] = [];
  for (let i = 0; i < subscriptionIds.length; i += GRAPH_SUBSCRIPTION_BATCH) batches.push(subscriptionIds.slice(i, i + GRAPH_SUBSCRIPTION_BATCH));
  known = batches.length;
  opts.onPage?.(0, known);
  const perBatch = await Promise.all(
    batches.map(async (subs) => {
      const first = await fetchPage(subs, 0);
      const skips: number[] = [];
      for (let skip = first.rows.length; first.rows.length > 0 && skip < first.totalRecords; skip += top) skips.push(skip);
      known += skips.length;
      const rest = await Promise.all(skips.map((s) => fetchPage(subs, s)));
      return [first, ...rest].flatMap((p) => p.bodies);
    }),
  );
  stats.quotaWaits = quota.waits;
  return perBatch.flat();
}
