import type { ArmConnection } from '../arm/clients.js';
import { readCircuits, readPorts, readRouteFilters } from './circuits.js';
import { dedupeSorted } from './flatten.js';
import { keepGatewayNetworks, readResourceGroupGateways, startGatewayNetworkLists } from './gateways.js';
import { GRAPH_PROGRESS_SCOPE, readEstateFromGraph } from './graph-inventory.js';
import type { GraphReadStats } from './graph-reader.js';
import { isAbort, issueFromError, IssueSink } from './issues.js';
import { PermissionReader } from './permissions.js';
import { SubscriptionReader, type ReadStats } from './reader.js';
import { listSubscriptions, selectSubscriptions } from './subscriptions.js';
import type { ArmResource, Inventory, InventoryProgress, InventoryReader, PermissionEntry, SourceInfo, SubscriptionInfo } from './types.js';
import { readVpnGateways, readVpnSites } from './vpn.js';
import { readExpressRouteGateways, readHubs, readVirtualWans } from './vwan.js';

/** Options of collectInventory. */
export interface CollectOptions {
  /** Subscription ids or display names (case-insensitive); default: every subscription the caller can see. */
  subscriptions?: string[];
  onProgress?: (p: InventoryProgress) => void;
  signal?: AbortSignal;
  source: SourceInfo;
  /** Filled with list/page counts when given (benchmarks and tests compare them to the planned minimum). */
  stats?: ReadStats;
  /**
   * How to read: `graph` = Resource Graph pages plus the few ARM lists ARG cannot answer; `arm` = ARM lists only
   * (always current, ~40 requests per subscription); `auto` (default) = graph, falling back to arm when ARG fails.
   */
  reader?: InventoryReader | 'auto';
  /** Read the caller's permissions per anchor resource group (default true; the benchmark times the topology alone). */
  permissions?: boolean;
  /** Filled with Resource Graph page counts when the graph reader ran. */
  graphStats?: GraphReadStats;
}

/**
 * Reads one subscription: every subscription-wide family list starts at once; the resource-group list then fans out
 * to the three per-RG families; hubs fan out to their route tables; permissions follow the RGs that hold something.
 * Dependency depth: resource groups → per-RG gateway lists → permissions (3 levels after the subscription list).
 */
async function readSubscription(r: SubscriptionReader, withPermissions = true): Promise<PermissionEntry[]> {
  const perms = new PermissionReader(r);
  const ask = <T extends ArmResource[]>(p: Promise<T>): Promise<T> => (withPermissions ? p.then((res) => (perms.askFor(res), res)) : p);
  const rgs = r.list('resourceGroups', r.scope, (o) => r.conn.resources(r.subscriptionId).resourceGroups.list(o));
  const networks = startGatewayNetworkLists(r);
  const independent = Promise.all([
    ask(readCircuits(r)),
    readPorts(r),
    readRouteFilters(r),
    readVirtualWans(r),
    readHubs(r, (hubs) => perms.askFor(hubs)),
    ask(readExpressRouteGateways(r)),
    readVpnGateways(r),
    readVpnSites(r),
  ]);
  // Observed later; the no-op catches only stop an abort from surfacing as an unhandled rejection meanwhile.
  independent.catch(() => undefined);
  networks.vnets.catch(() => undefined);
  networks.publicIps.catch(() => undefined);
  const groups = await rgs;
  const gateways = (await Promise.all(groups.map((g) => ask(readResourceGroupGateways(r, g.name))))).flat();
  const [vnets, publicIps] = await Promise.all([networks.vnets, networks.publicIps]);
  keepGatewayNetworks(r, gateways, vnets, publicIps);
  await independent;
  await perms.settle();
  return perms.entries;
}

/** One attempt's readers and issue sink (a fallback from Resource Graph to ARM starts a fresh one). */
function newPass(conn: ArmConnection, subscriptions: SubscriptionInfo[], stats: ReadStats, opts: CollectOptions): { sink: IssueSink; readers: SubscriptionReader[] } {
  const sink = new IssueSink();
  const readers = subscriptions.map((s) => new SubscriptionReader(conn, s.subscriptionId, sink, stats, opts.onProgress, opts.signal));
  return { sink, readers };
}


/**
 * Reads every hybrid-connectivity family of every subscription in scope with the fewest requests: Resource Graph pages
 * plus the ARM calls ARG cannot answer (default), or ARM lists per family (`reader: 'arm'`, and the fallback when ARG
 * fails), in parallel under each subscription's concurrency limit. Partial failure is normal: each failed read becomes
 * an issue on its scope, forbidden scopes are recorded, the rest completes.
 */
export async function collectInventory(conn: ArmConnection, opts: CollectOptions): Promise<Inventory> {
  const startedAt = new Date().toISOString();
  const stats = opts.stats ?? { lists: 0, pages: 0 };
  const visible = await listSubscriptions(conn, opts.signal);
  stats.lists += 1;
  stats.pages += visible.pages;
  const subscriptions = selectSubscriptions(visible.subscriptions, opts.subscriptions);
  const mode = opts.reader ?? 'auto';
  let pass = newPass(conn, subscriptions, stats, opts);
  let reader: InventoryReader = mode === 'arm' ? 'arm' : 'graph';
  let readerNote: string | undefined;
  let permissions: PermissionEntry[] = [];
  if (reader === 'graph') {
    try {
      permissions = await readEstateFromGraph(conn, pass.readers, {
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.graphStats ? { stats: opts.graphStats } : {}),
        permissions: opts.permissions !== false,
      });
    } catch (err) {
      if (isAbort(err, opts.signal)) throw err;
      const issue = issueFromError(err, GRAPH_PROGRESS_SCOPE, 'resourceGraph');
      if (mode === 'graph') {
        pass.sink.add(issue);
      } else {
        // Start over on ARM lists: nothing half-read from the failed pass is kept.
        readerNote = `Resource Graph unavailable (${issue.code ?? issue.kind}: ${issue.message}); read through ARM lists instead`;
        reader = 'arm';
        pass = newPass(conn, subscriptions, stats, opts);
      }
    }
  }
  if (reader === 'arm') permissions = (await Promise.all(pass.readers.map((r) => readSubscription(r, opts.permissions !== false)))).flat();
  const { sink, readers } = pass;
  return {
    source: opts.source,
    reader,
    ...(readerNote ? { readerNote } : {}),
    subscriptions,
    resources: dedupeSorted(readers.flatMap((r) => r.resources)),
    issues: sink.issues(),
    permissions: permissions.sort((a, b) => a.scope.localeCompare(b.scope)),
    forbiddenScopes: sink.forbiddenScopes(),
    startedAt,
    finishedAt: new Date().toISOString(),
  };
}
