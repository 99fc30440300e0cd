import { DOCS } from '../docs.js';
import type { Constraint } from './types.js';

const c = (id: string, fact: string, source: string, ruleIds: string[], unreadable?: string): Constraint => ({ id, area: 'expressroute', fact, source, ruleIds, ...(unreadable ? { unreadable } : {}) });

/** ExpressRoute constraints (circuits, peerings, authorizations, gateways, Global Reach, vWAN ER gateways), domain.md §1, §2, §4, §5. */
export const CONSTRAINTS_EXPRESSROUTE: Constraint[] = [
  // Circuits
  c('er-circuit-provider-state', 'Peering configuration needs serviceProviderProvisioningState = Provisioned; NotProvisioned circuits are still billed.', DOCS.workflows, ['circuit-not-provisioned']),
  c('er-circuit-enabled', 'Verify circuit provisioning: circuitProvisioningState = Enabled.', DOCS.erTsg, ['circuit-provisioning-disabled']),
  c('er-circuit-delete-state', 'You cannot delete a circuit in Provisioning or Provisioned; ask the provider to deprovision first.', DOCS.workflows, [], 'A rule about an operation (delete), not a state; erscope does not delete circuits.'),
  c('er-circuit-mtu', 'MTU is 1,400 bytes; ER gateways do not support fragmented packets.', DOCS.erFaq, [], 'Data-plane packet size; no ARM property carries it.'),
  // Peerings
  c('er-peering-enabled', 'Validate peering configuration: peering state = Enabled.', DOCS.erTsg, ['peering-disabled']),
  c('er-peering-asn', 'Private peering ASNs may be public or private except 65515-65520; 64496-64511 are not allowed in the AS path; a private ASN on Microsoft peering needs manual validation.', DOCS.routing, ['peering-asn-reserved']),
  c('er-peering-subnets', 'IPv4: two /30s (primary and secondary); IPv6: two /126s. Microsoft peering must use public IPs you own; RFC 1918 is not allowed.', DOCS.routing, ['peering-prefix-invalid', 'peering-prefix-overlap']),
  c('er-peering-vlan-unique', 'The VLAN ID must be unique among the peerings of one circuit.', DOCS.peerPortal, ['peering-vlan-duplicate']),
  c('er-peering-vlan-range', 'No Microsoft-documented numeric range for vlanId (domain.md §5.2 NOT FOUND).', DOCS.peerPortal, [], 'The range is not documented by Microsoft (the spec has no bounds), so no rule may cite one.'),
  c('er-peering-md5', 'MD5 shared key: optional, maximum 25 characters, alphanumeric only.', DOCS.peerPortal, ['peering-md5-invalid']),
  c('er-peering-md5-match', 'The MD5 key must match on the customer router.', DOCS.peerPortal, [], 'The on-premises router configuration is not an ARM resource.'),
  c('er-peering-both-sessions', 'Both BGP sessions (primary and secondary) must be up for the availability SLA.', DOCS.routing, [], 'BGP session state is runtime (routeTablesSummary POST), not part of the peering body.'),
  c('er-ms-peering-route-filter', 'Microsoft peering circuits set up after 1 Aug 2017 advertise no prefixes until a route filter is attached.', DOCS.peerPortal, ['ms-peering-no-route-filter']),
  c('er-ms-peering-validation', 'advertisedPublicPrefixesState must be Configured; ValidationNeeded means Microsoft could not confirm you own the prefixes.', DOCS.peerPortal, ['ms-peering-prefix-validation']),
  c('er-private-prefix-limit', 'Private peering accepts 4,000 IPv4 prefixes from on-premises (10,000 with Premium) and 100 IPv6; over the limit the BGP session drops.', DOCS.routing, [], 'The count of prefixes received is runtime (route table summary), not in the peering body.'),
  c('er-ms-prefix-limit', 'Microsoft peering accepts 200 prefixes per BGP session.', DOCS.routing, [], 'Prefixes received are runtime state; advertisedPublicPrefixes lists what you intend, not what the router sends.'),
  c('er-bgp-timers', 'BGP timers: hold time 180 s, keepalive 60 s (Microsoft side).', DOCS.routing, [], 'Fixed by Microsoft; the customer side lives on the router.'),
  // Authorizations
  c('er-auth-cross-subscription', 'A link to a circuit in another subscription redeems an authorization key the circuit owner created.', DOCS.linkArm, ['auth-key-missing-cross-subscription']),
  c('er-auth-one-connection', 'An authorization is valid for only one connection.', DOCS.linkArm, ['auth-key-unmatched']),
  c('er-auth-not-reusable', 'Deleting the connection does not make the same key usable again; create a new key for the new connection.', DOCS.authReuse, ['auth-orphaned-in-use']),
  c('er-auth-limit', 'As many as 10 authorizations for each circuit.', DOCS.authPowershell, ['auth-limit']),
  c('er-auth-revoke-deletes-links', 'Revoking (deleting) an authorization deletes the links that used it.', DOCS.linkArm, [], 'Describes what a delete does; erscope shows it in the write plan rather than as a finding.'),
  // Gateways
  c('er-gateway-type', "The ExpressRoute gateway uses the GatewayType 'ExpressRoute', not VPN.", DOCS.linkArm, ['gateway-type-mismatch']),
  c('er-gateway-circuit-limit', 'Max circuit connections: Standard/ErGw1Az 4, HighPerformance/ErGw2Az 8, UltraPerformance/ErGw3Az 16, ErGwScale 4/8/16 by scale units; at most 4 circuits from one peering location.', DOCS.erGateway, ['gateway-circuit-limit']),
  c('er-gateway-fastpath-sku', 'FastPath needs UltraPerformance, ErGw3Az, or ErGwScale with at least 10 scale units.', DOCS.erGateway, ['gateway-fastpath-unsupported']),
  c('er-gateway-zone-redundant', 'Zone-redundant ER gateway VMs are spread across at least 3 availability zones (AZ SKUs and ErGwScale).', DOCS.reliabilityGateway, ['gateway-not-zone-redundant']),
  c('er-gateway-basic-vpn', 'Basic VPN gateways: no BGP, no custom IPsec policy, no active-active; they cannot coexist with an ExpressRoute gateway.', DOCS.vpnFaq, ['gateway-basic-sku']),
  c('er-gateway-routes-learned', 'Routes learned: 4,000 (Standard/ErGw1Az), 9,500 for the larger SKUs and ErGwScale.', DOCS.erFaq, [], 'The number of learned routes is runtime (getLearnedRoutes), not a gateway property.'),
  c('er-gateway-sku-change-family', 'SKU changes are only possible within the same family (non-AZ to non-AZ, AZ to AZ).', DOCS.erGateway, [], 'A rule about a change, not a state; the create/resize plan is where it applies.'),
  c('er-fastpath-ip-limits', 'FastPath IP limits: Direct 100 Gbps 200,000; Direct 10 Gbps 100,000; provider circuits 25,000.', DOCS.fastPath, [], 'The number of IPs reached over FastPath is data-plane state.'),
  c('er-ergwscale-scale-time', 'A scale operation takes up to 30 min.', DOCS.erScale, [], 'Timing, not configuration.'),
  // Routing weight
  c('er-weight-range', 'routingWeight: valid range 0-32000, default 0.', DOCS.linkArm, ['weight-out-of-range']),
  c('er-weight-ecmp', 'With equal weights and attributes the gateway uses ECMP across circuits, up to 4 circuits.', DOCS.erFaq, ['weight-active-active-mismatch', 'weight-backup-equal']),
  c('er-weight-lpm', 'Longest prefix match wins before weight applies.', DOCS.optRouting, [], 'Prefix lengths advertised from on-premises are runtime routes, not ARM properties.'),
  // Resiliency
  c('er-gateway-redundancy', 'Advisor ExpressRouteGatewayRedundancy fires when the gateway has only 1 circuit.', DOCS.advisorReliability, ['single-circuit-on-gateway']),
  c('er-site-resiliency', 'Connections from the same peering location are not site-resilient.', DOCS.optRouting, ['single-peering-location']),
  // Global Reach
  c('er-gr-prefix', 'Each Global Reach connection needs an IPv4 /29 (IPv6 /125).', DOCS.grHowto, ['global-reach-prefix-invalid']),
  c('er-gr-prefix-overlap', 'The /29 must not overlap anything else (VNets, on-premises, peering subnets).', DOCS.grHowto, ['global-reach-prefix-overlap']),
  c('er-gr-local', 'Global Reach is not available on the Local SKU.', DOCS.grAbout, ['global-reach-local-sku']),
  c('er-gr-geopolitical', 'If the circuits are in different geopolitical regions, both must be Premium.', DOCS.grAbout, ['global-reach-geopolitical']),
  c('er-gr-link-pairs', 'A Global Reach link is one circuit connection that the peer peering lists back.', DOCS.specErc, ['connection-not-listed-on-peering', 'peering-lists-unknown-connection']),
  c('er-gr-transitive', 'Global Reach is not transitive: A-B plus B-C does not connect A-C.', DOCS.grAbout, [], 'Which sites are meant to reach each other is intent, not in any ARM body.'),
  c('er-gr-throughput', 'Global Reach throughput is capped by the smaller circuit.', DOCS.grAbout, [], 'A throughput behaviour, not a configuration that can be wrong.'),
  // Connections
  c('er-connection-status', 'connectionStatus: Unknown, Connecting, Connected, NotConnected; Global Reach: Connected, Connecting, Disconnected.', DOCS.specVng, ['connection-not-connected']),
];
