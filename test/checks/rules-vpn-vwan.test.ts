import { describe, expect, it } from 'vitest';
import type { ArmResource } from '../../src/inventory/types.js';
import { circuit, circuitId, erConnection, erGateway, gateway, gatewayId, hub, hubId, localGateway, policy, vpnConnection } from './builders.js';
import { hits } from './graph-fixture.js';
import { SUB_A as SUB } from './builders.js';

const VGW = gatewayId('gw-vpn');
type Props = Record<string, unknown>;
const LNG = localGateway('lng').id;
const tunnel = (props: Props, o: { gw?: Props; lng?: Props } = {}): ArmResource[] => [
  gateway('gw-vpn', { type: 'Vpn', sku: 'VpnGw2AZ', props: o.gw ?? {} }),
  localGateway('lng', o.lng ?? {}),
  vpnConnection('s2s', VGW, LNG, props),
];

describe('vpn-weak-ipsec', () => {
  it.each<[string, Props, string | undefined]>([
    ['strong policy', policy(), undefined],
    ['3DES', policy({ ikeEncryption: 'DES3' }), 'high'],
    ['MD5', policy({ ipsecIntegrity: 'MD5' }), 'high'],
    ['DHGroup2', policy({ dhGroup: 'DHGroup2' }), 'high'],
    ['PFS1', policy({ pfsGroup: 'PFS1' }), 'high'],
    ['SHA1 only', policy({ ikeIntegrity: 'SHA1' }), 'medium'],
  ])('%s', (_l, p, severity) => {
    const f = hits('vpn-weak-ipsec', tunnel({ ipsecPolicies: [p] }));
    expect(f.map((x) => x.severity)).toEqual(severity ? [severity] : []);
    if (severity) expect(f[0]!.fix).toMatchObject({ kind: 'ipsec-preset', patch: { ipsecPolicies: [{ ipsecEncryption: 'GCMAES256', ipsecIntegrity: 'GCMAES256' }] } });
  });
});

describe('vpn-gcm-mismatch / vpn-dpd-out-of-range / vpn-sa-lifetime-low', () => {
  it.each<[string, Props, Record<string, number>]>([
    ['GCM with SHA256', { ipsecPolicies: [policy({ ipsecEncryption: 'GCMAES256', ipsecIntegrity: 'SHA256' })] }, { 'vpn-gcm-mismatch': 1 }],
    ['GCM matched', { ipsecPolicies: [policy({ ipsecEncryption: 'GCMAES128', ipsecIntegrity: 'GCMAES128' })] }, { 'vpn-gcm-mismatch': 0 }],
    ['DPD 5', { dpdTimeoutSeconds: 5 }, { 'vpn-dpd-out-of-range': 1 }],
    ['DPD 4000', { dpdTimeoutSeconds: 4000 }, { 'vpn-dpd-out-of-range': 1 }],
    ['DPD 45', { dpdTimeoutSeconds: 45 }, { 'vpn-dpd-out-of-range': 0 }],
    ['SA 120 s', { ipsecPolicies: [policy({ saLifeTimeSeconds: 120 })] }, { 'vpn-sa-lifetime-low': 1 }],
    ['SA 512 KB', { ipsecPolicies: [policy({ saDataSizeKilobytes: 512 })] }, { 'vpn-sa-lifetime-low': 1 }],
    ['SA defaults', { ipsecPolicies: [policy()] }, { 'vpn-sa-lifetime-low': 0 }],
  ])('%s', (_l, props, expected) => {
    for (const [rule, count] of Object.entries(expected)) expect(hits(rule, tunnel(props)), rule).toHaveLength(count);
  });
});

describe('vpn-shared-key-weak', () => {
  it.each<[string, Props, string | undefined]>([
    ['empty key', { sharedKey: '' }, 'high'],
    ['short key', { sharedKey: 'abc123' }, 'medium'],
    ['long alphanumeric key', { sharedKey: 'Zq8vN3kP0wR7tY2uX5mB9cL4' }, undefined],
    ['long key with symbols', { sharedKey: 'Zq8vN3kP0wR7tY2u!#' }, 'low'],
    ['key not returned by ARM (absent)', {}, undefined],
    ['redacted key', { sharedKey: '***redacted***' }, undefined],
    ['certificate authentication', { authenticationType: 'Certificate', sharedKey: '' }, undefined],
  ])('%s', (_l, props, severity) => {
    const f = hits('vpn-shared-key-weak', tunnel(props));
    expect(f.map((x) => x.severity)).toEqual(severity ? [severity] : []);
    if (typeof props.sharedKey === 'string' && props.sharedKey) expect(JSON.stringify(f)).not.toContain(props.sharedKey);
  });
});

describe('vpn-bgp-one-sided / vpn-apipa-out-of-range / vpn-asn-reserved', () => {
  const bgpGw = { enableBgp: true, bgpSettings: { asn: 65010, bgpPeeringAddresses: [{ customBgpIpAddresses: ['169.254.21.1'] }] } };
  it.each<[string, ArmResource[], Record<string, number>]>([
    ['BGP on connection, none on-premises', tunnel({ enableBgp: true }, { gw: bgpGw }), { 'vpn-bgp-one-sided': 1 }],
    ['BGP on both sides', tunnel({ enableBgp: true }, { gw: bgpGw, lng: { bgpSettings: { asn: 65050, bgpPeeringAddress: '169.254.21.2' } } }), { 'vpn-bgp-one-sided': 0, 'vpn-asn-reserved': 0 }],
    ['BGP on the gateways, off on the connection', tunnel({ enableBgp: false }, { gw: bgpGw, lng: { bgpSettings: { asn: 65050 } } }), { 'vpn-bgp-one-sided': 1 }],
    ['BGP off everywhere', tunnel({}), { 'vpn-bgp-one-sided': 0 }],
    ['APIPA 169.254.30.1 on the gateway', tunnel({}, { gw: { bgpSettings: { asn: 65010, bgpPeeringAddresses: [{ customBgpIpAddresses: ['169.254.30.1'] }] } } }), { 'vpn-apipa-out-of-range': 1 }],
    ['APIPA on the connection outside range', tunnel({ gatewayCustomBgpIpAddresses: [{ customBgpIpAddress: '169.254.0.1' }] }), { 'vpn-apipa-out-of-range': 1 }],
    ['APIPA 169.254.22.255', tunnel({ gatewayCustomBgpIpAddresses: [{ customBgpIpAddress: '169.254.22.255' }] }), { 'vpn-apipa-out-of-range': 0 }],
    ['on-premises ASN 65515', tunnel({}, { lng: { bgpSettings: { asn: 65515 } } }), { 'vpn-asn-reserved': 1 }],
    ['on-premises ASN 12076', tunnel({}, { lng: { bgpSettings: { asn: 12076 } } }), { 'vpn-asn-reserved': 1 }],
    ['on-premises ASN 23456', tunnel({}, { lng: { bgpSettings: { asn: 23456 } } }), { 'vpn-asn-reserved': 1 }],
    ['Azure gateway on default 65515', tunnel({}, { gw: { bgpSettings: { asn: 65515 } } }), { 'vpn-asn-reserved': 0 }],
    ['same ASN both sides with BGP', tunnel({ enableBgp: true }, { gw: { enableBgp: true, bgpSettings: { asn: 65010 } }, lng: { bgpSettings: { asn: 65010 } } }), { 'vpn-asn-reserved': 1 }],
  ])('%s', (_l, resources, expected) => {
    for (const [rule, count] of Object.entries(expected)) expect(hits(rule, resources), rule).toHaveLength(count);
  });
});

describe('vwan rules', () => {
  const pe = (c: string) => `${circuitId(c)}/peerings/AzurePrivatePeering`;
  it.each<[string, ArmResource[], Record<string, number>]>([
    ['healthy hub', [...hub('hub1', { routeTables: ['defaultRouteTable', 'rt-blue'] }), circuit('c1'), erGateway('hub1-ergw', 'hub1', [{ name: 'erc', peering: pe('c1') }])], { 'vwan-route-table-missing': 0, 'vwan-hub-no-er-gateway': 0, 'vwan-hub-circuit-limit': 0 }],
    ['associated route table missing', [...hub('hub1', { routeTables: ['defaultRouteTable'] }), circuit('c1'), erGateway('hub1-ergw', 'hub1', [{ name: 'erc', peering: pe('c1'), props: { routingConfiguration: { associatedRouteTable: { id: `${hubId('hub1')}/hubRouteTables/rt-gone` } } } }])], { 'vwan-route-table-missing': 1, 'reference-missing': 0 }],
    ['hub does not reference the ER gateway', [...hub('hub1', { ergw: null }), circuit('c1'), erGateway('hub1-ergw', 'hub1', [{ name: 'erc', peering: pe('c1') }])], { 'vwan-hub-no-er-gateway': 1 }],
    ['9 circuits on one hub', [...hub('hub1'), ...Array.from({ length: 9 }, (_, i) => circuit(`c${i}`, { peeringLocation: `L${i}` })), erGateway('hub1-ergw', 'hub1', Array.from({ length: 9 }, (_, i) => ({ name: `erc${i}`, peering: pe(`c${i}`) })))], { 'vwan-hub-circuit-limit': 1 }],
    ['5 circuits from one location on one hub', [...hub('hub1'), ...Array.from({ length: 5 }, (_, i) => circuit(`c${i}`)), erGateway('hub1-ergw', 'hub1', Array.from({ length: 5 }, (_, i) => ({ name: `erc${i}`, peering: pe(`c${i}`) })))], { 'vwan-hub-circuit-limit': 1 }],
  ])('%s', (_l, resources, expected) => {
    for (const [rule, count] of Object.entries(expected)) expect(hits(rule, resources), rule).toHaveLength(count);
  });

  it('flags a hub without an ExpressRoute gateway whose region’s circuit hairpins through another hub (low)', () => {
    const uks: ArmResource = { ...hub('hub-uks', { ergw: null })[0]!, location: 'uksouth' };
    const resources = [...hub('hub1'), uks, circuit('c-lon', { location: 'uksouth', peeringLocation: 'London' }), erGateway('hub1-ergw', 'hub1', [{ name: 'erc', peering: pe('c-lon') }])];
    const f = hits('vwan-hub-no-er-gateway', resources);
    expect(f.map((x) => [x.resourceId, x.severity])).toEqual([[hubId('hub-uks'), 'low']]);
  });

  it('checks vWAN VPN connections’ associated route tables too', () => {
    const vpngw: ArmResource = {
      id: `/subscriptions/${SUB}/resourceGroups/rg-wan/providers/Microsoft.Network/vpnGateways/vpngw`,
      name: 'vpngw',
      type: 'Microsoft.Network/vpnGateways',
      properties: { virtualHub: { id: hubId('hub1') }, connections: [{ id: `/subscriptions/${SUB}/resourceGroups/rg-wan/providers/Microsoft.Network/vpnGateways/vpngw/vpnConnections/site1`, name: 'site1', properties: { routingConfiguration: { associatedRouteTable: { id: `${hubId('hub1')}/hubRouteTables/rt-gone` } } } }] },
    };
    expect(hits('vwan-route-table-missing', [...hub('hub1'), vpngw])).toHaveLength(1);
  });

  it('offers the hub’s existing route tables', () => {
    const [f] = hits('vwan-route-table-missing', [...hub('hub1', { routeTables: ['defaultRouteTable', 'rt-blue'] }), circuit('c1'), erGateway('hub1-ergw', 'hub1', [{ name: 'erc', peering: pe('c1'), props: { routingConfiguration: { associatedRouteTable: { id: `${hubId('hub1')}/hubRouteTables/rt-gone` } } } }])]);
    expect(f!.fix).toMatchObject({ kind: 'pick-route-table' });
    expect(f!.fix!.choices!.map((c) => c.label).sort()).toEqual(['defaultRouteTable', 'rt-blue']);
  });
});

describe('resiliency and connection state', () => {
  const GW = gatewayId('gw-er');
  const twoCircuits = (locA: string, locB: string) => [gateway('gw-er'), circuit('ca', { peeringLocation: locA }), circuit('cb', { peeringLocation: locB }), erConnection('a', GW, circuitId('ca')), erConnection('b', GW, circuitId('cb'))];
  it.each<[string, ArmResource[], Record<string, number>]>([
    ['one circuit', [gateway('gw-er'), circuit('c1'), erConnection('a', GW, circuitId('c1'))], { 'single-circuit-on-gateway': 1, 'single-peering-location': 1 }],
    ['two circuits, one location', twoCircuits('Amsterdam', 'Amsterdam'), { 'single-circuit-on-gateway': 0, 'single-peering-location': 1 }],
    ['two circuits, two locations', twoCircuits('Amsterdam', 'London'), { 'single-circuit-on-gateway': 0, 'single-peering-location': 0 }],
    ['connection NotConnected', [gateway('gw-er'), circuit('c1'), erConnection('a', GW, circuitId('c1'), { props: { connectionStatus: 'NotConnected' } })], { 'connection-not-connected': 1 }],
    ['connection Connected', [gateway('gw-er'), circuit('c1'), erConnection('a', GW, circuitId('c1'))], { 'connection-not-connected': 0 }],
  ])('%s', (_l, resources, expected) => {
    for (const [rule, count] of Object.entries(expected)) expect(hits(rule, resources), rule).toHaveLength(count);
  });

  it('connection status Unknown is low severity', () => {
    const f = hits('connection-not-connected', [gateway('gw-er'), circuit('c1'), erConnection('a', GW, circuitId('c1'), { props: { connectionStatus: 'Unknown' } })]);
    expect(f.map((x) => x.severity)).toEqual(['low']);
  });
});
