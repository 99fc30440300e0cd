import type { ArmResource } from '../arm/arm-resource.js';

/** Re-exported so consumers keep importing the raw body type from the inventory contract. */
export type { ArmResource };

/** Where data came from; shown in the TUI header and stamped on every report. */
export interface SourceInfo {
  kind: 'azure' | 'emulator' | 'snapshot';
  /** Human label: tenant id, emulator endpoint + scenario name, or snapshot file path. */
  label: string;
  endpoint?: string;
  tenantId?: string;
  scenario?: string;
}

/** A subscription in scope, with its display name for `@name` scoping. */
export interface SubscriptionInfo {
  subscriptionId: string;
  displayName: string;
  state?: string;
}

/** A scope that could not be read fully; inventory continues past it and callers show it. */
export interface InventoryIssue {
  /** ARM scope the issue is attached to: subscription, resource group or resource id. */
  scope: string;
  kind: 'forbidden' | 'not-found' | 'throttled' | 'failed';
  /** Resource family or operation being read, e.g. "expressRouteCircuits". */
  family?: string;
  code?: string;
  message: string;
}

/** The caller's effective permissions on one scope, as returned by Microsoft.Authorization/permissions. */
export interface PermissionEntry {
  scope: string;
  actions: string[];
  notActions: string[];
  dataActions?: string[];
  notDataActions?: string[];
}

/** Which read path produced an inventory: Resource Graph pages (plus a few ARM lists) or ARM lists only. */
export type InventoryReader = 'graph' | 'arm';

/** Everything read from a source in one pass. */
export interface Inventory {
  source: SourceInfo;
  /** How it was read (absent for snapshots written before readers existed). */
  reader?: InventoryReader;
  /** Why the reader differs from the one asked for (Resource Graph failed and ARM lists were used), shown to the user. */
  readerNote?: string;
  subscriptions: SubscriptionInfo[];
  resources: ArmResource[];
  issues: InventoryIssue[];
  /** Effective permissions per resource-group scope that holds circuits, gateways or hubs. */
  permissions: PermissionEntry[];
  /** Scopes (subscription or resource-group ids, lower-cased) the caller was refused; references into them become no-access stubs. */
  forbiddenScopes: string[];
  startedAt: string;
  finishedAt: string;
}

/** Progress of one scope (subscription) for progress bars and stderr progress lines. */
export interface InventoryProgress {
  scope: string;
  done: number;
  total: number;
}
