import { childId, netId, stableGuid } from './arm-ids.js';
import { authorization, circuit, circuitConnection, circuitId, peerConnection, peering, routeFilter } from './build-er.js';
import { erConnection, ipsecConnection, localGateway } from './build-connections.js';
import { gatewayIpConfigId, publicIp, vnet, vnetGateway } from './build-vnet.js';
import type { IpsecPolicy, LiveFields } from './build-connections.js';
import { expressRouteConnection, expressRouteGateway, expressRouteGatewayId, hubRouteTable, routingConfiguration, virtualHub, virtualWan } from './build-vwan.js';
import { vpnConnection, vpnGateway, vpnGatewayId, vpnSite } from './build-vpn.js';
import type { ScenarioResource } from './scenario-types.js';

/** Deterministic random source shared by the estate builders. */
export interface Rng {
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
}

/** Mulberry32: tiny, fast, seedable PRNG so the same seed always yields the same estate. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (items) => items[Math.floor(next() * items.length)]! };
}

/** Strong IPsec policy used by generated tunnels unless a fault weakens it. */
export const STRONG_POLICY: IpsecPolicy = { saLifeTimeSeconds: 27000, saDataSizeKilobytes: 102400000, ipsecEncryption: 'GCMAES256', ipsecIntegrity: 'GCMAES256', ikeEncryption: 'GCMAES256', ikeIntegrity: 'SHA384', dhGroup: 'ECP384', pfsGroup: 'ECP384' };

const PEERING_LOCATIONS = ['Amsterdam', 'Amsterdam2', 'London', 'London2', 'Dublin', 'Paris', 'Frankfurt', 'Stockholm'] as const;
const PROVIDERS = ['Equinix', 'Colt', 'BT', 'Megaport', 'Orange', 'Interxion'] as const;

/** Where one generated subscription lives and how it is numbered. */
export interface SubCtx {
  index: number;
  subscriptionId: string;
  location: string;
  rng: Rng;
}

/** The two circuits of a subscription plus their authorization keys reserved for the next subscription's spokes. */
export interface CircuitPair {
  ids: [string, string];
  privatePeeringIds: [string, string];
  crossKeys: Array<{ circuitId: string; key: string; authName: string }>;
}

/** Key of the n-th cross-subscription authorization on a circuit (shared by the circuit owner and the redeeming connection). */
export function crossKey(circuit: string, n: number): string {
  return stableGuid(`xsub:${circuit.toLowerCase()}:${n}`);
}

/** rg-connectivity: two Premium circuits in different peering locations, peerings, authorizations, Global Reach and a route filter. */
export function connectivityUnit(s: SubCtx, out: ScenarioResource[], redeemers: (circuit: string, n: number) => string | undefined): CircuitPair {
  const rg = 'rg-connectivity';
  const first = s.index % PEERING_LOCATIONS.length;
  const locs = [PEERING_LOCATIONS[first]!, PEERING_LOCATIONS[(first + 3) % PEERING_LOCATIONS.length]!];
  const ids = [0, 1].map((c) => circuitId(s.subscriptionId, rg, `er-${s.index}-${c === 0 ? 'primary' : 'secondary'}`)) as [string, string];
  const pp = ids.map((c) => childId(c, 'peerings', 'AzurePrivatePeering')) as [string, string];
  const mp = childId(ids[0], 'peerings', 'MicrosoftPeering');
  const gr = circuitConnection(pp[0], `gr-${s.index}`, pp[1], `192.168.${s.index % 256}.0/29`);
  const crossKeys: CircuitPair['crossKeys'] = [];
  ids.forEach((id, c) => {
    const base = (s.index * 16 + c * 8) % 4096;
    const third = `${16 + Math.floor(base / 256)}.${base % 256}`;
    const auths = [1, 2].map((n) => {
      const user = redeemers(id, n);
      if (user) crossKeys.push({ circuitId: id, key: crossKey(id, n), authName: `auth-xsub-0${n}` });
      return authorization(id, `auth-xsub-0${n}`, crossKey(id, n), user ? 'InUse' : 'Available', user);
    });
    auths.push(authorization(id, 'auth-spare-01', stableGuid(`spare:${id}`), 'Available'));
    const peerings = [
      peering(id, { peeringType: 'AzurePrivatePeering', peerASN: 65010 + (s.index % 400), vlanId: 100 + c, primaryPeerAddressPrefix: `172.${third}.0/30`, secondaryPeerAddressPrefix: `172.${third}.4/30`, portSite: `${PROVIDERS[c].slice(0, 3).toUpperCase()}-${locs[c]!.slice(0, 3).toUpperCase()}`, connections: c === 0 ? [gr] : [], peerConnections: c === 1 ? [peerConnection(pp[1], gr.name, pp[0], `192.168.${s.index % 256}.0/29`)] : [] }),
    ];
    if (c === 0) {
      peerings.push(peering(id, { peeringType: 'MicrosoftPeering', peerASN: 206000 + s.index, vlanId: 300, primaryPeerAddressPrefix: `194.${50 + (s.index % 200)}.1.0/30`, secondaryPeerAddressPrefix: `194.${50 + (s.index % 200)}.1.4/30`, portSite: 'EQX-MS', routeFilterId: netId(s.subscriptionId, rg, 'routeFilters', `rf-${s.index}`), advertisedPublicPrefixes: [`194.${50 + (s.index % 200)}.2.0/27`] }));
    }
    out.push(circuit({ subscriptionId: s.subscriptionId, resourceGroup: rg, name: ids[c]!.split('/').pop()!, location: s.location, provider: s.rng.pick(PROVIDERS), peeringLocation: locs[c]!, bandwidthInMbps: s.rng.pick([1000, 2000, 10000]), tier: 'Premium', peerings, authorizations: auths, props: { globalReachEnabled: true } }));
  });
  out.push(routeFilter(s.subscriptionId, rg, `rf-${s.index}`, s.location, [{ name: 'allow-m365', communities: ['12076:5010', '12076:5020'] }], [mp]));
  return { ids, privatePeeringIds: pp, crossKeys };
}

/** One gateway-bearing VNet: VNet with GatewaySubnet, public IP(s) and the gateway. Returns the gateway id. */
export function gatewayVnet(s: SubCtx, out: ScenarioResource[], rg: string, name: string, prefix16: string, type: 'ExpressRoute' | 'Vpn', sku: string, pips = 1, props?: Record<string, unknown>): string {
  const gwName = `vgw-${type === 'Vpn' ? 'vpn' : 'er'}-${name}`;
  const gw = netId(s.subscriptionId, rg, 'virtualNetworkGateways', gwName);
  const vnetId = netId(s.subscriptionId, rg, 'virtualNetworks', `vnet-${name}`);
  const gwSubnet = prefix16.replace(/\.0\.0\/\d+$/, '.255.0/26');
  const pipIds = Array.from({ length: pips }, (_, i) => netId(s.subscriptionId, rg, 'publicIPAddresses', `pip-${gwName}-${i + 1}`));
  pipIds.forEach((p, i) => out.push(publicIp(s.subscriptionId, rg, p.split('/').pop()!, s.location, `20.${60 + (s.index % 40)}.${s.rng.int(256)}.${s.rng.int(254) + 1}`, gatewayIpConfigId(gw, i))));
  out.push(vnet(s.subscriptionId, rg, `vnet-${name}`, s.location, [prefix16], [
    { name: 'GatewaySubnet', addressPrefix: gwSubnet, ipConfigurationIds: pipIds.map((_, i) => gatewayIpConfigId(gw, i)) },
    { name: 'snet-app', addressPrefix: prefix16.replace(/\.0\.0\/\d+$/, '.1.0/24') },
  ]));
  out.push(vnetGateway({ subscriptionId: s.subscriptionId, resourceGroup: rg, name: gwName, location: s.location, gatewayType: type, sku, vnetId, gatewaySubnetPrefix: gwSubnet, publicIpIds: pipIds, enableBgp: type === 'Vpn', props }));
  return gw;
}

/** An ExpressRoute connection from a gateway to a circuit, with realistic live counters. */
export function erLink(s: SubCtx, out: ScenarioResource[], rg: string, name: string, gw: string, circuit: string, weight: number, live: LiveFields, authorizationKey?: string): ScenarioResource {
  const c = erConnection({ subscriptionId: s.subscriptionId, resourceGroup: rg, name, location: s.location, gatewayId: gw, circuitId: circuit, routingWeight: weight, live, authorizationKey });
  out.push(c);
  return c;
}

/** rg-hub: VPN gateway with two site-to-site tunnels (one BGP, one static) next to the ER gateway. */
export function vpnUnit(s: SubCtx, out: ScenarioResource[], gw: string, live: () => LiveFields, policy: () => IpsecPolicy): ScenarioResource[] {
  const rg = 'rg-hub';
  const made: ScenarioResource[] = [];
  for (const [n, bgp] of [[1, true], [2, false]] as const) {
    const lgw = localGateway(s.subscriptionId, rg, `lgw-site-${n}`, s.location, `81.${s.index % 200}.${n}.10`, bgp ? [] : [`10.${200 + n}.${s.index % 256}.0/24`], bgp ? { asn: 65100 + n, bgpPeeringAddress: `169.254.21.${n * 4 + 2}` } : undefined);
    out.push(lgw);
    const c = ipsecConnection({ subscriptionId: s.subscriptionId, resourceGroup: rg, name: `cn-s2s-site-${n}`, location: s.location, gatewayId: gw, localGatewayId: lgw.id, sharedKey: `Gk${stableGuid(`psk:${gw}:${n}`).replace(/-/g, '').slice(0, 30)}`, live: live(), enableBgp: bgp, ipsecPolicies: [policy()] });
    out.push(c);
    made.push(c);
  }
  return made;
}

/** rg-vwan: a Standard Virtual WAN with two hubs, each with route tables, an ER gateway (links to both circuits) and a VPN gateway to two sites. */
export function vwanUnit(s: SubCtx, out: ScenarioResource[], circuits: CircuitPair, live: () => LiveFields, weakPolicy: () => unknown[] | undefined): ScenarioResource[] {
  const rg = 'rg-vwan';
  const sub = s.subscriptionId;
  const vwanId = netId(sub, rg, 'virtualWans', `vwan-${s.index}`);
  const siteIds = [1, 2].map((n) => netId(sub, rg, 'vpnSites', `site-${s.index}-${n}`));
  siteIds.forEach((id, k) => out.push(vpnSite(sub, rg, id.split('/').pop()!, s.location, vwanId, [`10.${220 + k}.${s.index % 256}.0/24`], { vendor: 'Fortinet', model: 'FortiGate-60F' }, [1, 2].map((l) => ({ name: `link-${l}`, ipAddress: `90.${s.index % 200}.${k * 2 + l}.10`, provider: l === 1 ? 'ISP-A' : 'ISP-B', speedMbps: 200, bgp: { asn: 65200 + k, bgpPeeringAddress: `10.${220 + k}.${s.index % 256}.${l}` } })))));
  const vpnConnections: ScenarioResource[] = [];
  const hubIds: string[] = [];
  for (const h of [0, 1]) {
    const hubName = `vhub-${s.index}-${h}`;
    const hubId = netId(sub, rg, 'virtualHubs', hubName);
    hubIds.push(hubId);
    const prefix = `10.${100 + h}.${(s.index * 2) % 256}.0/23`;
    const defRt = childId(hubId, 'hubRouteTables', 'defaultRouteTable');
    const routing = routingConfiguration(defRt, [defRt], ['default']);
    const ergwId = expressRouteGatewayId(sub, rg, `ergw-${hubName}`);
    const vpngwId = vpnGatewayId(sub, rg, `vpngw-${hubName}`);
    const ercns = circuits.privatePeeringIds.map((p, c) => expressRouteConnection(ergwId, `ercn-${c === 0 ? 'primary' : 'secondary'}`, p, routing));
    const vcs = siteIds.map((site, k) => {
      const weak = weakPolicy();
      return vpnConnection(vpngwId, `vpncn-site-${k + 1}`, site, routing, [1, 2].map((l) => ({ name: `link-${l}`, siteLinkId: childId(site, 'vpnSiteLinks', `link-${l}`), sharedKey: `Vk${stableGuid(`vpsk:${site}:${h}:${l}`).replace(/-/g, '').slice(0, 30)}`, enableBgp: true, live: live() })), live(), weak ? { ipsecPolicies: weak } : {});
    });
    vpnConnections.push(...vcs);
    out.push(virtualHub({ subscriptionId: sub, resourceGroup: rg, name: hubName, location: s.location, vwanId, addressPrefix: prefix, expressRouteGatewayId: ergwId, vpnGatewayId: vpngwId }));
    const members = [...ercns, ...vcs].map((c) => c.id);
    out.push(hubRouteTable(hubId, 'defaultRouteTable', ['default'], members, members));
    out.push(hubRouteTable(hubId, 'noneRouteTable', ['none'], [], []));
    out.push(expressRouteGateway(sub, rg, `ergw-${hubName}`, s.location, hubId, 1 + (s.index % 3), ercns));
    out.push(vpnGateway(sub, rg, `vpngw-${hubName}`, s.location, hubId, prefix, vcs));
  }
  out.push(virtualWan(sub, rg, `vwan-${s.index}`, s.location, hubIds, siteIds));
  return vpnConnections;
}
