import { RESILIENCY_SOURCES as S } from '../resiliency/sources.js';
import type { Constraint } from './types.js';

const c = (id: string, fact: string, source: string, ruleIds: string[], unreadable?: string): Constraint => ({ id, area: 'resiliency', fact, source, ruleIds, ...(unreadable ? { unreadable } : {}) });

/**
 * Resiliency guidance (design-architecture-for-resiliency, the disaster-recovery and high-availability design pages,
 * Resiliency Insights, Advisor): what the `resiliency-` rules and the resiliency score (src/checks/resiliency) check.
 */
export const CONSTRAINTS_RESILIENCY: Constraint[] = [
  c('res-maximum-two-locations', 'Maximum resiliency: a pair of circuits across two distinct peering locations; standard resiliency (one location) is not recommended for business or mission-critical workloads.', S.maximum.url, ['single-peering-location', 'resiliency-no-backup-path']),
  c('res-geo-redundant-metro', 'For disaster recovery, set up circuits in multiple peering locations and regions; circuits in one metro share its disasters.', S.geoRedundancy.url, ['resiliency-circuits-same-metro']),
  c('res-diverse-providers', 'Use diverse service provider networks for the different circuits of a disaster-recovery design.', S.drDesign.url, ['resiliency-single-provider']),
  c('res-vpn-backup', 'A circuit that is not geo-redundant can be backed up by a site-to-site VPN (not for latency-sensitive, mission-critical or bandwidth-heavy traffic).', S.drSingleCircuit.url, ['resiliency-no-backup-path']),
  c('res-zone-redundant-gateway', 'Deploy ExpressRoute virtual network gateways zone-redundant; every VPN tier except Basic has a zone-redundant SKU.', S.zonalGateway.url, ['gateway-not-zone-redundant']),
  c('res-vpn-active-active', 'Advisor VNetGatewayActiveActive: enable active-active VPN gateways for redundancy.', S.advisorActiveActive.url, ['resiliency-vpn-active-standby']),
  c('res-multiple-circuits', 'Advisor ExpressRouteGatewayRedundancy: implement multiple ExpressRoute circuits for cross-premises resiliency.', S.advisorCircuits.url, ['single-circuit-on-gateway']),
  c('res-global-reach-dr', 'Advisor UseGlobalReachForDR: use Global Reach to improve the disaster-recovery design when circuits are peered in at least 2 locations.', S.advisorGlobalReach.url, [], 'Whether on-premises sites are meant to reach each other is intent; the resiliency view shows Global Reach links as backup paths and scores them, without a finding.'),
  c('res-active-active-links', 'Operate both connections of a circuit active-active; active-passive risks both failing after a failure on the active path.', S.haDesign.url, [], 'Which link carries traffic is decided by on-premises route advertisements (prefix length, AS-path prepend), not visible in ARM bodies.'),
  c('res-first-mile', 'Do not terminate the primary and secondary connections on the same customer device or port.', S.haDesign.url, [], 'Customer and provider equipment is not an ARM resource.'),
  c('res-bfd', 'Enable BFD on the customer edge to detect link failures in under a second.', S.haDesign.url, [], 'BFD is configured on the customer router; the Microsoft side has it on by default.'),
  c('res-validation-recency', 'Resiliency Insights weighs how recently a resiliency validation (failover) test ran.', S.insights.url, [], 'Test history comes from getFailoverAllTestsDetails, a runtime call, not the gateway body.'),
  c('res-test-standby', 'Circuits used as stand-by must be actively managed and their failover tested periodically.', S.drDesign.url, [], 'Failover test history is runtime (Resiliency Validation), not configuration.'),
];
