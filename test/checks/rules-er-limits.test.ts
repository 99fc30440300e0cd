import { describe, expect, it } from 'vitest';
import type { ArmResource } from '../../src/inventory/types.js';
import { circuit, circuitId, erConnection, erGateway, gateway, gatewayId, grConnection, hub, peering } from './builders.js';
import { vnet } from './builders-er.js';
import { hits } from './graph-fixture.js';

const GW = gatewayId('gw-er');
const PP = (c: string) => `${circuitId(c)}/peerings/AzurePrivatePeering`;

/** Circuit c0 with `n` gateway connections from n gateways (each in its own VNet). */
function links(n: number, c: Parameters<typeof circuit>[1]): ArmResource[] {
  const out: ArmResource[] = [circuit('c0', c)];
  for (let i = 0; i < n; i++) {
    out.push(gateway(`gw${i}`, { vnet: `vnet${i}` }));
    out.push(erConnection(`conn${i}`, gatewayId(`gw${i}`), circuitId('c0')));
  }
  return out;
}

describe('circuit-subscription-limit', () => {
  const many = (n: number, location: (i: number) => string) => Array.from({ length: n }, (_, i) => circuit(`c${i}`, { location: location(i) }));
  it.each<[string, ArmResource[], number]>([
    ['10 circuits in one region (at the per-region limit)', many(10, () => 'westeurope'), 1],
    ['9 circuits in one region', many(9, () => 'westeurope'), 0],
    ['12 circuits spread over two regions', many(12, (i) => (i % 2 ? 'westeurope' : 'northeurope')), 0],
    ['50 circuits over 10 regions (at the subscription limit)', many(50, (i) => `region${i % 10}`), 1],
  ])('%s', (_l, resources, count) => {
    const f = hits('circuit-subscription-limit', resources);
    expect(f).toHaveLength(count);
    if (count) expect(f[0]!.resourceId).toBe(circuitId('c0')); // the first circuit by name carries it
  });
  it('says medium when over the limit', () => {
    expect(hits('circuit-subscription-limit', many(11, () => 'westeurope'))[0]!.severity).toBe('medium');
  });
});

describe('circuit-vnet-link-limit', () => {
  const gr = (n: number) => {
    const peers = Array.from({ length: n }, (_, i) => circuit(`p${i}`, { peeringLocation: `Loc${i}` }));
    const conns = peers.map((p, i) => grConnection(PP('c0'), `gr${i}`, PP(p.name!), { addressPrefix: `10.250.${i}.0/29` }));
    return { peers, conns };
  };
  it.each<[string, ArmResource[], number]>([
    ['11 links on a Standard circuit (limit 10)', links(11, { tier: 'Standard' }), 1],
    ['10 links on a Standard circuit', links(10, { tier: 'Standard' }), 0],
    ['11 links on a Local circuit (limit 10)', links(11, { tier: 'Local' }), 1],
    ['21 links on a Premium 50 Mbps circuit (limit 20)', links(21, { tier: 'Premium', mbps: 50 }), 1],
    ['21 links on a Premium 100 Mbps circuit (limit 25)', links(21, { tier: 'Premium', mbps: 100 }), 0],
    ['41 links on a Premium 500 Mbps circuit (limit 40)', links(41, { tier: 'Premium', mbps: 500 }), 1],
  ])('%s', (_l, resources, count) => {
    const f = hits('circuit-vnet-link-limit', resources);
    expect(f).toHaveLength(count);
    if (count) expect(f[0]!.resourceId).toBe(circuitId('c0'));
  });
  it('counts Global Reach connections against the limit', () => {
    const { peers, conns } = gr(3);
    const base = links(8, { tier: 'Standard', peerings: [peering(circuitId('c0'), { props: { connections: conns } })] });
    const f = hits('circuit-vnet-link-limit', [...base, ...peers]);
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence).toMatchObject({ links: 11, limit: 10 });
    expect((f[0]!.evidence.globalReach as string[]).length).toBe(3);
  });
});

describe('circuit-bandwidth-unsupported', () => {
  it.each<[string, ArmResource, number]>([
    ['300 Mbps provider circuit', circuit('c0', { mbps: 300 }), 1],
    ['20000 Mbps provider circuit', circuit('c0', { mbps: 20000 }), 1],
    ['1000 Mbps provider circuit', circuit('c0', { mbps: 1000 }), 0],
    ['50 Mbps provider circuit', circuit('c0', { mbps: 50 }), 0],
    ['ExpressRoute Direct circuit (port-based, no provider bandwidth rule)', circuit('c0', { mbps: 300, props: { expressRoutePort: { id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/expressRoutePorts/port1' } } }), 0],
  ])('%s', (_l, c, count) => {
    expect(hits('circuit-bandwidth-unsupported', [c])).toHaveLength(count);
  });
});

describe('circuit-link-cross-geopolitical', () => {
  const estate = (tier: string, peeringLocation: string, gwLocation: string): ArmResource[] => {
    const gw = gateway('gw-er');
    gw.location = gwLocation;
    return [gw, circuit('c0', { tier, peeringLocation }), erConnection('conn', GW, circuitId('c0'))];
  };
  it.each<[string, ArmResource[], number]>([
    ['Standard circuit in Amsterdam linked to an East US gateway', estate('Standard', 'Amsterdam', 'eastus'), 1],
    ['Local circuit in Tokyo linked to a West Europe gateway', estate('Local', 'Tokyo', 'westeurope'), 1],
    ['Premium circuit in Amsterdam linked to an East US gateway', estate('Premium', 'Amsterdam', 'eastus'), 0],
    ['Standard circuit in London linked to a West Europe gateway (both Europe)', estate('Standard', 'London', 'westeurope'), 0],
    ['Standard circuit in a peering location the table does not list', estate('Standard', 'Atlantis', 'eastus'), 0],
  ])('%s', (_l, resources, count) => {
    const f = hits('circuit-link-cross-geopolitical', resources);
    expect(f).toHaveLength(count);
    if (count) expect(f[0]!.resourceId).toMatch(/connections\/conn$/);
  });
  it('also judges vWAN ExpressRoute connections by the hub gateway region', () => {
    const ergw = erGateway('ergw', 'hub1', [{ name: 'erc', peering: PP('c0') }]);
    ergw.location = 'eastus';
    expect(hits('circuit-link-cross-geopolitical', [...hub('hub1', { ergw: ergw.id }), ergw, circuit('c0', { peeringLocation: 'Amsterdam' })])).toHaveLength(1);
  });
});

describe('peering-public-deprecated', () => {
  it.each<[string, string, number]>([
    ['Azure public peering', 'AzurePublicPeering', 1],
    ['Azure private peering', 'AzurePrivatePeering', 0],
    ['Microsoft peering', 'MicrosoftPeering', 0],
  ])('%s', (_l, name, count) => {
    const cid = circuitId('c0');
    const p = peering(cid, { name, props: { peeringType: name, primaryPeerAddressPrefix: '203.0.113.0/30', secondaryPeerAddressPrefix: '203.0.113.4/30', routeFilter: { id: 'rf' } } });
    expect(hits('peering-public-deprecated', [circuit('c0', { peerings: [p] })])).toHaveLength(count);
  });
});

describe('peering-prefix-overlaps-vnet', () => {
  const estate = (primary: string, space: string[]): ArmResource[] => [
    circuit('c0', { peerings: [peering(circuitId('c0'), { props: { primaryPeerAddressPrefix: primary } })] }),
    gateway('gw-er'),
    vnet('vnet-hub', { space }),
    erConnection('conn', GW, circuitId('c0')),
  ];
  it.each<[string, ArmResource[], number]>([
    ['primary /30 inside the linked VNet', estate('10.1.200.0/30', ['10.1.0.0/16']), 1],
    ['primary /30 outside the linked VNet', estate('192.168.10.0/30', ['10.1.0.0/16']), 0],
    ['overlapping VNet not linked to this circuit', [circuit('c0', { peerings: [peering(circuitId('c0'), { props: { primaryPeerAddressPrefix: '10.1.200.0/30' } })] }), gateway('gw-er'), vnet('vnet-hub')], 0],
  ])('%s', (_l, resources, count) => {
    const f = hits('peering-prefix-overlaps-vnet', resources);
    expect(f).toHaveLength(count);
    if (count) expect(f[0]!.evidence['properties.primaryPeerAddressPrefix']).toBe('10.1.200.0/30');
  });
  it('checks the address prefix of a linked vWAN hub', () => {
    const ergw = erGateway('ergw', 'hub1', [{ name: 'erc', peering: PP('c0') }]);
    const c = circuit('c0', { peerings: [peering(circuitId('c0'), { props: { primaryPeerAddressPrefix: '10.100.0.4/30' } })] });
    expect(hits('peering-prefix-overlaps-vnet', [...hub('hub1', { ergw: ergw.id }), ergw, c])).toHaveLength(1);
  });
});

describe('ms-peering-advertised-private', () => {
  const ms = (prefixes: string[]) =>
    circuit('c0', {
      peerings: [peering(circuitId('c0'), { name: 'MicrosoftPeering', props: { primaryPeerAddressPrefix: '203.0.113.0/30', secondaryPeerAddressPrefix: '203.0.113.4/30', routeFilter: { id: 'rf' }, microsoftPeeringConfig: { advertisedPublicPrefixes: prefixes, advertisedPublicPrefixesState: 'Configured' } } })],
    });
  it.each<[string, string[], number]>([
    ['RFC 1918 prefix advertised', ['198.51.100.0/28', '10.20.0.0/24'], 1],
    ['public prefixes only', ['198.51.100.0/28', '203.0.113.64/27'], 0],
  ])('%s', (_l, prefixes, count) => {
    const f = hits('ms-peering-advertised-private', [ms(prefixes)]);
    expect(f).toHaveLength(count);
    if (count) expect(f[0]!.evidence.privatePrefixes).toEqual(['10.20.0.0/24']);
  });
});

describe('global-reach-same-location', () => {
  const estate = (a: string, b: string) => [circuit('c0', { peeringLocation: a, peerings: [peering(circuitId('c0'), { props: { connections: [grConnection(PP('c0'), 'gr', PP('c1'))] } })] }), circuit('c1', { peeringLocation: b })];
  it.each<[string, ArmResource[], number]>([
    ['both circuits in Amsterdam', estate('Amsterdam', 'Amsterdam'), 1],
    ['Silicon Valley vs "SiliconValley" (same location, spelled apart)', estate('Silicon Valley', 'SiliconValley'), 1],
    ['Amsterdam and London', estate('Amsterdam', 'London'), 0],
  ])('%s', (_l, resources, count) => {
    expect(hits('global-reach-same-location', resources)).toHaveLength(count);
  });
});

describe('er-hub-gateway-scale-units', () => {
  it.each<[string, Record<string, number>, number]>([
    ['max 12 scale units', { min: 2, max: 12 }, 1],
    ['min 0', { min: 0 }, 1],
    ['min above max', { min: 5, max: 3 }, 1],
    ['1 to 10 scale units', { min: 1, max: 10 }, 0],
    ['min 2 only', { min: 2 }, 0],
  ])('%s', (_l, bounds, count) => {
    expect(hits('er-hub-gateway-scale-units', [...hub('hub1'), erGateway('hub1-ergw', 'hub1', [], { autoScaleConfiguration: { bounds } })])).toHaveLength(count);
  });
});

describe('er-connection-shared-key and er-connection-ipsec-policy', () => {
  const estate = (props: Record<string, unknown>) => [gateway('gw-er'), circuit('c0'), erConnection('conn', GW, circuitId('c0'), { props })];
  it.each<[string, string, Record<string, unknown>, number]>([
    ['shared key on an ER connection', 'er-connection-shared-key', { sharedKey: 'abc123' }, 1],
    ['redacted shared key still counts as present', 'er-connection-shared-key', { sharedKey: '***' }, 1],
    ['no shared key', 'er-connection-shared-key', {}, 0],
    ['IPsec policy on an ER connection', 'er-connection-ipsec-policy', { ipsecPolicies: [{ ipsecEncryption: 'AES256' }] }, 1],
    ['empty IPsec policy list', 'er-connection-ipsec-policy', { ipsecPolicies: [] }, 0],
  ])('%s', (_l, rule, props, count) => {
    const f = hits(rule, estate(props));
    expect(f).toHaveLength(count);
    if (count && rule === 'er-connection-shared-key') expect(JSON.stringify(f[0])).not.toContain('abc123');
  });
});
