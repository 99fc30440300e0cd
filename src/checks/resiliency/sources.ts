/** A cited passage of Microsoft's documentation: the page and the words the scoring or a rule rests on. */
export interface Citation {
  url: string;
  quote: string;
}

/**
 * The guidance the resiliency analysis follows, quoted from the pages read (MicrosoftDocs/azure-docs and Learn, 2024–2026
 * versions; domain.md §1.2, §1.7, §10.1). Every score factor and every `resiliency-` rule names the citations it rests on.
 */
export const RESILIENCY_SOURCES = {
  /** Design and architect Azure ExpressRoute for resiliency: the three site-resiliency models. */
  maximum: {
    url: 'https://learn.microsoft.com/azure/expressroute/design-architecture-for-resiliency#maximum-resiliency',
    quote: 'The maximum resiliency architecture in ExpressRoute is structured to eliminate any single point of failure within the Microsoft network path. This set up is achieved by configuring a pair of circuits across two distinct locations for site diversity with ExpressRoute.',
  },
  high: {
    url: 'https://learn.microsoft.com/azure/expressroute/design-architecture-for-resiliency#high-resiliency',
    quote: 'High resiliency offers site diversity by splitting a single circuit across two sites. [...] High resiliency provides a higher level of site resiliency than standard resiliency, but not as much as maximum resiliency.',
  },
  standard: {
    url: 'https://learn.microsoft.com/azure/expressroute/design-architecture-for-resiliency#standard-resiliency',
    quote: 'This configuration is considered the least resilient and not recommended for business or mission-critical workloads because it doesn\'t provide site resiliency.',
  },
  zonalGateway: {
    url: 'https://learn.microsoft.com/azure/expressroute/design-architecture-for-resiliency#zonal-resiliency-for-expressroute',
    quote: 'We recommend deploying your ExpressRoute Virtual Network Gateways as zone redundant across availability zones within a region. [...] If gateways aren\'t deployed as zone-redundant, such failures within an Azure data center can affect the ability for users to access their Azure workloads.',
  },
  geoRedundancy: {
    url: 'https://learn.microsoft.com/azure/expressroute/design-architecture-for-resiliency#plan-for-geo-redundancy',
    quote: 'For disaster recovery planning, we recommend setting up ExpressRoute circuits in multiple peering locations and regions. ExpressRoute circuits can be created in the same metropolitan area or different metropolitan areas, and different service providers can be used for diverse paths through each circuit.',
  },
  vpnBackupNote: {
    url: 'https://learn.microsoft.com/azure/expressroute/design-architecture-for-resiliency#plan-for-geo-redundancy',
    quote: 'Using site-to-site VPN as a backup solution for ExpressRoute connectivity is not recommended when dealing with latency-sensitive, mission-critical, or bandwidth-intensive workloads.',
  },
  /** Designing for disaster recovery with ExpressRoute private peering. */
  drDesign: {
    url: 'https://learn.microsoft.com/azure/expressroute/designing-for-disaster-recovery-with-expressroute-privatepeering',
    quote: 'When you are designing ExpressRoute connectivity for disaster recovery, you need to consider: using geo-redundant ExpressRoute circuits; using diverse service provider network(s) for different ExpressRoute circuit; designing each of the ExpressRoute circuit for high availability; terminating the different ExpressRoute circuit in different location on the customer network.',
  },
  drSingleCircuit: {
    url: 'https://learn.microsoft.com/azure/expressroute/designing-for-disaster-recovery-with-expressroute-privatepeering',
    quote: 'If you need to quickly configure a disaster recovery design for a single ExpressRoute circuit that is not geo-redundant, you can use the following alternatives: Use a site-to-site VPN [...]',
  },
  /** Designing for high availability with ExpressRoute. */
  haDesign: {
    url: 'https://learn.microsoft.com/azure/expressroute/designing-for-high-availability-with-expressroute',
    quote: 'An ExpressRoute circuit peering point is pinned to a geographical location and therefore could be impacted by catastrophic failure that impacts the entire location.',
  },
  /** Resiliency Insights (domain.md §10.1 [RES-INS]): the weights the site and gateway factors reuse. */
  insights: {
    url: 'https://learn.microsoft.com/azure/expressroute/resiliency-insights',
    quote: 'Route resiliency, 20%: two distinct peering locations 20%, ExpressRoute Metro 10%, a single location 5%. Zone-redundant gateway, 10%: Standard/HighPerformance 0%; UltraPerformance 2%; ErGw1-3Az zonal 8% and zone-redundant 10%; ErGwScale with 2 scale units 8%, more 10%.',
  },
  /** Reliability in Azure virtual network gateways (domain.md §1.2, §1.7). */
  reliabilityGateway: {
    url: 'https://learn.microsoft.com/azure/reliability/reliability-virtual-network-gateway',
    quote: 'Zone-redundant ER gateway VMs are spread across at least 3 availability zones. Every VPN tier except Basic supports zone redundancy.',
  },
  /** Virtual WAN disaster recovery design: hub gateways run several instances without a SKU choice. */
  vwanGateways: {
    url: 'https://learn.microsoft.com/azure/virtual-wan/disaster-recovery-design',
    quote: 'For high availability, Virtual WAN instantiates multiple instances when each of these different types of gateways is deployed with in a Virtual WAN hub.',
  },
  /** Azure Advisor reliability recommendations (domain.md §10.1). */
  advisorCircuits: {
    url: 'https://learn.microsoft.com/azure/advisor/advisor-reference-reliability-recommendations',
    quote: 'Implement multiple ExpressRoute circuits in your Virtual Network for cross premises resiliency (ExpressRouteGatewayRedundancy).',
  },
  advisorGlobalReach: {
    url: 'https://learn.microsoft.com/azure/advisor/advisor-reference-reliability-recommendations',
    quote: 'Use ExpressRoute Global Reach to improve your design for disaster recovery (UseGlobalReachForDR).',
  },
  advisorActiveActive: {
    url: 'https://learn.microsoft.com/azure/advisor/advisor-reference-reliability-recommendations',
    quote: 'Enable Active-Active gateways for redundancy (VNetGatewayActiveActive).',
  },
} as const satisfies Record<string, Citation>;

/** Key of one cited source. */
export type SourceKey = keyof typeof RESILIENCY_SOURCES;
