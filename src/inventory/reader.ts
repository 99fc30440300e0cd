import type { ArmConnection } from '../arm/clients.js';
import { flattenAll } from './flatten.js';
import { isAbort, issueFromError, IssueSink } from './issues.js';
import { listRaw, type RawOptions, type SdkListResult } from '../arm/raw-list.js';
import type { ArmResource, InventoryProgress } from './types.js';

/** Statistics the benchmark and tests compare against the planned minimum. */
export interface ReadStats {
  /** List operations started (one per family per scope). */
  lists: number;
  /** Pages received (= successful requests). */
  pages: number;
}

/**
 * Everything one subscription's collectors share: its clients, its concurrency limit, the issue sink, progress and the
 * resources read so far. Every list goes through `list()`, so limits, progress and partial failure are handled once.
 */
export class SubscriptionReader {
  readonly resources: ArmResource[] = [];
  private done = 0;
  private total = 0;

  constructor(
    readonly conn: ArmConnection,
    readonly subscriptionId: string,
    private readonly sink: IssueSink,
    readonly stats: ReadStats,
    private readonly onProgress?: (p: InventoryProgress) => void,
    readonly signal?: AbortSignal,
  ) {}

  /** `/subscriptions/<id>`, the scope of subscription-wide lists. */
  get scope(): string {
    return `/subscriptions/${this.subscriptionId}`;
  }

  /**
   * Runs one list under the subscription's limit and returns its raw items (embedded children NOT yet flattened);
   * a failure becomes an issue on `scope` and yields [] so the rest of the inventory completes.
   */
  async list(family: string, scope: string, call: (o: RawOptions) => SdkListResult): Promise<ArmResource[]> {
    const items = await this.listValues(family, scope, call);
    return items.filter((v): v is ArmResource => typeof v.id === 'string') as ArmResource[];
  }

  /** Like `list` but keeps every value item, for lists whose items are not resources (permissions). */
  async listValues(family: string, scope: string, call: (o: RawOptions) => SdkListResult): Promise<Array<Record<string, unknown>>> {
    this.total += 1;
    this.stats.lists += 1;
    this.report();
    try {
      const res = await this.conn.limit(this.subscriptionId)(() => listRaw(call, this.signal));
      this.stats.pages += res.pages;
      return res.items;
    } catch (err) {
      if (isAbort(err, this.signal)) throw err;
      this.sink.add(issueFromError(err, scope, family));
      return [];
    } finally {
      this.done += 1;
      this.report();
    }
  }

  /** Lists and keeps the results (flattening embedded children into their own resources). */
  async collect(family: string, scope: string, call: (o: RawOptions) => SdkListResult): Promise<ArmResource[]> {
    const items = await this.list(family, scope, call);
    this.keep(items);
    return items;
  }

  /** Adds bodies (and their embedded children) to this subscription's resources. */
  keep(items: readonly ArmResource[]): void {
    for (const r of flattenAll(items)) this.resources.push(r);
  }

  private report(): void {
    this.onProgress?.({ scope: this.subscriptionId, done: this.done, total: this.total });
  }
}

/** Resource group name of an id, or '' (used to address per-RG and per-parent lists). */
export function rgOf(id: string): string {
  return /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';
}
