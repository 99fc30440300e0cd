import { describe, expect, it } from 'vitest';
import type { ArmResource } from '../../src/inventory/types.js';
import { gatewayId, localGateway, policy, vpnConnection } from './builders.js';
import { publicIp, sites, vnet, vpnGw } from './builders-vpn.js';
import { hits } from './graph-fixture.js';

type Props = Record<string, unknown>;
const GW = gatewayId('gw-vpn');
const LNG = localGateway('lng').id;
const base = (gw: Props = {}, conn: Props = {}, o: { sku?: string; pips?: string[] } = {}): ArmResource[] => [
  vnet(),
  publicIp('pip-1'),
  publicIp('pip-2'),
  vpnGw({ sku: o.sku ?? 'VpnGw2AZ', pips: o.pips ?? ['pip-1'], props: gw }),
  localGateway('lng'),
  vpnConnection('s2s', GW, LNG, conn),
];

describe('vpn-tunnel-limit', () => {
  it.each<[string, string, Props, number, number]>([
    ['Basic with 10 connections', 'Basic', {}, 10, 0],
    ['Basic with 11 connections', 'Basic', {}, 11, 1],
    ['VpnGw1AZ with 30', 'VpnGw1AZ', {}, 30, 0],
    ['VpnGw2AZ with 31', 'VpnGw2AZ', {}, 31, 1],
    ['VpnGw4AZ with 31', 'VpnGw4AZ', {}, 31, 0],
    ['VpnGw5 with 101', 'VpnGw5', {}, 101, 1],
    ['legacy Standard with 11', 'Standard', {}, 11, 1],
    ['policy-based Basic with 2', 'Basic', { vpnType: 'PolicyBased' }, 2, 1],
    ['policy-based Basic with 1', 'Basic', { vpnType: 'PolicyBased' }, 1, 0],
  ])('%s', (_l, sku, gw, n, want) => {
    const f = hits('vpn-tunnel-limit', [vnet(), publicIp('pip-1'), vpnGw({ sku, props: gw }), ...sites(n)]);
    expect(f).toHaveLength(want);
    if (want) expect(f[0]!.evidence).toMatchObject({ connections: expect.any(Array) });
  });

  it('does not count the connections of another gateway', () => {
    expect(hits('vpn-tunnel-limit', [vpnGw({ sku: 'Basic' }), ...sites(11, gatewayId('other'))])).toEqual([]);
  });
});

describe('vpn-generation-sku-mismatch', () => {
  it.each<[string, string, string, number]>([
    ['VpnGw1AZ Generation1', 'VpnGw1AZ', 'Generation1', 0],
    ['VpnGw1AZ Generation2', 'VpnGw1AZ', 'Generation2', 1],
    ['VpnGw1 Generation2', 'VpnGw1', 'Generation2', 1],
    ['VpnGw4 Generation1', 'VpnGw4', 'Generation1', 1],
    ['VpnGw5AZ Generation2', 'VpnGw5AZ', 'Generation2', 0],
    ['VpnGw2AZ either', 'VpnGw2AZ', 'Generation1', 0],
    ['Basic Generation1', 'Basic', 'Generation1', 0],
    ['generation None', 'VpnGw4', 'None', 0],
  ])('%s', (_l, sku, gen, want) => {
    expect(hits('vpn-generation-sku-mismatch', [vpnGw({ sku, props: { vpnGatewayGeneration: gen } })])).toHaveLength(want);
  });
});

describe('Basic and policy-based gateway limits', () => {
  it.each<[string, ArmResource[], Record<string, number>]>([
    ['Basic with BGP on the gateway', base({ enableBgp: true }, {}, { sku: 'Basic' }), { 'vpn-basic-sku-bgp': 1 }],
    ['Basic with BGP on the connection only', base({ enableBgp: false }, { enableBgp: true }, { sku: 'Basic' }), { 'vpn-basic-sku-bgp': 1 }],
    ['VpnGw1AZ with BGP', base({ enableBgp: true }, { enableBgp: true }, { sku: 'VpnGw1AZ' }), { 'vpn-basic-sku-bgp': 0 }],
    ['policy-based with BGP', base({ vpnType: 'PolicyBased', enableBgp: true }, {}, { sku: 'Basic' }), { 'vpn-basic-sku-bgp': 1 }],
    ['Basic with a custom IPsec policy', base({}, { ipsecPolicies: [policy()] }, { sku: 'Basic' }), { 'vpn-basic-sku-ipsec-policy': 1 }],
    ['Basic with the default policy', base({}, { ipsecPolicies: [] }, { sku: 'Basic' }), { 'vpn-basic-sku-ipsec-policy': 0 }],
    ['VpnGw2AZ with a custom policy', base({}, { ipsecPolicies: [policy()] }), { 'vpn-basic-sku-ipsec-policy': 0 }],
    ['route-based Basic with IKEv1', base({}, { connectionProtocol: 'IKEv1' }, { sku: 'Basic' }), { 'vpn-ike-version-unsupported': 1 }],
    ['route-based Basic with IKEv2', base({}, { connectionProtocol: 'IKEv2' }, { sku: 'Basic' }), { 'vpn-ike-version-unsupported': 0 }],
    ['policy-based with IKEv2', base({ vpnType: 'PolicyBased' }, { connectionProtocol: 'IKEv2' }, { sku: 'Basic' }), { 'vpn-ike-version-unsupported': 1 }],
    ['policy-based with IKEv1', base({ vpnType: 'PolicyBased' }, { connectionProtocol: 'IKEv1' }, { sku: 'Basic' }), { 'vpn-ike-version-unsupported': 0, 'vpn-policy-based-limits': 0 }],
    ['VpnGw2AZ with IKEv1', base({}, { connectionProtocol: 'IKEv1' }), { 'vpn-ike-version-unsupported': 0 }],
    ['Basic with IKEv2 point-to-site', base({ vpnClientConfiguration: { vpnClientProtocols: ['SSTP', 'IkeV2'] } }, {}, { sku: 'Basic' }), { 'vpn-basic-sku-p2s': 1 }],
    ['Basic with RADIUS', base({ vpnClientConfiguration: { vpnClientProtocols: ['SSTP'], radiusServers: [{ radiusServerAddress: '10.1.1.10', radiusServerScore: 1 }] } }, {}, { sku: 'Basic' }), { 'vpn-basic-sku-p2s': 1 }],
    ['Basic with SSTP only', base({ vpnClientConfiguration: { vpnClientProtocols: ['SSTP'] } }, {}, { sku: 'Basic' }), { 'vpn-basic-sku-p2s': 0 }],
    ['VpnGw1AZ with OpenVPN and RADIUS', base({ vpnClientConfiguration: { vpnClientProtocols: ['OpenVPN'], radiusServerAddress: '10.1.1.10' } }, {}, { sku: 'VpnGw1AZ' }), { 'vpn-basic-sku-p2s': 0 }],
    ['policy-based on VpnGw1', base({ vpnType: 'PolicyBased' }, {}, { sku: 'VpnGw1' }), { 'vpn-policy-based-limits': 1 }],
    ['policy-based with point-to-site', base({ vpnType: 'PolicyBased', vpnClientConfiguration: { vpnClientAddressPool: { addressPrefixes: ['172.31.0.0/24'] } } }, {}, { sku: 'Basic' }), { 'vpn-policy-based-limits': 1 }],
  ])('%s', (_l, resources, expected) => {
    for (const [rule, count] of Object.entries(expected)) expect(hits(rule, resources), rule).toHaveLength(count);
  });

  it('offers to turn BGP off on the connection of a Basic gateway', () => {
    const [f] = hits('vpn-basic-sku-bgp', base({}, { enableBgp: true }, { sku: 'Basic' }));
    expect(f!.fix).toMatchObject({ kind: 'set-property', patch: { enableBgp: false } });
  });
});

describe('active-active and zone redundancy', () => {
  it.each<[string, ArmResource[], Record<string, number>]>([
    ['active-active on Basic', base({ activeActive: true }, {}, { sku: 'Basic', pips: ['pip-1', 'pip-2'] }), { 'vpn-active-active-unsupported': 1, 'vpn-active-active-public-ips': 0 }],
    ['active-active policy-based', base({ activeActive: true, vpnType: 'PolicyBased' }, {}, { sku: 'VpnGw1', pips: ['pip-1', 'pip-2'] }), { 'vpn-active-active-unsupported': 1 }],
    ['active-active with two Standard static IPs', base({ activeActive: true }, {}, { pips: ['pip-1', 'pip-2'] }), { 'vpn-active-active-unsupported': 0, 'vpn-active-active-public-ips': 0 }],
    ['active-active with one IP configuration', base({ activeActive: true }, {}, { pips: ['pip-1'] }), { 'vpn-active-active-public-ips': 1 }],
    ['active-active with the same IP twice', base({ activeActive: true }, {}, { pips: ['pip-1', 'pip-1'] }), { 'vpn-active-active-public-ips': 1 }],
    ['active-active with a Basic dynamic IP', [...base({ activeActive: true }, {}, { pips: ['pip-1', 'pip-b'] }), publicIp('pip-b', { sku: 'Basic', allocation: 'Dynamic' })], { 'vpn-active-active-public-ips': 1 }],
    ['active-standby with one IP', base({ activeActive: false }, {}, { pips: ['pip-1'] }), { 'vpn-active-active-public-ips': 0 }],
    ['AZ SKU on a zone-redundant IP', base({}, {}, { pips: ['pip-1'] }), { 'vpn-az-sku-public-ip': 0 }],
    ['AZ SKU on a Standard IP without zones', [...base({}, {}, { pips: ['pip-n'] }), publicIp('pip-n', { zones: [] })], { 'vpn-az-sku-public-ip': 0 }],
    ['AZ SKU on a Basic IP', [...base({}, {}, { pips: ['pip-b'] }), publicIp('pip-b', { sku: 'Basic', zones: [] })], { 'vpn-az-sku-public-ip': 1 }],
    ['AZ SKU on a single-zone IP', [...base({}, {}, { pips: ['pip-z'] }), publicIp('pip-z', { zones: ['2'] })], { 'vpn-az-sku-public-ip': 1 }],
    ['non-AZ SKU on a Basic IP', [...base({}, {}, { sku: 'VpnGw2', pips: ['pip-b'] }), publicIp('pip-b', { sku: 'Basic', zones: [] })], { 'vpn-az-sku-public-ip': 0 }],
  ])('%s', (_l, resources, expected) => {
    for (const [rule, count] of Object.entries(expected)) expect(hits(rule, resources), rule).toHaveLength(count);
  });

  it('rates a Basic public IP medium and a single-zone one low', () => {
    expect(hits('vpn-az-sku-public-ip', [...base({}, {}, { pips: ['pip-b'] }), publicIp('pip-b', { sku: 'Basic', zones: [] })]).map((f) => f.severity)).toEqual(['medium']);
    expect(hits('vpn-az-sku-public-ip', [...base({}, {}, { pips: ['pip-z'] }), publicIp('pip-z', { zones: ['2'] })]).map((f) => f.severity)).toEqual(['low']);
  });
});

describe('NAT', () => {
  const nat = (type: string, ext: string) => ({ natRules: [{ id: `${GW}/natRules/r1`, name: 'r1', properties: { type, mode: 'IngressSnat', internalMappings: [{ addressSpace: '10.0.0.0/24' }], externalMappings: [{ addressSpace: ext }] } }] });
  const ingress = { ingressNatRules: [{ id: `${GW}/natRules/r1` }] };
  it.each<[string, ArmResource[], Record<string, number>]>([
    ['NAT on VpnGw2AZ', base(nat('Static', '100.64.0.0/24'), ingress), { 'vpn-nat-sku': 0, 'vpn-nat-unsupported-connection': 0, 'vpn-nat-dynamic-mapping-size': 0 }],
    ['NAT on VpnGw1AZ', base(nat('Static', '100.64.0.0/24'), ingress, { sku: 'VpnGw1AZ' }), { 'vpn-nat-sku': 1 }],
    ['NAT on Basic', base(nat('Static', '100.64.0.0/24'), ingress, { sku: 'Basic' }), { 'vpn-nat-sku': 1 }],
    ['no NAT on VpnGw1AZ', base({}, {}, { sku: 'VpnGw1AZ' }), { 'vpn-nat-sku': 0 }],
    ['NAT with policy-based selectors', base(nat('Static', '100.64.0.0/24'), { ...ingress, usePolicyBasedTrafficSelectors: true, ipsecPolicies: [policy()] }), { 'vpn-nat-unsupported-connection': 1 }],
    ['NAT on VNet-to-VNet', base(nat('Static', '100.64.0.0/24'), { ...ingress, connectionType: 'Vnet2Vnet' }), { 'vpn-nat-unsupported-connection': 1 }],
    ['Dynamic NAT /26', base(nat('Dynamic', '100.64.0.0/26'), ingress), { 'vpn-nat-dynamic-mapping-size': 0 }],
    ['Dynamic NAT /24', base(nat('Dynamic', '100.64.0.0/24'), ingress), { 'vpn-nat-dynamic-mapping-size': 1 }],
    ['Static NAT /24', base(nat('Static', '100.64.0.0/24'), ingress), { 'vpn-nat-dynamic-mapping-size': 0 }],
  ])('%s', (_l, resources, expected) => {
    for (const [rule, count] of Object.entries(expected)) expect(hits(rule, resources), rule).toHaveLength(count);
  });
});

describe('connection policy', () => {
  const peer = () => vpnGw({ name: 'gw-peer', pips: ['pip-2'] });
  const v2v = (name: string, from: string, to: string, p: Props = {}): ArmResource => {
    const c = vpnConnection(name, gatewayId(from), LNG, { connectionType: 'Vnet2Vnet', virtualNetworkGateway2: { id: gatewayId(to) }, ...p });
    delete (c.properties as Props).localNetworkGateway2;
    return c;
  };
  it.each<[string, ArmResource[], Record<string, number>]>([
    ['selectors with a policy', base({}, { usePolicyBasedTrafficSelectors: true, ipsecPolicies: [policy()] }), { 'vpn-policy-selectors-no-policy': 0 }],
    ['selectors without a policy', base({}, { usePolicyBasedTrafficSelectors: true, ipsecPolicies: [] }), { 'vpn-policy-selectors-no-policy': 1 }],
    ['no selectors, no policy', base({}, { usePolicyBasedTrafficSelectors: false }), { 'vpn-policy-selectors-no-policy': 0 }],
    ['VNet-to-VNet halves with the same policy', [vpnGw(), peer(), v2v('a-b', 'gw-vpn', 'gw-peer', { ipsecPolicies: [policy()] }), v2v('b-a', 'gw-peer', 'gw-vpn', { ipsecPolicies: [policy({ ipsecEncryption: 'aes256' })] })], { 'vpn-vnet2vnet-policy-mismatch': 0 }],
    ['VNet-to-VNet halves with different policies', [vpnGw(), peer(), v2v('a-b', 'gw-vpn', 'gw-peer', { ipsecPolicies: [policy()] }), v2v('b-a', 'gw-peer', 'gw-vpn', { ipsecPolicies: [policy({ dhGroup: 'ECP384' })] })], { 'vpn-vnet2vnet-policy-mismatch': 1 }],
    ['VNet-to-VNet custom one way, default the other', [vpnGw(), peer(), v2v('a-b', 'gw-vpn', 'gw-peer', { ipsecPolicies: [policy()] }), v2v('b-a', 'gw-peer', 'gw-vpn')], { 'vpn-vnet2vnet-policy-mismatch': 1 }],
    ['one-sided VNet-to-VNet (no return half)', [vpnGw(), peer(), v2v('a-b', 'gw-vpn', 'gw-peer', { ipsecPolicies: [policy()] })], { 'vpn-vnet2vnet-policy-mismatch': 0 }],
    ['VNet-to-VNet between distinct VNets', [vnet(), vnet('vnet-spoke', ['10.2.0.0/16']), vpnGw(), vpnGw({ name: 'gw-peer', vnet: 'vnet-spoke' }), v2v('a-b', 'gw-vpn', 'gw-peer'), v2v('b-a', 'gw-peer', 'gw-vpn')], { 'vpn-vnet2vnet-overlap': 0 }],
    ['VNet-to-VNet between overlapping VNets (both halves)', [vnet(), vnet('vnet-spoke', ['10.1.128.0/17']), vpnGw(), vpnGw({ name: 'gw-peer', vnet: 'vnet-spoke' }), v2v('a-b', 'gw-vpn', 'gw-peer'), v2v('b-a', 'gw-peer', 'gw-vpn')], { 'vpn-vnet2vnet-overlap': 1 }],
    ['VNet-to-VNet whose peer VNet was not read', [vnet(), vpnGw(), vpnGw({ name: 'gw-peer', vnet: 'vnet-spoke' }), v2v('a-b', 'gw-vpn', 'gw-peer')], { 'vpn-vnet2vnet-overlap': 0 }],
  ])('%s', (_l, resources, expected) => {
    for (const [rule, count] of Object.entries(expected)) expect(hits(rule, resources), rule).toHaveLength(count);
  });

  it('offers the strong preset when selectors have no policy, and to copy the other half’s policy', () => {
    expect(hits('vpn-policy-selectors-no-policy', base({}, { usePolicyBasedTrafficSelectors: true }))[0]!.fix).toMatchObject({ kind: 'ipsec-preset' });
    const [f] = hits('vpn-vnet2vnet-policy-mismatch', [vpnGw(), peer(), v2v('a-b', 'gw-vpn', 'gw-peer', { ipsecPolicies: [policy()] }), v2v('b-a', 'gw-peer', 'gw-vpn')]);
    expect(f!.fix).toMatchObject({ kind: 'set-property', patch: { ipsecPolicies: [policy()] } });
  });
});
