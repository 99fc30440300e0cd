import type { ArmResource } from '../../src/inventory/types.js';
import { SUB_A } from './builders.js';

type Props = Record<string, unknown>;

const base = (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network`;

/** A VNet (default `vnet-hub` in rg-hub, where `gateway()` puts its ipConfiguration) with a GatewaySubnet of `gatewaySubnet`. */
export function vnet(name = 'vnet-hub', o: { sub?: string; rg?: string; space?: string[]; gatewaySubnet?: string; subnetName?: string; subnetProps?: Props; props?: Props } = {}): ArmResource {
  const id = `${base(o.sub ?? SUB_A, o.rg ?? 'rg-hub')}/virtualNetworks/${name}`;
  const subnetName = o.subnetName ?? 'GatewaySubnet';
  return {
    id,
    name,
    type: 'Microsoft.Network/virtualNetworks',
    location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded',
      addressSpace: { addressPrefixes: o.space ?? ['10.1.0.0/16'] },
      subnets: [{ id: `${id}/subnets/${subnetName}`, name: subnetName, type: 'Microsoft.Network/virtualNetworks/subnets', properties: { provisioningState: 'Succeeded', addressPrefix: o.gatewaySubnet ?? '10.1.255.0/26', ...(o.subnetProps ?? {}) } }],
      ...(o.props ?? {}),
    },
  };
}

/** A public IP of SKU `sku` in rg-hub. */
export function publicIp(name: string, sku = 'Standard'): ArmResource {
  return { id: `${base(SUB_A, 'rg-hub')}/publicIPAddresses/${name}`, name, type: 'Microsoft.Network/publicIPAddresses', location: 'westeurope', sku: { name: sku, tier: 'Regional' }, properties: { provisioningState: 'Succeeded', publicIPAllocationMethod: 'Static' } };
}

/** `n` VNet peerings with gateway transit, each announcing one /24 (remote VNets are not in the estate). */
export function transitPeerings(n: number, transit = true): Props[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${base(SUB_A, 'rg-hub')}/virtualNetworks/vnet-hub/virtualNetworkPeerings/p${i}`,
    name: `p${i}`,
    properties: { provisioningState: 'Succeeded', peeringState: 'Connected', allowGatewayTransit: transit, remoteAddressSpace: { addressPrefixes: [`10.${100 + Math.floor(i / 250)}.${i % 250}.0/24`] } },
  }));
}
