import type { ArmResource } from '../../src/inventory/types.js';
import { SUB_A, gateway, gatewayId, hubId, localGateway, vpnConnection } from './builders.js';

type Props = Record<string, unknown>;
const NET = `/subscriptions/${SUB_A}/resourceGroups/rg-hub/providers/Microsoft.Network`;
const WAN = `/subscriptions/${SUB_A}/resourceGroups/rg-wan/providers/Microsoft.Network`;

/** The VNet the default test gateways sit in (`vnet-hub`, 10.1.0.0/16 unless overridden). */
export function vnet(name = 'vnet-hub', prefixes: string[] = ['10.1.0.0/16']): ArmResource {
  return { id: `${NET}/virtualNetworks/${name}`, name, type: 'Microsoft.Network/virtualNetworks', location: 'westeurope', properties: { provisioningState: 'Succeeded', addressSpace: { addressPrefixes: prefixes }, subnets: [{ id: `${NET}/virtualNetworks/${name}/subnets/GatewaySubnet`, name: 'GatewaySubnet', properties: { provisioningState: 'Succeeded', addressPrefix: '10.1.255.0/27' } }] } };
}

/** A public IP (Standard, Static, zone-redundant by default). */
export function publicIp(name: string, o: { sku?: string; allocation?: string; zones?: string[] } = {}): ArmResource {
  return { id: `${NET}/publicIPAddresses/${name}`, name, type: 'Microsoft.Network/publicIPAddresses', location: 'westeurope', sku: { name: o.sku ?? 'Standard' }, ...(o.zones === undefined ? { zones: ['1', '2', '3'] } : o.zones.length ? { zones: o.zones } : {}), properties: { provisioningState: 'Succeeded', publicIPAllocationMethod: o.allocation ?? 'Static' } } as ArmResource;
}

/** A VPN VNet gateway `gw-vpn` in vnet-hub (or `vnet`) with one IP configuration per public IP name given. */
export function vpnGw(o: { name?: string; sku?: string; pips?: string[]; props?: Props; vnet?: string } = {}): ArmResource {
  const name = o.name ?? 'gw-vpn';
  const id = gatewayId(name);
  const g = gateway(name, { type: 'Vpn', sku: o.sku ?? 'VpnGw2AZ', props: { vpnType: 'RouteBased', ...(o.props ?? {}) } });
  (g.properties as Props).ipConfigurations = (o.pips ?? ['pip-1']).map((p, i) => ({ id: `${id}/ipConfigurations/cfg${i}`, name: `cfg${i}`, properties: { subnet: { id: `${NET}/virtualNetworks/${o.vnet ?? 'vnet-hub'}/subnets/GatewaySubnet` }, publicIPAddress: { id: `${NET}/publicIPAddresses/${p}` } } }));
  return g;
}

/** `count` site-to-site connections (each with its own local gateway) on gateway `gw`. */
export function sites(count: number, gw = gatewayId('gw-vpn')): ArmResource[] {
  return Array.from({ length: count }, (_, i) => [localGateway(`lng${i}`, { localNetworkAddressSpace: { addressPrefixes: [`172.${16 + (i % 16)}.${Math.floor(i / 16)}.0/24`] } }), vpnConnection(`s2s${i}`, gw, localGateway(`lng${i}`).id)]).flat();
}

/** A virtual WAN (Standard by default). */
export function wan(type = 'Standard'): ArmResource {
  return { id: `${WAN}/virtualWans/wan1`, name: 'wan1', type: 'Microsoft.Network/virtualWans', location: 'westeurope', properties: { provisioningState: 'Succeeded', type } };
}

/** A hub of wan1 with the given address prefix and optional extra properties (gateways...). */
export function wanHub(name: string, prefix: string, props: Props = {}): ArmResource[] {
  const id = hubId(name);
  return [
    { id, name, type: 'Microsoft.Network/virtualHubs', location: 'westeurope', properties: { provisioningState: 'Succeeded', addressPrefix: prefix, virtualWan: { id: `${WAN}/virtualWans/wan1` }, ...props } },
    { id: `${id}/hubRouteTables/defaultRouteTable`, name: 'defaultRouteTable', type: 'Microsoft.Network/virtualHubs/hubRouteTables', properties: { provisioningState: 'Succeeded' } },
    { id: `${id}/hubRouteTables/rt-custom`, name: 'rt-custom', type: 'Microsoft.Network/virtualHubs/hubRouteTables', properties: { provisioningState: 'Succeeded' } },
  ];
}

export function siteId(name: string): string {
  return `${WAN}/vpnSites/${name}`;
}

/** A VPN site of wan1 with links (`bgp` adds bgpProperties to each link). */
export function vpnSite(name: string, o: { prefixes?: string[]; links?: number; bgp?: { asn: number; peer?: string }; linkIp?: string } = {}): ArmResource {
  const id = siteId(name);
  return {
    id,
    name,
    type: 'Microsoft.Network/vpnSites',
    location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded',
      virtualWan: { id: `${WAN}/virtualWans/wan1` },
      addressSpace: { addressPrefixes: o.prefixes ?? ['10.60.0.0/16'] },
      vpnSiteLinks: Array.from({ length: o.links ?? 1 }, (_, i) => ({ id: `${id}/vpnSiteLinks/link${i}`, name: `link${i}`, properties: { provisioningState: 'Succeeded', ipAddress: o.linkIp ?? `198.51.100.${i + 1}`, ...(o.bgp ? { bgpProperties: { asn: o.bgp.asn, bgpPeeringAddress: o.bgp.peer ?? `10.60.255.${i + 1}` } } : {}) } })),
    },
  };
}

/** A hub VPN gateway with one connection per site given; `conn`/`link` override connection / link-connection properties. */
export function hubVpnGateway(hubName: string, siteNames: string[], o: { conn?: Props; link?: Props; name?: string } = {}): ArmResource {
  const name = o.name ?? `${hubName}-vpngw`;
  const id = `${WAN}/vpnGateways/${name}`;
  return {
    id,
    name,
    type: 'Microsoft.Network/vpnGateways',
    location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded',
      virtualHub: { id: hubId(hubName) },
      connections: siteNames.map((s) => ({
        id: `${id}/vpnConnections/cn-${s}`,
        name: `cn-${s}`,
        properties: {
          provisioningState: 'Succeeded',
          remoteVpnSite: { id: siteId(s) },
          routingWeight: 0,
          routingConfiguration: { associatedRouteTable: { id: `${hubId(hubName)}/hubRouteTables/defaultRouteTable` } },
          vpnLinkConnections: [{ id: `${id}/vpnConnections/cn-${s}/vpnLinkConnections/link0`, name: 'link0', properties: { provisioningState: 'Succeeded', vpnSiteLink: { id: `${siteId(s)}/vpnSiteLinks/link0` }, enableBgp: false, routingWeight: 0, ...(o.link ?? {}) } }],
          ...(o.conn ?? {}),
        },
      })),
    },
  };
}
