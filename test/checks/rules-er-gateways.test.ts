import { describe, expect, it } from 'vitest';
import type { ArmResource } from '../../src/inventory/types.js';
import { circuit, circuitId, erConnection, erGateway, gateway, gatewayId, hub } from './builders.js';
import { publicIp, transitPeerings, vnet } from './builders-er.js';
import { hits } from './graph-fixture.js';

const GW = gatewayId('gw-er');
const VNET = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub';
const ipConfig = (gw: string, subnet: string, pip?: string) => [{ id: `${gatewayId(gw)}/ipConfigurations/default`, name: 'default', properties: { subnet: { id: `${VNET}/subnets/${subnet}` }, ...(pip ? { publicIPAddress: { id: pip } } : {}) } }];

describe('gateway-subnet-name', () => {
  it.each<[string, ArmResource[], number]>([
    ['gateway in subnet "gw-subnet"', [gateway('gw-er', { props: { ipConfigurations: ipConfig('gw-er', 'gw-subnet') } }), vnet('vnet-hub', { subnetName: 'gw-subnet' })], 1],
    ['gateway in GatewaySubnet', [gateway('gw-er'), vnet()], 0],
    ['gateway in "gatewaysubnet" (ids compare case-insensitively)', [gateway('gw-er', { props: { ipConfigurations: ipConfig('gw-er', 'gatewaysubnet') } })], 0],
  ])('%s', (_l, resources, count) => {
    expect(hits('gateway-subnet-name', resources)).toHaveLength(count);
  });
});

describe('gateway-subnet-too-small', () => {
  it.each<[string, string, string, number, string?]>([
    ['ErGw1AZ in a /28', 'ErGw1AZ', '10.1.255.0/28', 1, 'low'],
    ['ErGw1AZ in a /27', 'ErGw1AZ', '10.1.255.0/27', 0],
    ['ErGw3AZ in a /27 (16 connections need /26)', 'ErGw3AZ', '10.1.255.0/27', 1, 'medium'],
    ['ErGwScale in a /26', 'ErGwScale', '10.1.255.0/26', 0],
    ['UltraPerformance in a /25', 'UltraPerformance', '10.1.255.0/25', 0],
  ])('%s', (_l, sku, prefix, count, severity) => {
    const f = hits('gateway-subnet-too-small', [gateway('gw-er', { sku }), vnet('vnet-hub', { gatewaySubnet: prefix })]);
    expect(f).toHaveLength(count);
    if (severity) expect(f[0]!.severity).toBe(severity);
  });
  it('does not judge VPN gateways or a subnet it could not read', () => {
    expect(hits('gateway-subnet-too-small', [gateway('gw-er', { type: 'Vpn', sku: 'VpnGw1AZ' }), vnet('vnet-hub', { gatewaySubnet: '10.1.255.0/29' })])).toHaveLength(0);
    expect(hits('gateway-subnet-too-small', [gateway('gw-er')])).toHaveLength(0);
  });
});

describe('gateway-subnet-nsg', () => {
  const nsg = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-hub/providers/Microsoft.Network/networkSecurityGroups/nsg-gw';
  it.each<[string, ArmResource[], number]>([
    ['NSG on the ER gateway subnet', [gateway('gw-er'), vnet('vnet-hub', { subnetProps: { networkSecurityGroup: { id: nsg } } })], 1],
    ['NSG on the VPN gateway subnet', [gateway('gw-er', { type: 'Vpn', sku: 'VpnGw1AZ' }), vnet('vnet-hub', { subnetProps: { networkSecurityGroup: { id: nsg } } })], 1],
    ['no NSG', [gateway('gw-er'), vnet()], 0],
  ])('%s', (_l, resources, count) => {
    const f = hits('gateway-subnet-nsg', resources);
    expect(f).toHaveLength(count);
    if (count) expect(f[0]!.evidence['subnet.properties.networkSecurityGroup.id']).toBe(nsg);
  });
});

describe('gateway-coexist-vpn-unsupported and gateway-coexist-subnet-small', () => {
  const pair = (vpn: { sku?: string; vpnType?: string }, prefix = '10.1.255.0/26') => [
    gateway('gw-er'),
    gateway('gw-vpn', { type: 'Vpn', sku: vpn.sku ?? 'VpnGw1AZ', props: { vpnType: vpn.vpnType ?? 'RouteBased' } }),
    vnet('vnet-hub', { gatewaySubnet: prefix }),
  ];
  it.each<[string, string, ArmResource[], number]>([
    ['policy-based VPN gateway beside ER', 'gateway-coexist-vpn-unsupported', pair({ vpnType: 'PolicyBased' }), 1],
    ['Basic VPN gateway beside ER', 'gateway-coexist-vpn-unsupported', pair({ sku: 'Basic' }), 1],
    ['route-based VpnGw1AZ beside ER', 'gateway-coexist-vpn-unsupported', pair({}), 0],
    ['policy-based VPN gateway alone', 'gateway-coexist-vpn-unsupported', [gateway('gw-vpn', { type: 'Vpn', sku: 'Basic', props: { vpnType: 'PolicyBased' } })], 0],
    ['ER + VPN in a /28', 'gateway-coexist-subnet-small', pair({}, '10.1.255.0/28'), 1],
    ['ER + VPN in a /27', 'gateway-coexist-subnet-small', pair({}, '10.1.255.0/27'), 0],
    ['ER alone in a /28', 'gateway-coexist-subnet-small', [gateway('gw-er'), vnet('vnet-hub', { gatewaySubnet: '10.1.255.0/28' })], 0],
  ])('%s', (_l, rule, resources, count) => {
    expect(hits(rule, resources)).toHaveLength(count);
  });
});

describe('gateway-sku-wrong-family and gateway-er-vpn-generation', () => {
  it.each<[string, string, ArmResource, number]>([
    ['ExpressRoute gateway with VpnGw2AZ', 'gateway-sku-wrong-family', gateway('gw-er', { sku: 'VpnGw2AZ' }), 1],
    ['Vpn gateway with ErGw1AZ', 'gateway-sku-wrong-family', gateway('gw-er', { type: 'Vpn', sku: 'ErGw1AZ' }), 1],
    ['Vpn gateway with the shared Standard SKU', 'gateway-sku-wrong-family', gateway('gw-er', { type: 'Vpn', sku: 'Standard' }), 0],
    ['ExpressRoute gateway with ErGwScale', 'gateway-sku-wrong-family', gateway('gw-er', { sku: 'ErGwScale' }), 0],
    ['ExpressRoute gateway with Generation2', 'gateway-er-vpn-generation', gateway('gw-er', { props: { vpnGatewayGeneration: 'Generation2' } }), 1],
    ['ExpressRoute gateway with None', 'gateway-er-vpn-generation', gateway('gw-er', { props: { vpnGatewayGeneration: 'None' } }), 0],
    ['Vpn gateway with Generation2', 'gateway-er-vpn-generation', gateway('gw-er', { type: 'Vpn', sku: 'VpnGw2AZ', props: { vpnGatewayGeneration: 'Generation2' } }), 0],
  ])('%s', (_l, rule, gw, count) => {
    expect(hits(rule, [gw])).toHaveLength(count);
  });
  it('offers a set-property fix to None', () => {
    expect(hits('gateway-er-vpn-generation', [gateway('gw-er', { props: { vpnGatewayGeneration: 'Generation1' } })])[0]!.fix).toMatchObject({ kind: 'set-property', patch: { vpnGatewayGeneration: 'None' } });
  });
});

describe('gateway-ergwscale-bounds', () => {
  it.each<[string, Record<string, number>, number]>([
    ['min 1, max 5 (autoscale needs min 2)', { min: 1, max: 5 }, 1],
    ['min 2, max 50 (over 40)', { min: 2, max: 50 }, 1],
    ['min 6, max 4', { min: 6, max: 4 }, 1],
    ['min 1, max 1 (fixed single unit)', { min: 1, max: 1 }, 0],
    ['min 2, max 10', { min: 2, max: 10 }, 0],
  ])('%s', (_l, bounds, count) => {
    expect(hits('gateway-ergwscale-bounds', [gateway('gw-er', { sku: 'ErGwScale', props: { autoScaleConfiguration: { bounds } } })])).toHaveLength(count);
  });
  it('ignores other SKUs', () => {
    expect(hits('gateway-ergwscale-bounds', [gateway('gw-er', { sku: 'ErGw1AZ', props: { autoScaleConfiguration: { bounds: { min: 1, max: 5 } } } })])).toHaveLength(0);
  });
});

describe('gateway-ergwscale-basic-ip', () => {
  it.each<[string, string, string, number]>([
    ['ErGwScale on a Basic public IP', 'ErGwScale', 'Basic', 1],
    ['ErGwScale on a Standard public IP', 'ErGwScale', 'Standard', 0],
    ['ErGw1AZ on a Basic public IP (other SKUs are not this rule)', 'ErGw1AZ', 'Basic', 0],
  ])('%s', (_l, sku, ipSku, count) => {
    const pip = publicIp('pip-gw', ipSku);
    expect(hits('gateway-ergwscale-basic-ip', [gateway('gw-er', { sku, props: { ipConfigurations: ipConfig('gw-er', 'GatewaySubnet', pip.id) } }), pip])).toHaveLength(count);
  });
});

describe('gateway-throughput-below-circuit', () => {
  const estate = (sku: string, mbps: number, props: Record<string, unknown> = {}) => [gateway('gw-er', { sku, props }), circuit('c0', { mbps }), erConnection('conn', GW, circuitId('c0'))];
  it.each<[string, ArmResource[], number]>([
    ['10 Gbps circuit on ErGw1AZ (1 Gbps)', estate('ErGw1AZ', 10000), 1],
    ['2 Gbps circuit on ErGw2AZ', estate('ErGw2AZ', 2000), 0],
    ['10 Gbps circuit on ErGw3AZ', estate('ErGw3AZ', 10000), 0],
    ['5 Gbps circuit on ErGwScale max 2 SU', estate('ErGwScale', 5000, { autoScaleConfiguration: { bounds: { min: 2, max: 2 } } }), 1],
    ['5 Gbps circuit on ErGwScale max 10 SU', estate('ErGwScale', 5000, { autoScaleConfiguration: { bounds: { min: 2, max: 10 } } }), 0],
  ])('%s', (_l, resources, count) => {
    const f = hits('gateway-throughput-below-circuit', resources);
    expect(f).toHaveLength(count);
    if (count) expect(f[0]!.resourceId).toBe(GW);
  });
  it('judges vWAN ExpressRoute gateways by scale units (2 Gbps each)', () => {
    const ergw = (max: number) => erGateway('ergw', 'hub1', [{ name: 'erc', peering: `${circuitId('c0')}/peerings/AzurePrivatePeering` }], { autoScaleConfiguration: { bounds: { min: 1, max } } });
    expect(hits('gateway-throughput-below-circuit', [...hub('hub1'), ergw(2), circuit('c0', { mbps: 10000 })])).toHaveLength(1);
    expect(hits('gateway-throughput-below-circuit', [...hub('hub1'), ergw(5), circuit('c0', { mbps: 10000 })])).toHaveLength(0);
  });
});

describe('gateway-advertised-prefix-limit and gateway-vnet-peering-limit', () => {
  it.each<[string, string, ArmResource[], number]>([
    ['1,001 IPv4 prefixes through gateway transit', 'gateway-advertised-prefix-limit', [gateway('gw-er'), vnet('vnet-hub', { props: { virtualNetworkPeerings: transitPeerings(1000) } })], 1],
    ['1,000 IPv4 prefixes', 'gateway-advertised-prefix-limit', [gateway('gw-er'), vnet('vnet-hub', { props: { virtualNetworkPeerings: transitPeerings(999) } })], 0],
    ['1,001 prefixes but peerings without gateway transit', 'gateway-advertised-prefix-limit', [gateway('gw-er'), vnet('vnet-hub', { props: { virtualNetworkPeerings: transitPeerings(1000, false) } })], 0],
    ['101 IPv6 prefixes in the VNet', 'gateway-advertised-prefix-limit', [gateway('gw-er'), vnet('vnet-hub', { space: Array.from({ length: 101 }, (_, i) => `fd00:${i.toString(16)}::/64`) })], 1],
    ['501 VNet peerings', 'gateway-vnet-peering-limit', [gateway('gw-er'), vnet('vnet-hub', { props: { virtualNetworkPeerings: transitPeerings(501, false) } })], 1],
    ['500 VNet peerings', 'gateway-vnet-peering-limit', [gateway('gw-er'), vnet('vnet-hub', { props: { virtualNetworkPeerings: transitPeerings(500, false) } })], 0],
  ])('%s', (_l, rule, resources, count) => {
    const f = hits(rule, resources);
    expect(f).toHaveLength(count);
    if (count) expect(f[0]!.resourceId).toBe(GW);
  });
});
