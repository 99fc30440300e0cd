import { RT } from '../arm/resource-types.js';
import { typeFromId } from './flatten.js';
import type { ArmResource } from './types.js';

/**
 * Top-level families Resource Graph indexes in its `Resources` table (domain.md 9.4). Their children (peerings,
 * authorizations, Global Reach connections, vWAN connections, site links, subnets, filter rules) arrive embedded in
 * the parent's properties, exactly as in the ARM lists; hub route tables are not indexed and still cost an ARM list.
 */
export const GRAPH_FAMILIES: readonly string[] = [
  RT.circuit, RT.port, RT.routeFilter,
  RT.vnetGateway, RT.connection, RT.localGateway, RT.vnet, RT.publicIp,
  RT.vwan, RT.hub, RT.erGateway, RT.vpnGateway, RT.vpnSite,
];

/** Columns that make an ARM body; ARG-only columns (resourceGroup, subscriptionId, tenantId) are left out on purpose. */
const COLUMNS = ['id', 'name', 'type', 'location', 'tags', 'sku', 'zones', 'kind', 'properties'] as const;

const quote = (s: string): string => `'${s.replace(/'/g, "\\'")}'`;

/**
 * The one query the inventory sends: every family in one table scan, projected to ARM-body columns and ordered by id
 * (ARG pages deterministically only under an `order by` on a non-dynamic column, domain.md 9.2).
 */
export function familyQuery(types: readonly string[] = GRAPH_FAMILIES): string {
  return `Resources | where type in~ (${types.map(quote).join(', ')}) | project ${COLUMNS.join(', ')} | order by id asc`;
}

/**
 * Turns one ARG row into the ARM body the rest of erscope reads: ARG lower-cases `type`, so the ARM spelling is taken
 * back from the id (reports and snapshots then look the same whichever reader ran), and null columns are dropped as
 * ARM omits absent fields. ARG rows carry no etag: writes re-read the target from ARM before sending (see actions).
 */
export function armBodyFromRow(row: Record<string, unknown>): ArmResource | undefined {
  if (typeof row.id !== 'string' || row.id === '') return undefined;
  const body: Record<string, unknown> = {};
  for (const c of COLUMNS) {
    const v = row[c];
    if (v === null || v === undefined || v === '') continue;
    if ((c === 'tags' || c === 'zones') && typeof v === 'object' && Object.keys(v as object).length === 0) continue;
    body[c] = v;
  }
  body.type = typeFromId(row.id) ?? row.type;
  return body as ArmResource;
}
