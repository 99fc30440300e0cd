import type { ArmConnection } from '../arm/clients.js';
import { RT } from '../arm/resource-types.js';
import { bodyType } from './flatten.js';
import { keepGatewayNetworks } from './gateways.js';
import { readGraphRows, type GraphReadStats } from './graph-reader.js';
import { PermissionReader } from './permissions.js';
import type { SubscriptionReader } from './reader.js';
import type { ArmResource, InventoryProgress, PermissionEntry } from './types.js';
import { readHubChildren } from './vwan.js';

/** Progress scope of the Resource Graph pages (tenant-level: they belong to no single subscription). */
export const GRAPH_PROGRESS_SCOPE = '/providers/Microsoft.ResourceGraph';

/** Types whose resource groups get a permissions read (where the caller would act: circuits, gateways, hubs). */
const PERMISSION_ANCHORS = new Set<string>([RT.circuit, RT.vnetGateway, RT.hub, RT.erGateway]);

/** What one subscription has received so far from the pages, until every page is in. */
interface Pending {
  reader: SubscriptionReader;
  perms?: PermissionReader;
  rows: number;
  gateways: ArmResource[];
  vnets: ArmResource[];
  publicIps: ArmResource[];
  dependents: Array<Promise<unknown>>;
}

/** Options of a Resource Graph inventory pass. */
export interface GraphInventoryOptions {
  signal?: AbortSignal;
  onProgress?: (p: InventoryProgress) => void;
  /** Read the caller's permissions for resource groups holding circuits, gateways and hubs (default true). */
  permissions?: boolean;
  stats?: GraphReadStats;
}

/**
 * Reads every subscription through Resource Graph: a handful of 1,000-row pages instead of ~40 ARM lists per
 * subscription. Each page is dispatched as it lands (hubs start their route-table lists, anchor resource groups their
 * permissions reads) so dependent ARM calls overlap the remaining pages. ARG says nothing about subscriptions it could
 * not read, so a subscription with no rows gets one ARM list to tell "empty" from "forbidden". Throws when ARG itself
 * fails, so the caller can fall back to ARM lists.
 */
export async function readEstateFromGraph(conn: ArmConnection, readers: readonly SubscriptionReader[], opts: GraphInventoryOptions = {}): Promise<PermissionEntry[]> {
  const bySub = new Map<string, Pending>();
  for (const reader of readers) {
    bySub.set(reader.subscriptionId.toLowerCase(), {
      reader, rows: 0, gateways: [], vnets: [], publicIps: [], dependents: [],
      ...(opts.permissions === false ? {} : { perms: new PermissionReader(reader) }),
    });
  }
  const dispatch = (rows: ArmResource[]): void => {
    for (const row of rows) {
      const sub = /^\/subscriptions\/([^/]+)/i.exec(row.id)?.[1]?.toLowerCase();
      const p = sub ? bySub.get(sub) : undefined;
      if (!p) continue;
      p.rows += 1;
      const type = bodyType(row);
      if (type === RT.vnet) p.vnets.push(row);
      else if (type === RT.publicIp) p.publicIps.push(row);
      else p.reader.keep([row]);
      if (type === RT.vnetGateway) p.gateways.push(row);
      if (type === RT.hub) p.dependents.push(readHubChildren(p.reader, row));
      if (PERMISSION_ANCHORS.has(type)) p.perms?.askFor([row]);
    }
  };
  const report = (done: number, total: number) => opts.onProgress?.({ scope: GRAPH_PROGRESS_SCOPE, done, total });
  try {
    await readGraphRows(conn, readers.map((r) => r.subscriptionId), {
      onRows: dispatch,
      onPage: report,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.stats ? { stats: opts.stats } : {}),
    });
  } catch (err) {
    // Let reads already started finish (or fail) quietly before the caller falls back and starts over.
    await Promise.allSettled([...bySub.values()].flatMap((p) => [...p.dependents, p.perms?.settle()]));
    throw err;
  }
  const out: PermissionEntry[] = [];
  await Promise.all(
    [...bySub.values()].map(async (p) => {
      keepGatewayNetworks(p.reader, p.gateways, p.vnets, p.publicIps);
      if (p.rows === 0) {
        // ARG drops unreadable subscriptions without a sign: one cheap ARM list records a 403 as a forbidden scope.
        const r = p.reader;
        await r.list('resourceGroups', r.scope, (o) => r.conn.resources(r.subscriptionId).resourceGroups.list(o));
      }
      await Promise.all(p.dependents);
      if (p.perms) {
        await p.perms.settle();
        out.push(...p.perms.entries);
      }
    }),
  );
  return out;
}
