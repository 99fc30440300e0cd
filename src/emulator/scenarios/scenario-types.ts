import type { ArmResource } from '../../arm/arm-resource.js';

/** One raw ARM body as a scenario stores it: the same shape the product reads (the emulator serves it on GET). */
export type ScenarioResource = ArmResource;

/** One ARP row as `listArpTable` returns it. */
export interface ArpRow {
  age: number;
  interface: string;
  ipAddress: string;
  macAddress: string;
}

/** One MSEE route row as `listRoutesTable` returns it. */
export interface RouteRow {
  network: string;
  nextHop: string;
  locPrf: string;
  weight: number;
  path: string;
}

/** One BGP neighbor row as `listRoutesTableSummary` returns it; `statePfxRcd` is a state name or a prefix count. */
export interface RouteSummaryRow {
  neighbor: string;
  v: number;
  as: number;
  upDown: string;
  statePfxRcd: string;
}

/** Traffic counters as `getStats` / `getPeeringStats` return them. */
export interface CircuitStats {
  primarybytesIn: number;
  primarybytesOut: number;
  secondarybytesIn: number;
  secondarybytesOut: number;
  ratePerSecond?: number;
}

/** VNet/VPN gateway BGP peer as `getBgpPeerStatus` returns it. */
export interface BgpPeerRow {
  localAddress: string;
  neighbor: string;
  asn: number;
  state: 'Unknown' | 'Stopped' | 'Idle' | 'Connecting' | 'Connected';
  connectedDuration: string;
  routesReceived: number;
  messagesSent: number;
  messagesReceived: number;
}

/** Gateway route as `getLearnedRoutes` / `getAdvertisedRoutes` return it. */
export interface GatewayRouteRow {
  localAddress: string;
  network: string;
  nextHop: string;
  sourcePeer: string;
  origin: string;
  asPath: string;
  weight: number;
}

/** Per device path (primary/secondary) rows of one diagnostic table. */
export interface DevicePaths<T> {
  primary: T[];
  secondary: T[];
}

/** Canned answers for the diagnostic POST/GET actions of one resource (peering, circuit or gateway). */
export interface ScenarioDiagnostics {
  arpTable?: DevicePaths<ArpRow>;
  routesTable?: DevicePaths<RouteRow>;
  routesTableSummary?: DevicePaths<RouteSummaryRow>;
  stats?: CircuitStats;
  bgpPeers?: BgpPeerRow[];
  learnedRoutes?: GatewayRouteRow[];
  advertisedRoutes?: GatewayRouteRow[];
}

/** A timed merge-patch the emulator applies to a resource (top-level or embedded child) after start. */
export interface TimelineEvent {
  atSeconds: number;
  patch: { id: string; properties?: Record<string, unknown>; [extra: string]: unknown };
}

/** A fault deliberately placed in a scenario, so check tests can assert the finding appears on that resource. */
export interface PlantedFault {
  ruleId: string;
  resourceId: string;
  note: string;
}

/** The caller's effective permissions at one scope (subscription or resource group). */
export interface ScenarioPermission {
  scope: string;
  actions: string[];
  notActions: string[];
}

/** A whole emulator scenario: the file shape the emulator loads (see the team brief). */
export interface Scenario {
  name: string;
  tenantId: string;
  description: string;
  subscriptions: Array<{ subscriptionId: string; displayName: string }>;
  resources: ScenarioResource[];
  permissions: ScenarioPermission[];
  /** Subscription (or resource-group) ids the caller may not read; the emulator answers 403 for them. */
  forbidden: string[];
  diagnostics: Record<string, ScenarioDiagnostics>;
  timeline: TimelineEvent[];
  plantedFaults: PlantedFault[];
}
