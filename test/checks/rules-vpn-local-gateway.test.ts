import { describe, expect, it } from 'vitest';
import type { ArmResource } from '../../src/inventory/types.js';
import { gatewayId, localGateway, vpnConnection } from './builders.js';
import { publicIp, vnet, vpnGw, vpnSite } from './builders-vpn.js';
import { hits } from './graph-fixture.js';

type Props = Record<string, unknown>;
const GW = gatewayId('gw-vpn');
const lng = (name: string, prefixes: string[], more: Props = {}) => localGateway(name, { localNetworkAddressSpace: { addressPrefixes: prefixes }, ...more });
const conn = (name: string, lngName: string, p: Props = {}) => vpnConnection(name, GW, localGateway(lngName).id, p);
const estate = (gw: Props, ...rest: ArmResource[]): ArmResource[] => [vnet('vnet-hub', ['10.1.0.0/16']), publicIp('pip-1'), vpnGw({ props: gw }), ...rest];

describe('local network gateway prefixes', () => {
  it.each<[string, ArmResource[], Record<string, number>]>([
    ['site prefixes outside the VNet', estate({}, lng('a', ['172.16.0.0/16']), conn('c-a', 'a')), { 'lng-prefix-overlaps-vnet': 0 }],
    ['site prefix inside the VNet', estate({}, lng('a', ['10.1.4.0/24']), conn('c-a', 'a')), { 'lng-prefix-overlaps-vnet': 1 }],
    ['site prefix covering the VNet', estate({}, lng('a', ['10.0.0.0/8']), conn('c-a', 'a')), { 'lng-prefix-overlaps-vnet': 1 }],
    ['overlap translated by NAT', estate({}, lng('a', ['10.1.4.0/24']), conn('c-a', 'a', { ingressNatRules: [{ id: `${GW}/natRules/in` }] })), { 'lng-prefix-overlaps-vnet': 0 }],
    ['local gateway not connected', estate({}, lng('a', ['10.1.4.0/24'])), { 'lng-prefix-overlaps-vnet': 0 }],
    ['two sites, distinct prefixes', estate({}, lng('a', ['172.16.0.0/16']), lng('b', ['172.17.0.0/16']), conn('c-a', 'a'), conn('c-b', 'b')), { 'lng-prefix-overlap': 0 }],
    ['two sites, same prefix', estate({}, lng('a', ['172.16.0.0/16']), lng('b', ['172.16.0.0/16']), conn('c-a', 'a'), conn('c-b', 'b')), { 'lng-prefix-overlap': 1 }],
    ['two sites, nested prefixes', estate({}, lng('a', ['172.16.0.0/12']), lng('b', ['172.20.1.0/24']), conn('c-a', 'a'), conn('c-b', 'b')), { 'lng-prefix-overlap': 1 }],
    ['two sites, same prefix, one behind IngressSNAT', estate({}, lng('a', ['172.16.0.0/16']), lng('b', ['172.16.0.0/16']), conn('c-a', 'a'), conn('c-b', 'b', { ingressNatRules: [{ id: `${GW}/natRules/in` }] })), { 'lng-prefix-overlap': 0 }],
  ])('%s', (_l, resources, expected) => {
    for (const [rule, count] of Object.entries(expected)) expect(hits(rule, resources), rule).toHaveLength(count);
  });

  it('reports each overlapping pair once, on one of the two local gateways', () => {
    const f = hits('lng-prefix-overlap', estate({}, lng('a', ['172.16.0.0/16']), lng('b', ['172.16.0.0/16']), conn('c-a', 'a'), conn('c-b', 'b'), conn('c-b2', 'b')));
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence.other).toBe(localGateway('a').id);
  });
});

describe('BGP peer addresses', () => {
  const bgpGw = { enableBgp: true, bgpSettings: { asn: 65010, bgpPeeringAddresses: [{ ipconfigurationId: 'cfg0', customBgpIpAddresses: [] as string[] }] } };
  const apipaGw = { enableBgp: true, bgpSettings: { asn: 65010, bgpPeeringAddresses: [{ ipconfigurationId: 'cfg0', customBgpIpAddresses: ['169.254.21.1'] }] } };
  it.each<[string, ArmResource[], Record<string, number>]>([
    ['peer /32 declared', estate(bgpGw, lng('a', ['10.50.0.254/32'], { bgpSettings: { asn: 65050, bgpPeeringAddress: '10.50.0.254' } }), conn('c', 'a', { enableBgp: true })), { 'lng-bgp-peer-not-in-prefixes': 0 }],
    ['peer inside a broader declared prefix', estate(bgpGw, lng('a', ['10.50.0.0/16'], { bgpSettings: { asn: 65050, bgpPeeringAddress: '10.50.0.254' } }), conn('c', 'a', { enableBgp: true })), { 'lng-bgp-peer-not-in-prefixes': 0 }],
    ['peer not declared', estate(bgpGw, lng('a', ['10.60.0.0/16'], { bgpSettings: { asn: 65050, bgpPeeringAddress: '10.50.0.254' } }), conn('c', 'a', { enableBgp: true })), { 'lng-bgp-peer-not-in-prefixes': 1 }],
    ['peer not declared, BGP off on the connection', estate(bgpGw, lng('a', ['10.60.0.0/16'], { bgpSettings: { asn: 65050, bgpPeeringAddress: '10.50.0.254' } }), conn('c', 'a', { enableBgp: false })), { 'lng-bgp-peer-not-in-prefixes': 0 }],
    ['APIPA peer, no prefixes', estate(apipaGw, lng('a', [], { bgpSettings: { asn: 65050, bgpPeeringAddress: '169.254.21.2' } }), conn('c', 'a', { enableBgp: true })), { 'lng-bgp-peer-not-in-prefixes': 0, 'bgp-apipa-one-sided': 0 }],
    ['peer equals the device public IP', estate(bgpGw, lng('a', ['203.0.113.10/32'], { gatewayIpAddress: '203.0.113.10', bgpSettings: { asn: 65050, bgpPeeringAddress: '203.0.113.10' } }), conn('c', 'a', { enableBgp: true })), { 'bgp-peer-is-public-ip': 1 }],
    ['peer is a loopback', estate(bgpGw, lng('a', ['10.50.0.254/32'], { gatewayIpAddress: '203.0.113.10', bgpSettings: { asn: 65050, bgpPeeringAddress: '10.50.0.254' } })), { 'bgp-peer-is-public-ip': 0 }],
    ['site link peer equals its public IP', [vpnSite('s', { bgp: { asn: 65060, peer: '198.51.100.1' } })], { 'bgp-peer-is-public-ip': 1 }],
    ['site link peer is a loopback', [vpnSite('s', { bgp: { asn: 65060 } })], { 'bgp-peer-is-public-ip': 0 }],
    ['APIPA on premises, none in Azure', estate(bgpGw, lng('a', [], { bgpSettings: { asn: 65050, bgpPeeringAddress: '169.254.21.2' } }), conn('c', 'a', { enableBgp: true })), { 'bgp-apipa-one-sided': 1 }],
    ['APIPA on premises, Azure APIPA on the connection', estate(bgpGw, lng('a', [], { bgpSettings: { asn: 65050, bgpPeeringAddress: '169.254.21.2' } }), conn('c', 'a', { enableBgp: true, gatewayCustomBgpIpAddresses: [{ ipConfigurationId: `${GW}/ipConfigurations/cfg0`, customBgpIpAddress: '169.254.21.1' }] })), { 'bgp-apipa-one-sided': 0 }],
    ['APIPA on premises, BGP off', estate(bgpGw, lng('a', [], { bgpSettings: { asn: 65050, bgpPeeringAddress: '169.254.21.2' } }), conn('c', 'a', { enableBgp: false })), { 'bgp-apipa-one-sided': 0 }],
  ])('%s', (_l, resources, expected) => {
    for (const [rule, count] of Object.entries(expected)) expect(hits(rule, resources), rule).toHaveLength(count);
  });

  it.each<[string, string[][], number]>([
    ['distinct APIPA per instance', [['169.254.21.1'], ['169.254.22.1']], 0],
    ['same APIPA on both instances', [['169.254.21.1'], ['169.254.21.1']], 1],
    ['two addresses on one instance', [['169.254.21.1', '169.254.21.5'], ['169.254.22.1']], 0],
    ['active-standby', [['169.254.21.1']], 0],
  ])('bgp-apipa-duplicate: %s', (_l, perInstance, want) => {
    const gw = { activeActive: perInstance.length > 1, enableBgp: true, bgpSettings: { asn: 65010, bgpPeeringAddresses: perInstance.map((ips, i) => ({ ipconfigurationId: `cfg${i}`, customBgpIpAddresses: ips })) } };
    expect(hits('bgp-apipa-duplicate', estate(gw))).toHaveLength(want);
  });
});
