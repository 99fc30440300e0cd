import type { ServicePath } from '../../topology/service-paths.js';
import type { StubKind } from '../../topology/types.js';
import type { SourceKey } from './sources.js';

/** Microsoft's site-resiliency model a VNet or hub reaches (design-architecture-for-resiliency), or why none applies. */
export type ResiliencyModel = 'maximum' | 'high' | 'standard' | 'vpn-only' | 'none';

/** One circuit serving a target, with the facts the analysis compares. */
export interface ServingCircuit {
  id: string;
  name: string;
  /** Undefined when the circuit is a stub (missing or not readable). */
  peeringLocation?: string;
  /** Peering location without its site suffix ("London2" → "london"); circuits in one metro share it. */
  metro?: string;
  provider?: string;
  /** An ExpressRoute Metro circuit: one circuit whose two links land in two sites of one metro. */
  metroCircuit: boolean;
  /** False when the circuit or every connection to it cannot carry traffic now (not provisioned, disabled, not connected). */
  usable: boolean;
  /** Why it is not usable, in words. */
  down?: string;
  stub?: StubKind;
  /** Connections from the target's gateways to this circuit. */
  connectionIds: string[];
}

/** One gateway serving a target and how well it survives a zone outage. */
export interface ServingGateway {
  id: string;
  name: string;
  kind: 'expressroute' | 'vpn';
  /** SKU name, or "vWAN 2 SU" (scale units) for hub gateways. */
  sku: string;
  zoneRedundant: boolean;
  /** Share of the zone factor this gateway earns, 0..1 (Resiliency Insights ratios). */
  zoneScore: number;
  activeActive?: boolean;
}

/** A path that keeps on-premises reachable when the preferred peering location fails. */
export interface BackupPath {
  kind: 'second-location' | 'vpn' | 'global-reach';
  /** The circuit, VPN connection or Global Reach connection that provides it. */
  id: string;
  text: string;
}

/** Kinds of single point of failure the analysis names. */
export type SpofKind = 'one-circuit' | 'one-peering-location' | 'same-metro' | 'one-provider' | 'gateway-not-zone-redundant' | 'no-backup' | 'no-expressroute';

/** One named single point of failure. */
export interface Spof {
  kind: SpofKind;
  /** The resource that is the single point (circuit, gateway, location's circuits' first). */
  resourceId?: string;
  text: string;
}

/** One line of the score: what it measures, the points earned of the points possible, why, and the guidance behind it. */
export interface ScoreItem {
  factor: 'site' | 'circuits' | 'geo' | 'providers' | 'zones' | 'backup';
  points: number;
  max: number;
  reason: string;
  sources: SourceKey[];
}

/** The resiliency of one VNet (through its gateways) or one Virtual WAN hub. */
export interface ResiliencyTarget {
  id: string;
  kind: 'vnet' | 'hub';
  name: string;
  subscriptionId: string;
  location?: string;
  /** A spoke VNet without a gateway of its own: the VNet whose gateways it uses (peering with useRemoteGateways). */
  via?: string;
  /** 0..100, the sum of `items`. */
  score: number;
  model: ResiliencyModel;
  circuits: ServingCircuit[];
  /** Distinct known peering locations of usable circuits, sorted. */
  peeringLocations: string[];
  /** Distinct known providers of usable circuits, sorted. */
  providers: string[];
  gateways: ServingGateway[];
  backups: BackupPath[];
  spofs: Spof[];
  items: ScoreItem[];
  paths: ServicePath[];
}
