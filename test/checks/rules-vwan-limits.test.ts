import { describe, expect, it } from 'vitest';
import type { ArmResource } from '../../src/inventory/types.js';
import { erGateway, hubId, localGateway, vpnConnection, gatewayId, circuit, circuitId } from './builders.js';
import { hubVpnGateway, vpnSite, wan, wanHub } from './builders-vpn.js';
import { hits } from './graph-fixture.js';

type Props = Record<string, unknown>;

describe('hub address space', () => {
  it.each<[string, ArmResource[], Record<string, number>]>([
    ['/23 hub', [wan(), ...wanHub('h1', '10.100.0.0/23')], { 'hub-address-prefix-size': 0 }],
    ['/24 hub (minimum)', [wan(), ...wanHub('h1', '10.100.0.0/24')], { 'hub-address-prefix-size': 1 }],
    ['/25 hub', [wan(), ...wanHub('h1', '10.100.0.0/25')], { 'hub-address-prefix-size': 1 }],
    ['two hubs apart', [wan(), ...wanHub('h1', '10.100.0.0/23'), ...wanHub('h2', '10.101.0.0/23')], { 'hub-prefix-overlap': 0 }],
    ['two hubs overlapping', [wan(), ...wanHub('h1', '10.100.0.0/23'), ...wanHub('h2', '10.100.1.0/24')], { 'hub-prefix-overlap': 1 }],
    ['site outside the hub', [wan(), ...wanHub('h1', '10.100.0.0/23'), vpnSite('s', { prefixes: ['10.60.0.0/16'] })], { 'hub-prefix-overlaps-site': 0 }],
    ['site covering the hub', [wan(), ...wanHub('h1', '10.100.0.0/23'), vpnSite('s', { prefixes: ['10.0.0.0/8'] })], { 'hub-prefix-overlaps-site': 1 }],
  ])('%s', (_l, resources, expected) => {
    for (const [rule, count] of Object.entries(expected)) expect(hits(rule, resources), rule).toHaveLength(count);
  });

  it('rates a /24 low (recommendation) and anything smaller high', () => {
    expect(hits('hub-address-prefix-size', [wan(), ...wanHub('h1', '10.100.0.0/24')]).map((f) => f.severity)).toEqual(['low']);
    expect(hits('hub-address-prefix-size', [wan(), ...wanHub('h1', '10.100.0.0/26')]).map((f) => f.severity)).toEqual(['high']);
  });

  it('compares hubs only within one virtual WAN', () => {
    const other = wanHub('h2', '10.100.0.0/23');
    (other[0]!.properties as Props).virtualWan = { id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualWans/other' };
    expect(hits('hub-prefix-overlap', [wan(), ...wanHub('h1', '10.100.0.0/23'), ...other])).toEqual([]);
  });
});

describe('virtual WAN type and hub routing', () => {
  const er = `/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-wan/providers/Microsoft.Network/expressRouteGateways/h1-ergw`;
  it.each<[string, ArmResource[], Record<string, number>]>([
    ['Basic WAN with site-to-site only', [wan('Basic'), ...wanHub('h1', '10.100.0.0/23', { vpnGateway: { id: 'x' } })], { 'vwan-basic-type-unsupported': 0 }],
    ['Basic WAN with an ExpressRoute gateway', [wan('Basic'), ...wanHub('h1', '10.100.0.0/23', { expressRouteGateway: { id: er } })], { 'vwan-basic-type-unsupported': 1 }],
    ['Basic WAN with a User VPN gateway', [wan('Basic'), ...wanHub('h1', '10.100.0.0/23', { p2SVpnGateway: { id: 'p2s' } })], { 'vwan-basic-type-unsupported': 1 }],
    ['Standard WAN with an ExpressRoute gateway', [wan('Standard'), ...wanHub('h1', '10.100.0.0/23', { expressRouteGateway: { id: er } })], { 'vwan-basic-type-unsupported': 0 }],
    ['VPN connection on the default table', [wan(), ...wanHub('h1', '10.100.0.0/23'), vpnSite('s'), hubVpnGateway('h1', ['s'])], { 'vwan-branch-custom-association': 0 }],
    ['VPN connection on a custom table', [wan(), ...wanHub('h1', '10.100.0.0/23'), vpnSite('s'), hubVpnGateway('h1', ['s'], { conn: { routingConfiguration: { associatedRouteTable: { id: `${hubId('h1')}/hubRouteTables/rt-custom` } } } })], { 'vwan-branch-custom-association': 1 }],
    ['VPN connection on another hub’s default table', [wan(), ...wanHub('h1', '10.100.0.0/23'), ...wanHub('h2', '10.101.0.0/23'), vpnSite('s'), hubVpnGateway('h1', ['s'], { conn: { routingConfiguration: { associatedRouteTable: { id: `${hubId('h2')}/hubRouteTables/defaultRouteTable` } } } })], { 'vwan-branch-custom-association': 1 }],
    ['VPN connection on a missing table of its hub (another rule)', [wan(), ...wanHub('h1', '10.100.0.0/23'), vpnSite('s'), hubVpnGateway('h1', ['s'], { conn: { routingConfiguration: { associatedRouteTable: { id: `${hubId('h1')}/hubRouteTables/rt-gone` } } } })], { 'vwan-branch-custom-association': 0, 'vwan-route-table-missing': 1 }],
    ['ExpressRoute connection on a custom table', [wan(), ...wanHub('h1', '10.100.0.0/23'), circuit('c1'), erGateway('h1-ergw', 'h1', [{ name: 'erc', peering: `${circuitId('c1')}/peerings/AzurePrivatePeering`, props: { routingConfiguration: { associatedRouteTable: { id: `${hubId('h1')}/hubRouteTables/rt-custom` } } } }])], { 'vwan-branch-custom-association': 1 }],
  ])('%s', (_l, resources, expected) => {
    for (const [rule, count] of Object.entries(expected)) expect(hits(rule, resources), rule).toHaveLength(count);
  });

  it('offers the hub’s default route table', () => {
    const [f] = hits('vwan-branch-custom-association', [wan(), ...wanHub('h1', '10.100.0.0/23'), vpnSite('s'), hubVpnGateway('h1', ['s'], { conn: { routingConfiguration: { associatedRouteTable: { id: `${hubId('h1')}/hubRouteTables/rt-custom` } } } })]);
    expect(f!.fix).toMatchObject({ kind: 'pick-route-table', choices: [{ label: 'defaultRouteTable', value: `${hubId('h1')}/hubRouteTables/defaultRouteTable` }] });
  });

  it.each<[number, number]>([
    [1000, 0],
    [1001, 1],
  ])('vwan-hub-vpn-connection-limit: %i connections → %i', (n, want) => {
    const names = Array.from({ length: n }, (_, i) => `s${i}`);
    expect(hits('vwan-hub-vpn-connection-limit', [wan(), ...wanHub('h1', '10.100.0.0/23'), hubVpnGateway('h1', names)])).toHaveLength(want);
  });
});

describe('VPN sites and links', () => {
  it.each<[string, ArmResource[], Record<string, number>]>([
    ['site with four links', [wan(), vpnSite('s', { links: 4 })], { 'vwan-site-link-limit': 0 }],
    ['site with five links', [wan(), vpnSite('s', { links: 5 })], { 'vwan-site-link-limit': 1 }],
    ['site with address space, no BGP', [wan(), vpnSite('s', { prefixes: ['10.60.0.0/16'] })], { 'vpn-site-no-routes': 0 }],
    ['site with BGP links, no address space', [wan(), vpnSite('s', { prefixes: [], bgp: { asn: 65060 } })], { 'vpn-site-no-routes': 0 }],
    ['site with neither', [wan(), vpnSite('s', { prefixes: [] })], { 'vpn-site-no-routes': 1 }],
    ['connected local gateway with neither', [localGateway('lng', { localNetworkAddressSpace: { addressPrefixes: [] } }), vpnConnection('c', gatewayId('gw'), localGateway('lng').id)], { 'vpn-site-no-routes': 1 }],
    ['connected local gateway with BGP only', [localGateway('lng', { localNetworkAddressSpace: { addressPrefixes: [] }, bgpSettings: { asn: 65050, bgpPeeringAddress: '169.254.21.2' } }), vpnConnection('c', gatewayId('gw'), localGateway('lng').id)], { 'vpn-site-no-routes': 0 }],
    ['unconnected local gateway with neither', [localGateway('lng', { localNetworkAddressSpace: { addressPrefixes: [] } })], { 'vpn-site-no-routes': 0 }],
    ['BGP link, BGP link connection', [wan(), ...wanHub('h1', '10.100.0.0/23'), vpnSite('s', { bgp: { asn: 65060 } }), hubVpnGateway('h1', ['s'], { link: { enableBgp: true } })], { 'vwan-link-bgp-disabled': 0 }],
    ['BGP link, link connection BGP off', [wan(), ...wanHub('h1', '10.100.0.0/23'), vpnSite('s', { bgp: { asn: 65060 } }), hubVpnGateway('h1', ['s'])], { 'vwan-link-bgp-disabled': 1 }],
    ['static link, link connection BGP off', [wan(), ...wanHub('h1', '10.100.0.0/23'), vpnSite('s'), hubVpnGateway('h1', ['s'])], { 'vwan-link-bgp-disabled': 0 }],
    ['weights 0', [wan(), ...wanHub('h1', '10.100.0.0/23'), vpnSite('s'), hubVpnGateway('h1', ['s'])], { 'vwan-vpn-weight-ignored': 0 }],
    ['weight on the connection', [wan(), ...wanHub('h1', '10.100.0.0/23'), vpnSite('s'), hubVpnGateway('h1', ['s'], { conn: { routingWeight: 10 } })], { 'vwan-vpn-weight-ignored': 1 }],
    ['weight on the link connection', [wan(), ...wanHub('h1', '10.100.0.0/23'), vpnSite('s'), hubVpnGateway('h1', ['s'], { link: { routingWeight: 5 } })], { 'vwan-vpn-weight-ignored': 1 }],
  ])('%s', (_l, resources, expected) => {
    for (const [rule, count] of Object.entries(expected)) expect(hits(rule, resources), rule).toHaveLength(count);
  });

  it('offers to enable BGP on the link connection', () => {
    const [f] = hits('vwan-link-bgp-disabled', [wan(), ...wanHub('h1', '10.100.0.0/23'), vpnSite('s', { bgp: { asn: 65060 } }), hubVpnGateway('h1', ['s'])]);
    expect(f!.fix).toMatchObject({ kind: 'set-property', patch: { enableBgp: true } });
  });
});
