import type { MultiDirectedGraph } from 'graphology';
import type { ArmResource, InventoryIssue, PermissionEntry, SourceInfo, SubscriptionInfo } from '../inventory/types.js';

/**
 * Why a referenced resource is only a stub: it does not exist (404), the caller cannot see its scope, or it is of a
 * type erscope does not read (a NIC, a firewall, a VNet without a gateway) so nothing is claimed about it.
 */
export type StubKind = 'missing' | 'no-access' | 'unread';

/** Attributes of one graph node; the node key is the lower-cased ARM id. */
export interface NodeAttrs {
  /** Original-case ARM id for display and API calls. */
  id: string;
  /** Canonical lower-cased type (see RT). */
  type: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location?: string;
  /** Short status: connection status, peering state, provider state or provisioning state. */
  status: string;
  stub?: StubKind;
  /** The ARM body; for stubs a minimal `{id,name,type}`. */
  body: ArmResource;
}

/** Attributes of one edge, declared by the edge table. */
export interface EdgeAttrs {
  relation: string;
  /** JSON path in the source body the reference came from, e.g. properties.virtualNetworkGateway1.id, or "(parent)". */
  path: string;
  /** The id as the body wrote it, when the edge points at the resource holding it (a gateway's IP configuration). */
  ref?: string;
}

/** The topology graph every consumer (checks, UI, reports, status, actions) reads. */
export type TopologyGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;

/** One row of the declarative edge table. */
export interface EdgeRule {
  from: string;
  /** Dotted path into the body; `[]` iterates arrays, e.g. properties.ipConfigurations[].properties.subnet.id */
  path: string;
  /** Expected target type (used to type stub nodes). */
  to: string;
  relation: string;
}

/** Versioned, secret-free JSON snapshot: the offline source for every command. */
export interface Snapshot {
  schemaVersion: 1;
  generatedAt: string;
  erscopeVersion: string;
  source: SourceInfo;
  subscriptions: SubscriptionInfo[];
  nodes: NodeAttrs[];
  edges: Array<{ source: string; target: string } & EdgeAttrs>;
  issues: InventoryIssue[];
  permissions: PermissionEntry[];
  forbiddenScopes: string[];
}
