import ipaddr from 'ipaddr.js';
import { ARM_TYPE, childId, etagFor, netId, ref, stableGuid } from './arm-ids.js';
import type { ScenarioResource } from './scenario-types.js';

type Props = Record<string, unknown>;

/** A subnet to embed in a VNet; `ipConfigurationIds` are the gateway ip configurations placed in it. */
export interface SubnetSpec {
  name: string;
  addressPrefix: string;
  ipConfigurationIds?: string[];
}

/** A VNet GET body with its subnets embedded. */
export function vnet(
  subscriptionId: string,
  resourceGroup: string,
  name: string,
  location: string,
  addressPrefixes: string[],
  subnets: SubnetSpec[],
): ScenarioResource {
  const id = netId(subscriptionId, resourceGroup, 'virtualNetworks', name);
  return {
    name,
    id,
    etag: etagFor(id),
    type: ARM_TYPE.vnet,
    location,
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: stableGuid(`guid:${id}`),
      addressSpace: { addressPrefixes },
      subnets: subnets.map((s) => {
        const sid = childId(id, 'subnets', s.name);
        const props: Props = { provisioningState: 'Succeeded', addressPrefix: s.addressPrefix, privateEndpointNetworkPolicies: 'Disabled' };
        if (s.ipConfigurationIds?.length) props.ipConfigurations = s.ipConfigurationIds.map(ref);
        return { name: s.name, id: sid, etag: etagFor(sid), properties: props, type: ARM_TYPE.subnet };
      }),
      virtualNetworkPeerings: [],
      enableDdosProtection: false,
    },
  };
}

/** A Standard, zone-redundant static public IP bound to a gateway ip configuration. */
export function publicIp(
  subscriptionId: string,
  resourceGroup: string,
  name: string,
  location: string,
  ipAddress: string,
  ipConfigurationId: string,
  opts: { zones?: string[]; skuName?: 'Standard' | 'Basic' } = {},
): ScenarioResource {
  const id = netId(subscriptionId, resourceGroup, 'publicIPAddresses', name);
  const sku = opts.skuName ?? 'Standard';
  const body: ScenarioResource = {
    name,
    id,
    etag: etagFor(id),
    location,
    type: ARM_TYPE.publicIp,
    sku: { name: sku, tier: 'Regional' },
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: stableGuid(`guid:${id}`),
      ipAddress,
      publicIPAddressVersion: 'IPv4',
      publicIPAllocationMethod: sku === 'Standard' ? 'Static' : 'Dynamic',
      idleTimeoutInMinutes: 4,
      ipConfiguration: ref(ipConfigurationId),
    },
  };
  const zones = opts.zones ?? (sku === 'Standard' ? ['1', '2', '3'] : undefined);
  if (zones) body.zones = zones;
  return body;
}

/** Inputs for a VNet gateway (ExpressRoute or VPN). */
export interface GatewaySpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  gatewayType: 'ExpressRoute' | 'Vpn';
  sku: string;
  vnetId: string;
  /** GatewaySubnet prefix, used to derive the instances' default BGP addresses (.4, .5). */
  gatewaySubnetPrefix: string;
  /** One public IP per ip configuration; two means active-active. */
  publicIpIds: string[];
  enableBgp?: boolean;
  bgpAsn?: number;
  /** Azure-side APIPA BGP addresses per instance (VPN only). */
  customBgpIpAddresses?: string[][];
  generation?: 'None' | 'Generation1' | 'Generation2';
  props?: Props;
}

/** Id of a gateway ip configuration (`default` for the first, `activeActive` for the second). */
export function gatewayIpConfigId(gatewayId: string, index: number): string {
  return childId(gatewayId, 'ipConfigurations', index === 0 ? 'default' : 'activeActive');
}

/** The address `offset` hosts into an IPv4 prefix, e.g. hostInSubnet('10.1.255.0/27', 4) = 10.1.255.4. */
export function hostInSubnet(prefix: string, offset: number): string {
  const [base] = ipaddr.IPv4.parseCIDR(prefix);
  const n = base.toByteArray().reduce((acc, b) => acc * 256 + b, 0) + offset;
  return ipaddr.IPv4.parse([24, 16, 8, 0].map((sh) => Math.floor(n / 2 ** sh) % 256).join('.')).toString();
}

/** A VNet gateway GET body with ip configurations and BGP settings embedded. */
export function vnetGateway(s: GatewaySpec): ScenarioResource {
  const id = netId(s.subscriptionId, s.resourceGroup, 'virtualNetworkGateways', s.name);
  const subnet = childId(s.vnetId, 'subnets', 'GatewaySubnet');
  const isVpn = s.gatewayType === 'Vpn';
  const asn = s.bgpAsn ?? 65515;
  const ipConfigurations = s.publicIpIds.map((pip, i) => {
    const cid = gatewayIpConfigId(id, i);
    return {
      name: i === 0 ? 'default' : 'activeActive',
      id: cid,
      etag: etagFor(cid),
      properties: { privateIPAllocationMethod: 'Dynamic', provisioningState: 'Succeeded', publicIPAddress: ref(pip), subnet: ref(subnet) },
    };
  });
  const bgpPeeringAddresses = ipConfigurations.map((c, i) => ({
    ipconfigurationId: c.id,
    defaultBgpIpAddresses: [hostInSubnet(s.gatewaySubnetPrefix, 4 + i)],
    customBgpIpAddresses: s.customBgpIpAddresses?.[i] ?? [],
    tunnelIpAddresses: [],
  }));
  return {
    name: s.name,
    type: ARM_TYPE.vnetGateway,
    etag: etagFor(id),
    id,
    location: s.location,
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: stableGuid(`guid:${id}`),
      gatewayType: s.gatewayType,
      vpnType: 'RouteBased',
      vpnGatewayGeneration: isVpn ? (s.generation ?? 'Generation2') : 'None',
      sku: { name: s.sku, tier: s.sku, capacity: 2 },
      activeActive: s.publicIpIds.length > 1,
      enableBgp: isVpn ? (s.enableBgp ?? false) : false,
      enablePrivateIpAddress: false,
      disableIPSecReplayProtection: false,
      allowRemoteVnetTraffic: false,
      allowVirtualWanTraffic: false,
      adminState: 'Enabled',
      ipConfigurations,
      bgpSettings: { asn, bgpPeeringAddress: bgpPeeringAddresses.map((b) => b.defaultBgpIpAddresses[0]).join(','), bgpPeeringAddresses, peerWeight: 0 },
      natRules: [],
      ...s.props,
    },
  };
}
