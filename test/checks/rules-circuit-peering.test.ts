import { describe, expect, it } from 'vitest';
import type { ArmResource } from '../../src/inventory/types.js';
import { circuit, circuitId, grConnection, peering, SUB_B } from './builders.js';
import { hits } from './graph-fixture.js';

const C1 = circuitId('c1');
const P1 = `${C1}/peerings/AzurePrivatePeering`;
type Props = Record<string, unknown>;
const withPeering = (props: Props, name?: string): ArmResource[] => [circuit('c1', { peerings: [peering(C1, { props, ...(name ? { name } : {}) })] })];

describe('circuit-not-provisioned / circuit-provisioning-disabled', () => {
  it.each<[string, Props, number, number]>([
    ['Provisioned + Enabled', {}, 0, 0],
    ['NotProvisioned', { serviceProviderProvisioningState: 'NotProvisioned' }, 1, 0],
    ['Deprovisioning', { serviceProviderProvisioningState: 'Deprovisioning' }, 1, 0],
    ['Provisioning (transient)', { serviceProviderProvisioningState: 'Provisioning' }, 0, 0],
    ['circuitProvisioningState Disabled', { circuitProvisioningState: 'Disabled' }, 0, 1],
  ])('%s', (_l, props, notProv, disabled) => {
    const r = [circuit('c1', { props })];
    expect(hits('circuit-not-provisioned', r)).toHaveLength(notProv);
    expect(hits('circuit-provisioning-disabled', r)).toHaveLength(disabled);
  });
});

describe('provisioning-failed', () => {
  it.each<[string, ArmResource[], string[]]>([
    ['circuit Failed', [circuit('c1', { props: { provisioningState: 'Failed' } })], [C1]],
    ['embedded peering Failed', withPeering({ provisioningState: 'Failed' }), [P1]],
    ['all Succeeded', withPeering({}), []],
  ])('%s', (_l, resources, ids) => {
    expect(hits('provisioning-failed', resources).map((f) => f.resourceId)).toEqual(ids);
  });
});

describe('peering-disabled', () => {
  it.each<[string, Props, number, string | undefined]>([
    ['Disabled', { state: 'Disabled' }, 1, 'high'],
    ['Enabled', {}, 0, undefined],
    ['IPv6 part Disabled', { ipv6PeeringConfig: { state: 'Disabled', primaryPeerAddressPrefix: 'fd00::/126', secondaryPeerAddressPrefix: 'fd00::4/126' } }, 1, 'medium'],
  ])('%s', (_l, props, count, severity) => {
    const f = hits('peering-disabled', withPeering(props));
    expect(f).toHaveLength(count);
    if (count) expect(f[0]).toMatchObject({ severity, fix: { kind: 'enable-peering', targetId: P1 } });
  });
});

describe('peering-asn-reserved', () => {
  it.each<[string, number, string | undefined, string | undefined]>([
    ['65515 (Microsoft)', 65515, undefined, 'high'],
    ['65520 (Microsoft)', 65520, undefined, 'high'],
    ['64500 (documentation)', 64500, undefined, 'high'],
    ['65001 private on private peering', 65001, undefined, undefined],
    ['65001 private on Microsoft peering', 65001, 'MicrosoftPeering', 'low'],
    ['public 3320', 3320, 'MicrosoftPeering', undefined],
  ])('%s', (_l, asn, name, severity) => {
    const f = hits('peering-asn-reserved', withPeering({ peerASN: asn, primaryPeerAddressPrefix: '203.0.113.0/30', secondaryPeerAddressPrefix: '203.0.113.4/30' }, name));
    expect(f.map((x) => x.severity)).toEqual(severity ? [severity] : []);
  });
});

describe('peering-prefix-invalid', () => {
  it.each<[string, Props, string | undefined, number]>([
    ['two good /30s', {}, undefined, 0],
    ['/29 instead of /30', { primaryPeerAddressPrefix: '192.168.10.0/29' }, undefined, 1],
    ['host bits set', { secondaryPeerAddressPrefix: '192.168.10.5/30' }, undefined, 1],
    ['garbage', { primaryPeerAddressPrefix: '192.168.10/30' }, undefined, 1],
    ['secondary missing', { secondaryPeerAddressPrefix: '' }, undefined, 1],
    ['IPv6 /126 pair', { ipv6PeeringConfig: { primaryPeerAddressPrefix: 'fd00:1::/126', secondaryPeerAddressPrefix: 'fd00:1::4/126' } }, undefined, 0],
    ['IPv6 /64', { ipv6PeeringConfig: { primaryPeerAddressPrefix: 'fd00:1::/64', secondaryPeerAddressPrefix: 'fd00:2::/126' } }, undefined, 1],
    ['RFC 1918 on Microsoft peering', {}, 'MicrosoftPeering', 2],
  ])('%s', (_l, props, name, count) => {
    expect(hits('peering-prefix-invalid', withPeering(props, name))).toHaveLength(count);
  });

  it('proposes the network address when only host bits are wrong', () => {
    const [f] = hits('peering-prefix-invalid', withPeering({ secondaryPeerAddressPrefix: '192.168.10.5/30' }));
    expect(f!.fix).toMatchObject({ kind: 'set-property', patch: { secondaryPeerAddressPrefix: '192.168.10.4/30' } });
    expect(f!.evidence).toEqual({ 'properties.secondaryPeerAddressPrefix': '192.168.10.5/30' });
  });
});

describe('peering-prefix-overlap', () => {
  it.each<[string, ArmResource[], number]>([
    ['distinct /30s', withPeering({}), 0],
    ['primary equals secondary', withPeering({ secondaryPeerAddressPrefix: '192.168.10.0/30' }), 1],
    ['IPv6 primary equals secondary', withPeering({ ipv6PeeringConfig: { primaryPeerAddressPrefix: 'fd00::/126', secondaryPeerAddressPrefix: 'fd00::/126' } }), 1],
    ['private and Microsoft peering overlap', [circuit('c1', { peerings: [peering(C1), peering(C1, { name: 'MicrosoftPeering', props: { vlanId: 200, primaryPeerAddressPrefix: '192.168.10.4/30', secondaryPeerAddressPrefix: '192.168.10.8/30' } })] })], 1],
  ])('%s', (_l, resources, count) => {
    expect(hits('peering-prefix-overlap', resources)).toHaveLength(count);
  });
});

describe('peering-vlan-duplicate', () => {
  const two = (vlanB: number) => [circuit('c1', { peerings: [peering(C1), peering(C1, { name: 'MicrosoftPeering', props: { vlanId: vlanB, primaryPeerAddressPrefix: '203.0.113.0/30', secondaryPeerAddressPrefix: '203.0.113.4/30' } })] })];
  it.each<[string, ArmResource[], number]>([
    ['same VLAN on two peerings', two(100), 2],
    ['different VLANs', two(200), 0],
    ['same VLAN on different circuits', [circuit('c1', { peerings: [peering(C1)] }), circuit('c2', { peerings: [peering(circuitId('c2'))] })], 0],
  ])('%s', (_l, resources, count) => {
    expect(hits('peering-vlan-duplicate', resources)).toHaveLength(count);
  });
});

describe('peering-md5-invalid', () => {
  it.each<[string, unknown, number]>([
    ['26 characters', 'a'.repeat(26), 1],
    ['special characters', 'abc-def!', 1],
    ['25 alphanumerics', 'A1'.repeat(12) + 'x', 0],
    ['redacted (not evaluable)', '***redacted***', 0],
    ['no key', undefined, 0],
  ])('%s', (_l, key, count) => {
    const f = hits('peering-md5-invalid', withPeering(key === undefined ? {} : { sharedKey: key }));
    expect(f).toHaveLength(count);
    if (typeof key === 'string') expect(JSON.stringify(f)).not.toContain(key);
  });
});

describe('Microsoft peering rules', () => {
  const ms = (props: Props) => withPeering({ primaryPeerAddressPrefix: '203.0.113.0/30', secondaryPeerAddressPrefix: '203.0.113.4/30', peerASN: 3320, ...props }, 'MicrosoftPeering');
  it.each<[string, ArmResource[], number, number]>([
    ['no route filter', ms({ microsoftPeeringConfig: { advertisedPublicPrefixesState: 'Configured' } }), 1, 0],
    ['route filter, ValidationNeeded', ms({ routeFilter: { id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/routeFilters/rf' }, microsoftPeeringConfig: { advertisedPublicPrefixesState: 'ValidationNeeded', advertisedPublicPrefixes: ['203.0.113.128/25'] } }), 0, 1],
    ['private peering without filter', withPeering({}), 0, 0],
  ])('%s', (_l, resources, noFilter, validation) => {
    expect(hits('ms-peering-no-route-filter', resources)).toHaveLength(noFilter);
    expect(hits('ms-peering-prefix-validation', resources)).toHaveLength(validation);
  });
});

describe('Global Reach', () => {
  const CB = circuitId('cb');
  const PB = `${CB}/peerings/AzurePrivatePeering`;
  const estate = (gr: Props, o: { tierA?: string; tierB?: string; locB?: string } = {}): ArmResource[] => [
    circuit('c1', { tier: o.tierA, peerings: [peering(C1, { props: { connections: [grConnection(P1, 'gr', PB, gr)] } })] }),
    circuit('cb', { tier: o.tierB, location: o.locB ?? 'northeurope', peeringLocation: 'London', peerings: [peering(CB, { props: { primaryPeerAddressPrefix: '192.168.20.0/30', secondaryPeerAddressPrefix: '192.168.20.4/30' } })] }),
  ];
  it.each<[string, ArmResource[], Record<string, number>]>([
    ['clean', estate({}), { 'global-reach-prefix-invalid': 0, 'global-reach-prefix-overlap': 0, 'global-reach-local-sku': 0, 'global-reach-geopolitical': 0 }],
    ['/28 prefix', estate({ addressPrefix: '10.250.0.0/28' }), { 'global-reach-prefix-invalid': 1 }],
    ['IPv6 /64 prefix', estate({ ipv6CircuitConnectionConfig: { addressPrefix: 'fd00:9::/64' } }), { 'global-reach-prefix-invalid': 1 }],
    ['IPv6 /125 prefix', estate({ ipv6CircuitConnectionConfig: { addressPrefix: 'fd00:9::/125' } }), { 'global-reach-prefix-invalid': 0 }],
    ['overlaps a peering subnet', estate({ addressPrefix: '192.168.20.0/29' }), { 'global-reach-prefix-overlap': 1 }],
    ['Local SKU circuit', estate({}, { tierB: 'Local' }), { 'global-reach-local-sku': 1 }],
    ['Europe ↔ North America, Standard', estate({}, { locB: 'eastus' }), { 'global-reach-geopolitical': 1 }],
    ['Europe ↔ North America, both Premium', estate({}, { locB: 'eastus', tierA: 'Premium', tierB: 'Premium' }), { 'global-reach-geopolitical': 0 }],
  ])('%s', (_l, resources, expected) => {
    for (const [rule, count] of Object.entries(expected)) expect(hits(rule, resources), rule).toHaveLength(count);
  });

  it('reports an unreadable peer circuit as reference-no-access on the Global Reach connection', () => {
    const other = `${circuitId('cx', SUB_B)}/peerings/AzurePrivatePeering`;
    const f = hits('reference-no-access', [circuit('c1', { peerings: [peering(C1, { props: { connections: [grConnection(P1, 'gr', other, { authorizationKey: 'k' })] } })] })]);
    expect(f.map((x) => [x.resourceId, x.evidence.relation])).toEqual([[`${P1}/connections/gr`, 'Global Reach to']]);
  });
});
